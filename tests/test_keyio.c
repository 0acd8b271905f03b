#include "ec_test.h"

#include <stdio.h>
#include <string.h>

#include "examcheck/ec_keyio.h"

static ec_status parse(ec_key *key, const char *text, size_t len, ec_error *err)
{
	memset(key, 0, sizeof(*key));
	ec_error_clear(err);
	return ec_key_parse_tsv(key, text, len, "k.tsv", err);
}

static void test_key_parse_tsv_items(void **state)
{
	const char text[] = "# a key\r\n"
			    "1.1\tT\t2\ttf\r\n"
			    "\n"
			    "3.2.1.1.dims\t16x8x64x64\t2/7\tdims\n"
			    "3.3.4\ta hint, with words\t1\tmanual";
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&key, text, strlen(text), &err), EC_OK);
	assert_int_equal(key.count, 3);
	assert_string_equal(key.items[0].answer, "T");
	assert_int_equal(key.items[0].kind, EC_KEY_TF);
	assert_true(key.items[1].points == 6.0 / 21); /* 2/7 reads back bit for bit */
	assert_string_equal(key.items[2].answer, "a hint, with words");
	ec_key_free(&key);
	assert_int_equal(parse(&key, "", 0, &err), EC_OK); /* an empty key is a key */
	assert_int_equal(key.count, 0);
}

/*
 * A fifth field gives the item's origin and perhaps its data file; a line
 * of four fields is from the exam, in the same file.
 */
static void test_key_parse_tsv_origin(void **state)
{
	const char text[] = "1.1\tT\t2\ttf\n"
			    "3.1.1.x\t33.27\t5/7\tnumber\tstand-in q3.1.1.graph\n"
			    "3.3.1\t13\t4\tnumber\treconstructed\r\n"
			    "3.3.4\ta hint\t1\tmanual\texam\n"
			    "3.3.5\tb\t2\tmanual\texam 0123456789abcdef0123456789abcde\n";
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&key, text, strlen(text), &err), EC_OK);
	assert_int_equal(key.count, 5);
	assert_int_equal(key.items[0].origin, EC_KEY_FROM_EXAM);
	assert_string_equal(key.items[0].data, "");
	assert_int_equal(key.items[1].origin, EC_KEY_FROM_STAND_IN);
	assert_string_equal(key.items[1].data, "q3.1.1.graph");
	assert_int_equal(key.items[1].kind, EC_KEY_NUMBER);
	assert_int_equal(key.items[2].origin, EC_KEY_FROM_RECONSTRUCTION);
	assert_string_equal(key.items[2].data, "");
	assert_int_equal(key.items[3].origin, EC_KEY_FROM_EXAM);
	assert_string_equal(key.items[4].data, "0123456789abcdef0123456789abcde"); /* 31 bytes fit */
	ec_key_free(&key);
}

