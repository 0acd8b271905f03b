#include "ec_test.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_stats.h"
#include "examcheck/ec_xorshift.h"
#include "grade_fixture.h"

#define T_BIT (1u << ('T' - 'A'))
#define F_BIT (1u << ('F' - 'A'))

/*
 * A class of five worked by hand. Items: X true/false (1 point, key T),
 * Y multiple choice (2 points, options A-D, key AB, partial credit), Z
 * graded by hand (1 point). The total is the sum of the three.
 *
 *   student  X answer  X  Y answer  Y  Z  total
 *   s1       T         1  AB        2  1  4
 *   s2       T         1  A         1  0  2
 *   s3       F         0  (blank)   0  1  1
 *   s4       T         1  AB        2  1  4
 *   s5       (unread.) 0  C         0  1  1
 *
 * Totals 4 2 1 4 1: mean 12/5 = 2.4; deviations 1.6 -0.4 -1.4 1.6 -1.4,
 * squares 2.56 .16 1.96 2.56 1.96, sum 9.2: sd = sqrt(9.2/5) = sqrt(1.84);
 * sorted 1 1 2 4 4: median 2.
 *
 * Item-rest correlation r = sum(dx dr) / sqrt(sum dx^2 sum dr^2), rest = total - item:
 *   X 1 1 0 1 0 (mean .6, dx .4 .4 -.6 .4 -.6, sum dx^2 1.2);
 *     rest 3 1 1 3 1 (mean 1.8, dr 1.2 -.8 -.8 1.2 -.8, sum dr^2 4.8);
 *     sum dx dr = .48 - .32 + .48 + .48 + .48 = 1.6: r = 1.6 / sqrt(5.76) = 2/3.
 *   Y 2 1 0 2 0 (mean 1, dy 1 0 -1 1 -1, sum 4);
 *     rest 2 1 1 2 1 (mean 1.4, dr .6 -.4 -.4 .6 -.4, sum 1.2);
 *     sum = .6 + 0 + .4 + .6 + .4 = 2: r = 2 / sqrt(4.8).
 *   Z 1 0 1 1 1 (mean .8, dz .2 -.8 .2 .2 .2, sum .8);
 *     rest 3 2 0 3 0 (mean 1.6, dr 1.4 .4 -1.6 1.4 -1.6, sum 9.2);
 *     sum = .28 - .32 - .32 + .28 - .32 = -.4: r = -.4 / sqrt(7.36), negative.
 * Cronbach's alpha, k = 3: sums of squares of the items 1.2 + 4 + .8 =
 * 6 against 9.2 for the total (the n's cancel): 3/2 (1 - 6/9.2) =
 * 4.8/9.2 = 12/23.
 * Facility: X .6/1, Y 1/2, Z .8/1.
 * Groups: 27% of 5 = 1.35, rounded 1. The top total, 4, is shared by s1
 * and s4: both form the upper group (cut 4); the lowest, 1, by s3 and
 * s5 (cut 1). Fully right in the upper group: X 2, Y 2, Z 2; in the
 * lower: X 0, Y 0, Z 2.
 * Answers: X T=3 F=1 blank=0 unreadable=1; Y A=3 B=2 C=1 D=0 blank=1.
 */
static const ec_key_kind hand_kinds[3] = {EC_KEY_TF, EC_KEY_MC, EC_KEY_MANUAL};

static void fill_hand_class(ec_stats *s)
{
	static const double pts[3] = {1, 2, 1};
	static const ec_grade_result rows[5][3] = {
		{{1, EC_VERDICT_RIGHT, T_BIT}, {2, EC_VERDICT_RIGHT, 3}, {1, EC_VERDICT_RIGHT, 0}},
		{{1, EC_VERDICT_RIGHT, T_BIT}, {1, EC_VERDICT_PARTIAL, 1}, {0, EC_VERDICT_WRONG, 0}},
		{{0, EC_VERDICT_WRONG, F_BIT}, {0, EC_VERDICT_BLANK, 0}, {1, EC_VERDICT_RIGHT, 0}},
		{{1, EC_VERDICT_RIGHT, T_BIT}, {2, EC_VERDICT_RIGHT, 3}, {1, EC_VERDICT_RIGHT, 0}},
		{{0, EC_VERDICT_UNREADABLE, 0}, {0, EC_VERDICT_WRONG, 4}, {1, EC_VERDICT_RIGHT, 0}},
	};
	static const double totals[5] = {4, 2, 1, 4, 1};
	ec_error err;
	size_t i;

	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(s, 3, pts, hand_kinds, 0, 4, &err), EC_OK);
	for (i = 0; i < 5; i++)
		ec_stats_add(s, rows[i], totals[i]);
}

