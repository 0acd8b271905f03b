/*
 * class_queue.h: roster rows copied into batches and handed, in order, to
 * a thread of their own (private to the library). The roster engine calls
 * on_row from the thread that writes the graded output; what a class
 * gathers from each row (statistics, answer groups, histograms) then runs
 * beside it instead of after it. See bench/README.md for what it buys.
 */
#ifndef EC_CLASS_QUEUE_H
#define EC_CLASS_QUEUE_H

#include "examcheck/ec_roster.h"

/* Rows a batch holds; batches in flight (the memory: a few rows' copies each). */
#define CLASS_BATCH_ROWS 256
#define CLASS_BATCHES 4

/* What the thread does with each row, in the order the rows were pushed. */
typedef void (*class_row_fn)(void *ctx, const ec_roster_row *row);

typedef struct class_queue class_queue;

/*
 * Start the thread. Returns NULL when it cannot be started (or memory runs
 * out): the caller then handles its rows itself.
 */
class_queue *class_queue_start(class_row_fn fn, void *ctx);

/*
 * Copy `row` (its fields, `nresults` results and `nsections` subtotals) for
 * the thread. Should memory for the copy run out, the row is handled in
 * this thread once the queue is empty: no row is lost, none reordered.
 */
void class_queue_push(class_queue *q, const ec_roster_row *row, size_t nresults,
		      size_t nsections);

/* Handle every row pushed, stop the thread and free the queue (NULL is fine). */
void class_queue_finish(class_queue *q);

#endif
