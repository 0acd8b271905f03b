#include "ec_test.h"

#include "examcheck/ec_xorshift.h"

/*
 * From state 1: x ^= x << 13 gives 8193; x ^= x >> 7 gives 8193 ^ 64 = 8257;
 * x ^= x << 17 gives 8257 * 131072 ^ 8257 = 1082261504 + 8257 = 1082269761.
 */
static void test_xorshift_next_hand_first_value(void **state)
{
	ec_xorshift g;

	(void)state;
	ec_xorshift_seed(&g, 1);
	assert_true(ec_xorshift_next(&g) == UINT64_C(1082269761));
}

static void test_xorshift_seed_zero_is_replaced(void **state)
{
	ec_xorshift g;

	(void)state;
	ec_xorshift_seed(&g, 0);
	assert_true(g.state != 0);
	assert_true(ec_xorshift_next(&g) != 0);
}

static void test_xorshift_uniform_range_and_repeatable(void **state)
{
	ec_xorshift a, b;
	double x[1000], y[1000], mean = 0;
	int i;

	(void)state;
	ec_xorshift_seed(&a, 42);
	ec_xorshift_seed(&b, 42);
	ec_xorshift_fill(&a, x, 1000, -2, 3);
	ec_xorshift_fill(&b, y, 1000, -2, 3);
	for (i = 0; i < 1000; i++) {
		assert_true(x[i] >= -2 && x[i] < 3);
		assert_true(x[i] == y[i]);
		mean += x[i] / 1000;
	}
	/* The mean of U(-2, 3) is 0.5 with standard error 5/sqrt(12*1000) = 0.046. */
	assert_near(mean, 0.5, 0.25);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xorshift_next_hand_first_value),
		cmocka_unit_test(test_xorshift_seed_zero_is_replaced),
		cmocka_unit_test(test_xorshift_uniform_range_and_repeatable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
