#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_tensor.h"

/* The exam's X and K (Q3.1.2). */
static const double exam_x[16] = {4, 6, 3, 4, 1, 7, 3, 4, 5, 8, 4, 4, 2, 7, 4, 4};
static const double exam_k[9] = {0, -0.25, 0, -0.25, 1, -0.25, 0, -0.25, 0};

static void test_xcorr2d_exam_values(void **state)
{
	double xv[16], kv[9], yv[4];
	ec_mat x = {4, 4, xv}, k = {3, 3, kv}, y = {2, 2, yv};

	(void)state;
	memcpy(xv, exam_x, sizeof(xv));
	memcpy(kv, exam_k, sizeof(kv));
	/*
	 * K = centre minus a quarter of the 4 neighbours. By hand:
	 *   y00 = 7 - (6 + 8 + 1 + 3)/4 = 2.5    y01 = 3 - (3 + 4 + 7 + 4)/4 = -1.5
	 *   y10 = 8 - (7 + 7 + 5 + 4)/4 = 2.25   y11 = 4 - (3 + 4 + 8 + 4)/4 = -0.75
	 */
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 1, &y, NULL), EC_OK);
	assert_near(yv[0], 2.5, 1e-12);
	assert_near(yv[1], -1.5, 1e-12);
	assert_near(yv[2], 2.25, 1e-12);
	assert_near(yv[3], -0.75, 1e-12);
}

static void test_xcorr2d_padded_strided(void **state)
{
	double xv[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, kv[4] = {1, 1, 1, 1}, yv[4];
	ec_mat x = {3, 3, xv}, k = {2, 2, kv}, y = {2, 2, yv};

	(void)state;
	/*
	 * Padded to 5x5, 2x2 windows at (0,0), (0,2), (2,0), (2,2):
	 *   {1} = 1, {2, 3} = 5, {4, 7} = 11, {5, 6, 8, 9} = 28.
	 */
	assert_int_equal(ec_xcorr2d(&x, &k, 1, 2, &y, NULL), EC_OK);
	assert_near(yv[0], 1, 0);
	assert_near(yv[1], 5, 0);
	assert_near(yv[2], 11, 0);
	assert_near(yv[3], 28, 0);
}

/* L(x) = sum_ij g(i,j) y(i,j) for y = xcorr(x, k): dL/dx by central differences. */
static void check_xcorr_backward(size_t rows, size_t cols, size_t kr, size_t kc, size_t pad,
				 size_t stride, uint64_t seed)
{
	double xv[64], kv[16], yv[64], gv[64], dxv[64];
	ec_mat x = {rows, cols, xv}, k = {kr, kc, kv};
	ec_mat y = {(rows + 2 * pad - kr) / stride + 1, (cols + 2 * pad - kc) / stride + 1, yv};
	ec_mat g = {y.rows, y.cols, gv}, dx = {rows, cols, dxv};
	ec_xorshift s;
	size_t i, j;
	const double h = 1e-3;

	ec_xorshift_seed(&s, seed);
	assert_int_equal(ec_mat_fill_ints(&x, &s, -5, 5, NULL), EC_OK);
	assert_int_equal(ec_mat_fill_ints(&k, &s, -3, 3, NULL), EC_OK);
	assert_int_equal(ec_mat_fill_ints(&g, &s, -2, 2, NULL), EC_OK);
	assert_int_equal(ec_xcorr2d_backward(&g, &k, pad, stride, &dx, NULL), EC_OK);
	for (i = 0; i < rows * cols; i++) {
		double save = xv[i], lp = 0, lm = 0;

		xv[i] = save + h;
		assert_int_equal(ec_xcorr2d(&x, &k, pad, stride, &y, NULL), EC_OK);
		for (j = 0; j < y.rows * y.cols; j++)
			lp += gv[j] * yv[j];
		xv[i] = save - h;
		assert_int_equal(ec_xcorr2d(&x, &k, pad, stride, &y, NULL), EC_OK);
		for (j = 0; j < y.rows * y.cols; j++)
			lm += gv[j] * yv[j];
		xv[i] = save;
		assert_near(dxv[i], (lp - lm) / (2 * h), 1e-6);
	}
}

static void test_xcorr2d_backward_finite_differences(void **state)
{
	(void)state;
	check_xcorr_backward(4, 4, 3, 3, 0, 1, 1);
	check_xcorr_backward(5, 6, 3, 2, 1, 2, 7);
	check_xcorr_backward(6, 6, 2, 2, 0, 2, 99);
	check_xcorr_backward(3, 3, 3, 3, 2, 1, 5);
}

static void test_xcorr2d_shape_errors(void **state)
{
	double xv[16] = {0}, kv[9] = {0}, yv[9];
	ec_mat x = {4, 4, xv}, k = {3, 3, kv}, y = {3, 3, yv}, big = {5, 5, kv}, empty = {0, 4, xv};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 1, &y, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "output is 3x3, expected 2x2");
	assert_int_equal(ec_xcorr2d(&x, &big, 0, 1, &y, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "window 5 is larger than input 4");
	assert_int_equal(ec_xcorr2d(&empty, &k, 0, 1, &y, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "input is empty");
	y.rows = y.cols = 2;
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 0, &y, &err), EC_ERR_INVALID);
	assert_int_equal(ec_xcorr2d_backward(&x, &k, 0, 1, &y, &err), EC_ERR_RANGE);
}

