#include "examcheck/ec_csv.h"

#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"

#define IN_SIZE (1u << 18)

static bool grow_fields(ec_csv_reader *r, size_t need);

static void set_ends(ec_csv_reader *r, char sep);

ec_status ec_csv_open(ec_csv_reader *r, FILE *f, const char *file, ec_error *err)
{
	memset(r, 0, sizeof(*r));
	r->f = f;
	r->file = file;
	r->line = 1;
	set_ends(r, ',');
	r->in = calloc(IN_SIZE + 1 + EC_CSV_READABLE, 1);
	r->in_cap = IN_SIZE;
	if (!r->in)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	return EC_OK;
}

ec_status ec_csv_open_buffer(ec_csv_reader *r, const char *file, ec_error *err)
{
	(void)err;
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->line = 1;
	set_ends(r, ',');
	r->borrowed = true;
	r->started = true;
	r->eof = true;
	return EC_OK;
}

void ec_csv_set_buffer(ec_csv_reader *r, char *buf, size_t start, size_t end, long line)
{
	r->in = buf;
	r->in_pos = start;
	r->in_len = end;
	buf[end] = '\0';
	r->line = line;
	r->eof = true;
	r->started = true;
	r->keeping = false;
	r->kept_len = 0;
}

void ec_csv_close(ec_csv_reader *r)
{
	if (!r->borrowed)
		free(r->in);
	free(r->rec);
	free(r->kept);
	free(r->fields);
	free(r->offsets);
	free(r->lens);
	memset(r, 0, sizeof(*r));
}

/* Keep in[keep_from, in_len) before the buffer is read over; false when memory runs out. */
static bool keep_before_refill(ec_csv_reader *r)
{
	size_t n = r->in_len - r->keep_from;

	r->keep_from = 0; /* of the buffer read next */
	if (n == 0)
		return true;
	if (r->kept_len + n > r->kept_cap) {
		size_t cap = r->kept_cap ? r->kept_cap : 4096;
		char *grown;

		while (cap < r->kept_len + n)
			cap *= 2;
		if (!(grown = realloc(r->kept, cap)))
			return false;
		r->kept = grown;
		r->kept_cap = cap;
	}
	memcpy(r->kept + r->kept_len, r->in + r->in_len - n, n);
	r->kept_len += n;
	return true;
}

static bool refill(ec_csv_reader *r)
{
	size_t n;

	if (r->eof)
		return false;
	if (r->keeping && !keep_before_refill(r)) {
		r->keeping = false; /* the field cannot be read again; it is cut where it opened */
		r->kept_len = 0;
	}
	n = fread(r->in, 1, r->in_cap, r->f);
	r->in_len = n;
	r->in[n] = '\0';
	r->in_pos = 0;
	r->bytes += n;
	if (n == 0) {
		r->eof = true;
		if (ferror(r->f))
			r->io_error = true;
		return false;
	}
	return true;
}

static int next_byte(ec_csv_reader *r)
{
	if (r->in_pos == r->in_len && !refill(r))
		return EOF;
	return (unsigned char)r->in[r->in_pos++];
}

static int peek_byte(ec_csv_reader *r)
{
	if (r->in_pos == r->in_len && !refill(r))
		return EOF;
	return (unsigned char)r->in[r->in_pos];
}

/* What went wrong in the current record: the first problem wins. */
typedef struct bad {
	const char *what;
	long line;
	/* damage the record survives (ec_csv_reader.keep_damaged): the first such */
	const char *damage;
	long damage_line;
	size_t damage_field;
} bad;

/* Something that loses the record (it is not stored any further). */
static void mark(bad *b, const char *what, long line)
{
	if (!b->what) {
		b->what = what;
		b->line = line;
	}
}

/* A stray quote, text after a closing quote or a NUL byte in the record's current field. */
static void damage(ec_csv_reader *r, bad *b, const char *what)
{
	if (!b->damage) {
		b->damage = what;
		b->damage_line = r->line;
		b->damage_field = r->nfields ? r->nfields - 1 : 0;
	}
}

