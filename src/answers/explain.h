/*
 * explain.h: why an answer to an item of the key is right or wrong, from
 * facts the library computes. For each item the explainer holds:
 *  - true/false: the deciding fact and the numbers of a demonstration;
 *  - multiple choice: every option's truth and a one-line reason;
 *  - numbers and shapes: the correct value with its derivation, and known
 *    mistakes, each the same quantity recomputed with that mistake (the
 *    weight count with one input channel, the layer walked without its
 *    padding, the pool's gradient sent to every entry, ...).
 * An answer is then explained by looking it up among those facts; no
 * number is typed in. The facts of one question come from one function
 * (explain_q1.c, explain_q2*.c, explain_q3*.c), listed in explain.c.
 */
#ifndef EC_EXPLAIN_H
#define EC_EXPLAIN_H

#include <stdbool.h>

#include "examcheck/ec_check.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_sheet.h"

/** Room for one reason, its NUL included. */
#define EC_EXPLAIN_LINE 300
/** Most options, facts lines and mistakes an item holds. */
#define EC_EXPLAIN_OPTIONS 8
#define EC_EXPLAIN_FACTS 2
#define EC_EXPLAIN_MISTAKES 16

/** A multiple-choice option: whether it is a right choice, and why. */
typedef struct ec_option_fact {
	char letter;
	bool holds;                   /**< choosing it is right */
	char reason[EC_EXPLAIN_LINE]; /**< "the receptive field at layer (ii) is 5x5, not 6x6" */
	char mistake[96];             /**< a known mistake under which it would hold, or "" */
	char mistake_detail[EC_EXPLAIN_LINE]; /**< what that mistake computes */
} ec_option_fact;

/** A known mistake: its name, what it computes and the value it gives. */
typedef struct ec_mistake {
	char name[96];                /**< "weights without the input channels" */
	char detail[EC_EXPLAIN_LINE]; /**< "16 filters x 5x5x5 taps = 2000" */
	ec_value value;               /**< the value it gives, in the item's kind */
	bool reordered;               /**< dims: any other order of value's factors matches */
} ec_mistake;

/** What is known about one item. */
typedef struct ec_item_facts {
	char id[40];
	ec_key_kind kind;
	char answer[160];             /**< the answer the facts lead to, in key form */
	char facts[EC_EXPLAIN_FACTS][EC_EXPLAIN_LINE]; /**< tf: the deciding fact;
						      numbers: the derivation */
	size_t nfacts;
	ec_option_fact options[EC_EXPLAIN_OPTIONS];
	size_t noptions;
	ec_mistake mistakes[EC_EXPLAIN_MISTAKES];
	size_t nmistakes;
} ec_item_facts;

/** Facts for the items of some questions. Zero-initialise; fill with ec_explainer_init(). */
typedef struct ec_explainer {
	ec_item_facts *items;
	size_t count, cap;
	size_t nfailed;               /**< questions whose facts could not be computed */
	ec_error failure;             /**< why the last of them failed */
} ec_explainer;

/**
 * Compute the facts of every question that has an item `prefix` names
 * (the item itself, a group such as "3.2.1", or the question above an
 * item: "3.2.1.1.dims" computes 3.2.1); all questions when `prefix` is
 * NULL. A question whose facts cannot be computed (a data file that does
 * not load) is left out and counted in ex->nfailed, its error in
 * ex->failure. Returns EC_OK, or EC_ERR_NOMEM (ex then holds nothing).
 */
ec_status ec_explainer_init(ec_explainer *ex, const char *prefix, ec_error *err);

/** Release the facts. */
void ec_explainer_free(ec_explainer *ex);

/** The facts of the item `id`, or NULL when there are none. */
const ec_item_facts *ec_explainer_find(const ec_explainer *ex, const char *id);

/**
 * Whether the facts lead to `key`, the key's answer to the item as read
 * (ec_value_parse()): explanations from a key file that answers otherwise
 * would contradict its grading, so they are left out.
 */
bool ec_explain_agrees(const ec_item_facts *f, const ec_value *key);

