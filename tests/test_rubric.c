#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_rubric.h"

static ec_status parse(ec_rubric *r, const char *text, ec_error *err)
{
	memset(r, 0, sizeof(*r));
	ec_error_clear(err);
	return ec_rubric_parse(r, text, strlen(text), "rub", err);
}

static void test_rubric_parse_rules_and_alts(void **state)
{
	const char text[] = "# comment\n"
			    "total 100\n"
			    "rule 1.*   tf wrong=-1 blank=0\n"
			    "\n"
			    "rule 2.*   mc per-error=2 options=A-E\n"
			    "rule 2.4   mc per-error=2 options=ABCDEF\n"
			    "rule 3.*   exact rel=1e-3 abs=0.5\n"
			    "rule 3.3.4 manual\n"
			    "alt 2.9   A C  \n";
	ec_rubric r;
	ec_error err;
	const ec_rubric_rule *rule;

	(void)state;
	assert_int_equal(parse(&r, text, &err), EC_OK);
	assert_int_equal(r.nrules, 5);
	assert_near(r.total, 100, 0);
	rule = ec_rubric_rule_for(&r, "1.10");
	assert_non_null(rule);
	assert_int_equal(rule->scheme, EC_SCHEME_TF);
	assert_near(rule->wrong, -1, 0);
	assert_int_equal(rule->line, 3);
	rule = ec_rubric_rule_for(&r, "2.1");
	assert_int_equal(rule->options, 0x1F); /* A-E: bits 0..4 */
	assert_true(rule->per_error == 2);
	rule = ec_rubric_rule_for(&r, "2.4"); /* the later rule wins */
	assert_int_equal(rule->options, 0x3F);
	rule = ec_rubric_rule_for(&r, "3.1.2");
	assert_int_equal(rule->scheme, EC_SCHEME_EXACT);
	assert_near(rule->rel, 1e-3, 0);
	assert_near(rule->abs, 0.5, 0);
	assert_int_equal(ec_rubric_rule_for(&r, "3.3.4")->scheme, EC_SCHEME_MANUAL);
	assert_null(ec_rubric_rule_for(&r, "4.1"));
	assert_int_equal(r.nalts, 1);
	assert_string_equal(r.alts[0].id, "2.9");
	assert_string_equal(r.alts[0].answer, "A C");
	assert_int_equal(r.alts[0].line, 9);
	ec_rubric_free(&r);
}

static void test_rubric_parse_defaults(void **state)
{
	ec_rubric r;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&r, "rule * exact\nrule 2.* mc\nrule 1.* tf\n", &err), EC_OK);
	/*
	 * exact: no tolerance (numbers by significant figures), rel 0, abs 0;
	 * mc: all or nothing (infinite deduction); tf: 0/0
	 */
	assert_false(r.rules[0].tolerance);
	assert_near(r.rules[0].rel, 0, 0);
	assert_near(r.rules[0].abs, 0, 0);
	assert_true(isinf(r.rules[1].per_error));
	assert_int_equal(r.rules[1].options, 0);
	assert_near(r.rules[2].wrong, 0, 0);
	ec_rubric_free(&r);
}

/* Giving rel or abs (either, even 0) switches a rule to a tolerance. */
static void test_rubric_parse_tolerance_given(void **state)
{
	ec_rubric r;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&r, "rule 3.1 exact rel=1e-6\nrule 3.2 exact abs=0.01\n"
				   "rule 3.3 exact rel=0 abs=0\nrule 3.4 exact\n", &err),
			 EC_OK);
	assert_true(r.rules[0].tolerance);
	assert_near(r.rules[0].rel, 1e-6, 0);
	assert_near(r.rules[0].abs, 0, 0);
	assert_true(r.rules[1].tolerance);
	assert_near(r.rules[1].rel, 0, 0);
	assert_near(r.rules[1].abs, 0.01, 0);
	assert_true(r.rules[2].tolerance);
	assert_false(r.rules[3].tolerance);
	ec_rubric_free(&r);
}

/*
 * Points and tolerances are bounded (EC_POINTS_MAX, EC_TOLERANCE_MAX =
 * 1e6) so that sums of them stay finite: 1e308 points would make a class
 * total of infinity and statistics of NaN. The bounds themselves are in.
 */
