#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_csv.h"
#include "examcheck/ec_grade.h"

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

static void test_grader_init_errors(void **state)
{
	static const struct {
		const char *extra;
		long line;
		const char *msg;
	} bad[] = {
		{"rule 2.1 tf\n", 4, "rule '2.1' scores with tf, which does not fit item '2.1' of kind mc"},
		{"rule 3.3.3 mc\n", 4, "rule '3.3.3' scores with mc, which does not fit item '3.3.3' of kind mask"},
		{"alt 2.11 A\n", 4, "alternative for unknown item '2.11'"},
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
		cmocka_unit_test(test_grader_score_tf_rule),
		cmocka_unit_test(test_grader_score_mc_several_correct),
		cmocka_unit_test(test_grader_score_mc_one_correct),
		cmocka_unit_test(test_grader_score_exact_kinds),
		cmocka_unit_test(test_grader_score_absolute_tolerance),
		cmocka_unit_test(test_grader_score_manual),
		cmocka_unit_test(test_grader_score_alternatives),
		cmocka_unit_test(test_grader_init_errors),
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
		cmocka_unit_test(test_points_format_exact_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
