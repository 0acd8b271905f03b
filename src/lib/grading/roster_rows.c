/*
 * roster_rows.c: reading, scoring and formatting the records of one
 * chunk, in whichever thread has it. The common record takes one pass
 * straight from the chunk (fast_row); any other goes through the CSV
 * reader and is graded from what can be read, its problems flagged.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

/* The record's student id (blank when the record is too short to hold it). */
static void row_id(const run *r, const ec_csv_reader *rd, const char **id, size_t *len)
{
	*id = r->id_col < rd->nfields ? rd->fields[r->id_col] : roster_empty;
	*len = r->id_col < rd->nfields ? rd->lens[r->id_col] : 0;
}

/* Is the student id blank (empty, or only blanks)? */
static bool id_blank(const char *id, size_t len)
{
	return (len == 0 || id[0] == ' ' || id[0] == '\t') && id[strspn(id, " \t")] == '\0';
}

/* Add a message to ck (for the row being noted); false when memory runs out. */
static bool add_msg(chunk *ck, const ec_error *e)
{
	if (!roster_grow((void **)&ck->msgs, &ck->msgs_cap, ck->nmsgs + 1, sizeof(*ck->msgs)))
		return false;
	ck->msgs[ck->nmsgs++] = *e;
	return true;
}

static row_note *new_row(chunk *ck, long line)
{
	row_note *n;

	if (!roster_grow((void **)&ck->rows, &ck->rows_cap, ck->nrows + 1, sizeof(*ck->rows)))
		return NULL;
	n = &ck->rows[ck->nrows++];
	memset(n, 0, sizeof(*n));
	n->line = line;
	n->first_msg = (uint32_t)ck->nmsgs;
	return n;
}

/* A record that could not be read: its message, and no student. */
static bool note_lost(chunk *ck, const ec_error *e)
{
	row_note *n = new_row(ck, e->line);

	if (!n || !add_msg(ck, e))
		return false;
	n->lost = true;
	n->nmsgs = 1;
	return true;
}

/* Write s (n bytes) as a CSV field at p; returns the new end. */
static char *put_field(char *p, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			break;
	if (i == n) {
		memcpy(p, s, n);
		return p + n;
	}
	*p++ = '"';
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			*p++ = '"';
		*p++ = s[i];
	}
	*p++ = '"';
	return p;
}

/* The result of column c's answer in the current row. */
static inline const ec_grade_result *result_of(const worker *w, size_t c)
{
	uint8_t code = w->codes[c];

	return code == ROSTER_UNCODED ? &w->aside[c] : &w->sc[w->key].tables[c].result[code];
}

/* Add `what` to the row's flagged text; false when memory runs out. */
static bool flag(worker *w, const char *what)
{
	size_t n = strlen(what);

	if (!roster_grow((void **)&w->flags, &w->flags_cap, w->flags_len + n + 2, 1))
		return false;
	if (w->flags_len)
		w->flags[w->flags_len++] = ' ';
	memcpy(w->flags + w->flags_len, what, n + 1);
	w->flags_len += n;
	return true;
}

/* Whether every item column's answer has a code (none kept aside). */
static bool all_coded(const roster_plan *p, const uint8_t *codes)
{
	size_t c;

	for (c = 0; c < p->ncols; c++)
		if (p->item[c] >= 0 && codes[c] == ROSTER_UNCODED)
			return false;
	return true;
}