static void test_rubric_parse_huge_values(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"rule 1.* tf wrong=-1e308\n", 1, "setting wrong: '-1e308' is not between -1000000 and 1000000"},
		{"rule 1.* tf\nrule 1.1 tf blank=1000000.5\n", 2,
		 "setting blank: '1000000.5' is not between -1000000 and 1000000"},
		{"rule 2.* mc per-error=1e7\n", 1, "setting per-error: '1e7' is not between 0 and 1000000"},
		{"rule 3.* exact rel=1e308\n", 1, "setting rel: '1e308' is not between 0 and 1000000"},
		{"rule 3.* exact abs=2e6\n", 1, "setting abs: '2e6' is not between 0 and 1000000"},
		{"rule 3.* exact abs=inf\n", 1, "setting abs: 'inf' is not a valid value"},
		{"rule 3.* exact rel=nan\n", 1, "setting rel: 'nan' is not a valid value"},
		{"rule 1.* tf wrong=1e309\n", 1, "setting wrong: '1e309' is not a valid value"},
		{"total 1e308\n", 1, "total '1e308' is more than 1000000"},
		{"total inf\n", 1, "total needs one positive number"},
	};
	ec_rubric r;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&r, bad[i].text, &err), EC_ERR_PARSE);
		assert_int_equal(err.line, bad[i].line);
		assert_string_equal(err.msg, bad[i].msg);
		ec_rubric_free(&r);
	}
	assert_int_equal(parse(&r, "total 1e6\nrule 1.* tf wrong=-1e6 blank=1e6\n"
				   "rule 2.* mc per-error=1e6\nrule 3.* exact rel=1e6 abs=1e6\n", &err),
			 EC_OK);
	assert_near(r.total, 1e6, 0);
	assert_near(r.rules[0].wrong, -1e6, 0);
	assert_near(r.rules[0].blank, 1e6, 0);
	assert_near(r.rules[1].per_error, 1e6, 0);
	assert_near(r.rules[2].rel, 1e6, 0);
	assert_near(r.rules[2].abs, 1e6, 0);
	ec_rubric_free(&r);
}

static void test_rubric_pattern_matches_cases(void **state)
{
	(void)state;
	assert_true(ec_rubric_pattern_matches("*", "3.2.1.1.dims"));
	assert_true(ec_rubric_pattern_matches("1.*", "1.1"));
	assert_true(ec_rubric_pattern_matches("1.*", "1.10"));
	assert_false(ec_rubric_pattern_matches("1.*", "11.1"));
	assert_false(ec_rubric_pattern_matches("1.*", "1."));
	assert_false(ec_rubric_pattern_matches("1.*", "1"));
	assert_true(ec_rubric_pattern_matches("3.2.*", "3.2.1.1.dims"));
	assert_true(ec_rubric_pattern_matches("2.9", "2.9"));
	assert_false(ec_rubric_pattern_matches("2.9", "2.90"));
}

static void test_rubric_accept_spec(void **state)
{
	ec_rubric r = {0};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_rubric_accept(&r, "2.9=AC", "--accept", &err), EC_OK);
	assert_string_equal(r.alts[0].id, "2.9");
	assert_string_equal(r.alts[0].answer, "AC");
	assert_string_equal(r.alts[0].file, "--accept");
	assert_int_equal(ec_rubric_accept(&r, "2.9", "--accept", &err), EC_ERR_USAGE);
	assert_string_equal(err.msg, "'2.9' is not ID=ANSWER");
	assert_int_equal(ec_rubric_accept(&r, "=AC", "--accept", &err), EC_ERR_USAGE);
	assert_int_equal(ec_rubric_accept(&r, "2.9=", "--accept", &err), EC_ERR_USAGE);
	assert_string_equal(err.msg, "an alternative needs an item id and an answer");
	assert_int_equal(r.nalts, 1);
	ec_rubric_free(&r);
}

