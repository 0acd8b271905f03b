/*
 * test_explain.c: the explainer of src/answers/explain*.c. Every named
 * mistake is tried with a wrong answer built by hand (the derivation in a
 * comment) and must be recognised; the right answer must never be named a
 * mistake. The option facts of 2.8 are derived by hand from the exam's net;
 * the facts of every item must lead to the answer the worked answers put in
 * the key.
 */
#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"

/* The original exam, its data files from `dir` (NULL: the built-in ones). */
static ec_exam *load_from(const char *dir)
{
	ec_exam *ex;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, dir, &ex, &err), EC_OK);
	return ex;
}

static ec_exam *load(const char *prefix)
{
	(void)prefix;
	return load_from(NULL);
}

static void unload(ec_exam *ex)
{
	ec_exam_free(ex);
}

static const ec_item_facts *facts(ec_exam *ex, const char *id)
{
	const ec_item_facts *f = NULL;
	ec_error err;

	ec_error_clear(&err);
	if (ec_exam_facts(ex, id, &f, &err) != EC_OK)
		fail_msg("facts of %s: %s", id, err.msg);
	if (!f)
		fail_msg("no facts for %s", id);
	return f;
}

/* The mistake `answer` is named (empty when none), with the given verdict. */
static const char *named_as(const ec_item_facts *f, const char *answer, ec_verdict verdict,
			    ec_check_item *it)
{
	ec_value v;
	ec_error err;

	ec_error_clear(&err);
	if (ec_value_parse(f->kind, answer, strlen(answer), &v, &err) != EC_OK)
		fail_msg("%s: '%s' does not read: %s", f->id, answer, err.msg);
	memset(it, 0, sizeof(*it));
	ec_explain_answer(f, &v, verdict, it);
	return it->mistake;
}

/* `answer` to item `id` is wrong and named a mistake whose name contains `name`. */
static void expect_mistake(ec_exam *ex, const char *id, const char *answer,
			   const char *name)
{
	ec_check_item it;
	const char *got = named_as(facts(ex, id), answer, EC_VERDICT_WRONG, &it);

	if (!strstr(got, name))
		fail_msg("%s = %s: named '%s', expected '%s'", id, answer, got, name);
}

/* The right answer names no mistake, even when (wrongly) called wrong. */
static void expect_no_mistake(ec_exam *ex, const char *id, const char *answer)
{
	ec_check_item it;
	const ec_item_facts *f = facts(ex, id);

	if (named_as(f, answer, EC_VERDICT_RIGHT, &it)[0])
		fail_msg("%s = %s (right) named '%s'", id, answer, it.mistake);
	if (named_as(f, answer, EC_VERDICT_WRONG, &it)[0])
		fail_msg("%s = %s named '%s'", id, answer, it.mistake);
}

static void test_explain_3_2_1_weight_mistakes(void **state)
{
	ec_exam *ex = load("3.2.1");

	(void)state;
	/* CONV5-16-p2-s1 on 3 channels: 16 x 3 x 5^3 = 6000 weights, 16 biases */
	expect_no_mistake(ex, "3.2.1.1.weights", "6000");
	expect_mistake(ex, "3.2.1.1.weights", "2000", "without the input channels"); /* 16 x 125 */
	expect_mistake(ex, "3.2.1.1.weights", "1200", "temporal extent");  /* 16 x 3 x 5^2 */
	expect_mistake(ex, "3.2.1.1.weights", "6016", "biases counted as weights"); /* 6000 + 16 */
	expect_mistake(ex, "3.2.1.1.weights", "375", "one filter");        /* 3 x 125 */
	expect_mistake(ex, "3.2.1.1.weights", "16", "bias count");
	expect_mistake(ex, "3.2.1.1.biases", "6000", "weight count");
	expect_no_mistake(ex, "3.2.1.1.biases", "16");
	/* CONV3-16-p1-s1 on 16 channels: 16 x 16 x 27 = 6912; without channels 16 x 27 = 432 */
	expect_no_mistake(ex, "3.2.1.3.weights", "6912");
	expect_mistake(ex, "3.2.1.3.weights", "432", "without the input channels");
	expect_mistake(ex, "3.2.1.3.weights", "2304", "temporal extent"); /* 16 x 16 x 9 */
	/* POOL2 (2x2x2) learns nothing; its window has 8 positions */
	expect_no_mistake(ex, "3.2.1.2.weights", "0");
	expect_mistake(ex, "3.2.1.2.weights", "8", "pooling window");
	/* FC-256 on 32x1x8x8 = 2048 inputs: 524288 weights, 256 biases */
	expect_no_mistake(ex, "3.2.1.6.weights", "524288");
	expect_mistake(ex, "3.2.1.6.weights", "524544", "biases counted as weights");
	expect_mistake(ex, "3.2.1.6.weights", "16384", "without the input channels"); /* 64 x 256 */
	unload(ex);
}

