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

/*
 * SplitMix64 from state 0 first returns 0xE220A8397B1DCDAF (the value of
 * its published reference implementation); seeds 1 and 2 must not start
 * from states whose XOR is seed 3's (the linearity mixing removes).
 */
static void test_xorshift_seed_mixed_reference_value(void **state)
{
	ec_xorshift g, g1, g2, g3;

	(void)state;
	ec_xorshift_seed_mixed(&g, 0);
	assert_true(g.state == UINT64_C(0xE220A8397B1DCDAF));
	ec_xorshift_seed_mixed(&g1, 1);
	ec_xorshift_seed_mixed(&g2, 2);
	ec_xorshift_seed_mixed(&g3, 3);
	assert_true((g1.state ^ g2.state) != g3.state);
	assert_true(g1.state != 0 && g2.state != 0 && g3.state != 0);
}

/* n = 1 is always 0; small n covers every value about equally often. */
static void test_xorshift_below_small_ranges(void **state)
{
	ec_xorshift g;
	unsigned count[6] = {0};
	int i;

	(void)state;
	ec_xorshift_seed_mixed(&g, 7);
	assert_true(ec_xorshift_below(&g, 0) == 0);
	for (i = 0; i < 100; i++)
		assert_true(ec_xorshift_below(&g, 1) == 0);
	for (i = 0; i < 6000; i++) {
		uint64_t v = ec_xorshift_below(&g, 6);

		assert_true(v < 6);
		count[v]++;
	}
	/* 1000 expected each, standard deviation sqrt(6000 * 1/6 * 5/6) = 29. */
	for (i = 0; i < 6; i++)
		assert_true(count[i] > 850 && count[i] < 1150);
}

/*
 * n = 2^63 + 1: 2^64 holds one whole block of n values, [0, n); a raw
 * value from n up is drawn again, so the result is the first raw value
 * below n, never a raw value reduced modulo n.
 */
static void test_xorshift_below_rejects_incomplete_block(void **state)
{
	const uint64_t n = (UINT64_C(1) << 63) + 1;
	ec_xorshift g, raw;
	int i, rejected = 0;

	(void)state;
	ec_xorshift_seed_mixed(&g, 11);
	raw = g;
	for (i = 0; i < 200; i++) {
		uint64_t want;

		while ((want = ec_xorshift_next(&raw)) >= n)
			rejected++;
		assert_true(ec_xorshift_below(&g, n) == want);
	}
	/* About half the raw values are at least n. */
	assert_true(rejected > 100 && rejected < 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xorshift_next_hand_first_value),
		cmocka_unit_test(test_xorshift_seed_zero_is_replaced),
		cmocka_unit_test(test_xorshift_uniform_range_and_repeatable),
		cmocka_unit_test(test_xorshift_seed_mixed_reference_value),
		cmocka_unit_test(test_xorshift_below_small_ranges),
		cmocka_unit_test(test_xorshift_below_rejects_incomplete_block),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