static void test_rubric_parse_errors(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"total 100\nscore 1.1 2\n", 2, "unknown directive 'score' (use total, rule or alt)"},
		{"rule 1.* truefalse\n", 1, "unknown scheme 'truefalse' (use tf, mc, exact or manual)"},
		{"rule 1.*\n", 1, "rule needs a pattern and a scheme"},
		{"rule 1.* tf per-error=2\n", 1, "scheme tf has no setting 'per-error'"},
		{"rule 1.* tf wrong\n", 1, "setting 'wrong' is not NAME=VALUE"},
		{"rule 1.* tf wrong=-x\n", 1, "setting wrong: '-x' is not a valid value"},
		{"rule 2.* mc options=a-e\n", 1, "setting options: 'a-e' is not a valid value"},
		{"rule 2.* mc per-error=-2\n", 1, "setting per-error: '-2' is not between 0 and 1000000"},
		{"rule 3.*.1 exact\n", 1, "pattern '3.*.1': '*' may only end a pattern, after a '.'"},
		{"rule 3* exact\n", 1, "pattern '3*': '*' may only end a pattern, after a '.'"},
		{"\n\ntotal -5\n", 3, "total needs one positive number"},
		{"alt 2.9\n", 1, "an alternative needs an item id and an answer"},
	};
	ec_rubric r;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&r, bad[i].text, &err), EC_ERR_PARSE);
		assert_int_equal(err.line, bad[i].line);
		assert_string_equal(err.msg, bad[i].msg);
		assert_string_equal(err.file, "rub");
		ec_rubric_free(&r);
	}
	memset(&r, 0, sizeof(r));
	assert_int_equal(ec_rubric_parse(&r, "rule\0", 5, "rub", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_int_equal(err.line, 1);
	ec_rubric_free(&r);
	memset(&r, 0, sizeof(r)); /* its own line, a lone CR ending line 2 */
	assert_int_equal(ec_rubric_parse(&r, "total 9\nrule * exact\rrule \0", 27, "rub", &err),
			 EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_int_equal(err.line, 3);
	ec_rubric_free(&r);
	/* the NUL's line is named: the third, after a CRLF and a lone CR */
	memset(&r, 0, sizeof(r));
	assert_int_equal(ec_rubric_parse(&r, "total 1\r\n# c\rrule\0", 18, "rub", &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "contains a NUL byte");
	ec_rubric_free(&r);
}

/* The shipped data/rubric encodes the exam's rules (tests run from the top of the tree). */
static void test_rubric_parse_shipped_default(void **state)
{
	FILE *f = fopen("data/rubric", "rb");
	char buf[8192];
	size_t n;
	ec_rubric r = {0};
	ec_error err;
	const ec_rubric_rule *rule;

	(void)state;
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	ec_error_clear(&err);
	assert_int_equal(ec_rubric_parse(&r, buf, n, "data/rubric", &err), EC_OK);
	assert_near(r.total, 100, 0);
	rule = ec_rubric_rule_for(&r, "1.7"); /* exam: right +2, wrong -1, blank 0 */
	assert_int_equal(rule->scheme, EC_SCHEME_TF);
	assert_near(rule->wrong, -1, 0);
	assert_near(rule->blank, 0, 0);
	rule = ec_rubric_rule_for(&r, "2.4"); /* options A-F, 2 per error */
	assert_int_equal(rule->scheme, EC_SCHEME_MC);
	assert_int_equal(rule->options, 0x3F);
	assert_near(rule->per_error, 2, 0);
	assert_int_equal(ec_rubric_rule_for(&r, "2.10")->options, 0xF); /* A-D */
	assert_int_equal(ec_rubric_rule_for(&r, "3.2.1.7.biases")->scheme, EC_SCHEME_EXACT);
	/* numbers by significant figures: no rel or abs on the short answers */
	assert_false(ec_rubric_rule_for(&r, "3.1.1.x")->tolerance);
	/* one alternative is on by default: Q3.2.1's FC activations as volumes */
	assert_int_equal(r.nalts, 2);
	assert_string_equal(r.alts[0].id, "3.2.1.6.dims");
	assert_string_equal(r.alts[0].answer, "256x1x1x1");
	assert_string_equal(r.alts[1].id, "3.2.1.7.dims");
	assert_string_equal(r.alts[1].answer, "10x1x1x1");
	assert_true(r.alts[0].optional);
	ec_rubric_free(&r);
}

/* A BOM is skipped; CRLF, a lone CR and LF all end lines. */
static void test_rubric_parse_bom_and_line_ends(void **state)
{
	const char text[] = "\xEF\xBB\xBF"
			    "total 10\r\n"                       /* line 1 */
			    "rule 1.* tf wrong=-1 blank=0\r"     /* line 2 */
			    "rule 2.* mc per-error=2 options=A-D\r\n" /* line 3 */
			    "alt 2.1 B\r";                       /* line 4 */
	const char bad[] = "total 10\rrule 1.* tf wrong=x\r\n";
	ec_rubric r;
	ec_error err;
	const ec_rubric_rule *rule;

	(void)state;
	assert_int_equal(parse(&r, text, &err), EC_OK);
	assert_near(r.total, 10, 0); /* "total" read although the BOM precedes it */
	assert_int_equal(r.nrules, 2);
	rule = ec_rubric_rule_for(&r, "1.3");
	assert_near(rule->wrong, -1, 0);
	assert_int_equal(rule->line, 2);
	rule = ec_rubric_rule_for(&r, "2.1");
	assert_int_equal(rule->options, 0xF); /* "A-D", not "A-D\r" */
	assert_int_equal(rule->line, 3);
	assert_int_equal(r.nalts, 1);
	assert_string_equal(r.alts[0].answer, "B");
	assert_int_equal(r.alts[0].line, 4);
	ec_rubric_free(&r);
	assert_int_equal(parse(&r, bad, &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 2);
	ec_rubric_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rubric_parse_rules_and_alts),
		cmocka_unit_test(test_rubric_parse_defaults),
		cmocka_unit_test(test_rubric_parse_tolerance_given),
		cmocka_unit_test(test_rubric_parse_huge_values),
		cmocka_unit_test(test_rubric_pattern_matches_cases),
		cmocka_unit_test(test_rubric_accept_spec),
		cmocka_unit_test(test_rubric_parse_errors),
		cmocka_unit_test(test_rubric_parse_bom_and_line_ends),
		cmocka_unit_test(test_rubric_parse_shipped_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
