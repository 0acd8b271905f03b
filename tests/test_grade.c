#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_csv.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_keyio.h"

#include "grade_fixture.h"

/* Score the text `answer` on item i. */
static double score(const ec_grader *g, size_t i, const char *answer, ec_verdict *verdict)
{
	ec_value v;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_grader_read(g, i, answer, strlen(answer), &v, &err), EC_OK);
	return ec_grader_score(g, i, &v, verdict);
}

static void test_grader_score_tf_rule(void **state)
{
	ec_grader g;
	ec_error err;
	ec_verdict vd;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	/* exam: right +2, wrong -1, blank 0 */
	assert_near(score(&g, T11, "true", &vd), 2, 0);
	assert_int_equal(vd, EC_VERDICT_RIGHT);
	assert_near(score(&g, T11, "F", &vd), -1, 0);
	assert_int_equal(vd, EC_VERDICT_WRONG);
	assert_near(score(&g, T11, "", &vd), 0, 0);
	assert_int_equal(vd, EC_VERDICT_BLANK);
	assert_near(ec_grader_score(&g, T11, NULL, &vd), 0, 0);
	ec_grader_free(&g);
}

/* The worked examples: correct options A and B, worth 4, 2 per error. */
static void test_grader_score_mc_several_correct(void **state)
{
	ec_grader g;
	ec_error err;
	ec_verdict vd;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_near(score(&g, MC_AB, "A", &vd), 2, 0); /* 1 missing: 4 - 2 */
	assert_int_equal(vd, EC_VERDICT_PARTIAL);
	assert_near(score(&g, MC_AB, "ABC", &vd), 2, 0); /* 1 wrong: 4 - 2 */
	assert_near(score(&g, MC_AB, "AC", &vd), 0, 0);  /* 1 wrong + 1 missing: 4 - 4 */
	assert_int_equal(vd, EC_VERDICT_WRONG);
	assert_near(score(&g, MC_AB, "CD", &vd), 0, 0);  /* 4 errors: 4 - 8, floored at 0 */
	assert_near(score(&g, MC_AB, "", &vd), 0, 0);    /* blank */
	assert_int_equal(vd, EC_VERDICT_BLANK);
	assert_near(score(&g, MC_AB, "b, a", &vd), 4, 0);
	assert_int_equal(vd, EC_VERDICT_RIGHT);
	assert_near(score(&g, MC_AB, "ABCD", &vd), 0, 0); /* 2 wrong: 4 - 4 */
	ec_grader_free(&g);
}

/* One correct option (C): all or nothing. */
static void test_grader_score_mc_one_correct(void **state)
{
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_near(score(&g, MC_C, "c", NULL), 4, 0);
	assert_near(score(&g, MC_C, "AC", NULL), 0, 0); /* would be 2 under the partial rule */
	assert_near(score(&g, MC_C, "D", NULL), 0, 0);
	assert_near(score(&g, MC_C, " ", NULL), 0, 0);
	ec_grader_free(&g);
}

static void test_grader_score_exact_kinds(void **state)
{
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	/* number: |a - k| <= 1e-6 * 0.25 = 2.5e-7 */
	assert_near(score(&g, NUM, "-1/4", NULL), 5, 0);
	assert_near(score(&g, NUM, "-2.5e-1", NULL), 5, 0);
	assert_near(score(&g, NUM, "-0.2500002", NULL), 5, 0); /* off by 2e-7 */
	assert_near(score(&g, NUM, "-0.2500003", NULL), 0, 0); /* off by 3e-7 */
	assert_near(score(&g, NUM, "0.25", NULL), 0, 0);
	/* dims: element by element, in order; the same product in another order is wrong */
	assert_near(score(&g, DIMS, "16 x 8 x 64 x 64", NULL), 6.0 / 21, 0);
	assert_near(score(&g, DIMS, "8x16x64x64", NULL), 0, 0);
	assert_near(score(&g, DIMS, "16x8x4096", NULL), 0, 0);
	/* counts by value: 6000 = 5*5*5*3*16 */
	assert_near(score(&g, COUNT, "5x5x5x3x16", NULL), 6.0 / 21, 0);
	assert_near(score(&g, COUNT, "6e3", NULL), 6.0 / 21, 0);
	assert_near(score(&g, COUNT, "6001", NULL), 0, 0);
	assert_near(score(&g, MASK, "010 111 010", NULL), 2, 0);
	assert_near(score(&g, MASK, "01011101", NULL), 0, 0);
	ec_grader_free(&g);
}

static void test_grader_score_absolute_tolerance(void **state)
{
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "rule 3.1.2 exact rel=0 abs=0.01\n", &err), EC_OK);
	assert_near(score(&g, NUM, "-0.259", NULL), 5, 0);
	assert_near(score(&g, NUM, "-0.261", NULL), 0, 0);
	ec_grader_free(&g);
}

static void test_grader_score_manual(void **state)
{
	ec_grader g;
	ec_error err;
	ec_verdict vd;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_near(score(&g, MANUAL, "because it is connected", &vd), 0, 0);
	assert_int_equal(vd, EC_VERDICT_MANUAL);
	/* maxima: auto 2+4+4+5+6/21+6/21+2 = 17 + 12/21; manual 1 */
	assert_near(g.max_auto, 17 + 12.0 / 21, 1e-12);
	assert_near(g.max_manual, 1, 0);
	assert_near(g.min_auto, -1, 0); /* one tf item at -1 */
	ec_grader_free(&g);
}