static void test_explain_3_2_1_shape_mistakes(void **state)
{
	ec_exam *ex = load("3.2.1.1.dims");

	(void)state;
	/* CONV5-16-p2-s1 on 3x8x64x64: (n + 4 - 5) / 1 + 1 = n: 16x8x64x64 */
	expect_no_mistake(ex, "3.2.1.1.dims", "16x8x64x64");
	expect_mistake(ex, "3.2.1.1.dims", "16x4x60x60", "padding ignored"); /* n - 5 + 1 */
	expect_mistake(ex, "3.2.1.1.dims", "8x64x64x16", "different axis order");
	expect_mistake(ex, "3.2.1.1.dims", "16x64x64x8", "different axis order");
	expect_mistake(ex, "3.2.1.1.dims", "16x64x64", "missing the temporal axis");
	expect_mistake(ex, "3.2.1.1.dims", "8x64x64", "missing the channel axis");
	/* POOL2 on 16x8x64x64: stride 2 gives 16x4x32x32; stride 1 (n - 2) + 1 */
	expect_no_mistake(ex, "3.2.1.2.dims", "16x4x32x32");
	expect_mistake(ex, "3.2.1.2.dims", "16x7x63x63", "stride ignored");
	/* CONV3-32-p1-s2 on 16x2x16x16: (n + 2 - 3) / 2 + 1 gives 32x1x8x8; stride 1 keeps n */
	expect_no_mistake(ex, "3.2.1.5.dims", "32x1x8x8");
	expect_mistake(ex, "3.2.1.5.dims", "32x2x16x16", "stride ignored");
	/* padding 0: (2 - 3) / 2 + 1 has no window on T (2 < 3): no such mistake, the H/W one stands */
	expect_mistake(ex, "3.2.1.5.dims", "32x8x8", "missing the temporal axis");
	unload(ex);
}

static void test_explain_3_2_2_bn_mistakes(void **state)
{
	ec_exam *ex = load("3.2.2");

	(void)state;
	/* 16 channels: gamma and beta, 2 x 16 = 32 */
	expect_no_mistake(ex, "3.2.2.1", "32");
	expect_mistake(ex, "3.2.2.1", "64", "running statistics");  /* 32 + 2 x 16 */
	expect_mistake(ex, "3.2.2.1", "16", "gamma (or beta) alone");
	expect_mistake(ex, "3.2.2.1", "6", "input channels");       /* 2 x 3 */
	/* 2 x 16x8x64x64 = 2 x 524288 */
	expect_mistake(ex, "3.2.2.1", "1048576", "per activation");
	/* 32 channels: 64; with running statistics 128 */
	expect_no_mistake(ex, "3.2.2.3", "64");
	expect_mistake(ex, "3.2.2.3", "128", "running statistics");
	unload(ex);
}

static void test_explain_3_2_3_mult_mistakes(void **state)
{
	ec_exam *ex = load("3.2.3");

	(void)state;
	/* 2D CONV3-16-p1-s1 on 3x64x64: 16 x 64 x 64 = 65536 outputs x 3 x 9 = 1769472 */
	expect_no_mistake(ex, "3.2.3.1", "1769472");
	expect_mistake(ex, "3.2.3.1", "3538944", "FLOPs (x2)");           /* 2 x 1769472 */
	expect_mistake(ex, "3.2.3.1", "1835008", "with the bias additions"); /* + 65536 */
	expect_mistake(ex, "3.2.3.1", "3604480", "FLOPs with the bias");  /* 3538944 + 65536 */
	expect_mistake(ex, "3.2.3.1", "1660608", "padding ignored");      /* 16 x 62 x 62 x 27 */
	expect_mistake(ex, "3.2.3.1", "589824", "without the input channels"); /* 65536 x 9 */
	expect_mistake(ex, "3.2.3.1", "432", "weight count");             /* 16 x 27 */
	/* 3D CONV5-32-p2-s1 on 3x8x64x64: 32 x 8 x 64 x 64 x 3 x 125 = 393216000 */
	expect_no_mistake(ex, "3.2.3.3", "393216000");
	/* the 2D count: 32 x 64 x 64 x 3 x 25 = 9830400 */
	expect_mistake(ex, "3.2.3.3", "9830400", "2D count where the 3D one was asked");
	expect_mistake(ex, "3.2.3.3", "786432000", "FLOPs (x2)");
	unload(ex);
}

