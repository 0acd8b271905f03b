#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_regularize.h"

/* w = (3, -4): p = 1 -> 7; p = 2 -> 25; p = 0.5 -> sqrt 3 + 2. */
static void test_reg_lp_penalty_hand(void **state)
{
	const double w[] = {3, -4};
	double v;

	(void)state;
	assert_int_equal(ec_reg_lp_penalty(w, 2, 1, &v, NULL), EC_OK);
	assert_near(v, 7, 1e-15);
	assert_int_equal(ec_reg_lp_penalty(w, 2, 2, &v, NULL), EC_OK);
	assert_near(v, 25, 1e-13);
	assert_int_equal(ec_reg_lp_penalty(w, 2, 0.5, &v, NULL), EC_OK);
	assert_near(v, sqrt(3) + 2, 1e-15);
}

/* p = 2: 2w = (6, -8, 0); p = 1: sign = (1, -1, 0); p = 0.5 at 4: 0.5 / 2 = 0.25. */
static void test_reg_lp_grad_hand_and_finite_differences(void **state)
{
	const double w[] = {3, -4, 0}, w4[] = {4};
	double g[3], wp[3], up, down;
	const double h = 1e-6;
	int i;

	(void)state;
	assert_int_equal(ec_reg_lp_grad(w, 3, 2, g, NULL), EC_OK);
	assert_near(g[0], 6, 1e-12);
	assert_near(g[1], -8, 1e-12);
	assert_near(g[2], 0, 0);
	assert_int_equal(ec_reg_lp_grad(w, 3, 1, g, NULL), EC_OK);
	assert_near(g[0], 1, 0);
	assert_near(g[1], -1, 0);
	assert_near(g[2], 0, 0);
	assert_int_equal(ec_reg_lp_grad(w4, 1, 0.5, g, NULL), EC_OK);
	assert_near(g[0], 0.25, 1e-15);
	assert_int_equal(ec_reg_lp_grad(w, 2, 3, g, NULL), EC_OK);
	for (i = 0; i < 2; i++) {
		memcpy(wp, w, sizeof(wp));
		wp[i] += h;
		ec_reg_lp_penalty(wp, 2, 3, &up, NULL);
		wp[i] -= 2 * h;
		ec_reg_lp_penalty(wp, 2, 3, &down, NULL);
		assert_near(g[i], (up - down) / (2 * h), 1e-6);
	}
}

static void test_reg_lp_bad_exponent(void **state)
{
	const double w[] = {1};
	double v, g[1];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_reg_lp_penalty(w, 1, 0, &v, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "exponent p = 0 is not a positive number");
	assert_int_equal(ec_reg_lp_penalty(w, 1, -1, &v, &err), EC_ERR_INVALID);
	assert_int_equal(ec_reg_lp_grad(w, 1, NAN, g, &err), EC_ERR_INVALID);
}

/* Midpoint of 0 and 1: p = 0.5 gives sqrt(0.5) = 0.707 > 0.5 (not convex); p = 1: 0.5 <= 0.5; p = 2: 0.25. */
static void test_reg_midpoint_convex_hand(void **state)
{
	int c;

	(void)state;
	assert_int_equal(ec_reg_midpoint_convex(0, 1, 0.5, &c, NULL), EC_OK);
	assert_int_equal(c, 0);
	assert_int_equal(ec_reg_midpoint_convex(0, 1, 1, &c, NULL), EC_OK);
	assert_int_equal(c, 1);
	assert_int_equal(ec_reg_midpoint_convex(0, 1, 2, &c, NULL), EC_OK);
	assert_int_equal(c, 1);
	assert_int_equal(ec_reg_midpoint_convex(INFINITY, 1, 2, &c, NULL), EC_ERR_INVALID);
}

/*
 * Orthonormal design: X = sqrt(2) I (n = d = 2), so X^T X / n = I and the
 * objective is |w - z|^2 / 2 + penalty + const with z = X^T y / n.
 * y = sqrt(2) (3, 0.2) gives z = (3, 0.2). lambda = 0.5:
 * L1 -> soft-threshold(z, 0.5) = (2.5, 0): an exact zero.
 * L2 -> w (1 + 2 lambda) = z, w = (1.5, 0.1): shrunk, not zero.
 */
static void test_reg_fit_orthonormal_hand(void **state)
{
	const double r2 = sqrt(2.0);
	const double X[] = {r2, 0, 0, r2}, y[] = {3 * r2, 0.2 * r2};
	double w[2];

	(void)state;
	assert_int_equal(ec_reg_fit(EC_REG_L1, X, y, 2, 2, 0.5, 200, w, NULL), EC_OK);
	assert_near(w[0], 2.5, 1e-12);
	assert_true(w[1] == 0);
	assert_int_equal(ec_reg_fit(EC_REG_L2, X, y, 2, 2, 0.5, 200, w, NULL), EC_OK);
	assert_near(w[0], 1.5, 1e-12);
	assert_near(w[1], 0.1, 1e-12);
}

