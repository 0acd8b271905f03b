#include "examcheck/ec_csv.h"

#include <stdlib.h>
#include <string.h>

#define IN_SIZE (1u << 16)

static bool grow_fields(ec_csv_reader *r, size_t need);

ec_status ec_csv_open(ec_csv_reader *r, FILE *f, const char *file, ec_error *err)
{
	memset(r, 0, sizeof(*r));
	r->f = f;
	r->file = file;
	r->line = 1;
	r->in = malloc(IN_SIZE);
	if (!r->in)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	return EC_OK;
}

void ec_csv_close(ec_csv_reader *r)
{
	free(r->in);
	free(r->rec);
	free(r->fields);
	free(r->offsets);
	free(r->lens);
	memset(r, 0, sizeof(*r));
}

static bool refill(ec_csv_reader *r)
{
	size_t n;

	if (r->eof)
		return false;
	n = fread(r->in, 1, IN_SIZE, r->f);
	r->in_len = n;
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
} bad;

static void mark(bad *b, const char *what, long line)
{
	if (!b->what) {
		b->what = what;
		b->line = line;
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
		grown = realloc(r->rec, cap);
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

static const unsigned char special[256] = {
	[0] = 1, [','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1,
};

/* Copy an unquoted run up to a special byte; returns that byte or EOF. */
static int unquoted_run(ec_csv_reader *r, bad *b, bool *nomem)
{
	for (;;) {
		const char *p, *end;

		if (r->in_pos == r->in_len && !refill(r))
			return EOF;
		p = r->in + r->in_pos;
		end = r->in + r->in_len;
		while (p < end && !special[(unsigned char)*p])
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

/* Read a quoted field's content after its opening quote; returns the byte after the closing quote. */
static int quoted(ec_csv_reader *r, bad *b, bool *nomem)
{
	long opened = r->line;
	int c;

	for (;;) {
		char ch;

		c = next_byte(r);
		if (c == EOF) {
			mark(b, "quoted field is not closed", opened);
			return EOF;
		}
		if (c == '"') {
			if (peek_byte(r) != '"')
				return next_byte(r);
			r->in_pos++;
		}
		if (c == '\n')
			r->line++;
		if (c == 0)
			mark(b, "contains a NUL byte", r->line);
		ch = (char)c;
		if (!append(r, &ch, 1, b)) {
			*nomem = true;
			return EOF;
		}
	}
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

/*
 * The common case: the whole record is in the input buffer on one line,
 * without NUL bytes, its quoted fields free of doubled quotes. Split it
 * where it lies. Returns 1 when done, 0 to take the general path (nothing
 * changed), -1 when memory runs out.
 */
static int split_in_place(ec_csv_reader *r)
{
	char *start = r->in + r->in_pos, *end = r->in + r->in_len, *nl, *stop, *p;
	size_t n = 0, i;

	nl = memchr(start, '\n', (size_t)(end - start));
	if (!nl || (size_t)(nl - start) > EC_CSV_RECORD_MAX ||
	    memchr(start, '\0', (size_t)(nl - start)))
		return 0;
	stop = nl > start && nl[-1] == '\r' ? nl - 1 : nl;
	for (p = start;; p++) {
		char *q;

		if (n == EC_CSV_FIELDS_MAX)
			return 0;
		if (n == r->fields_cap && !grow_fields(r, n + 1))
			return -1;
		if (p < stop && *p == '"') {
			q = memchr(p + 1, '"', (size_t)(stop - p - 1));
			if (!q || (q + 1 < stop && q[1] != ','))
				return 0;
			r->fields[n] = p + 1;
			r->lens[n] = (size_t)(q - p - 1);
			p = q + 1;
		} else {
			r->fields[n] = p;
			while (p < stop && *p != ',' && *p != '"')
				p++;
			if (p < stop && *p == '"')
				return 0;
			r->lens[n] = (size_t)(p - r->fields[n]);
		}
		n++;
		if (p == stop)
			break;
	}
	for (i = 0; i < n; i++)
		r->fields[i][r->lens[i]] = '\0';
	r->nfields = n;
	r->record_line = r->line++;
	r->in_pos = (size_t)(nl + 1 - r->in);
	return 1;
}

ec_status ec_csv_next(ec_csv_reader *r, bool *more, ec_error *err)
{
	bad b = {NULL, 0};
	bool nomem = false;
	int c;
	size_t i;

	*more = true;
	if (!r->started) {
		r->started = true;
		if (refill(r) && r->in_len >= 3 && (unsigned char)r->in[0] == 0xEF &&
		    (unsigned char)r->in[1] == 0xBB && (unsigned char)r->in[2] == 0xBF)
			r->in_pos = 3;
	}
	for (;;) {
		c = peek_byte(r);
		if (c == '\n') {
			r->in_pos++;
			r->line++;
		} else if (c == '\r') {
			r->in_pos++;
			if (peek_byte(r) == '\n') {
				r->in_pos++;
				r->line++;
			}
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
	switch (split_in_place(r)) {
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
		if (c == '"') {
			r->in_pos++;
			c = quoted(r, &b, &nomem);
			if (c != EOF && c != ',' && c != '\n' && c != '\r') {
				mark(&b, "text after a closing quote", r->line);
				while (c != EOF && c != '\n')
					c = next_byte(r);
			}
		} else {
			for (;;) {
				c = unquoted_run(r, &b, &nomem);
				if (c == '"') {
					mark(&b, "quote inside an unquoted field", r->line);
				} else if (c == 0) {
					mark(&b, "contains a NUL byte", r->line);
				} else if (c == '\r' && peek_byte(r) != '\n') {
					char cr = '\r';

					if (!append(r, &cr, 1, &b))
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
		if (c == ',')
			continue;
		if (c == '\r')
			c = next_byte(r);
		if (c == '\n')
			r->line++;
		break;
	}
	if (r->io_error)
		return ec_error_at(err, EC_ERR_IO, r->file, 0, 0, "read error");
	if (b.what)
		return ec_error_at(err, EC_ERR_PARSE, r->file, b.line, 0, "%s", b.what);
	for (i = 0; i < r->nfields; i++) {
		size_t end = i + 1 < r->nfields ? r->offsets[i + 1] : r->rec_len;

		r->fields[i] = r->rec + r->offsets[i];
		r->lens[i] = end - r->offsets[i] - 1;
	}
	return EC_OK;
}