static void test_key_parse_tsv_errors(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"1.1\tT\t2\n", 1, "3 tab-separated fields, expected 4 (id, answer, points, kind)"},
		{"1.1\tT\t2\ttf\n1.2 F 2 tf\n", 2, "1 tab-separated field, expected 4 (id, answer, points, kind)"},
		{"1.1\tT\t2\ttf\texam\textra\n", 1, "more than 5 tab-separated fields"},
		{"1.1\tT\t2\ttf\textra\n", 1, "'extra' is not an origin (exam, stand-in or "
		 "reconstructed, optionally followed by a space and a data file name of at most 31 "
		 "bytes)"},
		{"1.1\tT\t2\ttf\tstand-in \n", 1, "'stand-in ' is not an origin (exam, stand-in or "
		 "reconstructed, optionally followed by a space and a data file name of at most 31 "
		 "bytes)"},
		{"1.1\tT\t2\ttf\tstand-in a b\n", 1, "'stand-in a b' is not an origin (exam, "
		 "stand-in or reconstructed, optionally followed by a space and a data file name of "
		 "at most 31 bytes)"},
		/* the message quotes the field's first 40 bytes: "stand-in " and 31 more */
		{"1.1\tT\t2\ttf\tstand-in 0123456789abcdef0123456789abcdef\n", 1, "'stand-in "
		 "0123456789abcdef0123456789abcde' is not an origin (exam, stand-in or reconstructed, "
		 "optionally followed by a space and a data file name of at most 31 bytes)"},
		{"1.1\tT\t2\ttf\t\n", 1, "'' is not an origin (exam, stand-in or reconstructed, "
		 "optionally followed by a space and a data file name of at most 31 bytes)"},
		{"1.1\tT\t2\tbool\n", 1, "unknown kind 'bool' (use tf, mc, number, count, dims, mask or manual)"},
		{"1.1\tT\t-2\ttf\n", 1, "points '-2' are not a number >= 0"},
		{"1.1\tT\ttwo\ttf\n", 1, "points 'two' are not a number >= 0"},
		{"\tT\t2\ttf\n", 1, "id is empty or too long"},
		{"1.1\tT\t2\ttf\n1.1\tF\t2\ttf\n", 2, "item '1.1' is given twice"},
	};
	ec_key key;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&key, bad[i].text, strlen(bad[i].text), &err), EC_ERR_PARSE);
		assert_int_equal(err.line, bad[i].line);
		assert_string_equal(err.msg, bad[i].msg);
		assert_string_equal(err.file, "k.tsv");
		ec_key_free(&key);
	}
	assert_int_equal(parse(&key, "1.1\tT\0\t2\ttf\n", 12, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_int_equal(err.line, 1);
	ec_key_free(&key);
	/* the NUL's own line, lone CRs counted as line ends */
	assert_int_equal(parse(&key, "1.1\tT\t2\ttf\r\r1.2\tF\0\t2\ttf\n", 24, &err),
			 EC_ERR_PARSE);
	assert_string_equal(err.msg, "contains a NUL byte");
	assert_int_equal(err.line, 3);
	ec_key_free(&key);
}

/*
 * An answer its kind cannot read is an error of the key file at the line,
 * column 2 (the answer field), naming the item; the message is the one a
 * sheet gets for the same text.
 */
static void test_key_parse_tsv_bad_answers(void **state)
{
	static const struct {
		const char *text;
		ec_status status;
		const char *msg;
	} bad[] = {
		{"3.2.2.1\t12x\t1\tcount\n", EC_ERR_PARSE, "item '3.2.2.1': '12x' is not a whole number"},
		{"2.9\tA1\t2\tmc\n", EC_ERR_PARSE, "item '2.9': 'A1' is not a set of option letters"},
		{"3.3.3\t01a\t2\tmask\n", EC_ERR_PARSE,
		 "item '3.3.3': '01a' is not a mask of 0 and 1 digits"},
		{"d\t16x\t1\tdims\n", EC_ERR_PARSE, "item 'd': '16x' is not a product of whole numbers"},
		{"1.5\tX\t2\ttf\n", EC_ERR_PARSE,
		 "item '1.5': 'X' is not true or false (T, F, True, False)"},
		{"3.1\tabc\t2\tnumber\n", EC_ERR_PARSE, "item '3.1': 'abc' is not a number"},
		{"3.1\t \t2\tnumber\n", EC_ERR_PARSE, "item '3.1': the answer is empty"},
		{"c\t2e19\t1\tcount\n", EC_ERR_OVERFLOW, "item 'c': '2e19' does not fit in 64 bits"},
	};
	ec_key key;
	ec_error err;
	char text[80];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		/* after a good line 1 */
		snprintf(text, sizeof(text), "1.1\tT\t2\ttf\n%s", bad[i].text);
		assert_int_equal(parse(&key, text, strlen(text), &err), bad[i].status);
		assert_string_equal(err.msg, bad[i].msg);
		assert_string_equal(err.file, "k.tsv");
		assert_int_equal(err.line, 2);
		assert_int_equal(err.column, 2);
		ec_key_free(&key);
	}
	/* a manual item's answer is a hint, never read; empty is fine */
	assert_int_equal(parse(&key, "3.3.4\t\t1\tmanual\n", 15, &err), EC_OK);
	ec_key_free(&key);
}

