#include "ec_test.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_expr.h"

/* Parse `text`, give its inputs (in order of first appearance) `values`, run both passes. */
static ec_status run(const char *text, const double *values, ec_expr *e, ec_error *err)
{
	ec_status st;
	size_t i;

	ec_error_clear(err);
	if ((st = ec_expr_parse(text, e, err)) != EC_OK)
		return st;
	for (i = 0; i < e->input_count; i++)
		if ((st = ec_expr_set_input(e, e->inputs[i].name, values[i], err)) != EC_OK)
			return st;
	if ((st = ec_expr_forward(e, err)) != EC_OK)
		return st;
	return ec_expr_backward(e, err);
}

static double output(const ec_expr *e)
{
	return e->nodes[e->count - 1].value;
}

static double grad_of(const ec_expr *e, const char *name)
{
	size_t i;

	assert_int_equal(ec_expr_find_input(e, name, &i), EC_OK);
	return e->nodes[e->inputs[i].node].grad;
}

/* The same functions written directly with libm, independently of the parser. */
static double f_add(const double *v) { return v[0] + v[1]; }
static double f_sub(const double *v) { return v[0] - v[1]; }
static double f_mul(const double *v) { return v[0] * v[1]; }
static double f_div(const double *v) { return v[0] / v[1]; }
static double f_neg(const double *v) { return -v[0]; }
static double f_pow(const double *v) { return pow(v[0], v[1]); }
static double f_pow2(const double *v) { return pow(2, v[0]); }
static double f_square(const double *v) { return v[0] * v[0]; }
static double f_clamp(const double *v) { return v[0] < v[1] ? v[1] : v[0] > v[2] ? v[2] : v[0]; }
static double f_clamp_const(const double *v) { return v[0] < 1 ? 1 : v[0] > 10 ? 10 : v[0]; }
static double f_max(const double *v) { return v[0] > v[1] ? v[0] : v[1]; }
static double f_min(const double *v) { return v[0] < v[1] ? v[0] : v[1]; }
static double f_exp(const double *v) { return exp(v[0]); }
static double f_log(const double *v) { return log(v[0]); }
static double f_relu(const double *v) { return v[0] > 0 ? v[0] : 0; }
static double f_sigmoid(const double *v) { return 1 / (1 + exp(-v[0])); }
static double f_tanh(const double *v) { return tanh(v[0]); }
static double f_abs(const double *v) { return fabs(v[0]); }
static double f_cube(const double *v) { return v[0] * v[0] * v[0]; }
static double f_inv_square(const double *v) { return 1 / (v[0] * v[0]); }
static double f_abs_mix(const double *v) { return fabs(v[0] - v[1]) * v[1]; }
static double f_graph(const double *v)
{
	double c = pow(2, v[0] * v[1]);

	c = c < 1 ? 1 : c > 10 ? 10 : c;
	return c * (v[1] - v[2]);
}
static double f_mixed(const double *v)
{
	return exp(v[0]) / (1 + log(v[1])) - tanh(v[0] * v[1]) + 1 / (1 + exp(-v[1]));
}

struct fd_case {
	const char *text;
	double (*f)(const double *);
	size_t n;           /* inputs, named in order of first appearance */
	double points[3][3];
};

/*
 * Each operator at three points away from its kinks (clamp's bounds, max
 * and min ties, relu at 0): the library's gradient must match the central
 * difference (f(v + h e_i) - f(v - h e_i)) / 2h of the libm function.
 */
static const struct fd_case fd_cases[] = {
	{"x + y", f_add, 2, {{1, 2}, {-3.5, 0.25}, {1e3, -7}}},
	{"x - y", f_sub, 2, {{1, 2}, {-3.5, 0.25}, {1e3, -7}}},
	{"x * y", f_mul, 2, {{1, 2}, {-3.5, 0.25}, {1.5, -7}}},
	{"x / y", f_div, 2, {{1, 2}, {-3.5, 0.25}, {1.5, -7}}},
	{"-x", f_neg, 1, {{1}, {-3.5}, {0}}},
	{"x ** y", f_pow, 2, {{2, 3}, {0.5, -1.5}, {3.7, 0.3}}},
	{"2 ** x", f_pow2, 1, {{3}, {-1.25}, {0}}},
	{"x ** 2", f_square, 1, {{3}, {-1.25}, {0}}},
	{"clamp(x, a, b)", f_clamp, 3, {{5, 1, 10}, {-2, 1, 10}, {12, 1, 10}}},
	{"clamp(x, 1, 10)", f_clamp_const, 1, {{5}, {-2}, {12}}},
	{"max(x, y)", f_max, 2, {{1, 2}, {3, -1}, {-0.5, -0.25}}},
	{"min(x, y)", f_min, 2, {{1, 2}, {3, -1}, {-0.5, -0.25}}},
	{"exp(x)", f_exp, 1, {{0}, {1.5}, {-2}}},
	{"log(x)", f_log, 1, {{0.5}, {1}, {20}}},
	{"relu(x)", f_relu, 1, {{0.5}, {-1}, {3}}},
	{"sigmoid(x)", f_sigmoid, 1, {{0}, {2}, {-3}}},
	{"tanh(x)", f_tanh, 1, {{0}, {0.7}, {-1.2}}},
	{"abs(x)", f_abs, 1, {{2}, {-3}, {1e-3}}},
	{"abs(x - y) * y", f_abs_mix, 2, {{1, 3}, {4, -2}, {-0.5, 0.25}}},
	/* whole powers of negative bases, by the usual rule d/dx x**n = n x**(n-1) */
	{"x ** 3", f_cube, 1, {{-2}, {-0.5}, {1.5}}},
	{"x ** -2", f_inv_square, 1, {{-2}, {-0.5}, {3}}},
	{"clamp(2**(x*y), 1, 10) * (y - z)", f_graph, 3, {{1, 3, 1}, {2, 2, 0.5}, {-1, 1, 3}}},
	{"exp(x) / (1 + log(y)) - tanh(x*y) + sigmoid(y)", f_mixed, 2,
	 {{0.3, 2}, {-1, 0.5}, {1.1, 3}}},
};

static void test_expr_backward_matches_finite_differences(void **state)
{
	const double h = 1e-6;
	size_t c, p, i;

	(void)state;
	for (c = 0; c < sizeof(fd_cases) / sizeof(fd_cases[0]); c++) {
		const struct fd_case *fc = &fd_cases[c];

		for (p = 0; p < 3; p++) {
			ec_expr e;
			ec_error err;
			double v[3];

			memcpy(v, fc->points[p], sizeof(v));
			if (run(fc->text, v, &e, &err) != EC_OK)
				fail_msg("%s at point %zu: %s", fc->text, p, err.msg);
			assert_int_equal(e.input_count, fc->n);
			assert_near(output(&e), fc->f(v), 1e-12 * fmax(1, fabs(fc->f(v))));
			for (i = 0; i < fc->n; i++) {
				double up[3], down[3], fd, g = e.nodes[e.inputs[i].node].grad;

				memcpy(up, v, sizeof(v));
				memcpy(down, v, sizeof(v));
				up[i] += h;
				down[i] -= h;
				fd = (fc->f(up) - fc->f(down)) / (2 * h);
				if (!(fabs(g - fd) <= 1e-5 * fmax(1, fabs(fd))))
					fail_msg("%s at point %zu: d/d%s = %.17g, finite difference "
						 "%.17g",
						 fc->text, p, e.inputs[i].name, g, fd);
			}
			ec_expr_free(&e);
		}
	}
}