static void test_stats_summarise_hand_class(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;

	(void)state;
	fill_hand_class(&s);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_true(sum.n == 5);
	assert_near(sum.mean, 2.4, 1e-12);
	assert_near(sum.median, 2, 1e-12);
	assert_true(sum.median_exact);
	assert_near(sum.sd, sqrt(1.84), 1e-12);
	assert_near(sum.min, 1, 0);
	assert_near(sum.max, 4, 0);
	assert_near(sum.alpha, 12.0 / 23, 1e-12);
	ec_stats_summary_free(&sum);
	ec_stats_free(&s);
}

static void test_stats_discrimination_hand_class(void **state)
{
	ec_stats s;

	(void)state;
	fill_hand_class(&s);
	assert_near(ec_stats_discrimination(&s, 0), 2.0 / 3, 1e-12);
	assert_near(ec_stats_discrimination(&s, 1), 2 / sqrt(4.8), 1e-12);
	assert_near(ec_stats_discrimination(&s, 2), -0.4 / sqrt(7.36), 1e-12);
	assert_near(ec_stats_facility(&s, 0), 0.6, 1e-12);
	assert_near(ec_stats_facility(&s, 1), 0.5, 1e-12);
	assert_near(ec_stats_facility(&s, 2), 0.8, 1e-12);
	assert_near(ec_stats_alpha(&s), 12.0 / 23, 1e-12);
	ec_stats_free(&s);
}

static void test_stats_summarise_groups_hand_class(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;

	(void)state;
	fill_hand_class(&s);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_true(sum.group == 1);
	assert_true(sum.groups_exact);
	assert_true(sum.upper_n == 2 && sum.lower_n == 2); /* ties at the cut are in */
	assert_near(sum.upper_cut, 4, 0);
	assert_near(sum.lower_cut, 1, 0);
	assert_non_null(sum.upper);
	assert_true(sum.upper[0] == 2 && sum.upper[1] == 2 && sum.upper[2] == 2);
	assert_true(sum.lower[0] == 0 && sum.lower[1] == 0 && sum.lower[2] == 2);
	ec_stats_summary_free(&sum);
	ec_stats_free(&s);
}

static void test_stats_add_counts_answers(void **state)
{
	ec_stats s;

	(void)state;
	fill_hand_class(&s);
	/* X, true/false */
	assert_true(s.items[0].chosen['T' - 'A'] == 3);
	assert_true(s.items[0].chosen['F' - 'A'] == 1);
	assert_true(s.items[0].blank == 0 && s.items[0].unreadable == 1);
	/* Y, multiple choice */
	assert_true(s.items[1].chosen[0] == 3); /* A: s1, s2, s4 */
	assert_true(s.items[1].chosen[1] == 2); /* B: s1, s4 */
	assert_true(s.items[1].chosen[2] == 1); /* C: s5 */
	assert_true(s.items[1].chosen[3] == 0);
	assert_true(s.items[1].blank == 1 && s.items[1].unreadable == 0);
	/* Z, graded by hand: nothing counted */
	assert_true(s.items[2].blank == 0 && s.items[2].chosen[0] == 0);
	ec_stats_free(&s);
}

/*
 * A generated class, checked against a second method: the whole class is
 * kept and every statistic computed again in two passes (means first,
 * then deviations) and the groups by sorting the students.
 */
enum { CLASS_N = 1000, CLASS_K = 6 };

typedef struct class_data {
	ec_grade_result r[CLASS_N][CLASS_K];
	double total[CLASS_N];
	double pts[CLASS_K];
} class_data;