/* Keep what the ordered half needs to hand the row to on_row. */
static bool keep_row(run *r, worker *w, chunk *ck, row_note *n)
{
	const roster_plan *p = &r->plans[w->key];
	const ec_csv_reader *rd = &w->rd;
	/* the fields with the student id first; a record too short to hold it gets a blank one */
	size_t row = ck->nrows - 1, c, k, need = w->flags_len + 2,
	       nkept = rd->nfields + (r->id_col >= rd->nfields);

	for (c = 0; c < rd->nfields; c++)
		need += rd->lens[c] + 1;
	if (!roster_grow((void **)&ck->text, &ck->text_cap, ck->text_len + need, 1) ||
	    !roster_grow((void **)&ck->field_at, &ck->fields_cap, ck->nfields + nkept,
		  sizeof(*ck->field_at)) ||
	    !roster_grow((void **)&ck->codes, &ck->codes_cap, (row + 1) * p->ncols, 1) ||
	    !roster_grow((void **)&ck->sections, &ck->sections_cap, (row + 1) * r->max_sections,
		  sizeof(*ck->sections)))
		return false;
	n->first_field = ck->nfields;
	n->nfields = nkept;
	for (k = 0; k < nkept; k++) {
		c = roster_column_at(r->id_col, k);
		ck->field_at[ck->nfields++] = ck->text_len;
		if (c < rd->nfields) {
			memcpy(ck->text + ck->text_len, rd->fields[c], rd->lens[c] + 1);
			ck->text_len += rd->lens[c] + 1;
		} else {
			ck->text[ck->text_len++] = '\0';
		}
	}
	n->flags_at = ck->text_len;
	memcpy(ck->text + ck->text_len, w->flags_len ? w->flags : "", w->flags_len + 1);
	ck->text_len += w->flags_len + 1;
	memcpy(ck->codes + row * p->ncols, w->codes, p->ncols);
	memcpy(ck->sections + row * r->max_sections, w->sections,
	       r->graders[w->key]->nsections * sizeof(*ck->sections));
	for (c = 0; c < p->ncols; c++) {
		if (p->item[c] < 0 || w->codes[c] != ROSTER_UNCODED)
			continue;
		if (!roster_grow((void **)&ck->aside, &ck->aside_cap, ck->naside + 1, sizeof(*ck->aside)))
			return false;
		ck->aside[ck->naside++] = w->aside[c];
	}
	return true;
}

/*
 * keep_row() for a record read in one pass, whose fields on_row does not
 * want (rows_without_fields): its codes and subtotals, and an empty flag.
 */
static bool keep_coded_row(run *r, worker *w, chunk *ck, row_note *n)
{
	const roster_plan *p = &r->plans[0];
	size_t row = ck->nrows - 1;

	if (!roster_grow((void **)&ck->text, &ck->text_cap, ck->text_len + 1, 1) ||
	    !roster_grow((void **)&ck->codes, &ck->codes_cap, (row + 1) * p->ncols, 1) ||
	    !roster_grow((void **)&ck->sections, &ck->sections_cap, (row + 1) * r->max_sections,
			 sizeof(*ck->sections)))
		return false;
	n->first_field = ck->nfields;
	n->nfields = 0;
	n->flags_at = ck->text_len;
	ck->text[ck->text_len++] = '\0';
	memcpy(ck->codes + row * p->ncols, w->codes, p->ncols);
	memcpy(ck->sections + row * r->max_sections, w->sections,
	       r->graders[0]->nsections * sizeof(*ck->sections));
	return true;
}

/* Append ",<points>" of column c's answer to o; returns the new end. */
static char *put_points(const worker *w, size_t c, char *o)
{
	const roster_table *t = &w->sc[w->key].tables[c];
	uint8_t code = w->codes[c];

	if (code != ROSTER_UNCODED && t->text_len[code]) {
		memcpy(o, t->text[code], ROSTER_POINTS_TEXT);
		return o + t->text_len[code];
	}
	return roster_put_result(o, result_of(w, c));
}

/* Add item `id` to the row's list of marks not given yet; false when memory runs out. */
static bool note_pending(worker *w, const char *id)
{
	size_t n = strlen(id);

	if (!roster_grow((void **)&w->pending, &w->pending_cap, w->pending_len + n + 2, 1))
		return false;
	if (w->pending_len)
		w->pending[w->pending_len++] = ' ';
	memcpy(w->pending + w->pending_len, id, n + 1);
	w->pending_len += n;
	return true;
}

/* The row's marks not given yet, in key order, into w->pending; false when memory runs out. */
static bool collect_pending(const run *r, worker *w)
{
	const roster_plan *p = &r->plans[w->key];
	size_t k;

	w->pending_len = 0;
	for (k = 0; k < p->nwritten; k++) {
		size_t c = p->written[k];

		if (p->mark[c] && result_of(w, c)->verdict == EC_VERDICT_MANUAL &&
		    !note_pending(w, r->graders[w->key]->items[p->item[c]].key.id))
			return false;
	}
	return true;
}

