/*
 * reasons.c: one-line reasons for graded answers, from the explainer's facts.
 */
#include "reasons.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_reasons_init(cli_reasons *r, const ec_grader *g)
{
	ec_error err;
	size_t i;

	memset(r, 0, sizeof(*r));
	ec_error_clear(&err);
	if (ec_explainer_init(&r->ex, NULL, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		return EC_EXIT_SOFTWARE;
	}
	r->facts = calloc(g->count ? g->count : 1, sizeof(*r->facts));
	if (!r->facts) {
		ec_explainer_free(&r->ex);
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	r->count = g->count;
	r->grader = g;
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];
		const ec_item_facts *f = ec_explainer_find(&r->ex, it->key.id);

		if (f && it->naccepted && ec_explain_agrees(f, &it->accepted[0]))
			r->facts[i] = f;
	}
	return EC_EXIT_OK;
}

void cli_reasons_free(cli_reasons *r)
{
	ec_explainer_free(&r->ex);
	free(r->facts);
	free(r->lines);
	free(r->ptrs);
	memset(r, 0, sizeof(*r));
}

bool cli_reason(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
		const ec_grade_result *result, char *buf, size_t size)
{
	const cli_reasons *r = ctx;

	(void)g;
	if (item >= r->count || !r->facts[item] || result->verdict == EC_VERDICT_RIGHT ||
	    result->verdict == EC_VERDICT_MANUAL)
		return false;
	ec_explain_brief(r->facts[item], answer, result->verdict, buf, size);
	return buf[0] != '\0';
}

bool cli_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer, char *buf,
		 size_t size)
{
	const cli_reasons *r = ctx;

	if (g != r->grader || item >= r->count || !r->facts[item])
		return false;
	return ec_explain_mistakes(r->facts[item], answer, buf, size);
}

int cli_reasons_sheet(cli_reasons *r, ec_sheet_report *rep)
{
	size_t i, n = rep->grader->count;

	r->lines = calloc(n ? n : 1, sizeof(*r->lines));
	r->ptrs = calloc(n ? n : 1, sizeof(*r->ptrs));
	if (!r->lines || !r->ptrs) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	for (i = 0; i < n; i++) {
		const ec_value *v = rep->results[i].verdict == EC_VERDICT_UNREADABLE ? NULL
										 : &rep->values[i];

		if (cli_reason(r, rep->grader, i, v, &rep->results[i], r->lines[i], CLI_REASON_SIZE))
			r->ptrs[i] = r->lines[i];
	}
	rep->reasons = r->ptrs;
	return EC_EXIT_OK;
}