/*
 * The exam's two operators by hand: x = 3, y = 1: x*y = 3, 2**3 = 8, inside
 * [1, 10] so clamp passes the gradient: d/d(x*y) = 8 ln 2, dx = y 8 ln 2 =
 * 8 ln 2, dy = x 8 ln 2 = 24 ln 2. With x = y = 2, 2**4 = 16 > 10: the
 * output is 10 and every gradient below the clamp is 0.
 */
static void test_expr_backward_exam_operators_by_hand(void **state)
{
	const double in[2] = {3, 1}, sat[2] = {2, 2};
	ec_expr e;
	ec_error err;

	(void)state;
	assert_int_equal(run("clamp(2**(x*y), 1, 10)", in, &e, &err), EC_OK);
	assert_near(output(&e), 8, 0);
	assert_near(grad_of(&e, "x"), 8 * log(2), 1e-15);
	assert_near(grad_of(&e, "y"), 24 * log(2), 1e-14);
	ec_expr_free(&e);
	assert_int_equal(run("clamp(2**(x*y), 1, 10)", sat, &e, &err), EC_OK);
	assert_near(output(&e), 10, 0);
	assert_near(grad_of(&e, "x"), 0, 0);
	assert_near(grad_of(&e, "y"), 0, 0);
	ec_expr_free(&e);
}

/* x*x + x at 3: the fan-out sums 3 + 3 + 1 = 7 (d/dx (x^2 + x) = 2x + 1). */
static void test_expr_backward_fan_out_sums(void **state)
{
	const double in[1] = {3};
	ec_expr e;
	ec_error err;

	(void)state;
	assert_int_equal(run("x*x + x", in, &e, &err), EC_OK);
	assert_int_equal(e.input_count, 1);
	assert_int_equal(e.count, 3); /* x, x*x, + : one node per input name */
	assert_near(output(&e), 12, 0);
	assert_near(grad_of(&e, "x"), 7, 0);
	ec_expr_free(&e);
}

/* Each case's value worked out by hand with Python's precedence. */
static void test_expr_parse_precedence(void **state)
{
	static const struct {
		const char *text;
		double value;
	} cases[] = {
		{"-2**2", -4},		/* -(2**2) */
		{"2**3**2", 512},	/* 2**(3**2) = 2**9 */
		{"(2**3)**2", 64},
		{"2**-1", 0.5},
		{"-2**-2", -0.25},	/* -(2**(-2)) */
		{"1 - 2 - 3", -4},	/* (1-2)-3 */
		{"8 / 4 / 2", 1},	/* (8/4)/2 */
		{"2 + 3 * 4", 14},
		{"(2 + 3) * 4", 20},
		{"2 * 3 ** 2", 18},
		{"--2", 2},
		{"+3", 3},
		{"-x**2", -9},		/* x = 3 */
		{"1.5e1 + .5", 15.5},
		{"max(1, 2) * min(1, 2) + clamp(12, 1, 10)", 12},
		{"exp(0) + log(1) + relu(-4) + tanh(0) + sigmoid(0)", 1.5},
	};
	const double x[1] = {3};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_expr e;
		ec_error err;

		if (run(cases[i].text, x, &e, &err) != EC_OK)
			fail_msg("%s: %s", cases[i].text, err.msg);
		if (output(&e) != cases[i].value)
			fail_msg("%s = %.17g, expected %.17g", cases[i].text, output(&e),
				 cases[i].value);
		ec_expr_free(&e);
	}
}

/*
 * Node list of "clamp(2**(x*y), 1, 10)": operands before users, in reading
 * order: 2, x, y, x*y, 2**(..), 1, 10, clamp. Constants have no label.
 */
static void test_expr_parse_nodes_and_labels(void **state)
{
	static const char *const labels[] = {"", "x", "y", "n1", "n2", "", "", "n3"};
	static const char *const texts[] = {"2", "x", "y", "x*y", "2**(x*y)", "1", "10",
					    "clamp(2**(x*y), 1, 10)"};
	static const ec_expr_op ops[] = {EC_EXPR_NUMBER, EC_EXPR_INPUT, EC_EXPR_INPUT,
					 EC_EXPR_MUL,    EC_EXPR_POW,   EC_EXPR_NUMBER,
					 EC_EXPR_NUMBER, EC_EXPR_CLAMP};
	ec_expr e;
	ec_error err;
	size_t i;

	(void)state;
	assert_int_equal(ec_expr_parse("clamp(2**(x*y), 1, 10)", &e, &err), EC_OK);
	assert_int_equal(e.count, 8);
	for (i = 0; i < e.count; i++) {
		const ec_expr_node *n = &e.nodes[i];

		assert_string_equal(n->label, labels[i]);
		assert_int_equal(n->op, ops[i]);
		assert_int_equal(n->end - n->start, strlen(texts[i]));
		assert_memory_equal(e.text + n->start, texts[i], strlen(texts[i]));
		assert_int_equal(n->constant, labels[i][0] == '\0');
		for (size_t k = 0; k < n->nargs; k++)
			assert_true(n->arg[k] < i);
	}
	assert_int_equal(e.nodes[3].column, 12); /* the '*' of x*y */
	assert_int_equal(e.nodes[4].column, 8);  /* the '**' */
	assert_int_equal(e.inputs[1].column, 13);
	ec_expr_free(&e);
}

/*
 * The conventions at points without a derivative, by hand:
 * clamp(x, 1, 10) at x = 1 and x = 10 is x's branch (a <= x <= b): dx = 1.
 * clamp(x, a, b) below a gives da = 1, above b gives db = 1.
 * max(x, y) and min(x, y) at x = y = 2 give dx = 1, dy = 0. relu'(0) = 0,
 * abs'(0) = 0 (the middle of the subgradients [-1, 1]), abs' = sign elsewhere.
 */
static void test_expr_backward_kink_conventions(void **state)
{
	static const struct {
		const char *text;
		double in[3];
		double grads[3];
		bool kink;
	} cases[] = {
		{"clamp(x, 1, 10)", {1}, {1}, true},
		{"clamp(x, 1, 10)", {10}, {1}, true},
		{"clamp(x, a, b)", {1, 1, 10}, {1, 0, 0}, true},
		{"clamp(x, a, b)", {10, 1, 10}, {1, 0, 0}, true},
		{"clamp(x, a, b)", {0, 1, 10}, {0, 1, 0}, false},
		{"clamp(x, a, b)", {11, 1, 10}, {0, 0, 1}, false},
		{"clamp(x, a, b)", {3, 3, 3}, {1, 0, 0}, true},
		{"max(x, y)", {2, 2}, {1, 0}, true},
		{"max(y, x)", {2, 2}, {1, 0}, true},
		{"min(x, y)", {2, 2}, {1, 0}, true},
		{"relu(x)", {0}, {0}, true},
		{"relu(x)", {1e-300}, {1}, false},
		{"abs(x)", {0}, {0}, true},
		{"abs(x)", {-1e-300}, {-1}, false},
		{"abs(x)", {1e-300}, {1}, false},
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_expr e;
		ec_error err;

		if (run(cases[i].text, cases[i].in, &e, &err) != EC_OK)
			fail_msg("%s: %s", cases[i].text, err.msg);
		for (k = 0; k < e.input_count; k++)
			if (e.nodes[e.inputs[k].node].grad != cases[i].grads[k])
				fail_msg("case %zu %s: d/d%s = %g, expected %g", i, cases[i].text,
					 e.inputs[k].name, e.nodes[e.inputs[k].node].grad,
					 cases[i].grads[k]);
		assert_int_equal(e.nodes[e.count - 1].at_kink, cases[i].kink);
		ec_expr_free(&e);
	}
}

