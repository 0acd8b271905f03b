/*
 * write_json.c: the json format: one JSON value, an object or array per
 * line so that a diff of two outputs reads well.
 */
#include "writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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
 *
 * A row is built in memory and written at once. What every row repeats is
 * made once per header (its item ids, data column names and sections as
 * JSON) and kept in ctx->scratch, with, per item, the text of the last
 * few results seen: most rows of a class take a few answers an item, so
 * most items are one copy. A class graded against several keys has a
 * header a key.
 */

/* Results remembered per item, and the longest text of one (its name's excepted). */
#define JSON_SEEN 4
#define JSON_RESULT_TEXT 64

typedef struct json_seen {
	double points;
	ec_verdict verdict;
	size_t len;                 /* 0: empty */
	char *text;                 /* `, "1.1": {"points": 2, "verdict": "right"}` */
} json_seen;

/* A piece of text every row repeats. */
typedef struct json_text {
	size_t at, len;             /* in json_header.names */
} json_text;

/* What the rows of one header share. */
typedef struct json_header {
	const ec_roster_header *h;
	const ec_grader *g;
	ec_buf names;               /* each item's `, "1.1": {"points": `, each section's `, "1": `,
				       each data column's `, "email": ` */
	json_text *item, *section, *data;
	size_t fixed;               /* bytes of a row that do not depend on it, about */
	json_seen *seen;            /* JSON_SEEN per item */
	unsigned char *next_seen;   /* per item: which of its JSON_SEEN a new result replaces */
	char *seen_text;            /* their texts' room */
} json_header;

typedef struct json_scratch {
	write_scratch base;
	json_header heads[EC_ROSTER_GRADERS_MAX];
	size_t nheads;
	char *row;                  /* rows built, not written yet, and the one being built */
	size_t row_len, row_cap;
} json_scratch;

/* Rows gathered before they are written: one fwrite() a block, not a few stdio buffers a row. */
#define JSON_ROWS_BLOCK (64u * 1024)

static void json_release(void *self)
{
	json_scratch *s = self;
	size_t i;

	for (i = 0; i < s->nheads; i++) {
		ec_buf_free(&s->heads[i].names);
		free(s->heads[i].item);
		free(s->heads[i].section);
		free(s->heads[i].data);
		free(s->heads[i].seen);
		free(s->heads[i].seen_text);
		free(s->heads[i].next_seen);
	}
	free(s->row);
	free(s);
}

/* Append `, "NAME"AFTER` to names as *t. */
static bool add_name(ec_buf *names, json_text *t, const char *name, const char *after)
{
	t->at = names->len;
	if (ec_buf_append(names, ", ") != EC_OK || !write_json_string_buf(names, name) ||
	    ec_buf_append(names, after) != EC_OK)
		return false;
	t->len = names->len - t->at;
	return true;
}

