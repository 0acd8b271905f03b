#include "examcheck/ec_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ec_status add_flag(ec_sheet_report *r, size_t *cap, const ec_error *e)
{
	if (r->nflags == *cap) {
		size_t n = *cap ? 2 * *cap : 8;
		ec_error *grown = realloc(r->flags, n * sizeof(*grown));

		if (!grown)
			return EC_ERR_NOMEM;
		r->flags = grown;
		*cap = n;
	}
	r->flags[r->nflags++] = *e;
	return EC_OK;
}

static void unreadable(ec_grade_result *res)
{
	res->points = 0;
	res->verdict = EC_VERDICT_UNREADABLE;
	res->letters = 0;
}

/*
 * Is a sheet's answer to item i a mark given by hand? Only for a prose
 * item (kind manual) and only when it is a number: a line of prose is the
 * student's answer, left to a person (an item the rubric switched to
 * manual keeps its answer too).
 */
static bool is_mark(const ec_grader *g, size_t i, const char *text, size_t len)
{
	ec_value v;
	ec_error err;

	return g->items[i].key.kind == EC_KEY_MANUAL &&
	       ec_value_parse(EC_KEY_NUMBER, text, len, &v, &err) == EC_OK && !v.blank;
}

/* Read the sheet's lines into r->values and r->results, flagging what cannot be read. */
static ec_status read_entries(ec_sheet_report *r, const ec_sheet *sheet)
{
	const ec_grader *g = r->grader;
	long *line_of = calloc(g->count ? g->count : 1, sizeof(*line_of));
	bool *is_set = calloc(g->count ? g->count : 1, sizeof(*is_set));
	size_t cap = 0, i;
	ec_status st = line_of && is_set ? EC_OK : EC_ERR_NOMEM;

	for (i = 0; st == EC_OK && i < sheet->count; i++) {
		const ec_sheet_entry *e = &sheet->entries[i];
		long at = ec_grader_find(g, e->id, e->id_len);
		ec_error sub, flag;
		ec_status rs;

		ec_error_clear(&sub);
		if (at < 0) {
			ec_error_at(&flag, EC_ERR_PARSE, r->file, e->line, 0, "unknown item id '%.*s'",
				    (int)(e->id_len > 40 ? 40 : e->id_len), e->id);
			st = add_flag(r, &cap, &flag);
			continue;
		}
		if (line_of[at]) {
			ec_error_at(&flag, EC_ERR_PARSE, r->file, e->line, 0,
				    "item %s is answered twice (first on line %ld): 0 points",
				    g->items[at].key.id, line_of[at]);
			unreadable(&r->results[at]);
			is_set[at] = true;
			r->values[at].blank = true;
			st = add_flag(r, &cap, &flag);
			continue;
		}
		line_of[at] = e->line;
		if (is_mark(g, (size_t)at, e->answer, e->answer_len)) {
			rs = ec_grader_read_mark(g, (size_t)at, e->answer, e->answer_len, &r->results[at],
						 &sub);
			is_set[at] = true;
		} else {
			rs = ec_grader_read(g, (size_t)at, e->answer, e->answer_len, &r->values[at], &sub);
		}
		if (rs != EC_OK) {
			ec_error_at(&flag, rs, r->file, e->line, 0, "item %s: %s", g->items[at].key.id,
				    sub.msg);
			unreadable(&r->results[at]);
			is_set[at] = true;
			r->values[at].kind = g->items[at].key.kind;
			r->values[at].blank = true;
			st = add_flag(r, &cap, &flag);
		}
	}
	/* score the answers read; the marks and flagged items keep what they got */
	for (i = 0; st == EC_OK && i < g->count; i++) {
		if (is_set[i])
			continue;
		r->results[i].points = ec_grader_score(g, i, &r->values[i], &r->results[i].verdict);
		r->results[i].letters = r->values[i].blank ? 0 : r->values[i].letters;
	}
	free(line_of);
	free(is_set);
	return st;
}

ec_status ec_grade_sheet_report(const ec_grader *g, const char *text, size_t len,
				const char *file, ec_sheet_report *r, ec_error *err)
{
	ec_sheet sheet = {0};
	ec_status st;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->grader = g;
	r->file = file;
	r->values = calloc(g->count ? g->count : 1, sizeof(*r->values));
	r->results = calloc(g->count ? g->count : 1, sizeof(*r->results));
	r->sections = calloc(g->nsections ? g->nsections : 1, sizeof(*r->sections));
	r->section_max = calloc(g->nsections ? g->nsections : 1, sizeof(*r->section_max));
	if (!r->values || !r->results || !r->sections || !r->section_max) {
		ec_sheet_report_free(r);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < g->count; i++) {
		r->values[i].kind = g->items[i].key.kind;
		r->values[i].blank = true;
	}
	st = ec_sheet_parse(text, len, file, &sheet, err);
	if (st == EC_OK && read_entries(r, &sheet) != EC_OK)
		st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	ec_sheet_free(&sheet);
	if (st != EC_OK) {
		ec_sheet_report_free(r);
		return st;
	}
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];

		if (it->rule.scheme == EC_SCHEME_MANUAL && r->results[i].verdict == EC_VERDICT_MANUAL) {
			r->pending += it->key.points;
			continue;
		}
		r->section_max[it->section] += it->key.points;
		r->max += it->key.points;
	}
	r->total = ec_grade_sum(g, r->results, r->sections);
	return EC_OK;
}

void ec_sheet_report_free(ec_sheet_report *r)
{
	free(r->values);
	free(r->results);
	free(r->sections);
	free(r->section_max);
	free(r->flags);
	r->values = NULL;
	r->results = NULL;
	r->sections = NULL;
	r->section_max = NULL;
	r->flags = NULL;
	r->nflags = 0;
}

char *ec_grade_item_correct(const ec_grade_item *it, char *buf, size_t size)
{
	size_t k, n;

	if (size == 0)
		return buf;
	snprintf(buf, size, "%s", it->key.answer);
	for (k = 1; k < it->naccepted; k++) {
		char alt[64];

		n = strlen(buf);
		snprintf(buf + n, size - n, " or %s",
			 ec_value_format(&it->accepted[k], alt, sizeof(alt)));
	}
	return buf;
}
