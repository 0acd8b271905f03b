/*
 * q3_1_1.c: Q3.1.1, the gradient of a graph's output with respect to each
 * of its activations, through the base-2 exponential 2** and clamp. The
 * exam's figure is missing, so the original's graph is the data file
 * q3.1.1.graph (a stand-in unless an instructor gives the real one); a
 * variant draws its own. Forward and backward passes, and the exact forms
 * a + b ln 2 of every number, are libexamcheck's (ec_expr.h).
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_expr.h"
#include "question.h"

#define LINE EC_EXPLAIN_LINE
#define NUM(v, buf) ec_expr_format_number((v), (buf), sizeof(buf))

/* ---- the numbers ---- */

/* Each uses x, y and z, and clamp(., a, b) once. */
static const char *const q311_forms[] = {
	"clamp(2**(x*y), %d, %d) * (y - z)",   "clamp(2**(x + y), %d, %d) - x * z",
	"2**clamp(x*y - z, %d, %d) + y",       "(x + clamp(2**y - z, %d, %d)) * y",
	"clamp(x * 2**y, %d, %d) * (z - x)",
};

/* Whether node i's value is positive whatever the inputs: 2**v, or a positive constant. */
static bool always_positive(const ec_expr *e, size_t i)
{
	const ec_expr_node *n = &e->nodes[i];

	if (n->constant)
		return n->value > 0;
	return n->op == EC_EXPR_POW && e->nodes[n->arg[0]].constant &&
	       e->nodes[n->arg[0]].value > 0;
}

/*
 * Whether a variant's graph makes a fair question:
 *  - it loads, every activation is moderate (|v| < 10000) and none sits
 *    where a derivative convention applies;
 *  - the clamp is saturated (outputs a bound) exactly when `saturate`, and
 *    can pass values: its range is not empty, and where its input is
 *    always positive (2**v) the range reaches above 0, so that it does not
 *    output its bound whatever the inputs;
 *  - at least three activations have a nonzero gradient and the output is
 *    not 0, so that writing 0 everywhere earns little.
 */
static bool q311_fits(const char *text, bool saturate, ec_error *err)
{
	ec_expr e;
	size_t i, nonzero = 0;
	bool ok = true, clamped = false;

	if (ec_expr_file_load(text, "variant graph", &e, err) != EC_OK) {
		ec_error_clear(err);
		return false;
	}
	for (i = 0; i < e.count; i++) {
		const ec_expr_node *n = &e.nodes[i];

		ok = ok && !n->at_kink && n->value > -10000 && n->value < 10000;
		if (n->op == EC_EXPR_CLAMP) {
			double lo = e.nodes[n->arg[1]].value, hi = e.nodes[n->arg[2]].value;

			clamped = n->partial[0] == 0;
			ok = ok && lo < hi && (!always_positive(&e, n->arg[0]) || hi > 0);
		}
		if (i + 1 < e.count && !n->constant && n->grad != 0)
			nonzero++;
	}
	ok = ok && nonzero >= 3 && e.nodes[e.count - 1].value != 0;
	ec_expr_free(&e);
	return ok && clamped == saturate;
}

/*
 * The original's graph is the data file q3.1.1.graph (p->q311_graph ""). A
 * variant's is drawn: one of the forms above, its clamp's bounds and the
 * inputs, drawn again until it fits.
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	if (!g) {
		p->q311_graph[0] = '\0';
		return 0;
	}

	/* Over any three seeds in a row, one saturates the clamp and one does not. */
	bool saturate = p->seed % 3 == 1 || (p->seed % 3 == 0 && ec_draw_chance(g, 1, 2));
	int t;

	for (t = 0; t < EC_DRAW_TRIES; t++) {
		char expr[96];
		int lo = ec_draw_int(g, -2, 4), hi = lo + ec_draw_int(g, 2, 8);
		int x = ec_draw_int(g, -2, 3), y = ec_draw_int(g, 0, 3), z = ec_draw_int(g, -2, 3);
		int n;

		snprintf(expr, sizeof(expr), EC_DRAW_PICK(g, q311_forms), lo, hi);
		n = snprintf(p->q311_graph, sizeof(p->q311_graph),
			     "# Variant %" PRIu64 " of question 3.1.1: a graph built with the base-2\n"
			     "# exponential 2** and clamp(v, a, b). Format of data/q3.1.1.graph:\n"
			     "# the expression, then the value of each input.\n"
			     "expr %s\nx = %d\ny = %d\nz = %d\n",
			     p->seed, expr, x, y, z);
		if (n > 0 && (size_t)n < sizeof(p->q311_graph) && q311_fits(p->q311_graph, saturate, err))
			return 0;
	}
	return ec_draw_gave_up(err, "3.1.1", p->seed);
}