/* Integer points on a test with a few penalties, so totals tie often. */
static void make_class(class_data *c)
{
	ec_xorshift rng;
	size_t i, k;

	ec_xorshift_seed(&rng, 20240607);
	for (k = 0; k < CLASS_K; k++)
		c->pts[k] = (double)(1 + k % 3);
	for (i = 0; i < CLASS_N; i++) {
		double ability = ec_xorshift_uniform(&rng, 0, 1);

		c->total[i] = 0.5; /* an item without a column: a fixed score */
		for (k = 0; k < CLASS_K; k++) {
			double u = ec_xorshift_uniform(&rng, 0, 1);
			ec_grade_result *r = &c->r[i][k];

			if (u < ability * 0.9) {
				r->points = c->pts[k];
				r->verdict = EC_VERDICT_RIGHT;
			} else if (u < ability) {
				r->points = c->pts[k] > 1 ? 1 : 0;
				r->verdict = r->points > 0 ? EC_VERDICT_PARTIAL : EC_VERDICT_WRONG;
			} else if (k == 0 && u > 0.95) {
				r->points = -1;
				r->verdict = EC_VERDICT_WRONG;
			} else {
				r->points = 0;
				r->verdict = EC_VERDICT_BLANK;
			}
			c->total[i] += r->points;
		}
	}
}

static double two_pass_mean(const double *x, size_t n)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += x[i];
	return sum / (double)n;
}

static double two_pass_pearson(const double *x, const double *y, size_t n)
{
	double mx = two_pass_mean(x, n), my = two_pass_mean(y, n), sxy = 0, sxx = 0, syy = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	return sxy / sqrt(sxx * syy);
}

static double two_pass_var(const double *x, size_t n)
{
	double m = two_pass_mean(x, n), ss = 0;
	size_t i;

	for (i = 0; i < n; i++)
		ss += (x[i] - m) * (x[i] - m);
	return ss / (double)n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void test_stats_one_pass_matches_two_passes(void **state)
{
	static class_data c;
	static double x[CLASS_N], rest[CLASS_N], sum[CLASS_N], sorted[CLASS_N];
	ec_stats s;
	ec_stats_summary su;
	ec_error err;
	double item_var = 0, lo_cut, hi_cut;
	uint64_t group, upper_n = 0, lower_n = 0;
	size_t i, k;

	(void)state;
	make_class(&c);
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, CLASS_K, c.pts, NULL, -1, 12.5, &err), EC_OK);
	for (i = 0; i < CLASS_N; i++)
		ec_stats_add(&s, c.r[i], c.total[i]);
	assert_int_equal(ec_stats_summarise(&s, &su, &err), EC_OK);

	assert_near(su.mean, two_pass_mean(c.total, CLASS_N), 1e-9);
	assert_near(su.sd, sqrt(two_pass_var(c.total, CLASS_N)), 1e-9);
	for (i = 0; i < CLASS_N; i++)
		sum[i] = 0;
	for (k = 0; k < CLASS_K; k++) {
		for (i = 0; i < CLASS_N; i++) {
			x[i] = c.r[i][k].points;
			rest[i] = c.total[i] - x[i];
			sum[i] += x[i];
		}
		assert_near(ec_stats_discrimination(&s, k), two_pass_pearson(x, rest, CLASS_N), 1e-9);
		assert_near(ec_stats_facility(&s, k), two_pass_mean(x, CLASS_N) / c.pts[k], 1e-9);
		item_var += two_pass_var(x, CLASS_N);
	}
	assert_near(su.alpha,
		    CLASS_K / (CLASS_K - 1.0) * (1 - item_var / two_pass_var(sum, CLASS_N)), 1e-9);

	/* groups: sort the totals; the cut is the total ranked 270th from each end */
	memcpy(sorted, c.total, sizeof(sorted));
	qsort(sorted, CLASS_N, sizeof(sorted[0]), cmp_double);
	group = (27 * CLASS_N + 50) / 100;
	assert_true(su.group == group);
	hi_cut = sorted[CLASS_N - group];
	lo_cut = sorted[group - 1];
	assert_near(su.median, (sorted[CLASS_N / 2 - 1] + sorted[CLASS_N / 2]) / 2, 0);
	assert_near(su.upper_cut, hi_cut, 0);
	assert_near(su.lower_cut, lo_cut, 0);
	for (i = 0; i < CLASS_N; i++) {
		upper_n += c.total[i] >= hi_cut;
		lower_n += c.total[i] <= lo_cut;
	}
	assert_true(su.upper_n == upper_n && su.lower_n == lower_n);
	assert_true(upper_n > group); /* the class has ties at the cut */
	for (k = 0; k < CLASS_K; k++) {
		uint64_t up = 0, down = 0;

		for (i = 0; i < CLASS_N; i++) {
			bool right = c.r[i][k].verdict == EC_VERDICT_RIGHT;

			up += right && c.total[i] >= hi_cut;
			down += right && c.total[i] <= lo_cut;
		}
		if (su.upper[k] != up || su.lower[k] != down)
			fail_msg("item %zu: upper %llu lower %llu, expected %llu and %llu", k,
				 (unsigned long long)su.upper[k], (unsigned long long)su.lower[k],
				 (unsigned long long)up, (unsigned long long)down);
	}
	ec_stats_summary_free(&su);
	ec_stats_free(&s);
}

