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
	const char *student;                /**< the first field, NUL-terminated */
	size_t student_len;
	long line;                          /**< where the record starts */
	double total;                       /**< auto-graded total */
	const double *sections;             /**< g->nsections subtotals */
	const ec_grade_result *results;     /**< g->count results; items without a column are blank */
} ec_roster_row;

/** Called once per graded student; returning false stops the run (EC_ERR_INVALID). */
typedef bool (*ec_roster_row_fn)(void *ctx, const ec_roster_row *row);

/** Called once per row that could not be graded, with its FILE:LINE message. */
typedef void (*ec_roster_bad_fn)(void *ctx, const ec_error *err);

/** How to grade a roster. Zero-initialise, then set what is wanted. */
typedef struct ec_roster_options {
	FILE *out;              /**< graded CSV goes here; NULL: none */
	ec_roster_row_fn on_row;/**< may be NULL */
	ec_roster_bad_fn on_bad;/**< may be NULL */
	void *ctx;              /**< passed to both callbacks */
	unsigned threads;       /**< 0: the default (2), 1: read and score in this thread only */
	size_t chunk_bytes;     /**< input read per chunk; 0: the default (64 KiB); for tests */
} ec_roster_options;

/** What a run did. */
typedef struct ec_roster_summary {
	uint64_t graded;        /**< rows graded (and written) */
	uint64_t bad;           /**< rows reported to on_bad and left out */
	uint64_t bytes;         /**< input bytes read */
} ec_roster_summary;

/**
 * Grade the roster read from `in` (named `file` in messages) against `g`.
 *
 * The output, when opts->out is set, is CSV: a header
 * 'student,total,section.<s>,...,<id>,...' with every section and, in key
 * order, the auto-graded items that the roster has a column for; then one
 * row per graded student with the points written as ec_points_format()
 * does. Items the roster lacks score as blank answers in the totals.
 *
 * A row with the wrong number of fields, an empty student name or an
 * answer its item cannot read, and a malformed CSV record, goes to
 * opts->on_bad with its line and is left out; the run goes on. Returns
 * EC_OK when the whole input was read (summary->bad counts bad rows);
 * EC_ERR_PARSE for an empty input or a bad header (the message names the
 * file and line); EC_ERR_IO for a read or write error; EC_ERR_NOMEM;
 * EC_ERR_INVALID when on_row stopped the run.
 */
ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err);

#endif
