/*
 * roster_dups_find.c: after the run, the repeats in the partitions of
 * roster_dups.c: (repeat, first) pairs found a slice of a partition at a
 * time, merged into line order, each checked against the ids' text.
 */
#include "roster_dups.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Pairs kept in memory before they go to a file. */
#define PAIRS_BUF 4096u
/* Pairs read ahead per run while merging. */
#define CURSOR_PAIRS 16u

typedef struct pair {
	uint64_t at, first; /* where the repeat and the id's first record stand in the spool */
} pair;

/*
 * Every pair found, in runs each sorted by `at`: the first on_file in a
 * file, the rest in buf (PAIRS_BUF of them, more once no file can take
 * them).
 */
typedef struct pairs {
	int fd;
	bool no_file;
	uint64_t on_file;
	pair *buf;
	size_t len, cap;
	uint64_t *starts;   /* where each run starts */
	size_t nruns, runs_cap;
} pairs;

static ec_status pairs_add(const roster_dups *d, pairs *s, uint64_t at, uint64_t first, ec_error *err)
{
	if (s->len == s->cap && s->cap >= PAIRS_BUF && !s->no_file) {
		size_t done;

		if (s->fd < 0)
			s->fd = roster_dups_temporary(d);
		if (s->fd >= 0 && roster_dups_write(s->fd, (const char *)s->buf, s->len * sizeof(pair), &done) == 0) {
			s->on_file += s->len;
			s->len = 0;
		} else {
			s->no_file = true; /* the rest stays in memory; what reached the file is good */
		}
	}
	if (s->len == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : PAIRS_BUF;
		pair *grown = realloc(s->buf, cap * sizeof(*grown));

		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		s->buf = grown;
		s->cap = cap;
	}
	s->buf[s->len].at = at;
	s->buf[s->len].first = first;
	s->len++;
	return EC_OK;
}

/* Note that a run starts at pair `start`. */
static ec_status pairs_run(pairs *s, uint64_t start, ec_error *err)
{
	if (s->nruns == s->runs_cap) {
		size_t cap = s->runs_cap ? 2 * s->runs_cap : 64;
		uint64_t *grown = realloc(s->starts, cap * sizeof(*grown));

		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		s->starts = grown;
		s->runs_cap = cap;
	}
	s->starts[s->nruns++] = start;
	return EC_OK;
}

/* Pairs [i, i + n) into out. Returns 0 or an errno value. */
static int pairs_get(const pairs *s, uint64_t i, size_t n, pair *out)
{
	size_t k = 0;
	int e;

	if (i < s->on_file) {
		k = s->on_file - i < n ? (size_t)(s->on_file - i) : n;
		if ((e = roster_dups_read(s->fd, (char *)out, k * sizeof(pair), i * sizeof(pair))) != 0)
			return e;
	}
	if (k < n)
		memcpy(out + k, s->buf + (i + k - s->on_file), (n - k) * sizeof(pair));
	return 0;
}

/*
 * A hash table of one slice of a partition, 8 bytes a slot so that a
 * slice of 49152 records fits 512 KiB: 32 bits of a hash and the record's
 * place in its partition (plus 1; 0: empty). When the bits match, the
 * record there is read back to compare whole hashes.
 */
typedef struct slot {
	uint32_t frag, place;
} slot;

typedef struct table {
	slot *slot;
	size_t cap, used;
} table;

/* The 32 bits of a hash kept in its slot (neither the partition's nor those that pick the slot). */
static uint32_t frag_of(uint64_t h)
{
	return (uint32_t)(h >> 20);
}

static bool table_size(table *t, size_t cap)
{
	if (cap > t->cap) {
		slot *grown = realloc(t->slot, cap * sizeof(*grown));

		if (!grown)
			return false;
		t->slot = grown;
	}
	t->cap = cap;
	t->used = 0;
	memset(t->slot, 0, cap * sizeof(*t->slot));
	return true;
}

/*
 * Double a table that its slice filled past 3/4 (an unlucky slice; rare).
 * The hashes are not at hand: the slots keep their order of probing,
 * which a slot's home is: its position in the new table is found from
 * the record's hash, `home` (read back).
 */
