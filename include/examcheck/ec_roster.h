/*
 * ec_roster.h: grading a whole class roster (CSV: a header
 * 'student,<id>,<id>,...' and one row per student) in bounded memory.
 *
 * ec_roster_grade() reads the roster, scores every row against a grader
 * and, when asked, writes the graded CSV; it hands each student's results
 * and each bad row to callbacks, in input order, from the calling thread.
 * With two threads the input is cut at record boundaries and both threads
 * read and score; the output, the callbacks and the messages are the same
 * bytes, in the same order, as with one. The second thread blocks every
 * signal, so that a handler of the caller's runs in the caller's thread.
 *
 * A class that sat several versions of the exam can be graded in one run:
 * with a key column (ec_roster_options.key_column), each row is graded
 * against the one its cell in a chosen column names.
 */
#ifndef EC_ROSTER_H
#define EC_ROSTER_H

#include <stdio.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One line of a column map: a header text and the item its column holds. */
typedef struct ec_column_map_entry {
	char *header;  /**< the header text, blanks around it dropped */
	char id[40];   /**< the item id, as ec_item_id_normalise() writes it */
	long line;     /**< its line in the map file */
} ec_column_map_entry;

/**
 * Which roster columns hold which items when their headers do not say it
 * with an item id (a Google Forms export titles a column by its question).
 * Fill with ec_column_map_parse(), free with ec_column_map_free().
 */
typedef struct ec_column_map {
	ec_column_map_entry *entries;
	size_t count;
	const char *file;  /**< the map's name in messages (not copied) */
} ec_column_map;

/**
 * Read a column map: CSV (',', ';' or tab, found from its first line) of
 * records "header text,item id" (the id as a sheet writes it: 1.1, Q1.1);
 * a first record whose second field is no item id ("header,item") is a
 * heading and skipped. `m` keeps copies of the texts; `file` must outlive
 * it. EC_ERR_PARSE at FILE:LINE for a record with another number of
 * fields, an empty header text, an id that is none, a header mapped twice
 * (in any case),
 * or no record at all; EC_ERR_NOMEM. On failure `m` holds nothing.
 */
ec_status ec_column_map_parse(ec_column_map *m, const char *text, size_t len, const char *file,
			      ec_error *err);

/** Release a map's entries. */
void ec_column_map_free(ec_column_map *m);

/**
 * The entry of `m` (may be NULL) that names the roster header `field`: its
 * text equals the header's (any case, blanks around ignored), or is the
 * header's start before a ':' ("1409981" names "1409981: <p>Which
 * ...</p>", as Canvas titles a question). Its index, or -1.
 */
long ec_column_map_find(const ec_column_map *m, const char *field);

/**
 * ec_grade_roster_header() with the student id in column `id_col` and the
 * column map `map` (may be NULL): a column the map names holds the map's
 * item (when `g` has it; else it is data: the caller checks the map's ids
 * against its keys), any other as ec_grade_roster_header() says; column
 * `id_col` is EC_ROSTER_COLUMN_DATA.
 */
ec_status ec_grade_roster_columns(const ec_grader *g, char *const *fields, size_t nfields,
				  size_t id_col, const ec_column_map *map, const char *file,
				  long line, long *cols, ec_error *err);

/** Answer numbers a column's table gives (ec_roster_row.codes), and the none. */
#define EC_ROSTER_CODES 48
#define EC_ROSTER_NO_CODE 255
/** Tables that number answers (ec_roster_row.coder): one a thread. */
#define EC_ROSTER_CODERS 2