static void test_explain_3_1_2_gradient_mistakes(void **state)
{
	ec_exam *ex = load("3.1.2");

	(void)state;
	/*
	 * Y = X * K valid: Y(0,0) = 7 - (6 + 1 + 3 + 8)/4 = 2.5, Y(0,1) = 3 - (7 + 4
	 * + 3 + 4)/4 = -1.5, Y(1,0) = 8 - (7 + 5 + 4 + 7)/4 = 2.25, Y(1,1) = 4 - (3
	 * + 8 + 4 + 4)/4 = -0.75. The max 2.5 at Y(0,0) takes the gradient 1;
	 * X(1,0) is at K(1,0) = -1/4 in that window.
	 */
	expect_no_mistake(ex, "3.1.2", "-0.25");
	expect_no_mistake(ex, "3.1.2", "-1/4");
	expect_mistake(ex, "3.1.2", "0.25", "wrong sign");
	/* 1/4 to each pooled entry: X(1,0) is in windows (0,0) (K(1,0)) and (1,0) (K(0,0) = 0) */
	expect_mistake(ex, "3.1.2", "-0.0625", "shared by every pooled entry");
	/* through Y(1,0) alone X(1,0) meets K(0,0) = 0 */
	expect_mistake(ex, "3.1.2", "0", "non-maximal entry");
	/* 1 to every entry gives -1/4 + 0 = -1/4, the right value: that is no mistake */
	unload(ex);
}

static void test_explain_3_1_1_graph_mistakes(void **state)
{
	ec_exam *ex;

	(void)state;
	/*
	 * tests/explain-data/q3.1.1.graph: out = clamp(2**(x*y), 1, 10) * (y - z),
	 * x = 1, y = 3, z = 1: n1 = 3, n2 = 8, n3 = 8, n4 = 2. grad n3 = n4 = 2,
	 * n2: 2 (inside the clamp), n1: 2 x 8 ln 2 = 16 ln 2, x: 3 x 16 ln 2 =
	 * 48 ln 2, y: 1 x 16 ln 2 + 1 x grad n4 (= n3 = 8) = 16 ln 2 + 8.
	 */
	ex = load_from("tests/explain-data");
	expect_no_mistake(ex, "3.1.1.x", "48 ln 2");
	expect_no_mistake(ex, "3.1.1.x", "33.27");
	expect_mistake(ex, "3.1.1.x", "-48 ln 2", "wrong sign");
	expect_mistake(ex, "3.1.1.x", "3", "local derivative"); /* dn1/dx = y = 3 alone */
	expect_mistake(ex, "3.1.1.x", "1", "forward value");    /* x = 1 */
	expect_no_mistake(ex, "3.1.1.y", "16 ln 2 + 8");
	expect_mistake(ex, "3.1.1.y", "16 ln 2", "one use only"); /* y feeds n1 and n4 */
	expect_mistake(ex, "3.1.1.y", "8", "one use only");
	expect_mistake(ex, "3.1.1.y", "-(16 ln 2 + 8)", "wrong sign");
	expect_no_mistake(ex, "3.1.1.z", "-8");
	expect_mistake(ex, "3.1.1.z", "8", "wrong sign");
	unload(ex);
}