static bool table_grow(table *t, const uint64_t *home)
{
	slot *old = t->slot, *grown;
	size_t cap = t->cap, i;

	grown = calloc(2 * cap, sizeof(*grown));
	if (!grown)
		return false;
	t->slot = grown;
	t->cap = 2 * cap;
	for (i = 0; i < cap; i++) {
		size_t at;

		if (!old[i].place)
			continue;
		for (at = (size_t)home[i] & (t->cap - 1); grown[at].place; at = (at + 1) & (t->cap - 1))
			;
		grown[at] = old[i];
	}
	free(old);
	return true;
}

/* Which of `slices` slices of its partition a hash is in (bits below the partition's). */
static size_t slice_of(uint64_t h, size_t slices)
{
	return (size_t)((((h << ROSTER_PARTS_BITS) >> 32) * slices) >> 32);
}

/* Partition p as it is read back: where its blocks are. */
typedef struct reading {
	size_t p;
	size_t *blocks;     /* its blocks' numbers, in order */
	size_t nblocks;
} reading;

/* Partition record `place` (0-based) of the partition being read into *out. Returns 0 or an errno value. */
static int record_at(const roster_dups *d, const reading *rd, uint64_t place, roster_part_rec *out)
{
	uint64_t k = place / ROSTER_PART_RECORDS;
	size_t in = (size_t)(place % ROSTER_PART_RECORDS), b, on_file = d->blocks - d->staged;

	if (k >= rd->nblocks) {
		*out = d->bufs[rd->p * ROSTER_PART_RECORDS + (size_t)(place - (uint64_t)rd->nblocks * ROSTER_PART_RECORDS)];
		return 0;
	}
	b = rd->blocks[k];
	if (b >= on_file) {
		*out = d->stage[(b - on_file) * ROSTER_PART_RECORDS + in];
		return 0;
	}
	return roster_dups_read(d->part_fd, (char *)out, sizeof(*out), (uint64_t)b * ROSTER_BLOCK + in * sizeof(*out));
}

/*
 * Look at records r[0, n), the first of them record `place` of its
 * partition, those of slice `slice`: a hash met before gives a pair.
 */
static ec_status look(const roster_dups *d, const reading *rd, table *t, pairs *s, const roster_part_rec *r,
		      size_t n, uint64_t place, size_t slice, size_t slices, ec_error *err)
{
	size_t i, mask = t->cap - 1;
	ec_status st;

	for (i = 0; i < n; i++) {
		uint64_t h = r[i].hash;
		uint32_t frag = frag_of(h);
		size_t at;
		bool seen = false;
		roster_part_rec first;
		int e;

		if (slices > 1 && slice_of(h, slices) != slice)
			continue;
		for (at = (size_t)h & mask; t->slot[at].place; at = (at + 1) & mask) {
			if (t->slot[at].frag != frag)
				continue;
			if ((e = record_at(d, rd, t->slot[at].place - 1, &first)) != 0)
				return roster_dups_read_failed(d, err, e);
			if ((seen = first.hash == h))
				break;
		}
		if (seen) {
			if ((st = pairs_add(d, s, r[i].at, first.at, err)) != EC_OK)
				return st;
			continue;
		}
		t->slot[at].frag = frag;
		t->slot[at].place = (uint32_t)(place + i + 1);
		if (4 * ++t->used > 3 * t->cap) {
			uint64_t *home = malloc(t->cap * sizeof(*home));
			size_t k;

			for (k = 0; home && k < t->cap; k++) {
				home[k] = 0;
				if (t->slot[k].place && (e = record_at(d, rd, t->slot[k].place - 1, &first)) != 0) {
					free(home);
					return roster_dups_read_failed(d, err, e);
				}
				if (t->slot[k].place)
					home[k] = first.hash;
			}
			if (!home || !table_grow(t, home)) {
				free(home);
				return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
			}
			free(home);
			mask = t->cap - 1;
		}
	}
	return EC_OK;
}

