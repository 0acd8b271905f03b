#include "examcheck/ec_sheet.h"

#include "examcheck/ec_expr.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lines.h"

#define SHOW_MAX 48

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void trim(const char **text, size_t *len)
{
	const char *s = *text;
	size_t n = *len;

	while (n > 0 && is_blank(s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	*text = s;
	*len = n;
}

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int word_is(const char *s, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower(s[i]) != word[i])
			return 0;
	return 1;
}

static ec_status unreadable(ec_error *err, const char *s, size_t n, const char *what)
{
	return ec_error_set(err, EC_ERR_PARSE, "'%.*s%s' is not %s",
			    (int)(n > SHOW_MAX ? SHOW_MAX : n), s,
			    n > SHOW_MAX ? "..." : "", what);
}

/* Drop one trailing '.' ("True.", "A C."), then blanks. */
static void drop_period(const char **s, size_t *n)
{
	if (*n > 0 && (*s)[*n - 1] == '.')
		(*n)--;
	trim(s, n);
}

static ec_status parse_tf(const char *s, size_t n, ec_value *v, ec_error *err)
{
	const char *t = s;
	size_t k = n;

	drop_period(&t, &k);
	if (k >= 2 && t[0] == '(' && t[k - 1] == ')') {
		t++;
		k -= 2;
		trim(&t, &k);
		drop_period(&t, &k);
	}
	if (word_is(t, k, "t") || word_is(t, k, "true"))
		v->truth = true;
	else if (word_is(t, k, "f") || word_is(t, k, "false"))
		v->truth = false;
	else
		return unreadable(err, s, n, "true or false (T, F, True, False)");
	v->letters = UINT32_C(1) << ((v->truth ? 'T' : 'F') - 'A');
	return EC_OK;
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool has_letter(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_letter(s[i]))
			return true;
	return false;
}

/*
 * Option letters with anything between them that only separates: blanks,
 * , ; / + & ( ) . and the word "and" between two letters ("A and C").
 */
static ec_status parse_mc(const char *s, size_t n, ec_value *v, ec_error *err)
{
	size_t i = 0, j;

	while (i < n) {
		if (!is_letter(s[i])) {
			if (!is_blank(s[i]) && !strchr(",;/+&().", s[i]))
				return unreadable(err, s, n, "a set of option letters");
			i++;
			continue;
		}
		for (j = i; j < n && is_letter(s[j]); j++)
			;
		if (!(word_is(s + i, j - i, "and") && v->letters && has_letter(s + j, n - j)))
			for (; i < j; i++)
				v->letters |= UINT32_C(1) << (lower(s[i]) - 'a');
		i = j;
	}
	if (!v->letters)
		return unreadable(err, s, n, "a set of option letters");
	return EC_OK;
}

static ec_status parse_mask(const char *s, size_t n, ec_value *v, ec_error *err)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '0' || s[i] == '1') {
			if (k == EC_MASK_MAX)
				return unreadable(err, s, n, "a mask (too many digits)");
			v->mask[k++] = s[i];
		} else if (!is_blank(s[i]) && !strchr(",;/", s[i])) {
			return unreadable(err, s, n, "a mask of 0 and 1 digits");
		}
	}
	if (k == 0)
		return unreadable(err, s, n, "a mask of 0 and 1 digits");
	v->mask[k] = '\0';
	return EC_OK;
}

/* One factor of a product: its value, and whether it is a plain whole number. */
typedef struct factor {
	double value;
	bool whole;
	uint64_t u;
	bool u_ok;
	bool too_big; /* a whole number that does not fit in 64 bits */
	bool not_whole; /* a decimal read exactly and found not whole ("1.5e-3") */
} factor;

