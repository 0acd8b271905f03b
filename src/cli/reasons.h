/*
 * reasons.h: the one-line reasons grade gives under items not fully right
 * (sheet text and --feedback), from the explainer that `check` uses.
 */
#ifndef EC_CLI_REASONS_H
#define EC_CLI_REASONS_H

#include <stdbool.h>

#include "../answers/explain.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_report.h"

/** Size of one reason, its NUL included. */
#define CLI_REASON_SIZE 512

/** The facts of every item of a grader. Zero-initialise; fill with cli_reasons_init(). */
typedef struct cli_reasons {
	ec_explainer ex;
	const ec_item_facts **facts; /* per grader item: its facts when they agree with the
					key's answer, else NULL (no reason is given) */
	size_t count;
	const ec_grader *grader;     /* the grader the facts were matched to */
	char (*lines)[CLI_REASON_SIZE]; /* a sheet's reasons (cli_reasons_sheet()) */
	const char **ptrs;
} cli_reasons;

/**
 * Compute the facts of every question and match them to the items of `g`
 * (which must outlive `r`). A question whose facts cannot be computed just
 * gives no reasons. Returns EC_EXIT_OK, or an exit status after a message.
 */
int cli_reasons_init(cli_reasons *r, const ec_grader *g);

/** Release the facts and any sheet reasons. */
void cli_reasons_free(cli_reasons *r);

/** An ec_feedback_reason_fn: ctx is a cli_reasons; ec_explain_brief() of the item. */
bool cli_reason(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
		const ec_grade_result *result, char *buf, size_t size);

/**
 * An ec_mistake_fn: ctx is a cli_reasons; the names of the known mistakes
 * that give `answer` (ec_explain_mistakes()), for the grader the facts were
 * matched to only (another, a variant's key, gets none).
 */
bool cli_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer, char *buf,
		 size_t size);

/**
 * Set rep->reasons to a reason for each item of the graded sheet `rep`
 * (kept in `r`, which must outlive the report's use of them). Returns
 * EC_EXIT_OK, or an exit status after a message.
 */
int cli_reasons_sheet(cli_reasons *r, ec_sheet_report *rep);

#endif
