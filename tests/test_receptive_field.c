#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_rf.h"

/*
 * Independent check: propagate the set of indices that output 0 of the last
 * layer touches back through the layers, tap by tap. Output o of a layer
 * (k, s, p, d) reads input o*s - p + t*d for t = 0..k-1 (negative = padding,
 * still counted in the field as in the usual definition). Returns the span
 * max - min + 1 and the minimum.
 */
static void brute_rf(const ec_window *w, size_t n, uint64_t *size, int64_t *first)
{
	static char cur[4096], next[4096];
	const int64_t off = 2048;
	int64_t i, lo = 0, hi = 0;
	size_t l;
	uint64_t t;

	memset(cur, 0, sizeof(cur));
	cur[off] = 1;
	for (l = n; l-- > 0;) {
		memset(next, 0, sizeof(next));
		for (i = 0; i < (int64_t)sizeof(cur); i++) {
			if (!cur[i])
				continue;
			for (t = 0; t < w[l].kernel; t++) {
				int64_t in = (i - off) * (int64_t)w[l].stride - (int64_t)w[l].pad +
					     (int64_t)(t * w[l].dilation);

				next[in + off] = 1;
			}
		}
		memcpy(cur, next, sizeof(cur));
	}
	for (i = 0; i < (int64_t)sizeof(cur); i++)
		if (cur[i]) {
			lo = i - off;
			break;
		}
	for (i = (int64_t)sizeof(cur) - 1; i >= 0; i--)
		if (cur[i]) {
			hi = i - off;
			break;
		}
	*size = (uint64_t)(hi - lo + 1);
	*first = lo;
}

static void test_rf_step_single_conv(void **state)
{
	ec_rf id = ec_rf_identity(), out;
	ec_window w = {3, 1, 0, 1};

	(void)state;
	assert_true(id.size == 1 && id.jump == 1 && id.first == 0);
	assert_int_equal(ec_rf_step(&id, &w, &out, NULL), EC_OK);
	assert_true(out.size == 3 && out.jump == 1 && out.first == 0);
}

static void test_rf_compute_exam_q2_8(void **state)
{
	/* conv3 s1, conv3 s2, conv3 s2, conv3 s1, pool2 s2 */
	ec_window w[5] = {{3, 1, 0, 1}, {3, 2, 0, 1}, {3, 2, 0, 1}, {3, 1, 0, 1}, {2, 2, 0, 1}};
	/*
	 * By hand: rf 1 -> 1+2*1 = 3 (jump 1) -> 3+2*1 = 5 (jump 2)
	 * -> 5+2*2 = 9 (jump 4) -> 9+2*4 = 17 (jump 4) -> 17+1*4 = 21 (jump 8).
	 */
	const uint64_t size[5] = {3, 5, 9, 17, 21}, jump[5] = {1, 2, 4, 4, 8};
	ec_rf rf[5];
	size_t i;

	(void)state;
	assert_int_equal(ec_rf_compute(w, 5, rf, NULL), EC_OK);
	for (i = 0; i < 5; i++) {
		assert_true(rf[i].size == size[i]);
		assert_true(rf[i].jump == jump[i]);
		assert_true(rf[i].first == 0);
	}
}

static void test_rf_compute_matches_brute_force(void **state)
{
	ec_window w[4];
	ec_rf rf[4];
	uint64_t state64 = 12345, size;
	int64_t first;
	int trial;
	size_t n, i;

	(void)state;
	for (trial = 0; trial < 200; trial++) {
		n = 1 + (size_t)(trial % 4);
		for (i = 0; i < n; i++) {
			state64 ^= state64 << 13;
			state64 ^= state64 >> 7;
			state64 ^= state64 << 17;
			w[i].kernel = 1 + state64 % 4;
			w[i].stride = 1 + (state64 >> 8) % 3;
			w[i].pad = (state64 >> 16) % 3;
			w[i].dilation = 1 + (state64 >> 24) % 2;
		}
		assert_int_equal(ec_rf_compute(w, n, rf, NULL), EC_OK);
		brute_rf(w, n, &size, &first);
		assert_true(rf[n - 1].size == size);
		assert_true(rf[n - 1].first == first);
	}
}

static void test_rf_step_dilation(void **state)
{
	ec_rf id = ec_rf_identity(), a, b;
	ec_window d2 = {3, 1, 0, 2}, s2 = {3, 2, 0, 1};

	(void)state;
	/* dilation 2 spreads 3 taps over 5 pixels */
	assert_int_equal(ec_rf_step(&id, &d2, &a, NULL), EC_OK);
	assert_true(a.size == 5);
	/* after a stride-2 layer the dilated taps are 2*2 = 4 input pixels apart: 3 + 2*2*2 = 11 */
	assert_int_equal(ec_rf_step(&id, &s2, &a, NULL), EC_OK);
	assert_int_equal(ec_rf_step(&a, &d2, &b, NULL), EC_OK);
	assert_true(b.size == 11 && b.jump == 2);
}