/* Scan an unsigned decimal "12", "1.5", ".5", "2e-3" at s[*i]; 0 if none. */
static int scan_decimal(const char *s, size_t n, size_t *i, bool *plain)
{
	size_t j = *i, digits = 0;

	*plain = true;
	while (j < n && s[j] >= '0' && s[j] <= '9') {
		j++;
		digits++;
	}
	if (j < n && s[j] == '.') {
		*plain = false;
		j++;
		while (j < n && s[j] >= '0' && s[j] <= '9') {
			j++;
			digits++;
		}
	}
	if (digits == 0)
		return 0;
	if (j < n && (s[j] == 'e' || s[j] == 'E')) {
		size_t k = j + 1, ed = 0;

		if (k < n && (s[k] == '+' || s[k] == '-'))
			k++;
		while (k < n && s[k] >= '0' && s[k] <= '9') {
			k++;
			ed++;
		}
		if (ed == 0)
			return 0;
		*plain = false;
		j = k;
	}
	*i = j;
	return 1;
}

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
				     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/*
 * The value of the decimal s[0..n). With at most 15 significant digits and
 * a power of ten up to 22 the result is one exact integer multiplied or
 * divided by an exact power of ten, hence correctly rounded (the same as
 * strtod); anything else goes to strtod.
 */
static double to_double(const char *s, size_t n)
{
	uint64_t m = 0;
	int digits = 0, scale = 0, e = 0, esign = 1;
	size_t i = 0;
	char buf[80];

	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		m = m * 10 + (uint64_t)(s[i] - '0');
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++, scale++)
			m = m * 10 + (uint64_t)(s[i] - '0');
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			esign = s[i++] == '-' ? -1 : 1;
		for (; i < n && s[i] >= '0' && s[i] <= '9' && e < 10000; i++)
			e = e * 10 + (s[i] - '0');
	}
	e = esign * e - scale;
	if (i == n && digits <= 15 && e >= -22 && e <= 22)
		return e < 0 ? (double)m / pow10_exact[-e] : (double)m * pow10_exact[e];
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return strtod(buf, NULL);
}

static int to_u64(const char *s, size_t n, uint64_t *out)
{
	uint64_t u = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!ec_u64_mul(u, 10, &u) || !ec_u64_add(u, (uint64_t)(s[i] - '0'), &u))
			return 0;
	*out = u;
	return 1;
}

/*
 * The decimal s[0..n) that scan_decimal() accepted ("1e18", "1.5e3",
 * "2.50"), read exactly: 1 when it is a whole number that fits in 64 bits
 * (into *out), -1 when it is whole but too large, 0 when it is not whole.
 * It is D x 10^E with D its significant digits, from the first non-zero
 * one to the last, so it is whole exactly when E >= 0.
 */
static int exact_whole(const char *s, size_t n, uint64_t *out)
{
	const long exp_cap = 100000000; /* far beyond 64 bits either way */
	size_t i, mant_end = 0, ndigits = 0, first = 0, last = 0, frac = 0;
	bool nonzero = false, point = false;
	long e = 0, esign = 1, scale;
	uint64_t u = 0;

	for (i = 0; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] == '.') {
			point = true;
			continue;
		}
		frac += point;
		if (s[i] != '0') {
			if (!nonzero)
				first = ndigits;
			last = ndigits;
			nonzero = true;
		}
		ndigits++;
	}
	mant_end = i;
	if (i < n) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			esign = s[i++] == '-' ? -1 : 1;
		for (; i < n; i++)
			if (e < exp_cap)
				e = e * 10 + (s[i] - '0');
	}
	if (!nonzero) {
		*out = 0;
		return 1;
	}
	/* D = digits first..last; E = exponent - fraction digits + trailing zeros */
	scale = esign * e - (long)frac + (long)(ndigits - 1 - last);
	if (scale < 0)
		return 0;
	if ((long)(last - first + 1) + scale > 20)
		return -1;
	for (i = 0, ndigits = 0; i < mant_end; i++) {
		if (s[i] == '.')
			continue;
		if (ndigits >= first && ndigits <= last &&
		    (!ec_u64_mul(u, 10, &u) || !ec_u64_add(u, (uint64_t)(s[i] - '0'), &u)))
			return -1;
		ndigits++;
	}
	for (; scale > 0; scale--)
		if (!ec_u64_mul(u, 10, &u))
			return -1;
	*out = u;
	return 1;
}

