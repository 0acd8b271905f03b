/*
 * roster_column.c: looking at one column of a roster before grading it:
 * its header, read without losing the bytes (ec_roster_peek_column()),
 * and its cells, record by record (ec_roster_scan_column()). grade uses
 * them to find a roster's variant column and the variants it names.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

bool roster_column_is(const char *field, const char *name)
{
	size_t n = strlen(name), len;

	field += strspn(field, " \t");
	len = strlen(field);
	while (len > 0 && (field[len - 1] == ' ' || field[len - 1] == '\t'))
		len--;
	if (len != n)
		return false;
	for (; n > 0; n--, field++, name++) {
		char a = *field >= 'A' && *field <= 'Z' ? (char)(*field - 'A' + 'a') : *field;
		char b = *name >= 'A' && *name <= 'Z' ? (char)(*name - 'A' + 'a') : *name;

		if (a != b)
			return false;
	}
	return true;
}

/*
 * Parse the first record of buf[0, len) (a copy: the reader splits fields
 * in place) when it is whole: a line end follows it, or the input ends
 * there. Returns true when it was, with *at set as
 * ec_roster_peek_column() says.
 */
static bool header_in(const char *buf, size_t len, bool eof, const char *file, const char *name,
		      long *at, bool *nomem)
{
	char *copy = malloc(len + 1 + EC_CSV_READABLE);
	size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, c;
	ec_csv_reader rd;
	ec_error e;
	ec_status st;
	bool more = false, whole;

	if (!copy) {
		*nomem = true;
		return true;
	}
	memcpy(copy, buf, len);
	ec_csv_open_buffer(&rd, file, &e);
	ec_csv_set_buffer(&rd, copy, start, len, 1);
	st = ec_csv_next(&rd, &more, &e);
	whole = eof || (more && rd.in_pos < len);
	*nomem = st == EC_ERR_NOMEM;
	*at = -1;
	/* column 0 holds the student ids whatever its name */
	for (c = 1; whole && st == EC_OK && more && c < rd.nfields; c++)
		if (roster_column_is(rd.fields[c], name)) {
			*at = (long)c;
			break;
		}
	ec_csv_close(&rd);
	free(copy);
	return whole || *nomem;
}

ec_status ec_roster_peek_column(FILE *in, const char *file, const char *name, char **head,
				size_t *head_len, long *at, ec_error *err)
{
	char *buf = NULL;
	size_t len = 0, want = 4096;
	bool nomem = false;

	*head = NULL;
	*head_len = 0;
	*at = -1;
	for (;;) {
		char *grown = realloc(buf, len + want + 1);
		size_t got;
		bool eof;

		if (!grown) {
			nomem = true;
			break;
		}
		buf = grown;
		got = fread(buf + len, 1, want, in);
		len += got;
		eof = got < want;
		if (eof && ferror(in)) {
			free(buf);
			return ec_error_at(err, EC_ERR_IO, file, 0, 0, "read error");
		}
		/* a header longer than a record can be is left to ec_roster_grade() to report */
		if (header_in(buf, len, eof, file, name, at, &nomem) || len > EC_CSV_RECORD_MAX)
			break;
		want = len; /* read as much again: the header is parsed O(log n) times */
	}
	if (nomem) {
		free(buf);
		*at = -1;
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	*head = buf;
	*head_len = len;
	return EC_OK;
}

ec_status ec_roster_scan_column(FILE *in, const char *file, size_t at, ec_roster_cell_fn fn,
				void *ctx, ec_error *err)
{
	ec_csv_reader rd;
	bool more, header = true;
	ec_status st = ec_csv_open(&rd, in, file, err);

	while (st == EC_OK) {
		ec_error skipped;

		st = ec_csv_next(&rd, &more, &skipped);
		if (st == EC_ERR_PARSE) { /* a record it cannot split: grading reports it */
			st = EC_OK;
			continue;
		}
		if (st != EC_OK) {
			*err = skipped;
			break;
		}
		if (!more)
			break;
		if (header) {
			header = false;
			continue;
		}
		if (!fn(ctx, at < rd.nfields ? rd.fields[at] : "", at < rd.nfields ? rd.lens[at] : 0,
			rd.record_line))
			st = ec_error_set(err, EC_ERR_INVALID, "stopped");
	}
	ec_csv_close(&rd);
	return st;
}
