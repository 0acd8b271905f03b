/*
 * question.h: what a question module is, and what it is given. Private to
 * src/lib/questions/.
 *
 * One module answers one question of the exam, or a group of linked ones
 * (3.2: one network for 3.2.1-3.2.3; 3.3: one figure for 3.3.1-3.3.7). It
 * holds:
 *  - draw:  how its numbers are drawn for a variant; with no generator,
 *           the original exam's numbers, written only there;
 *  - text:  its text, from those numbers (ec_text blocks);
 *  - solve: everything about it, computed once from the numbers into the
 *           module's solution struct;
 * and three views of that one solution:
 *  - show:  the worked answer of a leaf (when a->out is set) and its key
 *           items (when a->key is set);
 *  - facts: what explains an answer to each of its items (ec_item_facts:
 *           per-option truth and reason, the derivation, named mistakes
 *           recomputed with the mistake made).
 * The exam (exam.c) keeps each module's solution, so that a key, a check
 * and the feedback of a whole class compute it once.
 */
#ifndef EC_QUESTION_H
#define EC_QUESTION_H

#include <stdbool.h>
#include <stdio.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_explain.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_text.h"
#include "examcheck/ec_xorshift.h"
#include "params.h"

/*
 * How far a solve goes: the key alone (cheap: a demonstration that only
 * illustrates is not run), the facts that explain answers, or everything
 * the worked answer prints. A deeper solution serves every shallower view.
 */
typedef enum ec_depth { EC_DEPTH_KEY, EC_DEPTH_FACTS, EC_DEPTH_WORKED } ec_depth;

/** What a module's solve is given. */
typedef struct ec_solving {
	ec_exam *exam;              /**< for data files: ec_solving_data() */
	const ec_exam_params *p;    /**< the exam's numbers */
	ec_depth depth;
} ec_solving;

/**
 * The text of data file `name` for a solve: `given` when it is not empty
 * (a variant's own graph or figure), else the exam's data file
 * (ec_exam_data()). *origin names it, e.g. "data/q3.3.figure (built in;
 * ...)" or "variant 7's q3.3.figure"; *standing is ec_data_origin()'s.
 * Free *text with free(). Returns EC_OK or the failure.
 */
ec_status ec_solving_data(const ec_solving *s, const char *given, const char *name,
			  char **text, const char **origin, ec_key_origin *standing,
			  ec_error *err);

/** What show writes to. */
typedef struct ec_actx {
	FILE *out;                    /**< worked text; NULL when only the key is wanted */
	ec_key *key;                  /**< key items; NULL when only text is wanted */
	const ec_question *q;         /**< the leaf being answered */
	const ec_exam_params *params; /**< the exam's numbers */
	ec_exam *exam;                /**< the exam answered */
	ec_error err;                 /**< set when show returns non-zero */
} ec_actx;

struct ec_explainer;

/** One module. Its functions return 0, or -1 with `err` (a->err) set. */
typedef struct ec_module {
	const char *id;   /**< the question or group it answers: "2.7", "3.2", "3.3" */
	size_t size;      /**< bytes of its solution, zeroed before solve */
	size_t options;   /**< a multiple-choice question: its options (a variant may show
			       them in another order: ec_option_at()); 0 otherwise */
	bool last_stays;  /**< its last option ("none of these") stays last */
	/** The numbers: the original's when g is NULL, else drawn from g. NULL: none. */
	int (*draw)(ec_xorshift *g, ec_exam_params *p, ec_error *err);
	/** The text of `q` (the module's id, one of its leaves, or a group it owns). */
	int (*text)(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err);
	/**
	 * The members of the JSON object of q's numbers (ec_exam_params_json()),
	 * "name": value, ..., without the braces; nothing when q has none. May be NULL.
	 */
	int (*json)(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err);
	int (*solve)(const ec_solving *s, void *sol, ec_error *err);
	void (*release)(void *sol); /**< may be NULL */
	int (*show)(ec_actx *a, const void *sol);
	int (*facts)(struct ec_explainer *ex, const void *sol, ec_error *err); /**< may be NULL */
} ec_module;

/** The modules, in exam order (registry.c). */
extern const ec_module *const ec_modules[];
extern const size_t ec_module_count;

/** The module that answers question or item `id`, or NULL. */
const ec_module *ec_module_of(const char *id);

/**
 * When `q` is a section of the outline ("1", "2", "3", "3.1"), its
 * instructions into `t` and true; else false.
 */
bool ec_section_text(const ec_question *q, ec_text *t);

/** How the paper's summary names section `id` ("true or false"), or NULL. */
const char *ec_section_phrase(const char *id);

/** The numbers of an exam. */
const ec_exam_params *ec_exam_params_of(const ec_exam *exam);

/*
 * ---- options in the order an exam shows them ----
 * A module writes its options in the order it knows them (0 its first, as
 * the original exam writes them); a variant may show them in another
 * order. Its text, worked answer, key and facts then name an option by
 * the letter of the position it is shown at: walk the positions pos = 0,
 * 1, ... (letter 'A' + pos) and take the option ec_option_at() gives.
 */