/* With several keys: the row's sections and items in the union's columns, empty where its key has none. */
static char *put_keyed(run *r, worker *w, char *o)
{
	const roster_union *u = &r->layout;
	const roster_plan *p = &r->plans[w->key];
	const long *at = u->section_at + w->key * u->nsections;
	size_t k;

	for (k = 0; k < u->nsections; k++) {
		if (at[k] >= 0)
			o = roster_put_total(&w->sc[w->key], o, w->sections[at[k]]);
		else
			*o++ = ',';
	}
	for (k = 0; k < u->nitems; k++) {
		if (p->item[u->items[k]] >= 0)
			o = put_points(w, u->items[k], o);
		else
			*o++ = ',';
	}
	return o;
}

/* Append the row's output line to ck->out. */
static bool write_row(run *r, worker *w, chunk *ck, double total)
{
	const roster_plan *p = &r->plans[w->key];
	const ec_grader *g = r->graders[w->key];
	const ec_csv_reader *rd = &w->rd;
	roster_scorer *sc = &w->sc[w->key];
	size_t cols = r->keyed ? r->layout.nsections + r->layout.nitems : g->nsections + p->nwritten;
	bool pending = r->keyed ? r->layout.pending : p->nmarks > 0;
	size_t k, need;
	char *o;

	const char *id;
	size_t id_len;

	row_id(r, rd, &id, &id_len);
	if (pending && !collect_pending(r, w))
		return false;
	need = 2 * id_len + 2 * w->flags_len + 2 * w->pending_len + 9 +
	       (ROSTER_POINTS_TEXT + 33) * (cols + 1);
	for (k = 0; k < p->ndata; k++)
		need += p->data[k] < rd->nfields ? 2 * rd->lens[p->data[k]] + 3 : 1;
	if (!roster_grow((void **)&ck->out, &ck->out_cap, ck->out_len + need, 1))
		return false;
	o = put_field(ck->out + ck->out_len, id, id_len);
	for (k = 0; k < p->ndata; k++) {
		size_t c = p->data[k];

		*o++ = ',';
		if (c < rd->nfields)
			o = put_field(o, rd->fields[c], rd->lens[c]);
	}
	o = roster_put_total(sc, o, total);
	if (r->keyed) {
		o = put_keyed(r, w, o);
	} else {
		for (k = 0; k < g->nsections; k++)
			o = roster_put_total(sc, o, w->sections[k]);
		if (w->items_len) {
			memcpy(o, w->items, w->items_len);
			o += w->items_len;
		}
		for (k = 0; !w->items_len && k < p->nwritten; k++)
			o = put_points(w, p->written[k], o);
	}
	if (pending) {
		*o++ = ',';
		o = put_field(o, w->pending_len ? w->pending : "", w->pending_len);
	}
	*o++ = ',';
	o = put_field(o, w->flags_len ? w->flags : "", w->flags_len);
	*o++ = '\n';
	ck->out_len = (size_t)(o - ck->out);
	return true;
}

/* Flag the row's shape (fields, student id); false when memory runs out. */
static bool check_shape(run *r, worker *w, chunk *ck, row_note *n)
{
	const ec_csv_reader *rd = &w->rd;
	size_t ncols = r->plans[0].ncols, c;
	bool extra = false;
	ec_error e;

	for (c = ncols; c < rd->nfields; c++)
		extra = extra || rd->fields[c][strspn(rd->fields[c], " \t")] != '\0';
	/* a record cut short by a quote never closed has its own message */
	if ((rd->nfields < ncols && !rd->unclosed) || extra) {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0,
			    "row has %zu fields, the header %zu (%s)", rd->nfields, ncols,
			    rd->nfields < ncols ? "graded with the missing ones blank"
						: "graded without the extra ones");
		if (!add_msg(ck, &e) || !flag(w, "fields"))
			return false;
		n->nmsgs++;
	}
	const char *id;
	size_t id_len;

	row_id(r, rd, &id, &id_len);
	if (id_blank(id, id_len)) {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0,
			    "the student id is empty (graded all the same)");
		if (!add_msg(ck, &e) || !flag(w, "student"))
			return false;
		n->nmsgs++;
	}
	return true;
}

