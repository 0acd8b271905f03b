#include "ec_test.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"

static void test_rng_u64_first_value(void **state)
{
	ec_rng r;

	(void)state;
	/*
	 * xorshift64* from state 1 by hand: 1 ^ (1 >> 12) = 1; 1 ^ (1 << 25) =
	 * 33554433; 33554433 >> 27 = 0, so the state is 33554433; the output is
	 * 33554433 * 2685821657736338717 mod 2^64 = 5180492295206395165.
	 */
	ec_rng_seed(&r, 1);
	assert_true(ec_rng_u64(&r) == UINT64_C(5180492295206395165));
	assert_true(r.state == UINT64_C(33554433));
}

static void test_rng_seed_repeats_and_zero(void **state)
{
	ec_rng a, b, z;
	int i, differ = 0;

	(void)state;
	ec_rng_seed(&a, 42);
	ec_rng_seed(&b, 42);
	for (i = 0; i < 100; i++)
		assert_true(ec_rng_u64(&a) == ec_rng_u64(&b));
	ec_rng_seed(&b, 43);
	for (i = 0; i < 100; i++)
		differ += ec_rng_u64(&a) != ec_rng_u64(&b);
	assert_true(differ > 90);
	ec_rng_seed(&z, 0);
	assert_true(z.state != 0);
	assert_true(ec_rng_u64(&z) != 0);
}

static void test_rng_uniform_range_and_mean(void **state)
{
	ec_rng r;
	double sum = 0;
	int i;

	(void)state;
	ec_rng_seed(&r, 5);
	for (i = 0; i < 20000; i++) {
		double u = ec_rng_uniform(&r);

		assert_true(u >= 0 && u < 1);
		sum += u;
	}
	/* Mean of U(0,1) is 1/2; standard error sqrt(1/12/20000) = 0.002. */
	assert_near(sum / 20000, 0.5, 0.01);
}

static void test_rng_below_covers_range(void **state)
{
	ec_rng r;
	int seen[7] = {0}, i;

	(void)state;
	ec_rng_seed(&r, 9);
	for (i = 0; i < 700; i++) {
		uint64_t v = ec_rng_below(&r, 7);

		assert_true(v < 7);
		seen[v]++;
	}
	for (i = 0; i < 7; i++)
		assert_true(seen[i] > 50); /* expected 100 each */
	assert_true(ec_rng_below(&r, 0) == 0);
}

static void test_rng_normal_moments(void **state)
{
	ec_rng r;
	double sum = 0, sq = 0;
	int i, n = 40000;

	(void)state;
	ec_rng_seed(&r, 3);
	for (i = 0; i < n; i++) {
		double v = ec_rng_normal(&r);

		sum += v;
		sq += v * v;
	}
	/* N(0,1): mean 0 (s.e. 0.005), variance 1 (s.e. about 0.007). */
	assert_near(sum / n, 0.0, 0.03);
	assert_near(sq / n - (sum / n) * (sum / n), 1.0, 0.04);
}

static void test_dataset_alloc_rejects_bad_sizes(void **state)
{
	ec_dataset ds;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_dataset_alloc(&ds, 3, 0, 2, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "data set: dimension is 0");
	assert_int_equal(ec_dataset_alloc(&ds, 3, 2, 0, &err), EC_ERR_INVALID);
	assert_int_equal(ec_dataset_alloc(&ds, SIZE_MAX, 2, 2, &err), EC_ERR_OVERFLOW);
	assert_null(ds.x);
	assert_int_equal(ec_dataset_alloc(&ds, 0, 2, 2, &err), EC_OK);
	assert_int_equal(ds.n, 0);
	ec_dataset_free(&ds);
	ec_dataset_free(&ds); /* freeing twice is safe */
}

