#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_buf.h"

static void test_buf_str_empty(void **state)
{
	ec_buf b = EC_BUF_INIT;

	(void)state;
	assert_string_equal(ec_buf_str(&b), "");
	assert_int_equal(ec_buf_append(&b, ""), EC_OK);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(b.len, 0);
	ec_buf_free(&b);
}

static void test_buf_append_pieces(void **state)
{
	ec_buf b = EC_BUF_INIT;

	(void)state;
	assert_int_equal(ec_buf_append(&b, "Auto-graded"), EC_OK);
	assert_int_equal(ec_buf_append(&b, " items"), EC_OK);
	assert_string_equal(ec_buf_str(&b), "Auto-graded items");
	assert_int_equal(b.len, 17);
	ec_buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(ec_buf_str(&b), "");
}

static void test_buf_appendf_formats(void **state)
{
	ec_buf b = EC_BUF_INIT;

	(void)state;
	assert_int_equal(ec_buf_appendf(&b, "%s: answer %s", "right", "AB"), EC_OK);
	assert_int_equal(ec_buf_appendf(&b, ", %d of %.1f", 3, 4.5), EC_OK);
	assert_string_equal(ec_buf_str(&b), "right: answer AB, 3 of 4.5");
	ec_buf_free(&b);
}

/* 1000 appends of "0123456789" grow the buffer several times over: 10000 bytes. */
static void test_buf_append_grows(void **state)
{
	ec_buf b = EC_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		assert_int_equal(ec_buf_appendf(&b, "%s", "0123456789"), EC_OK);
	assert_int_equal(b.len, 10000);
	assert_int_equal(strlen(b.data), 10000);
	assert_true(b.cap > b.len);
	for (i = 0; i < 10000; i++)
		assert_int_equal(b.data[i], '0' + (int)(i % 10));
	ec_buf_free(&b);
}

static void test_buf_clear_keeps_memory(void **state)
{
	ec_buf b = EC_BUF_INIT;
	size_t cap;

	(void)state;
	assert_int_equal(ec_buf_append(&b, "first"), EC_OK);
	cap = b.cap;
	ec_buf_clear(&b);
	assert_string_equal(ec_buf_str(&b), "");
	assert_int_equal(b.cap, cap);
	assert_int_equal(ec_buf_append(&b, "second"), EC_OK);
	assert_string_equal(ec_buf_str(&b), "second");
	ec_buf_free(&b);
}

/* Shell words: plain ones as they are, others quoted so that sh reads them back whole. */
static void test_buf_append_shell_word(void **state)
{
	ec_buf b = EC_BUF_INIT;

	(void)state;
	assert_int_equal(ec_buf_append_shell_word(&b, "class.csv"), EC_OK);
	assert_int_equal(ec_buf_append(&b, " "), EC_OK);
	assert_int_equal(ec_buf_append_shell_word(&b, "3.2.1.1.weights@7=2000"), EC_OK);
	assert_int_equal(ec_buf_append(&b, " "), EC_OK);
	assert_int_equal(ec_buf_append_shell_word(&b, "my class.csv"), EC_OK);
	assert_int_equal(ec_buf_append(&b, " "), EC_OK);
	assert_int_equal(ec_buf_append_shell_word(&b, "it's $HOME"), EC_OK);
	assert_int_equal(ec_buf_append(&b, " "), EC_OK);
	assert_int_equal(ec_buf_append_shell_word(&b, ""), EC_OK);
	assert_string_equal(ec_buf_str(&b),
			    "class.csv 3.2.1.1.weights@7=2000 'my class.csv' 'it'\\''s $HOME' ''");
	ec_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_append_shell_word),
		cmocka_unit_test(test_buf_str_empty),
		cmocka_unit_test(test_buf_append_pieces),
		cmocka_unit_test(test_buf_appendf_formats),
		cmocka_unit_test(test_buf_append_grows),
		cmocka_unit_test(test_buf_clear_keeps_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