/* A factor "[-+]decimal[/decimal]" at s[*i]; returns 0 when there is none. */
static int scan_factor(const char *s, size_t n, size_t *i, factor *f)
{
	size_t j = *i, start;
	bool neg = false, plain, plain2;

	f->u = 0;
	f->not_whole = false;

	if (j < n && (s[j] == '-' || s[j] == '+')) {
		neg = s[j] == '-';
		j++;
	}
	start = j;
	if (!scan_decimal(s, n, &j, &plain))
		return 0;
	f->value = to_double(s + start, j - start);
	if (plain) {
		f->u_ok = to_u64(s + start, j - start, &f->u);
		f->too_big = !f->u_ok;
	} else { /* "1e18", "1.5e3": whole numbers are read exactly too */
		int whole = exact_whole(s + start, j - start, &f->u);

		f->u_ok = whole > 0;
		f->too_big = whole < 0;
		f->not_whole = whole == 0;
	}
	if (j < n && s[j] == '/') {
		size_t dstart = ++j;
		double d;

		if (!scan_decimal(s, n, &j, &plain2))
			return 0;
		d = to_double(s + dstart, j - dstart);
		if (d == 0)
			return 0;
		f->value /= d;
		f->u_ok = false;
		f->too_big = false;
		f->not_whole = false;
	}
	if (neg) {
		f->value = -f->value;
		f->u_ok = f->u_ok && f->u == 0;
	}
	f->whole = f->value == floor(f->value);
	*i = j;
	return 1;
}

/*
 * A whole number in groups of three at s[*i]: "6,000", "6 000",
 * "1,000,000", at least one separator, the same one (',' or ' ')
 * throughout; 0 when there is none.
 */
static int scan_grouped(const char *s, size_t n, size_t *i, factor *f)
{
	size_t j = *i, lead = 0, groups = 0, k;
	char sep = 0, digits[32];
	size_t nd = 0;

	while (j < n && s[j] >= '0' && s[j] <= '9' && lead < 4)
		digits[nd++] = s[j++], lead++;
	if (lead == 0 || lead > 3)
		return 0;
	while (j + 3 < n && (s[j] == ',' || s[j] == ' ') && (!sep || s[j] == sep) &&
	       nd + 3 < sizeof(digits)) {
		for (k = 1; k <= 3; k++)
			if (s[j + k] < '0' || s[j + k] > '9')
				break;
		if (k <= 3 || (j + 4 < n && s[j + 4] >= '0' && s[j + 4] <= '9'))
			break;
		sep = s[j];
		memcpy(digits + nd, s + j + 1, 3);
		nd += 3;
		j += 4;
		groups++;
	}
	if (groups == 0 || (j < n && s[j] >= '0' && s[j] <= '9'))
		return 0;
	f->u_ok = to_u64(digits, nd, &f->u);
	f->too_big = !f->u_ok;
	f->value = (double)f->u;
	f->whole = true;
	f->not_whole = false;
	*i = j;
	return 1;
}

/* Skip a product sign with the blanks around it; 0 when there is none. */
static int scan_times(const char *s, size_t n, size_t *i)
{
	size_t j = *i;

	while (j < n && is_blank(s[j]))
		j++;
	if (j < n && (s[j] == 'x' || s[j] == 'X' || s[j] == '*'))
		j++;
	else if (j + 1 < n && (unsigned char)s[j] == 0xC3 && (unsigned char)s[j + 1] == 0x97)
		j += 2;
	else
		return 0;
	while (j < n && is_blank(s[j]))
		j++;
	*i = j;
	return 1;
}

