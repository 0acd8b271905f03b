/*
 * ec_explain.h: why an answer to an item of the key is right or wrong, from
 * facts the library computes about the exam (ec_exam_facts()). For each
 * item the facts hold:
 *  - true/false: the deciding fact and the numbers of a demonstration;
 *  - multiple choice: every option's truth and a one-line reason;
 *  - numbers and shapes: the correct value with its derivation, and known
 *    mistakes, each the same quantity recomputed with that mistake (the
 *    weight count with one input channel, the layer walked without its
 *    padding, the pool's gradient sent to every entry, ...).
 * An answer is explained by looking it up among those facts; no number is
 * typed in.
 */
#ifndef EC_EXPLAIN_H
#define EC_EXPLAIN_H

#include <stdbool.h>

#include "examcheck/ec_check.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_sheet.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Room for one reason, its NUL included. */
#define EC_EXPLAIN_LINE 300
/** Most options, facts lines and mistakes an item holds. */
#define EC_EXPLAIN_OPTIONS 8
#define EC_EXPLAIN_FACTS 2
#define EC_EXPLAIN_MISTAKES 16
#define EC_EXPLAIN_READINGS 4

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
	char name[96];                /**< "weight count without the input channels" */
	char detail[EC_EXPLAIN_LINE]; /**< "16 filters x 5x5x5 taps = 2000" */
	ec_value value;               /**< the value it gives, in the item's kind */
	bool reordered;               /**< dims: any other order of value's factors matches */
} ec_mistake;

/** What is known about one item of an exam's key. */
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
	/* other readings of the question (a rubric may accept them): name what the
	   reading takes ("'converges' read as the loss settling"), detail, value */
	ec_mistake readings[EC_EXPLAIN_READINGS];
	size_t nreadings;
} ec_item_facts;

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
 * facts' (an alternative the rubric accepts) says so, naming the reading
 * it is when the facts know it. An answer that is not right but is what
 * another reading of the question gives gets "Another reading: ..." with
 * that reading and how a rubric accepts it.
 */
void ec_explain_answer(const ec_item_facts *f, const ec_value *answer, ec_verdict verdict,
		       ec_check_item *it);

/**
 * The explanation of ec_explain_answer() in one line, for graded sheets
 * and feedback: tf the deciding fact; mc the reasons of the options
 * chosen wrongly or missed ("A is false: ... (the mistake behind it:
 * NAME); C is true: ..."); numbers the mistake when one is known, then the
 * derivation. Into `buf` (cut to `size` - 1 bytes). Returns `buf`.
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
 * The names of the known mistakes that give `answer` (a wrong answer as
 * read), joined by " or the ", into `buf` (cut to `size` - 1 bytes); for
 * mc, the mistake behind the first chosen option that is false. Returns
 * false (buf "") when no known mistake gives it.
 */
bool ec_explain_mistake(const ec_item_facts *f, const ec_value *answer, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
