/*
 * write_json.c: the json format: one JSON value, an object or array per
 * line so that a diff of two outputs reads well.
 */
#include "writer.h"

/*
 * An item that does not come from the exam's text: `, "data": "stand-in"`
 * (or "reconstructed"), then `, "data_file": NAME` when it names one.
 */
static void data_marks(ec_write_ctx *w, const ec_key_item *it)
{
	if (it->origin == EC_KEY_FROM_EXAM)
		return;
	fprintf(w->out, ", \"data\": \"%s\"", ec_key_origin_name(it->origin));
	if (it->data[0]) {
		fputs(", \"data_file\": ", w->out);
		ec_write_json_string(w->out, it->data);
	}
}

/*
 * Key: [{"id", "answer", "points", "kind"[, "data"[, "data_file"]]}, ...],
 * points to 17 digits.
 */
static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	(void)key;
	putc('[', w->out);
	return EC_OK;
}

static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	fputs(w->items++ ? ",\n {\"id\": " : "\n {\"id\": ", w->out);
	ec_write_json_string(w->out, it->id);
	fputs(", \"answer\": ", w->out);
	ec_write_json_string(w->out, it->answer);
	fprintf(w->out, ", \"points\": %.17g, \"kind\": \"%s\"", it->points,
		ec_key_kind_name(it->kind));
	data_marks(w, it);
	putc('}', w->out);
	return EC_OK;
}

static ec_status key_end(ec_write_ctx *w, const ec_key *key)
{
	(void)key;
	fputs(w->items ? "\n]\n" : "]\n", w->out);
	return EC_OK;
}

/*
 * Sheet: {"sheet", "total", "max" (of the items graded), "manual_max" (the
 * items graded by hand), "pending" (points still to grade by hand),
 * "sections": [{"section", "points", "max"}, ...], "items": [{"id", "kind",
 * "answer", "verdict", "points" (null when left to a person), "max",
 * "correct", and "data", "data_file" as for the key}, ...], "flagged":
 * [{"line", "message"}, ...]}.
 */
static ec_status sheet_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	char a[32], b[32], c[32];

	fputs("{\"sheet\": ", w->out);
	ec_write_json_string(w->out, r->file);
	fprintf(w->out, ", \"total\": %s, \"max\": %s, \"manual_max\": %s",
		ec_points_format(r->total, a), ec_points_format(r->max, b),
		ec_points_format(r->grader->max_manual, c));
	fprintf(w->out, ", \"pending\": %s,\n \"sections\": [", ec_points_format(r->pending, a));
	return EC_OK;
}

static ec_status sheet_section(ec_write_ctx *w, const ec_sheet_report *r, size_t s)
{
	char a[32], b[32];

	fputs(w->sections++ ? ", {\"section\": " : "{\"section\": ", w->out);
	ec_write_json_string(w->out, r->grader->sections[s]);
	fprintf(w->out, ", \"points\": %s, \"max\": %s}", ec_points_format(r->sections[s], a),
		ec_points_format(r->section_max[s], b));
	return EC_OK;
}

/* The sections come first; the first item closes their list. */
static ec_status sheet_item(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	const ec_grade_item *it = &r->grader->items[i];
	const ec_grade_result *res = &r->results[i];
	char a[32], ans[WRITE_ANSWER_SIZE], corr[WRITE_CORRECT_SIZE];

	fputs(w->items++ ? ",\n  {\"id\": " : "],\n \"items\": [\n  {\"id\": ", w->out);
	ec_write_json_string(w->out, it->key.id);
	fprintf(w->out, ", \"kind\": \"%s\", \"answer\": ", ec_key_kind_name(it->key.kind));
	ec_write_json_string(w->out, ec_value_format(&r->values[i], ans, sizeof(ans)));
	fprintf(w->out, ", \"verdict\": \"%s\", \"points\": %s", ec_verdict_name(res->verdict),
		res->verdict == EC_VERDICT_MANUAL ? "null" : ec_points_format(res->points, a));
	fprintf(w->out, ", \"max\": %s, \"correct\": ", ec_points_format(it->key.points, a));
	ec_write_json_string(w->out, ec_grade_item_correct(it, corr, sizeof(corr)));
	data_marks(w, &it->key);
	putc('}', w->out);
	return EC_OK;
}

static ec_status sheet_end(ec_write_ctx *w, const ec_sheet_report *r)
{
	size_t i;

	if (!w->items)
		fputs("],\n \"items\": [", w->out);
	fputs("\n ],\n \"flagged\": [", w->out);
	for (i = 0; i < r->nflags; i++) {
		fprintf(w->out, "%s{\"line\": %ld, \"message\": ", i ? ", " : "", r->flags[i].line);
		ec_write_json_string(w->out, r->flags[i].msg);
		putc('}', w->out);
	}
	fputs("]}\n", w->out);
	return EC_OK;
}

const ec_writer ec_writer_json = {
	.name = "json",
	.key = {key_begin, key_item, key_end},
	.sheet = {sheet_begin, sheet_item, sheet_section, sheet_end, true},
};