/* 0**b at the base: d/da = b*0**(b-1) = 0 for b = 2, 1 for b = 1; x**0.5 has none at 0. */
static void test_expr_forward_power_at_zero(void **state)
{
	const double zero[1] = {0};
	ec_expr e;
	ec_error err;
	char why[200];

	(void)state;
	assert_int_equal(run("x**2", zero, &e, &err), EC_OK);
	assert_near(grad_of(&e, "x"), 0, 0);
	ec_expr_free(&e);
	assert_int_equal(run("x**1", zero, &e, &err), EC_OK);
	assert_near(grad_of(&e, "x"), 1, 0);
	ec_expr_free(&e);
	assert_int_equal(run("x**0.5", zero, &e, &err), EC_ERR_RANGE);
	assert_non_null(strstr(err.msg, "no finite derivative with respect to x"));
	ec_expr_free(&e);
	/* (-2)**x at 2 is 4, and has no derivative with respect to x */
	assert_int_equal(run("(-2)**x", (const double[]){2}, &e, &err), EC_OK);
	assert_near(output(&e), 4, 0);
	assert_true(e.nodes[e.inputs[0].node].no_grad);
	assert_string_equal(ec_expr_why_no_partial(&e, e.nodes[e.inputs[0].node].missing, why,
						   sizeof(why)),
			    "n1 = (-2)**x: negative base -2: no derivative with respect to the "
			    "exponent (a power of a negative number is defined at whole exponents "
			    "only)");
	ec_expr_free(&e);
	/* (-2)**3 with a constant exponent is fine: d/dx x**3 = 3x^2 = 12 at -2. */
	assert_int_equal(run("x**3", (const double[]){-2}, &e, &err), EC_OK);
	assert_near(output(&e), -8, 0);
	assert_near(grad_of(&e, "x"), 12, 0);
	ec_expr_free(&e);
}

/* Domain errors name the node and its column; no NaN or inf comes out. */
static void test_expr_forward_domain_errors(void **state)
{
	static const struct {
		const char *text;
		double x;
		long column;
		const char *msg;
	} cases[] = {
		{"log(x - 3)", 3, 1, "n2 = log(x - 3): log of 0, which is not positive"},
		{"log(x)", -1, 1, "n1 = log(x): log of -1, which is not positive"},
		{"1 + x / (x - 3)", 3, 7, "n2 = x / (x - 3): division by zero"},
		{"x ** -1", 0, 3, "n1 = x ** -1: 0 to the negative power -1"},
		{"x ** 0.5", -4, 3, "n1 = x ** 0.5: negative base -4 to the non-integer power 0.5"},
		{"clamp(x, 10, 1)", 5, 1, "n1 = clamp(x, 10, 1): clamp bounds are reversed (10 > 1)"},
		{"exp(x)", 1000, 1, "n1 = exp(x): the value is not finite (overflow)"},
		{"2 ** x", 1024, 3, "n1 = 2 ** x: the value is not finite (overflow)"},
		{"log(0) + x", 1, 1, "log(0): log of 0, which is not positive"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_expr e;
		ec_error err;

		assert_int_equal(run(cases[i].text, &cases[i].x, &e, &err), EC_ERR_RANGE);
		assert_string_equal(err.msg, cases[i].msg);
		assert_int_equal(err.column, cases[i].column);
		ec_expr_free(&e);
	}
}

/*
 * Values stay finite but a gradient overflows: u = x*1e-150 = 1e-150,
 * v = 1/u = 1e150, out = 1e100*v = 1e250; d out/d u = 1e100 * -1/u^2 = -1e400.
 */
static void test_expr_backward_gradient_overflow(void **state)
{
	const double one[1] = {1};
	ec_expr e;
	ec_error err;

	(void)state;
	assert_int_equal(run("1e100 * (1 / (x * 1e-150))", one, &e, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "n1 = x * 1e-150: the gradient is not finite (overflow)");
	ec_expr_free(&e);
}

static void test_expr_parse_malformed_columns(void **state)
{
	static const struct {
		const char *text;
		long column;
		const char *msg;
	} cases[] = {
		{"clamp(x,1)", 1, "clamp(x, a, b) takes 3 arguments, not 2"},
		{"clamp(x,1,2,3)", 1, "clamp(x, a, b) takes 3 arguments, not 4"},
		{"1 + max()", 5, "max(a, b) takes 2 arguments, not 0"},
		{"2**", 4, "expected a number, a name or '(' after '**', found end of expression"},
		{"x * ", 5, "expected a number, a name or '(' after '*', found end of expression"},
		{"x * * y", 5, "expected a number, a name or '(' after '*', found '*'"},
		{"", 1, "expected a number, a name or '(', found end of expression"},
		{"   ", 4, "expected a number, a name or '(', found end of expression"},
		{"foo(x)", 1, "unknown function 'foo' (known: clamp, max, min, abs, exp, log, "
			      "relu, sigmoid, tanh)"},
		{"exp + 1", 1, "'exp' is a function: write exp(x)"},
		{"(x + 1", 7, "expected ')' to close '(' at column 1, found end of expression"},
		{"((x)", 5, "expected ')' to close '(' at column 1, found end of expression"},
		{"x + 1)", 6, "')' has no matching '('"},
		{"max(x, y", 9, "expected ',' or ')' to close '(' at column 4, found end of "
				"expression"},
		{"max(x,)", 7, "expected a number, a name or '(' after ',', found ')'"},
		{"2x", 2, "expected an operator before 'x' (write '*' to multiply)"},
		{"x $ y", 3, "expected an operator, found '$'"},
		{"$", 1, "expected a number, a name or '(', found '$'"},
		/* characters outside ASCII are shown whole, bytes that are not UTF-8 as \xNN;
		 * columns count characters: '\xc3\x97' (U+00D7) is one */
		{"x \xc3\xa9 y", 3, "expected an operator, found '\xc3\xa9'"},
		{"x \xc3\x97 \xc3\xa9", 5, "expected a number, a name or '(' after '\xc3\x97', found "
					 "'\xc3\xa9'"},
		{"x + \xff", 5, "expected a number, a name or '(' after '+', found '\\xFF'"},
		{"x + \xe2\x89", 5, "expected a number, a name or '(' after '+', found '\\xE2\\x89'"},
		{"\xe2\x88\x92" "1", 1, "expected a number, a name or '(', found '\xe2\x88\x92'"},
		{"1.2.3", 4, "expected an operator, found '.3'"},
		{"x + 1e", 5, "malformed number '1e': its exponent has no digits"},
		{"n1 + x", 1, "'n1' cannot be an input: n1, n2, ... name the graph's nodes"},
		{"x + 1e999", 5, "number '1e999' is too large"},
		{"x + aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 5,
		 "name 'aaaaaaaaaaaaaaaaaaaa...' is longer than 32 characters"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_expr e;
		ec_error err;
		ec_status st;

		ec_error_clear(&err);
		st = ec_expr_parse(cases[i].text, &e, &err);
		if (st == EC_OK)
			fail_msg("'%s' parsed", cases[i].text);
		assert_true(st == EC_ERR_PARSE || st == EC_ERR_RANGE);
		if (strcmp(err.msg, cases[i].msg) != 0 || err.column != cases[i].column)
			fail_msg("'%s': column %ld '%s', expected column %ld '%s'", cases[i].text,
				 err.column, err.msg, cases[i].column, cases[i].msg);
		assert_null(e.nodes); /* left empty */
		ec_expr_free(&e);
	}
}

static char *repeat(const char *unit, size_t times, const char *tail)
{
	size_t n = strlen(unit), t = strlen(tail), i;
	char *s = malloc(n * times + t + 1);

	assert_non_null(s);
	for (i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	memcpy(s + n * times, tail, t + 1);
	return s;
}

/* A million '(' or deep nesting of '(', '-', '**' and calls is a clear error, not a stack overflow. */
static void test_expr_parse_depth_and_size_limits(void **state)
{
	static const char *const units[] = {"(", "-", "2**", "exp("};
	ec_expr e;
	ec_error err;
	char *s;
	size_t i;

	(void)state;
	s = repeat("(", 1000000, "x");
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "expression is longer than 100000 characters");
	free(s);
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		s = repeat(units[i], 20000, "x");
		ec_error_clear(&err);
		assert_int_equal(ec_expr_parse(s, &e, &err), EC_ERR_RANGE);
		assert_string_equal(err.msg, "expression nests deeper than 200 levels");
		free(s);
	}
	/* Exactly EC_EXPR_MAX_DEPTH parentheses are fine, one more is not. */
	s = malloc(2 * EC_EXPR_MAX_DEPTH + 4);
	assert_non_null(s);
	memset(s, '(', EC_EXPR_MAX_DEPTH);
	s[EC_EXPR_MAX_DEPTH] = 'x';
	memset(s + EC_EXPR_MAX_DEPTH + 1, ')', EC_EXPR_MAX_DEPTH);
	s[2 * EC_EXPR_MAX_DEPTH + 1] = '\0';
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_OK);
	assert_int_equal(e.count, 1);
	ec_expr_free(&e);
	memmove(s + 1, s, 2 * EC_EXPR_MAX_DEPTH + 2);
	strcat(s, ")");
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_ERR_RANGE);
	assert_int_equal(err.column, EC_EXPR_MAX_DEPTH + 1);
	free(s);
	/* x+x+...: 5000 '+' is 5001 nodes (one x), 10000 '+' is 10001 > the limit. */
	s = repeat("x+", 5000, "x");
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_OK);
	assert_int_equal(e.count, 5001);
	ec_expr_free(&e);
	free(s);
	s = repeat("x+", 10000, "x");
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "expression has more than 10000 nodes");
	free(s);
	s = repeat(" ", EC_EXPR_MAX_TEXT, "x");
	assert_int_equal(ec_expr_parse(s, &e, &err), EC_ERR_RANGE);
	free(s);
}

