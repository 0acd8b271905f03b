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

#include "examcheck/ec_answer_groups.h"
#include "examcheck/ec_chart.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_class.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_stats.h"
#include "examcheck/ec_text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The output formats of examcheck's --format. */
typedef enum ec_format {
	EC_FORMAT_TEXT,      /**< aligned columns, for people */
	EC_FORMAT_TSV,       /**< tab-separated lines, no header */
	EC_FORMAT_CSV,       /**< comma-separated with a header line */
	EC_FORMAT_JSON,      /**< one JSON value */
	EC_FORMAT_GRADESCOPE, /**< Gradescope's results.json */
	EC_FORMAT_MD,        /**< Markdown */
	EC_FORMAT_LATEX,     /**< a LaTeX document for pdflatex */
	EC_FORMAT_SVG,       /**< an SVG picture (charts) */
	EC_FORMAT_HTML       /**< one self-contained HTML page (the class report) */
} ec_format;

/** How many formats there are: every ec_format is below this. */
#define EC_FORMAT_COUNT 9

/**
 * The format named `name` ("text", "tsv", "csv", "json", "gradescope",
 * "md", "latex", "svg", "html", exactly so) into *format. Returns EC_OK or
 * EC_ERR_NOTFOUND.
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
	EC_DOCUMENT_CHECK,  /**< answers checked and explained (ec_check_report) */
	EC_DOCUMENT_PAPER,  /**< an exam's question paper (ec_paper) */
	EC_DOCUMENT_CHART,  /**< one chart (ec_chart) */
	EC_DOCUMENT_CLASS   /**< a class seen whole: the report of a graded roster (ec_class) */
} ec_document;

/**
 * Where a leaf of a question paper takes one answer: an item of the exam's
 * key, without its answer (what a paper for students may know of it).
 */
typedef struct ec_paper_blank {
	char id[40];          /**< the key item's id: "3.2.1.1.dims", "3.3.7.why" */
	ec_key_kind kind;     /**< what is written there: a mark (tf), letters (mc), a
				   number, a count, a shape, a mask, or prose (manual) */
	double points;
	size_t cells;         /**< a mask: how many digits (9: a 3 x 3 mask); else 0 */
} ec_paper_blank;

/** One question or group of a question paper. */
typedef struct ec_paper_question {
	const char *id;       /**< "2.8", "3.2" */
	const char *title;
	double points;
	bool leaf;            /**< a question to answer, not a group */
	ec_text text;         /**< its text (a group's: what its parts share) */
	char *params;         /**< its numbers as one JSON object ("{}" when none) */
	ec_paper_blank *blanks; /**< a leaf's answers, in key order (none for a group) */
	size_t nblanks;
} ec_paper_question;

/**
 * An exam's question paper, as plain data (ec_exam_paper() makes one): the
 * student's copy, which says nothing of the key or how to get it.
 */
typedef struct ec_paper {
	uint64_t seed;        /**< 0: the original exam, else the variant's seed */
	char title[96];       /**< "Deep learning practice midterm, variant 7" */
	char summary[160];    /**< "100 points: true or false 20, ..." */
	ec_paper_question *questions; /**< in exam order */
	size_t count;
} ec_paper;

/**
 * What a writer's callbacks share while one document is written. The
 * ec_write_*() call zeroes it and sets `out`; the rest is the writer's.
 */
typedef struct ec_write_ctx {
	FILE *out;     /**< where the document goes */
	bool versions; /**< statistics: one block of several, for versions of the exam
			    (ec_write_stats_versions()) */
	uint64_t version; /**< then: the block's version (its seed) */
	size_t block;  /**< then: the block's place, 0 for the first */
	size_t items;  /**< for the writer: items it has written so far */
	size_t sections; /**< for the writer: sections it has written so far */
	int width[2];  /**< for the writer: column widths chosen in begin */
	const ec_answer_groups *groups; /**< statistics: the answer groups to write with them,
					     or NULL (set by ec_write_stats_groups()) */
	/* versions_end of ec_write_stats_versions(): every block, as it was given */
	const ec_stats *const *vstats;
	const ec_answer_groups *const *vgroups; /**< NULL, or per block (an entry NULL: none) */
	const uint64_t *vseeds;
	size_t nversions;
	bool header_done; /**< for the writer: a table's header is written */
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
	/** Several versions: before each block (w->version, w->block set) and after the last. */
	ec_status (*version)(ec_write_ctx *w);
	ec_status (*versions_end)(ec_write_ctx *w);
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

/**
 * Writing a question paper: begin, question(p, i) for each question and
 * group in exam order, end. A format that writes no papers leaves
 * question NULL.
 */
typedef struct ec_paper_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_paper *p);
	ec_status (*question)(ec_write_ctx *w, const ec_paper *p, size_t i);
	ec_status (*end)(ec_write_ctx *w, const ec_paper *p);
} ec_paper_writer;

