/*
 * roster.c: grade a roster in chunks. This thread reads the input in
 * chunks cut at record boundaries (a quote-parity scan: outside quotes, a
 * line end ends a record), counting lines so each chunk knows where it
 * starts. Chunks are parsed, scored and formatted by whichever thread is
 * free, this one or a helper, and handed out (output, callbacks, bad-row
 * messages) by this thread strictly in input order. This thread never
 * waits while there is a chunk it could work on itself, so a helper that
 * gets no processor time costs little.
 */
#include "examcheck/ec_roster.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "csv_internal.h"
#include "examcheck/ec_csv.h"
#include "roster_dups.h"
#include "roster_score.h"

#define DEFAULT_CHUNK (32u * 1024)
#define SLOTS 4
#define MAX_THREADS 2

/* One record of a chunk as the ordered half needs it. */
typedef struct row_note {
	long line;
	double total;
	uint32_t first_msg, nmsgs;  /* its messages in the chunk's list */
	uint32_t flagged_cells;
	bool flagged, lost;         /* lost: the record could not be read */
	size_t first_field;         /* with callbacks: its fields in the chunk's field list */
	size_t nfields;
	size_t flags_at;            /* with callbacks: its flagged text in the chunk's text */
	size_t spool_at;            /* its id's record in the chunk's spool */
	size_t id_len;
	uint64_t id_hash;           /* roster_id_hash() of the id */
} row_note;

typedef struct chunk {
	/* the input, filled by the reading thread */
	char *buf;
	size_t cap, start, end;
	long line;                  /* where buf[start] is */
	bool has_error;             /* no input: report `error` (a record too long to keep) */
	ec_error error;
	/* what processing gives */
	char *out;                  /* the output lines */
	size_t out_len, out_cap;
	row_note *rows;
	size_t nrows, rows_cap;
	ec_error *msgs;             /* messages, in order */
	size_t nmsgs, msgs_cap;
	/* with callbacks: each row's fields, flagged text, codes, subtotals and uncoded results */
	char *text;
	size_t text_len, text_cap;
	size_t *field_at;           /* each kept field's offset in text */
	size_t nfields, fields_cap;
	uint8_t *codes;
	size_t codes_cap;
	double *sections;
	size_t sections_cap;
	ec_grade_result *aside;
	size_t naside, aside_cap;
	char *spool;                /* the students' ids, as roster_spool_record() writes them */
	size_t spool_len, spool_cap;
	const roster_scorer *by;    /* whose tables the codes index */
	ec_status fatal;            /* EC_ERR_NOMEM while processing */
	bool done;
} chunk;

/* A thread's tools: a CSV reader over chunks and its answer tables. */
typedef struct worker {
	ec_csv_reader rd;
	roster_scorer sc;
	double *sections;           /* the current row's subtotals */
	uint8_t *codes;             /* its answers' codes, per column */
	ec_grade_result *aside;     /* its results of ROSTER_UNCODED answers, per column */
	char *items;                /* with a plan in order: its items' output text, ",2,0" */
	size_t items_len;           /* 0: not written yet */
	char *flags;                /* its flagged field's text */
	size_t flags_len, flags_cap;
	struct run *r;
} worker;

typedef struct run {
	const ec_grader *g;
	const ec_roster_options *o;
	const char *file;
	FILE *in;
	roster_plan plan;
	bool keep_rows;             /* callbacks want results */
	size_t chunk_bytes;
	chunk slots[SLOTS];
	uint64_t next_read, next_take, next_emit;
	bool input_done, finished;
	worker workers[MAX_THREADS];
	mtx_t lock;
	cnd_t changed;
	/* the reading thread's state */
	char *carry;
	size_t carry_len, carry_cap;
	long line;
	uint64_t bytes, warnings;
	bool eof, io_error;
	roster_dups dups;           /* the ids seen (the ordered half) */
} run;

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* ---- cutting the input ---- */

/*
 * The end of the last (or, with `first`, the first) whole record in
 * p[0, n), which starts a record: just past a line end outside quotes (a
 * CR that is the last byte does not count unless the input ends there).
 * 0 when there is none. *lines is the number of line ends before it.
 */
static size_t record_end(const char *p, size_t n, bool at_eof, bool first, long *lines)
{
	size_t i, cut = 0;
	long count = 0, at_cut = 0;
	unsigned quoted = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c > '"')
			continue;
		if (c == '"') {
			quoted ^= 1;
			continue;
		}
		if (c == '\n') {
			count++;
		} else if (c == '\r') {
			if (i + 1 < n ? p[i + 1] == '\n' : !at_eof)
				continue;
			count++;
		} else {
			continue;
		}
		if (!quoted) {
			cut = i + 1;
			at_cut = count;
			if (first)
				break;
		}
	}
	*lines = at_cut;
	return cut;
}

