/*
 * write_gradescope.c: the gradescope format: a graded sheet as
 * Gradescope's results.json, {"score", "output", "tests": [{"name",
 * "number", "score", "max_score", "output"}, ...]}, one test per
 * auto-graded item. It writes no keys and shows no sections.
 */
#include "writer.h"

#include "examcheck/ec_buf.h"

static ec_status sheet_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	ec_buf msg = EC_BUF_INIT;
	char a[32], b[32], c[32];

	if (ec_buf_appendf(&msg, "Auto-graded items: %s of %s points. Graded by hand later, worth: %s.",
			   ec_points_format(r->total, a), ec_points_format(r->grader->max_auto, b),
			   ec_points_format(r->grader->max_manual, c)) != EC_OK)
		return EC_ERR_NOMEM;
	fprintf(w->out, "{\"score\": %s,\n \"output\": ", a);
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

	if (res->verdict == EC_VERDICT_MANUAL)
		return EC_OK;
	ec_value_format(&r->values[i], ans, sizeof(ans));
	if (ec_buf_appendf(&out, "%s: answer %s, correct %s", ec_verdict_name(res->verdict),
			   ans[0] ? ans : "(blank)",
			   ec_grade_item_correct(it, corr, sizeof(corr))) != EC_OK)
		return EC_ERR_NOMEM;
	fputs(w->items++ ? ",\n  {\"name\": " : "\n  {\"name\": ", w->out);
	ec_write_json_string(w->out, it->key.id);
	fputs(", \"number\": ", w->out);
	ec_write_json_string(w->out, it->key.id);
	fprintf(w->out, ", \"score\": %s, \"max_score\": %s, \"output\": ",
		ec_points_format(res->points, a), ec_points_format(it->key.points, b));
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