/** Drawing one chart: draw writes it whole. A format that draws none leaves draw NULL. */
typedef struct ec_chart_writer {
	ec_status (*draw)(ec_write_ctx *w, const ec_chart *c);
} ec_chart_writer;

/**
 * Writing a class report (ec_class, finished): begin, part(c, k) for each
 * part (key) in order, end. A format that writes none leaves part NULL.
 */
typedef struct ec_class_writer {
	ec_status (*begin)(ec_write_ctx *w, const ec_class *c);
	ec_status (*part)(ec_write_ctx *w, const ec_class *c, size_t k);
	ec_status (*end)(ec_write_ctx *w, const ec_class *c);
} ec_class_writer;

typedef struct ec_writer {
	const char *name;
	ec_key_writer key;
	ec_sheet_writer sheet;
	ec_stats_writer stats;
	ec_roster_writer roster;
	ec_check_writer check;
	ec_paper_writer paper;
	ec_chart_writer chart;
	ec_class_writer cls;
} ec_writer;

/** The built-in writer of `format`, or NULL when it is not a format. */
const ec_writer *ec_writer_get(ec_format format);

/** Whether `w` writes documents of kind `doc` (their item callback is set). */
bool ec_writer_writes(const ec_writer *w, ec_document doc);

/**
 * The formats whose built-in writer writes documents of kind `doc`, as a
 * mask of (1u << format): text, tsv, csv, json and latex for a key; text,
 * json and gradescope for a sheet; text, csv and json for statistics; csv
 * and json for a roster; text and json for checked answers; text, json, md
 * and latex for a question paper; svg for a chart; html for a class.
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
 * one, "data_file"; latex, a standalone document for the instructor (the
 * exam's name from key->seed) whose longtable has a row "id & answer &
 * points & kind" per item, text as ec_write_latex_text() writes it, points
 * as ec_points_format_exact(), an item whose origin is not the exam adding
 * "(stand-in: FILE)" or "(reconstructed: FILE)" after its kind.
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
 * "blank": n, "unreadable": n}, for tf "options": {"T", "F", "blank",
 * "unreadable"}}, ...]}; ratios to 10 significant digits, points as
 * ec_points_format(). (Before the answer groups, a tf item's counts were
 * named "answers"; that name is now the groups'.)
 */
ec_status ec_write_stats(FILE *f, const ec_writer *w, const ec_stats *s, ec_error *err);

/**
 * The statistics of a class that sat several versions of the exam: block
 * k is `stats[k]` with the answer groups `groups[k]` (`groups` or an
 * entry NULL: none), of version (seed) `seeds[k]`, written as
 * ec_write_stats_groups() does, framed by format: text, a line "variant N"
 * before each block and a blank line between blocks; csv, one header with
 * a first column "variant", then each item's line after its version (and
 * after an empty line, the answer groups of every block the same way); json,
 * an array of {"variant": N, "stats": {...}}. EC_ERR_INVALID when `w`
 * writes no statistics; what a callback fails with.
 */
ec_status ec_write_stats_versions(FILE *f, const ec_writer *w, const ec_stats *const *stats,
				  const ec_answer_groups *const *groups, const uint64_t *seeds,
				  size_t n, ec_error *err);

/**
 * ec_write_stats() with the answer groups `groups` (of the grader whose
 * items `s` describes, finished; NULL: as ec_write_stats()). Each item's
 * groups, largest first, are written as:
 * text, after the item table a table "item answer count points verdict
 * mistake" (blank answers "-"; a line "(other)" with verdict "other" for
 * the students counted as other);
 * csv, after the item lines an empty line and a second table under the
 * header "id,answer,count,points,verdict,mistake" (other as for text);
 * json, in each item object "answers": [{"answer", "count", "points",
 * "verdict", "mistake" (null when none)}, ...] and "answers_other": n.
 */
ec_status ec_write_stats_groups(FILE *f, const ec_writer *w, const ec_stats *s,
				const ec_answer_groups *groups, ec_error *err);

