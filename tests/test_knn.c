#include "ec_test.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"

/* Five 1-D training points 0, 1, 3, 6, 10 with labels 0, 0, 1, 1, 1. */
static void line_set(ec_dataset *ds)
{
	static const double x[5] = {0, 1, 3, 6, 10};
	static const size_t y[5] = {0, 0, 1, 1, 1};

	assert_int_equal(ec_dataset_alloc(ds, 5, 1, 2, NULL), EC_OK);
	memcpy(ds->x, x, sizeof(x));
	memcpy(ds->y, y, sizeof(y));
}

static void test_distance_hand(void **state)
{
	static const double a[2] = {0, 0}, b[2] = {3, -4};

	(void)state;
	assert_near(ec_distance(EC_METRIC_L1, a, b, 2), 7, 0);  /* 3 + 4 */
	assert_near(ec_distance(EC_METRIC_L2, a, b, 2), 5, 0);  /* sqrt(9 + 16) */
	assert_near(ec_distance(EC_METRIC_L1, a, a, 2), 0, 0);
}

static void test_knn_neighbors_hand(void **state)
{
	ec_dataset ds;
	size_t idx[5];
	double dist[5], q = 2.5;
	/* |2.5 - x| = 2.5, 1.5, 0.5, 3.5, 7.5: nearest first 2, 1, 0, 3, 4. */
	static const size_t want[5] = {2, 1, 0, 3, 4};
	static const double want_d[5] = {0.5, 1.5, 2.5, 3.5, 7.5};
	int i;

	(void)state;
	line_set(&ds);
	assert_int_equal(ec_knn_neighbors(&ds, &q, 5, EC_METRIC_L1, idx, dist, NULL, NULL), EC_OK);
	for (i = 0; i < 5; i++) {
		assert_int_equal(idx[i], want[i]);
		assert_near(dist[i], want_d[i], 0);
	}
	assert_int_equal(ec_knn_neighbors(&ds, &q, 2, EC_METRIC_L2, idx, dist, NULL, NULL), EC_OK);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 1);
	ec_dataset_free(&ds);
}

static void test_knn_neighbors_tie_lower_index(void **state)
{
	ec_dataset ds;
	size_t idx[2];
	double q = 0.5;

	(void)state;
	line_set(&ds);
	/* 0 and 1 are both 0.5 away; the lower index comes first. */
	assert_int_equal(ec_knn_neighbors(&ds, &q, 1, EC_METRIC_L1, idx, NULL, NULL, NULL), EC_OK);
	assert_int_equal(idx[0], 0);
	assert_int_equal(ec_knn_neighbors(&ds, &q, 2, EC_METRIC_L1, idx, NULL, NULL, NULL), EC_OK);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 1);
	ec_dataset_free(&ds);
}