/**
 * Explain `answer` (as read; blank or NULL for no answer) given the
 * `verdict` the grader gave it: fill it->lines (no more than
 * EC_CHECK_LINES) and it->mistake, and leave the rest of `it` alone.
 *  - tf: "The statement is true: FACT" (and a second fact line);
 *  - mc: a line per option chosen or to be chosen, "A (chosen): false:
 *    REASON", "C (not chosen): true: REASON", then "Mistake: NAME, which
 *    leads to A: DETAIL" when a known mistake leads to a chosen false
 *    option;
 *  - numbers and shapes: "The answer is ANSWER: DERIVATION", then, when
 *    the answer is not right and equals what a known mistake computes,
 *    "Mistake: VALUE is the NAME: DETAIL" (every mistake that gives it).
 * A right answer never names a mistake; a right answer other than the
 * facts' (an alternative the rubric accepts) says so.
 */
void ec_explain_answer(const ec_item_facts *f, const ec_value *answer, ec_verdict verdict,
		       ec_check_item *it);

/**
 * The explanation of ec_explain_answer() in one line, for graded sheets
 * and feedback: tf the deciding fact; mc the reasons of the options
 * chosen wrongly or missed ("A is false: ... (the mistake behind it:
 * NAME); C is true: ..."); numbers the mistake when one is known, then the
 * derivation. Into `buf` (cut to
 * `size` - 1 bytes). Returns `buf`.
 */
char *ec_explain_brief(const ec_item_facts *f, const ec_value *answer, ec_verdict verdict,
		       char *buf, size_t size);

/**
 * The names of the known mistakes that give `answer` (as read), as `check`
 * names them: for numbers, shapes and masks every mistake whose value it
 * is, joined by " or the "; for multiple choice the mistake behind the
 * first false option it chooses. Into `names` (cut to `size` - 1 bytes;
 * "" when none). Returns whether one was found. An answer the facts lead
 * to is never a mistake.
 */
bool ec_explain_mistakes(const ec_item_facts *f, const ec_value *answer, char *names,
			 size_t size);

/**
 * The id of the worked answer that covers item `id`: the longest id of
 * the question table (examcheck list) equal to it or a leading part of it
 * ending before a '.'; NULL when none does.
 */
const char *ec_explain_question(const char *id);

/* ---- for the question modules (explain_q*.c) ---- */

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
 * name gives the same value.
 * `detail` says what the mistake computes.
 */
void ec_facts_mistake(ec_item_facts *f, const char *name, const ec_value *value,
		      const char *fmt, ...)
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

/*
 * One function per question: it adds the facts of the question's items.
 * Returns 0, or -1 with err set.
 */
typedef int (*ec_facts_fn)(ec_explainer *ex, ec_error *err);

int ec_facts_1_1(ec_explainer *ex, ec_error *err);
int ec_facts_1_2(ec_explainer *ex, ec_error *err);
int ec_facts_1_3(ec_explainer *ex, ec_error *err);
int ec_facts_1_4(ec_explainer *ex, ec_error *err);
int ec_facts_1_5(ec_explainer *ex, ec_error *err);
int ec_facts_1_6(ec_explainer *ex, ec_error *err);
int ec_facts_1_7(ec_explainer *ex, ec_error *err);
int ec_facts_1_8(ec_explainer *ex, ec_error *err);
int ec_facts_1_9(ec_explainer *ex, ec_error *err);
int ec_facts_1_10(ec_explainer *ex, ec_error *err);
int ec_facts_2_1(ec_explainer *ex, ec_error *err);
int ec_facts_2_2(ec_explainer *ex, ec_error *err);
int ec_facts_2_3(ec_explainer *ex, ec_error *err);
int ec_facts_2_4(ec_explainer *ex, ec_error *err);
int ec_facts_2_5(ec_explainer *ex, ec_error *err);
int ec_facts_2_6(ec_explainer *ex, ec_error *err);
int ec_facts_2_7(ec_explainer *ex, ec_error *err);
int ec_facts_2_8(ec_explainer *ex, ec_error *err);
int ec_facts_2_9(ec_explainer *ex, ec_error *err);
int ec_facts_2_10(ec_explainer *ex, ec_error *err);
int ec_facts_3_1_1(ec_explainer *ex, ec_error *err);
int ec_facts_3_1_2(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_1(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_2(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_3(ec_explainer *ex, ec_error *err);
int ec_facts_3_3(ec_explainer *ex, ec_error *err);

#endif
