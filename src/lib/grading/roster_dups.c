/*
 * roster_dups.c: repeated student ids (roster_dups.h says how): the ids'
 * hashes and the temporary files while the roster is read, and the
 * fall-back to memory. roster_dups_find.c finds the repeats at the end.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_TMPFILE, where the system has it */
#endif

#include "roster_dups.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Bytes of the spool read back at a time. */
#define READ_BUF (64u * 1024)

_Static_assert((ROSTER_PARTS & (ROSTER_PARTS - 1)) == 0, "partitions are the hash's top bits");
_Static_assert(ROSTER_PARTS <= 256, "a block's owner is a byte");

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
	/* a finaliser, so that the top bits (the partition) depend on every byte */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h ? h : 1;
}

ec_status roster_dups_init(roster_dups *d, const char *dir, const char *file, roster_dup_fn on_repeat,
			   roster_warn_fn on_warn, void *ctx)
{
	memset(d, 0, sizeof(*d));
	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	d->dir = dir && *dir ? dir : "/tmp";
	d->file = file;
	d->on_repeat = on_repeat;
	d->on_warn = on_warn;
	d->ctx = ctx;
	d->slice_max = ROSTER_SLICE_MAX;
	d->text_fd = -1;
	d->part_fd = -1;
	d->bufs = malloc((size_t)ROSTER_PARTS * ROSTER_PART_RECORDS * sizeof(*d->bufs));
	d->stage = malloc(ROSTER_STAGE_BLOCKS * ROSTER_BLOCK);
	return d->bufs && d->stage ? EC_OK : EC_ERR_NOMEM;
}

static void close_files(roster_dups *d)
{
	if (d->text_fd >= 0)
		close(d->text_fd);
	if (d->part_fd >= 0)
		close(d->part_fd);
	d->text_fd = d->part_fd = -1;
}

void roster_dups_free(roster_dups *d)
{
	close_files(d);
	free(d->bufs);
	free(d->stage);
	free(d->owner);
	free(d->text);
	free(d->hashes);
	free(d->lines);
	memset(d, 0, sizeof(*d));
	d->text_fd = d->part_fd = -1;
}

/* ---- temporary files ---- */

/*
 * A new temporary file in d->dir, already unlinked (so that nothing is
 * left behind whatever stops the program): its descriptor, or -1 with
 * errno set.
 */