static void test_knn_predict_votes_and_ties(void **state)
{
	ec_dataset ds;
	size_t label;
	double q = 2.5;

	(void)state;
	line_set(&ds);
	/* k = 1: nearest is x = 3 (label 1). */
	assert_int_equal(ec_knn_predict(&ds, &q, 1, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 1);
	/* k = 3: x = 3, 1, 0 -> labels 1, 0, 0: label 0 wins 2 to 1. */
	assert_int_equal(ec_knn_predict(&ds, &q, 3, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 0);
	/* k = 2: labels 1, 0 tie; the nearest (x = 3, label 1) decides. */
	assert_int_equal(ec_knn_predict(&ds, &q, 2, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 1);
	/* k = 4: x = 3, 1, 0, 6 -> 1, 0, 0, 1: 2-2 tie, nearest is label 1. */
	assert_int_equal(ec_knn_predict(&ds, &q, 4, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 1);
	/* k = 5: three 1s against two 0s. */
	assert_int_equal(ec_knn_predict(&ds, &q, 5, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 1);
	ec_dataset_free(&ds);
}

static void test_knn_predict_l1_and_l2_disagree(void **state)
{
	/* Query (0,0): A = (3,0) is L1 3, L2 3; B = (2,2) is L1 4, L2 2.83. */
	static const double x[4] = {3, 0, 2, 2}, q[2] = {0, 0};
	ec_dataset ds;
	size_t label;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 2, 2, 2, NULL), EC_OK);
	memcpy(ds.x, x, sizeof(x));
	ds.y[1] = 1;
	assert_int_equal(ec_knn_predict(&ds, q, 1, EC_METRIC_L1, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 0);
	assert_int_equal(ec_knn_predict(&ds, q, 1, EC_METRIC_L2, &label, NULL, NULL), EC_OK);
	assert_int_equal(label, 1);
	ec_dataset_free(&ds);
}

/* Brute force written independently: full sort by (distance, index), then vote. */
struct cand {
	double d;
	size_t i;
};

static int cmp_cand(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static size_t brute_predict(const ec_dataset *ds, const double *q, size_t k, int l2)
{
	struct cand *c = malloc(ds->n * sizeof(*c));
	size_t votes[8] = {0}, i, j, best = 0, top = 0;

	assert_non_null(c);
	for (i = 0; i < ds->n; i++) {
		double s = 0;

		for (j = 0; j < ds->dim; j++) {
			double t = q[j] - ds->x[i * ds->dim + j];

			s += l2 ? t * t : fabs(t);
		}
		c[i].d = s;
		c[i].i = i;
	}
	qsort(c, ds->n, sizeof(*c), cmp_cand);
	for (i = 0; i < k; i++)
		votes[ds->y[c[i].i]]++;
	for (i = 0; i < 8; i++)
		if (votes[i] > top)
			top = votes[i];
	for (i = 0; i < k; i++)
		if (votes[ds->y[c[i].i]] == top) {
			best = ds->y[c[i].i];
			break;
		}
	free(c);
	return best;
}

static void test_knn_predict_matches_brute_force(void **state)
{
	ec_dataset ds, qs;
	ec_rng r;
	size_t k, i, label;
	int l2;

	(void)state;
	ec_rng_seed(&r, 77);
	/* Integer features in 0..4 make many exact distance ties. */
	assert_int_equal(ec_dataset_alloc(&ds, 40, 3, 4, NULL), EC_OK);
	assert_int_equal(ec_dataset_alloc(&qs, 30, 3, 4, NULL), EC_OK);
	for (i = 0; i < 40 * 3; i++)
		ds.x[i] = (double)ec_rng_below(&r, 5);
	for (i = 0; i < 40; i++)
		ds.y[i] = (size_t)ec_rng_below(&r, 4);
	for (i = 0; i < 30 * 3; i++)
		qs.x[i] = (double)ec_rng_below(&r, 5);
	for (l2 = 0; l2 < 2; l2++)
		for (k = 1; k <= 9; k++)
			for (i = 0; i < qs.n; i++) {
				assert_int_equal(ec_knn_predict(&ds, qs.x + 3 * i, k,
								l2 ? EC_METRIC_L2 : EC_METRIC_L1,
								&label, NULL, NULL),
						 EC_OK);
				assert_int_equal(label, brute_predict(&ds, qs.x + 3 * i, k, l2));
			}
	ec_dataset_free(&ds);
	ec_dataset_free(&qs);
}

static void test_knn_flip_keeps_distances(void **state)
{
	double a[EC_DIGIT_PIXELS], b[EC_DIGIT_PIXELS], fa[EC_DIGIT_PIXELS], fb[EC_DIGIT_PIXELS];
	ec_rng r;
	int i, f;

	(void)state;
	ec_rng_seed(&r, 8);
	for (i = 0; i < EC_DIGIT_PIXELS; i++) {
		a[i] = (double)ec_rng_below(&r, 256);
		b[i] = (double)ec_rng_below(&r, 256);
	}
	for (f = EC_FLIP_H; f <= EC_FLIP_HV; f++) {
		ec_image_flip(a, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, (ec_flip)f, fa);
		ec_image_flip(b, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, (ec_flip)f, fb);
		/* Integer pixels: the sums are exact, so equality is exact. */
		assert_true(ec_distance(EC_METRIC_L1, a, b, EC_DIGIT_PIXELS) ==
			    ec_distance(EC_METRIC_L1, fa, fb, EC_DIGIT_PIXELS));
		assert_true(ec_distance(EC_METRIC_L2, a, b, EC_DIGIT_PIXELS) ==
			    ec_distance(EC_METRIC_L2, fa, fb, EC_DIGIT_PIXELS));
		/* Flipping only one of the two does change the distance here. */
		assert_true(ec_distance(EC_METRIC_L1, a, b, EC_DIGIT_PIXELS) !=
			    ec_distance(EC_METRIC_L1, fa, b, EC_DIGIT_PIXELS));
	}
}

static void test_knn_evaluate_cost_counts(void **state)
{
	ec_dataset ds, test;
	ec_knn_cost cost = {0, 0};
	ec_error err;
	size_t correct;
	static const double tx[3] = {0.2, 2.9, 9};
	static const size_t ty[3] = {0, 1, 0};

	(void)state;
	line_set(&ds);
	assert_int_equal(ec_dataset_alloc(&test, 3, 1, 2, NULL), EC_OK);
	memcpy(test.x, tx, sizeof(tx));
	memcpy(test.y, ty, sizeof(ty));
	/* 1-NN: 0.2 -> x=0 (0, right), 2.9 -> x=3 (1, right), 9 -> x=10 (1, wrong). */
	assert_int_equal(ec_knn_evaluate(&ds, &test, 1, EC_METRIC_L1, &correct, &cost, &err), EC_OK);
	assert_int_equal(correct, 2);
	/* 3 queries x 5 training samples, 1 feature each. */
	assert_true(cost.distances == 15 && cost.terms == 15);
	cost.terms = UINT64_MAX - 2;
	assert_int_equal(ec_knn_evaluate(&ds, &test, 1, EC_METRIC_L1, &correct, &cost, &err),
			 EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "knn: operation count overflows");
	ec_dataset_free(&ds);
	ec_dataset_free(&test);
}

/*
 * Distances are computed four training rows at a time, the rest one by
 * one: for every set size from 1 to 9 and both metrics, the neighbours in
 * full (k = n) must be every row sorted by its own ec_distance, ties by
 * lower index (an insertion sort written here), with equal distances.
 */
static void test_knn_neighbors_every_size_exact(void **state)
{
	ec_rng r;
	size_t n, i, j;
	int metric;

	(void)state;
	ec_rng_seed(&r, 99);
	for (n = 1; n <= 9; n++)
		for (metric = 0; metric < 2; metric++) {
			ec_dataset ds;
			double q[3], dist[9], want[9];
			size_t idx[9], order[9];

			assert_int_equal(ec_dataset_alloc(&ds, n, 3, 2, NULL), EC_OK);
			for (i = 0; i < 3 * n; i++)
				ds.x[i] = (double)(ec_rng_below(&r, 5)); /* small integers: ties */
			for (i = 0; i < 3; i++)
				q[i] = ec_rng_normal(&r);
			for (i = 0; i < n; i++) {
				double d = ec_distance((ec_metric)metric, q, ds.x + 3 * i, 3);

				for (j = i; j > 0 && d < want[j - 1]; j--) {
					want[j] = want[j - 1];
					order[j] = order[j - 1];
				}
				want[j] = d;
				order[j] = i;
			}
			assert_int_equal(ec_knn_neighbors(&ds, q, n, (ec_metric)metric, idx, dist, NULL,
							  NULL),
					 EC_OK);
			for (i = 0; i < n; i++) {
				assert_int_equal(idx[i], order[i]);
				assert_true(dist[i] == want[i]);
			}
			ec_dataset_free(&ds);
		}
}

static void test_knn_query_cost_hand(void **state)
{
	ec_knn_cost cost = {0, 0};
	ec_error err;

	(void)state;
	/* One query against 200 samples of 35 features: 200 distances, 7000 terms. */
	assert_int_equal(ec_knn_query_cost(200, 35, &cost, &err), EC_OK);
	assert_true(cost.distances == 200 && cost.terms == 7000);
	/* A second one against 10 samples adds 10 and 350. */
	assert_int_equal(ec_knn_query_cost(10, 35, &cost, &err), EC_OK);
	assert_true(cost.distances == 210 && cost.terms == 7350);
	/* SIZE_MAX samples of 2 features: n * dim does not fit. */
	assert_int_equal(ec_knn_query_cost(SIZE_MAX, 2, &cost, &err), EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "knn: operation count overflows");
}

static void test_knn_bad_inputs(void **state)
{
	ec_dataset ds, other;
	ec_error err;
	size_t label, idx[6], correct;
	double q = 1;

	(void)state;
	line_set(&ds);
	assert_int_equal(ec_knn_predict(&ds, &q, 0, EC_METRIC_L1, &label, NULL, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "knn: k = 0 is not in 1..5 (the training set size)");
	assert_int_equal(ec_knn_neighbors(&ds, &q, 6, EC_METRIC_L1, idx, NULL, NULL, &err),
			 EC_ERR_INVALID);
	ds.y[2] = 7;
	assert_int_equal(ec_knn_predict(&ds, &q, 5, EC_METRIC_L1, &label, NULL, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "knn: training sample 2: label 7 is not below 2 classes");
	assert_int_equal(ec_dataset_alloc(&other, 1, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_knn_evaluate(&ds, &other, 1, EC_METRIC_L1, &correct, NULL, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "knn: training samples have 1 features, test samples 2");
	ec_dataset_free(&ds);
	ec_dataset_free(&other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance_hand),
		cmocka_unit_test(test_knn_neighbors_hand),
		cmocka_unit_test(test_knn_neighbors_tie_lower_index),
		cmocka_unit_test(test_knn_predict_votes_and_ties),
		cmocka_unit_test(test_knn_predict_l1_and_l2_disagree),
		cmocka_unit_test(test_knn_predict_matches_brute_force),
		cmocka_unit_test(test_knn_flip_keeps_distances),
		cmocka_unit_test(test_knn_evaluate_cost_counts),
		cmocka_unit_test(test_knn_query_cost_hand),
		cmocka_unit_test(test_knn_neighbors_every_size_exact),
		cmocka_unit_test(test_knn_bad_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
