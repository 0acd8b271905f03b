/*
 * gradeio.h: what the key and grade commands share: reading files, the
 * key (computed or from a file) and the rubric.
 */
#ifndef EC_GRADEIO_H
#define EC_GRADEIO_H

#include <stdio.h>

#include "examcheck/ec_common.h"
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

struct ec_exam_params;

/**
 * Fill `key` by running every worked answer on the exam `params` (NULL:
 * the original; a variant's from ec_variant_draw()). Returns an exit
 * status (after a message naming `what` and the question).
 */
int gio_compute_key(const char *what, const struct ec_exam_params *params, ec_key *key);

/**
 * Fill `key` with the key of the variant whose seed is `seed` (as
 * 'examcheck variant --seed' reads it). Returns an exit status (2 for a
 * bad seed, after a message).
 */
int gio_load_variant_key(const char *what, const char *seed, ec_key *key);

/** Whether `seed` names the original exam ("0", "00", "original"). */
bool gio_is_original(const char *seed);

/**
 * Fill `key`: from the key file `path` when it is not NULL, else computed
 * by running every worked answer. Returns an exit status (after a message).
 */
int gio_load_key(const char *what, const char *path, ec_key *key);

/**
 * When items of `key` come from a stand-in or reconstructed figure
 * (ec_key_sources()), print one warning naming them, their data files and
 * their points, and how to give the real figures. Prints nothing otherwise.
 */
void gio_warn_stand_in(const ec_key *key);

/**
 * Fill `r` from the rubric file `path`, or from the built-in data/rubric
 * (EXAMCHECK_DATA/rubric when set) when `path` is NULL. `*text` keeps the
 * text the rubric's names point into; free() it after the rubric.
 */
int gio_load_rubric(const char *what, const char *path, ec_rubric *r, char **text);

/* Writing JSON strings and CSV fields moved to the library (ec_writer.h); the old names stay. */
#define gio_json_string ec_write_json_string
#define gio_csv_field ec_write_csv_field

#endif
