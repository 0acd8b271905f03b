/*
 * q3_1_2.c: Q3.1.2, the gradient at one input entry through a valid 3x3
 * convolution followed by 2x2 max pooling, from libexamcheck's forward and
 * backward passes (ec_tensor.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_tensor.h"
#include "question.h"

#define ID "3.1.2"
#define LINE EC_EXPLAIN_LINE
#define NUM(v, buf) ec_expr_format_number((v), (buf), sizeof(buf))

/* ---- the passes ---- */

/* One forward and backward pass with a kernel. */
struct pass {
	double y[4];        /* Y = X * K, valid, 2x2 */
	double pooled;      /* max of Y */
	size_t winner;      /* which entry of Y (row-major) */
	size_t ties;        /* entries of Y equal to the maximum */
	double grad[16];    /* dL/dX, 4x4 */
};

static int run_pass(const double *xv, const double *kv, struct pass *r, ec_error *err)
{
	double x[16], k[9], dy[4] = {0}, one = 1;
	ec_mat mx = {4, 4, x}, mk = {3, 3, k}, my = {2, 2, r->y}, mo = {1, 1, &r->pooled};
	ec_mat done = {1, 1, &one}, mdy = {2, 2, dy}, mg = {4, 4, r->grad};
	size_t i;

	memcpy(x, xv, sizeof(x));
	memcpy(k, kv, sizeof(k));
	if (ec_xcorr2d(&mx, &mk, 0, 1, &my, err) != EC_OK ||
	    ec_maxpool2d(&my, 2, 2, &mo, &r->winner, err) != EC_OK ||
	    ec_maxpool2d_backward(&my, 2, 2, &done, &mdy, err) != EC_OK ||
	    ec_xcorr2d_backward(&mdy, &mk, 0, 1, &mg, err) != EC_OK)
		return -1;
	for (r->ties = 0, i = 0; i < 4; i++)
		r->ties += r->y[i] == r->pooled;
	return 0;
}

/* dL/dX at entry `at` when the pool hands the gradient dy (2x2) to Y, with kernel kv. */
static int through(const double *kv, const double *dyv, size_t at, double *v, ec_error *err)
{
	double dxv[16], dy[4], k[9];
	ec_mat mdy = {2, 2, dy}, mk = {3, 3, k}, dx = {4, 4, dxv};

	memcpy(dy, dyv, sizeof(dy));
	memcpy(k, kv, sizeof(k));
	if (ec_xcorr2d_backward(&mdy, &mk, 0, 1, &dx, err) != EC_OK)
		return -1;
	*v = dxv[at];
	return 0;
}

/* ---- the numbers ---- */

/* The original: X, K, and the underlined entry (value 1) at row 1, column 0 from 0. */
static const double original_x[16] = {
	4, 6, 3, 4, /* */
	1, 7, 3, 4, /* */
	5, 8, 4, 4, /* */
	2, 7, 4, 4,
};
static const double original_k[9] = {
	0,     -0.25, 0,     /* */
	-0.25, 1,     -0.25, /* */
	0,     -0.25, 0,
};