/* Whole counts in scientific notation are answers like any other (1e18 = 10^18). */
static void test_key_parse_tsv_scientific_count(void **state)
{
	const char text[] = "c\t1e18\t1\tcount\nd\t1.5e3\t1\tcount\n";
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&key, text, strlen(text), &err), EC_OK);
	assert_int_equal(key.count, 2);
	assert_string_equal(key.items[0].answer, "1e18"); /* kept as written */
	ec_key_free(&key);
}

/* Each item remembers the file and line it came from; ec_key_add() items have none. */
static void test_key_parse_tsv_item_origin(void **state)
{
	const char text[] = "# key\r1.1\tT\t2\ttf\r\n\n2.1\tAB\t4\tmc\n";
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&key, text, strlen(text), &err), EC_OK);
	assert_string_equal(key.items[0].file, "k.tsv");
	assert_int_equal(key.items[0].line, 2);
	assert_int_equal(key.items[1].line, 4);
	assert_int_equal(ec_key_add(&key, "9.9", EC_KEY_TF, 1, "T", &err), EC_OK);
	assert_null(key.items[2].file);
	assert_int_equal(key.items[2].line, 0);
	ec_key_free(&key);
}

/*
 * Points are bounded by EC_POINTS_MAX (1e6): a key of 1e308 points would
 * make totals infinite. ec_key_add() refuses them whoever calls it.
 */
static void test_key_parse_tsv_huge_points(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"1.1\tT\t1e308\ttf\n", 1, "points '1e308' are more than 1000000"},
		{"1.1\tT\t2\ttf\n1.2\tF\t1000001\ttf\n", 2, "points '1000001' are more than 1000000"},
		{"1.1\tT\t1e308*10\ttf\n", 1, "points '1e308*10' are not a number >= 0"},
		{"1.1\tT\tinf\ttf\n", 1, "points 'inf' are not a number >= 0"},
	};
	ec_key key;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&key, bad[i].text, strlen(bad[i].text), &err), EC_ERR_PARSE);
		assert_int_equal(err.line, bad[i].line);
		assert_int_equal(err.column, 3);
		assert_string_equal(err.msg, bad[i].msg);
		ec_key_free(&key);
	}
	assert_int_equal(parse(&key, "1.1\tT\t1e6\ttf\n", 13, &err), EC_OK);
	assert_near(key.items[0].points, 1e6, 0);
	ec_key_free(&key);
}

static void test_key_add_refuses_points_out_of_range(void **state)
{
	const double bad[] = {-1, 1000000.5, 1e308, INFINITY, -INFINITY, NAN};
	ec_key key = {0};
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ec_error_clear(&err);
		assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, bad[i], "T", &err), EC_ERR_RANGE);
		assert_int_equal(key.count, 0);
	}
	assert_string_equal(err.msg, "points of '1.1' are not a number from 0 to 1000000");
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 0, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "1.2", EC_KEY_TF, 1e6, "F", &err), EC_OK);
	ec_key_free(&key);
	/* the NUL's line is named: the third, after a CRLF and a lone CR */
	assert_int_equal(parse(&key, "1.1\tT\t2\ttf\r\n1.2\tF\t2\ttf\r1.3\tT\0\t2\ttf\n", 35, &err),
			 EC_ERR_PARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "contains a NUL byte");
	ec_key_free(&key);
}