/* Find the pairs of partition p, a run per slice; block: room for a block. */
static ec_status partition_pairs(const roster_dups *d, size_t p, table *t, roster_part_rec *block,
				 pairs *s, ec_error *err)
{
	const roster_part *part = &d->parts[p];
	uint64_t n = part->in_blocks + part->used;
	size_t slices, per, cap, j, b, k, on_file = d->blocks - d->staged;
	reading rd;
	ec_status st = EC_OK;

	if (n < 2)
		return EC_OK;
	if (n >= UINT32_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW, "too many students to look for repeated ids");
	rd.p = p;
	rd.nblocks = (size_t)(part->in_blocks / ROSTER_PART_RECORDS);
	rd.blocks = malloc((rd.nblocks ? rd.nblocks : 1) * sizeof(*rd.blocks));
	if (!rd.blocks)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (b = k = 0; b < d->blocks; b++)
		if (d->owner[b] == p)
			rd.blocks[k++] = b;
	/* several slices differ in size by chance: each is given 1/16 of room to spare */
	slices = n <= d->slice_max ? 1 : (size_t)((16 * n + 15 * d->slice_max - 1) / (15 * d->slice_max));
	per = (size_t)((n + slices - 1) / slices);
	for (cap = 64; 3 * cap < 4 * per; cap *= 2)
		;
	for (j = 0; j < slices && st == EC_OK; j++) {
		uint64_t run_at = s->on_file + s->len;

		if (!table_size(t, cap)) {
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
			break;
		}
		for (k = 0; k < rd.nblocks && st == EC_OK; k++) {
			const roster_part_rec *r = block;
			int e;

			b = rd.blocks[k];
			if (b >= on_file)
				r = d->stage + (b - on_file) * ROSTER_PART_RECORDS;
			else if ((e = roster_dups_read(d->part_fd, (char *)block, ROSTER_BLOCK, (uint64_t)b * ROSTER_BLOCK)) != 0)
				st = roster_dups_read_failed(d, err, e);
			if (st == EC_OK)
				st = look(d, &rd, t, s, r, ROSTER_PART_RECORDS, (uint64_t)k * ROSTER_PART_RECORDS, j,
					  slices, err);
		}
		if (st == EC_OK)
			st = look(d, &rd, t, s, d->bufs + p * ROSTER_PART_RECORDS, part->used, part->in_blocks,
				  j, slices, err);
		if (st == EC_OK && s->on_file + s->len > run_at)
			st = pairs_run(s, run_at, err);
	}
	free(rd.blocks);
	return st;
}

/* An id's record read back from the spool: its line and text. */
typedef struct fetched {
	long line;
	char *text;
	size_t len, cap;
} fetched;

/* Read the record at `at` of the spool into f. Returns 0 or an errno value (ENOMEM). */
static int fetch(const roster_dups *d, uint64_t at, fetched *f)
{
	char head[ROSTER_SPOOL_HEAD];
	long long line;
	uint32_t len;
	int e;

	if (at >= d->text_on_file) {
		const char *r = d->text + (at - d->text_on_file);

		memcpy(head, r, sizeof(head));
	} else if ((e = roster_dups_read(d->text_fd, head, sizeof(head), at)) != 0) {
		return e;
	}
	memcpy(&line, head, sizeof(line));
	memcpy(&len, head + sizeof(line), sizeof(len));
	if (len + (size_t)1 > f->cap) {
		char *grown = realloc(f->text, len + (size_t)1);

		if (!grown)
			return ENOMEM;
		f->text = grown;
		f->cap = len + (size_t)1;
	}
	at += ROSTER_SPOOL_HEAD;
	if (at >= d->text_on_file)
		memcpy(f->text, d->text + (at - d->text_on_file), len);
	else if ((e = roster_dups_read(d->text_fd, f->text, len, at)) != 0)
		return e;
	f->text[len] = '\0';
	f->len = len;
	f->line = (long)line;
	return 0;
}

/* The id without the blanks around it (the hash ignores them). */
static const char *trimmed(const char *s, size_t len, size_t *n)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	*n = len;
	return s;
}

