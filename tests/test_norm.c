#include "ec_test.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"

/*
 * x of shape (2, 1, 1, 2), samples (1, 10) and (3, 30).
 * Batch norm, eps 0: channel 0 holds {1, 3}: mean 2, var 1, so -1, +1;
 * channel 1 holds {10, 30}: mean 20, var 100, so -1, +1. With gamma (2, 3)
 * and beta (0.5, -1): channel 0 -> -1.5, 2.5; channel 1 -> -4, 2.
 */
static void test_norm_forward_batch_hand(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 2};
	const double x[] = {1, 10, 3, 30}, gamma[] = {2, 3}, beta[] = {0.5, -1};
	const double want[] = {-1.5, -4, 2.5, 2};
	double y[4];
	int k;

	(void)state;
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, x, gamma, beta, 0, y, NULL), EC_OK);
	for (k = 0; k < 4; k++)
		assert_near(y[k], want[k], 1e-12);
}

/*
 * Layer norm on the same x: sample 0 (1, 10): mean 5.5, var 20.25, std 4.5
 * -> (-1, 1); sample 1 (3, 30): mean 16.5, std 13.5 -> (-1, 1). With the
 * same gamma, beta: (-1.5, 2) for both samples.
 * eps = 1 on batch norm channel 0 (var 1): +-1 / sqrt(2).
 */
static void test_norm_forward_layer_hand_and_eps(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 2};
	const double x[] = {1, 10, 3, 30}, gamma[] = {2, 3}, beta[] = {0.5, -1};
	const double want[] = {-1.5, 2, -1.5, 2};
	double y[4];
	int k;

	(void)state;
	assert_int_equal(ec_norm_forward(EC_NORM_LAYER, s, x, gamma, beta, 0, y, NULL), EC_OK);
	for (k = 0; k < 4; k++)
		assert_near(y[k], want[k], 1e-12);
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, x, NULL, NULL, 1, y, NULL), EC_OK);
	assert_near(y[0], -1 / sqrt(2), 1e-12);
	assert_near(y[2], 1 / sqrt(2), 1e-12);
}

static void test_norm_batch_stats_and_apply_hand(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 2};
	const double x[] = {1, 10, 3, 30};
	const double mean[] = {0, 10}, var[] = {4, 25}; /* fixed "running" statistics */
	double m[2], v[2], y[4];

	(void)state;
	assert_int_equal(ec_norm_batch_stats(s, x, m, v, NULL), EC_OK);
	assert_near(m[0], 2, 1e-12);
	assert_near(v[0], 1, 1e-12);
	assert_near(m[1], 20, 1e-12);
	assert_near(v[1], 100, 1e-12);
	/* (1 - 0)/2 = 0.5, (10 - 10)/5 = 0, (3 - 0)/2 = 1.5, (30 - 10)/5 = 4. */
	assert_int_equal(ec_norm_batch_apply(s, x, mean, var, NULL, NULL, 0, y, NULL), EC_OK);
	assert_near(y[0], 0.5, 1e-12);
	assert_near(y[1], 0, 1e-12);
	assert_near(y[2], 1.5, 1e-12);
	assert_near(y[3], 4, 1e-12);
}

static double *random_x(size_t total, uint64_t seed)
{
	double *x = malloc(total * sizeof(double));
	ec_xorshift g;

	assert_non_null(x);
	ec_xorshift_seed(&g, seed);
	ec_xorshift_fill(&g, x, total, -2, 2);
	return x;
}

static const ec_norm_shape shapes[] = {
	{2, 1, 2, 3}, {2, 2, 2, 2}, {3, 2, 1, 3}, {2, 1, 3, 2}, {3, 1, 1, 1},
};

/*
 * Hand counts of nonzero entries of dy_i/dx_j, i != j, for the shapes
 * above. Batch norm couples every pair of positions of one channel, across
 * samples: (H W)^2 per channel, H^2 W^2 C in all: 4*3 = 12, 16*2 = 32,
 * 4*3 = 12, 9*2 = 18, 1*1 = 1. Layer norm keeps samples apart: 0.
 * For i == j layer norm couples all of a sample's elements: (H W C)^2 =
 * 36, 64, 36, 36, except for (3, 1, 1, 1): a sample of one element
 * normalises to the constant 0, so its output depends on nothing: 0.
 */
static const uint64_t bn_cross[] = {12, 32, 12, 18, 1};
static const uint64_t ln_same[] = {36, 64, 36, 36, 0};

