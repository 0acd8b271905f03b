/*
 * roster_input.c: cutting a roster's input into chunks of whole records.
 * A chunk ends where the CSV reader would end a record (walk_records(), or
 * a quote count when the quotes are well placed); the lines before it say
 * where the next chunk starts, so messages keep their exact line numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

/*
 * Where the CSV reader stands between two bytes: at a field's start, in an
 * unquoted field (where a quote is an error, ignored), in quotes, just
 * after a quote in quotes (a second one escapes it, anything else closes
 * the field), or skipping the rest of a line after text that followed a
 * closing quote. The cut of a chunk follows the reader exactly, so where a
 * record ends does not depend on where chunks begin.
 */
enum { AT_FIELD, IN_FIELD, IN_QUOTES, QUOTE_SEEN, SKIPPING };

/* What a walk over bytes found. */
typedef struct walk {
	size_t cut;     /* just past the last (or first) record end, 0: none */
	long at_cut;    /* line ends before it */
	size_t done;    /* bytes walked (all but an undecided final CR) */
	long lines;     /* line ends in them */
	int state;      /* where the reader stands after them */
	bool again;     /* it stands in a quoted field past a line end, which the reader would
			   read again from there should the input end in it */
} walk;

/*
 * Walk p[0, n) from `state` as the CSV reader reads it: record ends (line
 * ends outside quotes; a CR is a line end unless an LF follows; a CR that
 * is the last byte is left undecided unless the input ends there), the
 * last of them or, with `first`, the first. With `recover`, a quoted field
 * the input ends in (at_eof), or that runs on over EC_CSV_RECORD_MAX bytes
 * past its first line end (every byte read in it counted as the reader
 * counts them), ends its record at that line end, and the walk goes on
 * from there, as the reader does (ec_csv.h).
 */
static walk walk_records(const char *p, size_t n, bool at_eof, bool first, int state, bool recover,
			  char sep)
{
	walk w = {0, 0, 0, 0, state, false};
	size_t i = 0, open_eol = 0;
	long open_lines = 0;
	uint64_t past = 0;
	bool spans = false, too_far = false;

again:
	for (; i < n; i++) {
		char c = p[i];
		bool eol = c == '\n';

		if (c == '\r') {
			if (i + 1 == n && !at_eof)
				break;
			if (i + 1 < n && p[i + 1] == '\n') {
				/* the LF ends the line; in quotes the CR is a byte of the field */
				past += spans && w.state == IN_QUOTES;
				continue;
			}
			eol = true;
		}
		if (eol)
			w.lines++;
		switch (w.state) {
		case IN_QUOTES:
			past += spans;
			if (recover && spans && past > EC_CSV_RECORD_MAX) {
				too_far = true; /* not closed, as at the input's end */
				break;
			}
			if (c == '"') {
				w.state = QUOTE_SEEN;
			} else if (eol && !spans) {
				spans = true;
				open_eol = i + 1;
				open_lines = w.lines;
				past = 0;
			}
			continue;
		case QUOTE_SEEN:
			past += spans && c == '"';
			if (recover && spans && past > EC_CSV_RECORD_MAX) {
				too_far = true;
				break;
			}
			w.state = c == '"' ? IN_QUOTES : c == sep || eol ? AT_FIELD : SKIPPING;
			spans = spans && w.state == IN_QUOTES;
			break;
		case SKIPPING:
			if (eol)
				w.state = AT_FIELD;
			break;
		case AT_FIELD:
			w.state = c == '"' ? IN_QUOTES : c == sep || eol ? AT_FIELD : IN_FIELD;
			break;
		default: /* IN_FIELD */
			if (c == sep || eol)
				w.state = AT_FIELD;
			break;
		}
		if (too_far)
			break;
		if (eol && w.state == AT_FIELD) {
			w.cut = i + 1;
			w.at_cut = w.lines;
			if (first) {
				i++;
				break;
			}
		}
	}
	w.again = recover && spans && w.state == IN_QUOTES && !too_far;
	if ((w.again && at_eof && i == n) || too_far) {
		/* the input ends in the field, or it runs on too far: its record ends with its first
		   line, and on from there */
		w.cut = open_eol;
		w.at_cut = w.lines = open_lines;
		w.state = AT_FIELD;
		w.again = spans = too_far = false;
		i = open_eol;
		if (!first)
			goto again;
	}
	w.done = i;
	return w;
}

/*
 * The end of the last whole record in p[0, n), which starts a record; 0
 * when there is none. *again as walk.again.
 */
static size_t record_end(const char *p, size_t n, bool at_eof, long *lines, bool *again,
			 char sep)
{
	walk w = walk_records(p, n, at_eof, false, AT_FIELD, true, sep);

	*lines = w.at_cut;
	*again = w.again;
	return w.cut;
}

/*
 * Are the quotes of p[0, n) (which starts a record) where the reader
 * takes them at their word: each opening one at a field's start, each
 * closing one before a separator or a line end (or the data's end), others
 * doubled inside quotes? Then a quote count tells in or out of quotes.
 */
