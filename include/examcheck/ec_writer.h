/*
 * ec_writer.h: output formats as writers. A writer is one format's set of
 * callbacks for each kind of document (an answer key, a graded sheet,
 * class statistics); ec_write_key(), ec_write_sheet() and ec_write_stats()
 * walk the document and call them, as
 * cmark walks a tree for each of its renderers. The built-in writers live
 * one per file in src/lib/grading/write_<format>.c: adding a format is one
 * such file, one entry in writer.c's table and one ec_format value.
 */
#ifndef EC_WRITER_H
#define EC_WRITER_H

#include <stdio.h>

#include "examcheck/ec_check.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_stats.h"

/** The output formats of examcheck's --format. */
typedef enum ec_format {
	EC_FORMAT_TEXT,      /**< aligned columns, for people */
	EC_FORMAT_TSV,       /**< tab-separated lines, no header */
	EC_FORMAT_CSV,       /**< comma-separated with a header line */
	EC_FORMAT_JSON,      /**< one JSON value */
	EC_FORMAT_GRADESCOPE /**< Gradescope's results.json */
} ec_format;

/** How many formats there are: every ec_format is below this. */
#define EC_FORMAT_COUNT 5

/**
 * The format named `name` ("text", "tsv", "csv", "json", "gradescope",
 * exactly so) into *format. Returns EC_OK or EC_ERR_NOTFOUND.
 */
ec_status ec_format_parse(const char *name, ec_format *format);

/** The name of `format` ("text", ...), or NULL when it is not a format. */
const char *ec_format_name(ec_format format);

/** The kinds of documents a writer may write. */
typedef enum ec_document {
	EC_DOCUMENT_KEY,   /**< an answer key (ec_key) */
	EC_DOCUMENT_SHEET, /**< one graded answer sheet (ec_sheet_report) */
	EC_DOCUMENT_STATS, /**< class statistics (ec_stats and its ec_stats_summary) */
	EC_DOCUMENT_ROSTER, /**< a graded roster, a student at a time (ec_roster_row) */
	EC_DOCUMENT_CHECK   /**< answers checked and explained (ec_check_report) */
} ec_document;

/**
 * What a writer's callbacks share while one document is written. The
 * ec_write_*() call zeroes it and sets `out`; the rest is the writer's.
 */
typedef struct ec_write_ctx {
	FILE *out;     /**< where the document goes */
	size_t items;  /**< for the writer: items it has written so far */
	size_t sections; /**< for the writer: sections it has written so far */
	int width[2];  /**< for the writer: column widths chosen in begin */
	void *scratch; /**< for the writer: memory kept between its calls (a roster's), released by
			    ec_write_roster_end() or ec_write_ctx_free() */
} ec_write_ctx;

/** Release what a writer keeps in ctx->scratch (a roster stopped before its end); NULL-safe. */
void ec_write_ctx_free(ec_write_ctx *ctx);

/*
 * Callbacks return EC_OK, or a failure (EC_ERR_NOMEM) that stops the
 * writing. Write errors are not theirs to report: they stay on the stream.
 */

/**
 * Writing an answer key: begin with the whole key (so text can size its
 * columns), item for each item in key order, then end. A format that
 * writes no keys leaves item NULL; begin and end may be NULL when the
 * format has nothing to write there.
 */
typedef struct ec_key_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_key *key);
	ec_status (*item)(ec_write_ctx *w, const ec_key_item *item);
	ec_status (*end)(ec_write_ctx *w, const ec_key *key);
} ec_key_writer;

/**
 * Writing a graded sheet: begin with the whole report; item(r, i) for
 * every item i in key order, manual ones included; section(r, s) for each
 * section s that has auto-graded points (section_max[s] > 0), in order,
 * before the items when `sections_first`, else after them; then end. A
 * format that writes no sheets leaves item NULL; begin, section and end
 * may be NULL when the format has nothing to write there.
 */
typedef struct ec_sheet_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_sheet_report *r);
	ec_status (*item)(ec_write_ctx *w, const ec_sheet_report *r, size_t i);
	ec_status (*section)(ec_write_ctx *w, const ec_sheet_report *r, size_t s);
	ec_status (*end)(ec_write_ctx *w, const ec_sheet_report *r);
	bool sections_first;
} ec_sheet_writer;

