/*
 * expr_exact.c: the forward and backward passes of ec_expr.h again, in
 * exact arithmetic over numbers a + b ln 2 with rational a and b, so that
 * a worked answer can say "20 ln 2" where the doubles say 13.862943611198906.
 * Every operation checks for overflow; a result that leaves the form, or
 * does not fit, is unknown, never wrong.
 */
#include "examcheck/ec_expr.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- checked 64-bit integers (INT64_MIN is never used) ---- */

static bool i64_mul(int64_t a, int64_t b, int64_t *out)
{
	uint64_t ua = a < 0 ? (uint64_t)-a : (uint64_t)a, ub = b < 0 ? (uint64_t)-b : (uint64_t)b;

	if (ua != 0 && ub > (uint64_t)INT64_MAX / ua)
		return false;
	*out = (int64_t)(ua * ub) * ((a < 0) != (b < 0) ? -1 : 1);
	return true;
}

static bool i64_add(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < -INT64_MAX - b))
		return false;
	*out = a + b;
	return true;
}

static int64_t gcd(int64_t a, int64_t b)
{
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	while (b) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* ---- rationals ---- */

static const ec_rational zero = {0, 1}, one = {1, 1};

static bool r_make(int64_t num, int64_t den, ec_rational *out)
{
	int64_t g;

	if (den == 0 || num == INT64_MIN || den == INT64_MIN)
		return false;
	if (den < 0)
		num = -num, den = -den;
	g = gcd(num, den);
	out->num = num / g;
	out->den = den / g;
	return true;
}

static bool r_add(ec_rational x, ec_rational y, ec_rational *out)
{
	int64_t g = gcd(x.den, y.den), a, b, den;

	if (!i64_mul(x.num, y.den / g, &a) || !i64_mul(y.num, x.den / g, &b) ||
	    !i64_add(a, b, &a) || !i64_mul(x.den / g, y.den, &den))
		return false;
	return r_make(a, den, out);
}

static bool r_mul(ec_rational x, ec_rational y, ec_rational *out)
{
	int64_t g1 = gcd(x.num, y.den), g2 = gcd(y.num, x.den), num, den;

	if (x.num == 0 || y.num == 0) {
		*out = zero;
		return true;
	}
	if (!i64_mul(x.num / g1, y.num / g2, &num) || !i64_mul(x.den / g2, y.den / g1, &den))
		return false;
	return r_make(num, den, out);
}

static bool r_inv(ec_rational x, ec_rational *out)
{
	return x.num != 0 && r_make(x.den, x.num, out);
}

static bool r_is_zero(ec_rational x)
{
	return x.num == 0;
}

static bool r_eq(ec_rational x, ec_rational y)
{
	return x.num == y.num && x.den == y.den;
}

static double r_value(ec_rational x)
{
	return (double)x.num / (double)x.den;
}

/* ---- a + b ln 2 ---- */

static const ec_ln2 unknown = {false, {0, 1}, {0, 1}};

static ec_ln2 known(ec_rational a, ec_rational b)
{
	ec_ln2 x = {true, a, b};

	return x;
}

static ec_ln2 rational(ec_rational a)
{
	return known(a, zero);
}

static bool is_rational(ec_ln2 x)
{
	return x.known && r_is_zero(x.b);
}

static bool is_rational_value(ec_ln2 x, int64_t v)
{
	return is_rational(x) && x.a.den == 1 && x.a.num == v;
}

ec_ln2 ec_ln2_rational(int64_t num, int64_t den)
{
	ec_rational a;

	return r_make(num, den, &a) ? rational(a) : unknown;
}

ec_ln2 ec_ln2_from_double(double v)
{
	double m;
	int64_t den = 1;

	if (!isfinite(v) || fabs(v) >= 9.2e18)
		return unknown;
	for (m = v; floor(m) != m; m *= 2, den *= 2)
		if (den >= ((int64_t)1 << 62) || fabs(m) >= 4.6e18)
			return unknown;
	return ec_ln2_rational((int64_t)m, den);
}

double ec_ln2_value(ec_ln2 x)
{
	if (!x.known)
		return NAN;
	return r_value(x.a) + r_value(x.b) * 0.69314718055994530942;
}

static ec_ln2 add(ec_ln2 x, ec_ln2 y)
{
	ec_rational a, b;

	if (!x.known || !y.known || !r_add(x.a, y.a, &a) || !r_add(x.b, y.b, &b))
		return unknown;
	return known(a, b);
}

static ec_ln2 neg(ec_ln2 x)
{
	x.a.num = -x.a.num;
	x.b.num = -x.b.num;
	return x;
}

static ec_ln2 scale(ec_rational r, ec_ln2 x)
{
	ec_rational a, b;

	if (!x.known || !r_mul(r, x.a, &a) || !r_mul(r, x.b, &b))
		return unknown;
	return known(a, b);
}

/* (a1 + b1 L)(a2 + b2 L) stays in the form unless both have an L term (L^2). */
static ec_ln2 mul(ec_ln2 x, ec_ln2 y)
{
	if (!x.known || !y.known)
		return unknown;
	if (r_is_zero(x.b))
		return scale(x.a, y);
	if (r_is_zero(y.b))
		return scale(y.a, x);
	return unknown;
}

static ec_ln2 inverse(ec_ln2 x)
{
	ec_rational r;

	if (!is_rational(x) || !r_inv(x.a, &r))
		return unknown;
	return rational(r);
}

static ec_ln2 divide(ec_ln2 x, ec_ln2 y)
{
	ec_rational r;

	if (x.known && y.known && r_is_zero(x.a) && r_is_zero(y.a) && !r_is_zero(y.b)) {
		/* (b1 L) / (b2 L) = b1 / b2 */
		if (!r_inv(y.b, &r) || !r_mul(x.b, r, &r))
			return unknown;
		return rational(r);
	}
	return mul(x, inverse(y));
}

/*
 * The sign of x - y: -1, 0 or 1, or 2 when it cannot be decided. With an
 * L term the difference is not 0 (ln 2 is irrational); its sign is that
 * of its value once that value is far larger than the rounding of its
 * terms (which is below 1e-15 of them).
 */
static int compare(ec_ln2 x, ec_ln2 y)
{
	ec_ln2 d = add(x, neg(y));
	double v, size;

	if (!d.known)
		return 2;
	if (r_is_zero(d.b))
		return d.a.num > 0 ? 1 : d.a.num < 0 ? -1 : 0;
	v = ec_ln2_value(d);
	size = fabs(r_value(d.a)) + fabs(r_value(d.b));
	if (fabs(v) <= 1e-9 * size)
		return 2;
	return v > 0 ? 1 : -1;
}

/* k when x = 2^k exactly (x a positive rational), else false. */
static bool power_of_two(ec_ln2 x, int64_t *k)
{
	int64_t n, sign;

	if (!is_rational(x) || x.a.num <= 0)
		return false;
	if (x.a.num == 1)
		n = x.a.den, sign = -1;
	else if (x.a.den == 1)
		n = x.a.num, sign = 1;
	else
		return false;
	if (n & (n - 1))
		return false;
	for (*k = 0; n > 1; n >>= 1)
		++*k;
	*k *= sign;
	return true;
}

/* r^n for a rational r and a whole n (r != 0 when n < 0). */
static ec_ln2 rational_power(ec_rational r, int64_t n)
{
	ec_rational v = one, base = r;
	int64_t m = n < 0 ? -n : n;

	if (n < 0 && !r_inv(r, &base))
		return unknown;
	if (m > 64 && !(base.den == 1 && (base.num == 1 || base.num == -1 || base.num == 0)))
		return unknown;
	while (m) {
		if ((m & 1) && !r_mul(v, base, &v))
			return unknown;
		m >>= 1;
		if (m && !r_mul(base, base, &base))
			return unknown;
	}
	return rational(v);
}

/* x**y, d/dx and d/dy, following the conventions of ec_expr_forward(). */
static void power(ec_ln2 x, ec_ln2 y, ec_ln2 *v, ec_ln2 *dx, ec_ln2 *dy)
{
	int64_t n, k;

	*v = *dx = *dy = unknown;
	if (!x.known || !y.known)
		return;
	if (is_rational_value(y, 0)) { /* x**0 = 1, d/dx 0 */
		*v = rational(one);
		*dx = rational(zero);
	} else if (is_rational_value(y, 1)) {
		*v = x;
		*dx = rational(one);
	}
	if (!is_rational(x) || !is_rational(y))
		return;
	if (y.a.den == 1) {
		n = y.a.num;
		if (r_is_zero(x.a)) {
			if (n > 0)
				*v = rational(zero);
			*dx = rational(n == 1 ? one : zero);
			*dy = rational(zero);
			return;
		}
		*v = rational_power(x.a, n);
		*dx = scale(y.a, rational_power(x.a, n - 1));
	} else if (is_rational_value(x, 1)) {
		*v = rational(one);
		*dx = rational(y.a);
	} else if (r_is_zero(x.a) && y.a.num > 0) {
		*v = rational(zero);
	}
	if (x.a.num > 0 && power_of_two(x, &k)) /* d/dy = x**y ln x = x**y k ln 2 */
		*dy = mul(*v, known(zero, (ec_rational){k, 1}));
}

/* sqrt of a rational that is the square of one. */
static ec_ln2 exact_sqrt(ec_ln2 x)
{
	int64_t r[2], v[2];
	int i;

	if (!is_rational(x) || x.a.num < 0)
		return unknown;
	v[0] = x.a.num;
	v[1] = x.a.den;
	for (i = 0; i < 2; i++) {
		r[i] = (int64_t)llround(sqrt((double)v[i]));
		while (r[i] > 0 && r[i] > v[i] / r[i])
			r[i]--;
		while ((r[i] + 1) <= v[i] / (r[i] + 1))
			r[i]++;
		if (r[i] * r[i] != v[i])
			return unknown;
	}
	return ec_ln2_rational(r[0], r[1]);
}

/* The literal `s` (len bytes: digits, fraction, exponent) as a fraction. */
static ec_ln2 literal(const char *s, size_t len)
{
	int64_t num = 0, den = 1, exp10 = 0, ten;
	size_t i = 0;
	bool fraction = false, neg_exp = false;

	for (; i < len && (isdigit((unsigned char)s[i]) || s[i] == '.'); i++) {
		if (s[i] == '.') {
			fraction = true;
			continue;
		}
		if (!i64_mul(num, 10, &num) || !i64_add(num, s[i] - '0', &num))
			return unknown;
		if (fraction && !i64_mul(den, 10, &den))
			return unknown;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			neg_exp = s[i++] == '-';
		for (; i < len && isdigit((unsigned char)s[i]); i++)
			if ((exp10 = exp10 * 10 + (s[i] - '0')) > 40)
				return unknown;
	}
	if (i != len)
		return unknown;
	for (ten = 0; ten < exp10; ten++)
		if (!i64_mul(neg_exp ? den : num, 10, neg_exp ? &den : &num))
			return unknown;
	return ec_ln2_rational(num, den);
}

/* Whether the form x is the double v, to 1e-12 of the size of its terms. */
static bool agrees(ec_ln2 x, double v)
{
	double approx, size;

	if (!x.known)
		return false;
	approx = ec_ln2_value(x);
	size = fmax(fabs(r_value(x.a)) + fabs(r_value(x.b)), fabs(v));
	return fabs(approx - v) <= 1e-12 * size;
}

/* The forward step of node i: value and partials, as forward_node() in expr.c. */
static void forward(const ec_expr *e, size_t i, ec_expr_exact *out)
{
	const ec_expr_node *node = &e->nodes[i];
	ec_expr_exact *x = &out[i];
	ec_ln2 a = node->nargs > 0 ? out[node->arg[0]].value : unknown;
	ec_ln2 b = node->nargs > 1 ? out[node->arg[1]].value : unknown;
	ec_ln2 c = node->nargs > 2 ? out[node->arg[2]].value : unknown;
	ec_ln2 *d = x->partial;
	int s;

	x->value = d[0] = d[1] = d[2] = unknown;
	switch (node->op) {
	case EC_EXPR_NUMBER:
		x->value = literal(e->text + node->start, node->end - node->start);
		break;
	case EC_EXPR_INPUT:
		x->value = e->inputs[node->input].exact;
		break;
	case EC_EXPR_ADD:
		x->value = add(a, b), d[0] = d[1] = rational(one);
		break;
	case EC_EXPR_SUB:
		x->value = add(a, neg(b)), d[0] = rational(one), d[1] = neg(rational(one));
		break;
	case EC_EXPR_MUL:
		x->value = mul(a, b), d[0] = b, d[1] = a;
		break;
	case EC_EXPR_DIV:
		x->value = divide(a, b), d[0] = inverse(b);
		d[1] = neg(divide(a, mul(b, b)));
		break;
	case EC_EXPR_NEG:
		x->value = neg(a), d[0] = neg(rational(one));
		break;
	case EC_EXPR_POW:
		power(a, b, &x->value, &d[0], &d[1]);
		break;
	case EC_EXPR_CLAMP: /* a <= x <= b gives x, as in the exam */
		if (compare(a, b) < 0)
			x->value = b, d[1] = rational(one), d[0] = d[2] = rational(zero);
		else if ((s = compare(a, c)) > 0 && s != 2)
			x->value = c, d[2] = rational(one), d[0] = d[1] = rational(zero);
		else if (s != 2 && compare(a, b) != 2)
			x->value = a, d[0] = rational(one), d[1] = d[2] = rational(zero);
		break;
	case EC_EXPR_MAX:
	case EC_EXPR_MIN:
		if ((s = compare(a, b)) == 2)
			break;
		if (node->op == EC_EXPR_MIN)
			s = -s;
		if (s >= 0) /* a tie goes to the first argument */
			x->value = a, d[0] = rational(one), d[1] = rational(zero);
		else
			x->value = b, d[1] = rational(one), d[0] = rational(zero);
		break;
	case EC_EXPR_RELU:
	case EC_EXPR_ABS:
		if ((s = compare(a, rational(zero))) == 2)
			break;
		if (node->op == EC_EXPR_RELU)
			x->value = s > 0 ? a : rational(zero), d[0] = rational(s > 0 ? one : zero);
		else
			x->value = s < 0 ? neg(a) : a, d[0] = ec_ln2_rational(s, 1);
		break;
	case EC_EXPR_EXP:
		if (is_rational_value(a, 0))
			x->value = d[0] = rational(one);
		break;
	case EC_EXPR_LOG: {
		int64_t k;

		if (power_of_two(a, &k))
			x->value = known(zero, (ec_rational){k, 1});
		d[0] = inverse(a);
		break;
	}
	case EC_EXPR_SIGMOID:
		if (is_rational_value(a, 0))
			x->value = ec_ln2_rational(1, 2), d[0] = ec_ln2_rational(1, 4);
		break;
	case EC_EXPR_TANH:
		if (is_rational_value(a, 0))
			x->value = rational(zero), d[0] = rational(one);
		break;
	case EC_EXPR_SQRT:
		x->value = exact_sqrt(a);
		if (x->value.known && !r_is_zero(x->value.a))
			d[0] = scale((ec_rational){1, 2}, inverse(x->value));
		break;
	}
	for (size_t k = 0; k < node->nargs; k++)
		if (e->nodes[node->arg[k]].constant)
			d[k] = rational(zero);
}

void ec_expr_exact_forms(const ec_expr *e, ec_expr_exact *out)
{
	size_t i, k;

	for (i = 0; i < e->count; i++) {
		forward(e, i, out);
		out[i].grad = e->nodes[i].constant ? unknown : rational(zero);
	}
	if (e->count)
		out[e->count - 1].grad = rational(one);
	for (i = e->count; i-- > 0;) {
		const ec_expr_node *node = &e->nodes[i];

		for (k = 0; k < node->nargs; k++)
			if (!e->nodes[node->arg[k]].constant)
				out[node->arg[k]].grad = add(out[node->arg[k]].grad,
							     mul(out[i].grad, out[i].partial[k]));
	}
	/* proved twice: exact, and the same number as the library's doubles */
	for (i = 0; i < e->count; i++) {
		const ec_expr_node *node = &e->nodes[i];

		if (!agrees(out[i].value, node->value))
			out[i].value = unknown;
		for (k = 0; k < 3; k++)
			if (k >= node->nargs || !agrees(out[i].partial[k], node->partial[k]))
				out[i].partial[k] = unknown;
		if (!agrees(out[i].grad, node->grad))
			out[i].grad = unknown;
	}
}

/* "3", "-1/4" */
static int put_rational(char *buf, size_t size, ec_rational r)
{
	if (r.den == 1)
		return snprintf(buf, size, "%lld", (long long)r.num);
	return snprintf(buf, size, "%lld/%lld", (long long)r.num, (long long)r.den);
}

char *ec_ln2_format(ec_ln2 x, char *buf, size_t size)
{
	char a[48] = "", b[56] = "";
	ec_rational mag = x.b;

	if (size == 0)
		return buf;
	if (!x.known) {
		snprintf(buf, size, "?");
		return buf;
	}
	if (r_is_zero(x.b)) {
		put_rational(buf, size, x.a);
		return buf;
	}
	if (!r_is_zero(x.a))
		put_rational(a, sizeof(a), x.a);
	if (mag.num < 0)
		mag.num = -mag.num;
	if (r_eq(mag, one))
		snprintf(b, sizeof(b), "ln 2");
	else if (mag.den == 1)
		snprintf(b, sizeof(b), "%lld ln 2", (long long)mag.num);
	else
		snprintf(b, sizeof(b), "(%lld/%lld) ln 2", (long long)mag.num, (long long)mag.den);
	if (!a[0])
		snprintf(buf, size, "%s%s", x.b.num < 0 ? "-" : "", b);
	else
		snprintf(buf, size, "%s %s %s", a, x.b.num < 0 ? "-" : "+", b);
	return buf;
}

/* Whether the decimal text `d` ("-0.625", "1e-07") is exactly the rational r. */
static bool decimal_is(const char *d, ec_rational r)
{
	bool negative = d[0] == '-';
	ec_ln2 v = literal(d + negative, strlen(d + negative));

	if (negative)
		v = neg(v);
	return v.known && r_eq(v.a, r);
}

char *ec_ln2_describe(double v, ec_ln2 x, char *buf, size_t size)
{
	char sci[32], shortest[32], form[80];
	double rounded;

	if (size == 0)
		return buf;
	snprintf(sci, sizeof(sci), "%.5e", v);
	rounded = strtod(sci, NULL);
	ec_expr_format_number(rounded, shortest, sizeof(shortest));
	if (x.known && agrees(x, v)) {
		if (r_is_zero(x.b) && decimal_is(shortest, x.a))
			snprintf(buf, size, "%s", shortest);
		else
			snprintf(buf, size, "%s \xE2\x89\x88 %s",
				 ec_ln2_format(x, form, sizeof(form)), shortest);
	} else if (rounded == v) {
		snprintf(buf, size, "%s", shortest);
	} else {
		snprintf(buf, size, "\xE2\x89\x88 %s", shortest);
	}
	return buf;
}
