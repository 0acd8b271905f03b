#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

static void test_act_deriv_matches_finite_differences(void **state)
{
	const double zs[] = {-3, -0.5, 0, 0.7, 4};
	const double h = 1e-6;
	int a, k;

	(void)state;
	assert_near(ec_act_value(EC_ACT_SIGMOID, 0), 0.5, 1e-15);
	assert_near(ec_act_deriv(EC_ACT_SIGMOID, 0), 0.25, 1e-15);
	assert_near(ec_act_deriv(EC_ACT_TANH, 0), 1, 1e-15);
	assert_near(ec_act_value(EC_ACT_SIGMOID, -800), 0, 1e-300); /* no overflow */
	for (a = EC_ACT_LINEAR; a <= EC_ACT_TANH; a++)
		for (k = 0; k < 5; k++) {
			double fd = (ec_act_value((ec_act)a, zs[k] + h) -
				     ec_act_value((ec_act)a, zs[k] - h)) / (2 * h);

			assert_near(ec_act_deriv((ec_act)a, zs[k]), fd, 1e-8);
		}
}

/*
 * Linear chain with W_l = 2 I (width 2, depth 3) and g_out = (3, 4):
 * dL/dh_l = 2^(3 - l) g_out, norms 40, 20, 10, 5.
 */
static void test_gradflow_chain_linear_hand(void **state)
{
	const double W[] = {2, 0, 0, 2, 2, 0, 0, 2, 2, 0, 0, 2};
	const double x0[] = {1, -1}, g[] = {3, 4};
	double norms[4];

	(void)state;
	assert_int_equal(ec_gradflow_chain(EC_ACT_LINEAR, 3, 2, W, x0, g, norms, NULL), EC_OK);
	assert_near(norms[3], 5, 1e-12);
	assert_near(norms[2], 10, 1e-12);
	assert_near(norms[1], 20, 1e-12);
	assert_near(norms[0], 40, 1e-12);
}

/* The test's own forward pass: L(x0) = g . h_depth. */
static double chain_loss(ec_act act, size_t depth, size_t width, const double *W,
			 const double *x0, const double *g)
{
	double h[8], t[8], s = 0;
	size_t l, r, c;

	memcpy(h, x0, width * sizeof(double));
	for (l = 0; l < depth; l++) {
		for (r = 0; r < width; r++) {
			double z = 0;

			for (c = 0; c < width; c++)
				z += W[l * width * width + r * width + c] * h[c];
			t[r] = ec_act_value(act, z);
		}
		memcpy(h, t, width * sizeof(double));
	}
	for (r = 0; r < width; r++)
		s += g[r] * h[r];
	return s;
}

/* norms[0] = |dL/dx0| against central finite differences of the test's forward pass. */
static void test_gradflow_chain_matches_finite_differences(void **state)
{
	double W[6 * 4 * 4], x0[4], xp[4], g[4], norms[7], fd2 = 0;
	const double h = 1e-6;
	ec_xorshift rng;
	int a;
	size_t c;

	(void)state;
	ec_xorshift_seed(&rng, 3);
	ec_xorshift_fill(&rng, W, 6 * 16, -1.5, 1.5);
	ec_xorshift_fill(&rng, x0, 4, -1, 1);
	ec_xorshift_fill(&rng, g, 4, -1, 1);
	for (a = EC_ACT_LINEAR; a <= EC_ACT_TANH; a++) {
		assert_int_equal(ec_gradflow_chain((ec_act)a, 6, 4, W, x0, g, norms, NULL), EC_OK);
		fd2 = 0;
		for (c = 0; c < 4; c++) {
			double up, down;

			memcpy(xp, x0, sizeof(xp));
			xp[c] += h;
			up = chain_loss((ec_act)a, 6, 4, W, xp, g);
			xp[c] -= 2 * h;
			down = chain_loss((ec_act)a, 6, 4, W, xp, g);
			fd2 += ((up - down) / (2 * h)) * ((up - down) / (2 * h));
		}
		assert_near(norms[0], sqrt(fd2), 1e-6 * (1 + sqrt(fd2)));
	}
}

/* sigmoid' <= 1/4, so each sigmoid layer with |W|_2 <= 1 shrinks the gradient by 4 or more. */
static void test_gradflow_chain_sigmoid_identity_decays(void **state)
{
	double W[10], x0[] = {0}, g[] = {1}, norms[11];
	int l;

	(void)state;
	for (l = 0; l < 10; l++)
		W[l] = 1;
	assert_int_equal(ec_gradflow_chain(EC_ACT_SIGMOID, 10, 1, W, x0, g, norms, NULL), EC_OK);
	for (l = 0; l < 10; l++)
		assert_true(norms[l] <= 0.25 * norms[l + 1] + 1e-15);
	/* The first layer sees z = 0 exactly: factor sigmoid'(0) = 1/4. */
	assert_near(norms[0], 0.25 * norms[1], 1e-15);
}

