#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_layers.h"

static const char exam_net[] = "INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; "
			       "POOL2; CONV3-32-p1-s2; FC-256; FC-10";

/* Parse and walk `spec`, expecting failure with `status` and message `msg`. */
static void expect_walk_error(const char *spec, ec_status status, const char *msg)
{
	ec_layer_list list;
	ec_layer_stats stats[8];
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_layers_parse(spec, &list, &err), EC_OK);
	assert_true(list.count <= 8);
	assert_int_equal(ec_layers_walk(&list, stats, &err), status);
	assert_string_equal(err.msg, msg);
	ec_layers_free(&list);
}

static void expect_parse_error(const char *spec, ec_status status, const char *msg)
{
	ec_layer_list list = {NULL, 0};
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_layers_parse(spec, &list, &err), status);
	assert_string_equal(err.msg, msg);
	assert_null(list.layers);
}

static void test_layers_parse_exam_notation(void **state)
{
	ec_layer_list list;
	const ec_layer *l;

	(void)state;
	assert_int_equal(ec_layers_parse(exam_net, &list, NULL), EC_OK);
	assert_int_equal(list.count, 8);
	l = list.layers;
	assert_int_equal(l[0].type, EC_LAYER_INPUT);
	assert_string_equal(l[0].name, "INPUT 3x8x64x64");
	assert_int_equal(l[0].rank, 4);
	assert_true(l[0].dims[0] == 3 && l[0].dims[1] == 8 && l[0].dims[3] == 64);
	assert_int_equal(l[1].type, EC_LAYER_CONV);
	assert_string_equal(l[1].name, "CONV5-16-p2-s1");
	assert_true(l[1].window.kernel == 5 && l[1].count == 16 && l[1].window.pad == 2 &&
		    l[1].window.stride == 1 && l[1].window.dilation == 1);
	assert_int_equal(l[2].type, EC_LAYER_POOL);
	assert_true(l[2].window.kernel == 2 && l[2].window.stride == 2 && l[2].window.pad == 0);
	assert_true(l[5].window.stride == 2 && l[5].count == 32);
	assert_int_equal(l[6].type, EC_LAYER_FC);
	assert_true(l[6].count == 256 && l[7].count == 10);
	ec_layers_free(&list);
	assert_null(list.layers);
}

static void test_layers_parse_short_forms(void **state)
{
	ec_layer_list list;
	const ec_layer *l;

	(void)state;
	assert_int_equal(ec_layers_parse("input-3x64x64, conv3s2 Conv3-16p1d2;pool3s1p1 fc256",
					 &list, NULL),
			 EC_OK);
	assert_int_equal(list.count, 5);
	l = list.layers;
	assert_int_equal(l[0].rank, 3);
	assert_true(l[1].window.kernel == 3 && l[1].window.stride == 2 && l[1].count == 0 &&
		    l[1].window.pad == 0);
	assert_true(l[2].count == 16 && l[2].window.pad == 1 && l[2].window.dilation == 2 &&
		    l[2].window.stride == 1);
	assert_true(l[3].window.kernel == 3 && l[3].window.stride == 1 && l[3].window.pad == 1);
	assert_true(l[4].type == EC_LAYER_FC && l[4].count == 256);
	ec_layers_free(&list);
}