static void test_stats_init_roster_present_items(void **state)
{
	static const size_t present[3] = {T11, MC_AB, MANUAL};
	ec_grade_result res[NITEMS];
	ec_grader g;
	ec_stats s;
	ec_error err;
	size_t i;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_stats_init_roster(&s, &g, present, 3, &err), EC_OK);
	assert_int_equal(s.nitems, 3);
	assert_string_equal(s.items[0].id, "1.1");
	assert_string_equal(s.items[1].id, "2.1");
	assert_string_equal(s.items[2].id, "3.3.4");
	assert_int_equal(s.items[0].kind, EC_KEY_TF);
	assert_int_equal(s.items[1].kind, EC_KEY_MC);
	assert_int_equal(s.items[2].kind, EC_KEY_MANUAL);
	assert_int_equal(s.items[1].options, 0xF); /* options=A-D */
	assert_near(s.items[1].max_points, 4, 0);
	/*
	 * The fixture's key: 1.1 scores -1 when wrong, the rest at least 0:
	 * totals from -1 to 2 + 4 + 4 + 5 + 6/21 + 6/21 + 2 = 17 4/7 for the
	 * auto-graded items, plus 1 for the manual 3.3.4 that has a column.
	 */
	assert_near(s.hi, 17 + 4.0 / 7 + 1, 1e-12);
	/* results come in key order: only the present items are read */
	for (i = 0; i < NITEMS; i++) {
		res[i].points = 100;
		res[i].verdict = EC_VERDICT_WRONG;
		res[i].letters = 0;
	}
	res[T11] = (ec_grade_result){2, EC_VERDICT_RIGHT, T_BIT};
	res[MC_AB] = (ec_grade_result){0, EC_VERDICT_BLANK, 0};
	res[MANUAL] = (ec_grade_result){0.5, EC_VERDICT_PARTIAL, 0};
	ec_stats_add(&s, res, 2.5);
	assert_near(s.items[0].mean, 2, 0);
	assert_near(s.items[1].mean, 0, 0);
	assert_near(s.items[2].mean, 0.5, 0);
	assert_near(s.items[2].rest_mean, 2, 0);
	assert_true(s.items[0].chosen['T' - 'A'] == 1 && s.items[1].blank == 1);
	ec_stats_free(&s);
	ec_grader_free(&g);
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
		ec_stats_add(&s, NULL, totals[i]);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_near(sum.median, 3, 0);
	assert_near(sum.mean, 24.0 / 5, 1e-12);
	/* 27% of 5 rounds to 1: the single highest (10) and lowest (1) */
	assert_true(sum.upper_n == 1 && sum.lower_n == 1);
	assert_near(sum.upper_cut, 10, 0);
	assert_near(sum.lower_cut, 1, 0);
	assert_true(isnan(sum.alpha)); /* no items */
	ec_stats_summary_free(&sum);
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
	ec_stats_add(&s, NULL, -10); /* bin 0 = [-10, 0) */
	ec_stats_add(&s, NULL, 0);   /* bin 1 = [0, 10) */
	ec_stats_add(&s, NULL, 9.99);
	ec_stats_add(&s, NULL, 100); /* the last bin [90, 100] is closed */
	assert_true(s.bins[0] == 1 && s.bins[1] == 2 && s.bins[10] == 1);
	ec_stats_free(&s);
	/* range 0..21: 21/12 = 1.75, so width 2 and 11 bins (the last [20, 21]) */
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 21, &err), EC_OK);
	assert_near(s.bin_width, 2, 0);
	assert_int_equal(s.nbins, 11);
	ec_stats_free(&s);
}

