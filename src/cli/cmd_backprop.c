/*
 * cmd_backprop.c: examcheck backprop EXPR NAME=VALUE... prints the forward
 * value and the gradient of every node of a scalar expression.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_utf8.h"

static void help(void)
{
	puts("usage: examcheck backprop [--format text|tsv] EXPR NAME=VALUE...\n"
	     "\n"
	     "Evaluate the scalar expression EXPR with the given input values, then\n"
	     "backpropagate a gradient of 1 from its output. Text output lists every\n"
	     "node in evaluation order (label, operator, value, gradient, text), then\n"
	     "the gradient of each input. Activations other than inputs are labelled\n"
	     "n1, n2, ...; constants are not activations and have no gradient ('-').\n"
	     "\n"
	     "Operators, loosest first: + -, * / (\xC3\x97 is *), unary -, ** (right-\n"
	     "associative, binds tighter than unary minus: -2**2 = -4; a negative\n"
	     "base takes whole exponents only: (-2)**3 = -8, and a gradient through\n"
	     "such an exponent does not exist: 'none', with the reason under the\n"
	     "input gradients; x**y at x=-2, y=3 has dx = 12 and no dy).\n"
	     "Functions: clamp(x, a, b), max(a, b), min(a, b), abs, exp, log (natural),\n"
	     "relu, sigmoid, tanh. Other names are inputs (n1, n2, ... are reserved).\n"
	     "The exam's 2** is 2**x. A VALUE is a number or a constant expression:\n"
	     "x=1/2, x=-2**0.5.\n"
	     "\n"
	     "Conventions where there is no derivative: clamp passes the gradient to x\n"
	     "when a <= x <= b (bounds included); max and min pass it to the first\n"
	     "argument on a tie; relu'(0) = 0; abs'(0) = 0. Such nodes are flagged in\n"
	     "a note.\n"
	     "\n"
	     "Options:\n"
	     "  --format text|tsv  tsv prints 'value<TAB>OUTPUT' and then one line\n"
	     "                     'grad<TAB>NAME<TAB>GRADIENT' per input, in the order\n"
	     "                     the inputs first appear in EXPR (GRADIENT 'none'\n"
	     "                     when it does not exist)\n"
	     "  --                 end of options, for an EXPR such as '--x' or '-h'\n"
	     "                     (one that starts with '-', as '-x**2', needs none)\n"
	     "  -h, --help         print this help and exit\n"
	     "\n"
	     "Numbers are printed in the shortest form that reads back exactly.\n"
	     "The node table of the text output is at most 1048576 bytes (1 MiB):\n"
	     "each node's line repeats its text, so a long expression (a+b+c+... of\n"
	     "thousands of terms) would print hundreds of megabytes; it is refused\n"
	     "instead (exit 65). The tsv output has no such limit.\n"
	     "\n"
	     "Exit status: 0 success; 2 malformed expression, missing, unknown or\n"
	     "repeated input value, or a domain error (log of x <= 0, division by\n"
	     "zero, overflow); 65 text output over 1 MiB; 74 write error.\n"
	     "\n"
	     "Example: examcheck backprop 'clamp(2**(x*y), 1, 10)' x=3 y=1");
}

enum { OPT_FORMAT };

static const cli_opt backprop_opts[] = {
	{"format", 0, "text|tsv", OPT_FORMAT},
	{NULL, 0, NULL, 0},
};

static int fail(const ec_error *err, const char *what)
{
	if (err->column > 0)
		cli_error("backprop: %s, column %ld: %s", what, err->column, err->msg);
	else
		cli_error("backprop: %s: %s", what, err->msg);
	return err->status == EC_ERR_NOMEM ? EC_EXIT_SOFTWARE : EC_EXIT_USAGE;
}

/*
 * The text output's node table repeats each node's text, so a long
 * expression (a chain a+b+c+... of n terms) prints on the order of n^2
 * bytes: a 98 kB chain of 4700 terms would print 232 MB. Above this many
 * bytes the table is refused (exit 65); --format tsv is not limited.
 */
#define BACKPROP_TEXT_MAX (1u << 20)

