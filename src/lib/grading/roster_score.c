/*
 * roster_score.c: answer text -> code -> points, per column and thread.
 * A roster repeats a few spellings per item, so after the first rows
 * nearly every field is one table probe; see bench/README.md for what it
 * buys.
 */
#include "roster_score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"

_Static_assert(EC_CSV_READABLE >= 8, "short answers are loaded 8 bytes at a time");

const char roster_empty[16];

/* Append s as a CSV field to a header line (*line, *len); false when memory runs out. */
static bool header_field(char **line, size_t *len, const char *s, bool comma)
{
	size_t n = strlen(s), need = *len + 2 * n + 4, i;
	char *h = realloc(*line, need);

	if (!h)
		return false;
	*line = h;
	if (comma)
		h[(*len)++] = ',';
	if (!s[strcspn(s, ",\"\r\n")]) {
		memcpy(h + *len, s, n);
		*len += n;
		return true;
	}
	h[(*len)++] = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			h[(*len)++] = '"';
		h[(*len)++] = s[i];
	}
	h[(*len)++] = '"';
	return true;
}

/* The header's end: total and section.<s> (the sections `names`), after the id and data. */
static bool header_sums(char **line, size_t *len, char (*names)[16], size_t n)
{
	bool ok = header_field(line, len, "total", true);
	size_t i;

	for (i = 0; ok && i < n; i++) {
		char sec[32];

		snprintf(sec, sizeof(sec), "section.%s", names[i]);
		ok = header_field(line, len, sec, true);
	}
	return ok;
}