/** One graded student, as handed to ec_roster_options.on_row. */
typedef struct ec_roster_row {
	char *const *fields;                /**< the record as read, its student id moved first
						 (ec_roster_options.id_column) */
	const size_t *lens;
	size_t nfields;
	long line;                          /**< where the record starts */
	double total;                       /**< total, marks given by hand included */
	const double *sections;             /**< g->nsections subtotals */
	const ec_grade_result *results;     /**< g->count results; items without a column are blank */
	const char *flagged;                /**< what was flagged, as in the output's column ("" when nothing) */
	size_t grader;                      /**< the key used: 0 for the grader given to
						 ec_roster_grade(), 1, 2, ... for the others a key
						 column picks, in order of first appearance */
	const ec_grader *graded_with;       /**< that key's grader; `sections` and
						 `results` are its */
	const uint8_t *codes;               /**< per field of an item's column: the number
						 (below EC_ROSTER_CODES) its column's table gives
						 the field's text, or EC_ROSTER_NO_CODE for a text
						 it does not hold; the same text in the same
						 column, graded by the same key, has the same
						 number from the same `coder`. A cache key for
						 what is worked out from the text, read in input
						 order only. NULL: none given */
	unsigned coder;                     /**< whose tables numbered `codes` (below
						 EC_ROSTER_CODERS) */
} ec_roster_row;

/** What the header holds, as handed to ec_roster_options.on_header. */
typedef struct ec_roster_header {
	char *const *names;     /**< the header's fields, as read, the student id's moved first
				     (ec_roster_options.id_column): in the order of ec_roster_row.fields */
	size_t nnames;          /**< trailing empty fields left out */
	const long *item;       /**< per field: its item, or EC_ROSTER_COLUMN_DATA */
	const size_t *items;    /**< the items the roster has a column for, in key order */
	size_t nitems;
	size_t grader;          /**< whose items `item` and `items` name (as in ec_roster_row) */
	const ec_grader *graded_with; /**< that grader */
	bool keyed;             /**< the roster has a key column (ec_roster_options.key_column) */
} ec_roster_header;

/**
 * Copy a header handed to on_header (whose memory lasts only for the
 * call) into `dst`, to be released with ec_roster_header_free().
 * EC_ERR_NOMEM.
 */
ec_status ec_roster_header_copy(ec_roster_header *dst, const ec_roster_header *src);

/** Release a copy made by ec_roster_header_copy(). */
void ec_roster_header_free(ec_roster_header *h);

/**
 * Called before any row, when the header has been read: once, or with
 * several graders once for each, in their order (h->grader; columns naming
 * an item of another grader only are EC_ROSTER_COLUMN_OTHER). False stops
 * the run (EC_ERR_INVALID).
 */
typedef bool (*ec_roster_header_fn)(void *ctx, const ec_roster_header *header);

/** Called once per student, in input order; returning false stops the run (EC_ERR_INVALID). */
typedef bool (*ec_roster_row_fn)(void *ctx, const ec_roster_row *row);

/**
 * The students a run counted instead of handing them to on_row
 * (ec_roster_options.on_tally): graded by one key, every answer of theirs
 * read as letters (true/false, multiple choice) and nothing flagged. Each
 * is known by its total, its subtotals and its answer to each item; the
 * counts say how many students share each. Memory lasts for the call.
 */
typedef struct ec_roster_tally {
	size_t grader;                  /**< the key (as in ec_roster_row) */
	const ec_grader *graded_with;   /**< its grader */
	size_t nitems;                  /**< the items the roster has a column for, */
	const size_t *items;            /**< in key order, as ec_roster_header.items */
	const size_t *nanswers;         /**< per item: the distinct answers given */
	const ec_grade_result *const *answers; /**< per item: those answers' results, each
						 readable (no EC_VERDICT_UNREADABLE) */
	size_t ntotals;                 /**< distinct totals, */
	const double *totals;           /**< in increasing order (rounded as ec_roster_row.total) */
	const uint64_t *students;       /**< students with each total */
	const size_t *at;               /**< per item: its first counter in a total's row */
	size_t width;                   /**< counters a total's row */
	const uint64_t *counts;         /**< [k * width + at[i] + a]: students with total k who
					     gave answer a to item i */
	size_t nsections;               /**< graded_with->nsections */
	const size_t *nvalues;          /**< per section: the distinct subtotals, */
	const double *const *values;    /**< their values (increasing), */
	const uint64_t *const *value_students; /**< and the students with each */
} ec_roster_tally;