/*
 * A quote never closed in field f (the record's last): an answer there is
 * unreadable, another field is flagged "quote"; the message says that the
 * lines after it are rows of their own. False when memory runs out.
 */
static bool unclosed_quote(run *r, worker *w, chunk *ck, row_note *n, size_t f);

/* Flag column c's answer as unreadable; false when memory runs out. */
static bool unreadable_cell(run *r, worker *w, chunk *ck, row_note *n, size_t c, const ec_error *sub)
{
	const char *id = r->graders[w->key]->items[r->plans[w->key].item[c]].key.id;
	ec_error e;

	w->codes[c] = ROSTER_UNCODED;
	w->aside[c].points = 0;
	w->aside[c].verdict = EC_VERDICT_UNREADABLE;
	w->aside[c].letters = 0;
	ec_error_at(&e, EC_ERR_PARSE, r->file, w->rd.record_line, 0, "column '%s': %s", id, sub->msg);
	if (!add_msg(ck, &e) || !flag(w, id))
		return false;
	n->nmsgs++;
	n->flagged_cells++;
	return true;
}

/*
 * A stray quote, text after a closing quote or a NUL byte in field f: an
 * answer there is unreadable, another field is flagged "quote" (or "nul").
 * False when memory runs out.
 */
static bool damaged_field(run *r, worker *w, chunk *ck, row_note *n, size_t f)
{
	const roster_plan *p = &r->plans[w->key];
	const char *what = w->rd.damage;
	ec_error e, sub;

	if (f < p->ncols && p->item[f] >= 0) {
		ec_error_set(&sub, EC_ERR_PARSE, "%s; its answer is unreadable", what);
		return unreadable_cell(r, w, ck, n, f, &sub);
	}
	ec_error_at(&e, EC_ERR_PARSE, r->file, w->rd.damaged, (long)f + 1,
		    "%s (the row is graded all the same)", what);
	if (!add_msg(ck, &e) || !flag(w, strstr(what, "NUL") ? "nul" : "quote"))
		return false;
	n->nmsgs++;
	return true;
}

static bool unclosed_quote(run *r, worker *w, chunk *ck, row_note *n, size_t f)
{
	const roster_plan *p = &r->plans[w->key];
	static const char why[] = "quoted field is not closed: read to the end of its line, the "
				  "lines after it graded as rows of their own";
	ec_error e, sub;

	if (f < p->ncols && p->item[f] >= 0) {
		ec_error_set(&sub, EC_ERR_PARSE, "%s; its answer is unreadable", why);
		return unreadable_cell(r, w, ck, n, f, &sub);
	}
	ec_error_at(&e, EC_ERR_PARSE, r->file, w->rd.unclosed, (long)f + 1, "%s", why);
	if (!add_msg(ck, &e) || !flag(w, "quote"))
		return false;
	n->nmsgs++;
	return true;
}

/*
 * Code column c's answer (text, len), not in the table yet, into
 * w->codes[c]; false when memory runs out. The common case, an answer
 * seen before, is roster_find() inline.
 */
static bool code_new_cell(run *r, worker *w, chunk *ck, row_note *n, size_t c, const char *text,
			  size_t len)
{
	ec_error sub;

	sub.msg[0] = '\0';
	if (roster_code(&w->sc[w->key], c, text, len, &w->codes[c], &w->aside[c], &sub) == EC_OK)
		return true;
	return unreadable_cell(r, w, ck, n, c, &sub);
}

/*
 * A plan in order, a record of the header's shape: code each answer, add it
 * up and write its points text in one pass over the columns. Returns the
 * total; false in *ok when memory runs out.
 */
