/*
 * roster.c: grade a roster in chunks. This thread reads the input in
 * chunks cut at record boundaries (roster_input.c). Chunks are parsed,
 * scored and formatted by whichever thread is free, this one or a helper
 * (roster_rows.c), and handed out (output, callbacks, messages) by this
 * thread strictly in input order. This thread never waits while there is
 * a chunk it could work on itself, so a helper that gets no processor
 * time costs little.
 */
#include "examcheck/ec_roster.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

/* ---- handing chunks out in order (this thread) ---- */

typedef struct emitter {
	ec_roster_summary *sum;
	ec_grade_result *results;   /* the most items of a grader, for on_row */
	size_t blank_for;           /* 1 + the grader whose blanks `results` holds, 0: none */
	char **fields;              /* for on_row */
	size_t *lens;
	uint8_t *codes;             /* for on_row, when the student id is not the first column */
	ec_status st;
	ec_error *err;
} emitter;

/* Pass a warning on (roster_warn_fn). */
static void warn(void *ctx, const ec_error *w)
{
	run *r = ctx;

	r->warnings++;
	if (r->o->on_report)
		r->o->on_report(r->o->ctx, w);
}

/* Warn that a student id stands again on `line` (first on `first`) (roster_dup_fn). */
static void warn_repeat(void *ctx, const char *id, size_t len, long line, long first)
{
	run *r = ctx;
	ec_error w;

	ec_error_at(&w, EC_ERR_PARSE, r->file, line, 0,
		    "student id '%.*s%s' is repeated (first on line %ld); each row is graded",
		    (int)(len > 40 ? 40 : len), id, len > 40 ? "..." : "", first);
	w.status = EC_OK; /* a warning */
	warn(r, &w);
}