/* How many bytes of p[0, n) are '"' and '\n', eight at a time. */
static void count_quotes_lines(const char *p, size_t n, size_t *quotes, size_t *lines)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
	size_t i = 0, q = 0, l = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, a, b;

		memcpy(&w, p + i, 8);
		/* 0x80 in each byte of a (b) that is a quote (a newline), nothing else */
		a = w ^ (ones * '"');
		a = ~(((a & low7) + low7) | a | low7);
		b = w ^ (ones * '\n');
		b = ~(((b & low7) + low7) | b | low7);
		q += (size_t)(((a >> 7) * ones) >> 56);
		l += (size_t)(((b >> 7) * ones) >> 56);
	}
	for (; i < n; i++) {
		q += p[i] == '"';
		l += p[i] == '\n';
	}
	*quotes = q;
	*lines = l;
}

/*
 * record_end() for the common case, a chunk without CRs whose last line
 * end lies outside quotes: a word-at-a-time count instead of a walk.
 * Returns false when the case does not apply.
 */
static bool last_record_end_fast(const char *p, size_t n, size_t *cut, long *lines)
{
	size_t end = n, q, l;

	while (end > 0 && p[end - 1] != '\n') {
		if (p[end - 1] == '\r')
			return false;
		end--;
	}
	if (end == 0 || memchr(p, '\r', end))
		return false;
	count_quotes_lines(p, end, &q, &l);
	if (q % 2)
		return false;
	*cut = end;
	*lines = (long)l;
	return true;
}

/* Line ends in p[0, n), as the CSV reader counts them (n ends at a record end). */
static long count_lines(const char *p, size_t n)
{
	long count = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n')))
			count++;
	return count;
}

/* Read up to `want` more bytes after b[have]; returns how many. */
static size_t read_more(run *r, char *b, size_t want)
{
	size_t n;

	if (r->eof)
		return 0;
	n = fread(b, 1, want, r->in);
	r->bytes += n;
	if (n < want) {
		r->eof = true;
		r->io_error = ferror(r->in) != 0;
	}
	return n;
}

static bool reserve_input(chunk *ck, size_t need)
{
	need += 1 + EC_CSV_READABLE;
	return grow((void **)&ck->buf, &ck->cap, need, 1);
}

/*
 * Fill ck with the next whole records: the carried partial record, then
 * fresh input, cut after the last record end. A record that outgrows
 * EC_CSV_RECORD_MAX becomes an error chunk and the input is skipped to
 * its end. Returns false when nothing is left (input_done) and on errors
 * (r->io_error, or *nomem).
 */
static bool fill_chunk(run *r, chunk *ck, bool *nomem)
{
	size_t len, cut = 0;
	long lines = 0;
	bool oversize = false;

	ck->has_error = false;
	ck->start = 0;
	ck->line = r->line;
	if (!reserve_input(ck, r->carry_len + r->chunk_bytes)) {
		*nomem = true;
		return false;
	}
	if (r->carry_len)
		memcpy(ck->buf, r->carry, r->carry_len);
	len = r->carry_len;
	for (;;) {
		len += read_more(r, ck->buf + len, r->chunk_bytes);
		if (!last_record_end_fast(ck->buf, len, &cut, &lines))
			cut = record_end(ck->buf, len, r->eof, false, &lines);
		if (r->eof && cut < len)
			cut = len, lines = count_lines(ck->buf, len);
		if (cut > 0 || r->eof)
			break;
		if (len > (size_t)EC_CSV_RECORD_MAX + r->chunk_bytes) {
			oversize = true;
			break;
		}
		if (!reserve_input(ck, len + r->chunk_bytes)) {
			*nomem = true;
			return false;
		}
	}
	if (oversize) {
		/* skip to the record's end, keeping the line count, and report it alone */
		size_t rest;

		ec_error_at(&ck->error, EC_ERR_PARSE, r->file, r->line, 0, "record is longer than 1 MiB");
		ck->has_error = true;
		ck->end = 0;
		for (;;) {
			cut = record_end(ck->buf, len, r->eof, true, &lines);
			if (cut > 0 || r->eof)
				break;
			r->line += count_lines(ck->buf, len - (ck->buf[len - 1] == '\r'));
			/* keep a CR that may pair with the next byte, and a quote's parity */
			rest = ck->buf[len - 1] == '\r' ? 1 : 0;
			{
				size_t q = 0, i;

				for (i = 0; i < len - rest; i++)
					q += ck->buf[i] == '"';
				ck->buf[0] = q % 2 ? '"' : ' ';
				if (rest)
					ck->buf[1] = '\r';
				len = 1 + rest;
			}
			len += read_more(r, ck->buf + len, r->chunk_bytes);
		}
		if (r->eof && cut == 0) {
			r->line += count_lines(ck->buf, len);
			cut = len;
			lines = 0;
		}
		r->line += lines;
		r->carry_len = len - cut;
		if (!grow((void **)&r->carry, &r->carry_cap, r->carry_len + 1, 1)) {
			*nomem = true;
			return false;
		}
		memcpy(r->carry, ck->buf + cut, r->carry_len);
		return true;
	}
	if (len == 0) {
		r->carry_len = 0;
		return false;
	}
	r->carry_len = len - cut;
	if (!grow((void **)&r->carry, &r->carry_cap, r->carry_len + 1, 1)) {
		*nomem = true;
		return false;
	}
	memcpy(r->carry, ck->buf + cut, r->carry_len);
	ck->end = cut;
	r->line += lines;
	return true;
}