static void test_rf_start2_centres(void **state)
{
	ec_rf id = ec_rf_identity(), a, b;
	ec_window p1 = {3, 1, 1, 1}, pool = {2, 2, 0, 1};
	int64_t twice = 99;

	(void)state;
	/* conv3 p1: output 0 sees pixels -1..1, centre 0 */
	assert_int_equal(ec_rf_step(&id, &p1, &a, NULL), EC_OK);
	assert_true(a.first == -1);
	assert_int_equal(ec_rf_start2(&a, &twice, NULL), EC_OK);
	assert_true(twice == 0);
	/* then pool2: pixels -1..2, centre 0.5 */
	assert_int_equal(ec_rf_step(&a, &pool, &b, NULL), EC_OK);
	assert_int_equal(ec_rf_start2(&b, &twice, NULL), EC_OK);
	assert_true(twice == 1);
	b.first = INT64_MIN;
	assert_int_equal(ec_rf_start2(&b, &twice, NULL), EC_ERR_OVERFLOW);
}

static void test_rf_step_errors(void **state)
{
	ec_rf id = ec_rf_identity(), out, big = {1, UINT64_MAX / 2, 0};
	ec_window zero = {0, 1, 0, 1}, s0 = {3, 0, 0, 1}, w = {3, 4, 0, 1};
	ec_window pad = {3, 1, UINT64_MAX / 4, 1};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_rf_step(&id, &zero, &out, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "kernel size 0 is not positive");
	assert_int_equal(ec_rf_step(&id, &s0, &out, &err), EC_ERR_INVALID);
	assert_int_equal(ec_rf_step(&big, &w, &out, &err), EC_ERR_OVERFLOW);
	big.jump = 4;
	assert_int_equal(ec_rf_step(&big, &pad, &out, &err), EC_ERR_OVERFLOW);
	assert_int_equal(err.status, EC_ERR_OVERFLOW);
}

static void test_rf_area_values(void **state)
{
	uint64_t s2[2] = {17, 17}, huge[2] = {UINT64_C(1) << 32, UINT64_C(1) << 32}, area = 0;

	(void)state;
	assert_int_equal(ec_rf_area(2, s2, &area, NULL), EC_OK);
	assert_true(area == 289);
	assert_int_equal(ec_rf_area(2, huge, &area, NULL), EC_ERR_OVERFLOW);
}

static void test_fc_as_conv_exam_q2_7(void **state)
{
	uint64_t in[2] = {8, 8}, one[2] = {1, 1};
	ec_fc_conv c;

	(void)state;
	assert_int_equal(ec_fc_as_conv(2, in, 1024, 4096, &c, NULL), EC_OK);
	assert_true(c.kernel[0] == 8 && c.kernel[1] == 8);
	assert_true(c.depth == 1024 && c.filters == 4096);
	/* 2^3 * 2^3 * 2^10 * 2^12 = 2^28, the FC layer's 65536 x 4096 weights */
	assert_true(c.weights == (UINT64_C(1) << 28));
	assert_int_equal(ec_fc_as_conv(2, one, 4096, 200, &c, NULL), EC_OK);
	assert_true(c.kernel[0] == 1 && c.kernel[1] == 1 && c.weights == 819200);
}

static void test_fc_as_conv_errors(void **state)
{
	uint64_t in[2] = {8, 8}, zero[2] = {0, 8}, huge[2] = {UINT64_C(1) << 32, UINT64_C(1) << 32};
	ec_fc_conv c;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_fc_as_conv(0, in, 1, 1, &c, &err), EC_ERR_INVALID);
	assert_int_equal(ec_fc_as_conv(2, in, 0, 1, &c, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "channel count 0 is not positive");
	assert_int_equal(ec_fc_as_conv(2, zero, 1, 1, &c, &err), EC_ERR_INVALID);
	assert_int_equal(ec_fc_as_conv(2, huge, 1, 1, &c, &err), EC_ERR_OVERFLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rf_step_single_conv),
		cmocka_unit_test(test_rf_compute_exam_q2_8),
		cmocka_unit_test(test_rf_compute_matches_brute_force),
		cmocka_unit_test(test_rf_step_dilation),
		cmocka_unit_test(test_rf_start2_centres),
		cmocka_unit_test(test_rf_step_errors),
		cmocka_unit_test(test_rf_area_values),
		cmocka_unit_test(test_fc_as_conv_exam_q2_7),
		cmocka_unit_test(test_fc_as_conv_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