static double score_in_order(run *r, worker *w, chunk *ck, row_note *n, bool *ok)
{
	const roster_plan *p = &r->plans[0];
	const ec_csv_reader *rd = &w->rd;
	double total = 0, *sec = w->sections;
	char *o = w->items;
	size_t c;

	for (c = 0; c < r->g->nsections; c++)
		sec[c] = 0;
	for (c = 1; c < p->ncols; c++) {
		const roster_table *t = &w->sc[0].tables[c];
		const ec_grade_result *res;
		uint8_t code;

		if (!roster_find(t, rd->fields[c], rd->lens[c], &w->codes[c]) &&
		    !code_new_cell(r, w, ck, n, c, rd->fields[c], rd->lens[c])) {
			*ok = false;
			return 0;
		}
		code = w->codes[c];
		res = code == ROSTER_UNCODED ? &w->aside[c] : &t->result[code];
		total += res->points;
		sec[p->section[c]] += res->points;
		if (code != ROSTER_UNCODED && t->text_len[code]) {
			memcpy(o, t->text[code], ROSTER_POINTS_TEXT);
			o += t->text_len[code];
		} else {
			o = roster_put_result(o, res);
		}
	}
	w->items_len = (size_t)(o - w->items);
	*ok = true;
	return total;
}

/*
 * With several keys: choose the row's key (w->key) by its cell in the key
 * column, flagging a cell that picks none (key 0 then); false when memory
 * runs out.
 */
static bool pick_key(run *r, worker *w, chunk *ck, row_note *n)
{
	const ec_csv_reader *rd = &w->rd;
	size_t c = r->key_col;
	ec_error why, e;
	long k;

	ec_error_clear(&why);
	k = r->keys->pick(r->keys->ctx, c < rd->nfields ? rd->fields[c] : "",
		       c < rd->nfields ? rd->lens[c] : 0, &why);
	w->key = k >= 0 && (size_t)k < r->nkeys ? (size_t)k : 0;
	if (w->key != (size_t)k) {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0, "column '%s': %s",
			    r->o->key_column, why.msg[0] ? why.msg : "it names none of the keys");
		if (!add_msg(ck, &e) || !flag(w, r->o->key_column))
			return false;
		n->nmsgs++;
	}
	n->key = w->key;
	if (!w->sc[w->key].tables &&
	    roster_scorer_init(&w->sc[w->key], &r->plans[w->key], &e) != EC_OK)
		return false;
	return true;
}

/* Score the current record of w->rd into ck: false when memory runs out. */
static bool process_row(run *r, worker *w, chunk *ck)
{
	const roster_plan *p;
	const ec_grader *g;
	ec_csv_reader *rd = &w->rd;
	size_t c, k, have, id_len;
	const char *id;
	double total = 0;
	row_note *n = new_row(ck, rd->record_line);
	bool ok;

	if (!n)
		return false;
	/* the id, for the ordered half's look for repeats */
	row_id(r, rd, &id, &id_len);
	n->id_len = id_len > UINT32_MAX ? UINT32_MAX : id_len;
	n->id_hash = roster_id_hash(id, id_len);
	if (!roster_grow((void **)&ck->spool, &ck->spool_cap, ck->spool_len + ROSTER_SPOOL_HEAD + n->id_len, 1))
		return false;
	n->spool_at = ck->spool_len;
	ck->spool_len = (size_t)(roster_spool_record(ck->spool + ck->spool_len, n->line, id,
						     (uint32_t)n->id_len) -
				 ck->spool);
	w->flags_len = 0;
	w->items_len = 0;
	w->key = 0;
	if ((rd->nfields != r->plans[0].ncols || rd->unclosed || rd->damaged || id_len == 0 ||
	     id[0] == ' ' ||
	     id[0] == '\t') &&
	    !check_shape(r, w, ck, n))
		return false;
	if (r->keyed && !pick_key(r, w, ck, n))
		return false;
	p = &r->plans[w->key];
	g = r->graders[w->key];
	have = rd->nfields < p->ncols ? rd->nfields : p->ncols;
	if (rd->unclosed && (rd->unclosed_field >= p->ncols || p->item[rd->unclosed_field] < 0) &&
	    !unclosed_quote(r, w, ck, n, rd->unclosed_field))
		return false;
	if (rd->damaged && (rd->damaged_field >= p->ncols || p->item[rd->damaged_field] < 0) &&
	    !damaged_field(r, w, ck, n, rd->damaged_field))
		return false;
	if (p->in_order && have == p->ncols && !rd->unclosed && !rd->damaged) {
		total = score_in_order(r, w, ck, n, &ok);
		if (!ok)
			return false;
	} else {
		for (c = 0; c < p->ncols; c++) {
			const char *text = c < have ? rd->fields[c] : roster_empty;
			size_t len = c < have ? rd->lens[c] : 0;

			if (p->item[c] < 0)
				continue;
			if (rd->unclosed && c == rd->unclosed_field) {
				if (!unclosed_quote(r, w, ck, n, c))
					return false;
			} else if (rd->damaged && c == rd->damaged_field) {
				if (!damaged_field(r, w, ck, n, c))
					return false;
			} else if (!roster_find(&w->sc[w->key].tables[c], text, len, &w->codes[c]) &&
				   !code_new_cell(r, w, ck, n, c, text, len)) {
				return false;
			}
		}
		/* the sums in key order, as ec_grade_sum() adds them */
		for (k = 0; k < g->nsections; k++)
			w->sections[k] = 0;
		for (k = 0; k < p->nterms; k++) {
			const roster_term *t = &p->terms[k];
			double pts = t->column >= 0 ? result_of(w, (size_t)t->column)->points : t->points;

			total += pts;
			w->sections[t->section] += pts;
		}
	}
	n->total = total;
	n->flagged = w->flags_len > 0;
	n->tallied = r->tally && !n->flagged && all_coded(p, w->codes) &&
		     roster_tally_add(&w->tally, w->codes, total, w->sections);
	if (r->keep_rows && !n->tallied && !keep_row(r, w, ck, n))
		return false;
	return !r->o->out || write_row(r, w, ck, total);
}

