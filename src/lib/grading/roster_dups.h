/*
 * roster_dups.h: finding student ids that a roster repeats, in memory that
 * does not grow with the class.
 *
 * Each id's 64-bit hash goes into a Bloom filter of fixed size; an id whose
 * bits are all set already is a candidate (a repeat, or now and then a
 * false alarm), and only candidates' hashes are kept. Every id is also
 * spooled, with its line, to a temporary file. After the run the spool is
 * read back: the first time a candidate's hash shows up is where its id
 * first stood, and each later time is a repeat. False alarms show up once
 * and are dropped. When no temporary file can be made, every id's hash and
 * line are kept in memory instead (16 to 32 bytes a student) and repeats
 * are named as they come.
 */
#ifndef EC_ROSTER_DUPS_H
#define EC_ROSTER_DUPS_H

#include <stdio.h>
#include <string.h>

#include "examcheck/ec_common.h"

/* Bits of the Bloom filter (1 MiB) and the probes per id: 2% false alarms at 10^6 ids. */
#define ROSTER_BLOOM_BITS (UINT64_C(1) << 23)
#define ROSTER_BLOOM_PROBES 4

typedef struct roster_dups {
	FILE *spool;                /* every id and its line; NULL: kept in memory */
	uint64_t *bits;             /* the Bloom filter (with a spool) */
	uint64_t *cands;            /* with a spool: the candidates' hashes, in order (8 bytes
				       each while reading; the table is built at the end) */
	size_t ncands, cands_cap;
	uint64_t *hashes;           /* open addressing, 0 = empty: every id (without a
				       spool), or the candidates once the spool is read back */
	long *lines;                /* without a spool: each hash's first line */
	size_t cap, used;
} roster_dups;

/* The hash of a student id, spaces around it ignored; never 0. */
uint64_t roster_id_hash(const char *id, size_t len);

/* Start, with a spool when `spool` is set and one can be made. Returns EC_OK. */
ec_status roster_dups_init(roster_dups *d, bool spool);

/* Bytes of a spooled id: its hash, line and length, then its text. */
#define ROSTER_SPOOL_HEAD (sizeof(uint64_t) + sizeof(long) + sizeof(uint32_t))

/* Write the spool record of an id at p (room for ROSTER_SPOOL_HEAD + len); returns its end. */
static inline char *roster_spool_record(char *p, uint64_t h, long line, const char *id, uint32_t len)
{
	memcpy(p, &h, sizeof(h));
	memcpy(p + sizeof(h), &line, sizeof(line));
	memcpy(p + sizeof(h) + sizeof(line), &len, sizeof(len));
	memcpy(p + ROSTER_SPOOL_HEAD, id, len);
	return p + ROSTER_SPOOL_HEAD + len;
}

/*
 * Note the id (`len` bytes, hashing to h) of a student graded at `line`.
 * With a spool: only the filter is consulted (the caller spools the ids
 * with roster_dups_spool()), *first is 0. Without: *first is the line
 * where it stood before, or 0. EC_ERR_NOMEM.
 */
ec_status roster_dups_add(roster_dups *d, uint64_t h, const char *id, size_t len, long line,
			  long *first);

/* Append spool records made by roster_spool_record(), in line order. EC_ERR_IO. */
ec_status roster_dups_spool(roster_dups *d, const char *records, size_t n);

/* Called for each repeat found by roster_dups_resolve(), in line order. */
typedef void (*roster_dup_fn)(void *ctx, const char *id, long line, long first);

/* With a spool: read it back and report each repeat. EC_ERR_IO, EC_ERR_NOMEM. */
ec_status roster_dups_resolve(roster_dups *d, roster_dup_fn fn, void *ctx, ec_error *err);

void roster_dups_free(roster_dups *d);

#endif