static bool append(ec_csv_reader *r, const char *s, size_t n, bad *b)
{
	if (b->what)
		return true;
	if (n > EC_CSV_RECORD_MAX - r->rec_len) {
		mark(b, "record is longer than 1 MiB", r->record_line);
		return true;
	}
	if (r->rec_len + n + 1 > r->rec_cap) {
		size_t cap = r->rec_cap ? r->rec_cap : 4096;
		char *grown;

		while (cap < r->rec_len + n + 1)
			cap *= 2;
		grown = realloc(r->rec, cap + EC_CSV_READABLE);
		if (!grown)
			return false;
		r->rec = grown;
		r->rec_cap = cap;
	}
	memcpy(r->rec + r->rec_len, s, n);
	r->rec_len += n;
	return true;
}

static bool start_field(ec_csv_reader *r, bad *b)
{
	if (b->what)
		return true;
	if (r->nfields == EC_CSV_FIELDS_MAX) {
		mark(b, "record has more than 4096 fields", r->record_line);
		return true;
	}
	if (r->nfields == r->fields_cap && !grow_fields(r, r->nfields + 1))
		return false;
	r->offsets[r->nfields++] = r->rec_len;
	return true;
}

/* The bytes that end an unquoted run: NUL, the separator, CR, LF and '"'. */
static void set_ends(ec_csv_reader *r, char sep)
{
	memset(r->ends, 0, sizeof(r->ends));
	r->ends[0] = r->ends['\n'] = r->ends['\r'] = r->ends['"'] = 1;
	r->ends[(unsigned char)sep] = 1;
	r->sep = sep;
}

bool ec_csv_separator_ok(char sep)
{
	return sep == ',' || sep == ';' || sep == '\t';
}

void ec_csv_set_separator(ec_csv_reader *r, char sep)
{
	if (ec_csv_separator_ok(sep))
		set_ends(r, sep);
	else
		r->sep = 0; /* found from the first record */
}

char ec_csv_detect_separator(const char *p, size_t n)
{
	static const char candidates[] = {',', ';', '\t'};
	size_t count[3] = {0, 0, 0}, i = 0, k, best = 0;
	bool quoted = false, at_start = true;

	while (i < n && (p[i] == '\n' || p[i] == '\r'))
		i++;
	for (; i < n; i++) {
		char c = p[i];

		if (quoted) {
			if (c == '"' && i + 1 < n && p[i + 1] == '"')
				i++;
			else if (c == '"')
				quoted = false;
			continue;
		}
		if (c == '\n' || c == '\r')
			break;
		if (c == '"' && at_start) {
			quoted = true;
			continue;
		}
		at_start = false;
		for (k = 0; k < 3; k++) {
			if (c == candidates[k]) {
				count[k]++;
				at_start = true;
			}
		}
	}
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return candidates[best];
}

/* Copy an unquoted run up to a special byte; returns that byte or EOF. */
static int unquoted_run(ec_csv_reader *r, bad *b, bool *nomem)
{
	for (;;) {
		const char *p, *end;

		if (r->in_pos == r->in_len && !refill(r))
			return EOF;
		p = r->in + r->in_pos;
		end = r->in + r->in_len;
		while (p < end && !r->ends[(unsigned char)*p])
			p++;
		if (!append(r, r->in + r->in_pos, (size_t)(p - (r->in + r->in_pos)), b)) {
			*nomem = true;
			return EOF;
		}
		r->in_pos = (size_t)(p - r->in);
		if (p < end) {
			r->in_pos++;
			return (unsigned char)*p;
		}
	}
}

/*
 * Read a field's bytes up to a separator or a line end with quotes as
 * text (the rest of a line after text that followed a closing quote); a
 * NUL byte is kept as U+FFFD. Returns the byte that ended it, or EOF.
 */
