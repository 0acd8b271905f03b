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
	double mark;

	return g->items[i].key.kind == EC_KEY_MANUAL && ec_mark_parse(text, len, &mark) == EC_OK;
}

/* What read_entries() keeps while it reads a sheet's lines. */
typedef struct reading {
	ec_sheet_report *r;
	size_t cap;        /* of r->flags */
	long *line_of;     /* the line that answered each item, 0: none yet */
	bool *is_set;      /* the item's result is final (a mark, or flagged) */
} reading;

/* Flag `line` with a message; EC_ERR_NOMEM when it cannot be kept. */
static ec_status flag_line(reading *rd, ec_status st, long line, const char *fmt, const char *a,
			   const char *b)
{
	ec_error flag;

	ec_error_at(&flag, st, rd->r->file, line, 0, fmt, a, b);
	return add_flag(rd->r, &rd->cap, &flag);
}

/* Keep answer text[0, len) as written for item `at` (shown when it cannot be read). */
static ec_status keep_written(ec_sheet_report *r, size_t at, const char *text, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return EC_ERR_NOMEM;
	memcpy(copy, text, len);
	copy[len] = '\0';
	free(r->written[at]);
	r->written[at] = copy;
	return EC_OK;
}

/* Read the answer text[0, len) to item `at`, given on `line`; flag what cannot be read. */
static ec_status read_item(reading *rd, size_t at, const char *text, size_t len, long line)
{
	ec_sheet_report *r = rd->r;
	const ec_grader *g = r->grader;
	char first[24];
	ec_error sub;
	ec_status rs;

	ec_error_clear(&sub);
	if (keep_written(r, at, text, len) != EC_OK)
		return EC_ERR_NOMEM;
	if (rd->line_of[at]) {
		snprintf(first, sizeof(first), "%ld", rd->line_of[at]);
		unreadable(&r->results[at]);
		rd->is_set[at] = true;
		r->values[at].blank = true;
		return flag_line(rd, EC_ERR_PARSE, line,
				 "item %s is answered twice (first on line %s): 0 points",
				 g->items[at].key.id, first);
	}
	rd->line_of[at] = line;
	if (is_mark(g, at, text, len)) {
		rs = ec_grader_read_mark(g, at, text, len, &r->results[at], &sub);
		rd->is_set[at] = true;
	} else {
		rs = ec_grader_read(g, at, text, len, &r->values[at], &sub);
	}
	if (rs == EC_OK)
		return EC_OK;
	unreadable(&r->results[at]);
	rd->is_set[at] = true;
	r->values[at].kind = g->items[at].key.kind;
	r->values[at].blank = true;
	return flag_line(rd, rs, line, "item %s: %s", g->items[at].key.id, sub.msg);
}

/*
 * A line naming a group ("3.2.2 32, 32, 64"): an answer for each of its
 * auto-graded items in key order. A line that names no item and no group,
 * or whose answers do not split into one per item, is flagged.
 */
static ec_status read_group(reading *rd, const ec_sheet_entry *e, size_t *items,
			    ec_group_part *parts)
{
	const ec_grader *g = rd->r->grader;
	size_t n = ec_grader_group(g, e->id, e->id_len, items), k;
	char group[48];
	ec_error sub;
	ec_status st = EC_OK;

	snprintf(group, sizeof(group), "%.*s", (int)(e->id_len > 40 ? 40 : e->id_len), e->id);
	if (n == 0)
		return flag_line(rd, EC_ERR_PARSE, e->line, "unknown item id '%s'%s", group, "");
	ec_error_clear(&sub);
	if (ec_grader_split_group(g, group, items, n, e->answer, e->answer_len, parts, &sub) !=
	    EC_OK) {
		for (k = 0; k < n && st == EC_OK; k++) {
			if (rd->line_of[items[k]])
				continue; /* answered on its own line: that answer stands */
			st = keep_written(rd->r, items[k], e->answer, e->answer_len);
			unreadable(&rd->r->results[items[k]]);
			rd->is_set[items[k]] = true;
			rd->line_of[items[k]] = e->line;
		}
		return st == EC_OK ? flag_line(rd, EC_ERR_PARSE, e->line, "%s%s", sub.msg, "") : st;
	}
	for (k = 0; k < n && st == EC_OK; k++)
		st = read_item(rd, items[k], parts[k].text, parts[k].len, e->line);
	return st;
}

/* Read the sheet's lines into r->values and r->results, flagging what cannot be read. */
static ec_status read_entries(ec_sheet_report *r, const ec_sheet *sheet)
{
	const ec_grader *g = r->grader;
	size_t room = g->count ? g->count : 1, i;
	reading rd = {r, 0, calloc(room, sizeof(long)), calloc(room, sizeof(bool))};
	size_t *items = malloc(room * sizeof(*items));
	ec_group_part *parts = malloc(room * sizeof(*parts));
	ec_status st = rd.line_of && rd.is_set && items && parts ? EC_OK : EC_ERR_NOMEM;

	for (i = 0; st == EC_OK && i < sheet->count; i++) {
		const ec_sheet_entry *e = &sheet->entries[i];
		long at = ec_grader_find(g, e->id, e->id_len);

		st = at < 0 ? read_group(&rd, e, items, parts)
			    : read_item(&rd, (size_t)at, e->answer, e->answer_len, e->line);
	}
	/* score the answers read; the marks and flagged items keep what they got */
	for (i = 0; st == EC_OK && i < g->count; i++) {
		if (rd.is_set[i])
			continue;
		r->results[i].points = ec_grader_score(g, i, &r->values[i], &r->results[i].verdict);
		r->results[i].letters = r->values[i].blank ? 0 : r->values[i].letters;
	}
	free(rd.line_of);
	free(rd.is_set);
	free(items);
	free(parts);
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
	r->written = calloc(g->count ? g->count : 1, sizeof(*r->written));
	if (!r->values || !r->results || !r->sections || !r->section_max || !r->written) {
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
	for (i = 0; i < g->nsections; i++)
		r->section_max[i] = ec_points_round(r->section_max[i]);
	r->max = ec_points_round(r->max);
	r->pending = ec_points_round(r->pending);
	r->total = ec_grade_sum(g, r->results, r->sections);
	return EC_OK;
}

void ec_sheet_report_free(ec_sheet_report *r)
{
	size_t i;

	for (i = 0; r->written && i < r->grader->count; i++)
		free(r->written[i]);
	free(r->written);
	r->written = NULL;
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