static void test_dataset_check_bad_label_and_nan(void **state)
{
	ec_dataset ds;
	ec_error err;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 2, 1, 3, NULL), EC_OK);
	assert_int_equal(ec_dataset_check(&ds, &err), EC_OK);
	ds.y[1] = 5;
	assert_int_equal(ec_dataset_check(&ds, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "sample 1: label 5 is not below 3 classes");
	ds.y[1] = 2;
	ds.x[0] = NAN;
	assert_int_equal(ec_dataset_check(&ds, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "sample 0: feature 0 is not finite");
	ec_dataset_free(&ds);
}

static void test_dataset_blobs_sigma0_and_counts(void **state)
{
	static const double centers[2 * 2] = {1, 2, -3, 4};
	static const size_t counts[2] = {3, 1};
	ec_dataset ds;
	ec_rng r;
	ec_error err;
	size_t i;

	(void)state;
	ec_rng_seed(&r, 1);
	assert_int_equal(ec_dataset_blobs(&ds, 2, 2, centers, counts, 0, &r, &err), EC_OK);
	assert_int_equal(ds.n, 4);
	for (i = 0; i < 4; i++) {
		size_t c = i < 3 ? 0 : 1;

		assert_int_equal(ds.y[i], c);
		assert_true(ds.x[2 * i] == centers[2 * c] && ds.x[2 * i + 1] == centers[2 * c + 1]);
	}
	ec_dataset_free(&ds);
	assert_int_equal(ec_dataset_blobs(&ds, 2, 2, centers, counts, -1, &r, &err),
			 EC_ERR_INVALID);
	assert_int_equal(ec_dataset_blobs(&ds, 2, 2, centers, counts, NAN, &r, &err),
			 EC_ERR_INVALID);
}

static void test_dataset_split_is_a_partition(void **state)
{
	ec_dataset all, a, b;
	ec_rng r;
	ec_error err;
	int seen[10] = {0};
	size_t i;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&all, 10, 1, 2, NULL), EC_OK);
	for (i = 0; i < 10; i++) {
		all.x[i] = (double)i;
		all.y[i] = i % 2;
	}
	ec_rng_seed(&r, 4);
	assert_int_equal(ec_dataset_split(&all, 7, &r, &a, &b, &err), EC_OK);
	assert_int_equal(a.n, 7);
	assert_int_equal(b.n, 3);
	for (i = 0; i < 7; i++) {
		seen[(int)a.x[i]]++;
		assert_int_equal(a.y[i], (size_t)a.x[i] % 2); /* labels travel with rows */
	}
	for (i = 0; i < 3; i++)
		seen[(int)b.x[i]]++;
	for (i = 0; i < 10; i++)
		assert_int_equal(seen[i], 1);
	ec_dataset_free(&a);
	ec_dataset_free(&b);
	/* Without a generator the order is kept. */
	assert_int_equal(ec_dataset_split(&all, 4, NULL, &a, &b, &err), EC_OK);
	assert_true(a.x[3] == 3 && b.x[0] == 4);
	ec_dataset_free(&a);
	ec_dataset_free(&b);
	assert_int_equal(ec_dataset_split(&all, 11, NULL, &a, &b, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "split: 11 samples requested from a set of 10");
	ec_dataset_free(&all);
}

