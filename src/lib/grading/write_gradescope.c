/*
 * write_gradescope.c: the gradescope format: a graded sheet as
 * Gradescope's results.json, {"score", "visibility", "output", "tests":
 * [{"name", "number", "score", "max_score", "status", "visibility",
 * "output"}, ...]}, one test per item graded: each auto-graded item, and
 * each item graded by hand whose mark is given (those still to grade are
 * left out, and named in the output as points still to come); all
 * visible; status "passed" for an item fully right, else "failed". It
 * writes no keys and shows no sections.
 *
 * Scores are written in whole millionths (at most 6 decimals), and the
 * top-level score is the sum of the tests' scores as written, so the
 * tests add up to it exactly, digit for digit. A test's max_score is its
 * item's share of the rounded running total: the maxima of the
 * auto-graded items are added in key order, each partial sum rounded to
 * millionths, and an item's max_score is its rounded sum less the one
 * before (the items graded by hand whose mark is given count as
 * auto-graded ones here). So max_scores are within a millionth of the points and any run
 * of items whose points add up to a number with 6 decimals adds up to it
 * exactly: the seven items of 2/7 of a question worth 2 are 0.285714,
 * 0.285715, 0.285714, 0.285714, 0.285714, 0.285715 and 0.285714. An item
 * fully right scores its max_score; any other its points rounded to 6
 * decimals (halves away from zero). A sheet with every item right thus
 * scores the maximum exactly, and a total is within a millionth per right
 * item worth such a fraction of the unrounded one.
 */
#include "writer.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_buf.h"

#define MICRO 1e6

/* Is item i a test: auto-graded, or graded by hand and its mark given? */
static bool graded(const ec_sheet_report *r, size_t i)
{
	return r->grader->items[i].rule.scheme != EC_SCHEME_MANUAL ||
	       r->results[i].verdict != EC_VERDICT_MANUAL;
}

/*
 * Points in millionths, halves away from zero. Points bounded by
 * EC_POINTS_MAX keep this far inside a long long; anything else is 0.
 */
static long long micro(double points)
{
	return fabs(points) < 1e12 ? llround(points * MICRO) : 0;
}

/* The max_score of graded item i in millionths: its share of the rounded running total. */
static long long max_micro(const ec_sheet_report *r, size_t i)
{
	const ec_grader *g = r->grader;
	double before = 0;
	size_t j;

	for (j = 0; j < i; j++)
		if (graded(r, j))
			before += g->items[j].key.points;
	return micro(before + g->items[i].key.points) - micro(before);
}

/* The score of graded item i in millionths, as its test shows it. */
static long long score_micro(const ec_sheet_report *r, size_t i)
{
	if (r->results[i].verdict == EC_VERDICT_RIGHT)
		return max_micro(r, i);
	return micro(r->results[i].points);
}

/* Millionths as a decimal without trailing zeros: 2, -1, 0.285714. */
static char *micro_format(long long m, char buf[32])
{
	unsigned long long a = m < 0 ? 0 - (unsigned long long)m : (unsigned long long)m;
	int n = snprintf(buf, 32, "%s%llu", m < 0 ? "-" : "", a / 1000000);

	if (a % 1000000) {
		n += snprintf(buf + n, 32 - (size_t)n, ".%06llu", a % 1000000);
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
	return buf;
}

static ec_status sheet_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	const ec_grader *g = r->grader;
	ec_buf msg = EC_BUF_INIT;
	long long total = 0, max = 0;
	char a[32], b[32], c[32];
	bool marks = false;
	size_t i;

	for (i = 0; i < g->count; i++) {
		if (graded(r, i)) {
			total += score_micro(r, i);
			max += max_micro(r, i);
			marks = marks || g->items[i].rule.scheme == EC_SCHEME_MANUAL;
		}
	}
	if (ec_buf_appendf(&msg, "%s: %s of %s points. Graded by hand later, worth: %s.",
			   marks ? "Graded items, marks given by hand included" : "Auto-graded items",
			   micro_format(total, a), micro_format(max, b),
			   ec_points_format(r->pending, c)) != EC_OK)
		return EC_ERR_NOMEM;
	fprintf(w->out, "{\"score\": %s,\n \"visibility\": \"visible\",\n \"output\": ", a);
	ec_write_json_string(w->out, msg.data);
	fputs(",\n \"tests\": [", w->out);
	ec_buf_free(&msg);
	return EC_OK;
}

static ec_status sheet_item(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	const ec_grade_item *it = &r->grader->items[i];
	const ec_grade_result *res = &r->results[i];
	char a[32], b[32], ans[WRITE_ANSWER_SIZE], corr[WRITE_CORRECT_SIZE];
	ec_buf out = EC_BUF_INIT;

	if (!graded(r, i))
		return EC_OK;
	write_sheet_answer(r, i, ans, sizeof(ans));
	if (it->rule.scheme == EC_SCHEME_MANUAL && res->verdict != EC_VERDICT_UNREADABLE) {
		if (ec_buf_appendf(&out, "%s: mark %s of %s given by hand",
				   ec_verdict_name(res->verdict), ec_points_format(res->points, a),
				   ec_points_format(it->key.points, b)) != EC_OK)
			return EC_ERR_NOMEM;
	} else if (ec_buf_appendf(&out, "%s: answer %s, correct %s", ec_verdict_name(res->verdict),
				  ans[0] ? ans : "(blank)",
				  ec_grade_item_correct(it, corr, sizeof(corr))) != EC_OK) {
		return EC_ERR_NOMEM;
	}
	fputs(w->items++ ? ",\n  {\"name\": " : "\n  {\"name\": ", w->out);
	ec_write_json_string(w->out, it->key.id);
	fputs(", \"number\": ", w->out);
	ec_write_json_string(w->out, it->key.id);
	fprintf(w->out,
		", \"score\": %s, \"max_score\": %s, \"status\": \"%s\", \"visibility\": \"visible\", "
		"\"output\": ",
		micro_format(score_micro(r, i), a), micro_format(max_micro(r, i), b),
		res->verdict == EC_VERDICT_RIGHT ? "passed" : "failed");
	ec_write_json_string(w->out, out.data);
	putc('}', w->out);
	ec_buf_free(&out);
	return EC_OK;
}

static ec_status sheet_end(ec_write_ctx *w, const ec_sheet_report *r)
{
	(void)r;
	fputs("\n ]}\n", w->out);
	return EC_OK;
}

const ec_writer ec_writer_gradescope = {
	.name = "gradescope",
	.sheet = {sheet_begin, sheet_item, NULL, sheet_end, false},
};
