/*
 * q3_1_2.c: Q3.1.2, the gradient at one input entry through a valid 3x3
 * convolution followed by 2x2 max pooling. X and K are the exam's data;
 * the forward and backward passes are libexamcheck's.
 */
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_tensor.h"
#include "params.h"

/* X, K and the underlined entry (0-based) are the exam's numbers: params.h. */

/* Shortest decimal that reads back as exactly v, in fixed notation (10, not 1e+01). */
static void shortest(char *buf, size_t size, double v)
{
	ec_expr_format_number(v, buf, size);
}

static void say_mat(ec_actx *a, const char *indent, const ec_mat *m)
{
	size_t r, c;
	char num[32];

	for (r = 0; r < m->rows; r++) {
		ec_say(a, "%s", indent);
		for (c = 0; c < m->cols; c++) {
			shortest(num, sizeof(num), EC_AT(m, r, c));
			ec_say(a, "%7s", num);
		}
		ec_say(a, "\n");
	}
}

/* Forward and backward with kernel k; dx receives dL/dX. */
static ec_status run(const ec_mat *x, const ec_mat *k, ec_mat *y, double *out,
		     size_t *win, ec_mat *dx, ec_error *err)
{
	double one = 1, dyv[4];
	ec_mat pooled = {1, 1, out}, dpool = {1, 1, &one};
	ec_mat dy = {y->rows, y->cols, dyv};
	ec_status st;

	if ((st = ec_xcorr2d(x, k, 0, 1, y, err)) != EC_OK ||
	    (st = ec_maxpool2d(y, 2, 2, &pooled, win, err)) != EC_OK ||
	    (st = ec_maxpool2d_backward(y, 2, 2, &dpool, &dy, err)) != EC_OK)
		return st;
	return ec_xcorr2d_backward(&dy, k, 0, 1, dx, err);
}

int ec_ans_3_1_2(ec_actx *a)
{
	const ec_exam_params *p = ec_params(a);
	const size_t UNDER_ROW = p->q312_row, UNDER_COL = p->q312_col;
	double q_x[16], q_k[9];
	ec_mat x = {4, 4, q_x}, k = {3, 3, q_k};
	double yv[4], dxv[16], kfv[9], yfv[4], dxfv[16], pooled, pooled_f;
	ec_mat y = {0, 0, yv}, dx = {4, 4, dxv}, kf = {3, 3, kfv};
	ec_mat yf = {0, 0, yfv}, dxf = {4, 4, dxfv};
	ec_window w = {3, 1, 0, 1};
	uint64_t rows, cols;
	size_t win, win_f, wr, wc, i, ties;
	double dyv[4] = {0};
	ec_mat dy = {0, 0, dyv};
	char num[32], alt[32], ys[32];
	ec_error err;

	memcpy(q_x, p->q312_x, sizeof(q_x));
	memcpy(q_k, p->q312_k, sizeof(q_k));
	ec_error_clear(&err);
	if (ec_conv_output_size(x.rows, &w, &rows, &err) != EC_OK ||
	    ec_conv_output_size(x.cols, &w, &cols, &err) != EC_OK)
		goto failed;
	if (rows * cols != 4) {
		ec_error_set(&err, EC_ERR_RANGE, "q3.1.2: expected a 2x2 convolution output");
		goto failed;
	}
	y.rows = yf.rows = dy.rows = (size_t)rows;
	y.cols = yf.cols = dy.cols = (size_t)cols;
	if (run(&x, &k, &y, &pooled, &win, &dx, &err) != EC_OK)
		goto failed;
	shortest(num, sizeof(num), EC_AT(&dx, UNDER_ROW, UNDER_COL));
	if (!ec_showing(a))
		return ec_keyf(a, "3.1.2", EC_KEY_NUMBER, 5, "%s", num);
	/* Shown only: the other reading, with the kernel flipped. */
	if (ec_mat_rot180(&k, &kf, &err) != EC_OK ||
	    run(&x, &kf, &yf, &pooled_f, &win_f, &dxf, &err) != EC_OK)
		goto failed;
	dyv[win] = 1;
	wr = win / y.cols;
	wc = win % y.cols;
	shortest(alt, sizeof(alt), EC_AT(&dxf, UNDER_ROW, UNDER_COL));
	shortest(ys, sizeof(ys), pooled);

	ec_answer(a, "%s", num);
	ec_say(a, "Reading: '*' is cross-correlation (the kernel is not flipped), as in\n"
		  "deep-learning libraries; the other reading is checked at the end.\n\n");
	ec_say(a, "1. Forward, valid 3x3 convolution of the 4x4 X: a %zux%zu output Y,\n"
		  "   Y(i,j) = sum over the 3x3 window at (i,j) of X times K:\n",
	       y.rows, y.cols);
	say_mat(a, "   ", &y);
	for (ties = 0, i = 0; i < 4; i++)
		ties += yv[i] == pooled;
	ec_say(a, "2. 2x2 max pooling of Y gives the scalar output %s; the winner is Y(%zu,%zu)\n"
		  "   (%s).\n",
	       ys, wr, wc,
	       ties > 1 ? "a tie: the first maximum in row-major order takes the gradient"
			: "a unique maximum, so no tie convention is needed");
	ec_say(a, "3. Backward through the max: dL/dY is 1 at the winner, 0 elsewhere:\n");
	say_mat(a, "   ", &dy);
	ec_say(a, "4. Backward through the convolution: dL/dX(p,q) = sum over outputs (i,j) of\n"
		  "   dL/dY(i,j) K(p-i, q-j), i.e. K placed at the winner's window:\n");
	say_mat(a, "   ", &dx);
	if (UNDER_ROW >= wr && UNDER_ROW - wr < k.rows && UNDER_COL >= wc &&
	    UNDER_COL - wc < k.cols)
		ec_say(a, "5. The underlined entry X(%zu,%zu) = %g lies in the winner's window at\n"
			  "   kernel position (%zu,%zu), so its gradient is K(%zu,%zu) x 1 = %s.\n\n",
		       UNDER_ROW, UNDER_COL, EC_AT(&x, UNDER_ROW, UNDER_COL), UNDER_ROW - wr,
		       UNDER_COL - wc, UNDER_ROW - wr, UNDER_COL - wc, num);
	else
		ec_say(a, "5. The underlined entry X(%zu,%zu) = %g lies outside the winner's window,\n"
			  "   so its gradient is %s.\n\n",
		       UNDER_ROW, UNDER_COL, EC_AT(&x, UNDER_ROW, UNDER_COL), num);
	ec_say(a, "Other reading: a true convolution flips K by 180 degrees. With the flipped\n"
		  "kernel the gradient at X(%zu,%zu) is %s, %s.\n",
	       UNDER_ROW, UNDER_COL, alt,
	       strcmp(alt, num) == 0 ? "the same, since K is symmetric under the flip"
				     : "which a grader could also accept");
	return ec_keyf(a, "3.1.2", EC_KEY_NUMBER, 5, "%s", num);
failed:
	a->err = err;
	return -1;
}
