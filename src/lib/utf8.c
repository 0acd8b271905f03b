#include "examcheck/ec_utf8.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/*
 * How many bytes the character led by `c` has (0 for a byte that cannot
 * lead one) and the range its second byte must lie in, which rules out
 * overlong forms, surrogates and code points above U+10FFFF.
 */
static size_t lead_info(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return 2;
	if (c < 0xF0) {
		if (c == 0xE0)
			*lo = 0xA0;
		else if (c == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (c < 0xF5) {
		if (c == 0xF0)
			*lo = 0x90;
		else if (c == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return 0;
}

/* Bytes of the character or invalid sequence at s (n > 0); *valid says which. */
static size_t unit_len(const char *s, size_t n, int *valid)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo, hi;
	size_t want = lead_info(u[0], &lo, &hi), k;

	*valid = 0;
	if (want == 0)
		return 1;
	for (k = 1; k < want; k++) {
		if (k >= n || !is_cont(u[k]) || (k == 1 && (u[k] < lo || u[k] > hi)))
			return k;
	}
	*valid = 1;
	return want;
}

size_t ec_utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int valid;
	size_t n = unit_len(s, 4, &valid), k; /* stops at the NUL: it continues nothing */

	if (!valid) {
		*cp = EC_UTF8_INVALID;
		return n;
	}
	if (n == 1) {
		*cp = p[0];
		return 1;
	}
	*cp = p[0] & (0x7F >> n);
	for (k = 1; k < n; k++)
		*cp = *cp << 6 | (p[k] & 0x3F);
	return n;
}

size_t ec_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int valid;
	size_t len = unit_len(s, n, &valid), k;

	if (!valid) {
		*cp = EC_UTF8_INVALID;
		return len;
	}
	*cp = len == 1 ? p[0] : p[0] & (0x7Fu >> len);
	for (k = 1; k < len; k++)
		*cp = *cp << 6 | (p[k] & 0x3F);
	return len;
}

bool ec_utf8_is_format(uint32_t cp)
{
	if (cp < 0x61C)
		return false;
	return cp == 0x61C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
	       cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F);
}

size_t ec_utf8_char_len(const char *s, size_t n)
{
	int valid;
	size_t len;

	if (n == 0)
		return 0;
	len = unit_len(s, n, &valid);
	return valid ? len : 0;
}

/* A C0 or C1 control character, or DEL. */
static int is_control(const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];

	if (len == 1)
		return c < 0x20 || c == 0x7F;
	return len == 2 && c == 0xC2 && (unsigned char)s[1] < 0xA0;
}

char *ec_utf8_char_text(const char *s, size_t n, size_t *len, char *buf, size_t size)
{
	int valid;
	size_t k, used = 0, bytes = n ? unit_len(s, n, &valid) : 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (len)
		*len = bytes;
	if (bytes == 0)
		return buf;
	if (valid && !is_control(s, bytes)) {
		uint32_t cp;

		ec_utf8_decode(s, bytes, &cp);
		if (ec_utf8_is_format(cp)) {
			snprintf(buf, size, "\\u%04" PRIX32, cp);
			return buf;
		}
		if (bytes < size) {
			memcpy(buf, s, bytes);
			buf[bytes] = '\0';
		}
		return buf;
	}
	for (k = 0; k < bytes && used + 4 < size; k++, used += 4)
		snprintf(buf + used, size - used, "\\x%02X", (unsigned)(unsigned char)s[k]);
	return buf;
}

char *ec_utf8_quote(const char *s, size_t n, size_t max, char *buf, size_t size)
{
	size_t pos = 0, used = 0, chars = 0, total = 0;
	bool whole;

	if (size < 4) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	/* the whole text when it fits; else whole characters, room kept for "..." */
	for (pos = 0; pos < n && chars <= max; chars++) {
		char one[20];
		size_t len;

		total += strlen(ec_utf8_char_text(s + pos, n - pos, &len, one, sizeof(one)));
		pos += len;
	}
	whole = pos >= n && chars <= max && total < size;
	buf[0] = '\0';
	for (pos = 0, chars = 0; pos < n; chars++) {
		char one[20];
		size_t len, w;

		ec_utf8_char_text(s + pos, n - pos, &len, one, sizeof(one));
		w = strlen(one);
		if (!whole && (chars == max || used + w + 3 >= size)) {
			memcpy(buf + used, "...", 4);
			return buf;
		}
		memcpy(buf + used, one, w + 1);
		used += w;
		pos += len;
	}
	return buf;
}

size_t ec_utf8_count(const char *s, size_t n)
{
	size_t pos = 0, chars = 0;
	int valid;

	while (pos < n) {
		pos += unit_len(s + pos, n - pos, &valid);
		chars++;
	}
	return chars;
}

size_t ec_utf8_boundary(const char *s, size_t n, size_t limit)
{
	size_t pos = 0;
	int valid;

	if (limit >= n)
		return n;
	for (;;) {
		size_t next = pos + unit_len(s + pos, n - pos, &valid);

		if (next > limit)
			return pos;
		pos = next;
	}
}