static void test_gradflow_chain_bad_inputs(void **state)
{
	const double W[1] = {1}, x0[1] = {0}, g[1] = {1};
	double norms[2];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_chain(EC_ACT_TANH, 0, 1, W, x0, g, norms, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "chain of depth 0 and width 1 is empty");
	assert_int_equal(ec_gradflow_chain(EC_ACT_TANH, 1, 1, NULL, x0, g, norms, &err),
			 EC_ERR_INVALID);
	assert_int_equal(ec_gradflow_chain(EC_ACT_TANH, SIZE_MAX / 2, 4, W, x0, g, norms, &err),
			 EC_ERR_OVERFLOW);
}

/*
 * Linear scalar RNN h_t = w h_{t-1} + u x_t: dh_T/dh_t = w^(T - t).
 * w = 0.5, T = 10: dh_T/dh_0 = 1/1024. w = 1.5, T = 4: 5.0625.
 * States with h0 = 1, w = 0.5, u = 1, x = (1, 1): 1.5, 1.75.
 */
static void test_gradflow_rnn_scalar_linear_hand(void **state)
{
	const double x[10] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
	double h[11], dh[11];

	(void)state;
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_LINEAR, 0.5, 1, 1, x, 10, h, dh, NULL), EC_OK);
	assert_near(h[1], 1.5, 1e-15);
	assert_near(h[2], 1.75, 1e-15);
	assert_near(dh[10], 1, 0);
	assert_near(dh[0], 1.0 / 1024, 1e-15);
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_LINEAR, 1.5, 1, 1, x, 4, h, dh, NULL), EC_OK);
	assert_near(dh[0], 5.0625, 1e-12);
	assert_near(dh[2], 2.25, 1e-12);
}

static void test_gradflow_rnn_scalar_bad_inputs(void **state)
{
	const double x[2] = {1, 1};
	double h[3], dh[3];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, INFINITY, 1, 0, x, 2, h, dh, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "recurrent weight, input weight and h0 must be finite");
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, 1, 1, 0, NULL, 2, h, dh, &err),
			 EC_ERR_INVALID);
	/* No steps: no input needed, dh_0/dh_0 = 1. */
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, 1, 1, 0.3, NULL, 0, h, dh, &err), EC_OK);
	assert_near(dh[0], 1, 0);
	assert_near(h[0], 0.3, 0);
}

static void test_gradflow_logistic_bad_inputs(void **state)
{
	const double x[] = {1}, y[] = {1}, theta[] = {0, 0};
	double v, grad[2];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_BCE, x, y, 0, 1, theta, 0, &v, grad, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "logistic model with 0 points of dimension 1");
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, 1, 1, theta, 0, &v, grad,
					      &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "finite-difference step 0 is not positive");
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_BCE, x, NULL, 1, 1, theta, 0, &v, grad, &err),
			 EC_ERR_INVALID);
}

/* tanh RNN: dh_T/dh_0 against a central difference in h0. */
static void test_gradflow_rnn_scalar_tanh_finite_differences(void **state)
{
	const double x[6] = {0.3, -0.2, 0.5, 0.1, -0.4, 0.2};
	double h[7], dh[7], hp[7], hm[7], tmp[7];
	const double e = 1e-6;

	(void)state;
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, 1.3, 0.8, 0.1, x, 6, h, dh, NULL), EC_OK);
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, 1.3, 0.8, 0.1 + e, x, 6, hp, tmp, NULL),
			 EC_OK);
	assert_int_equal(ec_gradflow_rnn_scalar(EC_ACT_TANH, 1.3, 0.8, 0.1 - e, x, 6, hm, tmp, NULL),
			 EC_OK);
	assert_near(dh[0], (hp[6] - hm[6]) / (2 * e), 1e-7);
	assert_near(h[1], tanh(1.3 * 0.1 + 0.8 * 0.3), 1e-15);
}

/* (3, 4) has norm 5: clipped to 1 it becomes (0.6, 0.8); a tiny gradient is untouched. */
static void test_gradflow_clip_by_norm_hand(void **state)
{
	double g[] = {3, 4}, small[] = {3e-6, 4e-6}, nb;
	ec_error err;

	(void)state;
	assert_int_equal(ec_gradflow_clip_by_norm(g, 2, 1, &nb, NULL), EC_OK);
	assert_near(nb, 5, 1e-15);
	assert_near(g[0], 0.6, 1e-15);
	assert_near(g[1], 0.8, 1e-15);
	assert_int_equal(ec_gradflow_clip_by_norm(small, 2, 1, &nb, NULL), EC_OK);
	assert_near(small[0], 3e-6, 0);
	assert_near(small[1], 4e-6, 0);
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_clip_by_norm(g, 2, 0, NULL, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "clipping norm 0 is not positive");
}

