/*
 * ec_exam.h: the exam as one object. An exam is opened from a seed (0 is
 * the practice midterm as written; any other seed a variant with new
 * numbers, ec_exam_open()) and its data files (the built-in copies, or a
 * directory such as EXAMCHECK_DATA names). Each question is one module
 * that draws its numbers, writes its text, and solves itself once from
 * those numbers; the worked answers (ec_exam_worked()), the answer key
 * (ec_exam_key()) and the facts that explain an answer (ec_exam_facts(),
 * ec_exam_check()) are views of that one solution, so that every number
 * they show is the exam's own.
 */
#ifndef EC_EXAM_H
#define EC_EXAM_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_explain.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_rubric.h"
#include "examcheck/ec_text.h"
#include "examcheck/ec_writer.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An exam: opaque; ec_exam_open(), then ec_exam_free(). */
typedef struct ec_exam ec_exam;

/**
 * One entry of the exam's outline. A group ("1", "3.2") stands for every
 * leaf whose id starts with "<id>."; a leaf has a worked answer.
 */
typedef struct ec_question {
	const char *id;     /**< "1.1", "3.2.1", ... */
	const char *title;  /**< short paraphrase in the project's own words */
	double points;
	bool leaf;          /**< a question with a worked answer, not a group */
} ec_question;

/** The outline, in exam order (the same for every seed). */
extern const ec_question ec_questions[];
extern const size_t ec_question_count;

/** The entry with exactly this id (already normalised: "3.2"), or NULL. */
const ec_question *ec_question_find(const char *id);

/**
 * Normalise a user's id ("q3.2", "Q3.2", "3.2") into `buf` ("3.2").
 * Returns false when it has no digits or does not fit.
 */
bool ec_question_normalise(const char *in, char *buf, size_t size);

/**
 * The id of the question that covers item `id`: the longest id of the
 * outline equal to it or a leading part of it ending before a '.'
 * ("3.2.1" for 3.2.1.1.dims, "2.1" for 2.1 but not for 2.10); NULL when
 * none does.
 */
const char *ec_question_of(const char *id);

/** Largest seed: 2^63 - 1. */
#define EC_EXAM_SEED_MAX INT64_MAX

/**
 * Read a seed: a decimal integer from 0 to EC_EXAM_SEED_MAX, or
 * "original" (0). EC_ERR_PARSE or EC_ERR_RANGE with a message.
 */
ec_status ec_exam_seed_parse(const char *text, uint64_t *seed, ec_error *err);

/**
 * Open exam `seed`: 0 the original, any other seed up to EC_EXAM_SEED_MAX
 * the variant drawn from it (the same numbers on every machine). Data
 * files (the 3.1.1 graph and 3.3 figure of the original, the rubric) are
 * read from `data_dir` when it is not NULL or "", else the copies built
 * into the library are used; they are read when first needed, so a bad
 * data file fails the views that need it, not the opening. Returns EC_OK;
 * EC_ERR_RANGE for a seed above the largest; EC_ERR_INVALID when a
 * question cannot be drawn; EC_ERR_NOMEM.
 */
ec_status ec_exam_open(uint64_t seed, const char *data_dir, ec_exam **exam, ec_error *err);

/** Release an exam (NULL is fine). */
void ec_exam_free(ec_exam *exam);

/** The seed the exam was opened from (0: the original). */
uint64_t ec_exam_seed(const ec_exam *exam);

/**
 * Print the worked answer of every leaf whose id is `prefix` or starts
 * with "<prefix>." (every leaf when `prefix` is NULL), in exam order,
 * separated by blank lines, to `out`. Each starts "Answer: ...", then a
 * heading, then the steps with the exam's numbers. Returns EC_OK, or the
 * failure of the first leaf that cannot be answered (a data file that
 * does not load: `err` names it, with its line), what was printed before
 * it left on `out`.
 */
