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
 * given several graders (ec_roster_options.graders), each row is graded
 * against the one its cell in a chosen column names.
 */
#ifndef EC_ROSTER_H
#define EC_ROSTER_H

#include <stdio.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"

/** One graded student, as handed to ec_roster_options.on_row. */
typedef struct ec_roster_row {
	char *const *fields;                /**< the record as read: the student id first */
	const size_t *lens;
	size_t nfields;
	long line;                          /**< where the record starts */
	double total;                       /**< total, marks given by hand included */
	const double *sections;             /**< g->nsections subtotals */
	const ec_grade_result *results;     /**< g->count results; items without a column are blank */
	const char *flagged;                /**< what was flagged, as in the output's column ("" when nothing) */
	size_t grader;                      /**< the grader used: an index into
						 ec_roster_options.graders (0 without them); `sections`
						 and `results` are that grader's */
} ec_roster_row;

/** What the header holds, as handed to ec_roster_options.on_header. */
typedef struct ec_roster_header {
	char *const *names;     /**< the header's fields, as read */
	size_t nnames;          /**< trailing empty fields left out */
	const long *item;       /**< per field: its item, or EC_ROSTER_COLUMN_DATA */
	const size_t *items;    /**< the items the roster has a column for, in key order */
	size_t nitems;
	size_t grader;          /**< whose items `item` and `items` name: an index into
				     ec_roster_options.graders (0 without them) */
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
 * Called with each problem found, in input order, its message at
 * FILE:LINE: a flagged cell or row (the student is graded all the same),
 * a record that could not be read at all (its student is lost), or, with
 * status EC_OK, a warning (a repeated student id, a column kept as data
 * that looks like an item id).
 */
typedef void (*ec_roster_report_fn)(void *ctx, const ec_error *err);

/**
 * With several graders: which one grades the row whose cell in the key
 * column is `cell` (`len` bytes, NUL-terminated, as read: blanks kept).
 * Returns an index into ec_roster_options.graders, or -1 with the reason
 * in why->msg (e.g. "'x' names no variant; graded against the exam's own
 * key"): the row is then flagged and graded against graders[0]. Called
 * from any of the run's threads, at the same time: it must only read
 * what it shares.
 */
typedef long (*ec_roster_pick_fn)(void *ctx, const char *cell, size_t len, ec_error *why);

/** Most graders one run takes (ec_roster_options.ngraders). */
#define EC_ROSTER_GRADERS_MAX 64

/** How to grade a roster. Zero-initialise, then set what is wanted. */
typedef struct ec_roster_options {
	FILE *out;              /**< graded CSV goes here; NULL: none */
	ec_roster_header_fn on_header; /**< may be NULL */
	ec_roster_row_fn on_row;/**< may be NULL */
	ec_roster_report_fn on_report; /**< may be NULL */
	void *ctx;              /**< passed to every callback */
	unsigned threads;       /**< 0: the default (2), 1: read and score in this thread only */
	size_t chunk_bytes;     /**< input read per chunk; 0: the default (64 KiB); for tests */
	const char *head;       /**< bytes already read from the input (ec_roster_peek_column()),
				     read before the rest; may be NULL */
	size_t head_len;
	/* Several keys: each row is graded against the grader that `pick` chooses for its cell in
	   the column named `key_column`. Unset (graders NULL): every row against one grader. */
	const ec_grader *const *graders; /**< 1 to EC_ROSTER_GRADERS_MAX of them */
	size_t ngraders;
	const char *key_column; /**< the column's header (any case, blanks around it ignored),
				     also the word flagged when its cell picks none */
	ec_roster_pick_fn pick;
	const char *tmpdir;     /**< where the temporary files of the repeated-id check go;
				     NULL: $TMPDIR, else /tmp */
	bool rows_without_fields; /**< on_row reads no fields: a row may then come without them
				     (row->nfields 0), read in one pass (enough for statistics) */
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
 * (or, with opts->graders, each row against the grader its key column
 * picks; `g` is then not used and may be NULL).
 * The header's first field names the student id column; fields naming
 * items (ec_grade_roster_header()) are answers, or marks for items scored
 * by hand; the others are data kept as written.
 *
 * The output, when opts->out is set, is CSV: the student id and data
 * columns with their headers as written, then total, section.<s> for
 * every section, the points of each item the roster has a column for (in
 * key order) and `flagged`; one row per student, points written as
 * ec_points_format() does. Items the roster lacks score as blank answers.
 *
 * Every student is graded. An answer or mark its item cannot read scores
 * 0 (EC_VERDICT_UNREADABLE) and is flagged: its id goes in the row's
 * `flagged` field and a message "FILE:LINE: column 'ID': ..." to
 * opts->on_report. A record with more or fewer fields than the header
 * (the missing ones blank; extra empty ones are fine) flags "fields", an
 * empty student id "student". A record the CSV reader cannot split (a
 * quote never closed, one over EC_CSV_RECORD_MAX bytes) is reported and
 * counted in summary->lost. Returns EC_OK when the whole input was read;
 * EC_ERR_PARSE for an empty input or a bad header (naming file and line);
 * EC_ERR_IO for a read or write error; EC_ERR_NOMEM; EC_ERR_INVALID when
 * on_row stopped the run.
 *
 * With several graders, a column is an item column when some grader has
 * its item, and data otherwise; the key column is data. The output's item
 * columns are then the item columns in header order (named by the first
 * grader that has the item), its sections those of every grader in order
 * of first appearance (graders[0]'s first); each row writes its own
 * grader's total, sections and points, and leaves empty the sections and
 * items its grader lacks. The one-pass path is not taken. A row whose
 * cell picks no grader is graded against graders[0] and flagged with the
 * key column's name, its message "FILE:LINE: column 'NAME': REASON".
 * EC_ERR_PARSE when the header has no key column or two; EC_ERR_INVALID
 * for no graders or more than EC_ROSTER_GRADERS_MAX, or no pick.
 */
ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err);

/**
 * Read the start of a roster from `in`, up to the end of its header (the
 * first record that is not empty) or a little beyond, into *head
 * (malloc()ed, *head_len bytes; free() it), and find the column after
 * the student id's whose header is `name` (any case, blanks around it
 * ignored): *at is its index (1 or more), or -1 when there is none (the
 * first column holds the student ids whatever its name, 'variant'
 * included), or the input is empty or its header cannot be read
 * (ec_roster_grade() will say why). Give
 * *head to ec_roster_grade() as opts->head to grade the input whole.
 * EC_ERR_IO (naming `file`) for a read error; EC_ERR_NOMEM.
 */
ec_status ec_roster_peek_column(FILE *in, const char *file, const char *name, char **head,
				size_t *head_len, long *at, ec_error *err);

/** Called with a record's cell (NUL-terminated) and the line where the record starts; false stops. */
typedef bool (*ec_roster_cell_fn)(void *ctx, const char *cell, size_t len, long line);

/**
 * Read the roster in `in` from its start and call `fn` with each record's
 * cell in column `at` (blank when the record is shorter), after the
 * header, in input order. Records the CSV reader cannot split are skipped
 * (ec_roster_grade() reports them). Returns EC_OK at the end of the input;
 * EC_ERR_INVALID when fn stopped the scan; EC_ERR_IO (naming `file`);
 * EC_ERR_NOMEM.
 */
ec_status ec_roster_scan_column(FILE *in, const char *file, size_t at, ec_roster_cell_fn fn,
				void *ctx, ec_error *err);

#endif