/*
 * tanh on z = (0, 10, -10, 0), threshold 0.01: tanh'(10) = 1 - tanh(10)^2
 * is about 8e-9, so 2 of 4 saturated; mean derivative about (1 + 1) / 4;
 * outputs (0, t, -t, 0) with t = tanh 10 have mean 0 and std t / sqrt 2.
 */
static void test_gradflow_act_stats_hand(void **state)
{
	const double z[] = {0, 10, -10, 0};
	ec_act_stats st;
	ec_error err;

	(void)state;
	assert_int_equal(ec_gradflow_act_stats(EC_ACT_TANH, z, 4, 0.01, &st, NULL), EC_OK);
	assert_near(st.frac_saturated, 0.5, 0);
	assert_near(st.mean_deriv, 0.5, 1e-8);
	assert_near(st.act_std, tanh(10) / sqrt(2), 1e-12);
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_act_stats(EC_ACT_TANH, z, 0, 0.01, &st, &err), EC_ERR_INVALID);
	assert_int_equal(ec_gradflow_act_stats(EC_ACT_TANH, z, 4, 1, &st, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "threshold 1 is not between 0 and 1");
}

/*
 * p = (0.9, 0.4, 0.5, 0.2), y = (1, 1, 1, 0): rounded (1, 0, 1, 0), 3 of 4
 * right. BCE = -(ln 0.9 + ln 0.4 + ln 0.5 + ln 0.8) / 4.
 */
static void test_gradflow_accuracy_and_bce_hand(void **state)
{
	const double p[] = {0.9, 0.4, 0.5, 0.2}, y[] = {1, 1, 1, 0};
	double acc, bce;

	(void)state;
	assert_int_equal(ec_gradflow_accuracy(p, y, 4, &acc, NULL), EC_OK);
	assert_near(acc, 0.75, 0);
	assert_int_equal(ec_gradflow_bce(p, y, 4, &bce, NULL), EC_OK);
	assert_near(bce, -(log(0.9) + log(0.4) + log(0.5) + log(0.8)) / 4, 1e-15);
}

static void test_gradflow_accuracy_bad_inputs(void **state)
{
	const double p[] = {1.5}, q[] = {0.5}, y[] = {1}, y2[] = {2};
	double v;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_gradflow_accuracy(p, y, 1, &v, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "prediction 0 (1.5) is outside [0, 1]");
	assert_int_equal(ec_gradflow_bce(q, y2, 1, &v, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "label 0 (2) is not 0 or 1");
	assert_int_equal(ec_gradflow_accuracy(q, y, 0, &v, &err), EC_ERR_INVALID);
}

/* BCE gradient against central differences of the BCE value itself. */
static void test_gradflow_logistic_bce_grad_finite_differences(void **state)
{
	const double x[] = {0.5, -1, 2, 0.3, -0.7, 0.4}, y[] = {1, 0, 1};
	double theta[] = {0.2, -0.4, 0.1}, grad[3], tmp[3], up, down, v;
	const double h = 1e-6;
	int j;

	(void)state;
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_BCE, x, y, 3, 2, theta, 0, &v, grad, NULL),
			 EC_OK);
	for (j = 0; j < 3; j++) {
		double save = theta[j];

		theta[j] = save + h;
		ec_gradflow_logistic(EC_SCORE_BCE, x, y, 3, 2, theta, 0, &up, tmp, NULL);
		theta[j] = save - h;
		ec_gradflow_logistic(EC_SCORE_BCE, x, y, 3, 2, theta, 0, &down, tmp, NULL);
		theta[j] = save;
		assert_near(grad[j], (up - down) / (2 * h), 1e-8);
	}
}

/*
 * Accuracy is piecewise constant: away from the boundary its gradient is 0.
 * One point x = 0 with label 1 and theta = (1, 0) sits on the boundary
 * (p = 0.5): moving the bias by +h makes it right (1 - acc = 0), by -h
 * wrong (1 - acc = 1), so the difference quotient is -1 / (2h), a spike.
 */
static void test_gradflow_logistic_accuracy_grad_zero_or_spike(void **state)
{
	const double x[] = {0.5, -1, 2, 0.3, -0.7, 0.4}, y[] = {1, 0, 1};
	const double x1[] = {0}, y1[] = {1};
	double theta[] = {0.2, -0.4, 0.1}, t1[] = {1, 0}, grad[3], v;

	(void)state;
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, 3, 2, theta, 1e-6, &v, grad,
					      NULL),
			 EC_OK);
	assert_near(grad[0], 0, 0);
	assert_near(grad[1], 0, 0);
	assert_near(grad[2], 0, 0);
	assert_int_equal(ec_gradflow_logistic(EC_SCORE_ACCURACY, x1, y1, 1, 1, t1, 1e-3, &v, grad,
					      NULL),
			 EC_OK);
	assert_near(grad[1], -1 / (2 * 1e-3), 1e-9);
}