static void test_expr_assign_errors(void **state)
{
	ec_expr e;
	ec_error err;
	size_t i;

	(void)state;
	assert_int_equal(ec_expr_parse("x * y", &e, &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, " x = -2.5 ", &err), EC_OK);
	assert_int_equal(ec_expr_find_input(&e, "x", &i), EC_OK);
	assert_near(e.inputs[i].value, -2.5, 0);
	assert_true(e.inputs[i].given);

	assert_int_equal(ec_expr_assign(&e, "x=1", &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "input 'x' is given twice");
	assert_int_equal(ec_expr_assign(&e, "z=1", &err), EC_ERR_NOTFOUND);
	assert_string_equal(err.msg, "unknown input 'z' (the expression's inputs are x, y)");
	assert_int_equal(ec_expr_assign(&e, "y", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'y' is not NAME=VALUE");
	assert_int_equal(ec_expr_assign(&e, "=3", &err), EC_ERR_PARSE);
	assert_int_equal(err.column, 1);
	assert_int_equal(ec_expr_assign(&e, "y=", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "input 'y' has no value after '='");
	assert_int_equal(err.column, 3);
	assert_int_equal(ec_expr_assign(&e, "y=abc", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "value of 'y' ('abc') is not a number");
	assert_int_equal(err.column, 3);
	assert_int_equal(ec_expr_assign(&e, "y=1e999", &err), EC_ERR_RANGE);
	assert_int_equal(ec_expr_assign(&e, "y=nan", &err), EC_ERR_PARSE);
	assert_int_equal(ec_expr_assign(&e, "y=0x10", &err), EC_ERR_PARSE);

	/* y still has no value: the forward pass names it and its column. */
	assert_int_equal(ec_expr_forward(&e, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "input 'y' has no value");
	assert_int_equal(err.column, 5);
	assert_int_equal(ec_expr_set_input(&e, "y", INFINITY, &err), EC_ERR_INVALID);
	ec_expr_free(&e);
}

static void test_expr_parse_number_forms(void **state)
{
	double v;
	ec_error err;

	(void)state;
	assert_int_equal(ec_expr_parse_number("-1.5e2", &v, &err), EC_OK);
	assert_near(v, -150, 0);
	assert_int_equal(ec_expr_parse_number("+.25", &v, &err), EC_OK);
	assert_near(v, 0.25, 0);
	assert_int_equal(ec_expr_parse_number("1.", &v, &err), EC_OK);
	assert_near(v, 1, 0);
	assert_int_equal(ec_expr_parse_number("inf", &v, &err), EC_ERR_PARSE);
	assert_int_equal(ec_expr_parse_number("", &v, &err), EC_ERR_PARSE);
	assert_int_equal(ec_expr_parse_number("1 ", &v, &err), EC_ERR_PARSE);
	assert_int_equal(ec_expr_parse_number("--1", &v, &err), EC_ERR_PARSE);
}

/* Expected strings are Python's repr() of the same doubles (shortest round trip). */
/* Constants as written on answer sheets (EC_EXPR_WRITTEN); each value worked by hand. */
static void test_expr_eval_constant_written_forms(void **state)
{
	const double ln2 = 0.69314718055994530942; /* ln 2 to 20 digits */
	const struct {
		const char *text;
		double value;
	} cases[] = {
		{"48 ln 2", 48 * ln2},             /* 33.2710646668773748... */
		{"48ln2", 48 * ln2},
		{"48 * log(2)", 48 * ln2},          /* log is natural */
		{"2ln2", 2 * ln2},                  /* 1.386294361119890618... */
		{"ln2", ln2},                       /* letters only: ln, then 2 */
		{"16 ln 2 + 8", 16 * ln2 + 8},      /* 19.0903548889591249... */
		{"ln 2 * 3", 3 * ln2},              /* a bare call takes only "2" */
		{"1/2 ln 4", ln2},                  /* (1/2) * ln 4 = ln 2 */
		{"3(1+1)", 6},
		{"(1+1)(2+3)", 10},                 /* 2 * 5 */
		{"6/2(1+2)", 9},                    /* left to right at '*' precedence: 3 * 3 */
		{"-1/4", -0.25},
		{"\xE2\x88\x92" "1/4", -0.25},      /* U+2212 minus */
		{"2**3", 8},
		{"2**-1", 0.5},
		{"-2**2", -4},                      /* ** binds tighter than unary minus */
		{"exp(0)", 1},
		{"2exp(0)", 2},                     /* "2e" is not a number here: 2 * exp(0) */
		{"exp -1", 0.36787944117144232160}, /* 1/e */
		{"sqrt 16", 4},
		{"sqrt(2.25)", 1.5},
		{"ln(exp(2))", 2},
		{"16 x 8 x 64 x 64", 524288},       /* 2^4 * 2^3 * 2^6 * 2^6 = 2^19 */
		{"16 \xC3\x97 8", 128},             /* U+00D7 */
		{"2 X -3", -6},
		{"3 - -1", 4},                      /* a sign after an operator is fine */
		{"2e-3x2", 0.004},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double v = NAN;
		ec_error err;

		ec_error_clear(&err);
		if (ec_expr_eval_constant(cases[i].text, EC_EXPR_WRITTEN, &v, &err) != EC_OK)
			fail_msg("'%s': %s", cases[i].text, err.msg);
		if (!(fabs(v - cases[i].value) <= 1e-15 * fmax(1, fabs(cases[i].value))))
			fail_msg("'%s' = %.17g, expected %.17g", cases[i].text, v, cases[i].value);
	}
}

static void test_expr_eval_constant_written_errors(void **state)
{
	static const struct {
		const char *text;
		ec_status status;
		long column;
		const char *msg;
	} cases[] = {
		{"x", EC_ERR_PARSE, 1, "'x' is neither a number nor a function (known: clamp, max, "
				       "min, abs, exp, log, relu, sigmoid, tanh, ln, sqrt)"},
		{"inf", EC_ERR_PARSE, 1, "'inf' is neither a number nor a function (known: clamp, "
					 "max, min, abs, exp, log, relu, sigmoid, tanh, ln, sqrt)"},
		{"1 2", EC_ERR_PARSE, 3, "expected an operator before '2' (write '*' to multiply)"},
		{"--3", EC_ERR_PARSE, 2, "two signs in a row"},
		{"+-3", EC_ERR_PARSE, 2, "two signs in a row"},
		{"log2(8)", EC_ERR_PARSE, 1, "'log2' reads as a logarithm to base 2; log is the "
					     "natural logarithm here (write ln or log(x))"},
		{"max 1", EC_ERR_PARSE, 1, "'max' is a function: write max(a, b)"},
		{"ln", EC_ERR_PARSE, 3, "expected a number, a name or '(', found end of expression"},
		{"1/0", EC_ERR_RANGE, 2, "1/0: division by zero"},
		{"ln 0", EC_ERR_RANGE, 1, "ln 0: log of 0, which is not positive"},
		{"sqrt(-1)", EC_ERR_RANGE, 1, "sqrt(-1): square root of -1, which is negative"},
		{"1e999", EC_ERR_RANGE, 1, "number '1e999' is too large"},
		{"10**400", EC_ERR_RANGE, 3, "10**400: the value is not finite (overflow)"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double v = 7;
		ec_error err;
		ec_status st;

		ec_error_clear(&err);
		st = ec_expr_eval_constant(cases[i].text, EC_EXPR_WRITTEN, &v, &err);
		if (st != cases[i].status || strcmp(err.msg, cases[i].msg) != 0 ||
		    err.column != cases[i].column)
			fail_msg("'%s': status %d column %ld '%s', expected %d column %ld '%s'",
				 cases[i].text, st, err.column, err.msg, cases[i].status,
				 cases[i].column, cases[i].msg);
		assert_true(v == 7); /* untouched */
	}
}

/* The program grammar is unchanged: no ln or sqrt, no implicit multiplication, inputs allowed. */
static void test_expr_parse_program_syntax_unchanged(void **state)
{
	ec_expr e;
	ec_error err;
	double v;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_expr_parse("ln(2)", &e, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "unknown function 'ln' (known: clamp, max, min, abs, exp, "
				     "log, relu, sigmoid, tanh)");
	assert_int_equal(ec_expr_parse("2ln2", &e, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "expected an operator before 'ln2' (write '*' to multiply)");
	assert_int_equal(ec_expr_parse("sqrt + 1", &e, &err), EC_OK); /* an input called sqrt */
	assert_int_equal(e.input_count, 1);
	assert_string_equal(e.inputs[0].name, "sqrt");
	ec_expr_free(&e);
	assert_int_equal(ec_expr_parse_syntax("--3", EC_EXPR_PROGRAM, &e, &err), EC_OK);
	ec_expr_free(&e);
	/* a constant in the program grammar: 2 * (3 + 4) = 14; an input is an error */
	assert_int_equal(ec_expr_eval_constant("2 * (3 + 4)", EC_EXPR_PROGRAM, &v, &err), EC_OK);
	assert_true(v == 14);
	assert_int_equal(ec_expr_eval_constant("y + 1", EC_EXPR_PROGRAM, &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'y' is an input; a constant has none");
	assert_int_equal(err.column, 1);
}

/* The written syntax keeps its nodes: "48 ln 2" is number, number, log, mul. */
static void test_expr_parse_written_nodes(void **state)
{
	ec_expr e;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_expr_parse_syntax("48 ln 2", EC_EXPR_WRITTEN, &e, &err), EC_OK);
	assert_int_equal(e.count, 4);
	assert_int_equal(e.nodes[0].op, EC_EXPR_NUMBER);
	assert_int_equal(e.nodes[1].op, EC_EXPR_NUMBER);
	assert_int_equal(e.nodes[2].op, EC_EXPR_LOG);
	assert_int_equal(e.nodes[3].op, EC_EXPR_MUL);
	assert_int_equal(e.nodes[3].column, 4); /* the implicit product sits where "ln" starts */
	ec_expr_free(&e);
	/* U+2212 became '-': the node text is of the translated text */
	assert_int_equal(ec_expr_parse_syntax("\xE2\x88\x92" "2", EC_EXPR_WRITTEN, &e, &err), EC_OK);
	assert_string_equal(e.text, "-2");
	ec_expr_free(&e);
}

static void test_expr_format_number_shortest(void **state)
{
	static const struct {
		double v;
		const char *s;
	} cases[] = {
		{10, "10"},
		{0.1, "0.1"},
		{-0.0, "0"},
		{1.0 / 3, "0.3333333333333333"},
		{2.0 / 3, "0.6666666666666666"},
		{0.1 + 0.2, "0.30000000000000004"},
		{-2.5, "-2.5"},
		{1e16, "10000000000000000"},
		{1e17, "1e+17"},
		{1e-5, "0.00001"},
		{1e-6, "1e-06"},
		{123456.789, "123456.789"},
		{5e-324, "5e-324"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(ec_expr_format_number(cases[i].v, buf, sizeof(buf)),
				    cases[i].s);
}

static void test_expr_op_name_all(void **state)
{
	(void)state;
	assert_string_equal(ec_expr_op_name(EC_EXPR_POW), "**");
	assert_string_equal(ec_expr_op_name(EC_EXPR_CLAMP), "clamp");
	assert_string_equal(ec_expr_op_name(EC_EXPR_NEG), "neg");
	assert_string_equal(ec_expr_op_name(EC_EXPR_TANH), "tanh");
	assert_string_equal(ec_expr_op_name(EC_EXPR_SQRT), "sqrt");
	assert_string_equal(ec_expr_op_name(EC_EXPR_ABS), "abs");
}

/*
 * The file format, by hand: x = 1, y = 3, z = 1 give x*y = 3, 2**3 = 8,
 * y - z = 2, output 16; dz = -8, dx = 2*8 ln2 * y = 48 ln 2,
 * dy = 2*8 ln2 * x + 8 = 16 ln 2 + 8.
 */
static void test_expr_file_load_good(void **state)
{
	const char *text = "# a stand-in\n"
			   "\n"
			   "expr clamp(2**(x*y), 1, 10) * (y - z)   # the graph\n"
			   "z = 1\n"
			   "  x=1\r\n"
			   "y = 3\n";
	ec_expr e;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	if (ec_expr_file_load(text, "g.graph", &e, &err) != EC_OK)
		fail_msg("%s", err.msg);
	assert_near(output(&e), 16, 0);
	assert_near(grad_of(&e, "x"), 48 * log(2), 1e-13);
	assert_near(grad_of(&e, "y"), 16 * log(2) + 8, 1e-13);
	assert_near(grad_of(&e, "z"), -8, 0);
	assert_string_equal(e.inputs[0].name, "x");
	ec_expr_free(&e);
}

/*
 * A graph file's lines end at LF, CRLF or a lone CR, after an optional
 * UTF-8 byte-order mark, as in the other line-based files. The graph of
 * test_expr_file_load_good: output 16, dz = -8.
 */
static void test_expr_file_load_bom_and_line_ends(void **state)
{
	const char *text = "\xEF\xBB\xBF# a stand-in\r"
			   "expr clamp(2**(x*y), 1, 10) * (y - z)\r\n"
			   "z = 1\rx = 1\r\r"
			   "y = 3\r";
	const char *bad = "\xEF\xBB\xBF" "expr x + w\rx = 1\r\rw = 2)\r";
	ec_expr e;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	if (ec_expr_file_load(text, "g.graph", &e, &err) != EC_OK)
		fail_msg("%ld:%ld: %s", err.line, err.column, err.msg);
	assert_near(output(&e), 16, 0);
	assert_near(grad_of(&e, "z"), -8, 0);
	assert_int_equal(e.input_count, 3);
	ec_expr_free(&e);
	/* line 4 (the lone CRs count), column 6: the ')' of "w = 2)" */
	assert_int_equal(ec_expr_file_load(bad, "g.graph", &e, &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 4);
	assert_int_equal(err.column, 6);
	assert_string_equal(err.msg, "value of 'w' ('2)'): ')' has no matching '('");
	/* the BOM does not shift columns of line 1 either */
	assert_int_equal(ec_expr_file_load("\xEF\xBB\xBF" "expr 2**(x\r", "g.graph", &e, &err),
			 EC_ERR_PARSE);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 11);
}

static void test_expr_file_load_errors(void **state)
{
	static const struct {
		const char *text;
		long line, column;
		ec_status status;
		const char *msg;
	} cases[] = {
		{"x = 1\n", 0, 0, EC_ERR_PARSE, "no 'expr EXPRESSION' line"},
		{"expr x\nexpr y\n", 2, 1, EC_ERR_PARSE, "a second 'expr' line (the first is line 1)"},
		{"  expr\n", 1, 3, EC_ERR_PARSE, "'expr' has no expression after it"},
		{"# c\nexpr 2**(x\n", 2, 11, EC_ERR_PARSE,
		 "expected ')' to close '(' at column 9, found end of expression"},
		{"expr x*y\nx = 1\n", 1, 8, EC_ERR_PARSE,
		 "input 'y' has no value (add a line 'y = VALUE')"},
		{"expr x\nx = 1\n w = 2\n", 3, 2, EC_ERR_PARSE,
		 "unknown input 'w' (the expression's inputs are x)"},
		{"expr x\nx = 1\nx = 2\n", 3, 1, EC_ERR_PARSE, "input 'x' is given twice"},
		{"expr x\nx = one\n", 2, 5, EC_ERR_PARSE, "value of 'x' ('one') is not a number"},
		{"expr x\nwhat\n", 2, 1, EC_ERR_PARSE, "'what' is not NAME=VALUE"},
		{"expr  log(x)\nx = 0\n", 1, 7, EC_ERR_RANGE, "n1 = log(x): log of 0, which is not "
							     "positive"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_expr e;
		ec_error err;

		ec_error_clear(&err);
		assert_int_equal(ec_expr_file_load(cases[i].text, "g.graph", &e, &err),
				 cases[i].status);
		if (strcmp(err.msg, cases[i].msg) != 0 || err.line != cases[i].line ||
		    err.column != cases[i].column)
			fail_msg("case %zu: %ld:%ld '%s', expected %ld:%ld '%s'", i, err.line,
				 err.column, err.msg, cases[i].line, cases[i].column, cases[i].msg);
		assert_string_equal(err.file, "g.graph");
		assert_null(e.nodes);
	}
}

/*
 * Whole powers of negative bases by hand: (-2)**3 = -8; x**3 at -2 is -8
 * with dx = 3 * (-2)^2 = 12; x**-1 at -2 is -1/2 with dx = -1 * (-2)^-2 =
 * -1/4; x**2 at -3 is 9 with dx = -6. A non-integer power is an error.
 */
static void test_expr_power_negative_base_by_hand(void **state)
{
	static const struct {
		const char *text;
		double x, value, dx;
	} cases[] = {
		{"(-2)**3 + 0*x", 1, -8, 0},
		{"x**3", -2, -8, 12},
		{"x**-1", -2, -0.5, -0.25},
		{"x**2", -3, 9, -6},
	};
	ec_expr e;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (run(cases[i].text, &cases[i].x, &e, &err) != EC_OK)
			fail_msg("%s: %s", cases[i].text, err.msg);
		assert_near(output(&e), cases[i].value, 0);
		assert_near(grad_of(&e, "x"), cases[i].dx, 0);
		ec_expr_free(&e);
	}
	assert_int_equal(run("(-2)**0.5 + x", (const double[]){1}, &e, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "(-2)**0.5: negative base -2 to the non-integer power 0.5");
	ec_expr_free(&e);
}

/* '×' (U+00D7) multiplies: x × y at (2, 3) is 6, dx = 3, dy = 2; the node sits at column 3. */
static void test_expr_parse_times_sign(void **state)
{
	ec_expr e;
	ec_error err;

	(void)state;
	assert_int_equal(run("x \xC3\x97 y", (const double[]){2, 3}, &e, &err), EC_OK);
	assert_near(output(&e), 6, 0);
	assert_near(grad_of(&e, "x"), 3, 0);
	assert_near(grad_of(&e, "y"), 2, 0);
	assert_int_equal(e.nodes[2].op, EC_EXPR_MUL);
	assert_int_equal(e.nodes[2].column, 3);
	ec_expr_free(&e);
	/* columns count characters: the 'z' of "x × y + z" is column 9, byte 10 */
	assert_int_equal(ec_expr_parse("x \xC3\x97 y + z", &e, &err), EC_OK);
	assert_int_equal(e.inputs[2].column, 9);
	ec_expr_free(&e);
}

/*
 * Values are numbers or constant expressions, with their exact forms:
 * 1/2 = 0.5 exactly; -2**0.5 = -(2**0.5) = -1.4142135623730951 (sqrt 2
 * to 17 digits), no exact form; 3 * 2**-4 = 3/16 = 0.1875; 1/3 is kept
 * as one third.
 */
static void test_expr_assign_values_as_expressions(void **state)
{
	ec_expr e;
	ec_error err;
	size_t i;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_expr_parse("a + b + c + d", &e, &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, "a=1/2", &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, "b = -2**0.5", &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, "c= 3 * 2**-4", &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, "d =1/3", &err), EC_OK);
	assert_near(e.inputs[0].value, 0.5, 0);
	assert_true(e.inputs[0].exact.known);
	assert_int_equal(e.inputs[0].exact.a.num, 1);
	assert_int_equal(e.inputs[0].exact.a.den, 2);
	assert_near(e.inputs[1].value, -1.4142135623730951, 0);
	assert_false(e.inputs[1].exact.known);
	assert_near(e.inputs[2].value, 0.1875, 0);
	assert_int_equal(e.inputs[2].exact.a.num, 3);
	assert_int_equal(e.inputs[2].exact.a.den, 16);
	assert_near(e.inputs[3].value, 1.0 / 3, 0);
	assert_int_equal(e.inputs[3].exact.a.num, 1);
	assert_int_equal(e.inputs[3].exact.a.den, 3);
	assert_int_equal(e.inputs[3].exact.b.num, 0);
	ec_expr_free(&e);

	/* errors: the column points into the value */
	assert_int_equal(ec_expr_parse("y", &e, &err), EC_OK);
	assert_int_equal(ec_expr_assign(&e, "y=1/0", &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "value of 'y' ('1/0'): 1/0: division by zero");
	assert_int_equal(err.column, 4);
	assert_int_equal(ec_expr_assign(&e, "y = 2 *", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "value of 'y' ('2 *'): expected a number, a name or '(' "
				     "after '*', found end of expression");
	assert_int_equal(err.column, 8);
	assert_int_equal(ec_expr_assign(&e, "y=(-8)**(1/3)", &err), EC_ERR_RANGE);
	assert_int_equal(ec_expr_assign(&e, "y=2*x", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "value of 'y' ('2*x') is not a number");
	assert_int_equal(ec_expr_find_input(&e, "y", &i), EC_OK);
	assert_false(e.inputs[i].given);
	ec_expr_free(&e);
}

/* Exact forms of every node of `text` at `values` (both passes run). */
static ec_expr_exact *exact_run(const char *text, const double *values, ec_expr *e)
{
	ec_error err;
	ec_expr_exact *x;

	if (run(text, values, e, &err) != EC_OK)
		fail_msg("%s: %s", text, err.msg);
	x = calloc(e->count, sizeof(*x));
	assert_non_null(x);
	ec_expr_exact_forms(e, x);
	return x;
}

static void assert_form(ec_ln2 f, int64_t an, int64_t ad, int64_t bn, int64_t bd)
{
	if (!f.known || f.a.num != an || f.a.den != ad || f.b.num != bn || f.b.den != bd)
		fail_msg("form %s %lld/%lld + %lld/%lld ln 2, expected %lld/%lld + %lld/%lld ln 2",
			 f.known ? "known" : "unknown", (long long)f.a.num, (long long)f.a.den,
			 (long long)f.b.num, (long long)f.b.den, (long long)an, (long long)ad,
			 (long long)bn, (long long)bd);
}

/*
 * clamp(2**(x*y), 1, 10) * (y - z) at x = 1, y = 3, z = 1 by hand: x*y = 3,
 * 2**3 = 8 inside [1, 10], y - z = 2, output 16. Gradients: n4 = y - z gets
 * 8, z gets -8, the clamp 2, 2**n1 2, n1 = x*y gets 2 * 8 ln 2 = 16 ln 2,
 * x gets 3 * 16 ln 2 = 48 ln 2, y gets 16 ln 2 + 8.
 */
static void test_expr_exact_forms_by_hand(void **state)
{
	ec_expr e;
	ec_expr_exact *x;

	(void)state;
	x = exact_run("clamp(2**(x*y), 1, 10) * (y - z)", (const double[]){1, 3, 1}, &e);
	/* nodes: 2 x y n1 n2 1 10 n3 z n4 n5 */
	assert_string_equal(e.nodes[10].label, "n5");
	assert_form(x[10].value, 16, 1, 0, 1);
	assert_form(x[1].grad, 0, 1, 48, 1);
	assert_form(x[2].grad, 8, 1, 16, 1);
	assert_form(x[3].grad, 0, 1, 16, 1);
	assert_form(x[4].partial[1], 0, 1, 8, 1); /* d 2**n1 / d n1 = 8 ln 2 */
	assert_form(x[8].grad, -8, 1, 0, 1);
	assert_false(x[0].grad.known); /* the constant 2 has no gradient */
	free(x);
	ec_expr_free(&e);

	/* saturated: 2**4 = 16 > 10, the clamp outputs 10, nothing flows back */
	x = exact_run("clamp(2**x, 1, 10) * y", (const double[]){4, 3}, &e);
	assert_form(x[e.inputs[0].node].grad, 0, 1, 0, 1);
	assert_form(x[e.count - 2].grad, 10, 1, 0, 1);
	free(x);
	ec_expr_free(&e);

	/* literals and fractions: 0.1 + 0.2 is 3/10 exactly (the doubles differ by 5.6e-17) */
	x = exact_run("0.1 + 0.2 + x / 3", (const double[]){1}, &e);
	assert_form(x[e.count - 1].value, 19, 30, 0, 1);
	assert_form(x[e.inputs[0].node].grad, 1, 3, 0, 1);
	free(x);
	ec_expr_free(&e);

	/* log of powers of 2 and 2**x with x = -1: log(2**x) = x ln 2 = -ln 2, d/dx = ln 2 */
	x = exact_run("log(2**x)", (const double[]){-1}, &e);
	assert_form(x[e.count - 1].value, 0, 1, -1, 1);
	assert_form(x[e.inputs[0].node].grad, 0, 1, 1, 1);
	free(x);
	ec_expr_free(&e);

	/* abs, max and relu branch exactly; (-2)**3 as usual */
	x = exact_run("abs(x) + max(x, -x) + relu(x) + (-2)**3", (const double[]){-1.5}, &e);
	assert_form(x[e.count - 1].value, -5, 1, 0, 1);
	assert_form(x[0].grad, -2, 1, 0, 1); /* -1 from abs, -1 from max (-x wins), 0 from relu */
	free(x);
	ec_expr_free(&e);
}

/*
 * Where the form a + b ln 2 does not hold, or does not fit, the form is
 * unknown, never wrong: 2**(2**x) at x = 1 has dx = 4 ln 2 * 2 ln 2 =
 * 8 (ln 2)^2; exp(1) is e; 3**40 * 3**40 = 3^80 is beyond 64 bits.
 */
static void test_expr_exact_forms_unknown(void **state)
{
	ec_expr e;
	ec_expr_exact *x;

	(void)state;
	x = exact_run("2**(2**x)", (const double[]){1}, &e);
	assert_form(x[e.count - 1].value, 4, 1, 0, 1);
	assert_false(x[e.inputs[0].node].grad.known);
	free(x);
	ec_expr_free(&e);
	x = exact_run("exp(x)", (const double[]){1}, &e);
	assert_false(x[1].value.known);
	assert_false(x[0].grad.known);
	free(x);
	ec_expr_free(&e);
	x = exact_run("x**40 * x**40", (const double[]){3}, &e);
	assert_false(x[e.count - 1].value.known);
	free(x);
	ec_expr_free(&e);
}

/* Each form as text, read back by the answer-sheet syntax: the same number. */
static void test_ln2_format_reads_back(void **state)
{
	static const struct {
		int64_t an, ad, bn, bd;
		const char *text;
	} cases[] = {
		{5, 1, 0, 1, "5"},
		{-1, 4, 0, 1, "-1/4"},
		{0, 1, 0, 1, "0"},
		{0, 1, 1, 1, "ln 2"},
		{0, 1, -1, 1, "-ln 2"},
		{0, 1, 20, 1, "20 ln 2"},
		{0, 1, -3, 2, "-(3/2) ln 2"},
		{10, 1, -20, 1, "10 - 20 ln 2"},
		{1, 2, 3, 2, "1/2 + (3/2) ln 2"},
		{-1, 1, -1, 1, "-1 - ln 2"},
	};
	const double ln2 = 0.69314718055994530942;
	char buf[80];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ec_ln2 f = {true, {cases[i].an, cases[i].ad}, {cases[i].bn, cases[i].bd}};
		double want = (double)cases[i].an / (double)cases[i].ad +
			      (double)cases[i].bn / (double)cases[i].bd * ln2, v;
		ec_error err;

		assert_string_equal(ec_ln2_format(f, buf, sizeof(buf)), cases[i].text);
		assert_int_equal(ec_expr_eval_constant(buf, EC_EXPR_WRITTEN, &v, &err), EC_OK);
		assert_near(v, want, 1e-15 * fmax(1, fabs(want)));
		assert_near(ec_ln2_value(f), want, 1e-15 * fmax(1, fabs(want)));
	}
	assert_string_equal(ec_ln2_format(ec_ln2_from_double(NAN), buf, sizeof(buf)), "?");
}

/*
 * For a reader: 6 significant figures, the exact form first when the
 * decimal does not show it. 20 ln 2 = 13.862943611198906 -> 13.8629;
 * 10 - 20 ln 2 = -3.8629436... -> -3.86294; 1/3 -> 0.333333; 5/8 is
 * 0.625 exactly; 3/10 is 0.3 (the double 0.30000000000000004 is its
 * neighbour); e = 2.718281828... has no form: "≈ 2.71828".
 */
static void test_ln2_describe_short(void **state)
{
	const double ln2 = 0.69314718055994530942;
	ec_ln2 twenty = {true, {0, 1}, {20, 1}}, mixed = {true, {10, 1}, {-20, 1}};
	char buf[128];

	(void)state;
	assert_string_equal(ec_ln2_describe(20 * ln2, twenty, buf, sizeof(buf)),
			    "20 ln 2 \xE2\x89\x88 13.8629");
	assert_string_equal(ec_ln2_describe(10 - 20 * ln2, mixed, buf, sizeof(buf)),
			    "10 - 20 ln 2 \xE2\x89\x88 -3.86294");
	assert_string_equal(ec_ln2_describe(1.0 / 3, ec_ln2_rational(1, 3), buf, sizeof(buf)),
			    "1/3 \xE2\x89\x88 0.333333");
	assert_string_equal(ec_ln2_describe(0.625, ec_ln2_rational(5, 8), buf, sizeof(buf)),
			    "0.625");
	assert_string_equal(ec_ln2_describe(0.1 + 0.2, ec_ln2_rational(3, 10), buf, sizeof(buf)),
			    "0.3");
	assert_string_equal(ec_ln2_describe(8, ec_ln2_rational(8, 1), buf, sizeof(buf)), "8");
	assert_string_equal(ec_ln2_describe(exp(1), ec_ln2_from_double(NAN), buf, sizeof(buf)),
			    "\xE2\x89\x88 2.71828");
	assert_string_equal(ec_ln2_describe(-8, ec_ln2_from_double(NAN), buf, sizeof(buf)), "-8");
	/* a form that is not the number given is not shown */
	assert_string_equal(ec_ln2_describe(13.9, twenty, buf, sizeof(buf)), "13.9");
}

/*
 * x**y at x = -2, y = 3: the value (-2)^3 = -8; d/dx = y x^(y-1) = 3 * 4 =
 * 12, which exists (x**3 is a polynomial); d/dy would be x^y ln x, and
 * (-2)^y is defined at whole y only, so it does not exist. The same
 * through a sum and a product: f = 5*x + x**y has df/dx = 5 + 12 = 17 and
 * no df/dy; and y below the exponent, f = x**(2*y), has neither only for
 * y (df/dx = 2y x^(2y-1) = 6 * (-2)^5 = -192). The finite difference of
 * x**3 around -2 agrees with 12.
 */
static void test_expr_backward_no_gradient_towards_exponent(void **state)
{
	const double at[2] = {-2, 3};
	ec_expr e;
	ec_error err;
	size_t x, y;

	(void)state;
	assert_int_equal(run("x**y", at, &e, &err), EC_OK);
	assert_near(output(&e), -8, 0);
	assert_int_equal(ec_expr_find_input(&e, "x", &x), EC_OK);
	assert_int_equal(ec_expr_find_input(&e, "y", &y), EC_OK);
	assert_false(e.nodes[e.inputs[x].node].no_grad);
	assert_near(e.nodes[e.inputs[x].node].grad, 12, 0);
	assert_near((pow(-2 + 1e-6, 3) - pow(-2 - 1e-6, 3)) / 2e-6, 12, 1e-6);
	assert_true(e.nodes[e.inputs[y].node].no_grad);
	assert_near(e.nodes[e.inputs[y].node].grad, 0, 0);
	assert_int_equal(e.nodes[e.inputs[y].node].missing, 2); /* n1 = x**y */
	ec_expr_free(&e);
	assert_int_equal(run("5*x + x**y", at, &e, &err), EC_OK);
	assert_near(grad_of(&e, "x"), 17, 0);
	assert_true(e.nodes[e.inputs[1].node].no_grad);
	ec_expr_free(&e);
	assert_int_equal(run("x**(2*y)", at, &e, &err), EC_OK);
	assert_near(output(&e), 64, 0);
	assert_near(grad_of(&e, "x"), -192, 0);
	assert_true(e.nodes[e.inputs[1].node].no_grad);
	ec_expr_free(&e);
	/* a graph file must give every input a gradient: q3.1.1's answer prints them all */
	assert_int_equal(ec_expr_file_load("expr x**y\nx = -2\ny = 3\n", "g", &e, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "n1 = x**y: negative base -2: no derivative with respect to the "
				     "exponent (a power of a negative number is defined at whole "
				     "exponents only)");
	assert_int_equal(err.line, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expr_backward_matches_finite_differences),
		cmocka_unit_test(test_expr_backward_exam_operators_by_hand),
		cmocka_unit_test(test_expr_backward_fan_out_sums),
		cmocka_unit_test(test_expr_parse_precedence),
		cmocka_unit_test(test_expr_parse_nodes_and_labels),
		cmocka_unit_test(test_expr_backward_kink_conventions),
		cmocka_unit_test(test_expr_forward_power_at_zero),
		cmocka_unit_test(test_expr_backward_no_gradient_towards_exponent),
		cmocka_unit_test(test_expr_forward_domain_errors),
		cmocka_unit_test(test_expr_backward_gradient_overflow),
		cmocka_unit_test(test_expr_parse_malformed_columns),
		cmocka_unit_test(test_expr_parse_depth_and_size_limits),
		cmocka_unit_test(test_expr_assign_errors),
		cmocka_unit_test(test_expr_parse_number_forms),
		cmocka_unit_test(test_expr_eval_constant_written_forms),
		cmocka_unit_test(test_expr_eval_constant_written_errors),
		cmocka_unit_test(test_expr_parse_program_syntax_unchanged),
		cmocka_unit_test(test_expr_parse_written_nodes),
		cmocka_unit_test(test_expr_format_number_shortest),
		cmocka_unit_test(test_expr_op_name_all),
		cmocka_unit_test(test_expr_file_load_good),
		cmocka_unit_test(test_expr_file_load_bom_and_line_ends),
		cmocka_unit_test(test_expr_file_load_errors),
		cmocka_unit_test(test_expr_power_negative_base_by_hand),
		cmocka_unit_test(test_expr_parse_times_sign),
		cmocka_unit_test(test_expr_assign_values_as_expressions),
		cmocka_unit_test(test_expr_exact_forms_by_hand),
		cmocka_unit_test(test_expr_exact_forms_unknown),
		cmocka_unit_test(test_ln2_format_reads_back),
		cmocka_unit_test(test_ln2_describe_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