/* ---- the solution ---- */

struct solution {
	ec_expr e;            /* the graph, forward and backward */
	ec_expr_exact *x;     /* each value's exact form, a + b ln 2 */
	char *text;           /* the graph file */
	const char *origin;   /* where it was read from */
	ec_key_origin from;   /* a stand-in, or the exam's (or a variant's) own */
	bool loaded;
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;

	if (ec_solving_data(s, s->p->q311_graph, "q3.1.1.graph", &sol->text, &sol->origin,
			    &sol->from, err) != EC_OK)
		return -1;
	if (ec_expr_file_load(sol->text, sol->origin, &sol->e, err) != EC_OK)
		return -1;
	sol->loaded = true;
	if (!(sol->x = malloc(sol->e.count * sizeof(*sol->x)))) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	ec_expr_exact_forms(&sol->e, sol->x);
	return 0;
}

static void release(void *out)
{
	struct solution *sol = out;

	if (sol->loaded)
		ec_expr_free(&sol->e);
	free(sol->x);
	free(sol->text);
}

/* ---- the worked answer and the key ---- */

/* How the worked answer names a node: its label, or a constant's text. */
static void node_name(const ec_expr *e, size_t i, char *buf, size_t size)
{
	const ec_expr_node *n = &e->nodes[i];

	if (n->label[0])
		snprintf(buf, size, "%s", n->label);
	else
		snprintf(buf, size, "%.*s", (int)(n->end - n->start), e->text + n->start);
}

/* "x * y", "2 ** n1", "clamp(n2, 1, 10)": the node in terms of its operands. */
static void node_formula(const ec_expr *e, size_t i, char *buf, size_t size)
{
	const ec_expr_node *n = &e->nodes[i];
	char a[3][48] = {"", "", ""};
	size_t k;

	for (k = 0; k < n->nargs; k++)
		node_name(e, n->arg[k], a[k], sizeof(a[k]));
	switch (n->op) {
	case EC_EXPR_ADD:
	case EC_EXPR_SUB:
	case EC_EXPR_MUL:
	case EC_EXPR_DIV:
	case EC_EXPR_POW:
		snprintf(buf, size, "%s %s %s", a[0], ec_expr_op_name(n->op), a[1]);
		break;
	case EC_EXPR_NEG:
		snprintf(buf, size, "-%s", a[0]);
		break;
	case EC_EXPR_CLAMP:
		snprintf(buf, size, "clamp(%s, %s, %s)", a[0], a[1], a[2]);
		break;
	case EC_EXPR_MAX:
	case EC_EXPR_MIN:
		snprintf(buf, size, "%s(%s, %s)", ec_expr_op_name(n->op), a[0], a[1]);
		break;
	case EC_EXPR_NUMBER:
	case EC_EXPR_INPUT:
		node_name(e, i, buf, size);
		break;
	default:
		snprintf(buf, size, "%s(%s)", ec_expr_op_name(n->op), a[0]);
		break;
	}
}

/* The rule behind a local derivative d node / d arg[k], in words. */
static const char *local_rule(const ec_expr_node *n, size_t k)
{
	switch (n->op) {
	case EC_EXPR_ADD:
		return "a sum passes the gradient unchanged";
	case EC_EXPR_SUB:
		return k == 0 ? "d(a - b)/da = 1" : "d(a - b)/db = -1";
	case EC_EXPR_MUL:
		return "a product's derivative is the other factor";
	case EC_EXPR_DIV:
		return k == 0 ? "d(a/b)/da = 1/b" : "d(a/b)/db = -a/b^2";
	case EC_EXPR_NEG:
		return "d(-a)/da = -1";
	case EC_EXPR_POW:
		return k == 0 ? "d(a**b)/da = b * a**(b-1)" : "d(a**b)/db = a**b * ln a";
	case EC_EXPR_CLAMP:
		return n->partial[k] != 0 ? "clamp passes the gradient to the branch it outputs"
					  : "clamp blocks the gradient of a branch it does not output";
	case EC_EXPR_MAX:
	case EC_EXPR_MIN:
		return "the gradient goes to the selected argument only";
	case EC_EXPR_ABS:
		return "d|x|/dx = sign(x), 0 at 0";
	case EC_EXPR_EXP:
		return "d exp(x)/dx = exp(x)";
	case EC_EXPR_LOG:
		return "d log(x)/dx = 1/x";
	case EC_EXPR_RELU:
		return "relu'(x) = 1 for x > 0, else 0";
	case EC_EXPR_SIGMOID:
		return "sigmoid' = s (1 - s)";
	case EC_EXPR_TANH:
		return "tanh' = 1 - tanh^2";
	default:
		return "";
	}
}