static void test_reg_fit_bad_inputs(void **state)
{
	const double X[] = {1}, y[] = {1};
	double w[1];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_reg_fit(EC_REG_L1, X, y, 1, 1, -1, 10, w, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "lambda -1 is not a number >= 0");
	assert_int_equal(ec_reg_fit(EC_REG_L2, X, y, 0, 1, 1, 10, w, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "regression with 0 points of dimension 1");
	assert_int_equal(ec_reg_fit(EC_REG_L2, X, y, SIZE_MAX / 2, 4, 1, 10, w, &err),
			 EC_ERR_OVERFLOW);
}

/*
 * ISTA written out from its definition, every one of `iters` steps run:
 * r = X w - y, g = X^T r / n, then the proximal step. Counts into *cycles
 * the runs where some w_k equals w_(k-2) without w_k equal to w_(k-1),
 * and into *settled those reaching w_k == w_(k-1).
 */
static void plain_ista(ec_reg_kind kind, const double *X, const double *y, size_t n, size_t d,
		       double lambda, size_t iters, double *w, int *settled, int *cycles)
{
	double tr = 0, step, r[32], g[16], w1[16], w2[16];
	int saw_fixed = 0, saw_cycle = 0;
	size_t i, j, k;

	for (i = 0; i < n * d; i++)
		tr += X[i] * X[i];
	step = 1 / (tr / (double)n);
	for (j = 0; j < d; j++)
		w[j] = w1[j] = w2[j] = 0;
	for (k = 0; k < iters; k++) {
		for (i = 0; i < n; i++) {
			r[i] = -y[i];
			for (j = 0; j < d; j++)
				r[i] += X[i * d + j] * w[j];
		}
		for (j = 0; j < d; j++) {
			g[j] = 0;
			for (i = 0; i < n; i++)
				g[j] += X[i * d + j] * r[i];
			g[j] /= (double)n;
		}
		memcpy(w2, w1, d * sizeof(double));
		memcpy(w1, w, d * sizeof(double));
		for (j = 0; j < d; j++) {
			double v = w[j] - step * g[j], t = step * lambda;

			if (kind == EC_REG_L1)
				w[j] = v > t ? v - t : v < -t ? v + t : 0.0;
			else
				w[j] = v / (1 + 2 * step * lambda);
		}
		if (memcmp(w, w1, d * sizeof(double)) == 0)
			saw_fixed = 1;
		else if (k >= 1 && memcmp(w, w2, d * sizeof(double)) == 0)
			saw_cycle = 1;
	}
	*settled += saw_fixed;
	*cycles += saw_cycle;
}

/*
 * ec_reg_fit stops once a step returns its input (or the input of the
 * step before); the weights must still be those of running every step, to
 * the last bit, for even and odd step counts. The plain loop shows that
 * both shortcuts are taken on these problems.
 */
static void test_reg_fit_stops_early_bit_for_bit(void **state)
{
	static const double wt[10] = {3, -2, 0, 0, 0, 0.5, 0, 0, -1, 0};
	double X[20 * 10], y[20], w[10], want[10], lambda;
	int settled = 0, cycles = 0, kind;
	uint64_t seed;

	(void)state;
	for (seed = 30; seed < 34; seed++) {
		assert_int_equal(ec_reg_make_data(20, 10, wt, 1, seed, X, y, NULL), EC_OK);
		for (kind = 0; kind < 2; kind++)
			for (lambda = 0.001; lambda < 1; lambda *= 2.5) {
				size_t iters;

				for (iters = 2999; iters <= 3000; iters++) {
					assert_int_equal(ec_reg_fit((ec_reg_kind)kind, X, y, 20, 10,
								    lambda, iters, w, NULL),
							 EC_OK);
					plain_ista((ec_reg_kind)kind, X, y, 20, 10, lambda, iters,
						   want, &settled, &cycles);
					assert_memory_equal(w, want, sizeof(w));
				}
			}
	}
	assert_true(settled > 0);
	assert_true(cycles > 0);
}

/*
 * The orthonormal case of test_reg_fit_orthonormal_hand: each axis is
 * independent, so one sweep lands on the minimiser (L1 (2.5, 0), L2
 * (1.5, 0.1)) and the second sweep moves nothing: 2 sweeps.
 */
static void test_reg_fit_cd_orthonormal_hand(void **state)
{
	const double r2 = sqrt(2.0);
	const double X[] = {r2, 0, 0, r2}, y[] = {3 * r2, 0.2 * r2};
	double w[2];
	size_t sweeps;

	(void)state;
	assert_int_equal(ec_reg_fit_cd(EC_REG_L1, X, y, 2, 2, 0.5, 1e-12, 100, w, &sweeps, NULL),
			 EC_OK);
	assert_near(w[0], 2.5, 1e-12);
	assert_true(w[1] == 0);
	assert_int_equal(sweeps, 2);
	assert_int_equal(ec_reg_fit_cd(EC_REG_L2, X, y, 2, 2, 0.5, 1e-12, 100, w, &sweeps, NULL),
			 EC_OK);
	assert_near(w[0], 1.5, 1e-12);
	assert_near(w[1], 0.1, 1e-12);
	assert_int_equal(sweeps, 2);
}

/*
 * Correlated features, both penalties: coordinate descent and ISTA (a
 * second method, run to its own fixed point) reach the same minimiser and
 * so the same validation choice.
 */
static void test_reg_fit_cd_agrees_with_ista(void **state)
{
	static const double wt[6] = {2, 0, -1, 0, 0, 0.3};
	const double lambdas[] = {0.003, 0.03, 0.3};
	double X[15 * 6], y[15], Xv[50 * 6], yv[50], a[6], b[6], la, lb, ma, mb;
	size_t i, j, sweeps;
	int kind;

	(void)state;
	assert_int_equal(ec_reg_make_data(15, 6, wt, 0.5, 8, X, y, NULL), EC_OK);
	assert_int_equal(ec_reg_make_data(50, 6, wt, 0.5, 9, Xv, yv, NULL), EC_OK);
	for (i = 0; i < 15; i++) /* make feature 1 follow feature 0 closely */
		X[i * 6 + 1] = 0.9 * X[i * 6] + 0.1 * X[i * 6 + 1];
	for (kind = 0; kind < 2; kind++) {
		for (i = 0; i < 3; i++) {
			assert_int_equal(ec_reg_fit_cd((ec_reg_kind)kind, X, y, 15, 6, lambdas[i],
						       1e-13, 100000, a, &sweeps, NULL),
					 EC_OK);
			assert_true(sweeps < 100000);
			assert_int_equal(ec_reg_fit((ec_reg_kind)kind, X, y, 15, 6, lambdas[i],
						    200000, b, NULL),
					 EC_OK);
			for (j = 0; j < 6; j++)
				assert_near(a[j], b[j], 1e-9);
		}
		assert_int_equal(ec_reg_select_cd((ec_reg_kind)kind, X, y, 15, Xv, yv, 50, 6,
						  lambdas, 3, 1e-13, 100000, &la, &ma, a, NULL),
				 EC_OK);
		assert_int_equal(ec_reg_select((ec_reg_kind)kind, X, y, 15, Xv, yv, 50, 6, lambdas,
					       3, 200000, &lb, &mb, b, NULL),
				 EC_OK);
		assert_near(la, lb, 0);
		assert_near(ma, mb, 1e-9);
	}
}

static void test_reg_fit_cd_bad_inputs(void **state)
{
	const double X[] = {1}, y[] = {1};
	double w[1];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_reg_fit_cd(EC_REG_L1, X, y, 1, 1, -1, 0, 10, w, NULL, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "lambda -1 is not a number >= 0");
	assert_int_equal(ec_reg_fit_cd(EC_REG_L1, X, y, 1, 1, 1, -1, 10, w, NULL, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "tolerance -1 is not a number >= 0");
	assert_int_equal(ec_reg_fit_cd(EC_REG_L2, X, y, 0, 1, 1, 0, 10, w, NULL, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "regression with 0 points of dimension 1");
}

/* Noise 0: y = X w_true exactly, the same seed gives the same set, the MSE of w_true is 0. */
static void test_reg_make_data_exact_and_repeatable(void **state)
{
	const double wt[] = {1, -2, 0.5};
	double X[30], y[10], X2[30], y2[10], mse;
	int i;

	(void)state;
	assert_int_equal(ec_reg_make_data(10, 3, wt, 0, 5, X, y, NULL), EC_OK);
	assert_int_equal(ec_reg_make_data(10, 3, wt, 0, 5, X2, y2, NULL), EC_OK);
	assert_memory_equal(X, X2, sizeof(X));
	for (i = 0; i < 10; i++)
		assert_near(y[i], X[3 * i] - 2 * X[3 * i + 1] + 0.5 * X[3 * i + 2], 1e-15);
	assert_int_equal(ec_reg_mse(X, y, 10, 3, wt, &mse, NULL), EC_OK);
	assert_near(mse, 0, 1e-30);
	for (i = 0; i < 30; i++)
		assert_true(X[i] >= -1 && X[i] < 1);
}

/* Noise-free data: lambda 0 fits exactly, a huge lambda gives w = 0 (val MSE = mean y^2). */
static void test_reg_select_prefers_no_penalty_without_noise(void **state)
{
	const double wt[] = {1, -2};
	const double lambdas[] = {1e6, 0};
	double X[40], y[20], Xv[40], yv[20], w[2], best, mse;

	(void)state;
	assert_int_equal(ec_reg_make_data(20, 2, wt, 0, 1, X, y, NULL), EC_OK);
	assert_int_equal(ec_reg_make_data(20, 2, wt, 0, 2, Xv, yv, NULL), EC_OK);
	assert_int_equal(ec_reg_select(EC_REG_L1, X, y, 20, Xv, yv, 20, 2, lambdas, 2, 5000, &best,
				       &mse, w, NULL),
			 EC_OK);
	assert_near(best, 0, 0);
	assert_near(w[0], 1, 1e-6);
	assert_near(w[1], -2, 1e-6);
	assert_near(mse, 0, 1e-10);
}

static void test_reg_make_data_select_mse_bad_inputs(void **state)
{
	const double wt[] = {1}, lambdas[] = {0.1};
	double X[2] = {1, 1}, y[2] = {1, 1}, w[1], best, mse;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_reg_make_data(2, 1, wt, -1, 1, X, y, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "noise -1 is not a number >= 0");
	assert_int_equal(ec_reg_select(EC_REG_L1, X, y, 2, X, y, 2, 1, lambdas, 0, 10, &best, &mse, w,
				       &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "no lambda to try");
	assert_int_equal(ec_reg_mse(X, y, 2, 1, w, NULL, &err), EC_ERR_INVALID);
	assert_int_equal(ec_reg_mse(X, y, 2, 0, w, &mse, &err), EC_ERR_INVALID);
}

/*
 * f(t) = (t - 1)^2 / 2 + 0.6 |t|^p on [-1, 3] (401 points, 0 on the grid).
 * p = 0.5: f(0) = 0.5 is a local minimum (f' -> +inf just right of 0), f
 * falls again after t = 0.3 (f'(0.3) = -0.7 + 0.3/sqrt(0.3) = -0.15) and
 * has a second minimum near t = 0.62 (f'(0.6) = -0.013, f'(0.65) = 0.022).
 * p = 1: one minimum at soft(1, 0.6) = 0.4. p = 2: one at 1 / 2.2 = 0.4545.
 */
static void test_reg_count_local_minima_hand(void **state)
{
	double m[4];
	size_t n;
	ec_error err;

	(void)state;
	assert_int_equal(ec_reg_count_local_minima(1, 0.6, 0.5, -1, 3, 401, &n, m, 4, NULL), EC_OK);
	assert_int_equal(n, 2);
	assert_near(m[0], 0, 1e-12);
	assert_near(m[1], 0.62, 0.02);
	assert_int_equal(ec_reg_count_local_minima(1, 0.6, 1, -1, 3, 401, &n, m, 4, NULL), EC_OK);
	assert_int_equal(n, 1);
	assert_near(m[0], 0.4, 1e-9);
	assert_int_equal(ec_reg_count_local_minima(1, 0.6, 2, -1, 3, 401, &n, m, 4, NULL), EC_OK);
	assert_int_equal(n, 1);
	assert_near(m[0], 1 / 2.2, 0.01);
	ec_error_clear(&err);
	assert_int_equal(ec_reg_count_local_minima(1, 0.6, 2, 3, -1, 401, &n, m, 4, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "grid [3, -1] with 401 points is empty");
	assert_int_equal(ec_reg_count_local_minima(1, 0.6, 2, -1, 3, 2, &n, m, 4, &err),
			 EC_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reg_lp_penalty_hand),
		cmocka_unit_test(test_reg_lp_grad_hand_and_finite_differences),
		cmocka_unit_test(test_reg_lp_bad_exponent),
		cmocka_unit_test(test_reg_midpoint_convex_hand),
		cmocka_unit_test(test_reg_fit_orthonormal_hand),
		cmocka_unit_test(test_reg_fit_bad_inputs),
		cmocka_unit_test(test_reg_fit_stops_early_bit_for_bit),
		cmocka_unit_test(test_reg_fit_cd_orthonormal_hand),
		cmocka_unit_test(test_reg_fit_cd_agrees_with_ista),
		cmocka_unit_test(test_reg_fit_cd_bad_inputs),
		cmocka_unit_test(test_reg_make_data_exact_and_repeatable),
		cmocka_unit_test(test_reg_select_prefers_no_penalty_without_noise),
		cmocka_unit_test(test_reg_make_data_select_mse_bad_inputs),
		cmocka_unit_test(test_reg_count_local_minima_hand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
