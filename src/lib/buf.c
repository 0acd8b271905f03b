#include "examcheck/ec_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make room for `more` bytes and a NUL after b->len. */
static ec_status reserve(ec_buf *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 64;
	char *grown;

	if (more >= SIZE_MAX - b->len)
		return EC_ERR_NOMEM;
	if (b->data && b->len + more < b->cap)
		return EC_OK;
	while (cap <= b->len + more)
		cap = cap > SIZE_MAX / 2 ? b->len + more + 1 : cap * 2;
	grown = realloc(b->data, cap);
	if (!grown)
		return EC_ERR_NOMEM;
	b->data = grown;
	b->cap = cap;
	return EC_OK;
}

ec_status ec_buf_append(ec_buf *b, const char *s)
{
	size_t n = strlen(s);

	if (reserve(b, n) != EC_OK)
		return EC_ERR_NOMEM;
	memcpy(b->data + b->len, s, n + 1);
	b->len += n;
	return EC_OK;
}

ec_status ec_buf_append_len(ec_buf *b, const char *s, size_t n)
{
	if (reserve(b, n) != EC_OK)
		return EC_ERR_NOMEM;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return EC_OK;
}

ec_status ec_buf_appendf(ec_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return EC_ERR_INVALID;
	if (reserve(b, (size_t)n) != EC_OK)
		return EC_ERR_NOMEM;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return EC_OK;
}

const char *ec_buf_str(const ec_buf *b)
{
	return b->data ? b->data : "";
}

ec_status ec_buf_append_shell_word(ec_buf *b, const char *s)
{
	static const char plain[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				    "0123456789._-=/:@%+,";
	size_t len = b->len;
	ec_status st = EC_OK;
	const char *p;

	if (*s && !s[strspn(s, plain)])
		return ec_buf_append(b, s);
	st = ec_buf_append(b, "'");
	for (p = s; *p && st == EC_OK; p++)
		st = *p == '\'' ? ec_buf_append(b, "'\\''") : ec_buf_appendf(b, "%c", *p);
	if (st == EC_OK)
		st = ec_buf_append(b, "'");
	if (st != EC_OK && b->data) { /* as it was */
		b->len = len;
		b->data[len] = '\0';
	}
	return st;
}

void ec_buf_clear(ec_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ec_buf_free(ec_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}
