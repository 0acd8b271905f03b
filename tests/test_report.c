#include "ec_test.h"

#include <stdio.h>
#include <string.h>

#include "examcheck/ec_report.h"

/*
 * Key: 1.1 tf T (2), 2.1 mc AB (4), 3.1 number -0.25 (1), 3.2 mask of 64
 * digits (1), 3.9 manual (3). Rubric: tf wrong -1, mc 2 per error, exact.
 */
static const char mask64[] = "0101010101010101010101010101010101010101010101010101010101010101";
static const char alt64[] = "1010101010101010101010101010101010101010101010101010101010101010";

static void make_grader(ec_grader *g, const char *extra)
{
	char text[512];
	ec_rubric r = {0};
	ec_key key = {0};
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.1", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1", EC_KEY_NUMBER, 1, "-0.25", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.2", EC_KEY_MASK, 1, mask64, &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.9", EC_KEY_MANUAL, 3, "explain", &err), EC_OK);
	snprintf(text, sizeof(text),
		 "rule 1.* tf wrong=-1 blank=0\nrule 2.* mc per-error=2 options=A-D\n"
		 "rule 3.* exact rel=1e-6\n%s",
		 extra);
	assert_int_equal(ec_rubric_parse(&r, text, strlen(text), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(g, &key, &r, &err), EC_OK);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

/*
 * "1.1 F": wrong, -1. "2.1 a": A of AB, one selection missing: 4 - 2 = 2,
 * partial. 3.1 and 3.2 not answered: blank, 0. 3.9: manual.
 * Sections 1, 2, 3: -1, 2, 0; maxima 2, 4, 1 + 1 = 2 (3.9 is graded by
 * hand, so not counted); total -1 + 2 = 1.
 */
static void test_grade_sheet_report_scores(void **state)
{
	static const char sheet[] = "# a comment\n1.1 F\n2.1 a\n";
	ec_sheet_report r;
	ec_grader g;
	ec_error err;

	(void)state;
	make_grader(&g, "");
	ec_error_clear(&err);
	assert_int_equal(ec_grade_sheet_report(&g, sheet, strlen(sheet), "s.txt", &r, &err), EC_OK);
	assert_ptr_equal(r.grader, &g);
	assert_string_equal(r.file, "s.txt");
	assert_int_equal(r.results[0].verdict, EC_VERDICT_WRONG);
	assert_near(r.results[0].points, -1, 0);
	assert_int_equal(r.results[1].verdict, EC_VERDICT_PARTIAL);
	assert_near(r.results[1].points, 2, 0);
	assert_int_equal(r.values[1].letters, 1u);
	assert_true(r.values[2].blank);
	assert_int_equal(r.results[2].verdict, EC_VERDICT_BLANK);
	assert_int_equal(r.results[3].verdict, EC_VERDICT_BLANK);
	assert_int_equal(r.results[4].verdict, EC_VERDICT_MANUAL);
	assert_int_equal(g.nsections, 3);
	assert_near(r.sections[0], -1, 0);
	assert_near(r.sections[1], 2, 0);
	assert_near(r.sections[2], 0, 0);
	assert_near(r.section_max[0], 2, 0);
	assert_near(r.section_max[1], 4, 0);
	assert_near(r.section_max[2], 2, 0);
	assert_near(r.total, 1, 0);
	ec_sheet_report_free(&r);
	assert_null(r.values);
	ec_grader_free(&g);
}

/*
 * A sheet's bad lines are flagged and the rest graded: "9.9 A" names no
 * item (ignored); "2.1 AZ" is no option list (0, unreadable); 1.1 answered
 * twice scores 0 on both lines. Left: 3.1 "-1/4" right (1). Total 1 of the
 * auto-graded 8; 3.9 left to a person (3 points pending).
 */
static void test_grade_sheet_report_flags(void **state)
{
	static const char text[] = "1.1 T\n9.9 A\n2.1 AZ\n3.1 -1/4\n1.1 F\n";
	ec_sheet_report r;
	ec_grader g;
	ec_error err;

	(void)state;
	make_grader(&g, "");
	ec_error_clear(&err);
	assert_int_equal(ec_grade_sheet_report(&g, text, strlen(text), "s.txt", &r, &err), EC_OK);
	assert_int_equal(r.nflags, 3);
	assert_int_equal(r.flags[0].line, 2);
	assert_string_equal(r.flags[0].msg, "unknown item id '9.9'");
	assert_int_equal(r.flags[1].line, 3);
	assert_string_equal(r.flags[1].msg, "item 2.1: 'AZ' is not an option of 2.1");
	assert_int_equal(r.flags[2].line, 5);
	assert_string_equal(r.flags[2].msg, "item 1.1 is answered twice (first on line 1): 0 points");
	assert_string_equal(r.flags[2].file, "s.txt");
	assert_int_equal(r.results[0].verdict, EC_VERDICT_UNREADABLE);
	assert_int_equal(r.results[1].verdict, EC_VERDICT_UNREADABLE);
	assert_int_equal(r.results[2].verdict, EC_VERDICT_RIGHT);
	assert_int_equal(r.results[4].verdict, EC_VERDICT_MANUAL);
	assert_near(r.total, 1, 0);
	assert_near(r.max, 8, 0);
	assert_near(r.pending, 3, 0);
	ec_sheet_report_free(&r);
	/* only an empty file (or a NUL byte) stops a sheet */
	assert_int_equal(ec_grade_sheet_report(&g, "", 0, "e.txt", &r, &err), EC_ERR_PARSE);
	ec_grader_free(&g);
}

/*
 * A number on a prose item's line is the mark a person gave: 3.9 "2.5" of
 * 3 (partial); with every item graded the total is out of all 11 points.
 * "7" is out of range (flagged, 0); prose stays for a person.
 */
static void test_grade_sheet_report_marks(void **state)
{
	static const char marked[] = "1.1 T\n2.1 AB\n3.1 -0.25\n3.2 0\n3.9 2.5\n";
	ec_sheet_report r;
	ec_grader g;
	ec_error err;

	(void)state;
	make_grader(&g, "");
	ec_error_clear(&err);
	assert_int_equal(ec_grade_sheet_report(&g, marked, strlen(marked), "m.txt", &r, &err), EC_OK);
	assert_int_equal(r.nflags, 0);
	assert_int_equal(r.results[4].verdict, EC_VERDICT_PARTIAL);
	assert_near(r.total, 2 + 4 + 1 + 0 + 2.5, 0);
	assert_near(r.max, 11, 0);
	assert_near(r.pending, 0, 0);
	assert_near(r.sections[2], 3.5, 0);
	assert_near(r.section_max[2], 5, 0);
	ec_sheet_report_free(&r);
	assert_int_equal(ec_grade_sheet_report(&g, "3.9 7\n", 6, "m.txt", &r, &err), EC_OK);
	assert_int_equal(r.nflags, 1);
	assert_string_equal(r.flags[0].msg, "item 3.9: '7' is not a mark from 0 to 3");
	assert_int_equal(r.results[4].verdict, EC_VERDICT_UNREADABLE);
	ec_sheet_report_free(&r);
	assert_int_equal(ec_grade_sheet_report(&g, "3.9 the centre\n", 15, "m.txt", &r, &err), EC_OK);
	assert_int_equal(r.nflags, 0);
	assert_int_equal(r.results[4].verdict, EC_VERDICT_MANUAL);
	assert_near(r.pending, 3, 0);
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

static void test_grade_item_correct_alternatives(void **state)
{
	ec_grader g;
	char buf[200];

	(void)state;
	make_grader(&g, "alt 2.1 AC\nalt 2.1 d,b\n");
	assert_string_equal(ec_grade_item_correct(&g.items[0], buf, sizeof(buf)), "T");
	assert_string_equal(ec_grade_item_correct(&g.items[1], buf, sizeof(buf)), "AB or AC or BD");
	/* "AB or AC or BD" cut to 4 bytes and a NUL. */
	assert_string_equal(ec_grade_item_correct(&g.items[1], buf, 5), "AB o");
	assert_string_equal(ec_grade_item_correct(&g.items[4], buf, sizeof(buf)), "explain");
	ec_grader_free(&g);
}

/* An alternative is cut at 63 bytes: a 64-digit mask loses its last digit. */
static void test_grade_item_correct_cuts_long_alternative(void **state)
{
	char text[128], want[200];
	ec_grader g;
	char buf[200];

	(void)state;
	snprintf(text, sizeof(text), "alt 3.2 %s\n", alt64);
	make_grader(&g, text);
	snprintf(want, sizeof(want), "%s or %.63s", mask64, alt64);
	assert_string_equal(ec_grade_item_correct(&g.items[3], buf, sizeof(buf)), want);
	ec_grader_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grade_sheet_report_scores),
		cmocka_unit_test(test_grade_sheet_report_flags),
		cmocka_unit_test(test_grade_sheet_report_marks),
		cmocka_unit_test(test_grade_item_correct_alternatives),
		cmocka_unit_test(test_grade_item_correct_cuts_long_alternative),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
