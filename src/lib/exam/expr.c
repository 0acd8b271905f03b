#include "examcheck/ec_expr.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lines.h"
#include "examcheck/ec_utf8.h"

struct parser {
	const char *s;
	bool written;    /* EC_EXPR_WRITTEN: see ec_expr_parse_syntax() */
	size_t pos;      /* next unread character */
	size_t last_end; /* end of the last token consumed */
	int depth;
	ec_expr *e;
	ec_error *err;
	size_t capacity;
};

static const struct {
	const char *name;
	ec_expr_op op;
	size_t nargs;
	const char *signature;
	bool written_only; /* known in EC_EXPR_WRITTEN only */
} functions[] = {
	{"clamp", EC_EXPR_CLAMP, 3, "clamp(x, a, b)", false},
	{"max", EC_EXPR_MAX, 2, "max(a, b)", false},
	{"min", EC_EXPR_MIN, 2, "min(a, b)", false},
	{"abs", EC_EXPR_ABS, 1, "abs(x)", false},
	{"exp", EC_EXPR_EXP, 1, "exp(x)", false},
	{"log", EC_EXPR_LOG, 1, "log(x)", false},
	{"relu", EC_EXPR_RELU, 1, "relu(x)", false},
	{"sigmoid", EC_EXPR_SIGMOID, 1, "sigmoid(x)", false},
	{"tanh", EC_EXPR_TANH, 1, "tanh(x)", false},
	{"ln", EC_EXPR_LOG, 1, "ln(x)", true},
	{"sqrt", EC_EXPR_SQRT, 1, "sqrt(x)", true},
};

#define NFUNCTIONS (sizeof(functions) / sizeof(functions[0]))

const char *ec_expr_op_name(ec_expr_op op)
{
	switch (op) {
	case EC_EXPR_NUMBER:
		return "number";
	case EC_EXPR_INPUT:
		return "input";
	case EC_EXPR_ADD:
		return "+";
	case EC_EXPR_SUB:
		return "-";
	case EC_EXPR_MUL:
		return "*";
	case EC_EXPR_DIV:
		return "/";
	case EC_EXPR_NEG:
		return "neg";
	case EC_EXPR_POW:
		return "**";
	case EC_EXPR_CLAMP:
		return "clamp";
	case EC_EXPR_MAX:
		return "max";
	case EC_EXPR_MIN:
		return "min";
	case EC_EXPR_EXP:
		return "exp";
	case EC_EXPR_LOG:
		return "log";
	case EC_EXPR_RELU:
		return "relu";
	case EC_EXPR_SIGMOID:
		return "sigmoid";
	case EC_EXPR_TANH:
		return "tanh";
	case EC_EXPR_SQRT:
		return "sqrt";
	case EC_EXPR_ABS:
		return "abs";
	}
	return "unknown";
}