/* A number for the reader: "8", "20 ln 2 ≈ 13.8629", "≈ 5.54518" (ec_ln2_describe()). */
#define SAY(v, exact, buf) ec_ln2_describe((v), (exact), (buf), sizeof(buf))

/* "= 8" or, for a number only approximated, "≈ 5.54518" (no '=' before the '≈'). */
static const char *eq(const char *described)
{
	return strncmp(described, "\xE2\x89\x88", 3) == 0 ? "" : "= ";
}

/* A factor of a product: "8", "(-1)", "(2 ln 2 ≈ 1.38629)". */
static char *factor(double v, ec_ln2 exact, char *buf, size_t size)
{
	char d[128];

	SAY(v, exact, d);
	if (d[0] == '-' || strchr(d, ' '))
		snprintf(buf, size, "(%s)", d);
	else
		snprintf(buf, size, "%s", d);
	return buf;
}

static void say_forward(ec_actx *a, const ec_expr *e, const ec_expr_exact *x)
{
	char formula[160], v[128], lo[128], hi[128], in[128];
	size_t i;
	bool below;

	ec_say(a, "Forward pass (the value of each activation):\n");
	for (i = 0; i < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];

		if (n->constant)
			continue;
		node_formula(e, i, formula, sizeof(formula));
		SAY(n->value, x[i].value, v);
		if (n->op == EC_EXPR_INPUT)
			ec_say(a, "  %-4s %s%s\n", n->label, eq(v), v);
		else
			ec_say(a, "  %-4s = %s %s%s%s\n", n->label, formula, eq(v), v,
			       i + 1 == e->count ? "   (output)" : "");
		if (n->op != EC_EXPR_CLAMP)
			continue;
		SAY(e->nodes[n->arg[0]].value, x[n->arg[0]].value, in);
		SAY(e->nodes[n->arg[1]].value, x[n->arg[1]].value, lo);
		SAY(e->nodes[n->arg[2]].value, x[n->arg[2]].value, hi);
		below = e->nodes[n->arg[0]].value < e->nodes[n->arg[1]].value;
		if (!below && e->nodes[n->arg[0]].value <= e->nodes[n->arg[2]].value)
			ec_say(a, "         (%s <= %s <= %s: clamp outputs its input)\n", lo, in, hi);
		else
			ec_say(a, "         (%s %s %s: clamp outputs its bound %s, which stays put "
				  "when its input\n"
				  "         moves a little, so no gradient flows back to its input)\n",
			       in, below ? "<" : ">", below ? lo : hi, below ? lo : hi);
	}
}

static void say_backward(ec_actx *a, const ec_expr *e, const ec_expr_exact *x)
{
	char name[48], user[48], g[160], d[160], sum[128], formula[160];
	size_t i, j, k;

	ec_say(a, "\nBackward pass (gradient = d output / d activation, output first; a node\n"
		  "used twice adds the gradients of both uses):\n");
	ec_say(a, "  %-4s = 1 (given)\n", e->nodes[e->count - 1].label);
	for (i = e->count - 1; i-- > 0;) {
		const ec_expr_node *n = &e->nodes[i];
		int terms = 0;

		if (n->constant)
			continue;
		node_name(e, i, name, sizeof(name));
		for (j = i + 1; j < e->count; j++) {
			const ec_expr_node *u = &e->nodes[j];

			for (k = 0; k < u->nargs; k++) {
				if (u->arg[k] != i)
					continue;
				node_name(e, j, user, sizeof(user));
				node_formula(e, j, formula, sizeof(formula));
				ec_say(a, "  %-4s %s grad(%s) * d(%s)/d%s = %s * %s   [%s]\n",
				       terms ? "" : name, terms ? "+" : "=", user, formula, name,
				       factor(u->grad, x[j].grad, g, sizeof(g)),
				       factor(u->partial[k], x[j].partial[k], d, sizeof(d)),
				       local_rule(u, k));
				terms++;
			}
		}
		SAY(n->grad, x[i].grad, sum);
		ec_say(a, "       %s%s\n", eq(sum)[0] ? "= " : "", sum);
	}
}