ec_status ec_exam_worked(ec_exam *exam, const char *prefix, FILE *out, ec_error *err);

/**
 * The steps of the worked answer of leaf `id` (normalised: "3.2.1"), one
 * at a time for hints: the paragraphs ec_exam_worked() prints for it after
 * its "Answer:" line and heading (which are never among them), a paragraph
 * cut before each of its lines that starts a numbered step ("2. POOL2,
 * ..."), in order, each a block of `steps` (EC_TEXT_PRE, its lines as
 * printed; emptied first). Returns EC_OK; EC_ERR_NOTFOUND when `id` is no leaf; the
 * failures of ec_exam_worked(); EC_ERR_NOMEM.
 */
ec_status ec_exam_steps(ec_exam *exam, const char *id, ec_text *steps, ec_error *err);

/**
 * Append the exam's answer key to `key` (empty, or cleared first), in
 * exam order; key->seed is set. On failure `err` says which question
 * ("computing the key, q3.1.1: FILE:LINE: ...") and `key` holds nothing.
 */
ec_status ec_exam_key(ec_exam *exam, ec_key *key, ec_error *err);

/**
 * The facts of item `id` of the exam's key (ec_explain.h) in *facts,
 * computed with the rest of its question when first asked for and kept
 * with the exam (valid until ec_exam_free()). *facts is NULL when the
 * question has no such item or no facts. Returns EC_OK, or the failure
 * of the question's solution (a data file that does not load); EC_ERR_NOMEM.
 */
ec_status ec_exam_facts(ec_exam *exam, const char *id, const ec_item_facts **facts,
			ec_error *err);

/**
 * The command that prints the worked answer covering item or question
 * `id`: "examcheck q2.8" for the original, "examcheck variant --seed 7
 * 2.8" for a variant; with `id` NULL, what comes before the id ("examcheck
 * q", "examcheck variant --seed 7 "); into `buf` (cut to size - 1 bytes).
 * Returns `buf`.
 */
char *ec_exam_worked_command(const ec_exam *exam, const char *id, char *buf, size_t size);

/**
 * The text of data file `name` ("rubric", "q3.1.1.graph", "q3.3.figure")
 * as this exam reads it: from its data directory, else the built-in
 * copy, or a variant's own drawn graph or figure. A data directory that
 * lacks the file (but is there) gives the built-in copy, and the exam
 * remembers the name (ec_exam_data_missing()). *text is malloc()ed
 * (free() it); *origin names where it came from ("data/rubric (built
 * in; ...)", "DIR/rubric", "data/rubric (built in, as DIR/ has no
 * rubric)", "variant 7's q3.3.figure") and lives as long as the exam.
 * EC_ERR_OPEN / EC_ERR_IO for a file that cannot be read (a data
 * directory that is not there included), EC_ERR_NOTFOUND for a name that
 * is no data file, EC_ERR_PARSE for a NUL byte (at FILE:LINE).
 */
ec_status ec_exam_data(ec_exam *exam, const char *name, char **text, const char **origin,
		       ec_error *err);

/** The data directory the exam was opened with, or NULL for the built-in copies. */
const char *ec_exam_data_dir(const ec_exam *exam);

/**
 * The data files the exam needed so far and its data directory lacked,
 * so that their built-in copies were used, in the order first needed: up
 * to `max` names ("rubric") into `names` (NULL when max is 0). Returns
 * how many there are; 0 without a data directory.
 */
size_t ec_exam_data_missing(const ec_exam *exam, const char **names, size_t max);

/* ---- the data files built into the library ---- */

/** A data file built into the library (a copy of data/<name>). */
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
 * The built-in copy of data file `name`: *text (NUL-terminated, not to be
 * freed) and *size. False when no file of that name is built in.
 */
bool ec_data_builtin(const char *name, const char **text, size_t *size);