/** Called with the students counted instead of handed out, once a key that counted any. */
typedef void (*ec_roster_tally_fn)(void *ctx, const ec_roster_tally *tally);

/**
 * Called with each problem found, in input order, its message at
 * FILE:LINE: a flagged cell or row (the student is graded all the same),
 * a record that could not be read at all (its student is lost), or, with
 * status EC_OK, a warning (a repeated student id, a column kept as data
 * that looks like an item id).
 */
typedef void (*ec_roster_report_fn)(void *ctx, const ec_error *err);

/**
 * With a key column: the grader for the row whose cell in that column is
 * `cell` (`len` bytes, NUL-terminated, as read: blanks kept), or NULL with
 * the reason in `why`. EC_ERR_PARSE in why->status: the cell names no key
 * (e.g. "'x' names no variant"); the row is flagged and graded against the
 * grader given to ec_roster_grade(). Any other status stops the run with
 * that error. It is called for every row first in a pass over the key
 * column alone, from the calling thread, where it may make the grader;
 * then again for every row while grading, from any of the run's threads,
 * where it must only look up what the first pass made. The graders must
 * outlive the run.
 */
typedef const ec_grader *(*ec_roster_grader_fn)(void *ctx, const char *cell, size_t len,
						ec_error *why);

/** Most keys one run takes: the grader given and those a key column picks. */
#define EC_ROSTER_GRADERS_MAX 64

/** How to grade a roster. Zero-initialise, then set what is wanted. */
typedef struct ec_roster_options {
	FILE *out;              /**< graded CSV goes here; NULL: none */
	ec_roster_header_fn on_header; /**< may be NULL */
	ec_roster_row_fn on_row;/**< may be NULL */
	ec_roster_report_fn on_report; /**< may be NULL */
	void *ctx;              /**< passed to every callback but grader_of */
	unsigned threads;       /**< 0: the default (2), 1: read and score in this thread only */
	size_t chunk_bytes;     /**< input read per chunk; 0: the default (64 KiB); for tests */
	/* A class that sat several versions of the exam: a column whose header is
	   `key_column` (any case, blanks around it ignored) picks each row's key. */
	const char *key_column; /**< NULL: no such column is looked for */
	ec_roster_grader_fn grader_of; /**< NULL: a key column is refused (EC_ERR_USAGE: one
					    key was asked for) */
	void *key_ctx;          /**< passed to grader_of */
	char delimiter;         /**< the input's separator, ',', ';' or '\t'; 0: the one its
				     header uses (ec_csv_detect_separator()). The output is
				     written with ',' whatever the input's */
	const char *id_column;  /**< the header of the student id column (any case, blanks
				     around it ignored); NULL: the first column. The output
				     writes it first, then the data columns in their order */
	const ec_column_map *map; /**< headers naming items (ec_grade_roster_columns()); NULL:
				     none. A line of it that names no column of the header is
				     a warning; one naming an item no key has, an error */
	const char *tmpdir;     /**< where the temporary files of the repeated-id check (and
				     the copy of a piped roster a key column reads twice) go;
				     NULL: $TMPDIR, else /tmp */
	bool rows_without_fields; /**< on_row reads no fields: a row may then come without them
				     (row->nfields 0), read in one pass (enough for statistics) */
	bool fields_for_text_only; /**< on_row reads the fields of answers only where they are
				     not letters: when every item column of the header holds a
				     true/false or multiple-choice item (not marked by hand),
				     rows may come without fields as with rows_without_fields
				     (a row with a flagged cell still has them) */
	ec_roster_tally_fn on_tally; /**< NULL: every student goes to on_row. Set, when rows
				     come without fields (rows_without_fields,
				     fields_for_text_only): students whose answers are all
				     letters its answer tables know and who have nothing
				     flagged may be counted instead (ec_roster_tally), given
				     to on_tally once the last row is handed out, from the
				     calling thread; the others still come to on_row. For
				     callers that only count (statistics): a row then costs
				     a few counters, in the threads that read it. A thread
				     counts as many distinct totals as tally_bytes of
				     counters hold (a counter per item and spelling seen:
				     some 2,900 for this exam's 20 letter items); a student
				     with another comes to on_row, so that past that which
				     students are counted can depend on the threads */
	size_t tally_bytes;     /**< memory a thread's counters may take; 0: the default
				     (4 MiB); for tests */
} ec_roster_options;