static void test_norm_jacobian_matches_finite_differences(void **state)
{
	const double gamma[] = {1.5, -0.7, 2.0};
	size_t si, total, k;
	int kind;

	(void)state;
	for (si = 0; si < sizeof(shapes) / sizeof(shapes[0]); si++) {
		ec_norm_shape s = shapes[si];
		double *x, *J, *F;

		assert_int_equal(ec_norm_shape_count(s, &total, NULL), EC_OK);
		x = random_x(total, 7 + si);
		J = malloc(total * total * sizeof(double));
		F = malloc(total * total * sizeof(double));
		assert_non_null(J);
		assert_non_null(F);
		for (kind = EC_NORM_BATCH; kind <= EC_NORM_LAYER; kind++) {
			assert_int_equal(ec_norm_jacobian((ec_norm_kind)kind, s, x, gamma, 1e-5, J, NULL),
					 EC_OK);
			assert_int_equal(ec_norm_jacobian_fd((ec_norm_kind)kind, s, x, gamma, NULL, 1e-5,
							     1e-5, F, NULL),
					 EC_OK);
			for (k = 0; k < total * total; k++)
				assert_near(J[k], F[k], 1e-6);
		}
		free(x);
		free(J);
		free(F);
	}
}

/* Brute force: the pairs (r, q) of a block whose channels match. */
static uint64_t same_channel_pairs(ec_norm_shape s)
{
	size_t per = s.h * s.w * s.c, r, q;
	uint64_t n = 0;

	for (r = 0; r < per; r++)
		for (q = 0; q < per; q++)
			n += r % s.c == q % s.c;
	return n;
}

static void test_norm_block_nonzeros_fd_count_equals_hand_count(void **state)
{
	const double gamma[] = {1.5, -0.7, 2.0};
	size_t si, total, i, j;

	(void)state;
	for (si = 0; si < sizeof(shapes) / sizeof(shapes[0]); si++) {
		ec_norm_shape s = shapes[si];
		double *x, *F;
		uint64_t n, f;

		assert_int_equal(ec_norm_shape_count(s, &total, NULL), EC_OK);
		x = random_x(total, 100 + si);
		F = malloc(total * total * sizeof(double));
		assert_non_null(F);
		assert_true(same_channel_pairs(s) == bn_cross[si]);
		assert_int_equal(ec_norm_jacobian_fd(EC_NORM_BATCH, s, x, gamma, NULL, 1e-5, 1e-5, F,
						     NULL),
				 EC_OK);
		for (i = 0; i < s.n; i++)
			for (j = 0; j < s.n; j++) {
				assert_int_equal(ec_norm_block_nonzeros(s, F, i, j, 1e-7, &n, NULL), EC_OK);
				assert_true(n == bn_cross[si]);
				assert_int_equal(ec_norm_block_nonzeros_formula(EC_NORM_BATCH, s, i, j, &f,
										NULL),
						 EC_OK);
				assert_true(f == n);
			}
		assert_int_equal(ec_norm_jacobian_fd(EC_NORM_LAYER, s, x, gamma, NULL, 1e-5, 1e-5, F,
						     NULL),
				 EC_OK);
		for (i = 0; i < s.n; i++)
			for (j = 0; j < s.n; j++) {
				assert_int_equal(ec_norm_block_nonzeros(s, F, i, j, 1e-7, &n, NULL), EC_OK);
				assert_true(n == (i == j ? ln_same[si] : 0));
				assert_int_equal(ec_norm_block_nonzeros_formula(EC_NORM_LAYER, s, i, j, &f,
										NULL),
						 EC_OK);
				assert_true(f == n);
			}
		free(x);
		free(F);
	}
}

static void test_norm_monomial_hand(void **state)
{
	const ec_norm_shape s = {1, 2, 3, 5};
	uint64_t v;

	(void)state;
	assert_int_equal(ec_norm_monomial(s, 0, 1, &v, NULL), EC_OK);
	assert_true(v == 5);
	assert_int_equal(ec_norm_monomial(s, 2, 1, &v, NULL), EC_OK);
	assert_true(v == 180); /* 36 * 5 */
	assert_int_equal(ec_norm_monomial(s, 2, 2, &v, NULL), EC_OK);
	assert_true(v == 900); /* 36 * 25 */
}