static void test_grader_score_alternatives(void **state)
{
	ec_grader g;
	ec_rubric r = {0};
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "alt 2.2 A, C\nalt 3.1.2 0.25\n", &err), EC_OK);
	assert_int_equal(g.items[MC_C].naccepted, 2);
	assert_near(score(&g, MC_C, "AC", NULL), 4, 0);
	/* against AC (several correct), A misses one: 2; against C it is 0; best 2 */
	assert_near(score(&g, MC_C, "A", NULL), 2, 0);
	assert_near(score(&g, NUM, "0.25", NULL), 5, 0);
	ec_grader_free(&g);

	/* --accept adds the same way */
	make_key(&key);
	ec_error_clear(&err);
	assert_int_equal(ec_rubric_parse(&r, rubric_text, strlen(rubric_text), "rub", &err), EC_OK);
	assert_int_equal(ec_rubric_accept(&r, "1.1=F", "--accept", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_OK);
	assert_near(score(&g, T11, "F", NULL), 2, 0);
	assert_near(score(&g, T11, "T", NULL), 2, 0);
	ec_grader_free(&g);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

/*
 * Number items under the default rule (no rel or abs): keys worked by hand.
 *   3.1.1.x = 48 ln 2 = 33.2710646668773748...
 *   3.1.1.z = -12 ln 2 = -8.3177661667193437...
 *   3.1.2   = 0.25 (exact in binary), 3.1.3 = 1.25e-3, 3.1.4 = 0
 */
enum { SF_X, SF_Z, SF_QUARTER, SF_SMALL, SF_ZERO, SF_NITEMS };

static ec_status make_number_grader(ec_grader *g, const char *rubric, ec_error *err)
{
	ec_key key = {0};
	ec_rubric r = {0};
	ec_status st;

	ec_error_clear(err);
	assert_int_equal(ec_key_add(&key, "3.1.1.x", EC_KEY_NUMBER, 1, "33.27106466687737", err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1.1.z", EC_KEY_NUMBER, 1, "-8.317766166719343", err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1.2", EC_KEY_NUMBER, 1, "0.25", err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1.3", EC_KEY_NUMBER, 1, "1.25e-3", err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1.4", EC_KEY_NUMBER, 1, "0", err), EC_OK);
	assert_int_equal(ec_rubric_parse(&r, rubric, strlen(rubric), "rub", err), EC_OK);
	st = ec_grader_init(g, &key, &r, err);
	ec_rubric_free(&r);
	ec_key_free(&key);
	return st;
}

/* The numeric rule: exact however written, else every written figure right and at least 3. */
static void test_grader_score_number_sigfig_rule(void **state)
{
	static const struct {
		size_t item;
		const char *answer;
		bool right;
	} cases[] = {
		/* key 33.2710646...: to 3, 4, 5, 6 figures 33.3, 33.27, 33.271, 33.2711 */
		{SF_X, "33.3", true},       {SF_X, "33.27", true},      {SF_X, "33.271", true},
		{SF_X, "33.2711", true},    {SF_X, "3.33e1", true},     {SF_X, "332.7e-1", true},
		{SF_X, "33.28", false},     /* 4 figures: 33.27 */
		{SF_X, "33", false},        /* 2 figures: too few, although 33 is the key to 2 */
		{SF_X, "33.2", false},      /* 3 figures: 33.3 */
		{SF_X, "33.30", false},     /* 4 figures: the written 0 should be a 7 */
		{SF_X, "33.270", false},    /* 5 figures: 33.271 */
		{SF_X, "-33.3", false},     /* sign */
		{SF_X, "48 ln 2", true},    /* exact, any form */
		{SF_X, "48ln2", true},
		{SF_X, "33.27106466687737", true}, /* the key's own digits */
		{SF_X, "33.27106", true},   /* 7 figures, all right */
		{SF_X, "33.271065", true},  /* 8 figures: ...0646668 rounds up to ...065 */
		{SF_X, "33.27107", false},  /* 7 figures, the last one wrong (off by 3.3e-6) */
		/* 12 figures with the last one wrong, but within a relative 1e-9
		 * (|33.2710646667 - key| = 1.8e-10, 5e-12 relative): the same value */
		{SF_X, "33.2710646667", true},
		{SF_X, "47 ln 2", false},   /* an expression is exact or nothing: 32.577... */
		{SF_X, "33.3 + 0", false},  /* an expression has no figures: 33.3 != key */
		/* key -8.3177661...: -8.32, -8.318 */
		{SF_Z, "-8.32", true},      {SF_Z, "-8.318", true},
		{SF_Z, "\xE2\x88\x92" "8.32", true}, /* U+2212 minus */
		{SF_Z, "8.32", false},      {SF_Z, "-8.31", false},     {SF_Z, "-8.3", false},
		{SF_Z, "-8.320", false},    {SF_Z, "-12 ln 2", true},   {SF_Z, "-12ln(2)", true},
		/* key 0.25 exactly */
		{SF_QUARTER, "0.25", true}, {SF_QUARTER, ".25", true},  {SF_QUARTER, "1/4", true},
		{SF_QUARTER, "0.250", true}, {SF_QUARTER, "2.5e-1", true}, {SF_QUARTER, "0.2500", true},
		{SF_QUARTER, "0.3", false},  /* 1 figure */
		{SF_QUARTER, "0.251", false}, {SF_QUARTER, "0.249", false},
		{SF_QUARTER, "0.2500001", false}, /* 7 figures: 0.2500000 */
		{SF_QUARTER, "-0.25", false},
		/* key 0.00125 */
		{SF_SMALL, "0.00125", true}, {SF_SMALL, "1.25e-3", true}, {SF_SMALL, "1.250e-3", true},
		{SF_SMALL, "0.001250", true}, {SF_SMALL, "125e-5", true}, {SF_SMALL, "1/800", true},
		{SF_SMALL, "0.0013", false},  /* 2 figures */
		{SF_SMALL, "1.3e-3", false},  {SF_SMALL, "0.00126", false}, {SF_SMALL, "0.00124", false},
		/* key 0: only 0 itself (no figures to count) */
		{SF_ZERO, "0", true},       {SF_ZERO, "0.000", true},   {SF_ZERO, "-0", true},
		{SF_ZERO, "0.00100", false}, {SF_ZERO, "1e-300", false},
	};
	ec_grader g;
	ec_error err;
	ec_verdict vd;
	size_t i;

	(void)state;
	assert_int_equal(make_number_grader(&g, "rule 3.* exact\n", &err), EC_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		double got = score(&g, cases[i].item, cases[i].answer, &vd);

		if (got != (cases[i].right ? 1 : 0))
			fail_msg("'%s' for %s scored %g, expected %s", cases[i].answer,
				 g.items[cases[i].item].key.id, got, cases[i].right ? "right" : "wrong");
	}
	ec_grader_free(&g);
}

/* An explicit rel or abs replaces the significant-figure rule; exact stays right. */
static void test_grader_score_number_tolerance_overrides(void **state)
{
	ec_grader g;
	ec_error err;

	(void)state;
	/* abs 0.05 on x: |33.2 - 33.2710...| = 0.071 > 0.05, |33.3 - ...| = 0.029 */
	assert_int_equal(make_number_grader(&g, "rule 3.* exact\nrule 3.1.1.x exact abs=0.05\n", &err),
			 EC_OK);
	assert_near(score(&g, SF_X, "33.3", NULL), 1, 0);
	assert_near(score(&g, SF_X, "33.25", NULL), 1, 0);  /* wrong by figures, within 0.05 */
	assert_near(score(&g, SF_X, "33", NULL), 0, 0);     /* 0.27 away */
	assert_near(score(&g, SF_X, "33.2", NULL), 0, 0);
	assert_near(score(&g, SF_X, "48 ln 2", NULL), 1, 0);
	/* the other items keep the default: -8.3 has 2 figures */
	assert_near(score(&g, SF_Z, "-8.3", NULL), 0, 0);
	ec_grader_free(&g);
	/* rel=0 abs=0: nothing but the key within 1e-9 */
	assert_int_equal(make_number_grader(&g, "rule 3.* exact rel=0 abs=0\n", &err), EC_OK);
	assert_near(score(&g, SF_X, "33.27", NULL), 0, 0);
	assert_near(score(&g, SF_X, "33.27106466687737", NULL), 1, 0);
	assert_near(score(&g, SF_X, "33.271064666", NULL), 1, 0); /* off by 8.8e-10: 2.6e-11 relative */
	assert_near(score(&g, SF_X, "33.27106", NULL), 0, 0);     /* off by 4.7e-6: 1.4e-7 relative */
	assert_near(score(&g, SF_QUARTER, "1/4", NULL), 1, 0);
	ec_grader_free(&g);
}

/* ec_sigfigs_agree() by itself: rounding with carries and exact halves. */
static void test_sigfigs_agree_edges(void **state)
{
	(void)state;
	/* 99.996 to 4 figures carries into a new decade: 100.0 */
	assert_true(ec_sigfigs_agree(100.0, 4, 99.996));
	assert_false(ec_sigfigs_agree(99.99, 4, 99.996));
	/* 99.96 to 4 figures is 99.96, not 100.0 (although only 0.04 away) */
	assert_false(ec_sigfigs_agree(100.0, 4, 99.96));
	/* 0.5625 (exact in binary) lies halfway between 0.562 and 0.563: both agree */
	assert_true(ec_sigfigs_agree(0.562, 3, 0.5625));
	assert_true(ec_sigfigs_agree(0.563, 3, 0.5625));
	assert_false(ec_sigfigs_agree(0.561, 3, 0.5625));
	assert_false(ec_sigfigs_agree(0.564, 3, 0.5625));
	/* halfway with a carry: 99.5 to 2 figures is 99 or 100 (written 1.0e2) */
	assert_true(ec_sigfigs_agree(99, 2, 99.5));
	assert_true(ec_sigfigs_agree(100, 2, 99.5));
	assert_false(ec_sigfigs_agree(98, 2, 99.5));
	/* negative keys mirror positive ones */
	assert_true(ec_sigfigs_agree(-0.563, 3, -0.5625));
	assert_false(ec_sigfigs_agree(0.563, 3, -0.5625));
	/* 1.25e-3 to 2 figures: 1.25e-3 is not exact in binary (1.2500000000000000260e-3), so 1.3e-3 */
	assert_true(ec_sigfigs_agree(1.3e-3, 2, 1.25e-3));
	assert_false(ec_sigfigs_agree(1.2e-3, 2, 1.25e-3));
	/* no figures, or a key of 0 */
	assert_false(ec_sigfigs_agree(33.3, 0, 33.3));
	assert_false(ec_sigfigs_agree(0.001, 3, 0));
	/* beyond 15 figures only the first 15 are compared */
	assert_true(ec_sigfigs_agree(33.27106466687737, 16, 33.27106466687737));
}

/*
 * A whole sheet in every form, graded with the real key (data/answer-key.tsv)
 * and the shipped rubric (data/rubric). Scores by hand:
 *
 * Section 1 (T/F: +2 right, -1 wrong, 0 blank; key T F T F T F F F T F):
 *   1.1 True. +2, 1.2 (f) +2, 1.3 t +2, 1.4 T -1, 1.5 (T) +2, 1.6 false +2,
 *   1.7 True -1, 1.8 blank 0, 1.9 TRUE. +2, 1.10 missing 0          = 10
 * Section 2 (4 each; key D D E B D C D C C AB; one correct option: all or
 *   nothing): 2.1 d 4, 2.2 (D) 4, 2.3 e. 4, 2.4 b 4, 2.5 'A and D' 0,
 *   2.6 (C) 4, 2.7 D 4, 2.8 c 4, 2.9 'a, c' 0, 2.10 'b,a' (AB) 4    = 32
 * Section 3:
 *   3.1.1 (5/9 each; key x 0, n1 0, y 20 ln 2, n2 0, n3 5, z 10 - 20 ln 2,
 *     n4 20 ln 2, n5 10, n6 10): x '0' right, n1 '0.0' right, y '20 ln 2'
 *     right, n2 '5' wrong (the gradient had the clamp passed it), n3
 *     '5.0' right, z '10 U+2212 20 ln 2' right, n4 '13.86' right (4
 *     figures of 13.8629...), n5 '2**3 + 2' right, n6 '13' wrong: 7 x 5/9 = 35/9
 *   3.1.2 (5): U+2212 1/4 = -0.25 right                              = 5
 *   3.2.1 (2/7 each, 21 cells): all right but 3.2.1.3.biases ('N/A' is 0,
 *     the key 16) and 3.2.1.4.biases (blank): 19 x 2/7               = 38/7
 *   3.2.2 (1 each): 32, 3.2e1, 64 all right                          = 3
 *   3.2.3 (1 each): 1,769,472 and 9 830 400 right; 3.9e8 is not
 *     393216000                                                      = 2
 *   3.3 (4, 4, 2, 1): 13, 10.0, the mask with separators, 8 right    = 11
 *   3.3.4 and 3.3.7.why are graded by hand: 0 here.
 *   Section 3: 35/9 + 5 + 38/7 + 3 + 2 + 11 = 35/9 + 38/7 + 21
 *     = (245 + 342)/63 + 21 = 587/63 + 1323/63 = 1910/63
 * Total: 10 + 32 + 1910/63 = 2646/63 + 1910/63 = 4556/63 = 72.3174...
 */
static const char mixed_sheet[] =
	"# every form at once\n"
	"Q1.1 True.\n"
	"q1.2: (f)\n"
	"1.3) t\n"
	"1.4 T\n"
	"1.5 (T)\n"
	"1.6 false\n"
	"1.7 True\n"
	"1.8\n"
	"1.9 TRUE.\n"
	"Q2.1) d\n"
	"2.2: (D)\n"
	"2.3 e.\n"
	"2.4 b\n"
	"2.5 A and D\n"
	"2.6 (C)\n"
	"2.7 D\n"
	"Q2.8) c\n"
	"2.9 a, c\n"
	"2.10 b,a\n"
	"3.1.1.x 0\n"
	"3.1.1.n1 0.0\n"
	"3.1.1.y 20 ln 2\n"
	"3.1.1.n2 5\n"
	"3.1.1.n3 5.0\n"
	"3.1.1.z 10 \xE2\x88\x92" "20 ln 2\n"
	"3.1.1.n4 13.86\n"
	"3.1.1.n5 2**3 + 2\n"
	"3.1.1.n6 13\n"
	"3.1.2 \xE2\x88\x92" "1/4\n"
	"3.2.1.1.dims (16, 8, 64, 64)\n"
	"3.2.1.1.weights 6,000\n"
	"3.2.1.1.biases 16\n"
	"3.2.1.2.dims 16 \xC3\x97 4 \xC3\x97 32 \xC3\x97 32\n"
	"3.2.1.2.weights none\n"
	"3.2.1.2.biases -\n"
	"3.2.1.3.dims [16,4,32,32]\n"
	"3.2.1.3.weights 6 912\n"
	"3.2.1.3.biases N/A\n"
	"3.2.1.4.dims 16*2*16*16\n"
	"3.2.1.4.weights 0\n"
	"3.2.1.5.dims 32x1x8x8\n"
	"3.2.1.5.weights 13,824\n"
	"3.2.1.5.biases 32\n"
	"3.2.1.6.dims 256\n"
	"3.2.1.6.weights 524,288\n"
	"3.2.1.6.biases 2.56e2\n"
	"3.2.1.7.dims (10)\n"
	"3.2.1.7.weights 2,560\n"
	"3.2.1.7.biases 1e1\n"
	"3.2.2.1 32\n"
	"3.2.2.2 3.2e1\n"
	"3.2.2.3 64\n"
	"3.2.3.1 1,769,472\n"
	"3.2.3.2 9 830 400\n"
	"3.2.3.3 3.9e8\n"
	"3.3.1 13\n"
	"3.3.2 10.0\n"
	"3.3.3 0 1 0, 0 1 1, 0 0 0\n"
	"3.3.4 the centre is connected to itself\n"
	"Q3.3.7: 8\n";

static void test_grade_sheet_every_form_real_key(void **state)
{
	char *text;
	size_t len;
	ec_key key = {0};
	ec_rubric r = {0};
	ec_grader g;
	ec_sheet sheet;
	ec_value *values;
	ec_grade_result *res;
	double sections[3], total;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_file_read("data/answer-key.tsv", 1 << 20, &text, &len, &err), EC_OK);
	assert_int_equal(ec_key_parse_tsv(&key, text, len, "data/answer-key.tsv", &err), EC_OK);
	free(text);
	assert_int_equal(ec_file_read("data/rubric", 1 << 20, &text, &len, &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&r, text, len, "data/rubric", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_OK);
	free(text);
	values = calloc(g.count, sizeof(*values));
	res = calloc(g.count, sizeof(*res));
	assert_true(values && res);
	assert_int_equal(ec_sheet_parse(mixed_sheet, strlen(mixed_sheet), "mixed", &sheet, &err),
			 EC_OK);
	if (ec_grade_sheet(&g, &sheet, "mixed", values, &err) != EC_OK)
		fail_msg("line %ld: %s", err.line, err.msg);
	assert_int_equal(g.nsections, 3);
	total = ec_grade_values(&g, values, res, sections);
	assert_near(sections[0], 10, 0);
	assert_near(sections[1], 32, 0);
	assert_near(sections[2], 1910.0 / 63, 1e-12);
	assert_near(total, 4556.0 / 63, 1e-12);
	assert_int_equal(res[ec_grader_find(&g, "3.1.1.n2", 8)].verdict, EC_VERDICT_WRONG);
	assert_int_equal(res[ec_grader_find(&g, "3.1.1.n6", 8)].verdict, EC_VERDICT_WRONG);
	assert_int_equal(res[ec_grader_find(&g, "3.1.1.z", 7)].verdict, EC_VERDICT_RIGHT);
	assert_int_equal(res[ec_grader_find(&g, "1.10", 4)].verdict, EC_VERDICT_BLANK);
	ec_sheet_free(&sheet);
	free(values);
	free(res);
	ec_grader_free(&g);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

static void test_grader_init_errors(void **state)
{
	static const struct {
		const char *extra;
		long line;
		const char *msg;
	} bad[] = {
		{"rule 2.1 tf\n", 4, "rule '2.1' scores with tf, which does not fit item '2.1' of kind mc"},
		{"rule 3.3.3 mc\n", 4, "rule '3.3.3' scores with mc, which does not fit item '3.3.3' of kind mask"},
		{"\nalt 3.3.4 yes\n", 5, "item '3.3.4' is graded by hand; it takes no alternative"},
		{"alt 2.1 AZ\n", 4, "item '2.1': 'AZ' is not an option of 2.1"},
		{"alt 3.2.1.1.dims 12x\n", 4, "item '3.2.1.1.dims': '12x' is not a product of whole numbers"},
		{"rule 2.2 mc options=A-B\n", 0, "item '2.2': 'C' is not an option of 2.2"},
	};
	ec_grader g;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(make_grader(&g, bad[i].extra, &err), EC_ERR_PARSE);
		assert_string_equal(err.msg, bad[i].msg);
		assert_int_equal(err.line, bad[i].line);
	}
}

/* A key file's answer that the rubric refuses is reported at the key file's line. */
static void test_grader_init_key_file_answer_at_its_line(void **state)
{
	const char key_text[] = "1.1\tT\t2\ttf\r2.1\tAB\t4\tmc\r2.2\tE\t4\tmc\r";
	ec_rubric r = {0};
	ec_key key = {0};
	ec_grader g;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_key_parse_tsv(&key, key_text, strlen(key_text), "k.tsv", &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&r, rubric_text, strlen(rubric_text), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "item '2.2': 'E' is not an option of 2.2"); /* A-D */
	assert_string_equal(err.file, "k.tsv");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 2);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

/*
 * A rubric's alt line for an item the key leaves out is skipped (the
 * exam's rubric serves smaller keys too; data/rubric accepts 256x1x1x1
 * for 3.2.1.6.dims, which the fixture's key lacks); an alternative given
 * with --accept must name an item of the key.
 */
static void test_grader_init_alt_for_absent_item(void **state)
{
	ec_rubric r = {0};
	ec_key key;
	ec_grader g;
	ec_error err;
	char text[1024];

	(void)state;
	assert_int_equal(make_grader(&g, "alt 2.11 A\n", &err), EC_OK);
	ec_grader_free(&g);
	make_key(&key);
	ec_error_clear(&err);
	snprintf(text, sizeof(text), "%salt 3.2.1.6.dims 256x1x1x1\n", rubric_text);
	assert_int_equal(ec_rubric_parse(&r, text, strlen(text), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_OK);
	ec_grader_free(&g);
	assert_int_equal(ec_rubric_accept(&r, "2.11=A", "--accept", &err), EC_OK);
	/* requested on a command line: the request, not a file, is wrong */
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_ERR_USAGE);
	assert_string_equal(err.msg, "alternative for unknown item '2.11'");
	assert_string_equal(err.file, "--accept");
	ec_rubric_free(&r);
	ec_key_free(&key);
}

static void test_grader_init_needs_a_rule(void **state)
{
	ec_rubric r = {0};
	ec_key key;
	ec_grader g;
	ec_error err;

	(void)state;
	make_key(&key);
	ec_error_clear(&err);
	assert_int_equal(ec_rubric_parse(&r, "rule 1.* tf\n", 12, "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "no rule matches item '2.1' (kind mc)");
	ec_rubric_free(&r);
	ec_key_free(&key);
}

static void test_grader_read_rejects_options(void **state)
{
	ec_grader g;
	ec_error err;
	ec_value v;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	ec_error_clear(&err);
	assert_int_equal(ec_grader_read(&g, MC_AB, "AZ", 2, &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'AZ' is not an option of 2.1");
	assert_int_equal(ec_grader_read(&g, MC_AB, "E", 1, &v, &err), EC_ERR_PARSE);
	assert_int_equal(ec_grader_read(&g, MC_AB, "D", 1, &v, &err), EC_OK);
	ec_grader_free(&g);
}

static void test_grade_values_totals(void **state)
{
	const char *answers[NITEMS] = {"F", "A", "C", "-0.25", "16x8x64x64", "", "111111111", "x"};
	ec_value values[NITEMS];
	ec_grade_result res[NITEMS];
	double sections[3], total;
	ec_grader g;
	ec_error err;
	size_t i;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(g.nsections, 3);
	assert_string_equal(g.sections[2], "3");
	for (i = 0; i < NITEMS; i++)
		assert_int_equal(ec_grader_read(&g, i, answers[i], strlen(answers[i]), &values[i], &err),
				 EC_OK);
	total = ec_grade_values(&g, values, res, sections);
	/* section 1: -1; section 2: 2 + 4 = 6; section 3: 5 + 6/21 + 0 + 0 */
	assert_near(sections[0], -1, 0);
	assert_near(sections[1], 6, 0);
	assert_near(sections[2], 5 + 6.0 / 21, 1e-12);
	assert_near(total, 10 + 6.0 / 21, 1e-12);
	assert_int_equal(res[COUNT].verdict, EC_VERDICT_BLANK);
	assert_int_equal(res[MANUAL].verdict, EC_VERDICT_MANUAL);
	ec_grader_free(&g);
}

/* A section whose items are not together: its subtotal runs across the gap. */
static void test_grade_sum_section_in_two_runs(void **state)
{
	const char *answers[3] = {"T", "A", "F"};
	ec_value values[3];
	ec_grade_result res[3];
	double sections[2], total;
	ec_key key = {0};
	ec_rubric r = {0};
	ec_grader g;
	ec_error err;
	size_t i;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.1", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "1.2", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&r, rubric_text, strlen(rubric_text), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_OK);
	assert_int_equal(g.nsections, 2);
	assert_int_equal(g.nruns, 3);
	for (i = 0; i < 3; i++)
		assert_int_equal(ec_grader_read(&g, i, answers[i], strlen(answers[i]), &values[i], &err),
				 EC_OK);
	total = ec_grade_values(&g, values, res, sections);
	/* 1.1 right: 2; 2.1 'A' for 'AB', one option missing: 4 - 2 = 2; 1.2 wrong: -1 */
	assert_true(sections[0] == 1);
	assert_true(sections[1] == 2);
	assert_true(total == 3);
	assert_true(ec_grade_sum(&g, res, NULL) == 3);
	ec_grader_free(&g);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

static void test_grade_sheet_errors(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"1.1 T\n2.11 A\n", 2, "unknown item id '2.11'"},
		{"2.2 Z\n", 1, "item 2.2: 'Z' is not an option of 2.2"},
		{"1.1 T\n\n3.2.1.1.weights 12x\n", 3, "item 3.2.1.1.weights: '12x' is not a whole number"},
		{"1.1 maybe\n", 1, "item 1.1: 'maybe' is not true or false (T, F, True, False)"},
	};
	ec_value values[NITEMS];
	ec_grader g;
	ec_sheet sheet;
	ec_error err;
	size_t i;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ec_error_clear(&err);
		assert_int_equal(ec_sheet_parse(bad[i].text, strlen(bad[i].text), "s", &sheet, &err), EC_OK);
		assert_int_equal(ec_grade_sheet(&g, &sheet, "s", values, &err), EC_ERR_PARSE);
		assert_int_equal(err.line, bad[i].line);
		assert_string_equal(err.msg, bad[i].msg);
		ec_sheet_free(&sheet);
	}
	ec_grader_free(&g);
}

static void test_grade_sheet_missing_is_blank(void **state)
{
	const char text[] = "2.1 b\n";
	ec_value values[NITEMS];
	ec_grade_result res[NITEMS];
	ec_grader g;
	ec_sheet sheet;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_sheet_parse(text, strlen(text), "s", &sheet, &err), EC_OK);
	assert_int_equal(ec_grade_sheet(&g, &sheet, "s", values, &err), EC_OK);
	assert_near(ec_grade_values(&g, values, res, NULL), 2, 0); /* B of AB: 4 - 2 */
	assert_int_equal(res[T11].verdict, EC_VERDICT_BLANK);
	ec_sheet_free(&sheet);
	ec_grader_free(&g);
}

static void test_grade_roster_header_cases(void **state)
{
	char *good[] = {"Student", "2.1", " 1.1 ", "3.3.4"};
	char *mixed[] = {"id", "email", "Q2.1", "q1.1", "2.11", "", "section", "", " "};
	char *none[] = {"student", "name", "2.11"};
	char *twice[] = {"student", "2.1", "1.1", "Q2.1"};
	long cols[9];
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_grade_roster_header(&g, good, 4, "r.csv", 1, cols, &err), EC_OK);
	assert_int_equal(cols[0], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[1], MC_AB);
	assert_int_equal(cols[2], T11);
	assert_int_equal(cols[3], MANUAL);
	/* any name for the id; Q/q before an id; other names are data; trailing empties ignored */
	assert_int_equal(ec_grade_roster_header(&g, mixed, 9, "r.csv", 1, cols, &err), EC_OK);
	assert_int_equal(cols[1], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[2], MC_AB);
	assert_int_equal(cols[3], T11);
	assert_int_equal(cols[4], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[5], EC_ROSTER_COLUMN_DATA); /* empty, but a named column follows */
	assert_int_equal(cols[6], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[7], EC_ROSTER_COLUMN_IGNORED);
	assert_int_equal(cols[8], EC_ROSTER_COLUMN_IGNORED);
	assert_int_equal(ec_grade_roster_header(&g, none, 3, "r.csv", 1, cols, &err), EC_ERR_PARSE);
	assert_non_null(strstr(err.msg, "no column of the header names an item of the key"));
	assert_int_equal(ec_grade_roster_header(&g, twice, 4, "r.csv", 1, cols, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "item '2.1' is also column 2");
	assert_int_equal(err.column, 4);
	ec_grader_free(&g);
}

/* A group's auto-graded items in key order; an item, a part of an id or nothing is no group. */
static void test_grader_group_items(void **state)
{
	size_t items[NITEMS];
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_grader_group(&g, "3.2.1.1", 7, items), 2);
	assert_int_equal(items[0], DIMS);
	assert_int_equal(items[1], COUNT);
	assert_int_equal(ec_grader_group(&g, "2", 1, items), 2);
	assert_int_equal(items[0], MC_AB);
	assert_int_equal(items[1], MC_C);
	/* 3.3 holds the mask and 3.3.4, which is graded by hand: left out */
	assert_int_equal(ec_grader_group(&g, "3.3", 3, items), 1);
	assert_int_equal(items[0], MASK);
	assert_int_equal(ec_grader_group(&g, "3.1.2", 5, items), 0);      /* an item */
	assert_int_equal(ec_grader_group(&g, "3.2.1.1.d", 9, items), 0); /* not at a '.' */
	assert_int_equal(ec_grader_group(&g, "9", 1, items), 0);
	ec_grader_free(&g);
}

/* Split a group's line for the items of `group` into parts; returns the status. */
static ec_status split(const ec_grader *g, const char *group, const char *text,
		       ec_group_part *parts, size_t *n, ec_error *err)
{
	size_t items[NITEMS];

	*n = ec_grader_group(g, group, strlen(group), items);
	ec_error_clear(err);
	return ec_grader_split_group(g, group, items, *n, text, strlen(text), parts, err);
}

static void assert_part(const ec_group_part *p, const char *want)
{
	if (p->len != strlen(want) || memcmp(p->text, want, p->len) != 0)
		fail_msg("part '%.*s', expected '%s'", (int)p->len, p->text, want);
}

/*
 * A group's answers on one line: split at ';', else ',', else ', ', else
 * blanks, never inside brackets; the first split that every item reads.
 */
static void test_grader_split_group_separators(void **state)
{
	ec_group_part p[NITEMS];
	ec_grader g;
	ec_error err;
	size_t n;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(split(&g, "3.2.1.1", "16x8x64x64, 6000", p, &n, &err), EC_OK);
	assert_part(&p[0], "16x8x64x64");
	assert_part(&p[1], "6000");
	/* ',' alone cuts 6,000 in two (3 parts): ', ' keeps it whole; the shape's commas are in brackets */
	assert_int_equal(split(&g, "3.2.1.1", "(16, 8, 64, 64), 6,000", p, &n, &err), EC_OK);
	assert_part(&p[0], "(16, 8, 64, 64)");
	assert_part(&p[1], "6,000");
	assert_int_equal(split(&g, "3.2.1.1", " 16x8x64x64 ;6,000 ", p, &n, &err), EC_OK);
	assert_part(&p[1], "6,000");
	assert_int_equal(split(&g, "3.2.1.1", "16x8x64x64   6000", p, &n, &err), EC_OK);
	assert_part(&p[0], "16x8x64x64");
	assert_part(&p[1], "6000");
	/* the mc answer "b, a" holds a comma: ';' first */
	assert_int_equal(split(&g, "2", "b, a; C", p, &n, &err), EC_OK);
	assert_part(&p[0], "b, a");
	assert_part(&p[1], "C");
	/* an empty part is a blank answer */
	assert_int_equal(split(&g, "3.2.1.1", ", 6000", p, &n, &err), EC_OK);
	assert_int_equal(p[0].len, 0);
	/* no split that both items read: the first giving two parts, for the grader to flag Z */
	assert_int_equal(split(&g, "2", "AB, Z", p, &n, &err), EC_OK);
	assert_part(&p[0], "AB");
	assert_part(&p[1], "Z");
	assert_int_equal(split(&g, "3.2.1.1", "16x8x64x64", p, &n, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'16x8x64x64' is not 2 answers, one per item of 3.2.1.1 "
				     "(3.2.1.1.dims 3.2.1.1.weights), separated by ',' or ';'");
	ec_grader_free(&g);
}

/* A sheet's line naming a group answers its items: 2 of 2 right is 2 x 6/21. */
static void test_grade_sheet_group_line(void **state)
{
	const char text[] = "3.2.1.1 16 x 8 x 64 x 64, 6,000\n2: A;C\n";
	ec_value values[NITEMS];
	ec_grade_result res[NITEMS];
	ec_sheet sheet;
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_sheet_parse(text, strlen(text), "s", &sheet, &err), EC_OK);
	assert_int_equal(ec_grade_sheet(&g, &sheet, "s", values, &err), EC_OK);
	ec_grade_values(&g, values, res, NULL);
	assert_near(res[DIMS].points, 6.0 / 21, 0);
	assert_near(res[COUNT].points, 6.0 / 21, 0);
	assert_near(res[MC_AB].points, 2, 0); /* A of AB: 4 - 2 */
	assert_near(res[MC_C].points, 4, 0);
	ec_sheet_free(&sheet);
	assert_int_equal(ec_sheet_parse("3.2.1.1 6000\n", 13, "s", &sheet, &err), EC_OK);
	assert_int_equal(ec_grade_sheet(&g, &sheet, "s", values, &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 1);
	ec_sheet_free(&sheet);
	assert_int_equal(ec_sheet_parse("3.9 6000\n", 9, "s", &sheet, &err), EC_OK);
	assert_int_equal(ec_grade_sheet(&g, &sheet, "s", values, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "unknown item id '3.9'");
	ec_sheet_free(&sheet);
	ec_grader_free(&g);
}

/*
 * How a right answer earned its points. NUM's key is -0.25 under rel=1e-6
 * (2.5e-7 allowed): -1/4 is the key's value; -0.2500002 is off by 2e-7,
 * more than EC_NUMBER_SAME (2.5e-10) but within the rule; -0.2500003 is
 * off by 3e-7: wrong. MC_C (key C) with "alt 2.2 D": D is the alternative.
 */
static void test_grader_match_kinds(void **state)
{
	ec_grader g;
	ec_error err;
	ec_value v;

	(void)state;
	assert_int_equal(make_grader(&g, "alt 2.2 D\n", &err), EC_OK);
	assert_int_equal(ec_grader_read(&g, NUM, "-1/4", 4, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, NUM, &v), EC_MATCH_EXACT);
	assert_int_equal(ec_grader_read(&g, NUM, "-0.2500002", 10, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, NUM, &v), EC_MATCH_TOLERANCE);
	assert_int_equal(ec_grader_read(&g, NUM, "-0.2500003", 10, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, NUM, &v), EC_MATCH_NONE);
	assert_int_equal(ec_grader_read(&g, MC_C, "c", 1, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, MC_C, &v), EC_MATCH_EXACT);
	assert_int_equal(ec_grader_read(&g, MC_C, "D", 1, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, MC_C, &v), EC_MATCH_ALTERNATIVE);
	assert_int_equal(ec_grader_read(&g, MC_C, "A", 1, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, MC_C, &v), EC_MATCH_NONE);
	assert_int_equal(ec_grader_read(&g, MC_C, "", 0, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, MC_C, &v), EC_MATCH_NONE);
	assert_int_equal(ec_grader_match(&g, MANUAL, NULL), EC_MATCH_NONE);
	ec_grader_free(&g);
	/* without a tolerance: -0.250 is the key's value... */
	assert_int_equal(make_grader(&g, "rule 3.1.2 exact\n", &err), EC_OK);
	assert_int_equal(ec_grader_read(&g, NUM, "-0.250", 6, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, NUM, &v), EC_MATCH_EXACT);
	/* ...and -0.2500002 (7 figures, the 7th wrong) is no longer right */
	assert_int_equal(ec_grader_read(&g, NUM, "-0.2500002", 10, &v, &err), EC_OK);
	assert_int_equal(ec_grader_match(&g, NUM, &v), EC_MATCH_NONE);
	ec_grader_free(&g);
}

/* Marks given by hand: blank is pending, 0 to the item's points score, anything else is refused. */
static void test_grader_read_mark_cases(void **state)
{
	ec_grade_result r;
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, " ", 1, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_MANUAL);
	assert_true(r.points == 0);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "1", 1, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_RIGHT);
	assert_true(r.points == 1);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "1/2", 3, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_PARTIAL);
	assert_true(r.points == 0.5);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "0", 1, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_WRONG);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "1.5", 3, &r, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'1.5' is not a mark from 0 to 1");
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "-1", 2, &r, &err), EC_ERR_PARSE);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "good", 4, &r, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'good' is not a mark from 0 to 1");
	/* a decimal comma, as a spreadsheet in many locales writes 0.5 */
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, " 0,5 ", 5, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_PARTIAL);
	assert_true(r.points == 0.5);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "1,00", 4, &r, &err), EC_OK);
	assert_int_equal(r.verdict, EC_VERDICT_RIGHT);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "1,5", 3, &r, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'1,5' is not a mark from 0 to 1");
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, ",5", 2, &r, &err), EC_ERR_PARSE);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "0,5,0", 5, &r, &err), EC_ERR_PARSE);
	assert_int_equal(ec_grader_read_mark(&g, MANUAL, "0,", 2, &r, &err), EC_ERR_PARSE);
	ec_grader_free(&g);
}