/*
 * The common record, read, scored and written in one pass straight from
 * the chunk (no fields split out): on one line, as many fields as the
 * header, the id unquoted, not empty and not starting with a blank, quoted
 * fields free of doubled quotes and line breaks, every answer one its
 * column's table knows already, the plan in order and no row kept for a
 * callback. Returns 1 when done (the reader moved past it), 0 to leave the
 * record to the general path (nothing changed), -1 when memory runs out.
 */
static int fast_row(run *r, worker *w, chunk *ck)
{
	const roster_plan *p = &r->plans[0];
	ec_csv_reader *rd = &w->rd;
	const char *start = rd->in + rd->in_pos, *end = rd->in + rd->in_len, *q = start, *id = start;
	const unsigned char *ends_field = rd->ends; /* the bytes that end an unquoted field */
	const char sep = rd->sep;
	double total = 0, *sec = w->sections;
	size_t c, id_len;
	char *o = w->items;
	row_note *n;

	while (!ends_field[(unsigned char)*q])
		q++;
	id_len = (size_t)(q - id);
	if (*q != sep || id_len == 0 || *id == ' ' || *id == '\t')
		return 0;
	q++;
	w->pending_len = 0;
	for (c = 0; c < r->g->nsections; c++)
		sec[c] = 0;
	for (c = 1; c < p->ncols; c++) {
		const roster_table *t = &w->sc[0].tables[c];
		const char *text = q;
		const ec_grade_result *res;
		uint8_t code;
		size_t len;

		if (*q == '"') {
			text = ++q;
			while (*q != '"' && *q != '\n' && *q != '\r' && *q != '\0')
				q++;
			if (*q != '"')
				return 0;
			len = (size_t)(q - text);
			q++;
		} else {
			while (!ends_field[(unsigned char)*q])
				q++;
			len = (size_t)(q - text);
		}
		if (c + 1 < p->ncols ? *q != sep : (*q != '\n' && *q != '\r'))
			return 0;
		q++;
		if (!roster_find(t, text, len, &w->codes[c]))
			return 0;
		code = w->codes[c];
		res = &t->result[code];
		total += res->points;
		sec[p->section[c]] += res->points;
		if (t->text_len[code]) {
			memcpy(o, t->text[code], ROSTER_POINTS_TEXT);
			o += t->text_len[code];
		} else {
			o = roster_put_result(o, res);
		}
		if (res->verdict == EC_VERDICT_MANUAL && !note_pending(w, r->g->items[p->item[c]].key.id))
			return -1;
	}
	if (q[-1] == '\r' && q < end && *q == '\n')
		q++;
	if (q > end)
		return 0;
	/* the whole record is known: note it as process_row() would */
	n = new_row(ck, rd->line);
	if (!n)
		return -1;
	n->id_len = id_len > UINT32_MAX ? UINT32_MAX : id_len;
	n->id_hash = roster_id_hash(id, id_len);
	if (!roster_grow((void **)&ck->spool, &ck->spool_cap, ck->spool_len + ROSTER_SPOOL_HEAD + n->id_len, 1))
		return -1;
	n->spool_at = ck->spool_len;
	ck->spool_len = (size_t)(roster_spool_record(ck->spool + ck->spool_len, n->line, id,
						     (uint32_t)n->id_len) -
				 ck->spool);
	n->total = total;
	rd->in_pos = (size_t)(q - rd->in);
	rd->record_line = rd->line++;
	n->tallied = r->tally && roster_tally_add(&w->tally, w->codes, total, sec);
	if (r->keep_rows && !n->tallied && !keep_coded_row(r, w, ck, n))
		return -1;
	if (!r->o->out)
		return 1;
	if (!roster_grow((void **)&ck->out, &ck->out_cap,
		  ck->out_len + id_len + (size_t)(o - w->items) + 2 * w->pending_len + 6 +
			  (ROSTER_POINTS_TEXT + 33) * (r->g->nsections + 1),
		  1))
		return -1;
	{
		char *out = put_field(ck->out + ck->out_len, id, id_len);

		out = roster_put_total(&w->sc[0], out, total);
		for (c = 0; c < r->g->nsections; c++)
			out = roster_put_total(&w->sc[0], out, sec[c]);
		memcpy(out, w->items, (size_t)(o - w->items));
		out += o - w->items;
		if (p->nmarks) {
			*out++ = ',';
			out = put_field(out, w->pending_len ? w->pending : "", w->pending_len);
		}
		*out++ = ',';
		*out++ = '\n';
		ck->out_len = (size_t)(out - ck->out);
	}
	return 1;
}