/*
 * A variant: X of digits, K of small powers of two (symmetric in half the
 * draws), drawn again until K has three nonzero weights and Y a single
 * maximum (no tie convention needed); the entry asked for is one the
 * winning window weighs with a nonzero weight, so that 0 is never the
 * answer. When K is not symmetric, the flip must change the entry's
 * gradient (the worked answer says a gradient the flip leaves alone comes
 * from a symmetric K); the question says which convention '*' follows,
 * so an asymmetric K has one answer.
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	static const double weights[] = {-1, -0.5, -0.25, 0, 0, 0.25, 0.5, 1, 2};
	int t;

	if (!g) {
		memcpy(p->q312_x, original_x, sizeof(original_x));
		memcpy(p->q312_k, original_k, sizeof(original_k));
		p->q312_row = 1;
		p->q312_col = 0;
		return 0;
	}
	for (t = 0; t < EC_DRAW_TRIES; t++) {
		struct pass a, b;
		double kf[9];
		size_t i, nonzero = 0, in_window[9], nin = 0;
		bool symmetric = ec_draw_chance(g, 1, 2), flip_same = true;

		for (i = 0; i < 16; i++)
			p->q312_x[i] = ec_draw_int(g, 0, 9);
		for (i = 0; i < 9; i++)
			p->q312_k[i] = symmetric && i > 4 ? p->q312_k[8 - i] : EC_DRAW_PICK(g, weights);
		for (i = 0; i < 9; i++) {
			kf[i] = p->q312_k[8 - i];
			nonzero += p->q312_k[i] != 0;
			flip_same = flip_same && p->q312_k[i] == kf[i];
		}
		if (run_pass(p->q312_x, p->q312_k, &a, err) != 0 || run_pass(p->q312_x, kf, &b, err) != 0)
			return -1;
		if (nonzero < 3 || a.ties != 1)
			continue;
		for (i = 0; i < 9; i++)
			if (p->q312_k[i] != 0)
				in_window[nin++] = (a.winner / 2 + i / 3) * 4 + a.winner % 2 + i % 3;
		i = ec_draw_chance(g, 3, 4) ? in_window[ec_xorshift_below(g, nin)]
					    : (size_t)ec_xorshift_below(g, 16);
		p->q312_row = i / 4;
		p->q312_col = i % 4;
		if ((!flip_same && a.grad[i] == b.grad[i]) || a.grad[i] == 0)
			continue;
		return 0;
	}
	return ec_draw_gave_up(err, ID, p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	size_t at;            /* the entry asked for, row-major in X */
	uint64_t rows, cols;  /* of Y: (4 - 3) / 1 + 1 = 2 each */
	struct pass main;     /* with K */
	struct pass flipped;  /* with K rotated by 180 degrees: a true convolution (the other
				 reading; facts and worked) */
	/* the mistakes, each the entry's gradient with the pool's gradient sent elsewhere */
	double shared;        /* 1/4 to every entry (average pooling) */
	double everywhere;    /* 1 to every entry */
	double through_other[4]; /* 1 to entry i of Y only (i not the winner) */
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	static const double quarters[4] = {0.25, 0.25, 0.25, 0.25}, ones[4] = {1, 1, 1, 1};
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	ec_window w = {3, 1, 0, 1};
	double kf[9];
	size_t i;

	sol->p = p;
	sol->at = p->q312_row * 4 + p->q312_col;
	if (ec_conv_output_size(4, &w, &sol->rows, err) != EC_OK ||
	    ec_conv_output_size(4, &w, &sol->cols, err) != EC_OK)
		return -1;
	if (sol->rows * sol->cols != 4) {
		ec_error_set(err, EC_ERR_RANGE, "q3.1.2: expected a 2x2 convolution output");
		return -1;
	}
	if (run_pass(p->q312_x, p->q312_k, &sol->main, err) != 0)
		return -1;
	if (s->depth >= EC_DEPTH_FACTS) {
		for (i = 0; i < 9; i++)
			kf[i] = p->q312_k[8 - i];
		if (run_pass(p->q312_x, kf, &sol->flipped, err) != 0)
			return -1;
		if (through(p->q312_k, quarters, sol->at, &sol->shared, err) != 0 ||
		    through(p->q312_k, ones, sol->at, &sol->everywhere, err) != 0)
			return -1;
		for (i = 0; i < 4; i++) {
			double one_entry[4] = {0, 0, 0, 0};

			one_entry[i] = 1;
			if (through(p->q312_k, one_entry, sol->at, &sol->through_other[i], err) != 0)
				return -1;
		}
	}
	return 0;
}

/* ---- the worked answer and the key ---- */

