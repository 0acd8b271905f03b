/*
 * gradeio.h: what the key and grade commands share: reading files, the
 * key (computed or from a file) and the rubric.
 */
#ifndef EC_GRADEIO_H
#define EC_GRADEIO_H

#include <stdio.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_rubric.h"
#include "examcheck/ec_writer.h"

/** Largest sheet, key or rubric file read whole, in bytes. */
#define GRADEIO_FILE_MAX (16u << 20)

/**
 * Read all of `path` ("-" = standard input) into *text (NUL-terminated,
 * free() it) and *len. Returns EC_EXIT_OK, or an exit status after an
 * error message naming `what` ("grade", "key"): 66 when it cannot be
 * opened, 74 on a read error, 65 when it is larger than GRADEIO_FILE_MAX.
 */
int gio_read_file(const char *what, const char *path, char **text, size_t *len);

/** The exit status that fits a library failure (65, 66, 70 or 74). */
int gio_exit_for(ec_status status);

/**
 * Open exam `seed` (0: the original) with the data files of
 * EXAMCHECK_DATA when it is set. Returns an exit status (after a message
 * naming `what`).
 */
int gio_open_exam(const char *what, uint64_t seed, ec_exam **exam);

/** Read the key file `path` into *key. Returns an exit status (after a message). */
int gio_read_key(const char *what, const char *path, ec_key *key);

/**
 * The key to grade against and the exam it is of: the key file `path`
 * when it is not NULL (the exam its "# variant N" line names, else the
 * original), else the key of variant `variant` (a seed as 'examcheck
 * variant --seed' reads it; 2 for a bad one) when it is not NULL, else
 * the original's, computed. Returns an exit status (after a message); on
 * success free *exam with ec_exam_free().
 */
int gio_load_key(const char *what, const char *path, const char *variant, ec_exam **exam,
		 ec_key *key);

/**
 * The warnings about the data a result rests on, once the command's
 * inputs are open: one naming the data files of EXAMCHECK_DATA that
 * `exam` needed and lacked (their built-in copies were used), when there
 * are such; one when items of `key` come from a stand-in or reconstructed
 * figure (ec_key_sources()), naming their questions and points and where
 * to read how to give the real figures. Either may be NULL.
 */
void gio_warn_data(const ec_exam *exam, const ec_key *key);

/**
 * Fill `r` from the rubric file `path`, or from the exam's data file
 * "rubric" (the built-in data/rubric, or EXAMCHECK_DATA/rubric when set)
 * when `path` is NULL. `*text` keeps the
 * text the rubric's names point into; free() it after the rubric.
 */
int gio_load_rubric(const char *what, ec_exam *exam, const char *path, ec_rubric *r,
		    char **text);

/* Writing JSON strings and CSV fields moved to the library (ec_writer.h); the old names stay. */
#define gio_json_string ec_write_json_string
#define gio_csv_field ec_write_csv_field

#endif
