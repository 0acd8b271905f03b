#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"

static void test_u64_mul_detects_overflow(void **state)
{
	uint64_t out = 7;

	(void)state;
	assert_true(ec_u64_mul(UINT64_C(4294967296), UINT64_C(4294967295), &out));
	assert_true(out == UINT64_C(18446744069414584320)); /* 2^64 - 2^32 */
	assert_false(ec_u64_mul(UINT64_C(4294967296), UINT64_C(4294967296), &out));
	assert_true(out == UINT64_C(18446744069414584320)); /* untouched */
	assert_true(ec_u64_mul(0, UINT64_MAX, &out) && out == 0);
}

static void test_u64_add_detects_overflow(void **state)
{
	uint64_t out = 0;

	(void)state;
	assert_true(ec_u64_add(UINT64_MAX - 1, 1, &out) && out == UINT64_MAX);
	assert_false(ec_u64_add(UINT64_MAX, 1, &out));
}

static void test_error_format_parts(void **state)
{
	ec_error err;
	char buf[128];

	(void)state;
	ec_error_clear(&err);
	ec_error_at(&err, EC_ERR_PARSE, "roster.csv", 17, 4, "'%s' is not an option", "AZ");
	assert_string_equal(ec_error_format(&err, buf, sizeof(buf)),
			    "roster.csv:17:4: 'AZ' is not an option");
	ec_error_clear(&err);
	ec_error_set(&err, EC_ERR_OVERFLOW, "too big");
	assert_string_equal(ec_error_format(&err, buf, sizeof(buf)), "too big");
	assert_int_equal(err.status, EC_ERR_OVERFLOW);
}

/*
 * Distances counted by hand: "chek" -> "check" inserts 'c' (1); "kye" ->
 * "key" swaps y and e (1, where Levenshtein counts 2 substitutions);
 * "abc" -> "ca" is the textbook case where optimal string alignment, which
 * never edits a swapped pair again, counts 3 (delete a, b -> c, c -> a)
 * and unrestricted Damerau 2 (delete b, swap); "" -> "rf" is 2 inserts;
 * "graphconv" -> "grade" keeps "gra", substitutes p -> d and h -> e and
 * deletes "conv" (6).
 */
static void test_edit_distance_counts_swaps(void **state)
{
	(void)state;
	assert_int_equal(ec_edit_distance("check", "check"), 0);
	assert_int_equal(ec_edit_distance("chek", "check"), 1);
	assert_int_equal(ec_edit_distance("kye", "key"), 1);
	assert_int_equal(ec_edit_distance("grdae", "grade"), 1);
	assert_int_equal(ec_edit_distance("abc", "ca"), 3);
	assert_int_equal(ec_edit_distance("", "rf"), 2);
	assert_int_equal(ec_edit_distance("rf", ""), 2);
	assert_int_equal(ec_edit_distance("graphconv", "grade"), 6);
	assert_int_equal(ec_edit_distance("x", "0123456789012345678901234567890123456789012345678901234567890123"),
			 (size_t)-1);
}

static void test_key_add_rejects_repeats(void **state)
{
	ec_key key = {0};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.1", EC_KEY_MC, 4, "D", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "F", &err), EC_ERR_INVALID);
	assert_int_equal(key.count, 2);
	assert_string_equal(ec_key_find(&key, "2.1")->answer, "D");
	assert_null(ec_key_find(&key, "2.2"));
	ec_key_free(&key);
}

static void test_key_kind_names_round_trip(void **state)
{
	ec_key_kind k;
	int i;

	(void)state;
	for (i = EC_KEY_TF; i <= EC_KEY_MANUAL; i++) {
		assert_int_equal(ec_key_kind_parse(ec_key_kind_name((ec_key_kind)i), &k), EC_OK);
		assert_int_equal((int)k, i);
	}
	assert_int_equal(ec_key_kind_parse("bogus", &k), EC_ERR_PARSE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_u64_mul_detects_overflow),
		cmocka_unit_test(test_u64_add_detects_overflow),
		cmocka_unit_test(test_error_format_parts),
		cmocka_unit_test(test_edit_distance_counts_swaps),
		cmocka_unit_test(test_key_add_rejects_repeats),
		cmocka_unit_test(test_key_kind_names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