static int literal_run(ec_csv_reader *r, bad *b, bool *nomem)
{
	for (;;) {
		int c = unquoted_run(r, b, nomem);

		if (c == '"' && !append(r, "\"", 1, b))
			*nomem = true;
		else if (c == 0 && !append(r, "\xEF\xBF\xBD", 3, b))
			*nomem = true;
		if (*nomem || (c != '"' && c != 0))
			return c;
	}
}

/*
 * Put the reader back to where the bytes kept since a field's first line
 * end start (keep_from, after what refills kept), to read them again.
 * False when memory runs out.
 */
static bool read_again(ec_csv_reader *r)
{
	if (!r->kept_len) {
		r->in_pos = r->keep_from;
		return true;
	}
	/* FILE reader: what was kept, then the whole buffer, become the buffer */
	if (r->kept_len + r->in_len > r->in_cap) {
		char *grown = realloc(r->in, r->kept_len + r->in_len + 1 + EC_CSV_READABLE);

		if (!grown)
			return false;
		r->in = grown;
		r->in_cap = r->kept_len + r->in_len;
	}
	memmove(r->in + r->kept_len, r->in, r->in_len);
	memcpy(r->in, r->kept, r->kept_len);
	r->in_len += r->kept_len;
	memset(r->in + r->in_len, 0, 1 + EC_CSV_READABLE);
	r->in_pos = 0;
	r->kept_len = 0;
	return true;
}

/*
 * Read a quoted field's content after its opening quote; returns the
 * byte after the closing quote. When the input ends in the field, or the
 * field runs on over EC_CSV_RECORD_MAX bytes past its first line end
 * (every byte read in it counted), returns EOF with *unclosed set to the
 * line where it opened: the field then holds what follows the quote on
 * that line, and the reader stands at the start of the next line, to
 * read the rest again (kept: at most EC_CSV_RECORD_MAX bytes).
 */
static int quoted(ec_csv_reader *r, bad *b, bool *nomem, long *unclosed)
{
	long opened = r->line;
	int c, prev = 0;
	bool spans = false;      /* a line end inside the field was read */
	size_t rec_at_eol = 0;   /* rec_len where that line ended */
	bad b_at_eol = *b;
	uint64_t past = 0;       /* bytes read in the field since */

	*unclosed = 0;
	for (;;) {
		char ch;

		c = next_byte(r);
		if (c == EOF)
			break;
		/* run on too far past its first line to be an answer: not closed, as at EOF */
		if (spans && ++past > EC_CSV_RECORD_MAX)
			break;
		if (c == '"') {
			if (peek_byte(r) != '"') {
				r->keeping = false;
				r->kept_len = 0;
				return next_byte(r);
			}
			r->in_pos++;
			if (spans && ++past > EC_CSV_RECORD_MAX)
				break;
		}
		if (c == '\n' || (c == '\r' && peek_byte(r) != '\n')) {
			r->line++;
			if (!spans) {
				/* what was read so far stays; what follows may be read again */
				spans = true;
				rec_at_eol = r->rec_len - (c == '\n' && prev == '\r' && !b->what);
				b_at_eol = *b;
				r->keeping = true;
				r->keep_from = r->in_pos;
				r->kept_len = 0;
			}
		}
		prev = c;
		if (c == 0) { /* kept as U+FFFD, the field damaged */
			damage(r, b, "contains a NUL byte");
			if (!append(r, "\xEF\xBF\xBD", 3, b)) {
				*nomem = true;
				r->keeping = false;
				return EOF;
			}
			continue;
		}
		ch = (char)c;
		if (!append(r, &ch, 1, b)) {
			*nomem = true;
			r->keeping = false;
			return EOF;
		}
	}
	/* not closed: the field ends with its first line, the lines after it are read again */
	*unclosed = opened;
	if (spans) {
		bool kept = r->keeping;

		r->keeping = false;
		r->rec_len = rec_at_eol;
		*b = b_at_eol;
		r->line = opened + 1;
		if (!kept || !read_again(r)) {
			*nomem = true;
			return EOF;
		}
	}
	return EOF;
}

