/*
 * q3_1_1.c: gradients of every activation of a computational graph built
 * from 2** and clamp. The exam's figure is missing, so the graph comes
 * from data/q3.1.1.graph (a stand-in unless an instructor replaces it).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_expr.h"
#include "params.h"

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

int ec_ans_3_1_1(ec_actx *a)
{
	char *text;
	const char *origin;
	char v[128], full[32], id[48];
	ec_expr e;
	ec_expr_exact *x;
	size_t i, items = 0;
	double points;
	ec_key_origin from;

	if (ec_params_data(a, ec_params(a)->q311_graph, "q3.1.1.graph", &text, &origin) != 0)
		return -1;
	if (ec_expr_file_load(text, origin, &e, &a->err) != EC_OK) {
		ec_data_free(text);
		return -1;
	}
	from = ec_data_origin("q3.1.1.graph", text);
	ec_data_free(text);
	if (!(x = malloc(e.count * sizeof(*x)))) {
		ec_expr_free(&e);
		ec_error_set(&a->err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	ec_expr_exact_forms(&e, x);

	answer_line(a, &e, x);
	if (ec_params(a)->q311_graph[0])
		ec_say(a, "The graph is variant %llu's, given in its question as a graph file.\n\n",
		       (unsigned long long)ec_params(a)->seed);
	else
		ec_say(a, "The exam's figure for this part was lost in transcription, so this\n"
			  "answer works on a STAND-IN graph of the same kind: the exam's two special\n"
			  "operators, the base-2 exponential 2** and clamp[a,b] (written\n"
			  "clamp(x, a, b)), plus ordinary ones. The graph is read from\n"
			  "%s;\nwith the real figure's expression and input values there, the same\n"
			  "steps give the real answer.\n\n",
			  origin);
	ec_say(a, "Graph: %s\nInputs:", e.text + strspn(e.text, " \t"));
	for (i = 0; i < e.input_count; i++)
		ec_say(a, "%s %s = %s", i ? "," : "", e.inputs[i].name,
		       SAY(e.inputs[i].value, e.inputs[i].exact, v));
	ec_say(a, "\nActivations that are not inputs are named n1, n2, ... in evaluation "
		  "order.\nNumbers show at most 6 significant figures, after the exact value "
		  "when\nthat has another form (the answer key keeps every digit).\n\n");
	say_forward(a, &e, x);
	say_backward(a, &e, x);

	for (i = 0; i + 1 < e.count; i++)
		items += !e.nodes[i].constant;
	points = a->q ? a->q->points : 5.0;
	ec_say(a, "\nGradients asked for (the output's own gradient, 1, is given); %zu key\n"
		  "items of %s points each:\n",
	       items,
	       SAY(items ? points / (double)items : 0,
		   items && points == floor(points) ? ec_ln2_rational((int64_t)points,
								      (int64_t)items)
						    : ec_ln2_from_double(0),
		   v));
	for (i = 0; i + 1 < e.count; i++) {
		const ec_expr_node *n = &e.nodes[i];

		if (n->constant)
			continue;
		ec_say(a, "  %-4s %s\n", n->label, SAY(n->grad, x[i].grad, v));
		snprintf(id, sizeof(id), "3.1.1.%s", n->label);
		if (ec_keyf_data(a, "q3.1.1.graph", from, id, EC_KEY_NUMBER, points / (double)items,
				 "%s", ec_expr_format_number(n->grad, full, sizeof(full))) != 0) {
			free(x);
			ec_expr_free(&e);
			return -1;
		}
	}
	say_conventions(a, &e);
	free(x);
	ec_expr_free(&e);
	return 0;
}