/* What rows under header h (of grader g) share; NULL when memory runs out. */
static json_header *header_of(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h)
{
	json_scratch *s = w->scratch;
	json_header *jh;
	size_t i, n;
	bool ok;

	if (!s) {
		if (!(s = calloc(1, sizeof(*s))))
			return NULL;
		s->base.release = json_release;
		w->scratch = s;
	}
	for (i = 0; i < s->nheads; i++)
		if (s->heads[i].h == h && s->heads[i].g == g)
			return &s->heads[i];
	if (s->nheads == EC_ROSTER_GRADERS_MAX)
		return NULL;
	jh = &s->heads[s->nheads++];
	memset(jh, 0, sizeof(*jh));
	jh->h = h;
	jh->g = g;
	n = h->nitems ? h->nitems : 1;
	jh->item = calloc(n, sizeof(*jh->item));
	jh->section = calloc(g->nsections ? g->nsections : 1, sizeof(*jh->section));
	jh->data = calloc(h->nnames ? h->nnames : 1, sizeof(*jh->data));
	jh->seen = calloc(n * JSON_SEEN, sizeof(*jh->seen));
	jh->next_seen = calloc(n, 1);
	ok = jh->item && jh->section && jh->data && jh->seen && jh->next_seen;
	for (i = 0; ok && i < h->nitems; i++)
		ok = add_name(&jh->names, &jh->item[i], g->items[h->items[i]].key.id, ": {\"points\": ");
	for (i = 0; ok && i < g->nsections; i++)
		ok = add_name(&jh->names, &jh->section[i], g->sections[i], ": ");
	for (i = 1; ok && i < h->nnames; i++)
		if (h->item[i] == EC_ROSTER_COLUMN_DATA)
			ok = add_name(&jh->names, &jh->data[i], h->names[i], ": ");
	if (ok) {
		size_t longest = 0;

		for (i = 0; i < h->nitems; i++)
			longest = jh->item[i].len > longest ? jh->item[i].len : longest;
		jh->seen_text = malloc(n * JSON_SEEN * (longest + JSON_RESULT_TEXT));
		ok = jh->seen_text != NULL;
		for (i = 0; ok && i < n * JSON_SEEN; i++)
			jh->seen[i].text = jh->seen_text + i * (longest + JSON_RESULT_TEXT);
		jh->fixed = jh->names.len + 128 + 32 * g->nsections + JSON_RESULT_TEXT * h->nitems;
	}
	return ok ? jh : NULL;
}

/*
 * Item i's `, "ID": {"points": P, "verdict": "V"}` for result r, from what
 * was seen or made now, the first `skip` bytes left out.
 */
static char *put_item(char *o, json_header *jh, size_t i, const ec_grade_result *r, size_t skip)
{
	json_seen *seen = &jh->seen[i * JSON_SEEN], *hit;
	const json_text *name = &jh->item[i];
	char pts[32];
	size_t k, n;

	for (k = 0; k < JSON_SEEN; k++) {
		hit = &seen[k];
		if (hit->len && hit->points == r->points && hit->verdict == r->verdict) {
			memcpy(o, hit->text + skip, hit->len - skip);
			return o + hit->len - skip;
		}
	}
	/* not seen: made, and kept in place of the oldest */
	hit = &seen[jh->next_seen[i]];
	jh->next_seen[i] = (jh->next_seen[i] + 1) % JSON_SEEN;
	if (r->verdict == EC_VERDICT_MANUAL) /* a mark not given yet: null, never 0 */
		n = (size_t)snprintf(pts, sizeof(pts), "null");
	else
		n = ec_points_format_len(r->points, pts);
	memcpy(hit->text, jh->names.data + name->at, name->len);
	hit->len = name->len + (size_t)snprintf(hit->text + name->len, JSON_RESULT_TEXT,
						"%.*s, \"verdict\": \"%s\"}", (int)n, pts,
						ec_verdict_name(r->verdict));
	hit->points = r->points;
	hit->verdict = r->verdict;
	memcpy(o, hit->text + skip, hit->len - skip);
	return o + hit->len - skip;
}

/* The decimal digits of v at o; returns their end. */
static char *put_long(char *o, long v)
{
	char tmp[24];
	size_t t = sizeof(tmp);
	unsigned long u = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;

	do {
		tmp[--t] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--t] = '-';
	memcpy(o, tmp + t, sizeof(tmp) - t);
	return o + (sizeof(tmp) - t);
}

/* A string, escaped when it must be (write_json_escape()), at o with room enough. */
static char *put_string(char *o, const char *s, ec_buf *slow, bool *ok)
{
	const char *p = s;

	for (; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F || *p == '"' || *p == '\\')
			break;
	if (!*p) {
		*o++ = '"';
		memcpy(o, s, (size_t)(p - s));
		o += p - s;
		*o++ = '"';
		return o;
	}
	ec_buf_clear(slow);
	if (!write_json_escape(slow, s)) {
		*ok = false;
		return o;
	}
	memcpy(o, slow->data, slow->len);
	return o + slow->len;
}