/* Skip the empty lines before the reader's next record, as ec_csv_next() does. */
static void skip_empty_lines(ec_csv_reader *rd)
{
	while (rd->in_pos < rd->in_len) {
		char c = rd->in[rd->in_pos];

		if (c == '\n') {
			rd->in_pos++;
		} else if (c == '\r') {
			rd->in_pos += rd->in_pos + 1 < rd->in_len && rd->in[rd->in_pos + 1] == '\n' ? 2 : 1;
		} else {
			return;
		}
		rd->line++;
	}
}

/* Parse, score and format all of ck's records with w's tools. */
void roster_process_chunk(run *r, worker *w, chunk *ck)
{
	bool more, fast = !r->keyed && r->plans[0].in_order && (!r->keep_rows || r->fieldless);

	ck->out_len = 0;
	ck->nrows = 0;
	ck->nmsgs = 0;
	ck->naside = 0;
	ck->text_len = 0;
	ck->spool_len = 0;
	ck->nfields = 0;
	ck->fatal = EC_OK;
	ck->by = w->sc;
	ck->coder = (unsigned)(w - r->workers);
	if (ck->has_error) {
		if (!note_lost(ck, &ck->error))
			ck->fatal = EC_ERR_NOMEM;
		return;
	}
	ec_csv_set_buffer(&w->rd, ck->buf, ck->start, ck->end, ck->line);
	for (;;) {
		ec_error e; /* set by ec_csv_next() when it fails */
		ec_status st;

		if (fast) {
			int done;

			skip_empty_lines(&w->rd);
			done = w->rd.in_pos < w->rd.in_len ? fast_row(r, w, ck) : 0;
			if (done < 0) {
				ck->fatal = EC_ERR_NOMEM;
				return;
			}
			if (done)
				continue;
		}
		st = ec_csv_next(&w->rd, &more, &e);
		if (st == EC_OK && !more)
			return;
		if (st == EC_ERR_NOMEM || (st == EC_OK ? !process_row(r, w, ck) : !note_lost(ck, &e))) {
			ck->fatal = EC_ERR_NOMEM;
			return;
		}
	}
}

