#include "roster_dups.h"

#include <stdlib.h>
#include <string.h>

uint64_t roster_id_hash(const char *id, size_t len)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;

	while (len > 0 && (id[len - 1] == ' ' || id[len - 1] == '\t'))
		len--;
	while (len > 0 && (*id == ' ' || *id == '\t')) {
		id++;
		len--;
	}
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)id[i];
		h *= UINT64_C(0x100000001b3);
	}
	/* a finaliser, so that the probes' bits are independent */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h ? h : 1;
}

ec_status roster_dups_init(roster_dups *d, bool spool)
{
	memset(d, 0, sizeof(*d));
	d->spool = spool ? tmpfile() : NULL;
	if (d->spool) {
		d->bits = calloc(ROSTER_BLOOM_BITS / 64, sizeof(*d->bits));
		if (!d->bits) {
			fclose(d->spool);
			d->spool = NULL;
		}
	}
	return EC_OK;
}

void roster_dups_free(roster_dups *d)
{
	if (d->spool)
		fclose(d->spool);
	free(d->bits);
	free(d->cands);
	free(d->hashes);
	free(d->lines);
	memset(d, 0, sizeof(*d));
}

/* The slot of h (open addressing; the table is never full). */
static size_t slot_of(const roster_dups *d, uint64_t h)
{
	size_t mask = d->cap - 1, at = (size_t)(h >> 17) & mask;

	while (d->hashes[at] && d->hashes[at] != h)
		at = (at + 1) & mask;
	return at;
}

/* Make room for one more hash, keeping the table at most half full. */
static bool reserve(roster_dups *d)
{
	uint64_t *old = d->hashes;
	long *old_lines = d->lines;
	size_t old_cap = d->cap, i;

	if (2 * (d->used + 1) <= d->cap)
		return true;
	d->cap = old_cap ? 2 * old_cap : 1024;
	d->hashes = calloc(d->cap, sizeof(*d->hashes));
	d->lines = d->spool ? NULL : calloc(d->cap, sizeof(*d->lines));
	if (!d->hashes || (!d->spool && !d->lines)) {
		free(d->hashes);
		free(d->lines);
		d->hashes = old;
		d->lines = old_lines;
		d->cap = old_cap;
		return false;
	}
	for (i = 0; i < old_cap; i++) {
		size_t at;

		if (!old[i])
			continue;
		at = slot_of(d, old[i]);
		d->hashes[at] = old[i];
		if (d->lines)
			d->lines[at] = old_lines[i];
	}
	free(old);
	free(old_lines);
	return true;
}

/* Insert h when it is not there; its slot in *at. */
static bool insert(roster_dups *d, uint64_t h, size_t *at, bool *fresh)
{
	if (!reserve(d))
		return false;
	*at = slot_of(d, h);
	*fresh = d->hashes[*at] == 0;
	if (*fresh) {
		d->hashes[*at] = h;
		d->used++;
	}
	return true;
}

/* Set h's bits in the filter; true when they were all set already. */
static bool bloom_seen(roster_dups *d, uint64_t h)
{
	bool all = true;
	int k;

	for (k = 0; k < ROSTER_BLOOM_PROBES; k++) {
		/* double hashing: probe k at h1 + k h2 */
		uint64_t bit = ((h & 0xffffffffu) + (uint64_t)k * ((h >> 32) | 1)) % ROSTER_BLOOM_BITS;
		uint64_t mask = UINT64_C(1) << (bit % 64);

		if (!(d->bits[bit / 64] & mask)) {
			all = false;
			d->bits[bit / 64] |= mask;
		}
	}
	return all;
}

ec_status roster_dups_add(roster_dups *d, uint64_t h, const char *id, size_t len, long line,
			  long *first)
{
	size_t at;
	bool fresh;

	(void)id;
	(void)len;
	*first = 0;
	if (!d->spool) {
		if (!insert(d, h, &at, &fresh))
			return EC_ERR_NOMEM;
		if (fresh)
			d->lines[at] = line;
		else
			*first = d->lines[at];
		return EC_OK;
	}
	if (!bloom_seen(d, h))
		return EC_OK;
	if (d->ncands == d->cands_cap) {
		size_t n = d->cands_cap ? 2 * d->cands_cap : 256;
		uint64_t *grown = realloc(d->cands, n * sizeof(*grown));

		if (!grown)
			return EC_ERR_NOMEM;
		d->cands = grown;
		d->cands_cap = n;
	}
	d->cands[d->ncands++] = h;
	return EC_OK;
}

ec_status roster_dups_spool(roster_dups *d, const char *records, size_t n)
{
	if (d->spool && n && fwrite(records, 1, n, d->spool) != n)
		return EC_ERR_IO;
	return EC_OK;
}

ec_status roster_dups_resolve(roster_dups *d, roster_dup_fn fn, void *ctx, ec_error *err)
{
	char *id = NULL;
	size_t id_cap = 0;
	ec_status st = EC_OK;

	size_t i;

	if (!d->spool || d->ncands == 0)
		return EC_OK;
	/* the filter is done with: the candidates go into a table, each with its first line */
	free(d->bits);
	d->bits = NULL;
	for (i = 0; i < d->ncands; i++) {
		size_t at;
		bool fresh;

		if (!insert(d, d->cands[i], &at, &fresh))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	free(d->cands);
	d->cands = NULL;
	d->ncands = 0;
	d->lines = calloc(d->cap, sizeof(*d->lines));
	if (!d->lines)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	if (fflush(d->spool) != 0 || fseek(d->spool, 0, SEEK_SET) != 0)
		return ec_error_set(err, EC_ERR_IO, "cannot read back the temporary list of student ids");
	for (;;) {
		uint64_t h;
		long line;
		uint32_t n;
		size_t at;

		if (fread(&h, sizeof(h), 1, d->spool) != 1)
			break;
		if (fread(&line, sizeof(line), 1, d->spool) != 1 || fread(&n, sizeof(n), 1, d->spool) != 1) {
			st = EC_ERR_IO;
			break;
		}
		if (n + (size_t)1 > id_cap) {
			char *grown = realloc(id, n + (size_t)1);

			if (!grown) {
				st = EC_ERR_NOMEM;
				break;
			}
			id = grown;
			id_cap = n + (size_t)1;
		}
		if (fread(id, 1, n, d->spool) != n) {
			st = EC_ERR_IO;
			break;
		}
		id[n] = '\0';
		at = slot_of(d, h);
		if (!d->hashes[at])
			continue; /* not a candidate */
		if (d->lines[at])
			fn(ctx, id, line, d->lines[at]);
		else
			d->lines[at] = line;
	}
	if (st == EC_OK && ferror(d->spool))
		st = EC_ERR_IO;
	free(id);
	if (st == EC_ERR_IO)
		return ec_error_set(err, EC_ERR_IO, "cannot read back the temporary list of student ids");
	if (st != EC_OK)
		return ec_error_set(err, st, "out of memory");
	return EC_OK;
}
