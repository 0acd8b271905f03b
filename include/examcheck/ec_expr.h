/*
 * ec_expr.h: a scalar computational graph. An expression such as
 * "clamp(2**(x*y), 1, 10)" is parsed into a list of nodes in topological
 * order (every node after its operands, the output last); a forward pass
 * fills in each node's value and its local partial derivatives, and a
 * reverse-mode pass fills in the gradient of the output with respect to
 * every node (backpropagation).
 *
 * Grammar, loosest binding first (as in Python):
 *
 *   sum     := product (('+' | '-') product)*          left-associative
 *   product := unary (('*' | '/') unary)*               left-associative
 *   unary   := ('-' | '+') unary | power
 *   power   := primary ('**' unary)?                    right-associative
 *   primary := NUMBER | NAME | NAME '(' args ')' | '(' sum ')'
 *
 * so "**" binds tighter than unary minus ("-2**2" is -4), "2**-x" is
 * 2**(-x) and "2**3**2" is 2**9. NUMBER is decimal: digits, an optional
 * fraction and an optional exponent ("3", "0.5", ".5", "1e-3"). NAME is a
 * letter or '_' followed by letters, digits or '_', at most
 * EC_EXPR_NAME_MAX characters. Functions: clamp(x, a, b), max(a, b),
 * min(a, b), abs(x), exp(x), log(x) (natural), relu(x), sigmoid(x),
 * tanh(x). Any other NAME is an input; the names of the functions and
 * names of the form n<digits> (kept for node labels) cannot be inputs.
 * The multiplication sign U+00D7 (UTF-8) multiplies as '*' does. Columns
 * in errors count characters, not bytes.
 *
 * Conventions where a function has no derivative:
 *   - clamp(x, a, b) follows the case definition a <= x <= b -> x: at a
 *     bound (x == a or x == b) the gradient goes to x in full (derivative
 *     1), nothing to the bound. Below a the output is a (the gradient goes
 *     to a), above b it is b (the gradient goes to b). a > b is an error.
 *   - max(a, b) and min(a, b) on a tie (a == b) pass the whole gradient to
 *     the first argument a.
 *   - relu(x) at x == 0 has derivative 0.
 *   - abs(x) at x == 0 has derivative 0 (the subgradient of |x| in the
 *     middle of [-1, 1], as relu's 0 and the sign(0) = 0 of Q2.5); elsewhere
 *     it is sign(x).
 *   - a**b at a == 0: d/da is b * 0**(b-1) (0 for b > 1, 1 for b == 1; an
 *     error for 0 < b < 1 when a depends on an input); d/db is 0 for b > 0.
 *   - a**b at a < 0 is defined for whole b only ((-2)**3 = -8, with
 *     d/da = b * a**(b-1) = 12 as usual; (-2)**0.5 is an error). It has no
 *     derivative with respect to b there: an error when b depends on an
 *     input.
 * A node evaluated at such a point has `at_kink` set.
 *
 * Constant nodes (numbers and sub-expressions without an input) are not
 * activations: they get no gradient (`constant` is set, `grad` is 0).
 *
 * A second syntax, EC_EXPR_WRITTEN, reads a constant as a person writes it
 * on an answer sheet (ec_expr_parse_syntax()).
 */
#ifndef EC_EXPR_H
#define EC_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest input name, in characters. */
#define EC_EXPR_NAME_MAX 32
/** Most nodes an expression may have. */
#define EC_EXPR_MAX_NODES 10000
/** Deepest nesting of parentheses, unary signs, powers and calls. */
#define EC_EXPR_MAX_DEPTH 200
/** Most characters an expression's text may have. */
#define EC_EXPR_MAX_TEXT 100000

/** What a node computes. */
typedef enum ec_expr_op {
	EC_EXPR_NUMBER,  /**< a literal number */
	EC_EXPR_INPUT,   /**< a named input; one node per distinct name */
	EC_EXPR_ADD,     /**< a + b */
	EC_EXPR_SUB,     /**< a - b */
	EC_EXPR_MUL,     /**< a * b */
	EC_EXPR_DIV,     /**< a / b */
	EC_EXPR_NEG,     /**< -a */
	EC_EXPR_POW,     /**< a ** b */
	EC_EXPR_CLAMP,   /**< clamp(x, a, b) */
	EC_EXPR_MAX,     /**< max(a, b) */
	EC_EXPR_MIN,     /**< min(a, b) */
	EC_EXPR_EXP,     /**< e ** x */
	EC_EXPR_LOG,     /**< natural logarithm */
	EC_EXPR_RELU,    /**< max(x, 0) */
	EC_EXPR_SIGMOID, /**< 1 / (1 + e ** -x) */
	EC_EXPR_TANH,    /**< hyperbolic tangent */
	EC_EXPR_SQRT,    /**< square root (EC_EXPR_WRITTEN only) */
	EC_EXPR_ABS      /**< absolute value */
} ec_expr_op;

