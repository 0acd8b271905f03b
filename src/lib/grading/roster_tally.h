/*
 * roster_tally.h: students counted instead of handed to on_row
 * (ec_roster_options.on_tally). Each thread counts the rows it reads in a
 * tally of its own, by its own answer codes: per distinct total a row of
 * counters, a stride an item (as many as the item's codes yet: a column
 * reads a few spellings); per section its distinct subtotals.
 * Once the roster is read, roster_tally_hand() puts the threads' counts
 * together in an order of their own (totals and answers sorted), so that
 * what on_tally gets does not depend on which thread read which row.
 */
#ifndef EC_ROSTER_TALLY_H
#define EC_ROSTER_TALLY_H

#include "examcheck/ec_roster.h"
#include "micro_rows.h"
#include "roster_score.h"

/* Memory one thread's counters may take; a row whose total would need more is handed out. */
#define ROSTER_TALLY_BYTES (4u << 20)
/* An item's counters a row to start with. */
#define ROSTER_TALLY_STRIDE 4
/* Distinct subtotals counted per section (slots: twice as many). */
#define ROSTER_TALLY_VALUES 1024

typedef struct roster_tally {
	size_t nitems;          /* the items with a column, in key order */
	size_t *column;         /* per item: its column */
	size_t *stride;         /* per item: its counters in a row (codes below it counted) */
	size_t *off;            /* per item: where they start */
	size_t width;           /* counters a row: the strides' sum */
	size_t bytes;           /* memory the counters may take */
	size_t max_rows;        /* rows that allows at the current width */
	micro_rows rows;        /* the distinct totals, a row each (rows.used of them) */
	size_t cap;             /* rows allocated */
	double *totals;         /* per row */
	uint64_t *students;
	uint32_t *counts;       /* used rows of `width` counters */
	size_t nsections;
	int64_t *sec_keys;      /* per section 2 * ROSTER_TALLY_VALUES slots */
	double *sec_values;
	uint64_t *sec_students; /* 0: a free slot */
	size_t *sec_used;
	size_t *sec_at;         /* per section: the current row's slot */
} roster_tally;

/*
 * Prepare to count the rows of plan p (letters only, one key), the
 * counters in at most `bytes` (0: ROSTER_TALLY_BYTES). false when memory
 * runs out.
 */
bool roster_tally_init(roster_tally *t, const roster_plan *p, size_t bytes);
void roster_tally_free(roster_tally *t);

/*
 * Count a row: its codes per column (every item's coded), its total and
 * subtotals as summed (rounded here as the rows handed out are). false
 * when it cannot be counted (no room left, or memory ran out): hand it
 * out instead.
 */
bool roster_tally_add(roster_tally *t, const uint8_t *codes, double total, const double *sections);

/*
 * Put the threads' tallies (n of them, each with the scorer whose codes it
 * counted; a NULL scorer counted nothing) together and hand them to fn
 * as key `grader` of grader g. EC_ERR_NOMEM.
 */
ec_status roster_tally_hand(const roster_tally *const *tallies, const roster_scorer *const *by,
			    size_t n, const roster_plan *p, size_t grader, ec_roster_tally_fn fn,
			    void *ctx, ec_error *err);

#endif