static void test_layers_parse_errors(void **state)
{
	(void)state;
	expect_parse_error("INPUT 3x64x64; CONV0-16", EC_ERR_INVALID,
			   "layer 2 ('CONV0-16'): kernel size 0 is not positive");
	expect_parse_error("hello", EC_ERR_PARSE,
			   "layer 1 ('hello'): unknown layer (expected INPUT, CONV, POOL or FC)");
	expect_parse_error(" ;, ", EC_ERR_PARSE, "empty layer list");
	expect_parse_error("INPUT 3x64x64; CONV3-18446744073709551616", EC_ERR_OVERFLOW,
			   "layer 2 ('CONV3-18446744073709551616'): a number does not fit in 64 bits");
	expect_parse_error("INPUT 3x64x64; POOL2-16", EC_ERR_PARSE,
			   "layer 2 ('POOL2-16'): a pooling layer takes no filter count");
	expect_parse_error("FC", EC_ERR_PARSE, "layer 1 ('FC'): expected a neuron count such as FC-256");
	expect_parse_error("FC-0", EC_ERR_INVALID, "layer 1 ('FC-0'): neuron count 0 is not positive");
	expect_parse_error("conv3s2s1", EC_ERR_PARSE, "layer 1 ('conv3s2s1'): stride given twice");
	expect_parse_error("conv3-16-", EC_ERR_PARSE, "layer 1 ('conv3-16-'): expected a number at the end");
	expect_parse_error("conv3-16-x", EC_ERR_PARSE,
			   "layer 1 ('conv3-16-x'): unexpected 'x' (expected -N, pN, sN or dN)");
	expect_parse_error("conv3s0", EC_ERR_INVALID, "layer 1 ('conv3s0'): stride 0 is not positive");
	expect_parse_error("conv", EC_ERR_PARSE, "layer 1 ('conv'): expected a kernel size after 'conv'");
	expect_parse_error("INPUT 3", EC_ERR_PARSE,
			   "layer 1 ('INPUT 3'): a shape has channels and 1 to 3 spatial sizes, e.g. 3x64x64");
	expect_parse_error("INPUT 3x0x4", EC_ERR_INVALID, "layer 1 ('INPUT 3x0x4'): size 0 is not positive");
	expect_parse_error("INPUT 3x4x4x4x4", EC_ERR_PARSE,
			   "layer 1 ('INPUT 3x4x4x4x4'): a shape has channels and 1 to 3 spatial sizes");
}

static void test_layers_parse_long_name_shortened(void **state)
{
	char spec[128];
	ec_error err;
	ec_layer_list list;

	(void)state;
	memset(spec, 'z', sizeof(spec) - 1);
	spec[sizeof(spec) - 1] = '\0';
	ec_error_clear(&err);
	assert_int_equal(ec_layers_parse(spec, &list, &err), EC_ERR_PARSE);
	assert_non_null(strstr(err.msg, "...'): unknown layer"));
}

/*
 * The Q3.2 table by hand (C x T x H x W; window n -> floor((n + 2p - k)/s) + 1):
 *   CONV5-16-p2-s1  16x8x64x64   w 16*3*125 = 6000     b 16  bn 32
 *                   macs 16*8*64*64 * 3*125 = 524288 * 375 = 196608000
 *   POOL2           16x4x32x32   0, 0
 *   CONV3-16-p1-s1  16x4x32x32   w 16*16*27 = 6912     b 16  bn 32
 *                   macs 65536 * 432 = 28311552
 *   POOL2           16x2x16x16
 *   CONV3-32-p1-s2  32x1x8x8     T (2+2-3)/2+1 = 1, H (16+2-3)/2+1 = 8
 *                   w 32*16*27 = 13824  b 32  bn 64   macs 2048 * 432 = 884736
 *   FC-256          256          w 2048*256 = 524288  b 256   macs 524288
 *   FC-10           10           w 2560  b 10   macs 2560
 */