/* Reference for ec_points_format(): llround() of micro-points, then the digits. */
static void points_reference(double points, char *buf)
{
	long long micro = llround(points * 1e6);
	unsigned long long m = (unsigned long long)(micro < 0 ? -micro : micro);
	int n;

	n = sprintf(buf, "%s%llu", micro < 0 ? "-" : "", m / 1000000u);
	if (m % 1000000u) {
		n += sprintf(buf + n, ".%06llu", m % 1000000u);
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
}

/* Halves of a micro-point round away from zero, as llround() does. */
/*
 * Sums of points back to the fractions the rubric can express. By hand:
 * 21 x 2/7 = 6; 9 x 5/9 = 5; 20 x 2/7 = 40/7; 0.1 + 0.2 = 3/10; -21 x 2/7
 * = -6. Left alone: 1/7 + 1/11 + 1/13 = 311/1001 (denominator over 1000),
 * pi (355/113 is 2.7e-7 away), 0.123456789, 100000 + 2/7 (too large to
 * tell), infinities and NaN.
 */
static void test_points_round_sums(void **state)
{
	double sum = 0, nine = 0, twenty = 0, odd = 1.0 / 7 + 1.0 / 11 + 1.0 / 13;
	int i;

	(void)state;
	for (i = 0; i < 21; i++)
		sum += 2.0 / 7;
	for (i = 0; i < 20; i++)
		twenty += 2.0 / 7;
	for (i = 0; i < 9; i++)
		nine += 5.0 / 9;
	assert_true(sum != 6); /* the noise this is about: 5.9999999999999982 */
	assert_true(ec_points_round(sum) == 6);
	assert_true(ec_points_round(-sum) == -6);
	assert_true(ec_points_round(nine) == 5);
	assert_true(ec_points_round(twenty) == 40.0 / 7);
	assert_true(ec_points_round(0.1 + 0.2) == 0.3);
	assert_true(ec_points_round(2.0 / 7) == 2.0 / 7);
	assert_true(ec_points_round(odd) == odd);
	assert_true(ec_points_round(3.14159265358979) == 3.14159265358979);
	assert_true(ec_points_round(0.123456789) == 0.123456789);
	assert_true(ec_points_round(100000 + sum / 21) == 100000 + sum / 21);
	assert_true(ec_points_round(INFINITY) == INFINITY);
	assert_true(isnan(ec_points_round(NAN)));
	assert_true(ec_points_round(-1) == -1);
}

static void test_points_format_matches_llround(void **state)
{
	uint64_t x = 0x2545F4914F6CDD1Du;
	char got[32], want[32];
	size_t n;

	(void)state;
	for (n = 0; n < 200000; n++) {
		double v;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		switch (n % 4) {
		case 0: /* exact halves of a micro-point, either sign */
			v = ((double)(long long)(x % 2000001u) - 1000000.0 + 0.5) / 1e6;
			break;
		case 1: /* thirds, sevenths and such */
			v = (double)(long long)(x % 4001u - 2000u) / (double)(1 + (x >> 40) % 97);
			break;
		case 2: /* wide range */
			v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * pow(10, (double)((x >> 3) % 13));
			break;
		default: /* next to a half */
			v = nextafter(((double)(x % 1000u) + 0.5) / 1e6, (x & 1) ? 1 : -1);
			break;
		}
		ec_points_format(v, got);
		points_reference(v, want);
		if (strcmp(want, "-0") == 0)
			strcpy(want, "0");
		if (strcmp(got, want) != 0)
			fail_msg("%.17g: got %s, llround gives %s", v, got, want);
		if (ec_points_format_len(v, got) != strlen(want))
			fail_msg("%.17g: ec_points_format_len() is not the length of %s", v, want);
	}
}

static void test_points_format_cases(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(ec_points_format(2, buf), "2");
	assert_string_equal(ec_points_format(-1, buf), "-1");
	assert_string_equal(ec_points_format(0, buf), "0");
	assert_string_equal(ec_points_format(6.0 / 21, buf), "0.285714"); /* 0.2857142857... */
	assert_string_equal(ec_points_format(57.25, buf), "57.25");
	assert_string_equal(ec_points_format(-0.5, buf), "-0.5");
	assert_string_equal(ec_points_format(1e-7, buf), "0");
	assert_string_equal(ec_points_format(-1e-7, buf), "0");
	assert_string_equal(ec_points_format(2.0 / 3, buf), "0.666667"); /* rounded up */
	assert_string_equal(ec_points_format(100, buf), "100");
	assert_string_equal(ec_points_format(1234567.5, buf), "1234567.5");
}

/* No output ever says inf or nan: what is not finite is "-". */
static void test_points_format_not_finite(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(ec_points_format(INFINITY, buf), "-");
	assert_string_equal(ec_points_format(-INFINITY, buf), "-");
	assert_string_equal(ec_points_format(NAN, buf), "-");
	assert_int_equal(ec_points_format_len(NAN, buf), 1);
	assert_string_equal(ec_points_format_exact(INFINITY, buf), "-");
	assert_string_equal(ec_points_format_exact(NAN, buf), "-");
	assert_string_equal(ec_points_format(1e13, buf), "1e+13"); /* large, but a number */
}

static void test_points_format_exact_round_trips(void **state)
{
	const double values[] = {4, 6.0 / 21, 0.1, 5.0 / 7, 1.0 / 3, 3.14159265358979, 0};
	const char *want[] = {"4", "2/7", "1/10", "5/7", "1/3", NULL, "0"};
	char buf[32];
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		ec_points_format_exact(values[i], buf);
		if (want[i])
			assert_string_equal(buf, want[i]);
		assert_int_equal(ec_value_parse(EC_KEY_NUMBER, buf, strlen(buf), &v, &err), EC_OK);
		assert_true(v.number == values[i]); /* bit for bit */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grader_group_items),
		cmocka_unit_test(test_grader_split_group_separators),
		cmocka_unit_test(test_grade_sheet_group_line),
		cmocka_unit_test(test_grader_match_kinds),
		cmocka_unit_test(test_points_round_sums),
		cmocka_unit_test(test_grader_score_tf_rule),
		cmocka_unit_test(test_grader_score_mc_several_correct),
		cmocka_unit_test(test_grader_score_mc_one_correct),
		cmocka_unit_test(test_grader_score_exact_kinds),
		cmocka_unit_test(test_grader_score_absolute_tolerance),
		cmocka_unit_test(test_grader_score_manual),
		cmocka_unit_test(test_grader_score_alternatives),
		cmocka_unit_test(test_grader_score_number_sigfig_rule),
		cmocka_unit_test(test_grader_score_number_tolerance_overrides),
		cmocka_unit_test(test_sigfigs_agree_edges),
		cmocka_unit_test(test_grade_sheet_every_form_real_key),
		cmocka_unit_test(test_grader_init_errors),
		cmocka_unit_test(test_grader_init_key_file_answer_at_its_line),
		cmocka_unit_test(test_grader_init_alt_for_absent_item),
		cmocka_unit_test(test_grader_init_needs_a_rule),
		cmocka_unit_test(test_grader_read_rejects_options),
		cmocka_unit_test(test_grade_values_totals),
		cmocka_unit_test(test_grade_sum_section_in_two_runs),
		cmocka_unit_test(test_grade_sheet_errors),
		cmocka_unit_test(test_grade_sheet_missing_is_blank),
		cmocka_unit_test(test_grade_roster_header_cases),
		cmocka_unit_test(test_grader_read_mark_cases),
		cmocka_unit_test(test_points_format_cases),
		cmocka_unit_test(test_points_format_matches_llround),
		cmocka_unit_test(test_points_format_not_finite),
		cmocka_unit_test(test_points_format_exact_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