/**
 * Draw chart `c` to `f` with `w`. Returns EC_OK; EC_ERR_INVALID when `w`
 * draws no charts; what the writer fails with. Write errors stay on the
 * stream.
 *
 * The built-in format, svg: one <svg> element (no XML declaration, so
 * that it can sit inside HTML) with width, height and viewBox set, a
 * <title>, the axes with their ticks and labels, each bar a <rect
 * class="bar"> whose height (width, lying) is its count over the count
 * axis's span times the plot's (ec_chart_layout()), with a <title>
 * "LABEL: COUNT" tooltip; each point a <circle class="point">. Colours are
 * attributes, so the picture needs no style sheet; every text is escaped
 * (ec_write_xml_text()).
 */
ec_status ec_write_chart(FILE *f, const ec_writer *w, const ec_chart *c, ec_error *err);

/**
 * Write the report of class `c` (ec_class_finish() done) to `f` with `w`.
 * Returns EC_OK; EC_ERR_INVALID when `w` writes no class reports; what
 * the writer fails with (EC_ERR_NOMEM). Write errors stay on the stream.
 *
 * The built-in format, html: one page that needs nothing else (no
 * script, no file, font or style sheet from elsewhere; inline CSS and SVG
 * drawn by the svg writer), laid out for a 1280-pixel window and for
 * printing on A4 or Letter: a summary of each key's students (students,
 * mean, median, standard deviation, Cronbach's alpha, flagged cells,
 * stand-in figures the key uses); a histogram of the totals (ec_stats'
 * bins) and of each section; the items' facility against their item-rest
 * discrimination, items outside the sensible bounds (ec_class.h) named;
 * per item a bar chart of its answer groups (the right one marked) with a
 * table of their counts, points, verdicts, mistakes and, for each one
 * --accept could regrade, the command that does; for mc items the
 * options chosen by the upper and lower 27%; the flagged cells with
 * FILE:LINE. With a variant column, a part per variant.
 */
ec_status ec_write_class(FILE *f, const ec_writer *w, const ec_class *c, ec_error *err);

/**
 * Write `s` as XML (and HTML) text: '&', '<', '>', '"' and the apostrophe
 * as character references; the control characters XML does not allow
 * (below U+0020 but tab, newline and CR; U+007F to U+009F) as U+FFFD, as
 * is each maximal part of an ill-formed UTF-8 sequence; the rest as it is.
 */
void ec_write_xml_text(FILE *f, const char *s);

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
 * Write the question paper `p` to `f` with `w`. The built-in formats:
 * text, the title and the summary, then each question or group after a
 * blank line: a heading ("2.8 (4 points)", a group "3.2 3D convolution for
 * video (12 points)"), a blank line and its text (ec_text_render()); md,
 * the same with "# " before the title and "## " (one '#' more per level)
 * before each heading; json, {"seed", "questions": [{"id", "points",
 * "text", "params"}, ...]}; latex, one standalone document for pdflatex
 * (article; geometry, amssymb, array, tabularx, alltt) to print: the
 * title, lines for the student's name and id, the summary, then each
 * group as a heading with its text and each leaf kept on one page with its
 * points, its text (options with a box to tick, preformatted blocks in
 * alltt) and where its answers go, from its blanks
 * (src/lib/grading/write_latex.c says how); never its answers.
 * EC_ERR_INVALID when `w` writes no papers; EC_ERR_NOMEM.
 */
ec_status ec_write_paper(FILE *f, const ec_writer *w, const ec_paper *p, ec_error *err);

/**
 * Write `s` as text for LaTeX's paragraph mode, so that it prints as
 * itself under the OT1 encoding of pdflatex with the Type 1 Computer
 * Modern fonts: # % & _ { } get a backslash; $ ~ ^ \ < > | " ` are
 * written as commands that print them; [ and ] in braces (never an
 * optional argument); -- '' !` ?` broken by {} so that no ligature forms;
 * newlines are kept (a line break in a paragraph); other control
 * characters are spaces. Outside ASCII, Latin-1 letters are OT1 accent
 * commands ("\'e"), Greek letters and mathematical signs math symbols
 * ("\ensuremath{\times}" for U+00D7), quotation marks and dashes their
 * commands or ligatures; any other code point is written "[U+XXXX]" and
 * an ill-formed UTF-8 sequence '?'.
 */
void ec_write_latex_text(FILE *f, const char *s);

/**
 * Write `s` as lines of an alltt environment (alltt.sty: spaces and line
 * breaks kept, only \ { } special): those three as \char92{},
 * \char123{}, \char125{} (typewriter glyphs), tabs as spaces to the next
 * multiple of 8 columns, other control characters as spaces, characters
 * outside ASCII as ec_write_latex_text() writes them (a dash as '-').
 */
void ec_write_latex_alltt(FILE *f, const char *s);

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

#ifdef __cplusplus
}
#endif

#endif
