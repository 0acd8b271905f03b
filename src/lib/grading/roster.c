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
#include "roster_score.h"

#define DEFAULT_CHUNK (64u * 1024)
#define SLOTS 8
#define MAX_THREADS 2

/* One row of a chunk as the ordered half needs it. */
typedef struct row_note {
	long line;
	size_t name_at, name_len;   /* the student's name in the chunk's buffer */
	double total;
	long err;                   /* index into the chunk's errors, or -1 when graded */
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
	ec_error *errs;
	size_t nerrs, errs_cap;
	/* with callbacks: each row's names, codes, subtotals and uncoded results */
	char *names;
	size_t names_len, names_cap;
	uint8_t *codes;
	size_t codes_cap;
	double *sections;
	size_t sections_cap;
	ec_grade_result *aside;
	size_t naside, aside_cap;
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
	uint64_t bytes;
	bool eof, io_error;
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

static bool note_error(chunk *ck, const ec_error *e, long line)
{
	row_note *n;

	if (!grow((void **)&ck->rows, &ck->rows_cap, ck->nrows + 1, sizeof(*ck->rows)) ||
	    !grow((void **)&ck->errs, &ck->errs_cap, ck->nerrs + 1, sizeof(*ck->errs)))
		return false;
	n = &ck->rows[ck->nrows++];
	n->line = line;
	n->err = (long)ck->nerrs;
	ck->errs[ck->nerrs++] = *e;
	return true;
}

/* Write the student's name as a CSV field at p; returns the new end. */
static char *put_name(char *p, const char *s, size_t n)
{
	size_t i;

	if (!s[strcspn(s, ",\"\r\n")]) {
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

/* Keep what the ordered half needs to rebuild the row's results. */
static bool keep_row(run *r, worker *w, chunk *ck, row_note *n, const char *name)
{
	const roster_plan *p = &r->plan;
	size_t row = ck->nrows - 1, c;

	if (!grow((void **)&ck->names, &ck->names_cap, ck->names_len + n->name_len + 1, 1) ||
	    !grow((void **)&ck->codes, &ck->codes_cap, (row + 1) * p->ncols, 1) ||
	    !grow((void **)&ck->sections, &ck->sections_cap, (row + 1) * r->g->nsections,
		  sizeof(*ck->sections)))
		return false;
	memcpy(ck->names + ck->names_len, name, n->name_len + 1);
	n->name_at = ck->names_len;
	ck->names_len += n->name_len + 1;
	memcpy(ck->codes + row * p->ncols, w->codes, p->ncols);
	memcpy(ck->sections + row * r->g->nsections, w->sections,
	       r->g->nsections * sizeof(*ck->sections));
	for (c = 1; c < p->ncols; c++) {
		if (w->codes[c] != ROSTER_UNCODED)
			continue;
		if (!grow((void **)&ck->aside, &ck->aside_cap, ck->naside + 1, sizeof(*ck->aside)))
			return false;
		ck->aside[ck->naside++] = w->aside[c];
	}
	return true;
}

/* Append the row's output line to ck->out. */
static bool write_row(run *r, worker *w, chunk *ck, const char *name, size_t name_len,
		      double total)
{
	const roster_plan *p = &r->plan;
	const ec_grader *g = r->g;
	roster_scorer *sc = &w->sc;
	size_t k;
	char *o;

	if (!grow((void **)&ck->out, &ck->out_cap,
		  ck->out_len + 2 * name_len + 4 +
			  (ROSTER_POINTS_TEXT + 33) * (g->nsections + 1 + p->nwritten),
		  1))
		return false;
	o = put_name(ck->out + ck->out_len, name, name_len);
	o = roster_put_total(sc, o, total);
	for (k = 0; k < g->nsections; k++)
		o = roster_put_total(sc, o, w->sections[k]);
	for (k = 0; k < p->nwritten; k++) {
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
	*o++ = '\n';
	ck->out_len = (size_t)(o - ck->out);
	return true;
}

/* Score the current record of w->rd into ck: false when memory runs out. */
static bool process_row(run *r, worker *w, chunk *ck)
{
	const roster_plan *p = &r->plan;
	const ec_grader *g = r->g;
	ec_csv_reader *rd = &w->rd;
	double total = 0;
	size_t c, k;
	row_note *n;
	ec_error e;

	if (rd->nfields != p->ncols) {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0,
			    "row has %zu fields, the header %zu", rd->nfields, p->ncols);
		return note_error(ck, &e, rd->record_line);
	}
	if ((rd->lens[0] == 0 || rd->fields[0][0] == ' ' || rd->fields[0][0] == '\t') &&
	    rd->fields[0][strspn(rd->fields[0], " \t")] == '\0') {
		ec_error_at(&e, EC_ERR_PARSE, r->file, rd->record_line, 0, "student name is empty");
		return note_error(ck, &e, rd->record_line);
	}
	for (c = 1; c < p->ncols; c++) {
		ec_status st;

		if (roster_find(&w->sc.tables[c], rd->fields[c], rd->lens[c], &w->codes[c]))
			continue;
		e.msg[0] = '\0';
		st = roster_code(&w->sc, c, rd->fields[c], rd->lens[c], &w->codes[c], &w->aside[c], &e);
		if (st != EC_OK) {
			ec_error sub = e;

			ec_error_at(&e, st, r->file, rd->record_line, 0, "column %zu ('%s'): %s", c + 1,
				    g->items[p->item[c]].key.id, sub.msg);
			return note_error(ck, &e, rd->record_line);
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
	if (!grow((void **)&ck->rows, &ck->rows_cap, ck->nrows + 1, sizeof(*ck->rows)))
		return false;
	n = &ck->rows[ck->nrows++];
	n->line = rd->record_line;
	n->name_len = rd->lens[0];
	n->total = total;
	n->err = -1;
	if (r->keep_rows && !keep_row(r, w, ck, n, rd->fields[0]))
		return false;
	return !r->o->out || write_row(r, w, ck, rd->fields[0], rd->lens[0], total);
}

/* Parse, score and format all of ck's records with w's tools. */
static void process_chunk(run *r, worker *w, chunk *ck)
{
	bool more;

	ck->out_len = 0;
	ck->nrows = 0;
	ck->nerrs = 0;
	ck->naside = 0;
	ck->names_len = 0;
	ck->fatal = EC_OK;
	ck->by = &w->sc;
	if (ck->has_error) {
		if (!note_error(ck, &ck->error, ck->error.line))
			ck->fatal = EC_ERR_NOMEM;
		return;
	}
	ec_csv_set_buffer(&w->rd, ck->buf, ck->start, ck->end, ck->line);
	for (;;) {
		ec_error e; /* set by ec_csv_next() when it fails */
		ec_status st;

		st = ec_csv_next(&w->rd, &more, &e);
		if (st == EC_OK && !more)
			return;
		if (st == EC_ERR_NOMEM || (st == EC_OK ? !process_row(r, w, ck)
						       : !note_error(ck, &e, e.line))) {
			ck->fatal = EC_ERR_NOMEM;
			return;
		}
	}
}

/* ---- handing chunks out in order (this thread) ---- */

typedef struct emitter {
	ec_roster_summary *sum;
	ec_grade_result *results;   /* g->count, for on_row */
	ec_status st;
	ec_error *err;
} emitter;

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
	for (k = 0; k < ck->nrows; k++) {
		const row_note *n = &ck->rows[k];
		ec_roster_row row;
		size_t c, i;

		if (n->err >= 0) {
			em->sum->bad++;
			if (r->o->on_bad)
				r->o->on_bad(r->o->ctx, &ck->errs[n->err]);
			continue;
		}
		em->sum->graded++;
		if (!r->keep_rows)
			continue;
		for (i = 0; i < g->count; i++)
			em->results[i] = g->items[i].blank;
		for (c = 1; c < p->ncols; c++) {
			uint8_t code = ck->codes[k * p->ncols + c];
			size_t item = (size_t)p->item[c];

			if (code == ROSTER_UNCODED)
				em->results[item] = ck->aside[aside++];
			else
				em->results[item] = ck->by->tables[c].result[code];
			if (g->items[item].rule.scheme == EC_SCHEME_MANUAL)
				em->results[item].verdict = EC_VERDICT_MANUAL;
		}
		row.student = ck->names + n->name_at;
		row.student_len = n->name_len;
		row.line = n->line;
		row.total = n->total;
		row.sections = ck->sections + k * g->nsections;
		row.results = em->results;
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
	if (!w->sections || !w->codes || !w->aside)
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
}

static void chunk_free(chunk *ck)
{
	free(ck->buf);
	free(ck->out);
	free(ck->rows);
	free(ck->errs);
	free(ck->names);
	free(ck->codes);
	free(ck->sections);
	free(ck->aside);
}

static void write_header(FILE *f, const run *r)
{
	const ec_grader *g = r->g;
	size_t i;

	fputs("student,total", f);
	for (i = 0; i < g->nsections; i++)
		fprintf(f, ",section.%s", g->sections[i]);
	for (i = 0; i < r->plan.nwritten; i++) {
		const char *id = g->items[r->plan.item[r->plan.written[i]]].key.id;

		putc(',', f);
		if (id[strcspn(id, ",\"\r\n")])
			fprintf(f, "\"%s\"", id); /* ids hold no quotes */
		else
			fputs(id, f);
	}
	putc('\n', f);
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
		st = roster_plan_init(&r->plan, r->g, cols, rd.nfields, err);
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
	st = read_header(r, err);
	if (st == EC_OK) {
		r->next_read = 1; /* the header's chunk holds the first rows */
		em.results = calloc(g->count ? g->count : 1, sizeof(*em.results));
		if (!em.results)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < MAX_THREADS && st == EC_OK; i++)
		st = worker_init(r, &r->workers[i], err);
	if (st == EC_OK && r->o->out)
		write_header(r->o->out, r);
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
	if (st == EC_OK && r->o->out && (fflush(r->o->out) != 0 || ferror(r->o->out)))
		st = ec_error_set(err, EC_ERR_IO, "write error");
	summary->bytes = r->bytes;
	for (i = 0; i < MAX_THREADS; i++)
		worker_free(&r->workers[i]);
	for (i = 0; i < SLOTS; i++)
		chunk_free(&r->slots[i]);
	roster_plan_free(&r->plan);
	free(r->carry);
	free(em.results);
	free(r);
	return st;
}