/*
 * Separable 1-D data (y = 1 exactly when x > 0), started from a wrong
 * theta: training on 1 - accuracy never moves; BCE moves and ends with
 * every point right.
 */
static void test_gradflow_logistic_train_accuracy_stalls_bce_learns(void **state)
{
	const double x[] = {-2, -1, -0.5, 0.5, 1, 2}, y[] = {0, 0, 0, 1, 1, 1};
	double ta[] = {-1, 0.1}, tb[] = {-1, 0.1}, moved, p[6], acc;
	int i;

	(void)state;
	assert_int_equal(ec_gradflow_logistic_train(EC_SCORE_ACCURACY, x, y, 6, 1, ta, 0.5, 200, 1e-6,
						    &moved, NULL),
			 EC_OK);
	assert_near(moved, 0, 0);
	assert_int_equal(ec_gradflow_logistic_train(EC_SCORE_BCE, x, y, 6, 1, tb, 0.5, 200, 1e-6,
						    &moved, NULL),
			 EC_OK);
	assert_true(moved > 1);
	for (i = 0; i < 6; i++)
		p[i] = 1 / (1 + exp(-(tb[0] * x[i] + tb[1])));
	assert_int_equal(ec_gradflow_accuracy(p, y, 6, &acc, NULL), EC_OK);
	assert_near(acc, 1, 0);
	assert_int_equal(ec_gradflow_logistic_train(EC_SCORE_BCE, x, y, 6, 1, tb, 0, 1, 1e-6, &moved,
						    NULL),
			 EC_ERR_INVALID);
}

/*
 * Training stops at a step that leaves theta unchanged; the result must be
 * that of every step written out. x = 0 sits on the boundary of theta =
 * (1, 0) and the other two points are right and far from it, so the first
 * step moves the bias by 0.5 * (1/3) / (2h) (one point of three flips
 * within h: the spike); then no point lies within h of the boundary and
 * the gradient is exactly 0.
 */
static void test_gradflow_logistic_train_matches_every_step(void **state)
{
	const double x[] = {0, 1.5, -2}, y[] = {1, 1, 0};
	size_t iters, k, j;

	(void)state;
	for (iters = 1; iters <= 40; iters += 13) {
		double t[] = {1, 0}, want[] = {1, 0}, grad[2], v, moved;

		assert_int_equal(ec_gradflow_logistic_train(EC_SCORE_ACCURACY, x, y, 3, 1, t, 0.5,
							    iters, 1e-3, &moved, NULL),
				 EC_OK);
		for (k = 0; k < iters; k++) {
			assert_int_equal(ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, 3, 1, want,
							      1e-3, &v, grad, NULL),
					 EC_OK);
			for (j = 0; j < 2; j++)
				want[j] -= 0.5 * grad[j];
		}
		assert_memory_equal(t, want, sizeof(t));
		assert_near(want[1], 0.5 / 3 / (2 * 1e-3), 1e-9);
		assert_near(moved, want[1], 1e-9);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_act_deriv_matches_finite_differences),
		cmocka_unit_test(test_gradflow_chain_linear_hand),
		cmocka_unit_test(test_gradflow_chain_matches_finite_differences),
		cmocka_unit_test(test_gradflow_chain_sigmoid_identity_decays),
		cmocka_unit_test(test_gradflow_chain_bad_inputs),
		cmocka_unit_test(test_gradflow_rnn_scalar_linear_hand),
		cmocka_unit_test(test_gradflow_rnn_scalar_tanh_finite_differences),
		cmocka_unit_test(test_gradflow_rnn_scalar_bad_inputs),
		cmocka_unit_test(test_gradflow_logistic_bad_inputs),
		cmocka_unit_test(test_gradflow_clip_by_norm_hand),
		cmocka_unit_test(test_gradflow_act_stats_hand),
		cmocka_unit_test(test_gradflow_accuracy_and_bce_hand),
		cmocka_unit_test(test_gradflow_accuracy_bad_inputs),
		cmocka_unit_test(test_gradflow_logistic_bce_grad_finite_differences),
		cmocka_unit_test(test_gradflow_logistic_accuracy_grad_zero_or_spike),
		cmocka_unit_test(test_gradflow_logistic_train_accuracy_stalls_bce_learns),
		cmocka_unit_test(test_gradflow_logistic_train_matches_every_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