static int print_text(const ec_expr *e)
{
	char value[32], grad[32];
	int wl = 4, wo = 2, wv = 5, wg = 8;
	size_t i, spans = 0, table;
	int kinks = 0;

	for (i = 0; i < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];
		int l = n->label[0] ? (int)strlen(n->label) : 1;
		int o = (int)strlen(ec_expr_op_name(n->op));
		int v = (int)strlen(ec_expr_format_number(n->value, value, sizeof(value)));
		int g = n->no_grad ? 4 : (int)strlen(ec_expr_format_number(n->grad, grad, sizeof(grad)));

		wl = l > wl ? l : wl;
		wo = o > wo ? o : wo;
		wv = v > wv ? v : wv;
		wg = g > wg ? g : wg;
		spans += n->end - n->start;
	}
	/* each line: four padded columns, their four 2-space gaps, the text, '\n' */
	table = e->count * (size_t)(wl + wo + wv + wg + 8 + 1) + spans;
	if (table > BACKPROP_TEXT_MAX) {
		cli_error("backprop: the text output would be %zu bytes, over the limit of %u "
			  "(each node's line repeats its text); use --format tsv",
			  table, BACKPROP_TEXT_MAX);
		return EC_EXIT_DATAERR;
	}
	printf("Forward values and gradients (d output / d node), in evaluation order:\n\n");
	printf("%-*s  %-*s  %-*s  %-*s  %s\n", wl, "node", wo, "op", wv, "value", wg,
	       "gradient", "expression");
	for (i = 0; i < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];
		bool has_grad = !n->constant || i + 1 == e->count;

		ec_expr_format_number(n->value, value, sizeof(value));
		if (n->no_grad)
			strcpy(grad, "none");
		else if (has_grad)
			ec_expr_format_number(n->grad, grad, sizeof(grad));
		else
			strcpy(grad, "-");
		printf("%-*s  %-*s  %-*s  %-*s  %.*s\n", wl, n->label[0] ? n->label : "-", wo,
		       ec_expr_op_name(n->op), wv, value, wg, grad, (int)(n->end - n->start),
		       e->text + n->start);
		kinks += n->at_kink;
	}
	printf("\nInput gradients:\n");
	if (e->input_count == 0)
		printf("(none: the expression has no inputs)\n");
	for (i = 0; i < e->input_count; i++) {
		const ec_expr_node *n = &e->nodes[e->inputs[i].node];
		char why[200];

		if (n->no_grad)
			printf("d%s does not exist: %s\n", e->inputs[i].name,
			       ec_expr_why_no_partial(e, n->missing, why, sizeof(why)));
		else
			printf("d%s = %s\n", e->inputs[i].name,
			       ec_expr_format_number(n->grad, grad, sizeof(grad)));
	}
	if (kinks)
		printf("\nNotes (points without a derivative, see --help):\n");
	for (i = 0; i < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];
		const char *label = n->label[0] ? n->label : "a constant node";

		if (!n->at_kink)
			continue;
		switch (n->op) {
		case EC_EXPR_CLAMP:
			printf("%s: clamp's input is at a bound; the gradient goes to the input in "
			       "full (reading the bound as outside the range would give it 0)\n",
			       label);
			break;
		case EC_EXPR_MAX:
		case EC_EXPR_MIN:
			printf("%s: %s of two equal values; the gradient goes to the first "
			       "argument (splitting it would give each half)\n",
			       label, ec_expr_op_name(n->op));
			break;
		case EC_EXPR_RELU:
			printf("%s: relu at 0; its derivative is taken as 0 (1 from the right)\n",
			       label);
			break;
		case EC_EXPR_ABS:
			printf("%s: abs at 0; its derivative is taken as 0 (-1 from the left, 1 "
			       "from the right)\n",
			       label);
			break;
		default:
			printf("%s: power at base 0; one-sided derivative used\n", label);
			break;
		}
	}
	return EC_EXIT_OK;
}

int cmd_backprop(int argc, char **argv)
{
	ec_format format = EC_FORMAT_TEXT;
	ec_expr e = {0};
	ec_error err;
	char num[32], what[200];
	cli_args it;
	int c, parsed = 0, rc = EC_EXIT_OK;
	size_t k;

	ec_error_clear(&err);
	cli_args_init(&it, "backprop", argc, argv, backprop_opts);
	it.dash_operands = true; /* '-x**2' is an expression */
	while (rc == EC_EXIT_OK && (c = cli_next(&it)) != CLI_END) {
		if (c == OPT_FORMAT) {
			rc = cli_format(it.value, 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_TSV,
					&format) != 0
				     ? EC_EXIT_USAGE
				     : EC_EXIT_OK;
		} else if (c != CLI_OPERAND) {
			ec_expr_free(&e);
			if (c == CLI_HELP)
				help();
			return cli_done(&it, c, NULL);
		} else if (!parsed) {
			if (ec_expr_parse(it.value, &e, &err) != EC_OK)
				return fail(&err, "expression");
			parsed = 1;
		} else if (ec_expr_assign(&e, it.value, &err) != EC_OK) {
			char shown[4 * 40 + 4];

			snprintf(what, sizeof(what), "argument '%s'",
				 ec_utf8_quote(it.value, strlen(it.value), 40, shown, sizeof(shown)));
			rc = fail(&err, what);
		}
	}
	if (rc == EC_EXIT_OK && !parsed) {
		cli_error("backprop: missing expression (see 'examcheck backprop --help')");
		rc = EC_EXIT_USAGE;
	}
	for (k = 0; rc == EC_EXIT_OK && k < e.input_count; k++) {
		if (!e.inputs[k].given) {
			cli_error("backprop: expression, column %ld: input '%s' has no value "
				  "(add %s=VALUE)",
				  e.inputs[k].column, e.inputs[k].name, e.inputs[k].name);
			rc = EC_EXIT_USAGE;
		}
	}
	if (rc == EC_EXIT_OK &&
	    (ec_expr_forward(&e, &err) != EC_OK || ec_expr_backward(&e, &err) != EC_OK))
		rc = fail(&err, "expression");
	if (rc == EC_EXIT_OK && format == EC_FORMAT_TSV) {
		printf("value\t%s\n",
		       ec_expr_format_number(e.nodes[e.count - 1].value, num, sizeof(num)));
		for (k = 0; k < e.input_count; k++)
			printf("grad\t%s\t%s\n", e.inputs[k].name,
			       e.nodes[e.inputs[k].node].no_grad
				       ? "none"
				       : ec_expr_format_number(e.nodes[e.inputs[k].node].grad, num,
							       sizeof(num)));
	} else if (rc == EC_EXIT_OK) {
		rc = print_text(&e);
	}
	ec_expr_free(&e);
	return rc;
}