static void test_norm_monomial_overflow(void **state)
{
	const ec_norm_shape s = {2, (size_t)1 << 16, (size_t)1 << 16, (size_t)1 << 20};
	ec_error err;
	uint64_t v = 7;

	(void)state;
	ec_error_clear(&err);
	/* N H W C = 2^53 fits, but H^2 W^2 C = 2^84 does not */
	assert_int_equal(ec_norm_block_nonzeros_formula(EC_NORM_BATCH, s, 0, 1, &v, &err),
			 EC_ERR_OVERFLOW);
	assert_int_equal(err.status, EC_ERR_OVERFLOW);
	assert_non_null(strstr(err.msg, "does not fit"));
	assert_true(v == 7);
}

static void test_norm_shape_count_zero_dimension(void **state)
{
	const ec_norm_shape s = {2, 0, 3, 4};
	const double x[1] = {0};
	double y[1];
	ec_error err;
	size_t n;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_norm_shape_count(s, &n, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "shape (2, 0, 3, 4) has a zero dimension");
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, x, NULL, NULL, 0, y, NULL),
			 EC_ERR_INVALID);
}

static void test_norm_jacobian_too_large(void **state)
{
	const ec_norm_shape s = {(size_t)1 << 33, 1, 1, 1};
	const double x[1] = {0};
	double J[1];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_norm_jacobian(EC_NORM_LAYER, s, x, NULL, 1e-5, J, &err),
			 EC_ERR_OVERFLOW);
	assert_non_null(strstr(err.msg, "does not fit"));
}

static void test_norm_forward_zero_variance_and_bad_eps(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 1};
	const double x[] = {4, 4}, mean[] = {0}, var[] = {0};
	double y[2], J[4];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, x, NULL, NULL, 0, y, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "batch norm: channel 0 has zero variance and eps is 0");
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, x, NULL, NULL, 1e-5, y, NULL), EC_OK);
	assert_near(y[0], 0, 1e-12);
	assert_int_equal(ec_norm_forward(EC_NORM_LAYER, s, x, NULL, NULL, -1, y, &err),
			 EC_ERR_INVALID);
	assert_non_null(strstr(err.msg, "eps -1"));
	assert_int_equal(ec_norm_forward(EC_NORM_LAYER, s, x, NULL, NULL, NAN, y, NULL),
			 EC_ERR_INVALID);
	assert_int_equal(ec_norm_batch_apply(s, x, mean, var, NULL, NULL, 0, y, &err), EC_ERR_RANGE);
	assert_int_equal(ec_norm_jacobian_fd(EC_NORM_BATCH, s, x, NULL, NULL, 1e-5, 0, J, &err),
			 EC_ERR_INVALID);
	assert_non_null(strstr(err.msg, "step 0"));
	assert_int_equal(ec_norm_forward(EC_NORM_BATCH, s, NULL, NULL, NULL, 0, y, NULL),
			 EC_ERR_INVALID);
}

static void test_norm_block_nonzeros_bad_pair(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 1};
	const double J[4] = {0};
	ec_error err;
	uint64_t n;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_norm_block_nonzeros(s, J, 0, 2, 0, &n, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "sample pair (0, 2) is outside 0..1");
	assert_int_equal(ec_norm_block_nonzeros(s, J, 0, 1, -1, &n, &err), EC_ERR_INVALID);
	assert_int_equal(ec_norm_block_nonzeros_formula(EC_NORM_LAYER, s, 3, 0, &n, &err),
			 EC_ERR_RANGE);
}

/*
 * Test-time batch norm with fixed mean 2, var 1, eps 0 maps channel values
 * {1, 3} to {-1, 1}: the fit must find gamma = sqrt(var + eps) = 1,
 * beta = mean = 2, residual 0.
 */
static void test_norm_fit_affine_undoes_fixed_batch_norm(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 1};
	const double x[] = {1, 3}, mean[] = {2}, var[] = {1};
	double y[2], g, b, rms;

	(void)state;
	assert_int_equal(ec_norm_batch_apply(s, x, mean, var, NULL, NULL, 0, y, NULL), EC_OK);
	assert_int_equal(ec_norm_fit_affine(s, y, x, &g, &b, &rms, NULL), EC_OK);
	assert_near(g, 1, 1e-12);
	assert_near(b, 2, 1e-12);
	assert_near(rms, 0, 1e-12);
}

