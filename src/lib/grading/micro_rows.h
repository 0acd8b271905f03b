/*
 * micro_rows.h: totals keyed in millionths, as the class counts its
 * distinct totals, and a hash table that numbers the distinct keys it is
 * given 0, 1, 2, ... in order of first sight (the rows of a caller's
 * counters). Shared by the class (class.c, stats.c) and the roster's
 * tally (roster_tally.c).
 */
#ifndef EC_MICRO_ROWS_H
#define EC_MICRO_ROWS_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Totals are kept in millionths as int64_t: at most this many in absolute value. */
#define MICRO_MAX 9e18

/* A total in millionths; out of range ones (and NaN) at the ends. */
static inline int64_t micro_key(double total)
{
	double m = total * 1e6;

	if (!(fabs(m) < MICRO_MAX))
		m = m < 0 ? -MICRO_MAX : MICRO_MAX;
	return llround(m);
}

typedef struct micro_rows {
	int64_t *keys;
	uint32_t *row;  /* per slot: its key's row, UINT32_MAX free */
	size_t slots;
	size_t used;    /* rows handed out */
} micro_rows;

/* An empty table; false when memory runs out. */
bool micro_rows_init(micro_rows *m);
void micro_rows_free(micro_rows *m);

/*
 * The row of `key`: its own when seen before, else the next (m->used,
 * then counted) while fewer than `max` are used. SIZE_MAX for a new key
 * past `max`, or when memory runs out (the table unchanged). The caller
 * has room for row m->used before it asks.
 */
size_t micro_rows_find(micro_rows *m, int64_t key, size_t max);

#endif