static void test_dataset_take_bad_index(void **state)
{
	ec_dataset all, out;
	ec_error err;
	size_t idx[2] = {0, 3};

	(void)state;
	assert_int_equal(ec_dataset_alloc(&all, 3, 1, 1, NULL), EC_OK);
	assert_int_equal(ec_dataset_take(&all, idx, 2, &out, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "take: index 3 is not below 3 samples");
	ec_dataset_free(&all);
}

static void test_feature_stats_hand(void **state)
{
	/* Feature 0: 1,2,3,4: mean 2.5, population variance (2.25+0.25+0.25+2.25)/4 = 1.25.
	 * Feature 1: 5,5,5,9: mean 6, variance (1+1+1+9)/4 = 3. */
	static const double x[4 * 2] = {1, 5, 2, 5, 3, 5, 4, 9};
	double mean[2], std[2];
	ec_error err;

	(void)state;
	assert_int_equal(ec_feature_stats(x, 4, 2, mean, std, &err), EC_OK);
	assert_near(mean[0], 2.5, 1e-15);
	assert_near(std[0], sqrt(1.25), 1e-15);
	assert_near(mean[1], 6, 1e-15);
	assert_near(std[1], sqrt(3.0), 1e-15);
	assert_int_equal(ec_feature_stats(x, 0, 2, mean, std, &err), EC_ERR_INVALID);
}

static void test_feature_normalize_result_and_zero_std(void **state)
{
	double x[3 * 2] = {1, 7, 2, 7, 6, 7};
	double mean[2], std[2], m2[2], s2[2];
	ec_error err;

	(void)state;
	ec_feature_stats(x, 3, 2, mean, std, NULL);
	assert_int_equal(ec_feature_normalize(x, 3, 2, mean, std, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "feature 1: standard deviation 0 is not positive");
	assert_true(x[0] == 1); /* nothing changed on failure */
	std[1] = 1;
	assert_int_equal(ec_feature_normalize(x, 3, 2, mean, std, &err), EC_OK);
	/* Mean 3, std sqrt(14/3): (1-3)/sqrt(14/3) for the first value. */
	assert_near(x[0], -2 / sqrt(14.0 / 3), 1e-15);
	ec_feature_stats(x, 3, 2, m2, s2, NULL);
	assert_near(m2[0], 0, 1e-15);
	assert_near(s2[0], 1, 1e-15);
}

static void test_image_flip_hand(void **state)
{
	/* 2 rows x 3 columns: 1 2 3 / 4 5 6. */
	static const double img[6] = {1, 2, 3, 4, 5, 6};
	static const double h[6] = {3, 2, 1, 6, 5, 4}, v[6] = {4, 5, 6, 1, 2, 3},
			    hv[6] = {6, 5, 4, 3, 2, 1};
	/* 3 rows x 1 column: a middle row stays put. */
	static const double col[3] = {1, 2, 3}, col_v[3] = {3, 2, 1};
	double out[6];

	(void)state;
	ec_image_flip(img, 2, 3, EC_FLIP_H, out);
	assert_memory_equal(out, h, sizeof(h));
	ec_image_flip(img, 2, 3, EC_FLIP_V, out);
	assert_memory_equal(out, v, sizeof(v));
	ec_image_flip(img, 2, 3, EC_FLIP_HV, out);
	assert_memory_equal(out, hv, sizeof(hv));
	ec_image_flip(col, 3, 1, EC_FLIP_V, out);
	assert_memory_equal(out, col_v, sizeof(col_v));
	ec_image_flip(col, 3, 1, EC_FLIP_H, out);
	assert_memory_equal(out, col, sizeof(col));
}

static void test_image_flip_twice_is_identity(void **state)
{
	static const ec_flip hows[3] = {EC_FLIP_H, EC_FLIP_V, EC_FLIP_HV};
	double img[EC_DIGIT_PIXELS], work[EC_DIGIT_PIXELS], hv[EC_DIGIT_PIXELS];
	int d, f;

	(void)state;
	for (d = 0; d < 10; d++) {
		assert_int_equal(ec_digit_image(d, img, NULL), EC_OK);
		for (f = 0; f < 3; f++) {
			memcpy(work, img, sizeof(img));
			ec_image_flip(work, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, hows[f], work);
			ec_image_flip(work, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, hows[f], work);
			assert_memory_equal(work, img, sizeof(img));
		}
		/* HV equals H followed by V. */
		ec_image_flip(img, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, work);
		ec_image_flip(work, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_V, work);
		ec_image_flip(img, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_HV, hv);
		assert_memory_equal(work, hv, sizeof(hv));
	}
}

static void test_dataset_flip_bad_shape(void **state)
{
	ec_dataset ds;
	ec_error err;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 1, 6, 1, NULL), EC_OK);
	assert_int_equal(ec_dataset_flip(&ds, 4, 2, EC_FLIP_H, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "flip: samples of 6 features are not 4x2 images");
	assert_int_equal(ec_dataset_flip(&ds, 0, 2, EC_FLIP_H, &err), EC_ERR_INVALID);
	assert_int_equal(ec_dataset_flip(&ds, 2, 3, EC_FLIP_H, &err), EC_OK);
	ec_dataset_free(&ds);
}

static double ink(const double *img)
{
	double s = 0;
	int i;

	for (i = 0; i < EC_DIGIT_PIXELS; i++)
		s += img[i];
	return s;
}

static void test_digit_image_shapes(void **state)
{
	double d[10][EC_DIGIT_PIXELS], f[EC_DIGIT_PIXELS];
	ec_error err;
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		assert_int_equal(ec_digit_image(i, d[i], &err), EC_OK);
	/* Hand counts of '#': 1 = 1+2+1+1+1+1+3 = 10; 8 = 3+2+2+3+2+2+3 = 17; 7 = 5+1+1+1+1+1+1 = 11. */
	assert_near(ink(d[1]), 10, 0);
	assert_near(ink(d[8]), 17, 0);
	assert_near(ink(d[7]), 11, 0);
	/* Designed symmetries: 0 and 8 both ways, 3 upside down, 6 turned = 9. */
	ec_image_flip(d[0], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, f);
	assert_memory_equal(f, d[0], sizeof(f));
	ec_image_flip(d[8], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_V, f);
	assert_memory_equal(f, d[8], sizeof(f));
	ec_image_flip(d[3], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_V, f);
	assert_memory_equal(f, d[3], sizeof(f));
	ec_image_flip(d[6], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_HV, f);
	assert_memory_equal(f, d[9], sizeof(f));
	ec_image_flip(d[2], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, f);
	assert_memory_not_equal(f, d[2], sizeof(f));
	assert_int_equal(ec_digit_image(10, f, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "digit 10 is not in 0..9");
	assert_int_equal(ec_digit_image(-1, f, &err), EC_ERR_RANGE);
}

static void test_dataset_digits_noise_free_and_bad(void **state)
{
	double glyph[EC_DIGIT_PIXELS];
	ec_dataset ds;
	ec_rng r;
	ec_error err;
	size_t i, p;

	(void)state;
	ec_rng_seed(&r, 1);
	assert_int_equal(ec_dataset_digits(&ds, 2, 200, 0, &r, &err), EC_OK);
	assert_int_equal(ds.n, 20);
	for (i = 0; i < ds.n; i++) {
		assert_int_equal(ds.y[i], i / 2);
		ec_digit_image((int)(i / 2), glyph, NULL);
		for (p = 0; p < EC_DIGIT_PIXELS; p++)
			assert_true(ds.x[i * EC_DIGIT_PIXELS + p] == 200 * glyph[p]);
	}
	ec_dataset_free(&ds);
	assert_int_equal(ec_dataset_digits(&ds, 5, 200, 500, &r, &err), EC_OK);
	for (i = 0; i < ds.n * ds.dim; i++)
		assert_true(ds.x[i] >= 0 && ds.x[i] <= 255 && ds.x[i] == floor(ds.x[i]));
	ec_dataset_free(&ds);
	assert_int_equal(ec_dataset_digits(&ds, 2, 300, 0, &r, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "digits: ink 300 is not in [0, 255]");
	assert_int_equal(ec_dataset_digits(&ds, 2, 100, -2, &r, &err), EC_ERR_INVALID);
	assert_int_equal(ec_dataset_digits(&ds, SIZE_MAX, 100, 1, &r, &err), EC_ERR_OVERFLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rng_u64_first_value),
		cmocka_unit_test(test_rng_seed_repeats_and_zero),
		cmocka_unit_test(test_rng_uniform_range_and_mean),
		cmocka_unit_test(test_rng_below_covers_range),
		cmocka_unit_test(test_rng_normal_moments),
		cmocka_unit_test(test_dataset_alloc_rejects_bad_sizes),
		cmocka_unit_test(test_dataset_check_bad_label_and_nan),
		cmocka_unit_test(test_dataset_blobs_sigma0_and_counts),
		cmocka_unit_test(test_dataset_split_is_a_partition),
		cmocka_unit_test(test_dataset_take_bad_index),
		cmocka_unit_test(test_feature_stats_hand),
		cmocka_unit_test(test_feature_normalize_result_and_zero_std),
		cmocka_unit_test(test_image_flip_hand),
		cmocka_unit_test(test_image_flip_twice_is_identity),
		cmocka_unit_test(test_dataset_flip_bad_shape),
		cmocka_unit_test(test_digit_image_shapes),
		cmocka_unit_test(test_dataset_digits_noise_free_and_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
