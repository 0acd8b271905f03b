#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_optim.h"

static void test_optim_abs_deriv_sign_convention(void **state)
{
	(void)state;
	assert_near(ec_optim_abs_deriv(2.5, NULL), 1, 0);
	assert_near(ec_optim_abs_deriv(-1e-300, NULL), -1, 0);
	assert_near(ec_optim_abs_deriv(0, NULL), 0, 0); /* sign(0) = 0 */
	assert_near(ec_optim_square_deriv(3, NULL), 6, 0);
	assert_near(ec_optim_square_deriv(-0.5, NULL), -1, 0);
}

/* |x|, x0 = 1, step 2: 1 - 2 = -1, -1 + 2 = 1, ... */
static void test_optim_gd_trace_abs_step2_hand(void **state)
{
	const double want[] = {1, -1, 1, -1, 1};
	double t[5];
	int k;

	(void)state;
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, 2, 4, t, NULL), EC_OK);
	for (k = 0; k < 5; k++)
		assert_near(t[k], want[k], 0);
}

/* x^2, x0 = 1, step 1: x - 2x = -x, so 1, -1, 1, -1. */
static void test_optim_gd_trace_square_step1_hand(void **state)
{
	double t[4];

	(void)state;
	assert_int_equal(ec_optim_gd_trace(ec_optim_square_deriv, NULL, 1, 1, 3, t, NULL), EC_OK);
	assert_near(t[1], -1, 0);
	assert_near(t[2], 1, 0);
	assert_near(t[3], -1, 0);
}

/* |x|, x0 = 1, step 2.01: 1 - 2.01 = -1.01, -1.01 + 2.01 = 1, -1.01, ... */
static void test_optim_gd_trace_abs_step201_hand(void **state)
{
	double t[5];

	(void)state;
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, 2.01, 4, t, NULL), EC_OK);
	assert_near(t[1], -1.01, 1e-12);
	assert_near(t[2], 1, 1e-12);
	assert_near(t[3], -1.01, 1e-12);
	assert_near(t[4], 1, 1e-12);
}

/* x^2, x0 = 1, step 0.99: x - 1.98 x = -0.98 x: 1, -0.98, 0.9604, -0.941192. */
static void test_optim_gd_trace_square_step099_hand(void **state)
{
	double t[4];

	(void)state;
	assert_int_equal(ec_optim_gd_trace(ec_optim_square_deriv, NULL, 1, 0.99, 3, t, NULL), EC_OK);
	assert_near(t[1], -0.98, 1e-15);
	assert_near(t[2], 0.9604, 1e-15);
	assert_near(t[3], -0.941192, 1e-15);
}

/* |x|, x0 = 1, step 0.5: 0.5, then 0, where sign(0) = 0 keeps it. */
static void test_optim_gd_trace_abs_reaches_zero(void **state)
{
	double t[5];
	ec_gd_behaviour b;

	(void)state;
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, 0.5, 4, t, NULL), EC_OK);
	assert_near(t[1], 0.5, 0);
	assert_near(t[2], 0, 0);
	assert_near(t[4], 0, 0);
	assert_int_equal(ec_optim_classify(t, 5, 1e-6, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_CONVERGING);
}

static ec_gd_behaviour run(ec_deriv_fn f, double x0, double step)
{
	static double t[2001];
	ec_gd_behaviour b;

	assert_int_equal(ec_optim_gd_trace(f, NULL, x0, step, 2000, t, NULL), EC_OK);
	assert_int_equal(ec_optim_classify(t, 2001, 1e-6, &b, NULL), EC_OK);
	return b;
}

/*
 * x^2 with step s multiplies x by (1 - 2s): |1 - 2s| < 1 converges,
 * = 1 oscillates, > 1 diverges. |x| with a fixed step never shrinks its
 * steps unless it lands on 0 exactly.
 */
static void test_optim_classify_exam_cases(void **state)
{
	(void)state;
	assert_int_equal(run(ec_optim_abs_deriv, 1, 2), EC_GD_OSCILLATING);
	assert_int_equal(run(ec_optim_square_deriv, 1, 1), EC_GD_OSCILLATING);
	assert_int_equal(run(ec_optim_abs_deriv, 1, 2.01), EC_GD_OSCILLATING);
	assert_int_equal(run(ec_optim_square_deriv, 1, 0.99), EC_GD_CONVERGING);
	assert_int_equal(run(ec_optim_square_deriv, 1, 0.25), EC_GD_CONVERGING);
	assert_int_equal(run(ec_optim_square_deriv, 1, 1.01), EC_GD_DIVERGING); /* 1.02^2000 */
	assert_int_equal(run(ec_optim_square_deriv, 1, 5), EC_GD_DIVERGING);    /* 9^k overflows */
	assert_int_equal(run(ec_optim_abs_deriv, 1, 0.3), EC_GD_OSCILLATING);   /* 0.1 <-> -0.2 */
}

static void test_optim_classify_hand_traces(void **state)
{
	const double osc[] = {0, 1, 0, 1}, conv[] = {1, 0.5, 0.5}, still[] = {3, 3};
	const double grow[] = {0, 1e-3, 1e4}, bad[] = {0, INFINITY};
	ec_gd_behaviour b;

	(void)state;
	assert_int_equal(ec_optim_classify(osc, 4, 1e-3, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_OSCILLATING);
	assert_int_equal(ec_optim_classify(conv, 3, 1e-3, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_CONVERGING);
	assert_int_equal(ec_optim_classify(still, 2, 1e-3, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_CONVERGING);
	assert_int_equal(ec_optim_classify(grow, 3, 1e-3, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_DIVERGING);
	assert_int_equal(ec_optim_classify(bad, 2, 1e-3, &b, NULL), EC_OK);
	assert_int_equal(b, EC_GD_DIVERGING);
	assert_string_equal(ec_gd_behaviour_name(EC_GD_OSCILLATING), "oscillating");
}

static void test_optim_bad_inputs(void **state)
{
	double t[3];
	ec_gd_behaviour b;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, 0, 2, t, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "step 0 is not a positive number");
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, -1, 2, t, &err), EC_ERR_INVALID);
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, 1, NAN, 2, t, &err), EC_ERR_INVALID);
	assert_int_equal(ec_optim_gd_trace(ec_optim_abs_deriv, NULL, INFINITY, 1, 2, t, &err),
			 EC_ERR_INVALID);
	assert_non_null(strstr(err.msg, "start"));
	assert_int_equal(ec_optim_gd_trace(NULL, NULL, 1, 1, 2, t, &err), EC_ERR_INVALID);
	assert_int_equal(ec_optim_classify(t, 1, 1e-3, &b, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "a trace of 1 iterate has no step");
	t[0] = 0;
	t[1] = 1;
	assert_int_equal(ec_optim_classify(t, 2, 1, &b, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "ratio 1 is not between 0 and 1");
	assert_int_equal(ec_optim_classify(t, 2, 0, &b, &err), EC_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_optim_abs_deriv_sign_convention),
		cmocka_unit_test(test_optim_gd_trace_abs_step2_hand),
		cmocka_unit_test(test_optim_gd_trace_square_step1_hand),
		cmocka_unit_test(test_optim_gd_trace_abs_step201_hand),
		cmocka_unit_test(test_optim_gd_trace_square_step099_hand),
		cmocka_unit_test(test_optim_gd_trace_abs_reaches_zero),
		cmocka_unit_test(test_optim_classify_exam_cases),
		cmocka_unit_test(test_optim_classify_hand_traces),
		cmocka_unit_test(test_optim_bad_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