/* Hand out ck's rows; false to stop (em->st says why). */
static bool emit_chunk(run *r, emitter *em, chunk *ck)
{
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
	if ((em->st = roster_dups_chunk(&r->dups, ck->spool, ck->spool_len, em->err)) != EC_OK)
		return false;
	for (k = 0; k < ck->nrows; k++) {
		const row_note *n = &ck->rows[k];
		const roster_plan *p = &r->plans[n->key];
		const roster_table *tables = ck->by[n->key].tables;
		const ec_grader *g = r->graders[n->key];
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
		if ((em->st = roster_dups_note(&r->dups, n->spool_at, n->id_hash, em->err)) != EC_OK)
			return false;
		if (!r->keep_rows || n->tallied)
			continue;
		/* items without a column stay blank: set once a grader, as long as its rows follow */
		if (em->blank_for != n->key + 1) {
			for (i = 0; i < g->count; i++)
				em->results[i] = g->items[i].blank;
			em->blank_for = n->key + 1;
		}
		for (c = 0; c < p->ncols; c++) {
			uint8_t code = ck->codes[k * p->ncols + c];
			long item = p->item[c];

			if (item < 0)
				continue;
			if (code == ROSTER_UNCODED)
				em->results[item] = ck->aside[aside++];
			else
				em->results[item] = tables[c].result[code];
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
		/* the sums as ec_grade_sum() gives them: rounded to the rubric's fractions */
		row.total = ec_points_round(n->total);
		for (i = 0; i < g->nsections; i++)
			ck->sections[k * r->max_sections + i] =
				ec_points_round(ck->sections[k * r->max_sections + i]);
		row.sections = ck->sections + k * r->max_sections;
		row.results = em->results;
		row.flagged = ck->text + n->flags_at;
		row.grader = n->key;
		row.graded_with = r->graders[n->key];
		row.codes = ck->codes + k * p->ncols;
		row.coder = ck->coder;
		if (r->id_col != 0) { /* in the order of the fields: the student id's first */
			for (c = 0; c < p->ncols; c++)
				em->codes[c] = row.codes[roster_column_at(r->id_col, c)];
			row.codes = em->codes;
		}
		if (r->o->on_row && !r->o->on_row(r->o->ctx, &row)) {
			em->st = ec_error_set(em->err, EC_ERR_INVALID, "stopped");
			return false;
		}
	}
	return true;
}

/* The students the threads counted, to on_tally. */
static ec_status hand_tally(run *r, ec_error *err)
{
	const roster_tally *ts[MAX_THREADS];
	const roster_scorer *by[MAX_THREADS];
	size_t k;

	for (k = 0; k < MAX_THREADS; k++) {
		ts[k] = &r->workers[k].tally;
		by[k] = r->workers[k].sc && r->workers[k].sc[0].tables ? &r->workers[k].sc[0] : NULL;
	}
	return roster_tally_hand(ts, by, MAX_THREADS, &r->plans[0], 0, r->o->on_tally, r->o->ctx,
				 err);
}

/* ---- the threads ---- */

static chunk *slot(run *r, uint64_t seq)
{
	return &r->slots[seq % r->nslots];
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
		roster_process_chunk(r, w, ck);
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
		if (!r->input_done && r->next_read < r->next_emit + r->nslots) {
			uint64_t seq = r->next_read;

			if (threaded)
				mtx_unlock(&r->lock);
			ck = slot(r, seq);
			ck->done = false;
			if (!roster_fill_chunk(r, ck, &nomem)) {
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
			roster_process_chunk(r, &r->workers[0], ck);
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
	size_t n = r->plans[0].ncols;

	memset(w, 0, sizeof(*w));
	w->r = r;
	ec_csv_open_buffer(&w->rd, r->file, err);
	ec_csv_set_separator(&w->rd, r->sep);
	w->rd.keep_damaged = true; /* a stray quote or a NUL byte costs a cell, not the student */
	w->sections = calloc(r->max_sections ? r->max_sections : 1, sizeof(*w->sections));
	w->codes = calloc(n, sizeof(*w->codes));
	w->aside = calloc(n, sizeof(*w->aside));
	w->items = malloc(n * (ROSTER_POINTS_TEXT + 33));
	w->sc = calloc(r->nkeys, sizeof(*w->sc));
	if (!w->sections || !w->codes || !w->aside || !w->items || !w->sc)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	if (r->tally && !roster_tally_init(&w->tally, &r->plans[0], r->o->tally_bytes))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	/* the other keys' scorers are made when they first grade a row */
	return roster_scorer_init(&w->sc[0], &r->plans[0], err);
}

static void worker_free(worker *w, size_t nkeys)
{
	size_t k;

	ec_csv_close(&w->rd);
	for (k = 0; w->sc && k < nkeys; k++)
		roster_scorer_free(&w->sc[k]);
	free(w->sc);
	free(w->sections);
	free(w->codes);
	free(w->aside);
	free(w->items);
	free(w->flags);
	free(w->pending);
	roster_tally_free(&w->tally);
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

/*
 * Hand the header to on_header, once a key, its student id's column first
 * (as the rows' fields); false when memory runs out or it says stop.
 */
static bool announce_header(run *r, char *const *names)
{
	size_t ncols = r->plans[0].ncols, key, k;
	char **moved = malloc(ncols * sizeof(*moved));
	long *item = malloc(ncols * sizeof(*item));
	bool go = moved && item;

	for (k = 0; go && k < ncols; k++)
		moved[k] = names[roster_column_at(r->id_col, k)];
	for (key = 0; go && key < r->nkeys; key++) {
		const roster_plan *p = &r->plans[key];
		ec_roster_header h;
		size_t *items = malloc((p->nwritten ? p->nwritten : 1) * sizeof(*items));

		if (!items) {
			go = false;
			break;
		}
		for (k = 0; k < ncols; k++)
			item[k] = p->item[roster_column_at(r->id_col, k)];
		for (k = 0; k < p->nwritten; k++)
			items[k] = (size_t)p->item[p->written[k]];
		h.names = moved;
		h.nnames = p->ncols;
		h.item = item;
		h.items = items;
		h.nitems = p->nwritten;
		h.grader = key;
		h.graded_with = r->graders[key];
		h.keyed = r->keyed;
		go = r->o->on_header(r->o->ctx, &h);
		free(items);
	}
	free(moved);
	free(item);
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
	dst->grader = src->grader;
	dst->graded_with = src->graded_with;
	dst->keyed = src->keyed;
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

/* Does every item column of plan p hold an answer read as letters (tf, mc; no marks)? */
static bool letters_only(const roster_plan *p)
{
	size_t c;

	for (c = 0; c < p->ncols; c++) {
		const ec_grade_item *it;

		if (p->item[c] < 0)
			continue;
		it = &p->g->items[p->item[c]];
		if ((it->key.kind != EC_KEY_TF && it->key.kind != EC_KEY_MC) ||
		    it->rule.scheme == EC_SCHEME_MANUAL)
			return false;
	}
	return true;
}

/* Hand the warning `w` (its status made EC_OK) to on_report. */
static void warn_status_ok(run *r, ec_error *w)
{
	w->status = EC_OK;
	warn(r, w);
}

/* Warn about data columns whose header looks like an item id: a typo would cost points. */
static void warn_data_columns(run *r, char *const *names, const long *cols, size_t n, long line)
{
	size_t c;

	for (c = 0; c < n; c++) {
		char like[40];
		ec_error w;

		if (c == r->id_col || cols[c] != EC_ROSTER_COLUMN_DATA ||
		    !roster_header_suspect(r->graders[0], names[c], like, sizeof(like)))
			continue;
		ec_error_at(&w, EC_ERR_PARSE, r->file, line, (long)c + 1,
			    "column '%.40s' names no item of the key%s%s%s; it is kept as data", names[c],
			    like[0] ? " (is it " : "", like, like[0] ? "?)" : "");
		warn_status_ok(r, &w);
	}
}

/*
 * The student id's column: opts->id_column's (EC_ERR_PARSE when no column
 * or two have that name), else the first.
 */
static ec_status find_id_column(run *r, char *const *names, size_t n, long line, ec_error *err)
{
	bool found = false;
	size_t c;

	r->id_col = 0;
	if (!r->o->id_column)
		return EC_OK;
	for (c = 0; c < n; c++) {
		if (!roster_column_is(names[c], r->o->id_column))
			continue;
		if (found)
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, (long)c + 1,
					   "column '%s' (the student id) is also column %zu",
					   r->o->id_column, r->id_col + 1);
		found = true;
		r->id_col = c;
	}
	if (!found)
		return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				   "no column of the header is '%s' (the student id column asked for)",
				   r->o->id_column);
	return EC_OK;
}

/*
 * The lines of the column map: one naming an item no key has is an error
 * at its line; one naming no column of the header, a warning.
 */
static ec_status check_map(run *r, char *const *names, size_t n, ec_error *err)
{
	const ec_column_map *m = r->o->map;
	size_t i, c, k;

	for (i = 0; m && i < m->count; i++) {
		const ec_column_map_entry *e = &m->entries[i];
		bool known = false, used = false;
		ec_error w;

		for (k = 0; k < r->nkeys && !known; k++)
			known = ec_grader_find(r->graders[k], e->id, strlen(e->id)) >= 0;
		if (!known)
			return ec_error_at(err, EC_ERR_PARSE, m->file, e->line, 2,
					   "'%s' is not an item of the key", e->id);
		for (c = 0; c < n && !used; c++)
			used = c != r->id_col && ec_column_map_find(m, names[c]) == (long)i;
		if (used)
			continue;
		ec_error_at(&w, EC_ERR_PARSE, m->file, e->line, 0,
			    "no column of %s is '%.60s'; the line is not used", r->file, e->header);
		warn_status_ok(r, &w);
	}
	return EC_OK;
}

/*
 * The plans of several keys over the header names[0, n) (read on `line`)
 * and the key column; cols[c] tells whether column c is data for every key
 * (EC_ROSTER_COLUMN_DATA) or not. A column that one key maps and another
 * does not is EC_ROSTER_COLUMN_OTHER in the other's plan, so all plans
 * have the same data columns.
 */
static ec_status plan_keys(run *r, char *const *names, size_t n, long line, long *cols,
			   ec_error *err)
{
	long *item = malloc(r->nkeys * n * sizeof(*item));
	bool found = false;
	ec_status st = EC_OK;
	size_t k, c;

	if (!item)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (k = 0; k < r->nkeys && st == EC_OK; k++)
		st = ec_grade_roster_columns(r->graders[k], names, n, r->id_col, r->o->map, r->file,
					     line, item + k * n, err);
	for (c = 0; c < n && st == EC_OK; c++) {
		cols[c] = item[c];
		for (k = 0; k < r->nkeys; k++)
			if (item[k * n + c] >= 0)
				cols[c] = item[k * n + c];
		for (k = 0; k < r->nkeys; k++)
			if (cols[c] >= 0 && item[k * n + c] == EC_ROSTER_COLUMN_DATA)
				item[k * n + c] = EC_ROSTER_COLUMN_OTHER;
		if (c == r->id_col || cols[c] != EC_ROSTER_COLUMN_DATA ||
		    !roster_column_is(names[c], r->o->key_column))
			continue;
		if (found)
			st = ec_error_at(err, EC_ERR_PARSE, r->file, line, (long)c + 1,
					 "column '%s' is also column %zu", r->o->key_column, r->key_col + 1);
		found = true;
		r->key_col = c;
	}
	if (st == EC_OK && !found)
		st = ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				 "no column of the header is '%s' (it names each row's key)",
				 r->o->key_column);
	for (k = 0; k < r->nkeys && st == EC_OK; k++) {
		st = roster_plan_init(&r->plans[k], r->graders[k], names, item + k * n, n, r->id_col,
				      err);
		r->plans[k].in_order = false; /* rows are not all graded alike */
	}
	if (st == EC_OK)
		st = roster_union_init(&r->layout, r->plans, r->nkeys, names, err);
	free(item);
	return st;
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
	bool nomem = false, more, first = true;
	ec_status st;

	for (;;) {
		if (!roster_fill_chunk(r, ck, &nomem)) {
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
		if (first && ck->end >= 3 && memcmp(ck->buf, "\xEF\xBB\xBF", 3) == 0)
			ck->start = 3;
		first = false;
		ec_csv_open_buffer(&rd, r->file, err);
		ec_csv_set_separator(&rd, r->sep);
		ec_csv_set_buffer(&rd, ck->buf, ck->start, ck->end, ck->line);
		st = ec_csv_next(&rd, &more, err);
		if (st != EC_OK || more)
			break;
		ec_csv_close(&rd); /* a chunk of empty lines: the header comes later */
	}
	if (st == EC_OK) {
		cols = malloc((rd.nfields ? rd.nfields : 1) * sizeof(*cols));
		if (!cols)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	if (st == EC_OK)
		st = find_id_column(r, rd.fields, rd.nfields, rd.record_line, err);
	if (st == EC_OK)
		st = check_map(r, rd.fields, rd.nfields, err);
	if (st == EC_OK && r->keyed)
		st = plan_keys(r, rd.fields, rd.nfields, rd.record_line, cols, err);
	if (st == EC_OK && !r->keyed)
		st = ec_grade_roster_columns(r->g, rd.fields, rd.nfields, r->id_col, r->o->map, r->file,
					     rd.record_line, cols, err);
	if (st == EC_OK && !r->keyed)
		st = roster_plan_init(&r->plans[0], r->g, rd.fields, cols, rd.nfields, r->id_col, err);
	if (st == EC_OK)
		r->fieldless = r->o->rows_without_fields ||
			       (r->o->fields_for_text_only && !r->keyed && letters_only(&r->plans[0]));
	/* counted, not handed out: one key, letters only, no fields wanted */
	if (st == EC_OK)
		r->tally = r->o->on_tally && r->o->on_row && r->fieldless && !r->keyed &&
			   letters_only(&r->plans[0]);
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

ec_status roster_grade_run(const ec_grader *g, FILE *in, const char *file,
			   const ec_roster_options *opts, const roster_keys *keys,
			   const char *head, size_t head_len, ec_roster_summary *summary,
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
	r->o = opts ? opts : &none;
	r->g = g;
	r->graders = &r->g;
	r->nkeys = 1;
	r->keyed = keys != NULL;
	r->keys = keys;
	if (r->keyed) {
		r->graders = keys->graders;
		r->nkeys = keys->n;
		if (r->nkeys == 0 || r->nkeys > EC_ROSTER_GRADERS_MAX || !keys->pick ||
		    !r->o->key_column) {
			free(r);
			return ec_error_set(err, EC_ERR_INVALID,
					    "several keys need 1 to %d graders, a key column and pick",
					    EC_ROSTER_GRADERS_MAX);
		}
		r->g = r->graders[0];
	}
	for (i = 0; i < r->nkeys; i++) {
		if (r->graders[i]->nsections > r->max_sections)
			r->max_sections = r->graders[i]->nsections;
		if (r->graders[i]->count > r->max_count)
			r->max_count = r->graders[i]->count;
	}
	r->plans = calloc(r->nkeys, sizeof(*r->plans));
	if (!r->plans) {
		free(r);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	r->head = head;
	r->head_left = head ? head_len : 0;
	r->file = file;
	r->in = in;
	r->line = 1;
	r->keep_rows = r->o->on_row != NULL;
	r->nslots = r->keep_rows ? SLOTS : SLOTS_WRITING;
	r->chunk_bytes = r->o->chunk_bytes ? r->o->chunk_bytes : DEFAULT_CHUNK;
	threads = r->o->threads ? r->o->threads : MAX_THREADS;
	memset(&em, 0, sizeof(em));
	em.sum = summary;
	em.err = err;
	em.st = EC_OK;
	st = roster_dups_init(&r->dups, r->o->tmpdir, file, warn_repeat, warn, r);
	if (st != EC_OK)
		st = ec_error_set(err, st, "out of memory");
	if (st == EC_OK && r->o->delimiter && !ec_csv_separator_ok(r->o->delimiter))
		st = ec_error_set(err, EC_ERR_INVALID, "the separator must be ',', ';' or a tab");
	if (st == EC_OK)
		st = roster_find_separator(r, err);
	if (st == EC_OK)
		st = read_header(r, err);
	if (st == EC_OK) {
		r->next_read = 1; /* the header's chunk holds the first rows */
		em.results = calloc(r->max_count ? r->max_count : 1, sizeof(*em.results));
		em.fields = calloc(EC_CSV_FIELDS_MAX, sizeof(*em.fields));
		em.lens = calloc(EC_CSV_FIELDS_MAX, sizeof(*em.lens));
		em.codes = calloc(EC_CSV_FIELDS_MAX, sizeof(*em.codes));
		if (!em.results || !em.fields || !em.lens || !em.codes)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < MAX_THREADS && st == EC_OK; i++)
		st = worker_init(r, &r->workers[i], err);
	if (st == EC_OK && r->o->out && r->keyed)
		fwrite(r->layout.header, 1, r->layout.header_len, r->o->out);
	else if (st == EC_OK && r->o->out)
		fwrite(r->plans[0].header, 1, r->plans[0].header_len, r->o->out);
	if (st == EC_OK && threads > 1) {
		if (mtx_init(&r->lock, mtx_plain) == thrd_success) {
			if (cnd_init(&r->changed) == thrd_success) {
				sigset_t all, old;

				/* the helper takes no signal: the caller's handlers run in the caller's thread */
				sigfillset(&all);
				pthread_sigmask(SIG_SETMASK, &all, &old);
				threaded = thrd_create(&helper, helper_main, &r->workers[1]) == thrd_success;
				pthread_sigmask(SIG_SETMASK, &old, NULL);
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
		st = roster_dups_finish(&r->dups, err);
	if (st == EC_OK && r->tally)
		st = hand_tally(r, err);
	if (st == EC_OK && r->o->out && (fflush(r->o->out) != 0 || ferror(r->o->out)))
		st = ec_error_set(err, EC_ERR_IO, "write error");
	summary->bytes = r->bytes;
	summary->warnings = r->warnings;
	for (i = 0; i < MAX_THREADS; i++)
		worker_free(&r->workers[i], r->nkeys);
	for (i = 0; i < SLOTS; i++)
		chunk_free(&r->slots[i]);
	for (i = 0; i < r->nkeys; i++)
		roster_plan_free(&r->plans[i]);
	free(r->plans);
	roster_union_free(&r->layout);
	roster_dups_free(&r->dups);
	free(r->carry);
	free(r->peeked);
	free(em.results);
	free(em.fields);
	free(em.lens);
	free(em.codes);
	free(r);
	return st;
}