static void say_conventions(ec_actx *a, const ec_expr *e)
{
	char name[48];
	size_t i;
	int kinks = 0;

	ec_say(a, "\nWhere an operator has no derivative this answer follows fixed\n"
		  "conventions: clamp(x, a, b) at x == a or x == b outputs x (the exam's\n"
		  "case a <= x <= b) and passes the gradient to x in full; max and min on a\n"
		  "tie pass it to the first argument; relu'(0) = 0 and abs'(0) = 0.\n");
	for (i = 0; i < e->count; i++) {
		if (!e->nodes[i].at_kink)
			continue;
		node_name(e, i, name, sizeof(name));
		ec_say(a, "Node %s is at such a point. Another reading (gradient 0 at a clamp "
			  "bound, or half to each argument of a tie) would change the gradients "
			  "below it.\n",
		       name);
		kinks++;
	}
	if (!kinks)
		ec_say(a, "No activation of this graph is at such a point, so they do not\n"
			  "affect this answer.\n");
}

/* "dx = 0, dn1 = 0, dy = 20 ln 2 ≈ 13.8629, ...": every graded gradient, in key order. */
static void answer_line(ec_actx *a, const ec_expr *e, const ec_expr_exact *x)
{
	ec_buf line = EC_BUF_INIT;
	char v[128];
	size_t i;

	for (i = 0; i + 1 < e->count; i++) {
		if (e->nodes[i].constant)
			continue;
		SAY(e->nodes[i].grad, x[i].grad, v);
		ec_buf_appendf(&line, "%sd%s %s%s", line.len ? ", " : "", e->nodes[i].label,
			       eq(v)[0] ? "= " : "", v);
	}
	ec_answer(a, "%s", line.len ? ec_buf_str(&line) : "(the graph has no activations to grade)");
	ec_buf_free(&line);
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_expr *e = &sol->e;
	const ec_expr_exact *x = sol->x;
	char v[128], full[32], id[48];
	size_t i, items = 0;
	double points;

	answer_line(a, e, x);
	if (a->params->q311_graph[0])
		ec_say(a, "The graph is variant %llu's, given in its question as a graph file.\n\n",
		       (unsigned long long)a->params->seed);
	else if (sol->from == EC_KEY_FROM_EXAM)
		ec_say(a, "The graph is the exam's figure as given in the file\n%s\n(from "
			  "EXAMCHECK_DATA).\n\n",
		       sol->origin);
	else
		ec_say(a, "The exam's figure for this part was lost in transcription, so this\n"
			  "answer works on a STAND-IN graph of the same kind: the exam's two special\n"
			  "operators, the base-2 exponential 2** and clamp[a,b] (written\n"
			  "clamp(x, a, b)), plus ordinary ones. The graph is read from\n"
			  "%s;\nwith the real figure's expression and input values there, the same\n"
			  "steps give the real answer.\n\n",
			  sol->origin);
	ec_say(a, "Graph: %s\nInputs:", e->text + strspn(e->text, " \t"));
	for (i = 0; i < e->input_count; i++)
		ec_say(a, "%s %s = %s", i ? "," : "", e->inputs[i].name,
		       SAY(e->inputs[i].value, e->inputs[i].exact, v));
	ec_say(a, "\nActivations that are not inputs are named n1, n2, ... in evaluation "
		  "order.\nNumbers show at most 6 significant figures, after the exact value "
		  "when\nthat has another form (the answer key keeps every digit).\n\n");
	say_forward(a, e, x);
	say_backward(a, e, x);

	for (i = 0; i + 1 < e->count; i++)
		items += !e->nodes[i].constant;
	points = a->q ? a->q->points : 5.0;
	ec_say(a, "\nGradients asked for (the output's own gradient, 1, is given); %zu key\n"
		  "items of %s points each:\n",
	       items,
	       SAY(items ? points / (double)items : 0,
		   items && points == floor(points) ? ec_ln2_rational((int64_t)points,
								      (int64_t)items)
						    : ec_ln2_from_double(0),
		   v));
	for (i = 0; i + 1 < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];

		if (n->constant)
			continue;
		ec_say(a, "  %-4s %s\n", n->label, SAY(n->grad, x[i].grad, v));
		snprintf(id, sizeof(id), "3.1.1.%s", n->label);
		if (ec_keyf_data(a, "q3.1.1.graph", sol->from, id, EC_KEY_NUMBER,
				 points / (double)items, "%s",
				 ec_expr_format_number(n->grad, full, sizeof(full))) != 0)
			return -1;
	}
	say_conventions(a, e);
	return 0;
}