static void test_key_compare_differences(void **state)
{
	ec_key want = {0}, have = {0};
	ec_key_diff d[8];
	ec_error err;
	size_t n;

	(void)state;
	ec_error_clear(&err);
	ec_key_add(&want, "1.1", EC_KEY_TF, 2, "T", &err);
	ec_key_add(&want, "1.2", EC_KEY_TF, 2, "F", &err);
	ec_key_add(&want, "2.1", EC_KEY_MC, 4, "AB", &err);
	ec_key_add(&want, "3.1.2", EC_KEY_NUMBER, 5, "-0.25", &err);
	ec_key_add(&want, "3.3.7", EC_KEY_COUNT, 1, "4", &err);
	ec_key_add(&have, "1.1", EC_KEY_TF, 2, "T", &err);     /* same */
	ec_key_add(&have, "2.1", EC_KEY_MC, 4, "A", &err);     /* answer */
	ec_key_add(&have, "3.1.2", EC_KEY_NUMBER, 4, "-0.25", &err); /* points */
	ec_key_add(&have, "3.3.7", EC_KEY_NUMBER, 1, "4", &err); /* kind */
	ec_key_add(&have, "9.9", EC_KEY_TF, 2, "T", &err);     /* extra */
	ec_key_compare(&want, &have, d, 8, &n);
	assert_int_equal(n, 5);
	assert_int_equal(d[0].kind, EC_KEY_DIFF_MISSING);
	assert_string_equal(d[0].want->id, "1.2");
	assert_null(d[0].have);
	assert_int_equal(d[1].kind, EC_KEY_DIFF_ANSWER);
	assert_string_equal(d[1].have->answer, "A");
	assert_int_equal(d[2].kind, EC_KEY_DIFF_POINTS);
	assert_int_equal(d[3].kind, EC_KEY_DIFF_KIND);
	assert_int_equal(d[4].kind, EC_KEY_DIFF_EXTRA);
	assert_string_equal(d[4].have->id, "9.9");
	ec_key_compare(&want, &have, NULL, 0, &n); /* counting only */
	assert_int_equal(n, 5);
	ec_key_compare(&want, &want, d, 8, &n);
	assert_int_equal(n, 0);
	ec_key_free(&want);
	ec_key_free(&have);
}

/* A BOM is skipped; CRLF, a lone CR and LF all end lines (line numbers count each). */
static void test_key_parse_tsv_bom_and_line_ends(void **state)
{
	const char text[] = "\xEF\xBB\xBF"
			    "1.1\tT\t2\ttf\r\n"      /* line 1, after the BOM */
			    "1.2\tF\t2\ttf\r"        /* line 2, a lone CR */
			    "\r\n"                   /* line 3, empty */
			    "2.1\tAB\t4\tmc\n"       /* line 4 */
			    "2.2\tC\t4\tmc\r";       /* line 5 */
	const char bad[] = "1.1\tT\t2\ttf\r1.2\tF\ttwo\ttf\r\n";
	ec_key key;
	ec_error err;

	(void)state;
	assert_int_equal(parse(&key, text, strlen(text), &err), EC_OK);
	assert_int_equal(key.count, 4);
	assert_string_equal(key.items[0].id, "1.1"); /* not "\xEF\xBB\xBF" "1.1" */
	assert_string_equal(key.items[1].answer, "F");
	assert_string_equal(key.items[2].id, "2.1");
	assert_string_equal(key.items[3].answer, "C");
	assert_int_equal(key.items[3].kind, EC_KEY_MC); /* "mc", no CR left on it */
	ec_key_free(&key);
	/* the bad points are on line 2: the lone CR ended line 1 */
	assert_int_equal(parse(&key, bad, strlen(bad), &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 2);
	ec_key_free(&key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_parse_tsv_items),
		cmocka_unit_test(test_key_parse_tsv_origin),
		cmocka_unit_test(test_key_parse_tsv_errors),
		cmocka_unit_test(test_key_parse_tsv_bad_answers),
		cmocka_unit_test(test_key_parse_tsv_scientific_count),
		cmocka_unit_test(test_key_parse_tsv_item_origin),
		cmocka_unit_test(test_key_parse_tsv_huge_points),
		cmocka_unit_test(test_key_add_refuses_points_out_of_range),
		cmocka_unit_test(test_key_parse_tsv_bom_and_line_ends),
		cmocka_unit_test(test_key_compare_differences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
