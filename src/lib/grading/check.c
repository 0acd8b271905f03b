/*
 * check.c: what the checked-answer document needs beyond its writers.
 */
#include "examcheck/ec_check.h"

#include <math.h>
#include <stdio.h>

const char *ec_check_verdict_name(ec_verdict verdict)
{
	switch (verdict) {
	case EC_VERDICT_PARTIAL:
		return "partly right";
	case EC_VERDICT_MANUAL:
		return "graded by hand";
	case EC_VERDICT_RIGHT:
	case EC_VERDICT_WRONG:
	case EC_VERDICT_BLANK:
	case EC_VERDICT_UNREADABLE:
		break;
	}
	return ec_verdict_name(verdict);
}

bool ec_check_note_tolerance(ec_check_item *it, const ec_grader *g, size_t i, const ec_value *v)
{
	const ec_rubric_rule *rule = &g->items[i].rule;
	double key, allowed;
	char rule_text[96];

	if (it->nlines >= EC_CHECK_LINES || ec_grader_match(g, i, v) != EC_MATCH_TOLERANCE)
		return false;
	key = g->items[i].accepted[0].number;
	allowed = fmax(rule->abs, rule->rel * fabs(key));
	if (rule->rel * fabs(key) >= rule->abs)
		snprintf(rule_text, sizeof(rule_text), "rel=%.6g of the key", rule->rel);
	else
		snprintf(rule_text, sizeof(rule_text), "abs=%.6g", rule->abs);
	snprintf(it->lines[it->nlines++], EC_CHECK_LINE,
		 "Right within the rubric's tolerance: %.10g differs from the key %.40s by %.6g, "
		 "and the rule allows up to %.6g (%s).",
		 v->number, g->items[i].key.answer, fabs(v->number - key), allowed, rule_text);
	return true;
}