/** The option (0-based, as the module writes them) shown at position `pos` of question `id`. */
size_t ec_option_at(const ec_exam_params *p, const char *id, size_t pos);

/** The letter under which option `k` (as the module writes them) of question `id` is shown. */
char ec_option_letter(const ec_exam_params *p, const char *id, size_t k);

/* ---- writing the worked text and the key (actx.c) ---- */

/** True when the worked text is wanted (a->out is set). */
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

/** Add a key item (ignored when a->key is NULL). 0, or -1 with a->err set. */
int ec_keyf(ec_actx *a, const char *id, ec_key_kind kind, double points, const char *fmt, ...)
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

/**
 * Append an option letter to a multiple-choice answer kept in two forms:
 * `key` as the key writes it ("AB") and `shown` as the Answer line does
 * ("A, B"). Both start as "". Room for the ten letters A-J is needed.
 */
void ec_option_add(char key[static 11], char shown[static 31], char letter);

/* ---- drawing a variant's numbers (share.c) ---- */

/** Draws of one question before giving up (none comes near: see tests/test_variant.c). */
#define EC_DRAW_TRIES 2000

/** An integer in [lo, hi]. */
int ec_draw_int(ec_xorshift *g, int lo, int hi);

/** True with probability num / den. */
bool ec_draw_chance(ec_xorshift *g, unsigned num, unsigned den);

/** One element of the array `a`, drawn uniformly. */
#define EC_DRAW_PICK(g, a) ((a)[ec_xorshift_below((g), sizeof(a) / sizeof((a)[0]))])

/** "variant N: no valid qID after EC_DRAW_TRIES draws" into err; returns -1. */
int ec_draw_gave_up(ec_error *err, const char *id, uint64_t seed);

/* ---- what the modules' text and numbers share (share.c) ---- */

/** The layer names (i) to (v). */
extern const char *const ec_roman[5];

/** A power-of-two fraction as the exam writes it: "2", "-1/4"; else the shortest decimal. */
void ec_fraction(double v, char *buf, size_t size);

/** A number in JSON: the shortest decimal that reads back as v. */
void ec_json_number(FILE *f, double v);

/** rows x cols numbers in JSON: [[a, b], [c, d]]. */
void ec_json_rows(FILE *f, const double *v, size_t rows, size_t cols);

/* ---- facts (explain.c) ---- */

/** Facts of items of an exam, as modules add them. Zero-initialise. */
typedef struct ec_explainer {
	ec_item_facts *items;
	size_t count, cap;
} ec_explainer;

/** Release the facts. */
void ec_explainer_free(ec_explainer *ex);

/** The facts of the item `id`, or NULL when there are none. */
const ec_item_facts *ec_explainer_find(const ec_explainer *ex, const char *id);

/** Append the facts of a new item (zeroed, id and kind set); NULL with err set on failure. */
ec_item_facts *ec_facts_add(ec_explainer *ex, const char *id, ec_key_kind kind, ec_error *err);

/** Set the answer the facts lead to (key form). */
void ec_facts_answer(ec_item_facts *f, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Add a fact line (tf: the deciding fact; numbers: the derivation). */
void ec_facts_line(ec_item_facts *f, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Add an option with its truth and reason; returns it (NULL when full). */
ec_option_fact *ec_facts_option(ec_item_facts *f, char letter, bool holds, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/**
 * Add a known mistake giving `value` (in the item's kind; its kind field
 * is set here). Left out when the value is the facts' answer, so that a
 * right answer is never named a mistake, or when a mistake of the same
 * name gives the same value. `detail` says what the mistake computes.
 */
void ec_facts_mistake(ec_item_facts *f, const char *name, const ec_value *value,
		      const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/**
 * Add another reading of the question: `name` says what it takes, `answer`
 * (key form, in the item's kind) what it gives, `detail` why. Left out
 * when it gives the facts' own answer or cannot be read.
 */
void ec_facts_reading(ec_item_facts *f, const char *name, const char *answer, const char *fmt,
		      ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/** ec_facts_mistake() for a count. */
void ec_facts_mistake_count(ec_item_facts *f, const char *name, uint64_t value,
			    const char *detail);

/** ec_facts_mistake() for a number. */
void ec_facts_mistake_number(ec_item_facts *f, const char *name, double value,
			     const char *detail);

/** ec_facts_mistake() for a shape; `reordered` also matches its factors in another order. */
void ec_facts_mistake_dims(ec_item_facts *f, const char *name, size_t n, const uint64_t *dims,
			   bool reordered, const char *detail);

/** ec_facts_mistake() for a mask of '0' and '1' digits. */
void ec_facts_mistake_mask(ec_item_facts *f, const char *name, const char *mask,
			   const char *detail);

/** Add a reason line to `it` (printf-style; nothing past EC_CHECK_LINES lines) (explain.c). */
void ec_check_line(ec_check_item *it, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