/** What a run did. */
typedef struct ec_roster_summary {
	uint64_t graded;        /**< students graded (and written) */
	uint64_t flagged_rows;  /**< of those, students with something flagged */
	uint64_t flagged_cells; /**< cells flagged (unreadable answers or marks) */
	uint64_t lost;          /**< records that could not be read at all */
	uint64_t warnings;      /**< warnings reported */
	uint64_t bytes;         /**< input bytes read */
} ec_roster_summary;

/**
 * Grade the roster read from `in` (named `file` in messages) against `g`
 * (or, with a key column, each row against the grader its cell picks).
 * The header's first field (or opts->id_column) names the student id
 * column; fields naming items (ec_grade_roster_columns(), with opts->map)
 * are answers, or marks for items scored by hand; the others are data
 * kept as written. A data column whose header looks like a mistyped item
 * id ("Q 1.3", "1.3a", "7.7"; not a number such as "2.0") is a warning.
 *
 * The output, when opts->out is set, is CSV: the student id and data
 * columns with their headers as written, then total, section.<s> for
 * every section, the points of each item the roster has a column for (in
 * key order; empty for a mark not given yet, EC_VERDICT_MANUAL), then,
 * when an item graded by hand has a column, `pending` (the ids of the
 * items whose mark is not given yet, in key order, separated by blanks)
 * and `flagged`; one row per student, points written as
 * ec_points_format() does. Items the roster lacks score as blank answers.
 *
 * Every student is graded. An answer or mark its item cannot read scores
 * 0 (EC_VERDICT_UNREADABLE) and is flagged: its id goes in the row's
 * `flagged` field and a message "FILE:LINE: column 'ID': ..." to
 * opts->on_report. A record with more or fewer fields than the header
 * (the missing ones blank; extra empty ones are fine) flags "fields", an
 * empty student id "student". A quote never closed ends its record with
 * its line (ec_csv_next()), flagged, the lines after it records of their
 * own. A record the CSV reader cannot split (one line over
 * EC_CSV_RECORD_MAX bytes, more than EC_CSV_FIELDS_MAX fields) is reported
 * and counted in summary->lost. Returns EC_OK when the whole input was read;
 * EC_ERR_PARSE for an empty input or a bad header (naming file and line;
 * also no column or two named opts->id_column, or a map line naming an
 * item of no key, at the map's file and line);
 * EC_ERR_IO for a read or write error; EC_ERR_NOMEM; EC_ERR_INVALID when
 * on_row stopped the run.
 *
 * With opts->key_column set and such a column in the header, the input
 * is read twice: first the key column alone, each cell given to
 * opts->grader_of (an input that cannot be read again, a pipe, is copied
 * to a temporary file in TMPDIR, else /tmp), then every row, graded
 * against the grader its cell gives (`g` when it gives none: flagged with
 * the column's name, "FILE:LINE: column 'NAME': REASON"). More than
 * EC_ROSTER_GRADERS_MAX keys in all is EC_ERR_RANGE at the line of the
 * first one too many; a key column without opts->grader_of is
 * EC_ERR_USAGE. A column is then an item column when some grader has its
 * item, and data otherwise; the key column is data. The output's item
 * columns are the item columns in header order (named by the first grader
 * that has the item), its sections those of every grader in order of
 * first appearance (`g`'s first); each row writes its own grader's total,
 * sections and points, and leaves empty the sections and items its grader
 * lacks. EC_ERR_PARSE when the header names the key column twice.
 */
ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