/*
 * A range that is not finite is refused; one so small that its power of
 * ten underflows (5e-324 is the least double above 0) still gets a bin
 * width above 0 and a bin count that was never a NaN turned into size_t
 * (it used to be, after a width of 0). Totals that are not finite land in
 * the end bins.
 */
static void test_stats_init_range_extremes(void **state)
{
	ec_stats s;
	ec_error err;
	size_t k;
	uint64_t in = 0;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, INFINITY, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "statistics need a finite range of totals");
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, -1e308, 1e308, &err), EC_ERR_INVALID);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, NAN, 1, &err), EC_ERR_INVALID);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 1e13, &err), EC_ERR_INVALID);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 5e-324, &err), EC_OK);
	assert_true(s.bin_width > 0);
	assert_true(s.nbins >= 1 && s.nbins <= 13);
	ec_stats_add(&s, NULL, 0);
	ec_stats_add(&s, NULL, 5e-324);
	for (k = 0; k < s.nbins; k++)
		in += s.bins[k];
	assert_true(in == 2);
	ec_stats_free(&s);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 0, 10, &err), EC_OK);
	ec_stats_add(&s, NULL, INFINITY);
	ec_stats_add(&s, NULL, NAN);
	assert_true(s.bins[s.nbins - 1] == 1 && s.bins[0] == 1);
	ec_stats_free(&s);
}

/*
 * More distinct totals than are kept: student i of n scores 100 i/(n-1),
 * and gets the one item right when i is even. The median and the groups
 * are then estimated from fine bins 100/16384 wide, each holding 4 or 5
 * students (n/16384 is about 4.06).
 */
static void test_stats_summarise_many_distinct_totals(void **state)
{
	const double pts = 1, width = 100.0 / EC_STATS_FINE_BINS;
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;
	size_t i, n = EC_STATS_DISTINCT_MAX + 1001; /* odd count: median is rank n/2 */
	uint64_t group, right_top = 0, right_bottom = 0;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 1, &pts, NULL, 0, 100, &err), EC_OK);
	for (i = 0; i < n; i++) {
		ec_grade_result r = {i % 2 ? 0 : 1, i % 2 ? EC_VERDICT_WRONG : EC_VERDICT_RIGHT, 0};

		ec_stats_add(&s, &r, 100.0 * (double)i / (double)(n - 1));
	}
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_OK);
	assert_false(sum.median_exact);
	assert_false(sum.groups_exact);
	/* exact median 50; the estimate is within one fine bin */
	assert_near(sum.median, 50, width);
	assert_near(sum.mean, 50, 1e-9);
	/*
	 * The exact upper group is students n-g..n-1, its cut 100 (n-g)/(n-1);
	 * the estimate takes whole bins: its cut is within a bin below, and it
	 * holds at most a bin's students (5) more, of whom at most 3 are even.
	 */
	group = (27 * (uint64_t)n + 50) / 100;
	assert_true(sum.group == group);
	for (i = 0; i < group; i++) {
		right_top += (n - 1 - i) % 2 == 0;
		right_bottom += i % 2 == 0;
	}
	assert_true(sum.upper_n >= group && sum.upper_n < group + 5);
	assert_true(sum.lower_n >= group && sum.lower_n < group + 5);
	assert_near(sum.upper_cut, 100.0 * (double)(n - group) / (double)(n - 1), width);
	assert_near(sum.lower_cut, 100.0 * (double)(group - 1) / (double)(n - 1), width);
	assert_true(sum.upper[0] >= right_top && sum.upper[0] <= right_top + 3);
	assert_true(sum.lower[0] >= right_bottom && sum.lower[0] <= right_bottom + 3);
	ec_stats_summary_free(&sum);
	ec_stats_free(&s);
}