static void test_explain_3_3_figure_mistakes(void **state)
{
	ec_exam *ex = load("3.3");

	(void)state;
	/*
	 * data/q3.3.figure at x_33: patch [1 0 3; 3 1 2; 2 0 1], W [1 -1 1; 2 1 -1;
	 * 1 0 2]: X~ . W = 1 + 3 + 6 + 1 - 2 + 2 + 2 = 13. W rotated by 180
	 * degrees, [2 0 1; -1 1 2; 1 -1 1]: 2 + 3 - 3 + 1 + 4 + 2 + 1 = 10.
	 * x_33's edges go to x_32, x_34, x_42, x_24: M_33 = 001 111 100, masked
	 * 3 + 6 + 1 - 2 + 2 = 10, without the centre 9, flipped and masked
	 * 3 - 3 + 1 + 4 + 2 = 7.
	 */
	expect_no_mistake(ex, "3.3.1", "13");
	expect_mistake(ex, "3.3.1", "10", "W flipped");
	expect_mistake(ex, "3.3.1", "10", "masked response");
	expect_no_mistake(ex, "3.3.2", "10");
	expect_mistake(ex, "3.3.2", "13", "without the mask");
	expect_mistake(ex, "3.3.2", "7", "W flipped");
	expect_mistake(ex, "3.3.2", "9", "without the self-connection");
	/*
	 * One to the left, x_32: edges to x_22 and x_33: 010 011 000. Not moved:
	 * M_33; moved right, x_34 (edges to x_33, x_45): 000 110 001; no centre:
	 * 010 001 000.
	 */
	expect_no_mistake(ex, "3.3.3", "010011000");
	expect_mistake(ex, "3.3.3", "001111100", "not moved");
	expect_mistake(ex, "3.3.3", "000110001", "moved to the right");
	expect_mistake(ex, "3.3.3", "010001000", "without the self-connection");
	/*
	 * Diameter 8 (derived in test_spatial_graph.c). BFS from x_33: 1 {32,34,
	 * 42,24}, 2 {22,45,43,52,25,23}, 3 {11,13,35,44,53,51,15}, 4 {21,12,14,54,
	 * 41}, 5 {31}: eccentricity 5. From x_11: 1 {21,22}, 2 {31,32,13}, 3 {41,
	 * 33,12,14}, 4 {51,34,42,24,15}, 5 {52,45,43,25,23}, 6 {35,44,53}, 7 {54}.
	 */
	expect_no_mistake(ex, "3.3.7", "8");
	expect_mistake(ex, "3.3.7", "5", "eccentricity of the dotted node");
	expect_mistake(ex, "3.3.7", "7", "eccentricity of x_11");
	expect_mistake(ex, "3.3.7", "7", "without the first layer");
	unload(ex);
}

/* Option `letter` of f: holds or not, and whether it carries a mistake. */
static const ec_option_fact *option(const ec_item_facts *f, char letter)
{
	size_t i;

	for (i = 0; i < f->noptions; i++)
		if (f->options[i].letter == letter)
			return &f->options[i];
	fail_msg("%s has no option %c", f->id, letter);
	return NULL;
}

static void test_explain_2_8_options(void **state)
{
	ec_exam *ex = load("2.8");
	const ec_item_facts *f = facts(ex, "2.8");
	ec_check_item it;

	(void)state;
	/*
	 * conv3s1 conv3s2 conv3s2 conv3s1 pool2s2: rf = rf + (k - 1) jump, jump *= s:
	 * 3 (jump 1), 5 (jump 2), 9 (jump 4), 17 (jump 4), 21 (jump 8).
	 * A: (ii) 6x6? 5: false. B: 81 / 25 = 3.24, not 4: false. C: (iv) 17x17:
	 * true. D: 441 / 289 = 1.53, not 4: false. E: (v) 33x33? 21: false.
	 * F: none of the above: false, C holds.
	 */
	assert_false(option(f, 'A')->holds);
	assert_false(option(f, 'B')->holds);
	assert_true(option(f, 'C')->holds);
	assert_false(option(f, 'D')->holds);
	assert_false(option(f, 'E')->holds);
	assert_false(option(f, 'F')->holds);
	assert_string_equal(f->answer, "C");
	assert_non_null(strstr(option(f, 'A')->reason, "5x5, not 6x6"));
	assert_non_null(strstr(option(f, 'B')->reason, "3.24"));
	assert_non_null(strstr(option(f, 'E')->reason, "21x21, not 33x33"));
	/*
	 * The first kernel times the strides so far: 3, 6, 12, 12, 24. Then A (6 at
	 * (ii)), B (12^2 / 6^2 = 4) and D (24^2 / 12^2 = 4) would hold; C (12) and E
	 * (24) would not: the stride-product mistake explains A, B and D only.
	 */
	assert_non_null(strstr(option(f, 'A')->mistake, "stride product"));
	assert_non_null(strstr(option(f, 'B')->mistake, "stride product"));
	assert_non_null(strstr(option(f, 'D')->mistake, "stride product"));
	assert_string_equal(option(f, 'E')->mistake, "");
	assert_string_equal(option(f, 'C')->mistake, "");
	/* AC: A chosen wrongly names the mistake; C alone (right) names none */
	assert_non_null(strstr(named_as(f, "AC", EC_VERDICT_WRONG, &it), "stride product"));
	assert_int_equal(it.nlines, 3);
	assert_non_null(strstr(it.lines[0], "A (chosen): false"));
	assert_non_null(strstr(it.lines[1], "C (chosen): true"));
	assert_string_equal(named_as(f, "C", EC_VERDICT_RIGHT, &it), "");
	assert_int_equal(it.nlines, 1);
	/* E chosen, C missed: both explained, no mistake known for E */
	assert_string_equal(named_as(f, "E", EC_VERDICT_WRONG, &it), "");
	assert_int_equal(it.nlines, 2);
	assert_non_null(strstr(it.lines[0], "C (not chosen): true"));
	assert_non_null(strstr(it.lines[1], "E (chosen): false"));
	unload(ex);
}

