/*
 * micro_rows.c: distinct totals numbered in order of first sight
 * (micro_rows.h): open addressing, linear probes, at most half full.
 */
#include "micro_rows.h"

#include <stdlib.h>
#include <string.h>

static size_t home(int64_t key, size_t slots)
{
	return (size_t)(((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 40) & (slots - 1);
}

bool micro_rows_init(micro_rows *m)
{
	m->slots = 256;
	m->used = 0;
	m->keys = malloc(m->slots * sizeof(*m->keys));
	m->row = malloc(m->slots * sizeof(*m->row));
	if (!m->keys || !m->row) {
		micro_rows_free(m);
		return false;
	}
	memset(m->row, 0xFF, m->slots * sizeof(*m->row));
	return true;
}

void micro_rows_free(micro_rows *m)
{
	free(m->keys);
	free(m->row);
	memset(m, 0, sizeof(*m));
}

/* Double the slots; false when memory runs out. */
static bool rehash(micro_rows *m)
{
	size_t n = m->slots * 2, h, k;
	int64_t *keys = malloc(n * sizeof(*keys));
	uint32_t *row = malloc(n * sizeof(*row));

	if (!keys || !row) {
		free(keys);
		free(row);
		return false;
	}
	memset(row, 0xFF, n * sizeof(*row));
	for (h = 0; h < m->slots; h++) {
		if (m->row[h] == UINT32_MAX)
			continue;
		for (k = home(m->keys[h], n); row[k] != UINT32_MAX; k = (k + 1) & (n - 1))
			;
		keys[k] = m->keys[h];
		row[k] = m->row[h];
	}
	free(m->keys);
	free(m->row);
	m->keys = keys;
	m->row = row;
	m->slots = n;
	return true;
}

size_t micro_rows_find(micro_rows *m, int64_t key, size_t max)
{
	size_t h;

	for (h = home(key, m->slots); m->row[h] != UINT32_MAX; h = (h + 1) & (m->slots - 1))
		if (m->keys[h] == key)
			return m->row[h];
	if (m->used >= max || m->used >= UINT32_MAX)
		return SIZE_MAX;
	if (2 * (m->used + 1) > m->slots) {
		if (!rehash(m))
			return SIZE_MAX;
		for (h = home(key, m->slots); m->row[h] != UINT32_MAX; h = (h + 1) & (m->slots - 1))
			;
	}
	m->keys[h] = key;
	m->row[h] = (uint32_t)m->used;
	return m->used++;
}