/* Write sign, digits d[0..n) and decimal exponent x as fixed or scientific text. */
static void layout_number(bool negative, const char *d, int n, int x, char *buf, size_t size)
{
	char out[64];
	size_t len = 0;
	int i;

	if (negative)
		out[len++] = '-';
	if (x < -5 || x > 16) {
		out[len++] = d[0];
		if (n > 1)
			out[len++] = '.';
		for (i = 1; i < n; i++)
			out[len++] = d[i];
		snprintf(out + len, sizeof(out) - len, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
	} else if (x < 0) {
		out[len++] = '0';
		out[len++] = '.';
		for (i = 0; i < -x - 1; i++)
			out[len++] = '0';
		for (i = 0; i < n; i++)
			out[len++] = d[i];
		out[len] = '\0';
	} else {
		for (i = 0; i < n || i <= x; i++) {
			if (i == x + 1)
				out[len++] = '.';
			out[len++] = i < n ? d[i] : '0';
		}
		out[len] = '\0';
	}
	snprintf(buf, size, "%s", out);
}

char *ec_expr_format_number(double value, char *buf, size_t size)
{
	char sci[40], digits[24];
	int precision, n = 0, exponent;
	const char *p;

	if (size == 0)
		return buf;
	if (value == 0 || !isfinite(value)) {
		snprintf(buf, size, "%s",
			 value == 0 ? "0" : isnan(value) ? "nan" : value > 0 ? "inf" : "-inf");
		return buf;
	}
	for (precision = 0; precision < 17; precision++) {
		snprintf(sci, sizeof(sci), "%.*e", precision, value);
		if (strtod(sci, NULL) == value)
			break;
	}
	for (p = sci + (sci[0] == '-'); *p != 'e'; p++)
		if (*p != '.')
			digits[n++] = *p;
	exponent = atoi(p + 1);
	while (n > 1 && digits[n - 1] == '0')
		n--;
	layout_number(value < 0, digits, n, exponent, buf, size);
	return buf;
}

void ec_expr_free(ec_expr *e)
{
	if (!e)
		return;
	free(e->text);
	free(e->nodes);
	free(e->inputs);
	memset(e, 0, sizeof(*e));
}

static long col(size_t pos)
{
	return (long)pos + 1;
}

static bool is_name_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static size_t skip_blanks(const char *s, size_t pos)
{
	while (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')
		pos++;
	return pos;
}

/* Length of the decimal number at s (0 when none); *bad_exponent when an 'e' has no digits. */
static size_t scan_number(const char *s, bool *bad_exponent)
{
	size_t n = 0, digits = 0;

	*bad_exponent = false;
	while (isdigit((unsigned char)s[n]))
		n++, digits++;
	if (s[n] == '.') {
		n++;
		while (isdigit((unsigned char)s[n]))
			n++, digits++;
	}
	if (digits == 0)
		return 0;
	if (s[n] == 'e' || s[n] == 'E') {
		size_t m = n + 1;

		if (s[m] == '+' || s[m] == '-')
			m++;
		if (!isdigit((unsigned char)s[m])) {
			*bad_exponent = true;
			return m;
		}
		while (isdigit((unsigned char)s[m]))
			m++;
		n = m;
	}
	return n;
}

/* Length of "digits[.digits]" at s: a number's mantissa without its exponent. */
static size_t scan_mantissa(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	if (s[n] == '.')
		for (n++; isdigit((unsigned char)s[n]); n++)
			;
	return n;
}

/* A name as written by hand: letters only, so "ln2" is ln then 2. */
static size_t scan_letters(const char *s)
{
	size_t n = 0;

	while (isalpha((unsigned char)s[n]))
		n++;
	return n;
}

static size_t scan_name(const char *s)
{
	size_t n = 0;

	if (!is_name_start(s[0]))
		return 0;
	while (is_name_char(s[n]))
		n++;
	return n;
}

/* A short quoted description of the token at s, for "found ..." messages. */
static void describe_token(const char *s, char *buf, size_t size)
{
	size_t n;
	bool bad;

	if (*s == '\0') {
		snprintf(buf, size, "end of expression");
		return;
	}
	if ((unsigned char)*s >= 0x80 || iscntrl((unsigned char)*s)) {
		char c[20];

		snprintf(buf, size, "'%s'", ec_utf8_char_text(s, strlen(s), NULL, c, sizeof(c)));
		return;
	}
	n = scan_name(s);
	if (n == 0)
		n = scan_number(s, &bad);
	if (n == 0)
		n = (s[0] == '*' && s[1] == '*') ? 2 : 1;
	if (n > 20)
		snprintf(buf, size, "'%.20s...'", s);
	else
		snprintf(buf, size, "'%.*s'", (int)n, s);
}

static ec_status convert_number(const char *s, size_t n, double *value, long column,
				ec_error *err)
{
	char small[64];
	char *copy = n < sizeof(small) ? small : malloc(n + 1);
	double v;

	if (!copy)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(copy, s, n);
	copy[n] = '\0';
	v = strtod(copy, NULL);
	if (copy != small)
		free(copy);
	if (!isfinite(v))
		return ec_error_at(err, EC_ERR_RANGE, NULL, 0, column,
				   "number '%.*s' is too large", n > 30 ? 30 : (int)n, s);
	*value = v;
	return EC_OK;
}

static ec_status add_node(struct parser *p, ec_expr_op op, size_t start, long column,
			  size_t *index)
{
	ec_expr *e = p->e;
	ec_expr_node *node;

	if (e->count >= EC_EXPR_MAX_NODES)
		return ec_error_at(p->err, EC_ERR_RANGE, NULL, 0, column,
				   "expression has more than %d nodes", EC_EXPR_MAX_NODES);
	if (e->count == p->capacity) {
		size_t cap = p->capacity ? 2 * p->capacity : 16;
		ec_expr_node *grown = realloc(e->nodes, cap * sizeof(*grown));

		if (!grown)
			return ec_error_set(p->err, EC_ERR_NOMEM, "out of memory");
		e->nodes = grown;
		p->capacity = cap;
	}
	node = &e->nodes[e->count];
	memset(node, 0, sizeof(*node));
	node->op = op;
	node->start = start;
	node->end = p->last_end;
	node->column = column;
	*index = e->count++;
	return EC_OK;
}

static void set_args(ec_expr *e, size_t index, const size_t *args, size_t nargs)
{
	ec_expr_node *node = &e->nodes[index];
	size_t k;

	node->nargs = nargs;
	node->constant = true;
	for (k = 0; k < nargs; k++) {
		node->arg[k] = args[k];
		if (!e->nodes[args[k]].constant)
			node->constant = false;
	}
}

static ec_status enter(struct parser *p)
{
	if (++p->depth > EC_EXPR_MAX_DEPTH)
		return ec_error_at(p->err, EC_ERR_RANGE, NULL, 0, col(p->pos),
				   "expression nests deeper than %d levels", EC_EXPR_MAX_DEPTH);
	return EC_OK;
}

static char peek(struct parser *p)
{
	p->pos = skip_blanks(p->s, p->pos);
	return p->s[p->pos];
}

static void consume(struct parser *p, size_t n)
{
	p->pos += n;
	p->last_end = p->pos;
}

static ec_status parse_sum(struct parser *p, size_t *out);
static ec_status parse_unary(struct parser *p, size_t *out);

/* The function called name[0..n) in the parser's syntax, or NFUNCTIONS. */
static size_t find_function(const struct parser *p, const char *name, size_t n)
{
	size_t fn;

	for (fn = 0; fn < NFUNCTIONS; fn++)
		if ((p->written || !functions[fn].written_only) &&
		    strlen(functions[fn].name) == n && memcmp(functions[fn].name, name, n) == 0)
			break;
	return fn;
}

/* "clamp, max, min, ...": the functions the parser's syntax knows. */
static void known_functions(const struct parser *p, char *buf, size_t size)
{
	size_t fn, used = 0;

	buf[0] = '\0';
	for (fn = 0; fn < NFUNCTIONS; fn++) {
		int w;

		if (functions[fn].written_only && !p->written)
			continue;
		w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", functions[fn].name);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
}

static ec_status expected_operand(struct parser *p, const char *after)
{
	char found[40];

	describe_token(p->s + p->pos, found, sizeof(found));
	return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(p->pos),
			   "expected a number, a name or '('%s%s, found %s",
			   after ? " after " : "", after ? after : "", found);
}

static ec_status parse_call(struct parser *p, size_t fn, size_t start, size_t name_pos,
			    size_t *out)
{
	size_t args[3], nargs = 0, open_pos;
	ec_status st;

	open_pos = p->pos;
	consume(p, 1);
	if (peek(p) != ')') {
		for (;;) {
			size_t arg;

			if ((st = parse_sum(p, &arg)) != EC_OK)
				return st;
			if (nargs < 3)
				args[nargs] = arg;
			nargs++;
			if (peek(p) != ',')
				break;
			consume(p, 1);
		}
	}
	if (peek(p) != ')') {
		char found[40];

		describe_token(p->s + p->pos, found, sizeof(found));
		return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(p->pos),
				   "expected ',' or ')' to close '(' at column %ld, found %s",
				   col(open_pos), found);
	}
	consume(p, 1);
	if (nargs != functions[fn].nargs)
		return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(name_pos),
				   "%s takes %zu argument%s, not %zu", functions[fn].signature,
				   functions[fn].nargs, functions[fn].nargs == 1 ? "" : "s",
				   nargs);
	if ((st = add_node(p, functions[fn].op, start, col(name_pos), out)) != EC_OK)
		return st;
	set_args(p->e, *out, args, nargs);
	return EC_OK;
}

