/*
 * roster_dups.h: finding the student ids a roster repeats, in memory that
 * does not grow with the class and time that grows in proportion to it.
 *
 * Every id's record (its line, length and text: roster_spool_record())
 * goes to the id spool, and a fixed-size record (its hash, and where its
 * id's record stands in the spool) to one of ROSTER_PARTS partitions
 * chosen by the hash's top bits. Both are written from buffers to
 * temporary files in the temporary directory (TMPDIR): the spool to one,
 * each partition's buffer, whenever it fills, as a block of another (one
 * file for all: making a file costs a quarter of a millisecond on ext4),
 * 64 KiB at a time. A roster small enough to stay in the buffers makes no
 * file at all. After the run each partition is read back, its blocks then
 * its buffer, a slice of it at a time (at most ROSTER_SLICE_MAX records,
 * whose hashes fill a table of 512 KiB; one slice up to 12 million
 * students): a hash met before in its slice gives a (repeat, first) pair. The slices' pairs, each slice's in line order, are merged into
 * line order; only then are the two ids read from the spool, compared
 * (equal hashes of different ids are no repeat) and the repeat reported.
 *
 * When a temporary file cannot be made or written (TMPDIR missing,
 * read-only or full), the ids spooled so far are read back in order and
 * from then on every id's hash and line are kept in memory instead (16 to
 * 32 bytes a student), each repeat reported as it comes; a warning names
 * the temporary directory and why.
 */
#ifndef EC_ROSTER_DUPS_H
#define EC_ROSTER_DUPS_H

#include <stdio.h>
#include <string.h>

#include "examcheck/ec_common.h"

/* Partitions (a power of two: the hash's top bits) and the records each buffers (16 bytes each). */
#define ROSTER_PARTS_BITS 8
#define ROSTER_PARTS (1u << ROSTER_PARTS_BITS)
#define ROSTER_PART_RECORDS 128
/* Full buffers gathered before they are written together (64 KiB). */
#define ROSTER_STAGE_BLOCKS 32
/* Bytes of ids buffered before the spool is written. */
#define ROSTER_TEXT_BUF (64u * 1024)
/* Most records of a partition looked at in one pass: their table (at most 3/4 full) is 512 KiB. */
#define ROSTER_SLICE_MAX 49152u

/* A partition's record: an id's hash and where its record stands in the spool. */
typedef struct roster_part_rec {
	uint64_t hash;
	uint64_t at;
} roster_part_rec;

/* One partition: its records in blocks of the partitions' file, then in its buffer. */
typedef struct roster_part {
	uint64_t in_blocks;         /* records in blocks */
	uint32_t used;              /* records in its buffer, after those */
} roster_part;

/* Called with each repeated id (its text, `len` bytes), its line and the line where it stood first. */
typedef void (*roster_dup_fn)(void *ctx, const char *id, size_t len, long line, long first);

/* Called with a warning (status EC_OK), such as the fall-back to memory. */
typedef void (*roster_warn_fn)(void *ctx, const ec_error *warning);

typedef struct roster_dups {
	const char *dir;            /* the temporary directory */
	const char *file;           /* the roster, named in warnings */
	roster_dup_fn on_repeat;
	roster_warn_fn on_warn;
	void *ctx;
	bool memory;                /* ids kept in memory (the fall-back) */
	size_t slice_max;           /* ROSTER_SLICE_MAX (tests make it small) */
	/* the spool: written up to on_file, the rest in text[0, text_len) */
	int text_fd;                /* -1: no file yet */
	uint64_t text_on_file;
	char *text;
	size_t text_len, text_cap;
	const char *chunk;          /* the records of the chunk being noted (borrowed) */
	uint64_t chunk_at;          /* where they start in the spool */
	bool chunk_done;            /* its ids were all looked at already (a fall-back read them) */
	roster_part parts[ROSTER_PARTS];
	roster_part_rec *bufs;      /* ROSTER_PARTS buffers of ROSTER_PART_RECORDS */
	/* the partitions' file: a full buffer becomes a block, gathered in `stage` and written
	   ROSTER_STAGE_BLOCKS at a time; owner[b] is block b's partition */
	int part_fd;                /* -1: no file yet */
	roster_part_rec *stage;
	size_t staged;              /* the last `staged` blocks are in stage, the others on file */
	uint8_t *owner;
	size_t blocks, owner_cap;
	/* the fall-back: open addressing, hash 0 = empty; each hash's first line */
	uint64_t *hashes;
	long *lines;
	size_t cap, used;
} roster_dups;

/* The hash of a student id, blanks (space, tab) around it ignored; never 0. */
uint64_t roster_id_hash(const char *id, size_t len);

/*
 * Start. Temporary files go to `dir` (NULL: $TMPDIR, else /tmp); `file`
 * names the roster in warnings. Repeats go to on_repeat, warnings to
 * on_warn, both with ctx. EC_ERR_NOMEM.
 */
ec_status roster_dups_init(roster_dups *d, const char *dir, const char *file, roster_dup_fn on_repeat,
			   roster_warn_fn on_warn, void *ctx);

/* Bytes of a spooled id before its text: its line and length. */
#define ROSTER_SPOOL_HEAD (sizeof(long long) + sizeof(uint32_t))

/* Write the spool record of an id at p (room for ROSTER_SPOOL_HEAD + len); returns its end. */
static inline char *roster_spool_record(char *p, long line, const char *id, uint32_t len)
{
	long long l = line;

	memcpy(p, &l, sizeof(l));
	memcpy(p + sizeof(l), &len, sizeof(len));
	memcpy(p + ROSTER_SPOOL_HEAD, id, len);
	return p + ROSTER_SPOOL_HEAD + len;
}

/*
 * Take the records of a chunk's ids (records[0, n), made by
 * roster_spool_record() in line order), to be noted one by one with
 * roster_dups_note() before the next chunk; `records` must stay until
 * then. EC_ERR_NOMEM; EC_ERR_IO when the spool cannot be read back for
 * the fall-back.
 */
ec_status roster_dups_chunk(roster_dups *d, const char *records, size_t n, ec_error *err);

/* Note the id whose record is at `at` in the chunk, hashing to `hash`. As roster_dups_chunk(). */
ec_status roster_dups_note(roster_dups *d, size_t at, uint64_t hash, ec_error *err);

/*
 * At the end: find and report the repeats not reported yet
 * (roster_dups_find.c). EC_ERR_IO, EC_ERR_NOMEM.
 */
ec_status roster_dups_finish(roster_dups *d, ec_error *err);

/* Close the temporary files and free the memory. */
void roster_dups_free(roster_dups *d);

/* Bytes of a block of the partitions' file: a partition's full buffer. */
#define ROSTER_BLOCK (ROSTER_PART_RECORDS * sizeof(roster_part_rec))

/*
 * The two files' shared tools. A new temporary file in d->dir, already
 * unlinked: its descriptor, or -1 with errno set.
 */
int roster_dups_temporary(const roster_dups *d);

/* Write p[0, n) to fd; *done bytes were written. Returns 0 or an errno value. */
int roster_dups_write(int fd, const char *p, size_t n, size_t *done);

/* Read n bytes at `at` of fd into p. Returns 0 or an errno value (EIO for a short file). */
int roster_dups_read(int fd, char *p, size_t n, uint64_t at);

/* EC_ERR_IO "cannot read back a temporary file" in the temporary directory, errno value e. */
ec_status roster_dups_read_failed(const roster_dups *d, ec_error *err, int e);

#endif
