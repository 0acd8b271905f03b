#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_conv.h"

/*
 * Brute force: count the window positions t = 0, s, 2s, ... whose dilated
 * window [t, t + d (k - 1)] lies inside the padded input [0, in + 2p - 1].
 */
static uint64_t count_positions(uint64_t in, uint64_t k, uint64_t s, uint64_t p, uint64_t d)
{
	uint64_t t, n = 0;

	for (t = 0; t + d * (k - 1) <= in + 2 * p - 1; t += s)
		n++;
	return n;
}

static void test_conv_output_size_same_padding(void **state)
{
	ec_window w = {5, 1, 2, 1};
	uint64_t out = 0;

	(void)state;
	/* (64 + 2*2 - 5) / 1 + 1 = 64 */
	assert_int_equal(ec_conv_output_size(64, &w, &out, NULL), EC_OK);
	assert_true(out == 64);
}

static void test_conv_output_size_stride2_floors(void **state)
{
	ec_window w = {3, 2, 1, 1};
	uint64_t out = 0;

	(void)state;
	/* (16 + 2 - 3) / 2 = 7.5 -> 7, + 1 = 8 */
	assert_int_equal(ec_conv_output_size(16, &w, &out, NULL), EC_OK);
	assert_true(out == 8);
	/* (2 + 2 - 3) / 2 = 0.5 -> 0, + 1 = 1 */
	assert_int_equal(ec_conv_output_size(2, &w, &out, NULL), EC_OK);
	assert_true(out == 1);
}

static void test_conv_output_size_dilation(void **state)
{
	ec_window w = {3, 1, 0, 2};
	uint64_t out = 0;

	(void)state;
	/* dilated span 2*(3-1)+1 = 5 taps wide: positions 0..5 in 10 -> 6 */
	assert_int_equal(ec_conv_output_size(10, &w, &out, NULL), EC_OK);
	assert_true(out == 6);
}

static void test_conv_output_size_matches_brute_force(void **state)
{
	uint64_t in, k, s, p, d, out;
	int checked = 0;

	(void)state;
	for (in = 1; in <= 9; in++)
		for (k = 1; k <= 4; k++)
			for (s = 1; s <= 3; s++)
				for (p = 0; p <= 2; p++)
					for (d = 1; d <= 2; d++) {
						ec_window w = {k, s, p, d};
						ec_status st = ec_conv_output_size(in, &w, &out, NULL);

						if (d * (k - 1) + 1 > in + 2 * p) {
							assert_int_equal(st, EC_ERR_RANGE);
							continue;
						}
						assert_int_equal(st, EC_OK);
						assert_true(out == count_positions(in, k, s, p, d));
						checked++;
					}
	assert_true(checked > 500);
}