/* For a shape: a ',' with the blanks around it ("16, 8"), else a product sign. */
static int scan_separator(ec_key_kind kind, const char *s, size_t n, size_t *i)
{
	size_t j = *i;

	if (kind == EC_KEY_DIMS) {
		while (j < n && is_blank(s[j]))
			j++;
		if (j < n && s[j] == ',') {
			j++;
			while (j < n && is_blank(s[j]))
				j++;
			*i = j;
			return 1;
		}
	}
	return scan_times(s, n, i);
}

/* A shape's text without the brackets around it: "(16, 8)" and "[16,8]" -> "16, 8". */
static void drop_brackets(const char **s, size_t *n)
{
	if (*n >= 2 && (((*s)[0] == '(' && (*s)[*n - 1] == ')') ||
			((*s)[0] == '[' && (*s)[*n - 1] == ']'))) {
		(*s)++;
		*n -= 2;
		trim(s, n);
	}
}

static ec_status overflows(ec_error *err, const char *s, size_t n)
{
	return ec_error_set(err, EC_ERR_OVERFLOW, "'%.*s' does not fit in 64 bits",
			    (int)(n > SHOW_MAX ? SHOW_MAX : n), s);
}

/*
 * A count or a shape: factors joined by product signs (a shape's also by
 * commas, inside optional brackets); a count's factors may be grouped in
 * threes ("6,000"). Messages quote the whole text s[0..n).
 */
static ec_status parse_product(ec_key_kind kind, const char *s, size_t n,
			       ec_value *v, ec_error *err)
{
	const char *what = kind == EC_KEY_COUNT ? "a whole number" : "a product of whole numbers";
	const char *t = s;
	size_t k = n, i = 0, nf = 0;
	double value = 1;
	uint64_t count = 1;
	bool exact = true, not_whole = false;

	if (kind == EC_KEY_DIMS)
		drop_brackets(&t, &k);
	for (;;) {
		factor f;

		if (!(kind == EC_KEY_COUNT && scan_grouped(t, k, &i, &f)) &&
		    !scan_factor(t, k, &i, &f))
			return unreadable(err, s, n, what);
		if (f.too_big)
			return overflows(err, s, n);
		if (kind == EC_KEY_DIMS) {
			if (!f.u_ok)
				return unreadable(err, s, n, what);
			if (nf == EC_DIMS_MAX)
				return unreadable(err, s, n, "a shape (too many factors)");
			v->dims[nf] = f.u;
		}
		nf++;
		not_whole = f.not_whole;
		value *= f.value;
		if (exact && f.u_ok) {
			if (!ec_u64_mul(count, f.u, &count))
				return overflows(err, s, n);
		} else {
			exact = false;
		}
		if (i == k)
			break;
		if (!scan_separator(kind, t, k, &i))
			return unreadable(err, s, n, what);
	}
	if (kind == EC_KEY_DIMS) {
		v->ndims = nf;
	} else if (exact) {
		v->count = count;
	} else {
		if (nf == 1 && not_whole) /* known exactly, however large */
			return unreadable(err, s, n, what);
		if (isfinite(value) && value >= 18446744073709551616.0)
			return overflows(err, s, n);
		if (isfinite(value) && value > 9007199254740992.0)
			return ec_error_set(err, EC_ERR_PARSE,
					    "'%.*s%s' cannot be read exactly above 2^53; write its "
					    "digits",
					    (int)(n > SHOW_MAX ? SHOW_MAX : n), s,
					    n > SHOW_MAX ? "..." : "");
		if (!isfinite(value) || value < 0 || value != floor(value))
			return unreadable(err, s, n, what);
		v->count = (uint64_t)value;
	}
	return EC_OK;
}

/*
 * A plain decimal: a sign ('+', '-' or U+2212) or none, digits with an
 * optional '.', an optional exponent ("-0.25", "33.30", "1.25e-3"), at
 * most 63 bytes. Sets *value and *sigfigs, the significant figures
 * written: the mantissa's digits from its first non-zero one, trailing
 * zeros included ("33.30": 4, "0.0250": 3, "1300": 4), 0 when all are
 * zeros. Returns 0 when s is not one.
 */