/* ---- processing a chunk (any thread) ---- */

/* Add a message to ck (for the row being noted); false when memory runs out. */
static bool add_msg(chunk *ck, const ec_error *e)
{
	if (!grow((void **)&ck->msgs, &ck->msgs_cap, ck->nmsgs + 1, sizeof(*ck->msgs)))
		return false;
	ck->msgs[ck->nmsgs++] = *e;
	return true;
}

static row_note *new_row(chunk *ck, long line)
{
	row_note *n;

	if (!grow((void **)&ck->rows, &ck->rows_cap, ck->nrows + 1, sizeof(*ck->rows)))
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

	return code == ROSTER_UNCODED ? &w->aside[c] : &w->sc.tables[c].result[code];
}

/* Add `what` to the row's flagged text; false when memory runs out. */
static bool flag(worker *w, const char *what)
{
	size_t n = strlen(what);

	if (!grow((void **)&w->flags, &w->flags_cap, w->flags_len + n + 2, 1))
		return false;
	if (w->flags_len)
		w->flags[w->flags_len++] = ' ';
	memcpy(w->flags + w->flags_len, what, n + 1);
	w->flags_len += n;
	return true;
}

/* Keep what the ordered half needs to hand the row to on_row. */
static bool keep_row(run *r, worker *w, chunk *ck, row_note *n)
{
	const roster_plan *p = &r->plan;
	const ec_csv_reader *rd = &w->rd;
	size_t row = ck->nrows - 1, c, need = w->flags_len + 1;

	for (c = 0; c < rd->nfields; c++)
		need += rd->lens[c] + 1;
	if (!grow((void **)&ck->text, &ck->text_cap, ck->text_len + need, 1) ||
	    !grow((void **)&ck->field_at, &ck->fields_cap, ck->nfields + rd->nfields,
		  sizeof(*ck->field_at)) ||
	    !grow((void **)&ck->codes, &ck->codes_cap, (row + 1) * p->ncols, 1) ||
	    !grow((void **)&ck->sections, &ck->sections_cap, (row + 1) * r->g->nsections,
		  sizeof(*ck->sections)))
		return false;
	n->first_field = ck->nfields;
	n->nfields = rd->nfields;
	for (c = 0; c < rd->nfields; c++) {
		ck->field_at[ck->nfields++] = ck->text_len;
		memcpy(ck->text + ck->text_len, rd->fields[c], rd->lens[c] + 1);
		ck->text_len += rd->lens[c] + 1;
	}
	n->flags_at = ck->text_len;
	memcpy(ck->text + ck->text_len, w->flags_len ? w->flags : "", w->flags_len + 1);
	ck->text_len += w->flags_len + 1;
	memcpy(ck->codes + row * p->ncols, w->codes, p->ncols);
	memcpy(ck->sections + row * r->g->nsections, w->sections,
	       r->g->nsections * sizeof(*ck->sections));
	for (c = 1; c < p->ncols; c++) {
		if (p->item[c] < 0 || w->codes[c] != ROSTER_UNCODED)
			continue;
		if (!grow((void **)&ck->aside, &ck->aside_cap, ck->naside + 1, sizeof(*ck->aside)))
			return false;
		ck->aside[ck->naside++] = w->aside[c];
	}
	return true;
}

