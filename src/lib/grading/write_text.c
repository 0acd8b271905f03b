/*
 * write_text.c: the text format: aligned columns, for people.
 */
#include "writer.h"

#include <string.h>

/* Key: "id  answer  points  kind", id and answer columns as wide as their widest entry. */
static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	size_t i, wid = 2, wans = 6;

	for (i = 0; i < key->count; i++) {
		if (strlen(key->items[i].id) > wid)
			wid = strlen(key->items[i].id);
		if (key->items[i].kind != EC_KEY_MANUAL && strlen(key->items[i].answer) > wans)
			wans = strlen(key->items[i].answer);
	}
	w->width[0] = (int)wid;
	w->width[1] = (int)wans;
	fprintf(w->out, "%-*s  %-*s  %-8s  %s\n", w->width[0], "id", w->width[1], "answer",
		"points", "kind");
	return EC_OK;
}

/*
 * An item that does not come from the exam's text ends in a note after its
 * kind (padded to 6): "stand-in: q3.1.1.graph", "reconstructed: q3.3.figure".
 */
static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	char pts[32];

	fprintf(w->out, "%-*s  %-*s  %-8s  ", w->width[0], it->id, w->width[1], it->answer,
		ec_points_format(it->points, pts));
	if (it->origin == EC_KEY_FROM_EXAM)
		fprintf(w->out, "%s\n", ec_key_kind_name(it->kind));
	else
		fprintf(w->out, "%-6s  %s%s%s\n", ec_key_kind_name(it->kind),
			ec_key_origin_name(it->origin), it->data[0] ? ": " : "", it->data);
	return EC_OK;
}

/*
 * Sheet: "Sheet FILE", a table of the auto-graded items, a blank line, a
 * line per section and the total, then the items left to grade by hand.
 */
static ec_status sheet_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	const ec_grader *g = r->grader;
	size_t i, wid = 4;

	for (i = 0; i < g->count; i++)
		if (strlen(g->items[i].key.id) > wid)
			wid = strlen(g->items[i].key.id);
	w->width[0] = (int)wid;
	fprintf(w->out, "Sheet %s\n\n", r->file);
	fprintf(w->out, "%-*s  %-12s  %-10s  %-14s  %s\n", w->width[0], "item", "answer",
		"verdict", "points", "correct");
	return EC_OK;
}

static ec_status sheet_item(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	const ec_grade_item *it = &r->grader->items[i];
	char a[32], b[32], pts[64], ans[WRITE_ANSWER_SIZE], corr[WRITE_CORRECT_SIZE];

	if (r->results[i].verdict == EC_VERDICT_MANUAL)
		return EC_OK;
	ec_value_format(&r->values[i], ans, sizeof(ans));
	ec_grade_item_correct(it, corr, sizeof(corr));
	snprintf(pts, sizeof(pts), "%s/%s", ec_points_format(r->results[i].points, a),
		 ec_points_format(it->key.points, b));
	fprintf(w->out, "%-*s  %-12s  %-10s  %-14s  %s\n", w->width[0], it->key.id,
		ans[0] ? ans : "-", ec_verdict_name(r->results[i].verdict), pts, corr);
	w->items++;
	return EC_OK;
}

static ec_status sheet_section(ec_write_ctx *w, const ec_sheet_report *r, size_t s)
{
	char a[32], b[32];

	if (w->sections++ == 0)
		fputc('\n', w->out);
	fprintf(w->out, "Section %s: %s/%s\n", r->grader->sections[s],
		ec_points_format(r->sections[s], a), ec_points_format(r->section_max[s], b));
	return EC_OK;
}

static ec_status sheet_end(ec_write_ctx *w, const ec_sheet_report *r)
{
	const ec_grader *g = r->grader;
	char a[32], b[32];
	size_t i;

	if (w->sections == 0)
		fputc('\n', w->out);
	if (r->pending == 0 && r->max > g->max_auto)
		fprintf(w->out, "Total: %s/%s\n", ec_points_format(r->total, a),
			ec_points_format(r->max, b));
	else
		fprintf(w->out, "Total: %s/%s (auto-graded items%s)\n", ec_points_format(r->total, a),
			ec_points_format(r->max, b), r->max > g->max_auto ? " and marks given" : "");
	if (w->items == g->count) /* none was left to grade by hand */
		return EC_OK;
	fprintf(w->out, "\nTo grade by hand (%s point%s):\n", ec_points_format(r->pending, a),
		r->pending == 1 ? "" : "s");
	for (i = 0; i < g->count; i++)
		if (r->results[i].verdict == EC_VERDICT_MANUAL)
			fprintf(w->out, "  %-*s  %s pt  %s\n", w->width[0], g->items[i].key.id,
				ec_points_format(g->items[i].key.points, a), g->items[i].key.answer);
	return EC_OK;
}

const ec_writer ec_writer_text = {
	.name = "text",
	.key = {key_begin, key_item, NULL},
	.sheet = {sheet_begin, sheet_item, sheet_section, sheet_end, false},
};