/*
 * ---- the facts: each activation's gradient as the sum over its uses, with
 * the mistakes of a wrong sign, a use left out, the local derivative alone
 * and the forward value ----
 */

/* Append printf text to buf at *used (cut at the end of buf). */
static void append(char *buf, size_t size, size_t *used, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	w = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	if (w > 0)
		*used = *used + (size_t)w < size ? *used + (size_t)w : size;
}

/* The facts of node i: its gradient as the sum over its uses, and the mistakes. */
static int node_facts(ec_explainer *ex, const ec_expr *e, size_t i, ec_error *err)
{
	const ec_expr_node *n = &e->nodes[i];
	char id[48], name[48], user[48], g[32], p[32], v[32], d[LINE];
	char sum[LINE] = "", terms[LINE] = "", where[LINE] = "";
	size_t j, k, su = 0, tu = 0, wu = 0, uses = 0;
	ec_item_facts *f;

	node_name(e, i, name, sizeof(name));
	snprintf(id, sizeof(id), "3.1.1.%s", n->label);
	if (!(f = ec_facts_add(ex, id, EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%s", NUM(n->grad, g));
	for (j = i + 1; j < e->count; j++)
		for (k = 0; k < e->nodes[j].nargs; k++)
			uses += e->nodes[j].arg[k] == i;
	for (j = i + 1; j < e->count; j++) {
		const ec_expr_node *u = &e->nodes[j];

		for (k = 0; k < u->nargs; k++) {
			double one_use;

			if (u->arg[k] != i)
				continue;
			node_name(e, j, user, sizeof(user));
			append(sum, sizeof(sum), &su, "%sgrad(%s) x d%s/d%s", su ? " + " : "", user, user,
			       name);
			append(terms, sizeof(terms), &tu, "%s%s x %s", tu ? " + " : "", NUM(u->grad, g),
			       NUM(u->partial[k], p));
			append(where, sizeof(where), &wu, "%s%s = %.*s", wu ? ", " : "", user,
			       (int)(u->end - u->start), e->text + u->start);
			snprintf(d, sizeof(d), "d%s/d%s = %s alone; the chain rule multiplies it by grad(%s) = %s",
				 user, name, NUM(u->partial[k], p), user, NUM(u->grad, g));
			ec_facts_mistake_number(f, "local derivative without the upstream gradient",
						u->partial[k], d);
			if (uses > 1) {
				one_use = u->grad * u->partial[k];
				snprintf(d, sizeof(d), "%s is used %zu times and the gradients of all its uses "
					 "add; the use in %s alone gives %s x %s = %s",
					 name, uses, user, NUM(u->grad, g), NUM(u->partial[k], p),
					 NUM(one_use, v));
				ec_facts_mistake_number(f, "gradient of one use only", one_use, d);
			}
		}
	}
	ec_facts_line(f, "dout/d%s = %s = %s = %s, where %s", name, sum, terms, NUM(n->grad, g),
		      where);
	snprintf(d, sizeof(d), "-(%s); the sign of each local derivative counts", NUM(n->grad, g));
	ec_facts_mistake_number(f, "gradient with the wrong sign", -n->grad, d);
	snprintf(d, sizeof(d), "%s = %s is the forward value (the activation), not its gradient",
		 name, NUM(n->value, v));
	ec_facts_mistake_number(f, "forward value, not the gradient", n->value, d);
	return 0;
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	size_t i;

	for (i = 0; i + 1 < sol->e.count; i++)
		if (!sol->e.nodes[i].constant && node_facts(ex, &sol->e, i, err) != 0)
			return -1;
	return 0;
}

/* ---- the text and its numbers ---- */

/* A node's operand as the sheet names it: its label, or a constant's text. */
static void operand(ec_buf *b, const ec_expr *e, size_t i)
{
	const ec_expr_node *n = &e->nodes[i];

	if (n->label[0])
		ec_buf_append(b, n->label);
	else
		ec_buf_appendf(b, "%.*s", (int)(n->end - n->start), e->text + n->start);
}

/* "n1 * y", "2 ** n1", "clamp(n2, 1, 10)": node i in terms of its operands. */
static void formula(ec_buf *b, const ec_expr *e, size_t i)
{
	const ec_expr_node *n = &e->nodes[i];
	size_t k;

	if (n->nargs == 2 && n->op != EC_EXPR_MAX && n->op != EC_EXPR_MIN) {
		operand(b, e, n->arg[0]);
		ec_buf_appendf(b, " %s ", ec_expr_op_name(n->op));
		operand(b, e, n->arg[1]);
		return;
	}
	if (n->op == EC_EXPR_NEG) {
		ec_buf_append(b, "-");
		operand(b, e, n->arg[0]);
		return;
	}
	ec_buf_appendf(b, "%s(", ec_expr_op_name(n->op));
	for (k = 0; k < n->nargs; k++) {
		if (k)
			ec_buf_append(b, ", ");
		operand(b, e, n->arg[k]);
	}
	ec_buf_append(b, ")");
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	struct solution sol;
	ec_buf b = EC_BUF_INIT;
	const char *line;
	char v[32];
	size_t i;

	(void)q;
	memset(&sol, 0, sizeof(sol));
	if (solve(s, &sol, err) != 0) {
		release(&sol);
		return -1;
	}
	ec_text_para(t, "In the graph below every activation's forward value is given. Find the\n"
			"gradient of the output with respect to each activation; the output's own\n"
			"gradient is 1. Two of its operators:");
	ec_text_pre(t, "2**v            base-2 exponential: 2**3 = 8\n"
		       "clamp(v, a, b)  v held within [a, b]: a if v < a, v if a <= v <= b,\n"
		       "                b if v > b; clamp(12, 1, 10) = 10");
	if (!s->p->q311_graph[0] && sol.from != EC_KEY_FROM_EXAM)
		ec_text_para(t, "(The exam's figure was lost; this is the stand-in graph of\n"
				"data/q3.1.1.graph that the worked answer uses.)");
	ec_text_para(t, "The graph, as the lines of a graph file (the expression, then the value\n"
			"of each input):");
	for (line = sol.text; *line; line += strcspn(line, "\n"), line += *line == '\n') {
		size_t n = strcspn(line, "\n");

		if (n && line[0] != '#')
			ec_buf_appendf(&b, "%.*s\n", (int)n, line);
	}
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_clear(&b);
	ec_text_para(t, "Its activations with their forward values (n1, n2, ... in the order\n"
			"they are computed):");
	for (i = 0; i < sol.e.count; i++) {
		const ec_expr_node *n = &sol.e.nodes[i];

		if (n->constant)
			continue;
		ec_buf_appendf(&b, "%-4s = ", n->label);
		if (n->op != EC_EXPR_INPUT)
			formula(&b, &sol.e, i);
		ec_buf_appendf(&b, "%s%s\n", n->op != EC_EXPR_INPUT ? " = " : "",
			       ec_expr_format_number(n->value, v, sizeof(v)));
	}
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	release(&sol);
	return 0;
}

/* "graph" (the graph file), "expression", "inputs" {name: value}. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	struct solution sol;
	size_t i;

	(void)q;
	memset(&sol, 0, sizeof(sol));
	if (solve(s, &sol, err) != 0) {
		release(&sol);
		return -1;
	}
	fputs("\"graph\": ", f);
	ec_write_json_string(f, sol.text);
	fputs(", \"expression\": ", f);
	ec_write_json_string(f, sol.e.text + strspn(sol.e.text, " \t"));
	fputs(", \"inputs\": {", f);
	for (i = 0; i < sol.e.input_count; i++) {
		fputs(i ? ", " : "", f);
		ec_write_json_string(f, sol.e.inputs[i].name);
		fputs(": ", f);
		ec_json_number(f, sol.e.inputs[i].value);
	}
	putc('}', f);
	release(&sol);
	return 0;
}

const ec_module ec_module_3_1_1 = {
	.id = "3.1.1",
	.size = sizeof(struct solution),
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.release = release,
	.show = show,
	.facts = facts,
};