static void say_mat(ec_actx *a, const char *indent, const double *v, size_t rows, size_t cols)
{
	size_t r, c;
	char num[32];

	for (r = 0; r < rows; r++) {
		ec_say(a, "%s", indent);
		for (c = 0; c < cols; c++)
			ec_say(a, "%7s", NUM(v[r * cols + c], num));
		ec_say(a, "\n");
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	const struct pass *m = &sol->main;
	const size_t row = p->q312_row, col = p->q312_col, wr = m->winner / 2, wc = m->winner % 2;
	double dy[4] = {0, 0, 0, 0};
	char num[32], alt[32], ys[32];

	NUM(m->grad[sol->at], num);
	if (!ec_showing(a))
		return ec_keyf(a, ID, EC_KEY_NUMBER, 5, "%s", num);
	dy[m->winner] = 1;
	NUM(sol->flipped.grad[sol->at], alt);
	NUM(m->pooled, ys);
	ec_answer(a, "%s", num);
	ec_say(a, "Reading: '*' is cross-correlation (the kernel is not flipped), as in\n"
		  "deep-learning libraries; the other reading is checked at the end.\n\n");
	ec_say(a, "1. Forward, valid 3x3 convolution of the 4x4 X: a %zux%zu output Y,\n"
		  "   Y(i,j) = sum over the 3x3 window at (i,j) of X times K:\n",
	       (size_t)sol->rows, (size_t)sol->cols);
	say_mat(a, "   ", m->y, 2, 2);
	ec_say(a, "2. 2x2 max pooling of Y gives the scalar output %s; the winner is Y(%zu,%zu)\n"
		  "   (%s).\n",
	       ys, wr, wc,
	       m->ties > 1 ? "a tie: the first maximum in row-major order takes the gradient"
			   : "a unique maximum, so no tie convention is needed");
	ec_say(a, "3. Backward through the max: dL/dY is 1 at the winner, 0 elsewhere:\n");
	say_mat(a, "   ", dy, 2, 2);
	ec_say(a, "4. Backward through the convolution: dL/dX(p,q) = sum over outputs (i,j) of\n"
		  "   dL/dY(i,j) K(p-i, q-j), i.e. K placed at the winner's window:\n");
	say_mat(a, "   ", m->grad, 4, 4);
	if (row >= wr && row - wr < 3 && col >= wc && col - wc < 3)
		ec_say(a, "5. The underlined entry X(%zu,%zu) = %g lies in the winner's window at\n"
			  "   kernel position (%zu,%zu), so its gradient is K(%zu,%zu) x 1 = %s.\n\n",
		       row, col, p->q312_x[sol->at], row - wr, col - wc, row - wr, col - wc, num);
	else
		ec_say(a, "5. The underlined entry X(%zu,%zu) = %g lies outside the winner's window,\n"
			  "   so its gradient is %s.\n\n",
		       row, col, p->q312_x[sol->at], num);
	ec_say(a, "Other reading: a true convolution flips K by 180 degrees. With the flipped\n"
		  "kernel the gradient at X(%zu,%zu) is %s, %s.\n",
	       row, col, alt,
	       strcmp(alt, num) == 0 ? "the same, since K is symmetric under the flip"
				     : "which a grader could also accept");
	return ec_keyf(a, ID, EC_KEY_NUMBER, 5, "%s", num);
}

/*
 * ---- the facts: the gradient through the maximum, with the mistakes of a
 * wrong sign and of the pool's gradient sent elsewhere than to its maximum
 * (to all entries, shared as by average pooling, or to a non-maximal
 * entry) ----
 */
static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	const struct pass *m = &sol->main;
	const double right = m->grad[sol->at];
	char a[32], b[32], c[32], e4[32], top[32], g[32], d[LINE];
	ec_item_facts *f;
	size_t i;

	if (!(f = ec_facts_add(ex, ID, EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%s", NUM(right, a));
	ec_facts_line(f, "Y = X * K (valid) is [%s %s; %s %s]; only the maximum Y(%zu,%zu) = %s gets "
			 "the pool's gradient 1, and X(%zu,%zu) meets K(%zu,%zu) = %s in its window",
		      NUM(m->y[0], a), NUM(m->y[1], b), NUM(m->y[2], c), NUM(m->y[3], e4),
		      m->winner / 2, m->winner % 2, NUM(m->pooled, top), p->q312_row, p->q312_col,
		      p->q312_row - m->winner / 2, p->q312_col - m->winner % 2, NUM(right, g));
	snprintf(d, sizeof(d), "-(%s): the gradient is K's entry times +1, sign kept", NUM(right, a));
	ec_facts_mistake_number(f, "gradient with the wrong sign", -right, d);
	snprintf(d, sizeof(d), "1/4 to each of the 4 pooled entries, as average pooling does, gives %s; "
		 "max pooling passes it to the maximum only",
		 NUM(sol->shared, a));
	ec_facts_mistake_number(f, "gradient shared by every pooled entry", sol->shared, d);
	snprintf(d, sizeof(d), "1 to each of the 4 pooled entries gives %s; only the maximum takes it",
		 NUM(sol->everywhere, a));
	ec_facts_mistake_number(f, "gradient sent to every pooled entry", sol->everywhere, d);
	for (i = 0; i < 4; i++) {
		if (i == m->winner)
			continue;
		snprintf(d, sizeof(d), "through Y(%zu,%zu) = %s, which is not the maximum %s, the "
			 "entry gets %s",
			 i / 2, i % 2, NUM(m->y[i], a), NUM(m->pooled, b), NUM(sol->through_other[i], c));
		ec_facts_mistake_number(f, "gradient taken through a non-maximal entry of the pool",
					sol->through_other[i], d);
	}
	ec_facts_reading(f, "'*' read as a true convolution, K flipped by 180 degrees",
			 NUM(sol->flipped.grad[sol->at], a),
			 "the flipped kernel gives %s at X(%zu,%zu)", a, p->q312_row, p->q312_col);
	return 0;
}

/* ---- the text and its numbers ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_exam_params *p = s->p;
	ec_buf b = EC_BUF_INIT;
	char cell[32];
	size_t r, c;

	(void)q;
	(void)err;
	ec_fraction(p->q312_x[p->q312_row * 4 + p->q312_col], cell, sizeof(cell));
	ec_text_para(t, "A feature map X goes through a convolution with the 3 x 3 kernel K, no\n"
			"padding, and then a 2 x 2 max pooling, which leaves a single number. That\n"
			"output's gradient is 1. What is the gradient at the entry of X in row %zu,\n"
			"column %zu (the %s in brackets)?",
		     p->q312_row + 1, p->q312_col + 1, cell);
	ec_text_para(t, "The convolution is a cross-correlation, as deep-learning libraries compute\n"
			"it: the kernel is not flipped.");
	ec_text_pre(t, "output = max(X * K), with");
	for (r = 0; r < 4; r++) {
		ec_buf_append(&b, r == 0 ? "X =" : "   ");
		for (c = 0; c < 4; c++) {
			char shown[40];

			ec_fraction(p->q312_x[r * 4 + c], cell, sizeof(cell));
			snprintf(shown, sizeof(shown),
				 r == p->q312_row && c == p->q312_col ? "[%s]" : "%s", cell);
			ec_buf_appendf(&b, " %4s", shown);
		}
		ec_buf_append(&b, r == 0 ? "      K =" : r < 3 ? "         " : "");
		for (c = 0; r < 3 && c < 3; c++) {
			ec_fraction(p->q312_k[r * 3 + c], cell, sizeof(cell));
			ec_buf_appendf(&b, " %5s", cell);
		}
		ec_buf_append(&b, "\n");
	}
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	return 0;
}

/* "X" and "K" (lists of rows), "at" ([row, column], from 1). */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	const ec_exam_params *p = s->p;

	(void)q;
	(void)err;
	fputs("\"X\": ", f);
	ec_json_rows(f, p->q312_x, 4, 4);
	fputs(", \"K\": ", f);
	ec_json_rows(f, p->q312_k, 3, 3);
	fprintf(f, ", \"at\": [%zu, %zu]", p->q312_row + 1, p->q312_col + 1);
	return 0;
}

const ec_module ec_module_3_1_2 = {
	.id = ID,
	.size = sizeof(struct solution),
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.show = show,
	.facts = facts,
};