static ec_status add_input(struct parser *p, size_t name_pos, size_t n, size_t *out)
{
	ec_expr *e = p->e;
	const char *name = p->s + name_pos;
	size_t i, k;
	ec_expr_input *grown;
	ec_status st;

	for (i = 0; i < e->input_count; i++) {
		if (strlen(e->inputs[i].name) == n && memcmp(e->inputs[i].name, name, n) == 0) {
			*out = e->inputs[i].node;
			return EC_OK;
		}
	}
	if (n > EC_EXPR_NAME_MAX)
		return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(name_pos),
				   "name '%.20s...' is longer than %d characters", name,
				   EC_EXPR_NAME_MAX);
	if (name[0] == 'n' && n > 1) {
		for (k = 1; k < n && isdigit((unsigned char)name[k]); k++)
			;
		if (k == n)
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(name_pos),
					   "'%.*s' cannot be an input: n1, n2, ... name the "
					   "graph's nodes", (int)n, name);
	}
	grown = realloc(e->inputs, (e->input_count + 1) * sizeof(*grown));
	if (!grown)
		return ec_error_set(p->err, EC_ERR_NOMEM, "out of memory");
	e->inputs = grown;
	if ((st = add_node(p, EC_EXPR_INPUT, name_pos, col(name_pos), out)) != EC_OK)
		return st;
	e->nodes[*out].input = e->input_count;
	memset(&e->inputs[e->input_count], 0, sizeof(e->inputs[0]));
	memcpy(e->inputs[e->input_count].name, name, n);
	e->inputs[e->input_count].node = *out;
	e->inputs[e->input_count].column = col(name_pos);
	e->input_count++;
	return EC_OK;
}

/* A one-argument function written without parentheses: "ln 2", "sqrt 2", "ln2". */
static ec_status parse_bare_call(struct parser *p, size_t fn, size_t start, size_t *out)
{
	size_t arg;
	ec_status st;

	if ((st = enter(p)) != EC_OK)
		return st;
	if ((st = parse_unary(p, &arg)) != EC_OK)
		return st;
	p->depth--;
	if ((st = add_node(p, functions[fn].op, start, col(start), out)) != EC_OK)
		return st;
	set_args(p->e, *out, &arg, 1);
	return EC_OK;
}

static ec_status parse_primary(struct parser *p, const char *after, size_t *out)
{
	char c = peek(p);
	size_t start = p->pos, n, fn;
	bool bad_exponent;
	ec_status st;

	if (c == '(') {
		if ((st = enter(p)) != EC_OK)
			return st;
		consume(p, 1);
		if ((st = parse_sum(p, out)) != EC_OK)
			return st;
		if (peek(p) != ')') {
			char found[40];

			describe_token(p->s + p->pos, found, sizeof(found));
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(p->pos),
					   "expected ')' to close '(' at column %ld, found %s",
					   col(start), found);
		}
		consume(p, 1);
		p->depth--;
		return EC_OK;
	}
	if ((n = scan_number(p->s + start, &bad_exponent)) > 0) {
		double value;

		if (bad_exponent && p->written) {
			n = scan_mantissa(p->s + start); /* "2exp(1)", "2e": 2, then a name */
			bad_exponent = false;
		}
		if (bad_exponent)
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(start),
					   "malformed number '%.*s': its exponent has no digits",
					   n > 30 ? 30 : (int)n, p->s + start);
		if ((st = convert_number(p->s + start, n, &value, col(start), p->err)) != EC_OK)
			return st;
		consume(p, n);
		if ((st = add_node(p, EC_EXPR_NUMBER, start, col(start), out)) != EC_OK)
			return st;
		p->e->nodes[*out].number = value;
		p->e->nodes[*out].constant = true;
		return EC_OK;
	}
	n = p->written ? scan_letters(p->s + start) : scan_name(p->s + start);
	if (n > 0) {
		char known[160];
		const char *name = p->s + start;

		fn = find_function(p, name, n);
		if (p->written && n == 3 && memcmp(name, "log", 3) == 0 &&
		    isdigit((unsigned char)name[3]))
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(start),
					   "'log%.*s' reads as a logarithm to base %.*s; log is the "
					   "natural logarithm here (write ln or log(x))",
					   (int)scan_mantissa(name + 3), name + 3,
					   (int)scan_mantissa(name + 3), name + 3);
		consume(p, n);
		if (peek(p) == '(') {
			if (fn == NFUNCTIONS) {
				known_functions(p, known, sizeof(known));
				return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(start),
						   "unknown function '%.*s' (known: %s)",
						   n > 30 ? 30 : (int)n, name, known);
			}
			if ((st = enter(p)) != EC_OK)
				return st;
			if ((st = parse_call(p, fn, start, start, out)) != EC_OK)
				return st;
			p->depth--;
			return EC_OK;
		}
		if (fn < NFUNCTIONS && p->written && functions[fn].nargs == 1)
			return parse_bare_call(p, fn, start, out);
		if (fn < NFUNCTIONS)
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(start),
					   "'%s' is a function: write %s", functions[fn].name,
					   functions[fn].signature);
		if (p->written) {
			known_functions(p, known, sizeof(known));
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(start),
					   "'%.*s' is neither a number nor a function (known: %s)",
					   n > 30 ? 30 : (int)n, name, known);
		}
		return add_input(p, start, n, out);
	}
	return expected_operand(p, after);
}