static int plain_decimal(const char *s, size_t n, double *value, int *sigfigs)
{
	size_t i = 0, start, j;
	bool neg = false, plain, nonzero = false;
	int figures = 0;

	if (n > 0 && (s[0] == '+' || s[0] == '-')) {
		neg = s[0] == '-';
		i = 1;
	} else if (n >= 3 && memcmp(s, "\xE2\x88\x92", 3) == 0) {
		neg = true;
		i = 3;
	}
	start = i;
	if (n - start >= 64 || !scan_decimal(s, n, &i, &plain) || i != n)
		return 0;
	for (j = start; j < n && s[j] != 'e' && s[j] != 'E'; j++) {
		if (s[j] == '.')
			continue;
		nonzero = nonzero || s[j] != '0';
		figures += nonzero;
	}
	*value = to_double(s + start, n - start);
	if (neg)
		*value = -*value;
	*sigfigs = figures;
	return 1;
}

/*
 * A number: a plain decimal (the fast path, which counts its significant
 * figures), else a constant expression as written by hand, read by the
 * expression library (sigfigs 0).
 */
static ec_status parse_number(const char *s, size_t n, ec_value *v, ec_error *err)
{
	char small[128], *buf;
	double value;
	ec_error sub;
	ec_status st;

	if (plain_decimal(s, n, &value, &v->sigfigs)) {
		if (!isfinite(value))
			return unreadable(err, s, n, "a finite number");
		v->number = value;
		return EC_OK;
	}
	buf = n < sizeof(small) ? small : malloc(n + 1);
	if (!buf)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(buf, s, n);
	buf[n] = '\0';
	ec_error_clear(&sub);
	st = ec_expr_eval_constant(buf, EC_EXPR_WRITTEN, &value, &sub);
	if (buf != small)
		free(buf);
	if (st == EC_ERR_NOMEM)
		return ec_error_set(err, st, "out of memory");
	if (st == EC_ERR_RANGE)
		return ec_error_set(err, EC_ERR_PARSE, "'%.*s%s' has no finite value (%s)",
				    (int)(n > SHOW_MAX ? SHOW_MAX : n), s,
				    n > SHOW_MAX ? "..." : "", sub.msg);
	if (st != EC_OK)
		return unreadable(err, s, n, "a number");
	v->number = value;
	return EC_OK;
}

/* "none", "N/A", "NA" or "-": how a table cell says a layer has no parameters. */
static bool means_none(const char *text, size_t len)
{
	static const char *const words[] = {"none", "n/a", "na", "-"};
	size_t i, j;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i]) != len)
			continue;
		for (j = 0; j < len; j++)
			if (tolower((unsigned char)text[j]) != words[i][j])
				break;
		if (j == len)
			return true;
	}
	return false;
}

ec_status ec_value_parse(ec_key_kind kind, const char *text, size_t len,
			 ec_value *v, ec_error *err)
{
	v->kind = kind;
	v->blank = false;
	v->truth = false;
	v->letters = 0;
	v->number = 0;
	v->sigfigs = 0;
	v->count = 0;
	v->ndims = 0;
	v->mask[0] = '\0';
	trim(&text, &len);
	if (len == 0 || kind == EC_KEY_MANUAL) {
		v->blank = true;
		return EC_OK;
	}
	if (memchr(text, '\0', len))
		return ec_error_set(err, EC_ERR_PARSE, "answer contains a NUL byte");
	if (kind == EC_KEY_COUNT && means_none(text, len))
		return EC_OK; /* v->count is 0 */
	switch (kind) {
	case EC_KEY_TF:
		return parse_tf(text, len, v, err);
	case EC_KEY_MC:
		return parse_mc(text, len, v, err);
	case EC_KEY_MASK:
		return parse_mask(text, len, v, err);
	case EC_KEY_NUMBER:
		return parse_number(text, len, v, err);
	case EC_KEY_COUNT:
	case EC_KEY_DIMS:
		return parse_product(kind, text, len, v, err);
	case EC_KEY_MANUAL:
		break;
	}
	return ec_error_set(err, EC_ERR_INVALID, "unknown answer kind %d", (int)kind);
}

