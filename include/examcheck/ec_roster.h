/*
 * ec_roster.h: grading a whole class roster (CSV: a header
 * 'student,<id>,<id>,...' and one row per student) in bounded memory.
 *
 * ec_roster_grade() reads the roster, scores every row against a grader
 * and, when asked, writes the graded CSV; it hands each student's results
 * and each bad row to callbacks, in input order, from the calling thread.
 * With two threads the input is cut at record boundaries and both threads
 * read and score; the output, the callbacks and the messages are the same
 * bytes, in the same order, as with one.
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
} ec_roster_row;

/** What the header holds, as handed to ec_roster_options.on_header. */
typedef struct ec_roster_header {
	char *const *names;     /**< the header's fields, as read */
	size_t nnames;          /**< trailing empty fields left out */
	const long *item;       /**< per field: its item, or EC_ROSTER_COLUMN_DATA */
	const size_t *items;    /**< the items the roster has a column for, in key order */
	size_t nitems;
} ec_roster_header;

/**
 * Copy a header handed to on_header (whose memory lasts only for the
 * call) into `dst`, to be released with ec_roster_header_free().
 * EC_ERR_NOMEM.
 */
ec_status ec_roster_header_copy(ec_roster_header *dst, const ec_roster_header *src);

/** Release a copy made by ec_roster_header_copy(). */
void ec_roster_header_free(ec_roster_header *h);

/** Called once, before any row, when the header has been read; false stops the run (EC_ERR_INVALID). */
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

/** How to grade a roster. Zero-initialise, then set what is wanted. */
typedef struct ec_roster_options {
	FILE *out;              /**< graded CSV goes here; NULL: none */
	ec_roster_header_fn on_header; /**< may be NULL */
	ec_roster_row_fn on_row;/**< may be NULL */
	ec_roster_report_fn on_report; /**< may be NULL */
	void *ctx;              /**< passed to both callbacks */
	unsigned threads;       /**< 0: the default (2), 1: read and score in this thread only */
	size_t chunk_bytes;     /**< input read per chunk; 0: the default (64 KiB); for tests */
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
 * Grade the roster read from `in` (named `file` in messages) against `g`.
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
 */
ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err);

#endif