static ec_status roster_begin(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h)
{
	putc('[', w->out);
	return header_of(w, g, h) ? EC_OK : EC_ERR_NOMEM;
}

static ec_status roster_row(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h,
			    const ec_roster_row *row)
{
	json_header *jh = header_of(w, g, h);
	json_scratch *s = w->scratch;
	ec_buf slow = EC_BUF_INIT;
	const char *f = row->flagged, *names;
	size_t c, need, n = 0;
	bool ok = true;
	char *o;

	if (!jh)
		return EC_ERR_NOMEM;
	/* room for the longest row: a field's escape is at most 12 bytes a byte (a tag's pair) */
	need = s->row_len + jh->fixed + 12 * (strlen(row->fields[0]) + strlen(f)) + 16;
	for (c = 1; c < h->nnames; c++)
		if (h->item[c] == EC_ROSTER_COLUMN_DATA && c < row->nfields)
			need += 12 * row->lens[c] + 8;
	if (need > s->row_cap) {
		char *grown = realloc(s->row, need);

		if (!grown)
			return EC_ERR_NOMEM;
		s->row = grown;
		s->row_cap = need;
	}
	names = jh->names.data;
	o = s->row + s->row_len;
	if (w->items)
		*o++ = ',';
	memcpy(o, "\n {\"line\": ", 11);
	o = put_long(o + 11, row->line);
	memcpy(o, ", \"student\": ", 13);
	o += 13;
	o = put_string(o, row->fields[0], &slow, &ok);
	memcpy(o, ", \"data\": {", 11);
	o += 11;
	for (c = 1; c < h->nnames; c++) {
		const json_text *t = &jh->data[c];

		size_t skip = n == 0 ? 2 : 0; /* no ", " before the first */

		if (h->item[c] != EC_ROSTER_COLUMN_DATA)
			continue;
		memcpy(o, names + t->at + skip, t->len - skip);
		o += t->len - skip;
		n++;
		o = put_string(o, c < row->nfields ? row->fields[c] : "", &slow, &ok);
	}
	memcpy(o, "}, \"total\": ", 12);
	o += 12;
	o += ec_points_format_len(row->total, o);
	memcpy(o, ", \"sections\": {", 15);
	o += 15;
	for (c = 0; c < g->nsections; c++) {
		const json_text *t = &jh->section[c];

		memcpy(o, names + t->at + (c ? 0 : 2), t->len - (c ? 0 : 2));
		o += t->len - (c ? 0 : 2);
		o += ec_points_format_len(row->sections[c], o);
	}
	memcpy(o, "}, \"items\": {", 13);
	o += 13;
	for (c = 0; c < h->nitems; c++)
		o = put_item(o, jh, c, &row->results[h->items[c]], c == 0 ? 2 : 0);
	memcpy(o, "}, \"flagged\": [", 15);
	o += 15;
	for (n = 0; *f;) {
		char word[64];
		size_t len = strcspn(f, " ");

		snprintf(word, sizeof(word), "%.*s", (int)(len < 63 ? len : 63), f);
		if (n++) {
			memcpy(o, ", ", 2);
			o += 2;
		}
		o = put_string(o, word, &slow, &ok);
		f += len;
		f += *f == ' ';
	}
	memcpy(o, "]}", 2);
	o += 2;
	ec_buf_free(&slow);
	if (!ok)
		return EC_ERR_NOMEM;
	s->row_len = (size_t)(o - s->row);
	if (s->row_len >= JSON_ROWS_BLOCK) {
		fwrite(s->row, 1, s->row_len, w->out);
		s->row_len = 0;
	}
	return EC_OK;
}

static ec_status roster_end(ec_write_ctx *w)
{
	json_scratch *s = w->scratch;

	if (s && s->row_len)
		fwrite(s->row, 1, s->row_len, w->out);
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