static void test_mat_rot180_values(void **state)
{
	double kv[6] = {1, 2, 3, 4, 5, 6}, ov[6];
	ec_mat k = {2, 3, kv}, o = {2, 3, ov};

	(void)state;
	assert_int_equal(ec_mat_rot180(&k, &o, NULL), EC_OK);
	assert_near(ov[0], 6, 0);
	assert_near(ov[2], 4, 0);
	assert_near(ov[5], 1, 0);
	assert_int_equal(ec_mat_rot180(&k, &k, NULL), EC_ERR_INVALID);
}

static void test_maxpool2d_forward_and_argmax(void **state)
{
	double xv[16] = {1, 3, 0, 0, 2, 4, 9, 1, 5, 5, 0, 7, 5, 1, 7, 2}, yv[4];
	ec_mat x = {4, 4, xv}, y = {2, 2, yv};
	size_t arg[4];

	(void)state;
	/* windows: {1,3,2,4} -> 4 at 5; {0,0,9,1} -> 9 at 6; {5,5,5,1} -> first 5 at 8;
	 * {0,7,7,2} -> first 7 at 11 (row-major order: 11 before 14) */
	assert_int_equal(ec_maxpool2d(&x, 2, 2, &y, arg, NULL), EC_OK);
	assert_near(yv[0], 4, 0);
	assert_near(yv[1], 9, 0);
	assert_near(yv[2], 5, 0);
	assert_near(yv[3], 7, 0);
	assert_int_equal(arg[0], 5);
	assert_int_equal(arg[1], 6);
	assert_int_equal(arg[2], 8);
	assert_int_equal(arg[3], 11);
}

static void test_maxpool2d_backward_ties_go_to_first(void **state)
{
	double xv[4] = {3, 3, 3, 3}, dyv[1] = {2}, dxv[4];
	ec_mat x = {2, 2, xv}, dy = {1, 1, dyv}, dx = {2, 2, dxv};

	(void)state;
	assert_int_equal(ec_maxpool2d_backward(&x, 2, 2, &dy, &dx, NULL), EC_OK);
	assert_near(dxv[0], 2, 0);
	assert_near(dxv[1] + dxv[2] + dxv[3], 0, 0);
}

/* Finite differences on L = sum g .* pool(x), with distinct x so the argmax is stable. */
static void test_pool2d_backward_finite_differences(void **state)
{
	double xv[36], yv[9], gv[9], dmv[36], dav[36];
	ec_mat x = {6, 6, xv}, y = {3, 3, yv}, g = {3, 3, gv}, dm = {6, 6, dmv}, da = {6, 6, dav};
	ec_mat y2 = {2, 2, yv}, g2 = {2, 2, gv};
	ec_xorshift s = {42};
	const double h = 1e-4;
	size_t i, j, pass;

	(void)state;
	for (i = 0; i < 36; i++)
		xv[i] = (double)((i * 17) % 36); /* 17 is coprime with 36: all distinct */
	assert_int_equal(ec_mat_fill_ints(&g, &s, -3, 3, NULL), EC_OK);
	for (pass = 0; pass < 2; pass++) {
		/* pass 0: 2x2 stride 2 on 6x6 -> 3x3; pass 1: 3x3 stride 3 -> 2x2 */
		size_t size = pass ? 3 : 2;
		ec_mat *yy = pass ? &y2 : &y, *gg = pass ? &g2 : &g;

		assert_int_equal(ec_maxpool2d_backward(&x, size, size, gg, &dm, NULL), EC_OK);
		assert_int_equal(ec_avgpool2d_backward(gg, size, size, &da, NULL), EC_OK);
		for (i = 0; i < 36; i++) {
			double save = xv[i], mp = 0, mm = 0, ap = 0, am = 0;

			xv[i] = save + h;
			assert_int_equal(ec_maxpool2d(&x, size, size, yy, NULL, NULL), EC_OK);
			for (j = 0; j < yy->rows * yy->cols; j++)
				mp += gg->v[j] * yy->v[j];
			assert_int_equal(ec_avgpool2d(&x, size, size, yy, NULL), EC_OK);
			for (j = 0; j < yy->rows * yy->cols; j++)
				ap += gg->v[j] * yy->v[j];
			xv[i] = save - h;
			assert_int_equal(ec_maxpool2d(&x, size, size, yy, NULL, NULL), EC_OK);
			for (j = 0; j < yy->rows * yy->cols; j++)
				mm += gg->v[j] * yy->v[j];
			assert_int_equal(ec_avgpool2d(&x, size, size, yy, NULL), EC_OK);
			for (j = 0; j < yy->rows * yy->cols; j++)
				am += gg->v[j] * yy->v[j];
			xv[i] = save;
			assert_near(dmv[i], (mp - mm) / (2 * h), 1e-6);
			assert_near(dav[i], (ap - am) / (2 * h), 1e-6);
		}
	}
}