/**
 * Writing class statistics: begin with the state and its summary (the
 * summary's n is 0, its numbers NaN and its upper and lower NULL when no
 * student was added), item(s, sum, i) for every item of the state in
 * order, then end. A format that writes no statistics leaves item NULL;
 * begin and end may be NULL.
 */
typedef struct ec_stats_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum);
	ec_status (*item)(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum,
			  size_t i);
	ec_status (*end)(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum);
} ec_stats_writer;

/** One output format: its name and its writer for each kind of document. */
/**
 * A graded roster: begin with the grader and the roster's header, one row
 * a student in input order, end. ec_roster_grade() writes CSV itself, in
 * its one-pass way; the CSV writer's roster callbacks give the same bytes
 * (a test holds them to it) and are how other formats are added.
 */
typedef struct ec_roster_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h);
	ec_status (*row)(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h,
			 const ec_roster_row *row);
	ec_status (*end)(ec_write_ctx *w);
} ec_roster_writer;

/**
 * Answers checked and explained (examcheck check): begin with the report,
 * item(r, i) for each item in order, end. A format that writes no such
 * report leaves item NULL; begin and end may be NULL.
 */
typedef struct ec_check_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_check_report *r);
	ec_status (*item)(ec_write_ctx *w, const ec_check_report *r, size_t i);
	ec_status (*end)(ec_write_ctx *w, const ec_check_report *r);
} ec_check_writer;

typedef struct ec_writer {
	const char *name;
	ec_key_writer key;
	ec_sheet_writer sheet;
	ec_stats_writer stats;
	ec_roster_writer roster;
	ec_check_writer check;
} ec_writer;

/** The built-in writer of `format`, or NULL when it is not a format. */
const ec_writer *ec_writer_get(ec_format format);

/** Whether `w` writes documents of kind `doc` (their item callback is set). */
bool ec_writer_writes(const ec_writer *w, ec_document doc);

/**
 * The formats whose built-in writer writes documents of kind `doc`, as a
 * mask of (1u << format): text, tsv, csv and json for a key; text, json
 * and gradescope for a sheet; text, csv and json for statistics; csv and
 * json for a roster; text and json for checked answers.
 */
unsigned ec_format_mask(ec_document doc);

/**
 * Write `key` to `f` with `w`. Returns EC_OK; EC_ERR_INVALID when `w`
 * writes no keys (nothing is written then); what a callback fails with.
 * Write errors are left on the stream for the caller (ferror(f)).
 *
 * The built-in formats: text, a header "id answer points kind" and one
 * line per item in columns two spaces apart (id and answer as wide as the
 * widest, at least 2 and 6, the answers of manual items not counted;
 * points as ec_points_format(), 8 wide; an item whose origin is not the
 * exam adds, after its kind padded to 6, "stand-in: FILE" or
 * "reconstructed: FILE", FILE its data file); tsv, "id<TAB>answer<TAB>
 * points<TAB>kind" per item with points as ec_points_format_exact() (the
 * key-file format; origins are not written, so that every reader of four
 * fields reads it); csv, the header "id,answer,points,kind", then a line
 * per item with id and answer as ec_write_csv_field() writes them and
 * points as ec_points_format() (no origins either); json, an array of
 * {"id", "answer", "points", "kind"} objects, one per line after the '[',
 * points in %.17g, an item whose origin is not the exam adding "data"
 * (ec_key_origin_name(): "stand-in", "reconstructed") and, when it names
 * one, "data_file".
 */
ec_status ec_write_key(FILE *f, const ec_writer *w, const ec_key *key, ec_error *err);

/**
 * Write the graded sheet `r` to `f` with `w`. Returns EC_OK;
 * EC_ERR_INVALID when `w` writes no sheets (nothing is written then);
 * what a callback fails with (EC_ERR_NOMEM). Write errors are left on
 * the stream for the caller (ferror(f)).
 */
ec_status ec_write_sheet(FILE *f, const ec_writer *w, const ec_sheet_report *r,
			 ec_error *err);