/**
 * The standing of key items computed from `text`, read as data file
 * `name`: the built-in file's origin (EC_KEY_FROM_STAND_IN,
 * EC_KEY_FROM_RECONSTRUCTION) when `text` is the built-in copy, wherever
 * it was read from (byte for byte, but for a UTF-8 byte-order mark and
 * CRLF or CR line ends, which the parsers read alike); otherwise
 * EC_KEY_FROM_EXAM, data supplied as the real figure.
 */
ec_key_origin ec_data_origin(const char *name, const char *text);

/* ---- the question sheet ---- */

/**
 * The text of question or group `q` (an entry of ec_questions[]) of the
 * exam, in the project's own words, into `t` (emptied first). A group's
 * text is what its parts share (instructions, the network of 3.2, the
 * figure of 3.3). Returns EC_OK, or the failure (a data file that does
 * not load, EC_ERR_NOMEM).
 */
ec_status ec_exam_text(ec_exam *exam, const ec_question *q, ec_text *t, ec_error *err);

/**
 * Write the numbers of question or group `q` to `b` as one JSON object
 * ("{}" when its text has none): 2.5 "runs"; 2.7 "volume", "hidden",
 * "classes", "options"; 2.8 "layers" (notation of 'examcheck rf') and
 * "options"; 3.1.1 "graph" (the graph file), "expression", "inputs";
 * 3.1.2 "X" and "K" (lists of rows) and "at" ([row, column], from 1);
 * 3.2 "input" ("3x8x64x64") and "layers"; 3.2.3 "rows" ({"input",
 * "layer"}); 3.3 "figure" (the figure file). EC_OK or a failure.
 */
ec_status ec_exam_params_json(ec_exam *exam, const ec_question *q, ec_buf *b, ec_error *err);

/**
 * The question paper of the exam (ec_writer.h's ec_paper: title, summary,
 * and every question and group with its text and numbers, and each leaf's
 * blanks: the id, kind and points of its key items, never their answers)
 * into `paper`; release it with ec_paper_free(). Failures as
 * ec_exam_text() and ec_exam_key().
 */
ec_status ec_exam_paper(ec_exam *exam, ec_paper *paper, ec_error *err);

/** Release what ec_exam_paper() made. */
void ec_paper_free(ec_paper *paper);

/* ---- grading and explaining against the exam ---- */

/**
 * Check answers as `examcheck check` does: `id` (normalised: "2.8",
 * "3.2.1") names an item of `g`'s key, or a group of its items; then
 * `answers[0..n)` are the words of the answer to the item (joined with
 * spaces: "16", "x", "8" is "16 x 8"), or one answer per auto-graded item
 * of the group, in key order. Fills `report` (free it
 * with ec_check_report_free()): each item's points, verdict (unreadable
 * with the reason in item->unreadable when it cannot be read), and lines
 * of explanation from the exam's facts, which are left out (with a line
 * saying why) when `g`'s key answers the item otherwise than the facts;
 * the worked-answer commands are the exam's (ec_exam_worked_command()).
 * Returns EC_OK; EC_ERR_NOTFOUND when `id` names no item nor group (the
 * message names the closest ids); EC_ERR_USAGE for an item graded by
 * hand or a number of answers that does not fit; EC_ERR_NOMEM.
 */
ec_status ec_exam_check(ec_exam *exam, const ec_grader *g, const char *id,
			const char *const *answers, size_t n, ec_check_report *report,
			ec_error *err);

/** Release what ec_exam_check() allocated. */
void ec_check_report_free(ec_check_report *report);

/**
 * Reasons for graded answers, as sheets and feedback give them: the facts
 * of every item of a grader's key, from the exam the key is of (items
 * whose key answer the facts do not lead to get none). Zero-initialise;
 * fill with ec_reasons_init().
 */
typedef struct ec_reasons {
	const ec_item_facts **facts; /**< per grader item, or NULL */
	size_t count;
	char (*lines)[512];          /**< a sheet's reasons (ec_reasons_sheet()) */
	const char **ptrs;
} ec_reasons;