static void test_avgpool2d_forward_values(void **state)
{
	double xv[4] = {1, 2, 3, 6}, yv[1];
	ec_mat x = {2, 2, xv}, y = {1, 1, yv};

	(void)state;
	assert_int_equal(ec_avgpool2d(&x, 2, 2, &y, NULL), EC_OK);
	assert_near(yv[0], 3, 1e-15); /* (1 + 2 + 3 + 6) / 4 */
}

static void test_pool2d_errors(void **state)
{
	double xv[1] = {1}, yv[1], dxv[4];
	ec_mat x = {1, 1, xv}, y = {1, 1, yv}, dx = {2, 2, dxv};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_maxpool2d(&x, 2, 2, &y, NULL, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "window 2 is larger than input 1");
	assert_int_equal(ec_avgpool2d(&x, 2, 2, &y, &err), EC_ERR_RANGE);
	assert_int_equal(ec_maxpool2d(&x, 1, 0, &y, NULL, &err), EC_ERR_INVALID);
	/* dx of the wrong shape for a 1x1 input */
	assert_int_equal(ec_maxpool2d_backward(&x, 1, 1, &y, &dx, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "input gradient is 2x2, expected 1x1");
	/* dy of 1x1 cannot come from a 2x2 input pooled 1x1 */
	assert_int_equal(ec_avgpool2d_backward(&y, 1, 1, &dx, &err), EC_ERR_RANGE);
}

/*
 * Q3.1.2 end to end. f(X) = max(xcorr(X, K)); the max is y00 = 2.5, unique,
 * so near X, f = y00 = sum K(a,b) X(a,b) and df/dX(1,0) = K(1,0) = -1/4.
 * Checked by backward passes and by central differences on f.
 */
static void test_conv_maxpool_chain_exam(void **state)
{
	double xv[16], kv[9], yv[4], dyv[4], dxv[16], one = 1, out;
	ec_mat x = {4, 4, xv}, k = {3, 3, kv}, y = {2, 2, yv}, dy = {2, 2, dyv}, dx = {4, 4, dxv};
	ec_mat p = {1, 1, &out}, dp = {1, 1, &one};
	const double h = 1e-3;
	double fp, fm;

	(void)state;
	memcpy(xv, exam_x, sizeof(xv));
	memcpy(kv, exam_k, sizeof(kv));
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 1, &y, NULL), EC_OK);
	assert_int_equal(ec_maxpool2d_backward(&y, 2, 2, &dp, &dy, NULL), EC_OK);
	assert_int_equal(ec_xcorr2d_backward(&dy, &k, 0, 1, &dx, NULL), EC_OK);
	assert_near(EC_AT(&dx, 1, 0), -0.25, 1e-15);
	xv[4] += h;
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 1, &y, NULL), EC_OK);
	assert_int_equal(ec_maxpool2d(&y, 2, 2, &p, NULL, NULL), EC_OK);
	fp = out;
	xv[4] -= 2 * h;
	assert_int_equal(ec_xcorr2d(&x, &k, 0, 1, &y, NULL), EC_OK);
	assert_int_equal(ec_maxpool2d(&y, 2, 2, &p, NULL, NULL), EC_OK);
	fm = out;
	assert_near((fp - fm) / (2 * h), -0.25, 1e-9);
}

static void test_mat_fill_ints_range_and_errors(void **state)
{
	double v[100];
	ec_mat m = {10, 10, v};
	ec_xorshift s;
	size_t i, seen_lo = 0, seen_hi = 0;

	(void)state;
	ec_xorshift_seed(&s, 3);
	assert_int_equal(ec_mat_fill_ints(&m, &s, -2, 2, NULL), EC_OK);
	for (i = 0; i < 100; i++) {
		assert_true(v[i] >= -2 && v[i] <= 2 && v[i] == (double)(int)v[i]);
		seen_lo += v[i] == -2;
		seen_hi += v[i] == 2;
	}
	assert_true(seen_lo > 0 && seen_hi > 0);
	assert_int_equal(ec_mat_fill_ints(&m, &s, 3, 2, NULL), EC_ERR_INVALID);
	for (i = 0; i < 100; i++)
		v[i] = i % 3 == 0 ? 0 : 1;
	assert_int_equal(ec_mat_count_zeros(&m), 34); /* 0, 3, ..., 99 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xcorr2d_exam_values),
		cmocka_unit_test(test_xcorr2d_padded_strided),
		cmocka_unit_test(test_xcorr2d_backward_finite_differences),
		cmocka_unit_test(test_xcorr2d_shape_errors),
		cmocka_unit_test(test_mat_rot180_values),
		cmocka_unit_test(test_maxpool2d_forward_and_argmax),
		cmocka_unit_test(test_maxpool2d_backward_ties_go_to_first),
		cmocka_unit_test(test_pool2d_backward_finite_differences),
		cmocka_unit_test(test_avgpool2d_forward_values),
		cmocka_unit_test(test_pool2d_errors),
		cmocka_unit_test(test_conv_maxpool_chain_exam),
		cmocka_unit_test(test_mat_fill_ints_range_and_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