static ec_status parse_power(struct parser *p, const char *after, size_t *out)
{
	size_t start = (peek(p), p->pos), args[2], op_pos;
	ec_status st;

	if ((st = parse_primary(p, after, &args[0])) != EC_OK)
		return st;
	if (peek(p) != '*' || p->s[p->pos + 1] != '*') {
		*out = args[0];
		return EC_OK;
	}
	op_pos = p->pos;
	consume(p, 2);
	if ((st = enter(p)) != EC_OK)
		return st;
	if ((st = parse_unary(p, &args[1])) != EC_OK)
		return st;
	p->depth--;
	if ((st = add_node(p, EC_EXPR_POW, start, col(op_pos), out)) != EC_OK)
		return st;
	set_args(p->e, *out, args, 2);
	return EC_OK;
}

static const char *after_token(const char *s, size_t pos)
{
	size_t t = strlen(EC_UTF8_TIMES);

	if (pos == 0)
		return NULL;
	if (pos >= t && memcmp(s + pos - t, EC_UTF8_TIMES, t) == 0)
		return "'" EC_UTF8_TIMES "'";
	switch (s[pos - 1]) {
	case '+':
		return "'+'";
	case '-':
		return "'-'";
	case '/':
		return "'/'";
	case ',':
		return "','";
	case '(':
		return "'('";
	case '*':
		return pos >= 2 && s[pos - 2] == '*' ? "'**'" : "'*'";
	}
	return NULL;
}

static ec_status parse_unary(struct parser *p, size_t *out)
{
	char c = peek(p);
	size_t start = p->pos, arg;
	ec_status st;

	if (c == '-' || c == '+') {
		consume(p, 1);
		if (p->written && (peek(p) == '-' || peek(p) == '+'))
			return ec_error_at(p->err, EC_ERR_PARSE, NULL, 0, col(p->pos),
					   "two signs in a row");
		if ((st = enter(p)) != EC_OK)
			return st;
		if ((st = parse_unary(p, &arg)) != EC_OK)
			return st;
		p->depth--;
		if (c == '+') {
			*out = arg;
			return EC_OK;
		}
		if ((st = add_node(p, EC_EXPR_NEG, start, col(start), out)) != EC_OK)
			return st;
		set_args(p->e, *out, &arg, 1);
		return EC_OK;
	}
	return parse_power(p, after_token(p->s, p->last_end), out);
}

static ec_status parse_product(struct parser *p, size_t *out)
{
	size_t start = (peek(p), p->pos), args[2], op_pos;
	ec_status st;

	if ((st = parse_unary(p, &args[0])) != EC_OK)
		return st;
	for (;;) {
		char c = peek(p);
		ec_expr_op op;
		bool implicit = false;
		size_t width = 1;

		if (c == '*' && p->s[p->pos + 1] != '*')
			op = EC_EXPR_MUL;
		else if (strncmp(p->s + p->pos, EC_UTF8_TIMES, strlen(EC_UTF8_TIMES)) == 0)
			op = EC_EXPR_MUL, width = strlen(EC_UTF8_TIMES);
		else if (c == '/')
			op = EC_EXPR_DIV;
		else if (p->written && (c == 'x' || c == 'X'))
			op = EC_EXPR_MUL;
		else if (p->written && (c == '(' || isalpha((unsigned char)c)))
			op = EC_EXPR_MUL, implicit = true; /* "48 ln 2", "3(1+1)" */
		else
			break;
		op_pos = p->pos;
		if (!implicit)
			consume(p, width);
		if ((st = parse_unary(p, &args[1])) != EC_OK)
			return st;
		if ((st = add_node(p, op, start, col(op_pos), out)) != EC_OK)
			return st;
		set_args(p->e, *out, args, 2);
		args[0] = *out;
	}
	*out = args[0];
	return EC_OK;
}

static ec_status parse_sum(struct parser *p, size_t *out)
{
	size_t start = (peek(p), p->pos), args[2], op_pos;
	ec_status st;

	if ((st = parse_product(p, &args[0])) != EC_OK)
		return st;
	for (;;) {
		char c = peek(p);
		ec_expr_op op;

		if (c == '+')
			op = EC_EXPR_ADD;
		else if (c == '-')
			op = EC_EXPR_SUB;
		else
			break;
		op_pos = p->pos;
		consume(p, 1);
		if ((st = parse_product(p, &args[1])) != EC_OK)
			return st;
		if ((st = add_node(p, op, start, col(op_pos), out)) != EC_OK)
			return st;
		set_args(p->e, *out, args, 2);
		args[0] = *out;
	}
	*out = args[0];
	return EC_OK;
}

static void label_nodes(ec_expr *e)
{
	size_t i, n = 0;

	for (i = 0; i < e->count; i++) {
		ec_expr_node *node = &e->nodes[i];

		if (node->op == EC_EXPR_INPUT)
			snprintf(node->label, sizeof(node->label), "%s", e->inputs[node->input].name);
		else if (!node->constant)
			snprintf(node->label, sizeof(node->label), "n%zu", ++n);
	}
}

/*
 * Copy `text` (len bytes) for EC_EXPR_WRITTEN: the UTF-8 minus sign U+2212
 * becomes '-' and the multiplication sign U+00D7 becomes '*'.
 */
static void copy_written(char *dst, const char *text, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if (i + 3 <= len && memcmp(text + i, "\xE2\x88\x92", 3) == 0) {
			dst[n++] = '-';
			i += 3;
		} else if (i + 2 <= len && memcmp(text + i, "\xC3\x97", 2) == 0) {
			dst[n++] = '*';
			i += 2;
		} else {
			dst[n++] = text[i++];
		}
	}
	dst[n] = '\0';
}

/*
 * The parser counts columns in bytes of s (len bytes); where s holds
 * characters of more than one byte, make the nodes' and the inputs'
 * columns count characters.
 */
