/*
 * explain_q3_1.c: facts of Q3.1 (computational graphs). 3.1.1: each
 * activation's gradient as the sum over its uses, from the graph of
 * data/q3.1.1.graph, with the mistakes of a wrong sign, a use left out,
 * the local derivative alone and the forward value. 3.1.2: the gradient at
 * the underlined entry through the convolution and the max pool, with the
 * mistakes of a wrong sign and of the pool's gradient sent elsewhere than
 * to its maximum (to all entries, shared as by average pooling, or to a
 * non-maximal entry). X and K are the exam's data, as in q3_1_2.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_tensor.h"
#include "explain.h"

#define LINE EC_EXPLAIN_LINE
#define NUM(v, buf) ec_expr_format_number((v), (buf), sizeof(buf))

/* Q3.1.2: the exam's X and K; the underlined entry is row 1, column 0 (from 0). */
static double q_x[16] = {
	4, 6, 3, 4,
	1, 7, 3, 4,
	5, 8, 4, 4,
	2, 7, 4, 4,
};
static double q_k[9] = {
	0, -0.25, 0,
	-0.25, 1, -0.25,
	0, -0.25, 0,
};
enum { UNDER_ROW = 1, UNDER_COL = 0 };

/* dL/dX at the underlined entry when the pool hands its gradient dy (2x2) to Y. */
static ec_status through(const ec_mat *k, const double *dyv, double *at, ec_error *err)
{
	double dxv[16], copy[4];
	ec_mat dy = {2, 2, copy}, dx = {4, 4, dxv};
	ec_status st;

	memcpy(copy, dyv, sizeof(copy));
	if ((st = ec_xcorr2d_backward(&dy, k, 0, 1, &dx, err)) != EC_OK)
		return st;
	*at = EC_AT(&dx, UNDER_ROW, UNDER_COL);
	return EC_OK;
}

int ec_facts_3_1_2(ec_explainer *ex, ec_error *err)
{
	ec_mat x = {4, 4, q_x}, k = {3, 3, q_k};
	double yv[4], pooled, one = 1, dmax[4], davg[4], ones[4] = {1, 1, 1, 1}, right, v;
	ec_mat y = {2, 2, yv}, out = {1, 1, &pooled}, dpool = {1, 1, &one};
	ec_mat dym = {2, 2, dmax}, dya = {2, 2, davg};
	ec_window w = {3, 1, 0, 1};
	uint64_t rows, cols;
	size_t win, i;
	char a[32], b[32], c[32], e4[32], top[32], g[32], d[LINE];
	ec_item_facts *f;

	if (ec_conv_output_size(4, &w, &rows, err) != EC_OK ||
	    ec_conv_output_size(4, &w, &cols, err) != EC_OK)
		return -1;
	if (rows != 2 || cols != 2) {
		ec_error_set(err, EC_ERR_RANGE, "q3.1.2: expected a 2x2 convolution output");
		return -1;
	}
	if (ec_xcorr2d(&x, &k, 0, 1, &y, err) != EC_OK ||
	    ec_maxpool2d(&y, 2, 2, &out, &win, err) != EC_OK ||
	    ec_maxpool2d_backward(&y, 2, 2, &dpool, &dym, err) != EC_OK ||
	    ec_avgpool2d_backward(&dpool, 2, 2, &dya, err) != EC_OK ||
	    through(&k, dmax, &right, err) != EC_OK)
		return -1;
	if (!(f = ec_facts_add(ex, "3.1.2", EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%s", NUM(right, a));
	ec_facts_line(f, "Y = X * K (valid) is [%s %s; %s %s]; only the maximum Y(%zu,%zu) = %s gets "
			 "the pool's gradient 1, and X(%d,%d) meets K(%zu,%zu) = %s in its window",
		      NUM(yv[0], a), NUM(yv[1], b), NUM(yv[2], c), NUM(yv[3], e4), win / 2, win % 2,
		      NUM(pooled, top), UNDER_ROW, UNDER_COL, (size_t)UNDER_ROW - win / 2,
		      (size_t)UNDER_COL - win % 2, NUM(right, g));
	snprintf(d, sizeof(d), "-(%s): the gradient is K's entry times +1, sign kept", NUM(right, a));
	ec_facts_mistake_number(f, "gradient with the wrong sign", -right, d);
	if (through(&k, davg, &v, err) != EC_OK)
		return -1;
	snprintf(d, sizeof(d), "1/4 to each of the 4 pooled entries, as average pooling does, gives %s; "
		 "max pooling passes it to the maximum only",
		 NUM(v, a));
	ec_facts_mistake_number(f, "gradient shared by every pooled entry", v, d);
	if (through(&k, ones, &v, err) != EC_OK)
		return -1;
	snprintf(d, sizeof(d), "1 to each of the 4 pooled entries gives %s; only the maximum takes it",
		 NUM(v, a));
	ec_facts_mistake_number(f, "gradient sent to every pooled entry", v, d);
	for (i = 0; i < 4; i++) {
		double e_i[4] = {0, 0, 0, 0};

		if (i == win)
			continue;
		e_i[i] = 1;
		if (through(&k, e_i, &v, err) != EC_OK)
			return -1;
		snprintf(d, sizeof(d), "through Y(%zu,%zu) = %s, which is not the maximum %s, the "
			 "entry gets %s",
			 i / 2, i % 2, NUM(yv[i], a), NUM(pooled, b), NUM(v, c));
		ec_facts_mistake_number(f, "gradient taken through a non-maximal entry of the pool", v,
					d);
	}
	return 0;
}
