/*
 * class_queue.c: rows copied into batches for a thread of their own
 * (class_queue.h). A batch is one buffer of records, each a row's
 * fields, results and subtotals laid end to end; the thread rebuilds an
 * ec_roster_row over each record in place, so it never allocates.
 */
#include "class_queue.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

/* One row in a batch: this header, then results, subtotals, field lengths, field pointers
   (filled by the thread), the fields' bytes and the flagged text, each NUL-terminated. */
typedef struct record {
	size_t size;     /* of the whole record, a multiple of 8 */
	size_t grader, nfields, nresults, nsections;
	long line;
	double total;
} record;

_Static_assert(sizeof(record) % 8 == 0, "what follows a record's header is aligned");
_Static_assert(sizeof(ec_grade_result) % 8 == 0, "subtotals after the results are aligned");

typedef struct batch {
	unsigned char *data;
	size_t len, cap, nrows;
	bool ready;      /* handed to the thread, not yet done with */
} batch;

struct class_queue {
	class_row_fn fn;
	void *ctx;
	batch b[CLASS_BATCHES];
	size_t fill;     /* the batch being filled (the caller's) */
	size_t take;     /* the next batch the thread handles */
	bool stop;
	mtx_t lock;
	cnd_t changed;
	thrd_t thread;
};

static size_t round8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* The row a record holds, its field pointers set to its bytes. */
static ec_roster_row record_row(record *r)
{
	unsigned char *p = (unsigned char *)(r + 1);
	ec_grade_result *results = (ec_grade_result *)p;
	double *sections = (double *)(results + r->nresults);
	size_t *lens = (size_t *)(sections + r->nsections);
	char **fields = (char **)(lens + r->nfields);
	char *text = (char *)(fields + r->nfields);
	ec_roster_row row;
	size_t i;

	for (i = 0; i < r->nfields; i++) {
		fields[i] = text;
		text += lens[i] + 1;
	}
	memset(&row, 0, sizeof(row));
	row.fields = fields;
	row.lens = lens;
	row.nfields = r->nfields;
	row.line = r->line;
	row.total = r->total;
	row.sections = sections;
	row.results = results;
	row.flagged = text;
	row.grader = r->grader;
	return row;
}

static void handle_batch(class_queue *q, batch *b)
{
	size_t at = 0, k;

	for (k = 0; k < b->nrows; k++) {
		record *r = (record *)(b->data + at);
		ec_roster_row row = record_row(r);

		q->fn(q->ctx, &row);
		at += r->size;
	}
}

static int run(void *arg)
{
	class_queue *q = arg;

	for (;;) {
		batch *b = &q->b[q->take];

		mtx_lock(&q->lock);
		while (!b->ready && !q->stop)
			cnd_wait(&q->changed, &q->lock);
		if (!b->ready) { /* stopped, and every batch handed over is done */
			mtx_unlock(&q->lock);
			return 0;
		}
		mtx_unlock(&q->lock);
		handle_batch(q, b);
		mtx_lock(&q->lock);
		b->ready = false;
		q->take = (q->take + 1) % CLASS_BATCHES;
		cnd_broadcast(&q->changed);
		mtx_unlock(&q->lock);
	}
}

class_queue *class_queue_start(class_row_fn fn, void *ctx)
{
	class_queue *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->fn = fn;
	q->ctx = ctx;
	if (mtx_init(&q->lock, mtx_plain) != thrd_success) {
		free(q);
		return NULL;
	}
	if (cnd_init(&q->changed) != thrd_success) {
		mtx_destroy(&q->lock);
		free(q);
		return NULL;
	}
	if (thrd_create(&q->thread, run, q) != thrd_success) {
		cnd_destroy(&q->changed);
		mtx_destroy(&q->lock);
		free(q);
		return NULL;
	}
	return q;
}

/* Hand the batch being filled (when it holds rows) to the thread and take the next free one. */
static void hand_over(class_queue *q)
{
	batch *b = &q->b[q->fill];

	if (!b->nrows)
		return;
	mtx_lock(&q->lock);
	b->ready = true;
	q->fill = (q->fill + 1) % CLASS_BATCHES;
	cnd_broadcast(&q->changed);
	while (q->b[q->fill].ready)
		cnd_wait(&q->changed, &q->lock);
	mtx_unlock(&q->lock);
	q->b[q->fill].len = 0;
	q->b[q->fill].nrows = 0;
}

/* Hand everything over and wait until the thread is done with it. */
static void drain(class_queue *q)
{
	size_t k;

	hand_over(q);
	mtx_lock(&q->lock);
	for (k = 0; k < CLASS_BATCHES; k++)
		while (q->b[k].ready)
			cnd_wait(&q->changed, &q->lock);
	mtx_unlock(&q->lock);
}

void class_queue_push(class_queue *q, const ec_roster_row *row, size_t nresults,
		      size_t nsections)
{
	batch *b = &q->b[q->fill];
	size_t need = sizeof(record) + nresults * sizeof(ec_grade_result) + nsections * sizeof(double) +
		      row->nfields * (sizeof(size_t) + sizeof(char *)) + strlen(row->flagged) + 1, i;
	unsigned char *p;
	record *r;

	for (i = 0; i < row->nfields; i++)
		need += row->lens[i] + 1;
	need = round8(need);
	if (b->len + need > b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64 * 1024;
		unsigned char *grown;

		while (cap < b->len + need)
			cap *= 2;
		grown = realloc(b->data, cap);
		if (!grown) { /* no room to copy it: handle it here, the thread idle */
			drain(q);
			q->fn(q->ctx, row);
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	r = (record *)(b->data + b->len);
	r->size = need;
	r->grader = row->grader;
	r->nfields = row->nfields;
	r->nresults = nresults;
	r->nsections = nsections;
	r->line = row->line;
	r->total = row->total;
	p = (unsigned char *)(r + 1);
	memcpy(p, row->results, nresults * sizeof(ec_grade_result));
	p += nresults * sizeof(ec_grade_result);
	memcpy(p, row->sections, nsections * sizeof(double));
	p += nsections * sizeof(double);
	memcpy(p, row->lens, row->nfields * sizeof(size_t));
	p += row->nfields * (sizeof(size_t) + sizeof(char *)); /* the pointers: the thread's */
	for (i = 0; i < row->nfields; i++) {
		memcpy(p, row->fields[i], row->lens[i]);
		p += row->lens[i];
		*p++ = '\0';
	}
	memcpy(p, row->flagged, strlen(row->flagged) + 1);
	b->len += need;
	if (++b->nrows == CLASS_BATCH_ROWS)
		hand_over(q);
}

void class_queue_finish(class_queue *q)
{
	size_t k;

	if (!q)
		return;
	drain(q);
	mtx_lock(&q->lock);
	q->stop = true;
	cnd_broadcast(&q->changed);
	mtx_unlock(&q->lock);
	thrd_join(q->thread, NULL);
	cnd_destroy(&q->changed);
	mtx_destroy(&q->lock);
	for (k = 0; k < CLASS_BATCHES; k++)
		free(q->b[k].data);
	free(q);
}