/** A rational number num / den in lowest terms, den > 0. */
typedef struct ec_rational {
	int64_t num;
	int64_t den;
} ec_rational;

/**
 * An exact real number a + b ln 2 with rational a and b: the form of every
 * value and gradient of a graph of +, -, *, /, 2**, clamp, max, min, relu
 * and abs over rational inputs (the exam's 3.1.1). `known` is false when
 * a number is not known to have that form: it involves exp, tanh, (ln 2)^2
 * or the logarithm of a number that is not a power of 2, or its terms do
 * not fit in 64 bits.
 */
typedef struct ec_ln2 {
	bool known;
	ec_rational a; /**< the rational part */
	ec_rational b; /**< the coefficient of ln 2 */
} ec_ln2;

/** One node of the graph. Operands always come earlier in the list. */
typedef struct ec_expr_node {
	ec_expr_op op;
	size_t nargs;      /**< number of operands, 0 to 3 */
	size_t arg[3];     /**< indices of the operand nodes */
	double number;     /**< the literal, for EC_EXPR_NUMBER */
	size_t input;      /**< index in ec_expr.inputs, for EC_EXPR_INPUT */
	size_t start, end; /**< the node's text is ec_expr.text[start, end) */
	long column;       /**< 1-based column of the operator or token */
	bool constant;     /**< no input below this node */
	char label[EC_EXPR_NAME_MAX + 1]; /**< input name, "n1", ... or "" (constant) */
	double value;      /**< forward value (after ec_expr_forward) */
	double partial[3]; /**< d value / d arg[k], 0 towards a constant operand */
	bool no_partial[3]; /**< d value / d arg[k] does not exist (partial[k] is then 0):
				 the exponent of a negative base */
	bool at_kink;      /**< evaluated where a convention above applied */
	double grad;       /**< d output / d value (after ec_expr_backward) */
	bool no_grad;      /**< d output / d value does not exist (grad is then 0): a path to
				 the output goes through a partial that does not */
	size_t missing;    /**< with no_grad: the node whose partial does not exist */
} ec_expr_node;

/** A named input: its node, where it first appears and its value. */
typedef struct ec_expr_input {
	char name[EC_EXPR_NAME_MAX + 1];
	size_t node;   /**< index of its EC_EXPR_INPUT node */
	long column;   /**< 1-based column of its first appearance */
	double value;  /**< set by ec_expr_set_input() */
	ec_ln2 exact;  /**< the value's exact form, when known: what ec_expr_assign()
			    read ("1/3"), or the double given to ec_expr_set_input() */
	bool given;    /**< whether a value was set */
} ec_expr_input;

/**
 * A parsed expression. Non-constant nodes that are not inputs are labelled
 * "n1", "n2", ... in list order; the output is nodes[count - 1].
 */
typedef struct ec_expr {
	char *text;            /**< a copy of the source text */
	ec_expr_node *nodes;   /**< topological order, output last */
	size_t count;
	ec_expr_input *inputs; /**< in order of first appearance */
	size_t input_count;
} ec_expr;

/** The syntaxes an expression may be written in. */
typedef enum ec_expr_syntax {
	EC_EXPR_PROGRAM, /**< the grammar above (ec_expr_parse()) */
	EC_EXPR_WRITTEN  /**< a constant as written by hand, see ec_expr_parse_syntax() */
} ec_expr_syntax;

/**
 * Parse `text` into `*out` (whose previous contents are ignored). On
 * failure returns EC_ERR_PARSE (malformed text, with err->column the
 * 1-based column of the offending character), EC_ERR_RANGE (more than
 * EC_EXPR_MAX_NODES nodes, deeper than EC_EXPR_MAX_DEPTH, longer than
 * EC_EXPR_MAX_TEXT) or EC_ERR_NOMEM, and leaves *out empty.
 */
ec_status ec_expr_parse(const char *text, ec_expr *out, ec_error *err);