ec_status roster_plan_init(roster_plan *p, const ec_grader *g, char *const *names,
			   const long *item, size_t ncols, size_t id_col, ec_error *err)
{
	size_t n = g->count ? g->count : 1, i, c;
	long *column_of;
	bool ok;

	memset(p, 0, sizeof(*p));
	p->g = g;
	p->id_col = id_col;
	while (ncols > 1 && ncols - 1 > id_col && item[ncols - 1] == EC_ROSTER_COLUMN_IGNORED)
		ncols--;
	p->ncols = ncols;
	p->item = malloc(ncols * sizeof(*p->item));
	p->mark = calloc(ncols, sizeof(*p->mark));
	p->data = malloc(ncols * sizeof(*p->data));
	p->section = calloc(ncols, sizeof(*p->section));
	p->terms = malloc(n * sizeof(*p->terms));
	p->written = malloc(n * sizeof(*p->written));
	column_of = malloc(n * sizeof(*column_of));
	ok = p->item && p->mark && p->data && p->section && p->terms && p->written && column_of;
	if (ok) {
		memcpy(p->item, item, ncols * sizeof(*p->item));
		for (i = 0; i < g->count; i++)
			column_of[i] = -1;
		for (c = 0; c < ncols; c++) {
			if (c == id_col)
				continue;
			if (item[c] >= 0) {
				column_of[item[c]] = (long)c;
				p->section[c] = g->items[item[c]].section;
				p->mark[c] = g->items[item[c]].rule.scheme == EC_SCHEME_MANUAL;
				p->nmarks += p->mark[c];
			} else if (item[c] == EC_ROSTER_COLUMN_DATA) {
				p->data[p->ndata++] = c;
			}
		}
		for (i = 0; i < g->count; i++) {
			const ec_grade_item *it = &g->items[i];

			if (column_of[i] >= 0)
				p->written[p->nwritten++] = (size_t)column_of[i];
			/* an absent item scores its blank score: adding 0 changes no sum */
			if (column_of[i] < 0 && (it->rule.scheme == EC_SCHEME_MANUAL || it->blank.points == 0))
				continue;
			p->terms[p->nterms].column = column_of[i];
			p->terms[p->nterms].section = it->section;
			p->terms[p->nterms].points = it->blank.points;
			p->nterms++;
		}
		/* the columns in key order, each a term: sums and output can follow them */
		p->in_order = id_col == 0 && p->ndata == 0 && p->nterms == ncols - 1 &&
			      p->nwritten == ncols - 1;
		for (i = 0; p->in_order && i < p->nterms; i++)
			p->in_order = p->terms[i].column == (long)i + 1 && p->written[i] == i + 1;
		ok = header_field(&p->header, &p->header_len, names[id_col], false);
		for (c = 0; ok && c < p->ndata; c++)
			ok = header_field(&p->header, &p->header_len, names[p->data[c]], true);
		ok = ok && header_sums(&p->header, &p->header_len, g->sections, g->nsections);
		for (i = 0; ok && i < p->nwritten; i++)
			ok = header_field(&p->header, &p->header_len,
					  g->items[item[p->written[i]]].key.id, true);
		if (p->nmarks)
			ok = ok && header_field(&p->header, &p->header_len, "pending", true);
		ok = ok && header_field(&p->header, &p->header_len, "flagged", true) &&
		     header_field(&p->header, &p->header_len, "", false);
		if (ok)
			p->header[p->header_len++] = '\n'; /* header_field() left room */
	}
	free(column_of);
	if (!ok) {
		roster_plan_free(p);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	return EC_OK;
}

void roster_plan_free(roster_plan *p)
{
	free(p->item);
	free(p->mark);
	free(p->data);
	free(p->section);
	free(p->header);
	free(p->terms);
	free(p->written);
	memset(p, 0, sizeof(*p));
}

/* The index of section `name` among u's first n sections, or -1. */
static long union_section(char (*names)[16], size_t n, const char *name)
{
	size_t s;

	for (s = 0; s < n; s++)
		if (strcmp(names[s], name) == 0)
			return (long)s;
	return -1;
}

ec_status roster_union_init(roster_union *u, const roster_plan *plans, size_t nkeys,
			    char *const *names, ec_error *err)
{
	const roster_plan *p0 = &plans[0];
	size_t ncols = p0->ncols, nsec = 0, k, c, s;
	char (*secs)[16] = NULL;
	bool ok;

	memset(u, 0, sizeof(*u));
	for (k = 0; k < nkeys; k++)
		nsec += plans[k].g->nsections;
	u->items = malloc(ncols * sizeof(*u->items));
	secs = malloc((nsec ? nsec : 1) * sizeof(*secs));
	u->section_at = malloc((nsec ? nkeys * nsec : 1) * sizeof(*u->section_at));
	ok = u->items && secs && u->section_at;
	for (c = 0; ok && c < ncols; c++)
		for (k = 0; k < nkeys; k++)
			if (plans[k].item[c] >= 0) {
				u->items[u->nitems++] = c;
				break;
			}
	for (k = 0; ok && k < nkeys; k++)
		for (s = 0; s < plans[k].g->nsections; s++)
			if (union_section(secs, u->nsections, plans[k].g->sections[s]) < 0)
				memcpy(secs[u->nsections++], plans[k].g->sections[s], sizeof(secs[0]));
	for (k = 0; ok && k < nkeys; k++)
		for (s = 0; s < u->nsections; s++)
			u->section_at[k * u->nsections + s] =
				union_section(plans[k].g->sections, plans[k].g->nsections, secs[s]);
	ok = ok && header_field(&u->header, &u->header_len, names[p0->id_col], false);
	for (c = 0; ok && c < p0->ndata; c++)
		ok = header_field(&u->header, &u->header_len, names[p0->data[c]], true);
	ok = ok && header_sums(&u->header, &u->header_len, secs, u->nsections);
	for (c = 0; ok && c < u->nitems; c++) {
		size_t col = u->items[c];

		for (k = 0; plans[k].item[col] < 0; k++)
			;
		ok = header_field(&u->header, &u->header_len,
				  plans[k].g->items[plans[k].item[col]].key.id, true);
	}
	for (k = 0; k < nkeys; k++)
		u->pending = u->pending || plans[k].nmarks > 0;
	if (u->pending)
		ok = ok && header_field(&u->header, &u->header_len, "pending", true);
	ok = ok && header_field(&u->header, &u->header_len, "flagged", true) &&
	     header_field(&u->header, &u->header_len, "", false);
	if (ok)
		u->header[u->header_len++] = '\n';
	free(secs);
	if (!ok) {
		roster_union_free(u);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	return EC_OK;
}

void roster_union_free(roster_union *u)
{
	free(u->items);
	free(u->section_at);
	free(u->header);
	memset(u, 0, sizeof(*u));
}

ec_status roster_scorer_init(roster_scorer *s, const roster_plan *p, ec_error *err)
{
	memset(s, 0, sizeof(*s));
	s->plan = p;
	s->tables = calloc(p->ncols, sizeof(*s->tables));
	if (!s->tables)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	return EC_OK;
}

void roster_scorer_free(roster_scorer *s)
{
	free(s->tables);
	memset(s, 0, sizeof(*s));
}

const unsigned char roster_ones[16] = {255, 255, 255, 255, 255, 255, 255, 255};

static void keep_points_text(roster_table *t, unsigned code, const ec_grade_result *res)
{
	char buf[40];
	size_t n;

	n = (size_t)(roster_put_result(buf, res) - buf);
	if (n < ROSTER_POINTS_TEXT) {
		memset(t->text[code], 0, ROSTER_POINTS_TEXT);
		memcpy(t->text[code], buf, n);
		t->text_len[code] = (uint8_t)n;
	}
}

static ec_status read_scored(roster_scorer *s, size_t c, const char *text, size_t len,
			     ec_grade_result *r, ec_error *err)
{
	const ec_grader *g = s->plan->g;
	size_t item = (size_t)s->plan->item[c];
	ec_status st;

	if (s->plan->mark[c])
		return ec_grader_read_mark(g, item, text, len, r, err);
	st = ec_grader_read(g, item, text, len, &s->scratch, err);

	if (st == EC_OK) {
		r->points = ec_grader_score(g, item, &s->scratch, &r->verdict);
		r->letters = s->scratch.blank ? 0 : s->scratch.letters;
	}
	return st;
}

ec_status roster_code(roster_scorer *s, size_t c, const char *text, size_t len,
		      uint8_t *code, ec_grade_result *aside, ec_error *err)
{
	roster_table *t = &s->tables[c];
	uint64_t w[2];
	unsigned k, at;
	ec_status st;

	if (len > ROSTER_TEXT_MAX) {
		*code = ROSTER_UNCODED;
		return read_scored(s, c, text, len, aside, err);
	}
	roster_text_words(text, len, w);
	at = roster_slot(w, len);
	for (k = 0; k < ROSTER_SLOTS; k++, at = (at + 1) & (ROSTER_SLOTS - 1)) {
		if (t->len[at] == 0)
			break;
		if (t->len[at] == len + 1 && t->w0[at] == w[0] && t->w1[at] == w[1]) {
			*code = t->code[at];
			return EC_OK;
		}
	}
	if (t->ncodes == ROSTER_CODES) {
		*code = ROSTER_UNCODED;
		return read_scored(s, c, text, len, aside, err);
	}
	st = read_scored(s, c, text, len, &t->result[t->ncodes], err);
	if (st != EC_OK)
		return st;
	keep_points_text(t, t->ncodes, &t->result[t->ncodes]);
	t->w0[at] = w[0];
	t->w1[at] = w[1];
	t->len[at] = (uint8_t)(len + 1);
	t->code[at] = (uint8_t)t->ncodes;
	*code = (uint8_t)t->ncodes++;
	return EC_OK;
}

char *roster_put_total(roster_scorer *s, char *p, double v)
{
	roster_total_cache *c = &s->totals;
	uint64_t bits;
	unsigned at;
	size_t n;

	memcpy(&bits, &v, sizeof(bits));
	at = (unsigned)((bits * UINT64_C(0x9E3779B97F4A7C15)) >> 56);
	if (c->len[at] && c->value[at] == v && memcmp(&c->value[at], &v, sizeof(v)) == 0) {
		memcpy(p, c->text[at], ROSTER_POINTS_TEXT);
		return p + c->len[at];
	}
	*p = ',';
	n = 1 + ec_points_format_len(v, p + 1);
	if (n < ROSTER_POINTS_TEXT) {
		c->value[at] = v;
		memset(c->text[at], 0, ROSTER_POINTS_TEXT);
		memcpy(c->text[at], p, n);
		c->len[at] = (uint8_t)n;
	}
	return p + n;
}