static void test_layers_walk_exam_q3_2(void **state)
{
	static const uint64_t dims[8][4] = {
		{3, 8, 64, 64}, {16, 8, 64, 64}, {16, 4, 32, 32}, {16, 4, 32, 32},
		{16, 2, 16, 16}, {32, 1, 8, 8}, {256, 0, 0, 0}, {10, 0, 0, 0},
	};
	static const size_t rank[8] = {4, 4, 4, 4, 4, 4, 1, 1};
	static const uint64_t weights[8] = {0, 6000, 0, 6912, 0, 13824, 524288, 2560};
	static const uint64_t biases[8] = {0, 16, 0, 16, 0, 32, 256, 10};
	static const uint64_t bn[8] = {0, 32, 0, 32, 0, 64, 0, 0};
	static const uint64_t macs[8] = {0, 196608000, 0, 28311552, 0, 884736, 524288, 2560};
	ec_layer_list list;
	ec_layer_stats s[8], total;
	size_t i, k;

	(void)state;
	assert_int_equal(ec_layers_parse(exam_net, &list, NULL), EC_OK);
	assert_int_equal(ec_layers_walk(&list, s, NULL), EC_OK);
	for (i = 0; i < 8; i++) {
		assert_int_equal(s[i].rank, rank[i]);
		for (k = 0; k < rank[i]; k++)
			assert_true(s[i].dims[k] == dims[i][k]);
		assert_true(s[i].weights == weights[i]);
		assert_true(s[i].biases == biases[i]);
		assert_true(s[i].bn_params == bn[i]);
		assert_true(s[i].macs == macs[i]);
		assert_true(s[i].flops == 2 * macs[i]);
	}
	assert_true(s[5].elements == 2048);
	assert_int_equal(ec_layers_totals(s, 8, &total, NULL), EC_OK);
	/* 6000 + 6912 + 13824 + 524288 + 2560 = 553584; 16+16+32+256+10 = 330 */
	assert_true(total.weights == 553584 && total.biases == 330 && total.bn_params == 128);
	ec_layers_free(&list);
}

static void test_layers_walk_errors(void **state)
{
	(void)state;
	expect_walk_error("INPUT 3x1x1; POOL2", EC_ERR_RANGE,
			  "layer 2 ('POOL2'): pooling window 2 is larger than input 1");
	expect_walk_error("INPUT 3x4x4; CONV7-8-p1", EC_ERR_RANGE,
			  "layer 2 ('CONV7-8-p1'): convolution window 7 is larger than padded input 6");
	expect_walk_error("CONV3-16", EC_ERR_INVALID,
			  "layer 1 ('CONV3-16'): the list must start with INPUT, e.g. 'INPUT 3x64x64'");
	expect_walk_error("INPUT 3x8x8 INPUT 3x8x8", EC_ERR_INVALID,
			  "layer 2 ('INPUT 3x8x8'): INPUT may only come first");
	expect_walk_error("INPUT 3x8x8 conv3", EC_ERR_INVALID,
			  "layer 2 ('conv3'): a convolution needs a filter count, e.g. CONV3-16");
	expect_walk_error("INPUT 3x8x8 FC-10 POOL2", EC_ERR_INVALID,
			  "layer 3 ('POOL2'): pooling needs a spatial input, but layer 2 is fully connected");
	/* 10^12 x 10^12 x 9 weights: far beyond 2^64 */
	expect_walk_error("INPUT 3x64x64; CONV3-1000000000000-p1; CONV3-1000000000000-p1",
			  EC_ERR_OVERFLOW, "layer 3 ('CONV3-1000000000000-p1'): weight count does "
					   "not fit in 64 bits");
	/* (2^64 - 1) x 2 activations */
	expect_walk_error("INPUT 18446744073709551615x2", EC_ERR_OVERFLOW,
			  "layer 1 ('INPUT 18446744073709551615x2'): activation size does not fit "
			  "in 64 bits");
}