/* Read both ids of a pair; report a repeat when they are the same. */
static ec_status report_pair(const roster_dups *d, const pair *pr, fetched *a, fetched *b, ec_error *err)
{
	const char *x, *y;
	size_t nx, ny;
	int e;

	if ((e = fetch(d, pr->at, a)) != 0 || (e = fetch(d, pr->first, b)) != 0)
		return e == ENOMEM ? ec_error_set(err, EC_ERR_NOMEM, "out of memory")
				   : roster_dups_read_failed(d, err, e);
	x = trimmed(a->text, a->len, &nx);
	y = trimmed(b->text, b->len, &ny);
	if (nx == ny && memcmp(x, y, nx) == 0)
		d->on_repeat(d->ctx, a->text, a->len, a->line, b->line);
	return EC_OK;
}

/* A run being merged: its next pairs, read ahead. */
typedef struct cursor {
	uint64_t next, end;
	pair ahead[CURSOR_PAIRS];
	size_t pos, have;
} cursor;

/* Move c to its next pair; false at its end. Returns 0 or an errno value in *e. */
static bool cursor_step(const pairs *s, cursor *c, int *e)
{
	if (++c->pos < c->have)
		return true;
	if (c->next == c->end)
		return false;
	c->have = c->end - c->next < CURSOR_PAIRS ? (size_t)(c->end - c->next) : CURSOR_PAIRS;
	c->pos = 0;
	*e = pairs_get(s, c->next, c->have, c->ahead);
	c->next += c->have;
	return *e == 0;
}

static uint64_t cursor_at(const cursor *c)
{
	return c->ahead[c->pos].at;
}

/* Restore the heap order of cursors h[0, n) below i (smallest `at` at the top). */
static void sift_down(cursor **h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		cursor *tmp;

		if (l < n && cursor_at(h[l]) < cursor_at(h[m]))
			m = l;
		if (l + 1 < n && cursor_at(h[l + 1]) < cursor_at(h[m]))
			m = l + 1;
		if (m == i)
			return;
		tmp = h[i];
		h[i] = h[m];
		h[m] = tmp;
		i = m;
	}
}

/* Merge the runs into line order, reporting each repeat. */
static ec_status merge(const roster_dups *d, const pairs *s, ec_error *err)
{
	uint64_t total = s->on_file + s->len;
	cursor *cs = calloc(s->nruns ? s->nruns : 1, sizeof(*cs));
	cursor **heap = calloc(s->nruns ? s->nruns : 1, sizeof(*heap));
	fetched a = {0, NULL, 0, 0}, b = {0, NULL, 0, 0};
	ec_status st = EC_OK;
	size_t n = 0, i;
	int e = 0;

	if (!cs || !heap) {
		free(cs);
		free(heap);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < s->nruns && e == 0; i++) {
		cursor *c = &cs[i];

		c->next = s->starts[i];
		c->end = i + 1 < s->nruns ? s->starts[i + 1] : total;
		c->have = 0;
		c->pos = 0; /* past the `have` pairs read ahead: cursor_step() reads the first */
		if (cursor_step(s, c, &e))
			heap[n++] = c;
	}
	for (i = n / 2; i-- > 0;)
		sift_down(heap, n, i);
	while (n > 0 && e == 0 && st == EC_OK) {
		cursor *c = heap[0];

		st = report_pair(d, &c->ahead[c->pos], &a, &b, err);
		if (!cursor_step(s, c, &e))
			heap[0] = heap[--n];
		sift_down(heap, n, 0);
	}
	if (st == EC_OK && e != 0)
		st = roster_dups_read_failed(d, err, e);
	free(a.text);
	free(b.text);
	free(cs);
	free(heap);
	return st;
}

ec_status roster_dups_finish(roster_dups *d, ec_error *err)
{
	pairs s;
	table t = {NULL, 0, 0};
	roster_part_rec *block;
	ec_status st = EC_OK;
	size_t p;

	if (d->memory)
		return EC_OK;
	memset(&s, 0, sizeof(s));
	s.fd = -1;
	block = malloc(ROSTER_BLOCK);
	if (!block)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (p = 0; p < ROSTER_PARTS && st == EC_OK; p++)
		st = partition_pairs(d, p, &t, block, &s, err);
	free(block);
	free(t.slot);
	if (st == EC_OK && s.nruns)
		st = merge(d, &s, err);
	if (s.fd >= 0)
		close(s.fd);
	free(s.buf);
	free(s.starts);
	return st;
}