/* Append the row's output line to ck->out. */
static bool write_row(run *r, worker *w, chunk *ck, double total)
{
	const roster_plan *p = &r->plan;
	const ec_grader *g = r->g;
	const ec_csv_reader *rd = &w->rd;
	roster_scorer *sc = &w->sc;
	size_t k, need = 2 * rd->lens[0] + 2 * w->flags_len + 8 +
			 (ROSTER_POINTS_TEXT + 33) * (g->nsections + 1 + p->nwritten);
	char *o;

	for (k = 0; k < p->ndata; k++)
		need += p->data[k] < rd->nfields ? 2 * rd->lens[p->data[k]] + 3 : 1;
	if (!grow((void **)&ck->out, &ck->out_cap, ck->out_len + need, 1))
		return false;
	o = put_field(ck->out + ck->out_len, rd->fields[0], rd->lens[0]);
	for (k = 0; k < p->ndata; k++) {
		size_t c = p->data[k];

		*o++ = ',';
		if (c < rd->nfields)
			o = put_field(o, rd->fields[c], rd->lens[c]);
	}
	o = roster_put_total(sc, o, total);
	for (k = 0; k < g->nsections; k++)
		o = roster_put_total(sc, o, w->sections[k]);
	if (w->items_len) {
		memcpy(o, w->items, w->items_len);
		o += w->items_len;
	}
	for (k = 0; !w->items_len && k < p->nwritten; k++) {
		size_t c = p->written[k];
		const roster_table *t = &sc->tables[c];
		uint8_t code = w->codes[c];

		if (code != ROSTER_UNCODED && t->text_len[code]) {
			memcpy(o, t->text[code], ROSTER_POINTS_TEXT);
			o += t->text_len[code];
		} else {
			*o++ = ',';
			o += ec_points_format_len(result_of(w, c)->points, o);
		}
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
	size_t ncols = r->plan.ncols, c;
	bool extra = false;
	ec_error e;

	for (c = ncols; c < rd->nfields; c++)
		extra = extra || rd->fields[c][strspn(rd->fields[c], " \t")] != '\0';
	if (rd->nfields < ncols || extra) {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0,
			    "row has %zu fields, the header %zu (%s)", rd->nfields, ncols,
			    rd->nfields < ncols ? "graded with the missing ones blank"
						: "graded without the extra ones");
		if (!add_msg(ck, &e) || !flag(w, "fields"))
			return false;
		n->nmsgs++;
	}
	if ((rd->lens[0] == 0 || rd->fields[0][0] == ' ' || rd->fields[0][0] == '\t') &&
	    rd->fields[0][strspn(rd->fields[0], " \t")] == '\0') {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0,
			    "the student id is empty (graded all the same)");
		if (!add_msg(ck, &e) || !flag(w, "student"))
			return false;
		n->nmsgs++;
	}
	return true;
}

/* Flag column c's answer as unreadable; false when memory runs out. */
static bool unreadable_cell(run *r, worker *w, chunk *ck, row_note *n, size_t c, const ec_error *sub)
{
	const char *id = r->g->items[r->plan.item[c]].key.id;
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
 * Code column c's answer (text, len), not in the table yet, into
 * w->codes[c]; false when memory runs out. The common case, an answer
 * seen before, is roster_find() inline.
 */
static bool code_new_cell(run *r, worker *w, chunk *ck, row_note *n, size_t c, const char *text,
			  size_t len)
{
	ec_error sub;

	sub.msg[0] = '\0';
	if (roster_code(&w->sc, c, text, len, &w->codes[c], &w->aside[c], &sub) == EC_OK)
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
	const roster_plan *p = &r->plan;
	const ec_csv_reader *rd = &w->rd;
	double total = 0, *sec = w->sections;
	char *o = w->items;
	size_t c;

	for (c = 0; c < r->g->nsections; c++)
		sec[c] = 0;
	for (c = 1; c < p->ncols; c++) {
		const roster_table *t = &w->sc.tables[c];
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
			*o++ = ',';
			o += ec_points_format_len(res->points, o);
		}
	}
	w->items_len = (size_t)(o - w->items);
	*ok = true;
	return total;
}

