#include "ec_test.h"

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

static void test_key_parse_tsv_errors(void **state)
{
	static const struct {
		const char *text;
		long line;
		const char *msg;
	} bad[] = {
		{"1.1\tT\t2\n", 1, "3 tab-separated fields, expected 4 (id, answer, points, kind)"},
		{"1.1\tT\t2\ttf\n1.2 F 2 tf\n", 2, "1 tab-separated field, expected 4 (id, answer, points, kind)"},
		{"1.1\tT\t2\ttf\textra\n", 1, "more than 4 tab-separated fields"},
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
		cmocka_unit_test(test_key_parse_tsv_errors),
		cmocka_unit_test(test_key_parse_tsv_bom_and_line_ends),
		cmocka_unit_test(test_key_compare_differences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