static bool grow_fields(ec_csv_reader *r, size_t need)
{
	while (r->fields_cap < need) {
		size_t cap = r->fields_cap ? 2 * r->fields_cap : 64;
		size_t *off = realloc(r->offsets, cap * sizeof(*off));
		size_t *lens;
		char **fields;

		if (!off)
			return false;
		r->offsets = off;
		fields = realloc(r->fields, cap * sizeof(*fields));
		if (!fields)
			return false;
		r->fields = fields;
		lens = realloc(r->lens, cap * sizeof(*lens));
		if (!lens)
			return false;
		r->lens = lens;
		r->fields_cap = cap;
	}
	return true;
}

/* Put back the separators that split_in_place() turned into NULs after fields [0, n). */
static void unsplit(ec_csv_reader *r, const char *start, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		bool quoted = r->fields[i] > start && r->fields[i][-1] == '"';

		r->fields[i][r->lens[i]] = quoted ? '"' : r->sep;
	}
}

/*
 * The common case: the whole record is in the input buffer on one line,
 * without NUL bytes, its quoted fields free of doubled quotes and line
 * breaks. Split it where it lies, in one pass. Returns 1 when done, 0 to
 * take the general path, 2 when the buffer ends inside the record, -1
 * when memory runs out (the buffer as it was in all three cases).
 */
static int split_in_place(ec_csv_reader *r)
{
	char *start = r->in + r->in_pos, *end = r->in + r->in_len, *p = start;
	/* locals, not r->...: the NULs stored below may alias any field of r */
	char **fields = r->fields;
	size_t *lens = r->lens, cap = r->fields_cap, n = 0;

	for (;;) {
		char *field, *stop;

		if (n == cap) {
			if (!grow_fields(r, n + 1)) {
				unsplit(r, start, n);
				return -1;
			}
			fields = r->fields;
			lens = r->lens;
			cap = r->fields_cap;
		}
		if (*p == '"') {
			field = ++p;
			while (*p != '"' && *p != '\n' && *p != '\r' && *p != '\0')
				p++;
			if (*p != '"') {
				unsplit(r, start, n);
				return p == end ? 2 : 0;
			}
			stop = p++;
		} else {
			field = p;
			while (!r->ends[(unsigned char)*p])
				p++;
			stop = p;
		}
		fields[n] = field;
		lens[n] = (size_t)(stop - field);
		n++;
		if (*p == r->sep && n < EC_CSV_FIELDS_MAX) {
			*stop = '\0';
			p++;
			continue;
		}
		if (*p == '\n' || (*p == '\r' && (p + 1 < end || r->eof)))
			break;
		unsplit(r, start, n - 1);
		return p == end || *p == '\r' ? 2 : 0;
	}
	if ((size_t)(p - start) > EC_CSV_RECORD_MAX) {
		unsplit(r, start, n - 1);
		return 0;
	}
	r->in_pos = (size_t)(p + (*p == '\r' && p[1] == '\n' ? 2 : 1) - r->in);
	fields[n - 1][lens[n - 1]] = '\0';
	r->nfields = n;
	r->record_line = r->line++;
	r->unclosed = 0;
	r->damaged = 0;
	return 1;
}

/*
 * Move the unread bytes to the front of the buffer and read more after
 * them. Returns false when nothing more could be read.
 */
static bool top_up(ec_csv_reader *r)
{
	size_t left = r->in_len - r->in_pos, n;

	if (r->eof || r->in_pos == 0)
		return false;
	memmove(r->in, r->in + r->in_pos, left);
	n = fread(r->in + left, 1, r->in_cap - left, r->f);
	r->in_len = left + n;
	r->in_pos = 0;
	r->in[r->in_len] = '\0';
	r->bytes += n;
	if (n < r->in_cap - left) {
		r->eof = true;
		if (ferror(r->f))
			r->io_error = true;
	}
	return n > 0;
}