static void test_layers_walk_2d_and_1d(void **state)
{
	ec_layer_list list;
	ec_layer_stats s[3];

	(void)state;
	/* 2D: (32 + 0 - 5)/1 + 1 = 28; 6*1*25 = 150 weights; 6*28*28*25 = 117600 macs */
	assert_int_equal(ec_layers_parse("INPUT 1x32x32 CONV5-6 POOL2", &list, NULL), EC_OK);
	assert_int_equal(ec_layers_walk(&list, s, NULL), EC_OK);
	assert_true(s[1].dims[1] == 28 && s[1].weights == 150 && s[1].macs == 117600);
	assert_true(s[2].dims[0] == 6 && s[2].dims[1] == 14 && s[2].dims[2] == 14);
	ec_layers_free(&list);
	/* 1D: (100 - 3)/2 + 1 = 49; 4*2*3 = 24 weights */
	assert_int_equal(ec_layers_parse("INPUT 2x100 conv3-4-s2", &list, NULL), EC_OK);
	assert_int_equal(ec_layers_walk(&list, s, NULL), EC_OK);
	assert_true(s[1].rank == 2 && s[1].dims[1] == 49 && s[1].weights == 24);
	ec_layers_free(&list);
}

static void test_layers_totals_overflow(void **state)
{
	ec_layer_stats s[2], total;

	(void)state;
	memset(s, 0, sizeof(s));
	s[0].macs = UINT64_MAX;
	s[1].macs = 1;
	assert_int_equal(ec_layers_totals(s, 2, &total, NULL), EC_ERR_OVERFLOW);
}

static void test_layers_rf_exam_q2_8(void **state)
{
	static const uint64_t size[5] = {3, 5, 9, 17, 21}; /* see test_receptive_field.c */
	ec_layer_list list;
	ec_layer_rf rf[5];
	size_t i;

	(void)state;
	assert_int_equal(ec_layers_parse("conv3s1 conv3s2 conv3s2 conv3s1 pool2s2", &list, NULL),
			 EC_OK);
	assert_int_equal(ec_layers_rf(&list, rf, NULL), EC_OK);
	for (i = 0; i < 5; i++) {
		assert_int_equal(rf[i].nspatial, 2);
		assert_true(rf[i].rf[0].size == size[i] && rf[i].rf[1].size == size[i]);
	}
	ec_layers_free(&list);
}

static void test_layers_rf_fc_uses_input_size(void **state)
{
	ec_layer_list list;
	ec_layer_rf rf[4];
	ec_error err;

	(void)state;
	/*
	 * 8x8 input, conv3 (rf 3, jump 1, output 6x6), FC: F = 6, rf 3 + 5 = 8,
	 * the whole input; a second FC has F = 1.
	 */
	assert_int_equal(ec_layers_parse("INPUT 1x8x8 conv3 fc10 fc2", &list, NULL), EC_OK);
	assert_int_equal(ec_layers_rf(&list, rf, NULL), EC_OK);
	assert_true(rf[0].rf[0].size == 1);
	assert_true(rf[2].window[0].kernel == 6 && rf[2].rf[0].size == 8);
	assert_true(rf[3].window[0].kernel == 1 && rf[3].rf[1].size == 8);
	ec_layers_free(&list);
	ec_error_clear(&err);
	assert_int_equal(ec_layers_parse("conv3 fc10", &list, NULL), EC_OK);
	assert_int_equal(ec_layers_rf(&list, rf, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "layer 2 ('fc10'): the filter size of an FC layer is the size "
				     "of its input: start the list with INPUT");
	ec_layers_free(&list);
	assert_int_equal(ec_layers_parse("INPUT 1x1x1 pool2", &list, NULL), EC_OK);
	assert_int_equal(ec_layers_rf(&list, rf, &err), EC_ERR_RANGE);
	ec_layers_free(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layers_parse_exam_notation),
		cmocka_unit_test(test_layers_parse_short_forms),
		cmocka_unit_test(test_layers_parse_errors),
		cmocka_unit_test(test_layers_parse_long_name_shortened),
		cmocka_unit_test(test_layers_walk_exam_q3_2),
		cmocka_unit_test(test_layers_walk_errors),
		cmocka_unit_test(test_layers_walk_2d_and_1d),
		cmocka_unit_test(test_layers_totals_overflow),
		cmocka_unit_test(test_layers_rf_exam_q2_8),
		cmocka_unit_test(test_layers_rf_fc_uses_input_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
