/*
 * roster_input.c: cutting a roster's input into chunks of whole records.
 * A record ends at a line end outside quotes, so a quote-parity scan finds
 * where a chunk may end; the lines before it say where the next chunk
 * starts, so messages keep their exact line numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

bool roster_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/*
 * The end of the last (or, with `first`, the first) whole record in
 * p[0, n), which starts a record: just past a line end outside quotes (a
 * CR that is the last byte does not count unless the input ends there).
 * 0 when there is none. *lines is the number of line ends before it.
 */
static size_t record_end(const char *p, size_t n, bool at_eof, bool first, long *lines)
{
	size_t i, cut = 0;
	long count = 0, at_cut = 0;
	unsigned quoted = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c > '"')
			continue;
		if (c == '"') {
			quoted ^= 1;
			continue;
		}
		if (c == '\n') {
			count++;
		} else if (c == '\r') {
			if (i + 1 < n ? p[i + 1] == '\n' : !at_eof)
				continue;
			count++;
		} else {
			continue;
		}
		if (!quoted) {
			cut = i + 1;
			at_cut = count;
			if (first)
				break;
		}
	}
	*lines = at_cut;
	return cut;
}

/* How many bytes of p[0, n) are '"' and '\n', eight at a time. */
static void count_quotes_lines(const char *p, size_t n, size_t *quotes, size_t *lines)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
	size_t i = 0, q = 0, l = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w, a, b;

		memcpy(&w, p + i, 8);
		/* 0x80 in each byte of a (b) that is a quote (a newline), nothing else */
		a = w ^ (ones * '"');
		a = ~(((a & low7) + low7) | a | low7);
		b = w ^ (ones * '\n');
		b = ~(((b & low7) + low7) | b | low7);
		q += (size_t)(((a >> 7) * ones) >> 56);
		l += (size_t)(((b >> 7) * ones) >> 56);
	}
	for (; i < n; i++) {
		q += p[i] == '"';
		l += p[i] == '\n';
	}
	*quotes = q;
	*lines = l;
}

/*
 * record_end() for the common case, a chunk without CRs whose last line
 * end lies outside quotes: a word-at-a-time count instead of a walk.
 * Returns false when the case does not apply.
 */
static bool last_record_end_fast(const char *p, size_t n, size_t *cut, long *lines)
{
	size_t end = n, q, l;

	while (end > 0 && p[end - 1] != '\n') {
		if (p[end - 1] == '\r')
			return false;
		end--;
	}
	if (end == 0 || memchr(p, '\r', end))
		return false;
	count_quotes_lines(p, end, &q, &l);
	if (q % 2)
		return false;
	*cut = end;
	*lines = (long)l;
	return true;
}

/* Line ends in p[0, n), as the CSV reader counts them (n ends at a record end). */
static long count_lines(const char *p, size_t n)
{
	long count = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n')))
			count++;
	return count;
}

/* Read up to `want` more bytes after b[have]; returns how many. */
static size_t read_more(run *r, char *b, size_t want)
{
	size_t n;

	if (r->eof)
		return 0;
	n = fread(b, 1, want, r->in);
	r->bytes += n;
	if (n < want) {
		r->eof = true;
		r->io_error = ferror(r->in) != 0;
	}
	return n;
}

static bool reserve_input(chunk *ck, size_t need)
{
	need += 1 + EC_CSV_READABLE;
	return roster_grow((void **)&ck->buf, &ck->cap, need, 1);
}

/*
 * Fill ck with the next whole records: the carried partial record, then
 * fresh input, cut after the last record end. A record that outgrows
 * EC_CSV_RECORD_MAX becomes an error chunk and the input is skipped to
 * its end. Returns false when nothing is left (input_done) and on errors
 * (r->io_error, or *nomem).
 */
bool roster_fill_chunk(run *r, chunk *ck, bool *nomem)
{
	size_t len, cut = 0;
	long lines = 0;
	bool oversize = false;

	ck->has_error = false;
	ck->start = 0;
	ck->line = r->line;
	if (!reserve_input(ck, r->carry_len + r->chunk_bytes)) {
		*nomem = true;
		return false;
	}
	if (r->carry_len)
		memcpy(ck->buf, r->carry, r->carry_len);
	len = r->carry_len;
	for (;;) {
		len += read_more(r, ck->buf + len, r->chunk_bytes);
		if (!last_record_end_fast(ck->buf, len, &cut, &lines))
			cut = record_end(ck->buf, len, r->eof, false, &lines);
		if (r->eof && cut < len)
			cut = len, lines = count_lines(ck->buf, len);
		if (cut > 0 || r->eof)
			break;
		if (len > (size_t)EC_CSV_RECORD_MAX + r->chunk_bytes) {
			oversize = true;
			break;
		}
		if (!reserve_input(ck, len + r->chunk_bytes)) {
			*nomem = true;
			return false;
		}
	}
	if (oversize) {
		/* skip to the record's end, keeping the line count, and report it alone */
		size_t rest;

		ec_error_at(&ck->error, EC_ERR_PARSE, r->file, r->line, 0, "record is longer than 1 MiB");
		ck->has_error = true;
		ck->end = 0;
		for (;;) {
			cut = record_end(ck->buf, len, r->eof, true, &lines);
			if (cut > 0 || r->eof)
				break;
			r->line += count_lines(ck->buf, len - (ck->buf[len - 1] == '\r'));
			/* keep a CR that may pair with the next byte, and a quote's parity */
			rest = ck->buf[len - 1] == '\r' ? 1 : 0;
			{
				size_t q = 0, i;

				for (i = 0; i < len - rest; i++)
					q += ck->buf[i] == '"';
				ck->buf[0] = q % 2 ? '"' : ' ';
				if (rest)
					ck->buf[1] = '\r';
				len = 1 + rest;
			}
			len += read_more(r, ck->buf + len, r->chunk_bytes);
		}
		if (r->eof && cut == 0) {
			r->line += count_lines(ck->buf, len);
			cut = len;
			lines = 0;
		}
		r->line += lines;
		r->carry_len = len - cut;
		if (!roster_grow((void **)&r->carry, &r->carry_cap, r->carry_len + 1, 1)) {
			*nomem = true;
			return false;
		}
		memcpy(r->carry, ck->buf + cut, r->carry_len);
		return true;
	}
	if (len == 0) {
		r->carry_len = 0;
		return false;
	}
	r->carry_len = len - cut;
	if (!roster_grow((void **)&r->carry, &r->carry_cap, r->carry_len + 1, 1)) {
		*nomem = true;
		return false;
	}
	memcpy(r->carry, ck->buf + cut, r->carry_len);
	ck->end = cut;
	r->line += lines;
	return true;
}

