/*
 * test_key.c: src/lib/grading/key.c, where each item's answer comes from
 * (ec_key_origin) and the groups of items that rest on a data file.
 */
#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_key.h"

static void test_key_origin_names_round_trip(void **state)
{
	static const struct {
		ec_key_origin origin;
		const char *name;
	} names[] = {
		{EC_KEY_FROM_EXAM, "exam"},
		{EC_KEY_FROM_STAND_IN, "stand-in"},
		{EC_KEY_FROM_RECONSTRUCTION, "reconstructed"},
	};
	ec_key_origin o;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_string_equal(ec_key_origin_name(names[i].origin), names[i].name);
		assert_int_equal(ec_key_origin_parse(names[i].name, &o), EC_OK);
		assert_int_equal(o, names[i].origin);
	}
	assert_int_equal(ec_key_origin_parse("Stand-in", &o), EC_ERR_PARSE);
	assert_int_equal(ec_key_origin_parse("", &o), EC_ERR_PARSE);
	assert_string_equal(ec_key_origin_name((ec_key_origin)7), "unknown");
}

/* ec_key_add() gives the exam as origin and no data file; ec_key_add_from() records both. */
static void test_key_add_from_records_origin(void **state)
{
	ec_key key = {0};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add_from(&key, "3.3.1", EC_KEY_NUMBER, 4, "13",
					 EC_KEY_FROM_RECONSTRUCTION, "q3.3.figure", &err),
			 EC_OK);
	assert_int_equal(ec_key_add_from(&key, "3.3.2", EC_KEY_NUMBER, 4, "10", EC_KEY_FROM_EXAM,
					 NULL, &err),
			 EC_OK);
	assert_int_equal(key.items[0].origin, EC_KEY_FROM_EXAM);
	assert_string_equal(key.items[0].data, "");
	assert_int_equal(key.items[1].origin, EC_KEY_FROM_RECONSTRUCTION);
	assert_string_equal(key.items[1].data, "q3.3.figure");
	assert_string_equal(key.items[2].data, "");
	/* 32 bytes do not fit with their NUL; an origin out of range is refused */
	assert_int_equal(ec_key_add_from(&key, "3.3.3", EC_KEY_MASK, 2, "0", EC_KEY_FROM_STAND_IN,
					 "0123456789abcdef0123456789abcdef", &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "data file name of '3.3.3' is too long");
	assert_int_equal(ec_key_add_from(&key, "3.3.3", EC_KEY_MASK, 2, "0", (ec_key_origin)9,
					 NULL, &err),
			 EC_ERR_INVALID);
	assert_int_equal(key.count, 3);
	ec_key_free(&key);
}

/*
 * Items a (exam, 2), b (stand-in g, 1/3), c (reconstructed f, 4), d
 * (stand-in g, 1/3), e (stand-in, no file, 1), f (reconstructed f, 1),
 * g (stand-in g, 1/3). Groups in the order of their first items:
 * stand-in g = b, d, g: 3 items, 1/3 * 3 = 1 point; reconstructed f =
 * c, f: 2 items, 5 points; stand-in without a file = e: 1 item, 1 point.
 */
static void test_key_sources_groups(void **state)
{
	ec_key key = {0};
	ec_key_source s[3];
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	ec_key_add(&key, "a", EC_KEY_TF, 2, "T", &err);
	ec_key_add_from(&key, "b", EC_KEY_NUMBER, 1.0 / 3, "1", EC_KEY_FROM_STAND_IN, "g", &err);
	ec_key_add_from(&key, "c", EC_KEY_NUMBER, 4, "1", EC_KEY_FROM_RECONSTRUCTION, "f", &err);
	ec_key_add_from(&key, "d", EC_KEY_NUMBER, 1.0 / 3, "1", EC_KEY_FROM_STAND_IN, "g", &err);
	ec_key_add_from(&key, "e", EC_KEY_NUMBER, 1, "1", EC_KEY_FROM_STAND_IN, NULL, &err);
	ec_key_add_from(&key, "f", EC_KEY_COUNT, 1, "1", EC_KEY_FROM_RECONSTRUCTION, "f", &err);
	ec_key_add_from(&key, "g", EC_KEY_NUMBER, 1.0 / 3, "1", EC_KEY_FROM_STAND_IN, "g", &err);
	assert_int_equal(key.count, 7);
	assert_int_equal(ec_key_sources(&key, NULL, 0), 3);
	assert_int_equal(ec_key_sources(&key, s, 2), 3); /* only two written */
	assert_int_equal(ec_key_sources(&key, s, 3), 3);
	assert_int_equal(s[0].origin, EC_KEY_FROM_STAND_IN);
	assert_string_equal(s[0].data, "g");
	assert_int_equal(s[0].first, 1);
	assert_int_equal(s[0].count, 3);
	assert_near(s[0].points, 1, 1e-12);
	assert_int_equal(s[1].origin, EC_KEY_FROM_RECONSTRUCTION);
	assert_string_equal(s[1].data, "f");
	assert_int_equal(s[1].first, 2);
	assert_int_equal(s[1].count, 2);
	assert_true(s[1].points == 5);
	assert_string_equal(s[2].data, "");
	assert_int_equal(s[2].first, 4);
	assert_int_equal(s[2].count, 1);
	assert_true(ec_key_source_has(&s[0], &key.items[6]));
	assert_false(ec_key_source_has(&s[0], &key.items[4])); /* same origin, no file */
	assert_false(ec_key_source_has(&s[1], &key.items[0]));
	ec_key_free(&key);
	/* a key of exam items only, and an empty key, have no sources */
	ec_key_add(&key, "a", EC_KEY_TF, 2, "T", &err);
	assert_int_equal(ec_key_sources(&key, s, 3), 0);
	ec_key_free(&key);
	assert_int_equal(ec_key_sources(&key, s, 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_origin_names_round_trip),
		cmocka_unit_test(test_key_add_from_records_origin),
		cmocka_unit_test(test_key_sources_groups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
