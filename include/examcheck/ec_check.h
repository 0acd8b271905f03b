/*
 * ec_check.h: one student's answer to an item of the key (or answers to
 * every item of a group such as 3.2.1), scored and explained, as plain
 * data. `examcheck check` fills it; a writer (ec_writer.h) renders it.
 */
#ifndef EC_CHECK_H
#define EC_CHECK_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most lines of explanation an item carries. */
#define EC_CHECK_LINES 12
/** Room for one line of explanation, its NUL included. */
#define EC_CHECK_LINE 400

/** One answered item: its score and why. */
typedef struct ec_check_item {
	char id[40];          /**< the key's item id, e.g. "3.2.1.1.weights" */
	char answer[160];     /**< the answer as written (cut to fit) */
	double points;        /**< points earned (ec_grader_score()) */
	double max;           /**< the item's points */
	ec_verdict verdict;   /**< right, partial, wrong, blank or unreadable */
	char lines[EC_CHECK_LINES][EC_CHECK_LINE]; /**< why, one reason a line, no '\n' */
	size_t nlines;
	char mistake[160];    /**< the known mistake the answer matches, "" when none */
	char worked[64];      /**< the command of the full worked answer: "examcheck q2.8" */
	char unreadable[256]; /**< why the answer cannot be read (verdict unreadable), else "" */
} ec_check_item;

/** What `examcheck check` reports: one item, or every item of a group. */
typedef struct ec_check_report {
	char id[40];          /**< the item or group asked for, normalised ("2.8", "3.2.1") */
	bool group;           /**< true when `id` names a group of items */
	ec_check_item *items; /**< in key order (not owned by the writers) */
	size_t count;
	double total;         /**< the sum of the items' points */
	double max;           /**< the sum of the items' maxima */
	char worked[64];      /**< the worked answer covering the whole of `id` */
} ec_check_report;

/**
 * A verdict as `check` words it: "right", "partly right", "wrong",
 * "blank", "unreadable"; "graded by hand" for EC_VERDICT_MANUAL.
 */
const char *ec_check_verdict_name(ec_verdict verdict);

/**
 * Add to `it` a line saying how far answer `v` to item `i` of `g` lies
 * from the key when it is right by the rule's tolerance
 * (EC_MATCH_TOLERANCE), e.g. "Right within the rubric's tolerance: 13.95
 * differs from the key 13.862943611198906 by 0.0870564, and the rule allows up to
 * 0.138629 (rel=0.01 of the key)." Returns whether it added one (not when
 * the answer is right otherwise, or wrong, or `it` has no room).
 */
bool ec_check_note_tolerance(ec_check_item *it, const ec_grader *g, size_t i, const ec_value *v);

#ifdef __cplusplus
}
#endif

#endif