/**
 * ec_expr_parse() in the given syntax. EC_EXPR_PROGRAM is the grammar
 * above. EC_EXPR_WRITTEN reads a constant as people write one ("48 ln 2",
 * "-1/4", "2**3", "16 x 8"), the grammar above with these changes:
 *   - no inputs: a name must be a function; names are letters only, so
 *     "ln2" is ln then 2;
 *   - two more functions: ln(x) (the natural logarithm, as log(x) is) and
 *     sqrt(x); "log" followed by digits ("log2", "log10") is an error, as
 *     it reads as a logarithm to another base;
 *   - a one-argument function may go without parentheses, taking the
 *     unary expression after it: "ln 2" = ln(2), "ln 2 * 3" = ln(2) * 3,
 *     "exp -1" = exp(-1);
 *   - implicit multiplication: an operand followed by '(' or a name
 *     multiplies, at the precedence of '*' ("48 ln 2", "2ln2", "3(1+1)",
 *     "(1+1)(2)"); two numbers side by side ("1 2") are still an error;
 *   - 'x', 'X' and the UTF-8 sign U+00D7 between operands multiply;
 *   - the UTF-8 minus sign U+2212 is '-'; a mantissa followed by an 'e'
 *     without exponent digits ends before it ("2exp(1)");
 *   - two signs in a row ("--3", "+-3") are an error.
 * Columns in errors count characters of that translated text. The node
 * texts are of that translated text (out->text).
 */
ec_status ec_expr_parse_syntax(const char *text, ec_expr_syntax syntax, ec_expr *out,
			       ec_error *err);

/**
 * The value of a constant expression `text` in `syntax`: parsed and
 * evaluated (forward pass) as ec_expr_parse_syntax() and
 * ec_expr_forward() do; EC_ERR_PARSE when it has an input, else their
 * errors (EC_ERR_RANGE for a domain error such as 1/0 or ln 0). A value
 * is always finite.
 */
ec_status ec_expr_eval_constant(const char *text, ec_expr_syntax syntax, double *value,
				ec_error *err);

/** Release an expression's memory and empty it (safe on an empty one). */
void ec_expr_free(ec_expr *e);

/** The index of the input called `name` in e->inputs, or EC_ERR_NOTFOUND. */
ec_status ec_expr_find_input(const ec_expr *e, const char *name, size_t *index);

/**
 * Give input `name` the value `value` (its exact form: the double itself,
 * when it is a fraction whose terms fit in 64 bits). EC_ERR_NOTFOUND
 * (naming the expression's inputs) when the expression has no such input,
 * EC_ERR_INVALID when it already has a value or the value is not finite.
 */
ec_status ec_expr_set_input(ec_expr *e, const char *name, double value, ec_error *err);

/**
 * Parse an assignment "name=value" (blanks allowed around both) and set
 * the input as ec_expr_set_input() does. The value is a number or a
 * constant expression in the grammar above ("1/2", "-2**0.5", "3 * 2**-4"),
 * and its exact form is kept ("1/3" is one third exactly). A malformed
 * assignment or value is EC_ERR_PARSE, with err->column its 1-based column
 * within `text`; a value with a name in it "is not a number"; a domain
 * error of the value ("1/0") or a number too large is EC_ERR_RANGE.
 */
ec_status ec_expr_assign(ec_expr *e, const char *text, ec_error *err);

/**
 * Read a real number: an optional sign, then a NUMBER as in the grammar
 * above, and nothing else. EC_ERR_PARSE when `text` is not one,
 * EC_ERR_RANGE when it does not fit in a double.
 */
ec_status ec_expr_parse_number(const char *text, double *value, ec_error *err);

/**
 * The forward pass: every node's value, local partials and at_kink, from
 * the inputs' values. EC_ERR_INVALID (naming the input and its column)
 * when an input has no value; EC_ERR_RANGE naming the node (label, text
 * and column) on a domain error: division by zero, log of x <= 0,
 * 0 ** negative, negative ** non-integer, clamp with a > b, a non-finite
 * value, or a non-finite local partial towards a non-constant operand.
 * A negative base to a whole power that is not constant, (-2)**y at y =
 * 3, has a value (-8) and a derivative with respect to the base, but
 * none with respect to the exponent (a power of a negative number is
 * defined at whole exponents only): no_partial[1], which
 * ec_expr_backward() carries to the inputs below it.
 */
ec_status ec_expr_forward(ec_expr *e, ec_error *err);