ec_status ec_csv_next(ec_csv_reader *r, bool *more, ec_error *err)
{
	bad b = {NULL, 0, NULL, 0, 0};
	bool nomem = false, literal = false;
	long unclosed = 0;
	int c, split;
	size_t i;

	*more = true;
	if (!r->started) {
		r->started = true;
		if (refill(r) && r->in_len >= 3 && (unsigned char)r->in[0] == 0xEF &&
		    (unsigned char)r->in[1] == 0xBB && (unsigned char)r->in[2] == 0xBF)
			r->in_pos = 3;
	}
	if (r->sep == 0) /* the first record says which separator it uses */
		set_ends(r, ec_csv_detect_separator(r->in + r->in_pos, r->in_len - r->in_pos));
	for (;;) {
		c = peek_byte(r);
		if (c == '\n') {
			r->in_pos++;
			r->line++;
		} else if (c == '\r') {
			r->in_pos++;
			if (peek_byte(r) == '\n')
				r->in_pos++;
			r->line++;
		} else {
			break;
		}
	}
	if (c == EOF) {
		*more = false;
		if (r->io_error)
			return ec_error_at(err, EC_ERR_IO, r->file, 0, 0, "read error");
		return EC_OK;
	}
	split = split_in_place(r);
	if (split == 2 && top_up(r))
		split = split_in_place(r);
	switch (split) {
	case 1:
		return EC_OK;
	case -1:
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	default:
		break;
	}
	r->rec_len = 0;
	r->nfields = 0;
	r->record_line = r->line;
	for (;;) {
		if (!start_field(r, &b))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		c = peek_byte(r);
		if (c == '"' && !literal) {
			r->in_pos++;
			c = quoted(r, &b, &nomem, &unclosed);
			if (c != EOF && c != r->sep && c != '\n' && c != '\r') {
				/* the rest of the line is read with its quotes as text, as the
				   roster's chunks are cut (to its end, quotes and all) */
				damage(r, &b, "text after a closing quote");
				literal = true;
				r->in_pos--;
				c = literal_run(r, &b, &nomem);
			}
		} else if (literal) {
			c = literal_run(r, &b, &nomem);
		} else {
			for (;;) {
				c = unquoted_run(r, &b, &nomem);
				if (c == '"') {
					damage(r, &b, "quote inside an unquoted field");
					if (!append(r, "\"", 1, &b))
						nomem = true;
				} else if (c == 0) {
					damage(r, &b, "contains a NUL byte");
					if (!append(r, "\xEF\xBF\xBD", 3, &b))
						nomem = true;
				} else {
					break;
				}
				if (nomem)
					break;
			}
		}
		if (nomem)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		if (!append(r, "", 1, &b))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		if (c == r->sep)
			continue;
		if (c == '\r' && peek_byte(r) == '\n')
			r->in_pos++;
		if (c == '\n' || c == '\r')
			r->line++;
		break;
	}
	if (r->io_error)
		return ec_error_at(err, EC_ERR_IO, r->file, 0, 0, "read error");
	r->unclosed = unclosed;
	r->unclosed_field = r->nfields - 1;
	r->damaged = 0;
	if (!b.what && b.damage && !r->keep_damaged)
		mark(&b, b.damage, b.damage_line);
	if (!b.what && b.damage) {
		r->damaged = b.damage_line;
		r->damaged_field = b.damage_field;
		r->damage = b.damage;
	}
	if (b.what)
		return ec_error_at(err, EC_ERR_PARSE, r->file, b.line, 0, "%s", b.what);
	for (i = 0; i < r->nfields; i++) {
		size_t end = i + 1 < r->nfields ? r->offsets[i + 1] : r->rec_len;

		r->fields[i] = r->rec + r->offsets[i];
		r->lens[i] = end - r->offsets[i] - 1;
	}
	return EC_OK;
}