/* Score the current record of w->rd into ck: false when memory runs out. */
static bool process_row(run *r, worker *w, chunk *ck)
{
	const roster_plan *p = &r->plan;
	const ec_grader *g = r->g;
	ec_csv_reader *rd = &w->rd;
	size_t c, k, have = rd->nfields < p->ncols ? rd->nfields : p->ncols;
	double total = 0;
	row_note *n = new_row(ck, rd->record_line);
	bool ok;

	if (!n)
		return false;
	/* the id, for the ordered half's look for repeats */
	n->id_len = rd->lens[0] > UINT32_MAX ? UINT32_MAX : rd->lens[0];
	n->id_hash = roster_id_hash(rd->fields[0], rd->lens[0]);
	if (!grow((void **)&ck->spool, &ck->spool_cap, ck->spool_len + ROSTER_SPOOL_HEAD + n->id_len, 1))
		return false;
	n->spool_at = ck->spool_len;
	ck->spool_len = (size_t)(roster_spool_record(ck->spool + ck->spool_len, n->id_hash, n->line,
						     rd->fields[0], (uint32_t)n->id_len) -
				 ck->spool);
	w->flags_len = 0;
	w->items_len = 0;
	if ((rd->nfields != p->ncols || rd->lens[0] == 0 || rd->fields[0][0] == ' ' ||
	     rd->fields[0][0] == '\t') &&
	    !check_shape(r, w, ck, n))
		return false;
	if (p->in_order && have == p->ncols) {
		total = score_in_order(r, w, ck, n, &ok);
		if (!ok)
			return false;
	} else {
		for (c = 1; c < p->ncols; c++) {
			const char *text = c < have ? rd->fields[c] : roster_empty;
			size_t len = c < have ? rd->lens[c] : 0;

			if (p->item[c] >= 0 && !roster_find(&w->sc.tables[c], text, len, &w->codes[c]) &&
			    !code_new_cell(r, w, ck, n, c, text, len))
				return false;
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
	if (r->keep_rows && !keep_row(r, w, ck, n))
		return false;
	return !r->o->out || write_row(r, w, ck, total);
}

/* Bytes that end an unquoted field. */
static const unsigned char ends_field[256] = {
	[0] = 1, [','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1,
};

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
	const roster_plan *p = &r->plan;
	ec_csv_reader *rd = &w->rd;
	const char *start = rd->in + rd->in_pos, *end = rd->in + rd->in_len, *q = start, *id = start;
	double total = 0, *sec = w->sections;
	size_t c, id_len;
	char *o = w->items;
	row_note *n;

	while (!ends_field[(unsigned char)*q])
		q++;
	id_len = (size_t)(q - id);
	if (*q != ',' || id_len == 0 || *id == ' ' || *id == '\t')
		return 0;
	q++;
	for (c = 0; c < r->g->nsections; c++)
		sec[c] = 0;
	for (c = 1; c < p->ncols; c++) {
		const roster_table *t = &w->sc.tables[c];
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
		if (c + 1 < p->ncols ? *q != ',' : (*q != '\n' && *q != '\r'))
			return 0;
		q++;
		if (!roster_find(t, text, len, &code))
			return 0;
		res = &t->result[code];
		total += res->points;
		sec[p->section[c]] += res->points;
		if (t->text_len[code]) {
			memcpy(o, t->text[code], ROSTER_POINTS_TEXT);
			o += t->text_len[code];
		} else {
			*o++ = ',';
			o += ec_points_format_len(res->points, o);
		}
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
	if (!grow((void **)&ck->spool, &ck->spool_cap, ck->spool_len + ROSTER_SPOOL_HEAD + n->id_len, 1))
		return -1;
	n->spool_at = ck->spool_len;
	ck->spool_len = (size_t)(roster_spool_record(ck->spool + ck->spool_len, n->id_hash, n->line, id,
						     (uint32_t)n->id_len) -
				 ck->spool);
	n->total = total;
	rd->in_pos = (size_t)(q - rd->in);
	rd->record_line = rd->line++;
	if (!r->o->out)
		return 1;
	if (!grow((void **)&ck->out, &ck->out_cap,
		  ck->out_len + id_len + (size_t)(o - w->items) + 3 +
			  (ROSTER_POINTS_TEXT + 33) * (r->g->nsections + 1),
		  1))
		return -1;
	{
		char *out = put_field(ck->out + ck->out_len, id, id_len);

		out = roster_put_total(&w->sc, out, total);
		for (c = 0; c < r->g->nsections; c++)
			out = roster_put_total(&w->sc, out, sec[c]);
		memcpy(out, w->items, (size_t)(o - w->items));
		out += o - w->items;
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
static void process_chunk(run *r, worker *w, chunk *ck)
{
	bool more, fast = r->plan.in_order && !r->keep_rows;

	ck->out_len = 0;
	ck->nrows = 0;
	ck->nmsgs = 0;
	ck->naside = 0;
	ck->text_len = 0;
	ck->spool_len = 0;
	ck->nfields = 0;
	ck->fatal = EC_OK;
	ck->by = &w->sc;
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

/* ---- handing chunks out in order (this thread) ---- */

typedef struct emitter {
	ec_roster_summary *sum;
	ec_grade_result *results;   /* g->count, for on_row */
	char **fields;              /* for on_row */
	size_t *lens;
	ec_status st;
	ec_error *err;
} emitter;

/* Warn that a student id stands again on `line` (first on `first`). */
static void warn_repeat(void *ctx, const char *id, long line, long first)
{
	run *r = ctx;
	ec_error w;

	ec_error_at(&w, EC_ERR_PARSE, r->file, line, 0,
		    "student id '%.40s' is repeated (first on line %ld); each row is graded", id, first);
	w.status = EC_OK; /* a warning */
	r->warnings++;
	if (r->o->on_report)
		r->o->on_report(r->o->ctx, &w);
}

/* Look for the row's id among those seen; false when memory runs out. */
static bool note_id(run *r, const row_note *n, const char *id)
{
	long first;

	if (roster_dups_add(&r->dups, n->id_hash, id, n->id_len, n->line, &first) != EC_OK)
		return false; /* out of memory, or the spool cannot be written */
	if (first)
		warn_repeat(r, id, n->line, first);
	return true;
}

/* Hand out ck's rows; false to stop (em->st says why). */
static bool emit_chunk(run *r, emitter *em, chunk *ck)
{
	const roster_plan *p = &r->plan;
	const ec_grader *g = r->g;
	size_t k, aside = 0;

	if (ck->fatal != EC_OK) {
		em->st = ec_error_set(em->err, ck->fatal, "out of memory");
		return false;
	}
	if (r->o->out && ck->out_len &&
	    (fwrite(ck->out, 1, ck->out_len, r->o->out) != ck->out_len || ferror(r->o->out))) {
		em->st = ec_error_set(em->err, EC_ERR_IO, "write error");
		return false;
	}
	if (roster_dups_spool(&r->dups, ck->spool, ck->spool_len) != EC_OK) {
		em->st = ec_error_set(em->err, EC_ERR_IO,
				      "cannot write the temporary list of student ids");
		return false;
	}
	for (k = 0; k < ck->nrows; k++) {
		const row_note *n = &ck->rows[k];
		ec_roster_row row;
		size_t c, i;

		for (i = 0; i < n->nmsgs; i++)
			if (r->o->on_report)
				r->o->on_report(r->o->ctx, &ck->msgs[n->first_msg + i]);
		if (n->lost) {
			em->sum->lost++;
			continue;
		}
		em->sum->graded++;
		em->sum->flagged_rows += n->flagged;
		em->sum->flagged_cells += n->flagged_cells;
		if (!note_id(r, n, ck->spool + n->spool_at + ROSTER_SPOOL_HEAD)) {
			em->st = ec_error_set(em->err, EC_ERR_NOMEM, "out of memory");
			return false;
		}
		if (!r->keep_rows)
			continue;
		for (i = 0; i < g->count; i++)
			em->results[i] = g->items[i].blank;
		for (c = 1; c < p->ncols; c++) {
			uint8_t code = ck->codes[k * p->ncols + c];
			long item = p->item[c];

			if (item < 0)
				continue;
			if (code == ROSTER_UNCODED)
				em->results[item] = ck->aside[aside++];
			else
				em->results[item] = ck->by->tables[c].result[code];
		}
		for (i = 0; i < n->nfields; i++) {
			em->fields[i] = ck->text + ck->field_at[n->first_field + i];
			em->lens[i] = (i + 1 < n->nfields ? ck->field_at[n->first_field + i + 1]
							  : n->flags_at) -
				      ck->field_at[n->first_field + i] - 1;
		}
		row.fields = em->fields;
		row.lens = em->lens;
		row.nfields = n->nfields;
		row.line = n->line;
		row.total = n->total;
		row.sections = ck->sections + k * g->nsections;
		row.results = em->results;
		row.flagged = ck->text + n->flags_at;
		if (r->o->on_row && !r->o->on_row(r->o->ctx, &row)) {
			em->st = ec_error_set(em->err, EC_ERR_INVALID, "stopped");
			return false;
		}
	}
	return true;
}

/* ---- the threads ---- */

static chunk *slot(run *r, uint64_t seq)
{
	return &r->slots[seq % SLOTS];
}

static int helper_main(void *arg)
{
	worker *w = arg;
	run *r = w->r;

	mtx_lock(&r->lock);
	for (;;) {
		chunk *ck;

		while (!r->finished && r->next_take == r->next_read)
			cnd_wait(&r->changed, &r->lock);
		if (r->finished)
			break;
		ck = slot(r, r->next_take++);
		mtx_unlock(&r->lock);
		process_chunk(r, w, ck);
		mtx_lock(&r->lock);
		ck->done = true;
		cnd_broadcast(&r->changed);
	}
	mtx_unlock(&r->lock);
	return 0;
}

/*
 * This thread's loop: read ahead while a slot is free, hand out the next
 * chunk when it is done, else process a waiting chunk itself, else wait.
 */
static void lead(run *r, emitter *em, bool threaded)
{
	bool nomem = false;

	for (;;) {
		chunk *ck;

		if (threaded)
			mtx_lock(&r->lock);
		if (!r->input_done && r->next_read < r->next_emit + SLOTS) {
			uint64_t seq = r->next_read;

			if (threaded)
				mtx_unlock(&r->lock);
			ck = slot(r, seq);
			ck->done = false;
			if (!fill_chunk(r, ck, &nomem)) {
				if (threaded)
					mtx_lock(&r->lock);
				r->input_done = true;
			} else {
				if (threaded)
					mtx_lock(&r->lock);
				r->next_read++;
				if (threaded)
					cnd_broadcast(&r->changed);
			}
			if (threaded)
				mtx_unlock(&r->lock);
			if (nomem) {
				em->st = ec_error_set(em->err, EC_ERR_NOMEM, "out of memory");
				return;
			}
			continue;
		}
		if (r->next_emit < r->next_read && slot(r, r->next_emit)->done) {
			ck = slot(r, r->next_emit);
			if (threaded)
				mtx_unlock(&r->lock);
			if (!emit_chunk(r, em, ck))
				return;
			if (threaded)
				mtx_lock(&r->lock);
			r->next_emit++;
			if (threaded)
				mtx_unlock(&r->lock);
			continue;
		}
		if (r->next_take < r->next_read) {
			ck = slot(r, r->next_take++);
			if (threaded)
				mtx_unlock(&r->lock);
			process_chunk(r, &r->workers[0], ck);
			if (threaded)
				mtx_lock(&r->lock);
			ck->done = true;
			if (threaded)
				mtx_unlock(&r->lock);
			continue;
		}
		if (r->input_done && r->next_emit == r->next_read) {
			if (threaded)
				mtx_unlock(&r->lock);
			return;
		}
		/* the helper has the next chunk to hand out */
		if (!threaded)
			return; /* not reached: alone, this thread took every chunk */
		cnd_wait(&r->changed, &r->lock);
		mtx_unlock(&r->lock);
	}
}

static ec_status worker_init(run *r, worker *w, ec_error *err)
{
	size_t n = r->plan.ncols;

	memset(w, 0, sizeof(*w));
	w->r = r;
	ec_csv_open_buffer(&w->rd, r->file, err);
	w->sections = calloc(r->g->nsections ? r->g->nsections : 1, sizeof(*w->sections));
	w->codes = calloc(n, sizeof(*w->codes));
	w->aside = calloc(n, sizeof(*w->aside));
	w->items = malloc(n * (ROSTER_POINTS_TEXT + 33));
	if (!w->sections || !w->codes || !w->aside || !w->items)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	return roster_scorer_init(&w->sc, &r->plan, err);
}

static void worker_free(worker *w)
{
	ec_csv_close(&w->rd);
	roster_scorer_free(&w->sc);
	free(w->sections);
	free(w->codes);
	free(w->aside);
	free(w->items);
	free(w->flags);
}

static void chunk_free(chunk *ck)
{
	free(ck->buf);
	free(ck->out);
	free(ck->rows);
	free(ck->msgs);
	free(ck->spool);
	free(ck->text);
	free(ck->field_at);
	free(ck->codes);
	free(ck->sections);
	free(ck->aside);
}

/* Hand the header to on_header; false when memory runs out or it says stop. */
static bool announce_header(run *r, char *const *names)
{
	const roster_plan *p = &r->plan;
	ec_roster_header h;
	size_t *items = malloc((p->nwritten ? p->nwritten : 1) * sizeof(*items)), k;
	bool go;

	if (!items)
		return false;
	for (k = 0; k < p->nwritten; k++)
		items[k] = (size_t)p->item[p->written[k]];
	h.names = names;
	h.nnames = p->ncols;
	h.item = p->item;
	h.items = items;
	h.nitems = p->nwritten;
	go = r->o->on_header(r->o->ctx, &h);
	free(items);
	return go;
}

ec_status ec_roster_header_copy(ec_roster_header *dst, const ec_roster_header *src)
{
	char **names = calloc(src->nnames ? src->nnames : 1, sizeof(*names));
	long *item = malloc((src->nnames ? src->nnames : 1) * sizeof(*item));
	size_t *items = malloc((src->nitems ? src->nitems : 1) * sizeof(*items)), c;
	bool ok = names && item && items;

	for (c = 0; ok && c < src->nnames; c++) {
		size_t n = strlen(src->names[c]);

		names[c] = malloc(n + 1);
		ok = names[c] != NULL;
		if (ok)
			memcpy(names[c], src->names[c], n + 1);
	}
	dst->names = names;
	dst->nnames = src->nnames;
	dst->item = item;
	dst->items = items;
	dst->nitems = src->nitems;
	if (!ok) {
		ec_roster_header_free(dst);
		return EC_ERR_NOMEM;
	}
	memcpy(item, src->item, src->nnames * sizeof(*item));
	memcpy(items, src->items, src->nitems * sizeof(*items));
	return EC_OK;
}

void ec_roster_header_free(ec_roster_header *h)
{
	size_t c;

	if (h->names)
		for (c = 0; c < h->nnames; c++)
			free((char *)h->names[c]);
	free((void *)h->names);
	free((void *)h->item);
	free((void *)h->items);
	memset(h, 0, sizeof(*h));
}

/* Does a header field look like an item id ("2.11", "Q3.1")? */
static bool looks_like_id(const char *s)
{
	s += strspn(s, " \t");
	if (*s == 'Q' || *s == 'q')
		s++;
	return *s >= '0' && *s <= '9' && strchr(s, '.') != NULL;
}

/* Warn about data columns whose header looks like an item id: a typo would cost points. */
static void warn_data_columns(run *r, char *const *names, const long *cols, size_t n, long line)
{
	size_t c;

	for (c = 1; c < n; c++) {
		ec_error w;

		if (cols[c] != EC_ROSTER_COLUMN_DATA || !looks_like_id(names[c]))
			continue;
		ec_error_at(&w, EC_ERR_PARSE, r->file, line, (long)c + 1,
			    "column '%.40s' names no item of the key; it is kept as data", names[c]);
		w.status = EC_OK; /* a warning */
		r->warnings++;
		if (r->o->on_report)
			r->o->on_report(r->o->ctx, &w);
	}
}

/*
 * Read the first chunk and its header: the plan, and the chunk's records
 * after the header. EC_ERR_PARSE for an empty input or a bad header.
 */
static ec_status read_header(run *r, ec_error *err)
{
	chunk *ck = &r->slots[0];
	ec_csv_reader rd;
	long *cols = NULL;
	bool nomem = false, more;
	ec_status st;

	if (!fill_chunk(r, ck, &nomem)) {
		if (nomem)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		if (r->io_error)
			return ec_error_at(err, EC_ERR_IO, r->file, 0, 0, "read error");
		return ec_error_at(err, EC_ERR_PARSE, r->file, 0, 0,
				   "file is empty (expected a header 'student,<id>,...')");
	}
	if (ck->has_error) {
		*err = ck->error;
		return err->status;
	}
	if (ck->end >= 3 && memcmp(ck->buf, "\xEF\xBB\xBF", 3) == 0)
		ck->start = 3;
	ec_csv_open_buffer(&rd, r->file, err);
	ec_csv_set_buffer(&rd, ck->buf, ck->start, ck->end, ck->line);
	st = ec_csv_next(&rd, &more, err);
	if (st == EC_OK && !more)
		st = ec_error_at(err, EC_ERR_PARSE, r->file, 0, 0,
				 "file is empty (expected a header 'student,<id>,...')");
	if (st == EC_OK) {
		cols = malloc((rd.nfields ? rd.nfields : 1) * sizeof(*cols));
		if (!cols)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	if (st == EC_OK)
		st = ec_grade_roster_header(r->g, rd.fields, rd.nfields, r->file, rd.record_line,
					    cols, err);
	if (st == EC_OK)
		st = roster_plan_init(&r->plan, r->g, rd.fields, cols, rd.nfields, err);
	if (st == EC_OK)
		warn_data_columns(r, rd.fields, cols, rd.nfields, rd.record_line);
	if (st == EC_OK && r->o->on_header && !announce_header(r, rd.fields))
		st = ec_error_set(err, EC_ERR_INVALID, "stopped");
	if (st == EC_OK) {
		/* the header's fields may have been copied; the rows start where it ended */
		ck->start = rd.in_pos;
		ck->line = rd.line;
	}
	free(cols);
	ec_csv_close(&rd);
	return st;
}

ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err)
{
	static const ec_roster_options none;
	run *r = calloc(1, sizeof(*r));
	emitter em;
	thrd_t helper;
	bool threaded = false;
	unsigned threads;
	ec_status st;
	size_t i;

	memset(summary, 0, sizeof(*summary));
	if (!r)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	r->g = g;
	r->o = opts ? opts : &none;
	r->file = file;
	r->in = in;
	r->line = 1;
	r->keep_rows = r->o->on_row != NULL;
	r->chunk_bytes = r->o->chunk_bytes ? r->o->chunk_bytes : DEFAULT_CHUNK;
	threads = r->o->threads ? r->o->threads : MAX_THREADS;
	memset(&em, 0, sizeof(em));
	em.sum = summary;
	em.err = err;
	em.st = EC_OK;
	st = roster_dups_init(&r->dups, true);
	if (st == EC_OK)
		st = read_header(r, err);
	if (st == EC_OK) {
		r->next_read = 1; /* the header's chunk holds the first rows */
		em.results = calloc(g->count ? g->count : 1, sizeof(*em.results));
		em.fields = calloc(EC_CSV_FIELDS_MAX, sizeof(*em.fields));
		em.lens = calloc(EC_CSV_FIELDS_MAX, sizeof(*em.lens));
		if (!em.results || !em.fields || !em.lens)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < MAX_THREADS && st == EC_OK; i++)
		st = worker_init(r, &r->workers[i], err);
	if (st == EC_OK && r->o->out)
		fwrite(r->plan.header, 1, r->plan.header_len, r->o->out);
	if (st == EC_OK && threads > 1) {
		if (mtx_init(&r->lock, mtx_plain) == thrd_success) {
			if (cnd_init(&r->changed) == thrd_success) {
				threaded = thrd_create(&helper, helper_main, &r->workers[1]) == thrd_success;
				if (!threaded)
					cnd_destroy(&r->changed);
			}
			if (!threaded)
				mtx_destroy(&r->lock);
		}
	}
	if (st == EC_OK) {
		lead(r, &em, threaded);
		st = em.st;
	}
	if (threaded) {
		mtx_lock(&r->lock);
		r->finished = true;
		cnd_broadcast(&r->changed);
		mtx_unlock(&r->lock);
		thrd_join(helper, NULL);
		cnd_destroy(&r->changed);
		mtx_destroy(&r->lock);
	}
	if (st == EC_OK && r->io_error)
		st = ec_error_at(err, EC_ERR_IO, file, 0, 0, "read error");
	for (i = 0; i < SLOTS; i++) {
		chunk_free(&r->slots[i]);
		memset(&r->slots[i], 0, sizeof(r->slots[i]));
	}
	if (st == EC_OK)
		st = roster_dups_resolve(&r->dups, warn_repeat, r, err);
	if (st == EC_OK && r->o->out && (fflush(r->o->out) != 0 || ferror(r->o->out)))
		st = ec_error_set(err, EC_ERR_IO, "write error");
	summary->bytes = r->bytes;
	summary->warnings = r->warnings;
	for (i = 0; i < MAX_THREADS; i++)
		worker_free(&r->workers[i]);
	for (i = 0; i < SLOTS; i++)
		chunk_free(&r->slots[i]);
	roster_plan_free(&r->plan);
	roster_dups_free(&r->dups);
	free(r->carry);
	free(em.results);
	free(em.fields);
	free(em.lens);
	free(r);
	return st;
}
