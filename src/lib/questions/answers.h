/*
 * answers.h: worked answers. Each question module formats numbers it gets
 * from libexamcheck; it never types an answer in by hand. The same function
 * prints the worked answer (when a->out is set) and adds its key items
 * (when a->key is set), so the key is the output of the same code.
 */
#ifndef EC_ANSWERS_H
#define EC_ANSWERS_H

#include <stdbool.h>
#include <stdio.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"

struct ec_question;
struct ec_exam_params;

/** What a worked-answer function writes to. */
typedef struct ec_actx {
	FILE *out;                    /**< worked text; NULL when only the key is wanted */
	ec_key *key;                  /**< key items; NULL when only text is wanted */
	const struct ec_question *q;  /**< the leaf question being answered */
	ec_error err;                 /**< set when the function returns non-zero */
	const struct ec_exam_params *params; /**< the exam's numbers (params.h); NULL: the original's */
} ec_actx;

typedef int (*ec_answer_fn)(ec_actx *a);

/**
 * One entry of the question table. Groups ("1", "3.2") have fn == NULL and
 * stand for every leaf whose id starts with "<id>.".
 */
typedef struct ec_question {
	const char *id;     /**< "1.1", "3.2.1", ... */
	const char *title;  /**< short paraphrase in the project's own words */
	double points;
	ec_answer_fn fn;    /**< NULL for a group */
} ec_question;

extern const ec_question ec_questions[];
extern const size_t ec_question_count;

/** The entry with exactly this id (already normalised: "3.2"), or NULL. */
const ec_question *ec_question_find(const char *id);

/**
 * Normalise a user's id ("q3.2", "Q3.2", "3.2") into `buf` ("3.2").
 * Returns false when it has no digits or does not fit.
 */
int ec_question_normalise(const char *in, char *buf, size_t size);

/** Run one leaf: 0 on success, else non-zero with a->err set. */
int ec_question_run(const ec_question *q, ec_actx *a);

/**
 * True when the worked text is wanted (a->out is set). A demonstration
 * whose results are only printed runs only then, so that computing the
 * key (a->out NULL) stays cheap. Where a key answer is drawn from a long
 * demonstration, the key alone takes it from a cheaper computation of the
 * same fact, and tests/test_answers.c checks that both agree.
 */
bool ec_showing(const ec_actx *a);

/** printf to the worked text; does nothing when a->out is NULL. */
void ec_say(ec_actx *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Print the leaf's first lines: "Answer: <answer>", then a heading naming
 * the question, its title and points, then a blank line. Call it once, first.
 */
void ec_answer(ec_actx *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Add a key item (ignored when a->key is NULL). Returns 0, or non-zero with
 * a->err set when the item cannot be added.
 */
int ec_keyf(ec_actx *a, const char *id, ec_key_kind kind, double points,
	    const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/**
 * ec_keyf() for an item computed from the data file `data` ("q3.3.figure")
 * whose standing is `origin` (ec_data_origin()): the item records both.
 */
int ec_keyf_data(ec_actx *a, const char *data, ec_key_origin origin, const char *id,
		 ec_key_kind kind, double points, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;

/** A data file built into the program (a copy of data/<name>). */
typedef struct ec_data_file {
	const char *name;     /**< "q3.3.figure" */
	ec_key_origin origin; /**< what the built-in copy is: a stand-in, a
				   reconstruction, or the exam's own (the rubric) */
	const char *about;    /**< one line: what it holds and where it comes from */
} ec_data_file;

/** The built-in data files, in name order. */
extern const ec_data_file ec_data_files[];
extern const size_t ec_data_file_count;

/**
 * The built-in copy of data file `name` (whatever EXAMCHECK_DATA says):
 * *text (NUL-terminated, not to be freed) and *size, its length in bytes.
 * Returns false when no file of that name is built in.
 */
bool ec_data_builtin(const char *name, const char **text, size_t *size);

/**
 * The standing of key items computed from `text`, read as data file
 * `name`: the built-in file's origin (EC_KEY_FROM_STAND_IN,
 * EC_KEY_FROM_RECONSTRUCTION) when `text` is the built-in copy byte for
 * byte, wherever it was read from (an unedited copy under EXAMCHECK_DATA
 * is still the stand-in); otherwise EC_KEY_FROM_EXAM, data supplied as
 * the real figure.
 */
ec_key_origin ec_data_origin(const char *name, const char *text);

/**
 * The text of a shipped data file such as "q3.3.figure". When the
 * environment variable EXAMCHECK_DATA names a directory, the file is read
 * from there; otherwise the copy of data/<name> built into the binary is
 * used. On success *text is the NUL-terminated content (free it with
 * ec_data_free()) and *origin names where it came from, e.g.
 * "data/q3.3.figure (built in)". Returns 0, or non-zero with a->err set.
 */
int ec_data_load(ec_actx *a, const char *name, char **text, const char **origin);

/**
 * ec_data_load() for code that has no ec_actx (the CLI's key and grade
 * commands): the same lookup, failures reported in `err`.
 */
int ec_data_lookup(const char *name, char **text, const char **origin, ec_error *err);

/** Release text returned by ec_data_load() or ec_data_lookup(). */
void ec_data_free(char *text);

/**
 * Append an option letter to a multiple-choice answer kept in two forms:
 * `key` as the key writes it ("AB") and `shown` as the Answer line does
 * ("A, B"). Both start as "". Room for the ten letters A-J is needed.
 */
void ec_option_add(char key[static 11], char shown[static 31], char letter);

#endif