static void test_stats_bad_input(void **state)
{
	ec_stats s;
	ec_stats_summary sum;
	ec_error err;
	const double pts[2] = {2, 1};
	const ec_grade_result same[2] = {{2, EC_VERDICT_RIGHT, 0}, {1, EC_VERDICT_RIGHT, 0}};

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 0, NULL, NULL, 5, 5, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "statistics need a range of totals, not [5, 5]");
	assert_int_equal(ec_stats_init(&s, 2, pts, NULL, 0, 3, &err), EC_OK);
	assert_int_equal(ec_stats_summarise(&s, &sum, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "no students to summarise");
	ec_stats_add(&s, same, 3);
	ec_stats_add(&s, same, 3);
	assert_true(isnan(ec_stats_discrimination(&s, 0))); /* nothing varies */
	assert_true(isnan(ec_stats_alpha(&s)));
	assert_near(ec_stats_facility(&s, 0), 1, 0);
	ec_stats_free(&s);
}

/*
 * The rest of a total can be constant while rounding makes it look
 * otherwise: 0.1 + 0.2 - 0.2 is not exactly 0.1. With one item and a
 * fixed 0.1 besides, the rest never varies: no discrimination, and alpha
 * needs two items.
 */
static void test_stats_discrimination_constant_rest(void **state)
{
	const double pts = 1;
	ec_stats s;
	ec_error err;
	size_t i;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 1, &pts, NULL, 0, 2, &err), EC_OK);
	for (i = 0; i < 10; i++) {
		double x = (double)(i % 3) / 10 * 2; /* 0, 0.2, 0.4 */
		ec_grade_result r = {x, EC_VERDICT_PARTIAL, 0};

		ec_stats_add(&s, &r, 0.1 + x);
	}
	assert_true(isnan(ec_stats_discrimination(&s, 0)));
	assert_true(isnan(ec_stats_alpha(&s)));
	ec_stats_free(&s);
}

/*
 * Statistics written to a few places round the decimal a double stands
 * for, halves away from zero, where printf("%.Nf") rounds the binary
 * value: 2.675 is 2.67499999999999982236431605997495353221893310546875
 * in binary, and a facility of 62415 points in 100000 (0.62415) is a hair
 * below too; a reader expects 2.68 and 0.6242. Expected texts by hand.
 */
static void test_stats_fixed(void **state)
{
	static const struct {
		double x;
		int decimals;
		const char *text;
	} cases[] = {
		{0.62415, 4, "0.6242"},   {0.42695, 4, "0.4270"},      {2.675, 2, "2.68"},
		{0.125, 2, "0.13"},       {-0.125, 2, "-0.13"},        {1234.5, 0, "1235"},
		{0.9999996, 4, "1.0000"}, {99.995, 2, "100.00"},       {-0.00004, 4, "0.0000"},
		{-0.00005, 4, "-0.0001"}, {1e-300, 3, "0.000"},        {0, 2, "0.00"},
		{0.1 + 0.2, 1, "0.3"},    {123456789012.5, 2, "123456789012.50"},
		{-2.5, 0, "-3"},          {1e20, 2, "100000000000000000000.00"},
		{0.33333, 4, "0.3333"},   {0.66666, 4, "0.6667"},
	};
	char buf[64];
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		assert_string_equal(ec_stats_fixed(cases[k].x, cases[k].decimals, buf), cases[k].text);
	/* what printf gives for two of them: the reason for the function */
	snprintf(buf, sizeof(buf), "%.2f", 2.675);
	assert_string_equal(buf, "2.67");
	snprintf(buf, sizeof(buf), "%.4f", 0.62415);
	assert_string_equal(buf, "0.6241");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_summarise_hand_class),
		cmocka_unit_test(test_stats_discrimination_hand_class),
		cmocka_unit_test(test_stats_summarise_groups_hand_class),
		cmocka_unit_test(test_stats_add_counts_answers),
		cmocka_unit_test(test_stats_one_pass_matches_two_passes),
		cmocka_unit_test(test_stats_init_roster_present_items),
		cmocka_unit_test(test_stats_summarise_odd_median),
		cmocka_unit_test(test_stats_histogram_bins),
		cmocka_unit_test(test_stats_init_range_extremes),
		cmocka_unit_test(test_stats_summarise_many_distinct_totals),
		cmocka_unit_test(test_stats_bad_input),
		cmocka_unit_test(test_stats_discrimination_constant_rest),
		cmocka_unit_test(test_stats_fixed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