/**
 * The reverse pass after ec_expr_forward(): the output's gradient is 1 and
 * every non-constant node's grad is the sum over its users of
 * user.grad * user.partial. A node some path from the output reaches
 * through a partial that does not exist (no_partial) has no gradient:
 * no_grad, grad 0, and `missing` the node whose partial it is
 * (ec_expr_why_no_partial() says why); d(x**y)/dx = y x**(y-1) at x = -2,
 * y = 3 is 12 all the same. EC_ERR_RANGE when a gradient is not finite.
 */
ec_status ec_expr_backward(ec_expr *e, ec_error *err);

/**
 * Why node `i` (one with a no_partial) has a partial that does not exist,
 * as a domain error says it: "n1 = x**y: negative base -2: no derivative
 * with respect to the exponent (a power of a negative number is defined
 * at whole exponents only)", into buf. Returns buf.
 */
char *ec_expr_why_no_partial(const ec_expr *e, size_t i, char *buf, size_t size);

/** The operator's symbol or function name: "+", "**", "clamp", "input", "number". */
const char *ec_expr_op_name(ec_expr_op op);

/**
 * Read a graph file and run both passes. Format: '#' starts a comment,
 * blank lines are skipped, one line "expr EXPRESSION" and one line
 * "NAME = VALUE" per input of the expression; lines end at LF, CRLF or a
 * lone CR, and a UTF-8 byte-order mark at the start is skipped (columns
 * count from after it). On failure returns
 * EC_ERR_PARSE (malformed file, missing or unknown input) or EC_ERR_RANGE
 * (a domain error of a pass, or an input without a gradient: no_grad), with err->file = `filename` (kept as a
 * pointer), err->line and err->column (within the line) set, and leaves
 * *out empty.
 */
ec_status ec_expr_file_load(const char *text, const char *filename, ec_expr *out,
			     ec_error *err);

/** Exact forms of one node: its value, its local partials and its gradient. */
typedef struct ec_expr_exact {
	ec_ln2 value;
	ec_ln2 partial[3]; /**< d value / d arg[k]; 0 towards a constant operand */
	ec_ln2 grad;       /**< unknown for constants, which have no gradient */
} ec_expr_exact;

/**
 * The passes of ec_expr_forward() and ec_expr_backward() (both already
 * run on `e`) done again in exact arithmetic, into out[0, e->count): from
 * the inputs' exact forms and the literals' text, with the same
 * conventions, and branches (clamp, max, min, relu, abs) decided by exact
 * comparison. A form is kept only when it is proved twice: computed
 * exactly, and its value a + b ln 2 agrees with the node's double to
 * 1e-12 relative (in size of the larger term); otherwise it is unknown.
 */
void ec_expr_exact_forms(const ec_expr *e, ec_expr_exact *out);

/** The double nearest to a + b ln 2 (NAN when x is unknown). */
double ec_ln2_value(ec_ln2 x);

/** The exact form of `v`: v itself as a fraction whose terms fit in 64 bits, else unknown. */
ec_ln2 ec_ln2_from_double(double v);

/** The rational number num / den (den != 0), reduced; unknown when it does not fit. */
ec_ln2 ec_ln2_rational(int64_t num, int64_t den);

/**
 * Write a known x as people and the EC_EXPR_WRITTEN syntax read it:
 * "5", "-1/4", "ln 2", "20 ln 2", "-(3/2) ln 2", "10 - 20 ln 2"; "?" when
 * x is unknown. 80 bytes always suffice. Returns `buf`.
 */
char *ec_ln2_format(ec_ln2 x, char *buf, size_t size);

/**
 * `v` for a reader, at most 6 significant figures. x is v's exact form
 * (or unknown), shown only when it agrees with v as ec_expr_exact_forms()
 * checks: the decimal alone when it is exactly x ("8", "0.625", "0.3" for
 * 3/10), else the form first ("20 ln 2 ≈ 13.8629", "1/3 ≈ 0.333333").
 * Without a form: the decimal when it is exactly v, else "≈ 5.54518".
 * "≈" is U+2248 in UTF-8. 128 bytes always suffice. Returns `buf`.
 */
char *ec_ln2_describe(double v, ec_ln2 x, char *buf, size_t size);

/**
 * Write `value` into `buf` with the fewest significant digits that read
 * back (strtod) as the same double: fixed notation when the decimal
 * exponent is -5 to 16 ("10", "0.00001", "5.545177444479562"), otherwise
 * "1e+20", "1.5e-300". -0 is written "0". 32 bytes always suffice.
 * Returns `buf`.
 */
char *ec_expr_format_number(double value, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