static void test_conv_output_size_rejects_zeros(void **state)
{
	ec_window w = {0, 1, 0, 1};
	uint64_t out = 99;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_conv_output_size(8, &w, &out, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "kernel size 0 is not positive");
	w.kernel = 3;
	w.stride = 0;
	assert_int_equal(ec_conv_output_size(8, &w, &out, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "stride 0 is not positive");
	w.stride = 1;
	w.dilation = 0;
	assert_int_equal(ec_conv_output_size(8, &w, &out, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "dilation 0 is not positive");
	w.dilation = 1;
	assert_int_equal(ec_conv_output_size(0, &w, &out, &err), EC_ERR_INVALID);
	assert_true(out == 99);
}

static void test_conv_output_size_window_too_large(void **state)
{
	ec_window pool = {2, 2, 0, 1}, conv = {7, 1, 1, 1};
	uint64_t out = 99;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_conv_output_size(1, &pool, &out, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "window 2 is larger than input 1");
	/* 4 + 2*1 = 6 < 7 */
	assert_int_equal(ec_conv_output_size(4, &conv, &out, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "window 7 is larger than padded input 6");
	assert_true(out == 99);
}

static void test_conv_output_size_overflow(void **state)
{
	ec_window pad = {3, 1, UINT64_MAX / 2 + 1, 1}, dil = {3, 1, 0, UINT64_MAX};
	uint64_t out;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_conv_output_size(8, &pad, &out, &err), EC_ERR_OVERFLOW);
	assert_int_equal(ec_conv_output_size(8, &dil, &out, &err), EC_ERR_OVERFLOW);
	assert_int_equal(err.status, EC_ERR_OVERFLOW);
}

static void test_conv_output_shape_3d(void **state)
{
	uint64_t in[3] = {2, 16, 16}, out[3];
	ec_window w[3] = {{3, 2, 1, 1}, {3, 2, 1, 1}, {3, 2, 1, 1}};

	(void)state;
	/* T: (2+2-3)/2+1 = 1; H, W: (16+2-3)/2+1 = 8 */
	assert_int_equal(ec_conv_output_shape(3, in, w, out, NULL), EC_OK);
	assert_true(out[0] == 1 && out[1] == 8 && out[2] == 8);
	assert_int_equal(ec_conv_output_shape(0, in, w, out, NULL), EC_ERR_INVALID);
	assert_int_equal(ec_conv_output_shape(4, in, w, out, NULL), EC_ERR_INVALID);
}

static void test_conv_weight_count_3d(void **state)
{
	uint64_t k[3] = {5, 5, 5}, n = 0;

	(void)state;
	/* 16 filters x 3 channels x 125 taps = 6000 */
	assert_int_equal(ec_conv_weight_count(3, 16, 3, k, &n, NULL), EC_OK);
	assert_true(n == 6000);
	assert_true(ec_conv_bias_count(16) == 16);
}

static void test_conv_weight_count_overflow(void **state)
{
	uint64_t k[2] = {3, 3}, n = 7;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	/* 2^32 * 2^32 = 2^64 does not fit */
	assert_int_equal(ec_conv_weight_count(UINT64_C(1) << 32, UINT64_C(1) << 32, 2, k, &n, &err),
			 EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "weight count does not fit in 64 bits");
	assert_true(n == 7);
	assert_int_equal(ec_conv_weight_count(1, 1, 0, k, &n, NULL), EC_ERR_INVALID);
}

static void test_fc_weight_count_values(void **state)
{
	uint64_t n = 0;

	(void)state;
	/* 32*1*8*8 = 2048 inputs x 256 neurons = 524288 */
	assert_int_equal(ec_fc_weight_count(2048, 256, &n, NULL), EC_OK);
	assert_true(n == 524288);
	assert_true(ec_fc_bias_count(256) == 256);
	assert_int_equal(ec_fc_weight_count(UINT64_MAX, 2, &n, NULL), EC_ERR_OVERFLOW);
}

static void test_bn_param_count_gamma_beta(void **state)
{
	uint64_t learned = 0, running = 0;

	(void)state;
	/* one gamma and one beta per channel; one mean and one variance */
	assert_int_equal(ec_bn_param_count(16, &learned, &running, NULL), EC_OK);
	assert_true(learned == 32 && running == 32);
	assert_int_equal(ec_bn_param_count(32, &learned, NULL, NULL), EC_OK);
	assert_true(learned == 64);
	assert_int_equal(ec_bn_param_count(UINT64_MAX, &learned, NULL, NULL), EC_ERR_OVERFLOW);
}

static void test_pool_param_count_zero(void **state)
{
	uint64_t w[2] = {2, 2};

	(void)state;
	assert_true(ec_pool_param_count(2, w) == 0);
}

/* Brute force: walk every output element and every tap, counting one multiplication each. */
static uint64_t brute_macs(uint64_t c_in, uint64_t c_out, uint64_t h, uint64_t w, uint64_t k,
			   uint64_t p, uint64_t s)
{
	uint64_t n = 0, o, c, i, j, a, b;
	uint64_t oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;

	for (o = 0; o < c_out; o++)
		for (i = 0; i < oh; i++)
			for (j = 0; j < ow; j++)
				for (c = 0; c < c_in; c++)
					for (a = 0; a < k; a++)
						for (b = 0; b < k; b++)
							n++;
	return n;
}

static void test_conv_macs_exam_rows(void **state)
{
	uint64_t k2[2] = {3, 3}, out2[2] = {64, 64}, k5[2] = {5, 5};
	uint64_t k3[3] = {5, 5, 5}, out3[3] = {8, 64, 64}, macs = 0;

	(void)state;
	/* 16x64x64 outputs x 3x3x3 taps = 65536 x 27 = 1769472 */
	assert_int_equal(ec_conv_macs(3, 16, 2, k2, out2, &macs, NULL), EC_OK);
	assert_true(macs == 1769472);
	assert_true(macs == brute_macs(3, 16, 64, 64, 3, 1, 1));
	/* 32x64x64 x 3x5x5 = 131072 x 75 = 9830400 */
	assert_int_equal(ec_conv_macs(3, 32, 2, k5, out2, &macs, NULL), EC_OK);
	assert_true(macs == 9830400);
	/* 32x8x64x64 x 3x5x5x5 = 1048576 x 375 = 393216000 */
	assert_int_equal(ec_conv_macs(3, 32, 3, k3, out3, &macs, NULL), EC_OK);
	assert_true(macs == 393216000);
}

static void test_conv_macs_strided_brute_force(void **state)
{
	uint64_t k[2] = {3, 3}, out[2], in[2] = {9, 7}, macs;
	ec_window w[2] = {{3, 2, 1, 1}, {3, 2, 1, 1}};

	(void)state;
	assert_int_equal(ec_conv_output_shape(2, in, w, out, NULL), EC_OK);
	assert_int_equal(ec_conv_macs(4, 5, 2, k, out, &macs, NULL), EC_OK);
	assert_true(macs == brute_macs(4, 5, 9, 7, 3, 1, 2));
}

static void test_conv_macs_overflow(void **state)
{
	uint64_t k[2] = {3, 3}, out[2] = {64, 64}, macs = 5;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	/* 10^12 x 10^12 channels: the weights alone exceed 2^64 */
	assert_int_equal(ec_conv_macs(UINT64_C(1000000000000), UINT64_C(1000000000000), 2, k, out,
				      &macs, &err),
			 EC_ERR_OVERFLOW);
	/* weights 3 x 10^12 x 9 = 2.7e13 fit; x 10^12 positions = 2.7e25 > 1.8e19 */
	out[0] = out[1] = UINT64_C(1000000);
	assert_int_equal(ec_conv_macs(3, UINT64_C(1000000000000), 2, k, out, &macs, &err),
			 EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "multiplication count does not fit in 64 bits");
	assert_true(macs == 5);
}

static void test_fc_macs_and_flops(void **state)
{
	uint64_t macs = 0, flops = 0;

	(void)state;
	assert_int_equal(ec_fc_macs(256, 10, &macs, NULL), EC_OK);
	assert_true(macs == 2560);
	assert_int_equal(ec_flops_from_macs(macs, &flops, NULL), EC_OK);
	assert_true(flops == 5120);
	assert_int_equal(ec_flops_from_macs(UINT64_MAX / 2 + 1, &flops, NULL), EC_ERR_OVERFLOW);
	assert_int_equal(ec_fc_macs(UINT64_MAX, 3, &macs, NULL), EC_ERR_OVERFLOW);
}

static void test_u64_product_values(void **state)
{
	uint64_t v[4] = {16, 8, 64, 64}, big[2] = {UINT64_MAX, 2}, p = 0;

	(void)state;
	assert_int_equal(ec_u64_product(4, v, &p, NULL), EC_OK);
	assert_true(p == 524288); /* 2^4 * 2^3 * 2^6 * 2^6 = 2^19 */
	assert_int_equal(ec_u64_product(0, v, &p, NULL), EC_OK);
	assert_true(p == 1);
	assert_int_equal(ec_u64_product(2, big, &p, NULL), EC_ERR_OVERFLOW);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conv_output_size_same_padding),
		cmocka_unit_test(test_conv_output_size_stride2_floors),
		cmocka_unit_test(test_conv_output_size_dilation),
		cmocka_unit_test(test_conv_output_size_matches_brute_force),
		cmocka_unit_test(test_conv_output_size_rejects_zeros),
		cmocka_unit_test(test_conv_output_size_window_too_large),
		cmocka_unit_test(test_conv_output_size_overflow),
		cmocka_unit_test(test_conv_output_shape_3d),
		cmocka_unit_test(test_conv_weight_count_3d),
		cmocka_unit_test(test_conv_weight_count_overflow),
		cmocka_unit_test(test_fc_weight_count_values),
		cmocka_unit_test(test_bn_param_count_gamma_beta),
		cmocka_unit_test(test_pool_param_count_zero),
		cmocka_unit_test(test_conv_macs_exam_rows),
		cmocka_unit_test(test_conv_macs_strided_brute_force),
		cmocka_unit_test(test_conv_macs_overflow),
		cmocka_unit_test(test_fc_macs_and_flops),
		cmocka_unit_test(test_u64_product_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