char *ec_value_format(const ec_value *v, char *buf, size_t size)
{
	size_t i, n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (v->blank)
		return buf;
	switch (v->kind) {
	case EC_KEY_TF:
		snprintf(buf, size, "%s", v->truth ? "T" : "F");
		break;
	case EC_KEY_MC:
		for (i = 0; i < 26 && n + 1 < size; i++)
			if (v->letters & (UINT32_C(1) << i))
				buf[n++] = (char)('A' + i);
		buf[n] = '\0';
		break;
	case EC_KEY_NUMBER:
		snprintf(buf, size, "%.10g", v->number);
		break;
	case EC_KEY_COUNT:
		snprintf(buf, size, "%llu", (unsigned long long)v->count);
		break;
	case EC_KEY_DIMS:
		for (i = 0; i < v->ndims && n < size; i++) {
			int w = snprintf(buf + n, size - n, "%s%llu", i ? "x" : "",
					 (unsigned long long)v->dims[i]);
			n += w > 0 ? (size_t)w : 0;
		}
		break;
	case EC_KEY_MASK:
		snprintf(buf, size, "%s", v->mask);
		break;
	case EC_KEY_MANUAL:
		break;
	}
	return buf;
}

/* "Q1.1", "q1.1", "1.1:", "1.1)", "Q2.8)": the id inside, "1.1" or "2.8". */
static void id_core(const char **s, size_t *n)
{
	const char *t = *s;
	size_t k = *n;

	trim(&t, &k);
	if (k >= 2 && (t[0] == 'Q' || t[0] == 'q') && t[1] >= '0' && t[1] <= '9') {
		t++;
		k--;
	}
	if (k >= 2 && (t[k - 1] == ':' || t[k - 1] == ')'))
		k--;
	*s = t;
	*n = k;
}

ec_status ec_item_id_normalise(const char *s, size_t len, char *out, size_t size)
{
	if (size == 0)
		return EC_ERR_RANGE;
	id_core(&s, &len);
	if (len >= size) {
		out[0] = '\0';
		return EC_ERR_RANGE;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return EC_OK;
}

/* The id that starts a sheet's line: up to a blank, or through a ':' or ')' ("1.1:T"). */
static size_t id_token_len(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && !is_blank(s[k])) {
		if (s[k] == ':' || s[k] == ')')
			return k + 1;
		k++;
	}
	return k;
}

ec_status ec_sheet_parse(const char *text, size_t len, const char *file,
			 ec_sheet *sheet, ec_error *err)
{
	const char *p, *end = text + len;
	ec_status started;
	size_t cap = 0;
	long line = 0;

	sheet->entries = NULL;
	sheet->count = 0;
	if (len == 0)
		return ec_error_at(err, EC_ERR_PARSE, file, 0, 0, "file is empty");
	started = ec_text_start(text, len, file, &p, err);
	if (started != EC_OK)
		return started;
	while (p < end) {
		const char *s = p, *id;
		const char *eol = ec_line_end(p, end, &p);
		size_t n, id_len;

		line++;
		n = (size_t)(eol - s);
		trim(&s, &n);
		if (n == 0 || s[0] == '#')
			continue;
		id_len = id_token_len(s, n);
		id = s;
		if (sheet->count == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			ec_sheet_entry *grown = realloc(sheet->entries, ncap * sizeof(*grown));

			if (!grown) {
				ec_sheet_free(sheet);
				return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
			}
			sheet->entries = grown;
			cap = ncap;
		}
		s += id_len;
		n -= id_len;
		trim(&s, &n);
		id_core(&id, &id_len);
		sheet->entries[sheet->count++] = (ec_sheet_entry){id, id_len, s, n, line};
	}
	return EC_OK;
}

void ec_sheet_free(ec_sheet *sheet)
{
	free(sheet->entries);
	sheet->entries = NULL;
	sheet->count = 0;
}