/**
 * Match the facts of `exam` to the items of `g` (both must outlive `r`).
 * A question whose facts cannot be computed just gives no reasons.
 * EC_OK or EC_ERR_NOMEM.
 */
ec_status ec_reasons_init(ec_reasons *r, ec_exam *exam, const ec_grader *g, ec_error *err);

/** Release the table. */
void ec_reasons_free(ec_reasons *r);

/**
 * Set rep->reasons to the reason of each item of the graded sheet `rep`
 * (kept in `r`, which must outlive the report's use of them; rep's grader
 * must be the one `r` was made for). EC_OK or EC_ERR_NOMEM.
 */
ec_status ec_reasons_sheet(ec_reasons *r, ec_sheet_report *rep, ec_error *err);

/**
 * The one-line reason (ec_explain_brief()) for `answer` to item `item`
 * earning `result`; `ctx` is an ec_reasons (this is an
 * ec_feedback_reason_fn). False when there is none: the item has no
 * facts, or the answer is right or waits for a mark.
 */
bool ec_reasons_brief(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
		      const ec_grade_result *result, char *buf, size_t size);

/**
 * The known mistakes that give `answer` to item `item` (as
 * ec_explain_mistakes() names them; "" and false when none, or the item
 * has no facts); `ctx` is an ec_reasons made for `g` (this is an
 * ec_mistake_fn, naming the answer groups of a class).
 */
bool ec_reasons_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			char *buf, size_t size);

/* ---- a class that sat several versions of the exam ---- */

/**
 * The exams a class sat, with their keys and graders, by seed: the
 * exam's own (or whatever exam and grader the caller gives for seed 0)
 * and each variant, opened and joined with the rubric when first asked
 * for. Opaque; ec_versions_open(), then ec_versions_free().
 */
typedef struct ec_versions ec_versions;

/**
 * A class whose seed-0 exam and grader are `exam0` and `g0` (borrowed:
 * they must outlive the class), and whose variants are opened with the
 * data files of `data_dir` (as ec_exam_open()) and graded under the
 * rubric `r` (borrowed), its requested answers (ec_rubric_accept())
 * applied to every variant that has their item. EC_ERR_NOMEM.
 */
ec_status ec_versions_open(ec_exam *exam0, const ec_grader *g0, const char *data_dir,
			const ec_rubric *r, ec_versions **c, ec_error *err);

/** Release the class and the exams and graders it made. */
void ec_versions_free(ec_versions *c);

/**
 * The grader of exam `seed` (made when first asked for) into *g, and its
 * exam into *exam (either may be NULL). Failures as ec_exam_open(),
 * ec_exam_key() and ec_grader_init().
 */
ec_status ec_versions_get(ec_versions *c, uint64_t seed, const ec_grader **g, ec_exam **exam,
		       ec_error *err);

/** Whether the class has a grader of the key of exam `seed` (ec_grader.seed). */
bool ec_versions_has(const ec_versions *c, uint64_t seed);

/** The exam of a grader the class made or was given; NULL for another. */
ec_exam *ec_versions_exam_of(const ec_versions *c, const ec_grader *g);

/**
 * An ec_roster_grader_fn over a class (`ctx`): the grader of the exam a
 * cell names: blank, "0" or "original" (any case, blanks around) the
 * exam's own, N variant N; EC_ERR_PARSE in `why` for a cell that names
 * none. It makes graders only in a roster's first pass, as that contract
 * allows.
 */
const ec_grader *ec_versions_grader_of(void *ctx, const char *cell, size_t len, ec_error *why);

/**
 * An ec_mistake_fn over a class (`ctx`): ec_reasons_mistake() with the
 * reasons of the exam `g` is the grader of (made when first needed: call
 * it from one thread at a time). False for a grader the class does not
 * have.
 */
bool ec_versions_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			 char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