/* mean (2, -1), var (3, 0), eps 1: gamma (2, 1), beta (2, -1); undoes batch_apply. */
static void test_norm_batch_inverse_hand(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 2};
	const double mean[] = {2, -1}, var[] = {3, 0}, x[] = {5, 7, -4, 0.5};
	double g[2], b[2], y[4], rms;
	ec_error err;

	(void)state;
	assert_int_equal(ec_norm_batch_inverse(2, mean, var, 1, g, b, NULL), EC_OK);
	assert_near(g[0], 2, 1e-15);
	assert_near(g[1], 1, 1e-15);
	assert_near(b[0], 2, 0);
	assert_near(b[1], -1, 0);
	assert_int_equal(ec_norm_batch_apply(s, x, mean, var, NULL, NULL, 1, y, NULL), EC_OK);
	assert_int_equal(ec_norm_affine_residual(s, y, x, g, b, &rms, NULL), EC_OK);
	assert_near(rms, 0, 1e-12);
	ec_error_clear(&err);
	assert_int_equal(ec_norm_batch_inverse(2, mean, var, 0, g, b, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "batch norm: channel 1 has variance 0 + eps 0 <= 0");
}

/*
 * Layer norm of x = samples (1, 10), (3, 30) gives y = (-1, 1), (-1, 1):
 * each channel of y is constant, so the best fit is gamma 0, beta = channel
 * mean (2 and 20) and the squared errors are 1 + 1 + 100 + 100 = 202 over 4
 * elements: rms sqrt(50.5).
 */
static void test_norm_fit_affine_cannot_undo_layer_norm(void **state)
{
	const ec_norm_shape s = {2, 1, 1, 2};
	const double x[] = {1, 10, 3, 30};
	double y[4], g[2], b[2], rms;

	(void)state;
	assert_int_equal(ec_norm_forward(EC_NORM_LAYER, s, x, NULL, NULL, 0, y, NULL), EC_OK);
	assert_int_equal(ec_norm_fit_affine(s, y, x, g, b, &rms, NULL), EC_OK);
	assert_near(g[0], 0, 1e-12);
	assert_near(b[0], 2, 1e-12);
	assert_near(b[1], 20, 1e-12);
	assert_near(rms, sqrt(50.5), 1e-12);
}

/* gamma 1, beta 0 on y = x + 1 leaves an error of exactly 1 everywhere. */
static void test_norm_affine_residual_hand(void **state)
{
	const ec_norm_shape s = {1, 1, 2, 2};
	const double x[] = {1, 2, 3, 4}, y[] = {2, 3, 4, 5}, g[] = {1, 1}, b[] = {0, 0};
	const double b2[] = {-1, -1};
	double rms;

	(void)state;
	assert_int_equal(ec_norm_affine_residual(s, y, x, g, b, &rms, NULL), EC_OK);
	assert_near(rms, 1, 1e-12);
	assert_int_equal(ec_norm_affine_residual(s, y, x, g, b2, &rms, NULL), EC_OK);
	assert_near(rms, 0, 1e-12);
	assert_int_equal(ec_norm_affine_residual(s, y, x, NULL, b, &rms, NULL), EC_ERR_INVALID);
}

static void test_norm_missing_arrays(void **state)
{
	const ec_norm_shape s = {1, 1, 2, 2};
	const double x[] = {1, 2, 3, 4};
	double g[2], b[2], rms, m[2];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_norm_fit_affine(s, NULL, x, g, b, &rms, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "missing data array");
	assert_int_equal(ec_norm_fit_affine(s, x, x, g, b, NULL, &err), EC_ERR_INVALID);
	assert_int_equal(ec_norm_batch_stats(s, x, m, NULL, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "missing statistics array");
	assert_int_equal(ec_norm_batch_inverse(2, m, NULL, 0, g, b, &err), EC_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_forward_batch_hand),
		cmocka_unit_test(test_norm_forward_layer_hand_and_eps),
		cmocka_unit_test(test_norm_batch_stats_and_apply_hand),
		cmocka_unit_test(test_norm_jacobian_matches_finite_differences),
		cmocka_unit_test(test_norm_block_nonzeros_fd_count_equals_hand_count),
		cmocka_unit_test(test_norm_monomial_hand),
		cmocka_unit_test(test_norm_monomial_overflow),
		cmocka_unit_test(test_norm_shape_count_zero_dimension),
		cmocka_unit_test(test_norm_jacobian_too_large),
		cmocka_unit_test(test_norm_forward_zero_variance_and_bad_eps),
		cmocka_unit_test(test_norm_block_nonzeros_bad_pair),
		cmocka_unit_test(test_norm_fit_affine_undoes_fixed_batch_norm),
		cmocka_unit_test(test_norm_batch_inverse_hand),
		cmocka_unit_test(test_norm_fit_affine_cannot_undo_layer_norm),
		cmocka_unit_test(test_norm_affine_residual_hand),
		cmocka_unit_test(test_norm_missing_arrays),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