static void test_explain_brief_one_line(void **state)
{
	ec_exam *ex = load(NULL);
	char buf[512];
	ec_value v;
	ec_error err;

	(void)state;
	/* 2.10, key AB: A alone misses B; the brief gives B's reason only */
	ec_error_clear(&err);
	assert_int_equal(ec_value_parse(EC_KEY_MC, "A", 1, &v, &err), EC_OK);
	ec_explain_brief(facts(ex, "2.10"), &v, EC_VERDICT_PARTIAL, buf, sizeof(buf));
	assert_true(strncmp(buf, "B is true: ", 11) == 0);
	assert_null(strchr(buf, '\n'));
	/* 3.2.1.1.weights 2000: the mistake, then the answer */
	assert_int_equal(ec_value_parse(EC_KEY_COUNT, "2000", 4, &v, &err), EC_OK);
	ec_explain_brief(facts(ex, "3.2.1.1.weights"), &v, EC_VERDICT_WRONG, buf, sizeof(buf));
	assert_non_null(strstr(buf, "2000 is the weight count without the input channels"));
	assert_non_null(strstr(buf, "the answer is 6000"));
	/* a true/false item: the deciding fact */
	assert_int_equal(ec_value_parse(EC_KEY_TF, "T", 1, &v, &err), EC_OK);
	ec_explain_brief(facts(ex, "1.8"), &v, EC_VERDICT_WRONG, buf, sizeof(buf));
	assert_true(strncmp(buf, "the statement is false: ", 24) == 0);
	unload(ex);
}

/* Every item's facts lead to the key's answer, and no mistake gives that answer. */
static void test_explain_agrees_with_the_key(void **state)
{
	ec_exam *ex = load(NULL);
	ec_key key = {0};
	ec_error err;
	size_t i, k, explained = 0;

	(void)state;
	ec_error_clear(&err);
	if (ec_exam_key(ex, &key, &err) != EC_OK)
		fail_msg("key: %s", err.msg);
	for (i = 0; i < key.count; i++) {
		const ec_key_item *it = &key.items[i];
		const ec_item_facts *f;
		ec_value v;

		if (it->kind == EC_KEY_MANUAL)
			continue;
		f = facts(ex, it->id);
		ec_error_clear(&err);
		assert_int_equal(ec_value_parse(it->kind, it->answer, strlen(it->answer), &v, &err),
				 EC_OK);
		if (!ec_explain_agrees(f, &v))
			fail_msg("%s: the key says %s, the facts %s", it->id, it->answer, f->answer);
		for (k = 0; k < f->nmistakes; k++)
			if (!f->mistakes[k].reordered)
				expect_no_mistake(ex, it->id, it->answer);
		explained++;
	}
	assert_true(explained > 50);
	ec_key_free(&key);
	unload(ex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explain_3_2_1_weight_mistakes),
		cmocka_unit_test(test_explain_3_2_1_shape_mistakes),
		cmocka_unit_test(test_explain_3_2_2_bn_mistakes),
		cmocka_unit_test(test_explain_3_2_3_mult_mistakes),
		cmocka_unit_test(test_explain_3_1_2_gradient_mistakes),
		cmocka_unit_test(test_explain_3_1_1_graph_mistakes),
		cmocka_unit_test(test_explain_3_3_figure_mistakes),
		cmocka_unit_test(test_explain_2_8_options),
		cmocka_unit_test(test_explain_brief_one_line),
		cmocka_unit_test(test_explain_agrees_with_the_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
