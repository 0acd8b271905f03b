#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_stats.h"

/*
 * A tiny class worked by hand. Item A (1 point): 1, 1, 0, 0; item B
 * (2 points): 2, 0, 2, 0; totals 3, 1, 2, 0.
 * mean = 6/4 = 1.5; median = (1 + 2)/2 = 1.5;
 * deviations 1.5, -0.5, 0.5, -1.5: squares sum 5, population sd = sqrt(5/4).
 * Point-biserial r = (M1 - M0) / s * sqrt(p q), p = q = 1/2:
 *   A: M1 = (3+1)/2 = 2, M0 = (2+0)/2 = 1: r = 1 / sqrt(1.25) * 0.5 = 0.4472136
 *   B: M1 = (3+2)/2 = 2.5, M0 = (1+0)/2 = 0.5: r = 2 / sqrt(1.25) * 0.5 = 0.8944272
 * Facility: A 2/4 / 1 = 0.5; B (4/4) / 2 = 0.5.
 */
static void fill_tiny(ec_stats *s)
{
	const double pts[2] = {1, 2};
	const bool mc[2] = {true, false};
	const double a[4] = {1, 1, 0, 0}, b[4] = {2, 0, 2, 0};
	const uint32_t choice_a[4] = {1, 1, 2 | 4, 0}; /* A, A, BC, blank */
	ec_error err;
	size_t i;

	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(s, 2, pts, mc, 0, 3, &err), EC_OK);
	for (i = 0; i < 4; i++) {
		double scores[2] = {a[i], b[i]};
		uint32_t choices[2] = {choice_a[i], 0};

		ec_stats_add(s, scores, choices, a[i] + b[i]);
	}
}

static void test_stats_summarise_tiny_class(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;

	(void)state;
	fill_tiny(&s);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_true(sum.n == 4);
	assert_near(sum.mean, 1.5, 1e-12);
	assert_near(sum.median, 1.5, 1e-12);
	assert_true(sum.median_exact);
	assert_near(sum.sd, sqrt(1.25), 1e-12);
	assert_near(sum.min, 0, 0);
	assert_near(sum.max, 3, 0);
	ec_stats_free(&s);
}

static void test_stats_discrimination_tiny_class(void **state)
{
	ec_stats s;

	(void)state;
	fill_tiny(&s);
	assert_near(ec_stats_discrimination(&s, 0), 0.5 / sqrt(1.25), 1e-12);
	assert_near(ec_stats_discrimination(&s, 1), 1.0 / sqrt(1.25), 1e-12);
	assert_near(ec_stats_facility(&s, 0), 0.5, 1e-12);
	assert_near(ec_stats_facility(&s, 1), 0.5, 1e-12);
	ec_stats_free(&s);
}

static void test_stats_add_counts_options(void **state)
{
	ec_stats s;

	(void)state;
	fill_tiny(&s);
	assert_true(s.items[0].chosen[0] == 2); /* A twice */
	assert_true(s.items[0].chosen[1] == 1); /* B once */
	assert_true(s.items[0].chosen[2] == 1); /* C once */
	assert_true(s.items[0].chosen[3] == 0);
	assert_true(s.items[0].blank == 1);
	assert_true(s.items[1].blank == 0); /* not multiple choice: not counted */
	ec_stats_free(&s);
}

static void test_stats_summarise_odd_median(void **state)
{
	const double totals[] = {1, 7, 3, 3, 10}; /* sorted 1 3 3 7 10: median 3 */
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;
	size_t i;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 10, &err), EC_OK);
	for (i = 0; i < 5; i++)
		ec_stats_add(&s, NULL, NULL, totals[i]);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_near(sum.median, 3, 0);
	assert_near(sum.mean, 24.0 / 5, 1e-12);
	ec_stats_free(&s);
}

static void test_stats_histogram_bins(void **state)
{
	ec_stats s;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	/* range -10..100 = 110 points; 110/12 > 5 so the bin width is 10; 11 bins */
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, -10, 100, &err), EC_OK);
	assert_near(s.bin_width, 10, 0);
	assert_near(s.lo, -10, 0);
	assert_int_equal(s.nbins, 11);
	ec_stats_add(&s, NULL, NULL, -10); /* bin 0 = [-10, 0) */
	ec_stats_add(&s, NULL, NULL, 0);   /* bin 1 = [0, 10) */
	ec_stats_add(&s, NULL, NULL, 9.99);
	ec_stats_add(&s, NULL, NULL, 100); /* the last bin [90, 100] is closed */
	assert_true(s.bins[0] == 1 && s.bins[1] == 2 && s.bins[10] == 1);
	ec_stats_free(&s);
	/* range 0..21: 21/12 = 1.75, so width 2 and 11 bins (the last [20, 21]) */
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 21, &err), EC_OK);
	assert_near(s.bin_width, 2, 0);
	assert_int_equal(s.nbins, 11);
	ec_stats_free(&s);
}

static void test_stats_summarise_many_distinct_totals(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;
	size_t i, n = EC_STATS_DISTINCT_MAX + 1001; /* odd count: median is rank n/2 */

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 100, &err), EC_OK);
	for (i = 0; i < n; i++)
		ec_stats_add(&s, NULL, NULL, 100.0 * (double)i / (double)(n - 1));
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_false(sum.median_exact);
	/* exact median 50; the estimate is within one fine bin, 100/16384 */
	assert_near(sum.median, 50, 100.0 / EC_STATS_FINE_BINS);
	assert_near(sum.mean, 50, 1e-9);
	ec_stats_free(&s);
}

static void test_stats_bad_input(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;
	const double pts[1] = {2};
	double score = 2;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 5, 5, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "statistics need a range of totals, not [5, 5]");
	assert_int_equal(ec_stats_init(&s, 1, pts, NULL, 0, 2, &err), EC_OK);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "no students to summarise");
	ec_stats_add(&s, &score, NULL, 2);
	ec_stats_add(&s, &score, NULL, 2);
	assert_true(isnan(ec_stats_discrimination(&s, 0))); /* nothing varies */
	assert_near(ec_stats_facility(&s, 0), 1, 0);
	ec_stats_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_summarise_tiny_class),
		cmocka_unit_test(test_stats_discrimination_tiny_class),
		cmocka_unit_test(test_stats_add_counts_options),
		cmocka_unit_test(test_stats_summarise_odd_median),
		cmocka_unit_test(test_stats_histogram_bins),
		cmocka_unit_test(test_stats_summarise_many_distinct_totals),
		cmocka_unit_test(test_stats_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
