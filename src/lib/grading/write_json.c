/*
 * write_json.c: the json format: one JSON value, an object or array per
 * line so that a diff of two outputs reads well.
 */
#include "writer.h"

#include <math.h>
#include <string.h>

/* Points as ec_points_format() writes them, null when not finite: JSON has no infinities. */
static const char *json_points(double x, char buf[32])
{
	return isfinite(x) ? ec_points_format(x, buf) : "null";
}

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
	fputs(", \"points\": ", w->out);
	if (isfinite(it->points))
		fprintf(w->out, "%.17g", it->points);
	else
		fputs("null", w->out);
	fprintf(w->out, ", \"kind\": \"%s\"", ec_key_kind_name(it->kind));
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
		json_points(r->total, a), json_points(r->max, b),
		json_points(r->grader->max_manual, c));
	fprintf(w->out, ", \"pending\": %s,\n \"sections\": [", json_points(r->pending, a));
	return EC_OK;
}

static ec_status sheet_section(ec_write_ctx *w, const ec_sheet_report *r, size_t s)
{
	char a[32], b[32];

	fputs(w->sections++ ? ", {\"section\": " : "{\"section\": ", w->out);
	ec_write_json_string(w->out, r->grader->sections[s]);
	fprintf(w->out, ", \"points\": %s, \"max\": %s}", json_points(r->sections[s], a),
		json_points(r->section_max[s], b));
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
	ec_write_json_string(w->out, write_sheet_answer(r, i, ans, sizeof(ans)));
	fprintf(w->out, ", \"verdict\": \"%s\", \"points\": %s", ec_verdict_name(res->verdict),
		res->verdict == EC_VERDICT_MANUAL ? "null" : json_points(res->points, a));
	fprintf(w->out, ", \"max\": %s, \"correct\": ", json_points(it->key.points, a));
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

/*
 * Statistics: {"students", "mean", "median", "median_exact", "sd", "min",
 * "max", "alpha", "groups": {...}, "histogram": [{"lo", "hi", "count"},
 * ...], "items": [{"id", "kind", "points", "facility", "discrimination",
 * "upper", "lower", "options" (mc and tf), "answers" and "answers_other"
 * (with answer groups)}, ...]}, a bin or
 * an item per line. Ratios to 10 significant digits, points as
 * ec_points_format(); null for what is not defined (never inf or nan).
 */
static void ratio(FILE *f, const char *name, double x)
{
	fprintf(f, ", \"%s\": ", name);
	if (isfinite(x))
		fprintf(f, "%.10g", x);
	else
		fputs("null", f);
}

static void points(FILE *f, const char *name, double x)
{
	char a[32];

	fprintf(f, ", \"%s\": %s", name, json_points(x, a));
}

static void count(FILE *f, const char *name, const uint64_t *counts, size_t i)
{
	fprintf(f, ", \"%s\": ", name);
	if (counts)
		fprintf(f, "%llu", (unsigned long long)counts[i]);
	else
		fputs("null", f);
}

static ec_status stats_begin(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	char a[32], b[32];
	size_t i;

	fprintf(w->out, "{\"students\": %llu", (unsigned long long)sum->n);
	ratio(w->out, "mean", sum->mean);
	ratio(w->out, "median", sum->median);
	fprintf(w->out, ", \"median_exact\": %s", sum->median_exact ? "true" : "false");
	ratio(w->out, "sd", sum->sd);
	points(w->out, "min", sum->min);
	points(w->out, "max", sum->max);
	ratio(w->out, "alpha", sum->alpha);
	fprintf(w->out, ",\n \"groups\": {\"percent\": %d, \"size\": %llu, \"upper\": %llu",
		EC_STATS_GROUP_PERCENT, (unsigned long long)sum->group,
		(unsigned long long)sum->upper_n);
	points(w->out, "upper_cut", sum->upper_cut);
	fprintf(w->out, ", \"lower\": %llu", (unsigned long long)sum->lower_n);
	points(w->out, "lower_cut", sum->lower_cut);
	fprintf(w->out, ", \"exact\": %s},\n \"histogram\": [",
		sum->groups_exact ? "true" : "false");
	for (i = 0; i < s->nbins; i++) {
		double lo = s->lo + (double)i * s->bin_width;

		fprintf(w->out, "%s\n  {\"lo\": %s, \"hi\": %s, \"count\": %llu}", i ? "," : "",
			json_points(lo, a), json_points(lo + s->bin_width, b),
			(unsigned long long)s->bins[i]);
	}
	fputs("\n ],\n \"items\": [", w->out);
	return EC_OK;
}

static ec_status stats_item(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum,
			    size_t i)
{
	const ec_stats_item *it = &s->items[i];
	char letters[27];
	const char *c;

	fputs(w->items++ ? ",\n  {\"id\": " : "\n  {\"id\": ", w->out);
	ec_write_json_string(w->out, it->id);
	fprintf(w->out, ", \"kind\": \"%s\"", ec_key_kind_name(it->kind));
	points(w->out, "points", it->max_points);
	ratio(w->out, "facility", ec_stats_facility(s, i));
	ratio(w->out, "discrimination", ec_stats_discrimination(s, i));
	count(w->out, "upper", sum->upper, i);
	count(w->out, "lower", sum->lower, i);
	if (it->kind == EC_KEY_MC || it->kind == EC_KEY_TF) {
		fputs(", \"options\": {", w->out);
		for (c = write_stats_letters(it, letters); *c; c++)
			fprintf(w->out, "\"%c\": %llu, ", *c, (unsigned long long)it->chosen[*c - 'A']);
		fprintf(w->out, "\"blank\": %llu, \"unreadable\": %llu}",
			(unsigned long long)it->blank, (unsigned long long)it->unreadable);
	}
	write_groups_json(w, it);
	putc('}', w->out);
	return EC_OK;
}

static ec_status stats_end(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	(void)s;
	(void)sum;
	fputs(w->items ? "\n ]}" : "]}", w->out);
	fputs(w->versions ? "}" : "\n", w->out);
	return EC_OK;
}

/* Several versions: an array of {"variant": N, "stats": {...}}. */
static ec_status stats_version(ec_write_ctx *w)
{
	fprintf(w->out, "%s{\"variant\": %llu, \"stats\": ", w->block ? ",\n" : "[",
		(unsigned long long)w->version);
	return EC_OK;
}

static ec_status stats_versions_end(ec_write_ctx *w)
{
	fputs(w->block || w->versions ? "]\n" : "[]\n", w->out);
	return EC_OK;
}

/*
 * Roster: an array with one object a student, a line each:
 * {"line", "student", "data": {header: value, ...}, "total", "sections":
 * {"1": points, ...}, "items": {"1.1": {"points" (null for a mark not
 * given yet), "verdict"}, ...},
 * "flagged": ["2.1", ...]}. Items listed are those the roster has a column
 * for; "flagged" holds the words of the CSV's flagged field.
 */
static ec_status roster_begin(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h)
{
	(void)g;
	(void)h;
	putc('[', w->out);
	return EC_OK;
}

static ec_status roster_row(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h,
			    const ec_roster_row *row)
{
	char pts[32];
	const char *f = row->flagged;
	size_t c, n = 0;

	fprintf(w->out, "%s\n {\"line\": %ld, \"student\": ", w->items ? "," : "", row->line);
	ec_write_json_string(w->out, row->fields[0]);
	fputs(", \"data\": {", w->out);
	for (c = 1; c < h->nnames; c++) {
		if (h->item[c] != EC_ROSTER_COLUMN_DATA)
			continue;
		fputs(n++ ? ", " : "", w->out);
		ec_write_json_string(w->out, h->names[c]);
		fputs(": ", w->out);
		ec_write_json_string(w->out, c < row->nfields ? row->fields[c] : "");
	}
	fprintf(w->out, "}, \"total\": %s, \"sections\": {", ec_points_format(row->total, pts));
	for (c = 0; c < g->nsections; c++) {
		fputs(c ? ", " : "", w->out);
		ec_write_json_string(w->out, g->sections[c]);
		fprintf(w->out, ": %s", ec_points_format(row->sections[c], pts));
	}
	fputs("}, \"items\": {", w->out);
	for (c = 0; c < h->nitems; c++) {
		const ec_grade_result *r = &row->results[h->items[c]];

		fputs(c ? ", " : "", w->out);
		ec_write_json_string(w->out, g->items[h->items[c]].key.id);
		fprintf(w->out, ": {\"points\": %s, \"verdict\": \"%s\"}",
			r->verdict == EC_VERDICT_MANUAL ? "null" : ec_points_format(r->points, pts),
			ec_verdict_name(r->verdict));
	}
	fputs("}, \"flagged\": [", w->out);
	for (n = 0; *f;) {
		char word[64];
		size_t len = strcspn(f, " ");

		snprintf(word, sizeof(word), "%.*s", (int)(len < 63 ? len : 63), f);
		fputs(n++ ? ", " : "", w->out);
		ec_write_json_string(w->out, word);
		f += len;
		f += *f == ' ';
	}
	fputs("]}", w->out);
	return EC_OK;
}

static ec_status roster_end(ec_write_ctx *w)
{
	fputs(w->items ? "\n]\n" : "]\n", w->out);
	return EC_OK;
}

/*
 * Checked answers: one item is {"id", "answer", "points", "max", "verdict",
 * "reasons": [...], "mistake" (null when none), "worked"}; a group is {"id",
 * "items": [one per line], "total", "max", "worked"}. Points to 17 digits.
 */
static ec_status check_begin(ec_write_ctx *w, const ec_check_report *r)
{
	if (!r->group)
		return EC_OK;
	fputs("{\"id\": ", w->out);
	ec_write_json_string(w->out, r->id);
	fputs(", \"items\": [", w->out);
	return EC_OK;
}

static ec_status check_item(ec_write_ctx *w, const ec_check_report *r, size_t i)
{
	const ec_check_item *it = &r->items[i];
	size_t k;

	if (r->group)
		fputs(w->items++ ? ",\n  " : "\n  ", w->out);
	fputs("{\"id\": ", w->out);
	ec_write_json_string(w->out, it->id);
	fputs(", \"answer\": ", w->out);
	ec_write_json_string(w->out, it->answer);
	fprintf(w->out, ", \"points\": %.17g, \"max\": %.17g, \"verdict\": \"%s\", \"reasons\": [",
		it->points, it->max, ec_check_verdict_name(it->verdict));
	for (k = 0; k < it->nlines; k++) {
		if (k)
			fputs(", ", w->out);
		ec_write_json_string(w->out, it->lines[k]);
	}
	fputs("], \"mistake\": ", w->out);
	if (it->mistake[0])
		ec_write_json_string(w->out, it->mistake);
	else
		fputs("null", w->out);
	fputs(", \"worked\": ", w->out);
	ec_write_json_string(w->out, it->worked);
	putc('}', w->out);
	if (!r->group)
		putc('\n', w->out);
	return EC_OK;
}

static ec_status check_end(ec_write_ctx *w, const ec_check_report *r)
{
	if (!r->group)
		return EC_OK;
	fprintf(w->out, "\n ], \"total\": %.17g, \"max\": %.17g, \"worked\": ", r->total, r->max);
	ec_write_json_string(w->out, r->worked);
	fputs("}\n", w->out);
	return EC_OK;
}

/* A question paper: {"seed", "questions": [{"id", "points", "text", "params"}, ...]}. */
static ec_status paper_begin(ec_write_ctx *w, const ec_paper *p)
{
	fprintf(w->out, "{\"seed\": %llu,\n\"questions\": [", (unsigned long long)p->seed);
	return EC_OK;
}

static ec_status paper_question(ec_write_ctx *w, const ec_paper *p, size_t i)
{
	const ec_paper_question *q = &p->questions[i];
	ec_buf b = EC_BUF_INIT;

	if (ec_text_render(&q->text, &b) != EC_OK) {
		ec_buf_free(&b);
		return EC_ERR_NOMEM;
	}
	fputs(i ? ",\n {\"id\": " : "\n {\"id\": ", w->out);
	ec_write_json_string(w->out, q->id);
	fprintf(w->out, ", \"points\": %g, \"text\": ", q->points);
	ec_write_json_string(w->out, ec_buf_str(&b));
	fprintf(w->out, ", \"params\": %s}", q->params ? q->params : "{}");
	ec_buf_free(&b);
	return EC_OK;
}

static ec_status paper_end(ec_write_ctx *w, const ec_paper *p)
{
	(void)p;
	fputs("\n]}\n", w->out);
	return EC_OK;
}

const ec_writer ec_writer_json = {
	.name = "json",
	.key = {key_begin, key_item, key_end},
	.sheet = {sheet_begin, sheet_item, sheet_section, sheet_end, true},
	.stats = {stats_begin, stats_item, stats_end, stats_version, stats_versions_end},
	.paper = {paper_begin, paper_question, paper_end},
	.roster = {roster_begin, roster_row, roster_end},
	.check = {check_begin, check_item, check_end},
};
