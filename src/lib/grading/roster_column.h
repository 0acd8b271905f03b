/*
 * roster_column.h: what ec_roster_grade() does before grading a roster
 * whose key column picks each row's key, and the run it then starts
 * (private to the library; tests use it).
 */
#ifndef EC_ROSTER_COLUMN_H
#define EC_ROSTER_COLUMN_H

#include <stdio.h>

#include "examcheck/ec_roster.h"

/* Several keys: each row is graded against the grader `pick` chooses for its key-column cell. */
typedef struct roster_keys {
	const ec_grader *const *graders; /* 1 to EC_ROSTER_GRADERS_MAX */
	size_t n;
	long (*pick)(void *ctx, const char *cell, size_t len, ec_error *why); /* -1: none */
	void *ctx;
} roster_keys;

/*
 * ec_roster_grade() once the keys are known: against `g`, or with `keys`
 * (not NULL) each row against the grader its key column picks.
 */
ec_status roster_grade_run(const ec_grader *g, FILE *in, const char *file,
			   const ec_roster_options *opts, const roster_keys *keys,
			   const char *head, size_t head_len, ec_roster_summary *summary,
			   ec_error *err);

/*
 * Read the start of a roster from `in`, up to the end of its header (the
 * first record that is not empty) or a little beyond, into *head
 * (malloc()ed, *head_len bytes; free() it), and find the column other
 * than the student id's (the column headed `id_name`, NULL: the first)
 * whose header is `name` (any case, blanks around it ignored): *at is its
 * index, or -1 when there is none (the student id column is none, whatever
 * its name), or the input is empty or its header cannot be read (grading
 * will say why). EC_ERR_IO (naming `file`) for a read error; EC_ERR_NOMEM.
 */
ec_status roster_peek_column(FILE *in, const char *file, const char *name, const char *id_name,
			     char **head, size_t *head_len, long *at, ec_error *err);

/* Called with a record's cell (NUL-terminated) and the line where the record starts; false stops. */
typedef bool (*roster_cell_fn)(void *ctx, const char *cell, size_t len, long line);

/*
 * Call `fn` with each record's cell in column `at` (blank when the record
 * is shorter), after the header, in input order, reading `in` from where
 * it is. Records the CSV reader cannot split are skipped (grading reports
 * them). EC_OK at the end of the input; EC_ERR_INVALID when fn stopped the
 * scan; EC_ERR_IO (naming `file`); EC_ERR_NOMEM.
 */
ec_status roster_scan_column(FILE *in, const char *file, size_t at, roster_cell_fn fn, void *ctx,
			     ec_error *err);

#endif