/**
 * Summarise `s` (ec_stats_summarise()) and write the statistics to `f`
 * with `w`. Returns EC_OK; EC_ERR_INVALID when `w` writes no statistics
 * (nothing is written then); EC_ERR_NOMEM; what a callback fails with.
 * Write errors are left on the stream for the caller (ferror(f)).
 *
 * The built-in formats (a number that is not defined is "-" in text, an
 * empty field in csv, null in json):
 * text, lines "name<TAB>value" for students, mean, median (with
 * "(estimated)" when it is), sd, min, max, alpha and groups, the histogram
 * of totals with a bar of '#', then a table "item facility discrimination
 * upper lower options chosen", the last column listing for mc items each
 * option as A=n then blank=n, for tf items T=n F=n blank=n (and
 * unreadable=n when there are any);
 * csv, one line per item under the header "id,kind,points,facility,
 * discrimination,upper,lower,blank,unreadable,true,false" followed by a
 * column per option letter any mc item lists;
 * json, one object {"students", "mean", "median", "median_exact", "sd",
 * "min", "max", "alpha", "groups": {"percent", "size", "upper",
 * "upper_cut", "lower", "lower_cut", "exact"}, "histogram": [{"lo", "hi",
 * "count"}, ...], "items": [{"id", "kind", "points", "facility",
 * "discrimination", "upper", "lower", and for mc "options": {"A": n, ...,
 * "blank": n, "unreadable": n}, for tf "answers": {"T", "F", "blank",
 * "unreadable"}}, ...]}; ratios to 10 significant digits, points as
 * ec_points_format().
 */
ec_status ec_write_stats(FILE *f, const ec_writer *w, const ec_stats *s, ec_error *err);

/**
 * A roster written a student at a time: ec_write_roster_begin() once the
 * header is known (ctx set up to write to f), ec_write_roster_row() per
 * student, ec_write_roster_end(). EC_ERR_INVALID when the format writes no
 * roster; a write error stays on the stream (ferror). A roster stopped
 * before its end is released with ec_write_ctx_free().
 */
ec_status ec_write_roster_begin(ec_write_ctx *ctx, FILE *f, const ec_writer *w,
				const ec_grader *g, const ec_roster_header *h, ec_error *err);
ec_status ec_write_roster_row(ec_write_ctx *ctx, const ec_writer *w, const ec_grader *g,
			      const ec_roster_header *h, const ec_roster_row *row, ec_error *err);
ec_status ec_write_roster_end(ec_write_ctx *ctx, const ec_writer *w, ec_error *err);

/**
 * Write the checked answers `r` to `f` with `w`. Returns EC_OK;
 * EC_ERR_INVALID when `w` writes no such report (nothing is written then);
 * what a callback fails with. Write errors are left on the stream.
 *
 * The built-in formats: text, for one item the line "Points: P of MAX
 * (VERDICT)" (P and MAX as ec_points_format_exact(), VERDICT as
 * ec_check_verdict_name()), its lines of explanation, then "Worked answer:
 * examcheck qID"; for a group, one such Points line per item followed by
 * the item's id and answer, "Total: P of MAX", then per item a line "ID
 * (ANSWER):" and its explanation indented by two spaces, then the worked
 * answer line. json, for one item the object {"id", "answer", "points",
 * "max", "verdict", "reasons": [...], "mistake" (null when none), "worked"}
 * with points and max as numbers (%.17g); for a group {"id", "items":
 * [such objects], "total", "max", "worked"}.
 */
ec_status ec_write_check(FILE *f, const ec_writer *w, const ec_check_report *r, ec_error *err);

/**
 * Write `s` as one CSV field: as it is, or, when it holds ',', '"', CR or
 * LF, between double quotes with each '"' doubled.
 */
void ec_write_csv_field(FILE *f, const char *s);

/**
 * Write `s` as a JSON string between double quotes, always valid UTF-8:
 * '"' and '\' get a backslash, newline and tab are written \n and \t, the
 * other control characters (below U+0020, U+007F to U+009F) \u00XX
 * (lower-case hex), format characters (ec_utf8_is_format(): bidi controls
 * and the like) \uxxxx too (a tag above U+FFFF as its surrogate pair), so
 * that a viewer shows them; other well-formed UTF-8 as it is; and each maximal part of
 * an ill-formed sequence (a stray byte, an overlong form, a surrogate,
 * a code point above U+10FFFF, a sequence cut short) \ufffd.
 */
void ec_write_json_string(FILE *f, const char *s);

#endif
