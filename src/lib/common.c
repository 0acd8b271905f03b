#include "examcheck/ec_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *ec_strerror(ec_status status)
{
	switch (status) {
	case EC_OK:
		return "success";
	case EC_ERR_INVALID:
		return "invalid argument";
	case EC_ERR_PARSE:
		return "parse error";
	case EC_ERR_OVERFLOW:
		return "overflow";
	case EC_ERR_NOMEM:
		return "out of memory";
	case EC_ERR_IO:
		return "input/output error";
	case EC_ERR_RANGE:
		return "out of range";
	case EC_ERR_NOTFOUND:
		return "not found";
	case EC_ERR_OPEN:
		return "cannot open";
	case EC_ERR_USAGE:
		return "usage error";
	}
	return "unknown error";
}

void ec_error_clear(ec_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

static void set_msg(ec_error *err, const char *fmt, va_list ap)
{
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
}

ec_status ec_error_set(ec_error *err, ec_status status, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	va_start(ap, fmt);
	set_msg(err, fmt, ap);
	va_end(ap);
	return status;
}

ec_status ec_error_at(ec_error *err, ec_status status, const char *file,
		      long line, long column, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	err->file = file;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	set_msg(err, fmt, ap);
	va_end(ap);
	return status;
}

char *ec_error_format(const ec_error *err, char *buf, size_t size)
{
	size_t n = 0;
	int w;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (err->file) {
		w = snprintf(buf, size, "%s:", err->file);
		n = w > 0 ? (size_t)w : 0;
	}
	if (err->line > 0 && n < size) {
		w = snprintf(buf + n, size - n, "%ld:", err->line);
		n += w > 0 ? (size_t)w : 0;
	}
	if (err->column > 0 && n < size) {
		w = snprintf(buf + n, size - n, "%ld:", err->column);
		n += w > 0 ? (size_t)w : 0;
	}
	if (n < size)
		snprintf(buf + n, size - n, "%s%s", n ? " " : "",
			 err->msg[0] ? err->msg : ec_strerror(err->status));
	return buf;
}

bool ec_u64_mul(uint64_t a, uint64_t b, uint64_t *out)
{
	if (a != 0 && b > UINT64_MAX / a)
		return false;
	*out = a * b;
	return true;
}

bool ec_u64_add(uint64_t a, uint64_t b, uint64_t *out)
{
	if (b > UINT64_MAX - a)
		return false;
	*out = a + b;
	return true;
}

size_t ec_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t rows[3][64], *two = rows[0], *prev = rows[1], *row = rows[2], *t;

	if (lb >= 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			/* two neighbours swapped: one slip, not two */
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			row[j] = best;
		}
		t = two;
		two = prev;
		prev = row;
		row = t;
	}
	return prev[lb];
}