static ec_status columns_in_characters(const char *s, size_t len, ec_expr *e, ec_error *err)
{
	long *chars;
	size_t i, n = 0;

	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len || !e->count)
		return EC_OK;
	if (!(chars = malloc((len + 1) * sizeof(*chars))))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (i = 0; i <= len; i++) {
		chars[i] = (long)++n;
		if (i < len) {
			size_t k = ec_utf8_char_len(s + i, len - i);

			for (; k > 1; k--)
				chars[++i] = (long)n;
		}
	}
	for (i = 0; i < e->count; i++)
		e->nodes[i].column = chars[e->nodes[i].column - 1];
	for (i = 0; i < e->input_count; i++)
		e->inputs[i].column = chars[e->inputs[i].column - 1];
	free(chars);
	return EC_OK;
}

ec_status ec_expr_parse_syntax(const char *text, ec_expr_syntax syntax, ec_expr *out,
			       ec_error *err)
{
	struct parser p;
	size_t len = strlen(text), root;
	char *copy;
	ec_status st;

	memset(out, 0, sizeof(*out));
	if (len > EC_EXPR_MAX_TEXT)
		return ec_error_at(err, EC_ERR_RANGE, NULL, 0, 0,
				   "expression is longer than %d characters", EC_EXPR_MAX_TEXT);
	if (!(copy = malloc(len + 1)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	if (syntax == EC_EXPR_WRITTEN)
		copy_written(copy, text, len);
	else
		memcpy(copy, text, len + 1);
	memset(&p, 0, sizeof(p));
	p.s = copy;
	p.written = syntax == EC_EXPR_WRITTEN;
	p.e = out;
	p.err = err;
	st = parse_sum(&p, &root);
	if (st == EC_OK && peek(&p) != '\0') {
		char found[40];
		size_t prev = p.last_end;

		describe_token(copy + p.pos, found, sizeof(found));
		if (copy[p.pos] == ')')
			st = ec_error_at(err, EC_ERR_PARSE, NULL, 0, col(p.pos),
					 "')' has no matching '('");
		else if (prev > 0 && (is_name_char(copy[p.pos]) || copy[p.pos] == '(') &&
			 (is_name_char(copy[prev - 1]) || copy[prev - 1] == ')'))
			st = ec_error_at(err, EC_ERR_PARSE, NULL, 0, col(p.pos),
					 "expected an operator before %s (write '*' to multiply)",
					 found);
		else
			st = ec_error_at(err, EC_ERR_PARSE, NULL, 0, col(p.pos),
					 "expected an operator, found %s", found);
	}
	(void)root; /* the output: always the last node, as operands precede users */
	if (st != EC_OK) {
		if (err && err->column > 0 && (size_t)err->column <= strlen(copy) + 1)
			err->column = (long)ec_utf8_count(copy, (size_t)err->column - 1) + 1;
		free(copy);
		ec_expr_free(out);
		return st;
	}
	if ((st = columns_in_characters(copy, strlen(copy), out, err)) != EC_OK) {
		free(copy);
		ec_expr_free(out);
		return st;
	}
	out->text = copy;
	label_nodes(out);
	return EC_OK;
}

ec_status ec_expr_parse(const char *text, ec_expr *out, ec_error *err)
{
	return ec_expr_parse_syntax(text, EC_EXPR_PROGRAM, out, err);
}

ec_status ec_expr_eval_constant(const char *text, ec_expr_syntax syntax, double *value,
				ec_error *err)
{
	ec_expr e;
	ec_status st = ec_expr_parse_syntax(text, syntax, &e, err);

	if (st != EC_OK)
		return st;
	if (e.input_count > 0)
		st = ec_error_at(err, EC_ERR_PARSE, NULL, 0, e.inputs[0].column,
				 "'%s' is an input; a constant has none", e.inputs[0].name);
	else if ((st = ec_expr_forward(&e, err)) == EC_OK)
		*value = e.nodes[e.count - 1].value;
	ec_expr_free(&e);
	return st;
}

ec_status ec_expr_find_input(const ec_expr *e, const char *name, size_t *index)
{
	size_t i;

	for (i = 0; i < e->input_count; i++) {
		if (strcmp(e->inputs[i].name, name) == 0) {
			*index = i;
			return EC_OK;
		}
	}
	return EC_ERR_NOTFOUND;
}

static void list_inputs(const ec_expr *e, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < e->input_count && n < size; i++) {
		int w = snprintf(buf + n, size - n, "%s%s", i ? ", " : "", e->inputs[i].name);

		if (w < 0)
			break;
		n += (size_t)w;
	}
}

ec_status ec_expr_set_input(ec_expr *e, const char *name, double value, ec_error *err)
{
	size_t i;

	if (ec_expr_find_input(e, name, &i) != EC_OK) {
		char names[160];

		if (e->input_count == 0)
			return ec_error_set(err, EC_ERR_NOTFOUND,
					    "unknown input '%.40s': the expression has no inputs",
					    name);
		list_inputs(e, names, sizeof(names));
		return ec_error_set(err, EC_ERR_NOTFOUND,
				    "unknown input '%.40s' (the expression's inputs are %s)",
				    name, names);
	}
	if (e->inputs[i].given)
		return ec_error_set(err, EC_ERR_INVALID, "input '%s' is given twice", name);
	if (!isfinite(value))
		return ec_error_set(err, EC_ERR_INVALID, "input '%s' is not finite", name);
	e->inputs[i].value = value;
	e->inputs[i].exact = ec_ln2_from_double(value);
	e->inputs[i].given = true;
	return EC_OK;
}

ec_status ec_expr_parse_number(const char *text, double *value, ec_error *err)
{
	size_t start = (text[0] == '-' || text[0] == '+') ? 1 : 0, n;
	bool bad_exponent;
	ec_status st;

	n = scan_number(text + start, &bad_exponent);
	if (n == 0 || bad_exponent || text[start + n] != '\0')
		return ec_error_at(err, EC_ERR_PARSE, NULL, 0, 1, "'%.40s' is not a number",
				   text);
	if ((st = convert_number(text, start + n, value, 1, err)) != EC_OK)
		return st;
	return EC_OK;
}

/*
 * The value of input `name` written as `text`, a constant expression that
 * starts at the 1-based `column` of the assignment, and its exact form.
 */
static ec_status eval_value(const char *name, const char *text, long column, double *value,
			    ec_ln2 *exact, ec_error *err)
{
	ec_expr v;
	ec_expr_exact *forms;
	ec_error inner;
	ec_status st;
	char shown[4 * 40 + 4];
	bool named;

	ec_error_clear(&inner);
	ec_utf8_quote(text, strlen(text), 40, shown, sizeof(shown));
	st = ec_expr_parse(text, &v, &inner);
	named = st == EC_OK && v.input_count > 0;
	if (named) {
		ec_expr_free(&v);
		return ec_error_at(err, EC_ERR_PARSE, NULL, 0, column,
				   "value of '%s' ('%s') is not a number", name, shown);
	}
	if (st == EC_OK && (st = ec_expr_forward(&v, &inner)) == EC_OK)
		st = ec_expr_backward(&v, &inner);
	if (st != EC_OK) {
		long at = inner.column > 0 ? column + inner.column - 1 : column;

		ec_expr_free(&v);
		if (st == EC_ERR_NOMEM)
			return ec_error_set(err, st, "out of memory");
		return ec_error_at(err, st == EC_ERR_PARSE ? EC_ERR_PARSE : EC_ERR_RANGE, NULL, 0,
				   at, "value of '%s' ('%s'): %s", name, shown, inner.msg);
	}
	*value = v.nodes[v.count - 1].value;
	*exact = ec_ln2_from_double(*value);
	if ((forms = malloc(v.count * sizeof(*forms)))) {
		ec_expr_exact_forms(&v, forms);
		*exact = forms[v.count - 1].value;
		free(forms);
	}
	ec_expr_free(&v);
	return EC_OK;
}

ec_status ec_expr_assign(ec_expr *e, const char *text, ec_error *err)
{
	size_t name_pos = skip_blanks(text, 0), n, eq, value_pos, value_end, i;
	char name[EC_EXPR_NAME_MAX + 1], *value_text;
	double value = 0;
	ec_ln2 exact;
	ec_status st;

	n = scan_name(text + name_pos);
	eq = skip_blanks(text, name_pos + n);
	if (n == 0 || text[eq] != '=') {
		char shown[4 * 40 + 4];

		return ec_error_at(err, EC_ERR_PARSE, NULL, 0, col(name_pos),
				   "'%s' is not NAME=VALUE",
				   ec_utf8_quote(text, strlen(text), 40, shown, sizeof(shown)));
	}
	if (n > EC_EXPR_NAME_MAX)
		return ec_error_at(err, EC_ERR_NOTFOUND, NULL, 0, col(name_pos),
				   "unknown input '%.20s...' (longer than any name)",
				   text + name_pos);
	memcpy(name, text + name_pos, n);
	name[n] = '\0';
	value_pos = skip_blanks(text, eq + 1);
	value_end = strlen(text);
	while (value_end > value_pos && isspace((unsigned char)text[value_end - 1]))
		value_end--;
	if (value_end == value_pos)
		return ec_error_at(err, EC_ERR_PARSE, NULL, 0, col(value_pos),
				   "input '%s' has no value after '='", name);
	if (!(value_text = malloc(value_end - value_pos + 1)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(value_text, text + value_pos, value_end - value_pos);
	value_text[value_end - value_pos] = '\0';
	st = eval_value(name, value_text, col(value_pos), &value, &exact, err);
	free(value_text);
	if (st != EC_OK)
		return st;
	if ((st = ec_expr_set_input(e, name, value, err)) != EC_OK) {
		if (err)
			err->column = col(name_pos);
		return st;
	}
	if (ec_expr_find_input(e, name, &i) == EC_OK)
		e->inputs[i].exact = exact;
	return EC_OK;
}

/* "n2 = log(x - y)" or "log(0)" for a constant, shortened to fit. */
static void describe_node(const ec_expr *e, const ec_expr_node *node, char *buf, size_t size)
{
	size_t len = node->end - node->start;
	int shown = len > 48 ? 45 : (int)len;
	const char *more = len > 48 ? "..." : "";

	if (node->label[0] && node->op != EC_EXPR_INPUT)
		snprintf(buf, size, "%s = %.*s%s", node->label, shown, e->text + node->start, more);
	else
		snprintf(buf, size, "%.*s%s", shown, e->text + node->start, more);
}

static ec_status domain_error(const ec_expr *e, const ec_expr_node *node, ec_error *err,
			      const char *what)
{
	char desc[80];

	describe_node(e, node, desc, sizeof(desc));
	return ec_error_at(err, EC_ERR_RANGE, NULL, 0, node->column, "%s: %s", desc, what);
}

static bool is_integer(double x)
{
	return floor(x) == x;
}

static ec_status forward_node(ec_expr *e, ec_expr_node *node, ec_error *err)
{
	double a = node->nargs > 0 ? e->nodes[node->arg[0]].value : 0;
	double b = node->nargs > 1 ? e->nodes[node->arg[1]].value : 0;
	double c = node->nargs > 2 ? e->nodes[node->arg[2]].value : 0;
	double v = 0, *d = node->partial;
	char msg[160], num[2][32];

	d[0] = d[1] = d[2] = 0;
	node->no_partial[0] = node->no_partial[1] = node->no_partial[2] = false;
	node->at_kink = false;
	switch (node->op) {
	case EC_EXPR_NUMBER:
		v = node->number;
		break;
	case EC_EXPR_INPUT:
		v = e->inputs[node->input].value;
		break;
	case EC_EXPR_ADD:
		v = a + b, d[0] = 1, d[1] = 1;
		break;
	case EC_EXPR_SUB:
		v = a - b, d[0] = 1, d[1] = -1;
		break;
	case EC_EXPR_MUL:
		v = a * b, d[0] = b, d[1] = a;
		break;
	case EC_EXPR_DIV:
		if (b == 0)
			return domain_error(e, node, err, "division by zero");
		v = a / b, d[0] = 1 / b, d[1] = -a / (b * b);
		break;
	case EC_EXPR_NEG:
		v = -a, d[0] = -1;
		break;
	case EC_EXPR_POW:
		if (a == 0 && b < 0) {
			snprintf(msg, sizeof(msg), "0 to the negative power %s",
				 ec_expr_format_number(b, num[0], sizeof(num[0])));
			return domain_error(e, node, err, msg);
		}
		if (a < 0 && !is_integer(b)) {
			snprintf(msg, sizeof(msg), "negative base %s to the non-integer power %s",
				 ec_expr_format_number(a, num[0], sizeof(num[0])),
				 ec_expr_format_number(b, num[1], sizeof(num[1])));
			return domain_error(e, node, err, msg);
		}
		v = pow(a, b);
		if (a != 0) {
			d[0] = b * pow(a, b - 1);
		} else {
			d[0] = b == 1 ? 1 : b > 1 || b == 0 ? 0 : HUGE_VAL;
			node->at_kink = !is_integer(b);
		}
		if (a > 0) {
			d[1] = v * log(a);
		} else if (a == 0) {
			d[1] = 0;
			node->at_kink = node->at_kink || !e->nodes[node->arg[1]].constant;
		} else {
			d[1] = 0;
			node->no_partial[1] = !e->nodes[node->arg[1]].constant;
		}
		break;
	case EC_EXPR_CLAMP:
		if (b > c) {
			snprintf(msg, sizeof(msg), "clamp bounds are reversed (%s > %s)",
				 ec_expr_format_number(b, num[0], sizeof(num[0])),
				 ec_expr_format_number(c, num[1], sizeof(num[1])));
			return domain_error(e, node, err, msg);
		}
		if (a < b)
			v = b, d[1] = 1;
		else if (a > c)
			v = c, d[2] = 1;
		else
			v = a, d[0] = 1, node->at_kink = a == b || a == c;
		break;
	case EC_EXPR_MAX:
		if (a >= b)
			v = a, d[0] = 1, node->at_kink = a == b;
		else
			v = b, d[1] = 1;
		break;
	case EC_EXPR_MIN:
		if (a <= b)
			v = a, d[0] = 1, node->at_kink = a == b;
		else
			v = b, d[1] = 1;
		break;
	case EC_EXPR_EXP:
		v = exp(a), d[0] = v;
		break;
	case EC_EXPR_LOG:
		if (a <= 0) {
			snprintf(msg, sizeof(msg), "log of %s, which is not positive",
				 ec_expr_format_number(a, num[0], sizeof(num[0])));
			return domain_error(e, node, err, msg);
		}
		v = log(a), d[0] = 1 / a;
		break;
	case EC_EXPR_RELU:
		v = a > 0 ? a : 0, d[0] = a > 0 ? 1 : 0, node->at_kink = a == 0;
		break;
	case EC_EXPR_ABS:
		v = fabs(a), d[0] = a > 0 ? 1 : a < 0 ? -1 : 0, node->at_kink = a == 0;
		break;
	case EC_EXPR_SIGMOID:
		v = a >= 0 ? 1 / (1 + exp(-a)) : exp(a) / (1 + exp(a));
		d[0] = v * (1 - v);
		break;
	case EC_EXPR_TANH:
		v = tanh(a), d[0] = 1 - v * v;
		break;
	case EC_EXPR_SQRT:
		if (a < 0) {
			snprintf(msg, sizeof(msg), "square root of %s, which is negative",
				 ec_expr_format_number(a, num[0], sizeof(num[0])));
			return domain_error(e, node, err, msg);
		}
		v = sqrt(a), d[0] = a > 0 ? 0.5 / v : HUGE_VAL;
		break;
	}
	if (!isfinite(v))
		return domain_error(e, node, err, "the value is not finite (overflow)");
	node->value = v == 0 ? 0 : v;
	for (size_t k = 0; k < node->nargs; k++) {
		if (e->nodes[node->arg[k]].constant) {
			d[k] = 0;
		} else if (!isfinite(d[k])) {
			char desc[80];

			describe_node(e, &e->nodes[node->arg[k]], desc, sizeof(desc));
			snprintf(msg, sizeof(msg), "no finite derivative with respect to %s",
				 e->nodes[node->arg[k]].label[0] ? e->nodes[node->arg[k]].label
								 : desc);
			return domain_error(e, node, err, msg);
		}
	}
	return EC_OK;
}

char *ec_expr_why_no_partial(const ec_expr *e, size_t i, char *buf, size_t size)
{
	const ec_expr_node *node = &e->nodes[i];
	char desc[80], num[32];

	describe_node(e, node, desc, sizeof(desc));
	snprintf(buf, size,
		 "%s: negative base %s: no derivative with respect to the exponent (a power of a "
		 "negative number is defined at whole exponents only)",
		 desc, ec_expr_format_number(e->nodes[node->arg[0]].value, num, sizeof(num)));
	return buf;
}

ec_status ec_expr_forward(ec_expr *e, ec_error *err)
{
	size_t i;
	ec_status st;

	for (i = 0; i < e->input_count; i++)
		if (!e->inputs[i].given)
			return ec_error_at(err, EC_ERR_INVALID, NULL, 0, e->inputs[i].column,
					   "input '%s' has no value", e->inputs[i].name);
	for (i = 0; i < e->count; i++)
		if ((st = forward_node(e, &e->nodes[i], err)) != EC_OK)
			return st;
	return EC_OK;
}

ec_status ec_expr_backward(ec_expr *e, ec_error *err)
{
	size_t i, k;

	if (e->count == 0)
		return ec_error_set(err, EC_ERR_INVALID, "empty expression");
	for (i = 0; i < e->count; i++) {
		e->nodes[i].grad = 0;
		e->nodes[i].no_grad = false;
		e->nodes[i].missing = 0;
	}
	e->nodes[e->count - 1].grad = 1;
	for (i = e->count; i-- > 0;) {
		ec_expr_node *node = &e->nodes[i];

		if (!isfinite(node->grad)) {
			char desc[80];

			describe_node(e, node, desc, sizeof(desc));
			return ec_error_at(err, EC_ERR_RANGE, NULL, 0, node->column,
					   "%s: the gradient is not finite (overflow)", desc);
		}
		if (node->grad == 0)
			node->grad = 0;
		for (k = 0; k < node->nargs; k++) {
			ec_expr_node *arg = &e->nodes[node->arg[k]];

			if (arg->constant)
				continue;
			if (node->no_grad || node->no_partial[k]) {
				/* no derivative on this path: none for the operand either */
				if (!arg->no_grad)
					arg->missing = node->no_grad ? node->missing : i;
				arg->no_grad = true;
				continue;
			}
			arg->grad += node->grad * node->partial[k];
		}
		if (node->no_grad)
			node->grad = 0;
	}
	return EC_OK;
}

struct file_line {
	char *text;   /* NUL-terminated, comment removed */
	long number;  /* 1-based */
};

/* Put a line-relative error of an expression or assignment in the file at `line`. */
static ec_status relocate(ec_error *err, const char *filename, long line, size_t offset,
			  ec_status st)
{
	if (!err)
		return st == EC_ERR_RANGE || st == EC_ERR_NOMEM ? st : EC_ERR_PARSE;
	if (st != EC_ERR_RANGE && st != EC_ERR_NOMEM)
		st = EC_ERR_PARSE;
	err->status = st;
	err->file = filename;
	err->line = line;
	err->column = err->column > 0 ? err->column + (long)offset : 0;
	return st;
}

static char *trim(char *s, size_t *lead)
{
	size_t n;

	*lead = 0;
	while (*s == ' ' || *s == '\t')
		s++, (*lead)++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

/*
 * The next line of a copy of the file, from *cursor up to `end`: cut off
 * at its line end (LF, CRLF or a lone CR) and at a '#' comment. NULL after
 * the last line.
 */
static char *next_line(char **cursor, char *end)
{
	char *line = *cursor, *hash;
	const char *next;
	size_t n;

	if (line >= end)
		return NULL;
	n = (size_t)(ec_line_end(line, end, &next) - line);
	*cursor = line + (next - line);
	line[n] = '\0';
	if ((hash = strchr(line, '#')))
		*hash = '\0';
	return line;
}

ec_status ec_expr_file_load(const char *text, const char *filename, ec_expr *out,
			    ec_error *err)
{
	char *copy = NULL, *cursor, *end, *line;
	struct file_line expr_line = {NULL, 0};
	size_t i, len = strlen(text), bom = ec_bom_len(text, len);
	long number = 0;
	ec_status st = EC_OK;

	memset(out, 0, sizeof(*out));
	if (!(copy = malloc(len + 1)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(copy, text, len + 1);
	end = copy + len;
	/* First pass: find and parse the one "expr" line. */
	for (cursor = copy + bom; st == EC_OK && (line = next_line(&cursor, end));) {
		char *body;
		size_t lead;

		number++;
		body = trim(line, &lead);
		if (strcmp(body, "expr") == 0) {
			st = ec_error_at(err, EC_ERR_PARSE, filename, number, (long)lead + 1,
					 "'expr' has no expression after it");
			break;
		}
		if (strncmp(body, "expr", 4) != 0 || (body[4] != ' ' && body[4] != '\t'))
			continue;
		if (expr_line.text) {
			st = ec_error_at(err, EC_ERR_PARSE, filename, number, (long)lead + 1,
					 "a second 'expr' line (the first is line %ld)",
					 expr_line.number);
			break;
		}
		memset(body, ' ', 4); /* parse the whole line so columns are the line's */
		expr_line.number = number;
		expr_line.text = line;
	}
	if (st == EC_OK && !expr_line.text)
		st = ec_error_at(err, EC_ERR_PARSE, filename, 0, 0,
				 "no 'expr EXPRESSION' line");
	if (st == EC_OK && (st = ec_expr_parse(expr_line.text, out, err)) != EC_OK)
		st = relocate(err, filename, expr_line.number, 0, st);
	/* Second pass over a fresh copy: the assignments. */
	if (st == EC_OK)
		memcpy(copy, text, len + 1);
	number = 0;
	for (cursor = copy + bom; st == EC_OK && (line = next_line(&cursor, end));) {
		char *body;
		size_t lead;

		number++;
		body = trim(line, &lead);
		if (*body == '\0' || number == expr_line.number)
			continue;
		if ((st = ec_expr_assign(out, body, err)) != EC_OK)
			st = relocate(err, filename, number, lead, st);
	}
	for (i = 0; st == EC_OK && i < out->input_count; i++)
		if (!out->inputs[i].given)
			st = ec_error_at(err, EC_ERR_PARSE, filename, expr_line.number,
					 out->inputs[i].column,
					 "input '%s' has no value (add a line '%s = VALUE')",
					 out->inputs[i].name, out->inputs[i].name);
	if (st == EC_OK && (st = ec_expr_forward(out, err)) != EC_OK)
		st = relocate(err, filename, expr_line.number, 0, st);
	if (st == EC_OK && (st = ec_expr_backward(out, err)) != EC_OK)
		st = relocate(err, filename, expr_line.number, 0, st);
	for (i = 0; st == EC_OK && i < out->input_count; i++) {
		const ec_expr_node *in = &out->nodes[out->inputs[i].node];
		char why[200];

		if (!in->no_grad)
			continue;
		ec_expr_why_no_partial(out, in->missing, why, sizeof(why));
		st = ec_error_at(err, EC_ERR_RANGE, filename, expr_line.number,
				 out->nodes[in->missing].column, "%s", why);
	}
	free(copy);
	if (st != EC_OK)
		ec_expr_free(out);
	return st;
}