int roster_dups_temporary(const roster_dups *d)
{
	char name[4096];
	int fd, e;

#ifdef O_TMPFILE
	fd = open(d->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
		return -1; /* the directory itself is the trouble */
#endif
	if ((size_t)snprintf(name, sizeof(name), "%s/examcheck-ids-XXXXXX", d->dir) >= sizeof(name)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(name);
	if (fd < 0)
		return -1;
	e = errno;
	unlink(name);
	errno = e;
	return fd;
}

/* Write p[0, n) to fd; *done bytes were written. Returns 0 or an errno value. */
int roster_dups_write(int fd, const char *p, size_t n, size_t *done)
{
	*done = 0;
	while (*done < n) {
		ssize_t w = write(fd, p + *done, n - *done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : ENOSPC;
		*done += (size_t)w;
	}
	return 0;
}

/* Read n bytes at `at` of fd into p. Returns 0 or an errno value (EIO for a short file). */
int roster_dups_read(int fd, char *p, size_t n, uint64_t at)
{
	while (n > 0) {
		ssize_t r = pread(fd, p, n, (off_t)at);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? errno : EIO;
		p += r;
		n -= (size_t)r;
		at += (uint64_t)r;
	}
	return 0;
}

ec_status roster_dups_read_failed(const roster_dups *d, ec_error *err, int e)
{
	return ec_error_at(err, EC_ERR_IO, d->dir, 0, 0,
			   "cannot read back a temporary file of student ids: %s", strerror(e));
}

/* ---- the fall-back: every id's hash and first line in memory ---- */

static size_t slot_of(const roster_dups *d, uint64_t h)
{
	size_t mask = d->cap - 1, at = (size_t)h & mask;

	while (d->hashes[at] && d->hashes[at] != h)
		at = (at + 1) & mask;
	return at;
}

/* Room for one more hash, the table at most half full. */
static bool reserve(roster_dups *d)
{
	uint64_t *old = d->hashes;
	long *old_lines = d->lines;
	size_t old_cap = d->cap, i;

	if (2 * (d->used + 1) <= d->cap)
		return true;
	d->cap = old_cap ? 2 * old_cap : 1024;
	d->hashes = calloc(d->cap, sizeof(*d->hashes));
	d->lines = calloc(d->cap, sizeof(*d->lines));
	if (!d->hashes || !d->lines) {
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
		d->lines[at] = old_lines[i];
	}
	free(old);
	free(old_lines);
	return true;
}

/* Keep an id's hash and line, reporting it when the hash came before. */
static ec_status keep(roster_dups *d, uint64_t h, const char *id, size_t len, long line, ec_error *err)
{
	size_t at;

	if (!reserve(d))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	at = slot_of(d, h);
	if (d->hashes[at]) {
		d->on_repeat(d->ctx, id, len, line, d->lines[at]);
	} else {
		d->hashes[at] = h;
		d->lines[at] = line;
		d->used++;
	}
	return EC_OK;
}

/* Keep the ids of whole records in p[0, n); returns the bytes used (a partial record is left). */
static size_t keep_records(roster_dups *d, const char *p, size_t n, ec_status *st, ec_error *err)
{
	size_t at = 0;

	while (*st == EC_OK && n - at >= ROSTER_SPOOL_HEAD) {
		long long line;
		uint32_t len;

		memcpy(&line, p + at, sizeof(line));
		memcpy(&len, p + at + sizeof(line), sizeof(len));
		if (n - at - ROSTER_SPOOL_HEAD < len)
			break;
		*st = keep(d, roster_id_hash(p + at + ROSTER_SPOOL_HEAD, len), p + at + ROSTER_SPOOL_HEAD,
			   len, (long)line, err);
		at += ROSTER_SPOOL_HEAD + len;
	}
	return at;
}

/*
 * Go over to memory after a temporary file failed (errno value e): warn,
 * read the spool back in order (the file, then what is buffered) keeping
 * each id, and close the files. The ids of the chunk being noted are in
 * the spool already, so its notes are done.
 */
static ec_status fall_back(roster_dups *d, int e, ec_error *err)
{
	ec_error w;
	ec_status st = EC_OK;
	char *buf = NULL;
	size_t have = 0, cap = 0, used;
	uint64_t at = 0;

	ec_error_at(&w, EC_ERR_IO, d->file, 0, 0,
		    "cannot write a temporary file in '%s' (%s); repeated student ids are looked for in "
		    "memory instead",
		    d->dir, strerror(e));
	w.status = EC_OK; /* a warning */
	d->on_warn(d->ctx, &w);
	d->memory = true;
	d->chunk_done = true;
	while (st == EC_OK && at < d->text_on_file) {
		size_t want = READ_BUF;
		int re;

		if (want > d->text_on_file - at)
			want = (size_t)(d->text_on_file - at);
		if (have + want > cap) {
			size_t ncap = cap ? cap : READ_BUF;
			char *grown;

			while (ncap < have + want)
				ncap *= 2;
			if (!(grown = realloc(buf, ncap))) {
				st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
				break;
			}
			buf = grown;
			cap = ncap;
		}
		if ((re = roster_dups_read(d->text_fd, buf + have, want, at)) != 0) {
			st = roster_dups_read_failed(d, err, re);
			break;
		}
		at += want;
		have += want;
		used = keep_records(d, buf, have, &st, err);
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	/* a record cut by a short write goes on in the buffered tail */
	if (st == EC_OK && have) {
		char *grown = realloc(buf, have + d->text_len);

		if (!grown) {
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		} else {
			buf = grown;
			if (d->text_len)
				memcpy(buf + have, d->text, d->text_len);
			keep_records(d, buf, have + d->text_len, &st, err);
		}
	} else if (st == EC_OK) {
		keep_records(d, d->text, d->text_len, &st, err);
	}
	free(buf);
	close_files(d);
	free(d->bufs);
	d->bufs = NULL;
	free(d->stage);
	d->stage = NULL;
	free(d->text);
	d->text = NULL;
	d->text_len = d->text_cap = 0;
	return st;
}

/* ---- spooling ---- */

/* Write the buffered ids to the spool (made now if need be). */
static ec_status flush_text(roster_dups *d, ec_error *err)
{
	size_t done = 0;
	int e;

	if (d->text_fd < 0 && (d->text_fd = roster_dups_temporary(d)) < 0)
		return fall_back(d, errno, err);
	e = roster_dups_write(d->text_fd, d->text, d->text_len, &done);
	d->text_on_file += done;
	memmove(d->text, d->text + done, d->text_len - done);
	d->text_len -= done;
	return e ? fall_back(d, e, err) : EC_OK;
}

ec_status roster_dups_chunk(roster_dups *d, const char *records, size_t n, ec_error *err)
{
	d->chunk = records;
	d->chunk_done = false;
	if (d->memory || n == 0)
		return EC_OK;
	if (d->text_len + n > d->text_cap) {
		size_t cap = d->text_cap ? d->text_cap : ROSTER_TEXT_BUF;
		char *grown;

		while (cap < d->text_len + n)
			cap *= 2;
		if (!(grown = realloc(d->text, cap)))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		d->text = grown;
		d->text_cap = cap;
	}
	d->chunk_at = d->text_on_file + d->text_len;
	memcpy(d->text + d->text_len, records, n);
	d->text_len += n;
	return d->text_len >= ROSTER_TEXT_BUF ? flush_text(d, err) : EC_OK;
}

/* Write the gathered blocks to the partitions' file (made now if need be). */
static ec_status flush_stage(roster_dups *d, ec_error *err)
{
	size_t done = 0;
	int e;

	if (d->part_fd < 0 && (d->part_fd = roster_dups_temporary(d)) < 0)
		return fall_back(d, errno, err);
	e = roster_dups_write(d->part_fd, (const char *)d->stage, d->staged * ROSTER_BLOCK, &done);
	if (e)
		return fall_back(d, e, err); /* what reached the file is ignored: the spool has it all */
	d->staged = 0;
	return EC_OK;
}

/* Make partition p's full buffer the next block. */
static ec_status flush_part(roster_dups *d, size_t p, ec_error *err)
{
	roster_part *part = &d->parts[p];

	if (d->blocks == d->owner_cap) {
		size_t cap = d->owner_cap ? 2 * d->owner_cap : 1024;
		uint8_t *grown = realloc(d->owner, cap);

		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		d->owner = grown;
		d->owner_cap = cap;
	}
	memcpy(d->stage + d->staged * ROSTER_PART_RECORDS, d->bufs + p * ROSTER_PART_RECORDS, ROSTER_BLOCK);
	d->staged++;
	d->owner[d->blocks++] = (uint8_t)p;
	part->in_blocks += part->used;
	part->used = 0;
	return d->staged == ROSTER_STAGE_BLOCKS ? flush_stage(d, err) : EC_OK;
}

ec_status roster_dups_note(roster_dups *d, size_t at, uint64_t hash, ec_error *err)
{
	size_t p;
	roster_part_rec *rec;

	if (d->chunk_done)
		return EC_OK;
	if (d->memory) {
		const char *r = d->chunk + at;
		long long line;
		uint32_t len;

		memcpy(&line, r, sizeof(line));
		memcpy(&len, r + sizeof(line), sizeof(len));
		return keep(d, hash, r + ROSTER_SPOOL_HEAD, len, (long)line, err);
	}
	p = (size_t)(hash >> (64 - ROSTER_PARTS_BITS));
	rec = &d->bufs[p * ROSTER_PART_RECORDS + d->parts[p].used];
	rec->hash = hash;
	rec->at = d->chunk_at + at;
	if (++d->parts[p].used == ROSTER_PART_RECORDS)
		return flush_part(d, p, err);
	return EC_OK;
}
