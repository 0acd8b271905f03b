/*
 * fuzz_expr.c: expressions (ec_expr.h). The input, as a C string (it ends
 * at its first NUL), is
 *  - a graph file for ec_expr_file_load() (parse, forward and reverse);
 *  - an expression on its first line and "name=value" assignments on the
 *    next ones: parsed in the program syntax (ec_expr_parse()), assigned
 *    (ec_expr_assign(); inputs left without a value get 0.5, 1.5, ...),
 *    evaluated forward and then backward;
 *  - its first line parsed in the written syntax
 *    (ec_expr_parse_syntax(EC_EXPR_WRITTEN)) and evaluated both ways, and
 *    read by ec_expr_eval_constant() in both syntaxes and by
 *    ec_expr_parse_number().
 * Checks: values and gradients finite after a pass that succeeds (a
 * gradient that does not exist 0, naming a power above it), labels
 * NUL-terminated, operands before their users, and
 * ec_expr_format_number() (in 32 bytes) reading back (strtod) as the same
 * double.
 */
#include "fuzz.h"

#include <math.h>

#include "examcheck/ec_expr.h"

static void number_round_trip(double v)
{
	char buf[32];

	ec_expr_format_number(v, buf, sizeof(buf));
	FUZZ_CHECK(strtod(buf, NULL) == v);
}

/* Forward then backward; the checks a pass that succeeds must meet. */
static void passes(ec_expr *e)
{
	ec_error err;

	ec_error_clear(&err);
	FUZZ_CHECK(e->count >= 1 && e->count <= EC_EXPR_MAX_NODES);
	for (size_t i = 0; i < e->count; i++) {
		FUZZ_CHECK(memchr(e->nodes[i].label, '\0', sizeof(e->nodes[i].label)));
		FUZZ_CHECK(e->nodes[i].start <= e->nodes[i].end);
		for (size_t k = 0; k < e->nodes[i].nargs; k++)
			FUZZ_CHECK(e->nodes[i].arg[k] < i);
	}
	if (ec_expr_forward(e, &err) != EC_OK)
		return;
	for (size_t i = 0; i < e->count; i++)
		FUZZ_CHECK(isfinite(e->nodes[i].value));
	number_round_trip(e->nodes[e->count - 1].value);
	if (ec_expr_backward(e, &err) != EC_OK)
		return;
	for (size_t i = 0; i < e->count; i++) {
		const ec_expr_node *n = &e->nodes[i];

		FUZZ_CHECK(isfinite(n->grad));
		number_round_trip(n->grad);
		if (n->no_grad) { /* grad 0, and a node above it has a partial that does not exist */
			const ec_expr_node *m = &e->nodes[n->missing];
			char why[200];

			FUZZ_CHECK(n->grad == 0 && n->missing > i && n->missing < e->count);
			FUZZ_CHECK(m->op == EC_EXPR_POW && m->no_partial[1]);
			ec_expr_why_no_partial(e, n->missing, why, sizeof(why));
		}
	}
}

static void program(const char *first, const char *rest)
{
	ec_expr e;
	ec_error err;

	ec_error_clear(&err);
	if (ec_expr_parse(first, &e, &err) != EC_OK) {
		FUZZ_CHECK(e.count == 0 && e.nodes == NULL);
		return;
	}
	while (rest && *rest) {
		const char *end = strchr(rest, '\n');
		size_t n = end ? (size_t)(end - rest) : strlen(rest);
		char line[256];

		if (n < sizeof(line)) {
			memcpy(line, rest, n);
			line[n] = '\0';
			(void)ec_expr_assign(&e, line, &err);
		}
		rest = end ? end + 1 : NULL;
	}
	for (size_t i = 0; i < e.input_count; i++)
		if (!e.inputs[i].given)
			FUZZ_CHECK(ec_expr_set_input(&e, e.inputs[i].name, 0.5 + (double)i, &err) ==
				   EC_OK);
	passes(&e);
	ec_expr_free(&e);
}

static void written(const char *first)
{
	ec_expr e;
	ec_error err;
	double v;

	ec_error_clear(&err);
	if (ec_expr_parse_syntax(first, EC_EXPR_WRITTEN, &e, &err) == EC_OK) {
		FUZZ_CHECK(e.input_count == 0);
		passes(&e);
		ec_expr_free(&e);
	}
	if (ec_expr_eval_constant(first, EC_EXPR_WRITTEN, &v, &err) == EC_OK)
		FUZZ_CHECK(isfinite(v));
	if (ec_expr_eval_constant(first, EC_EXPR_PROGRAM, &v, &err) == EC_OK)
		FUZZ_CHECK(isfinite(v));
	if (ec_expr_parse_number(first, &v, &err) == EC_OK)
		number_round_trip(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_strndup(data, size, 0);
	char *nl;
	const char *rest = NULL;
	ec_expr e;
	ec_error err;

	if (!text)
		return 0;
	ec_error_clear(&err);
	if (ec_expr_file_load(text, "fuzz.graph", &e, &err) == EC_OK) {
		for (size_t i = 0; i < e.count; i++)
			FUZZ_CHECK(isfinite(e.nodes[i].value) && isfinite(e.nodes[i].grad));
		ec_expr_free(&e);
	}
	nl = strchr(text, '\n');
	if (nl) {
		*nl = '\0';
		rest = nl + 1;
	}
	program(text, rest);
	written(text);
	free(text);
	return 0;
}