static bool quotes_well_placed(const char *p, size_t n, char sep)
{
	const char *q = p, *end = p + n;
	bool in = false;

	while ((q = memchr(q, '"', (size_t)(end - q))) != NULL) {
		if (!in) {
			if (q > p && q[-1] != sep && q[-1] != '\n' && q[-1] != '\r')
				return false;
			in = true;
		} else if (q + 1 < end && q[1] == '"') {
			q++; /* a doubled quote */
		} else {
			if (q + 1 < end && q[1] != sep && q[1] != '\n' && q[1] != '\r')
				return false;
			in = false;
		}
		q++;
	}
	return true;
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
 * record_end() for the common case, a chunk without CRs whose quotes are
 * well placed and whose last line end lies outside quotes: a
 * word-at-a-time count instead of a walk. Returns false when the case does
 * not apply.
 */
static bool last_record_end_fast(const char *p, size_t n, size_t *cut, long *lines, char sep)
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
	if (q % 2 || !quotes_well_placed(p, end, sep))
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

/* Read up to `want` more bytes into b, the head's first; returns how many. */
static size_t read_more(run *r, char *b, size_t want)
{
	size_t n = 0, got;

	if (r->head_left) {
		n = want < r->head_left ? want : r->head_left;
		memcpy(b, r->head, n);
		r->head += n;
		r->head_left -= n;
		r->bytes += n;
	}
	if (r->eof || n == want)
		return n;
	got = fread(b + n, 1, want - n, r->in);
	r->bytes += got;
	if (got < want - n) {
		r->eof = true;
		r->io_error = ferror(r->in) != 0;
	}
	return n + got;
}

/*
 * Does p[0, n) hold the whole first record (after empty lines): a line
 * end outside quotes, a quote opening at a field's start whatever the
 * separator?
 */
static bool first_record_whole(const char *p, size_t n)
{
	size_t i = 0;
	bool quoted = false, at_start = true, any = false;

	for (; i < n; i++) {
		char c = p[i];

		if (quoted) {
			if (c == '"' && i + 1 < n && p[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = false;
			continue;
		}
		if (c == '\n' || c == '\r') {
			if (any)
				return true;
			continue; /* an empty line before the header */
		}
		any = true;
		if (c == '"' && at_start)
			quoted = true;
		at_start = c == ',' || c == ';' || c == '\t';
	}
	return false;
}

ec_status roster_find_separator(run *r, ec_error *err)
{
	size_t len = 0, cap = 4096, got;
	char *buf = NULL, *grown;

	if (r->o->delimiter) {
		r->sep = r->o->delimiter;
		return EC_OK;
	}
	for (;;) {
		grown = realloc(buf, cap + r->head_left + 1);
		if (!grown) {
			free(buf);
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		}
		buf = grown;
		got = read_more(r, buf + len, cap - len);
		len += got;
		/* a header longer than a record can be is left to the reading to report */
		if (first_record_whole(buf, len) || r->eof || len > EC_CSV_RECORD_MAX)
			break;
		if (len == cap)
			cap *= 2;
	}
	r->sep = ec_csv_detect_separator(buf + (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0),
					 len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? len - 3 : len);
	/* what was read is read again first, then what was left of the head */
	if (r->head_left)
		memcpy(buf + len, r->head, r->head_left);
	len += r->head_left;
	r->bytes -= len - r->head_left;
	r->head = buf;
	r->head_left = len;
	r->peeked = buf;
	return EC_OK;
}

/* Is all of the input read: the file at its end and nothing left of the head? */
static bool input_ended(const run *r)
{
	return r->eof && r->head_left == 0;
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
		bool again = false;

		len += read_more(r, ck->buf + len, r->chunk_bytes);
		if (!last_record_end_fast(ck->buf, len, &cut, &lines, r->sep))
			cut = record_end(ck->buf, len, input_ended(r), &lines, &again, r->sep);
		if (input_ended(r) && cut < len)
			cut = len, lines = count_lines(ck->buf, len);
		if (cut > 0 || input_ended(r))
			break;
		/* the lines after a quoted field's first may have to be read again: they are
		   kept (at most 1 MiB past that line, and the line at most 1 MiB and a chunk) */
		if (len > (size_t)EC_CSV_RECORD_MAX + r->chunk_bytes && !again) {
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
		walk w = {0, 0, 0, 0, AT_FIELD, false};

		ec_error_at(&ck->error, EC_ERR_PARSE, r->file, r->line, 0, "record is longer than 1 MiB");
		ck->has_error = true;
		ck->end = 0;
		for (;;) {
			w = walk_records(ck->buf, len, input_ended(r), true, w.state, false, r->sep);
			if (w.cut > 0 || input_ended(r))
				break;
			/* all walked: keep only an undecided CR */
			r->line += w.lines;
			memmove(ck->buf, ck->buf + w.done, len - w.done);
			len -= w.done;
			len += read_more(r, ck->buf + len, r->chunk_bytes);
		}
		cut = w.cut;
		lines = w.at_cut;
		if (cut == 0) { /* the input ends inside it */
			r->line += w.lines;
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

