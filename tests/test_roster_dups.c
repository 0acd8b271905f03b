#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster_dups.h"

typedef struct found {
	char text[512];
	size_t len;
} found;

static void note(void *ctx, const char *id, long line, long first)
{
	found *f = ctx;

	f->len += (size_t)snprintf(f->text + f->len, sizeof(f->text) - f->len, "%s:%ld<%ld ", id, line,
				   first);
}

/* Ids in order: a b a c b a (lines 1..6); repeats: a at 3 and 6 (first 1), b at 5 (first 2). */
static const char *const ids[] = {"a", "b", "a", "c", "b", "a"};

/* Note an id as the roster does: the filter, then its spool record. */
static void add(roster_dups *d, const char *id, long line, long *first)
{
	char rec[ROSTER_SPOOL_HEAD + 64];
	size_t n = strlen(id);
	uint64_t h = roster_id_hash(id, n);

	assert_int_equal(roster_dups_add(d, h, id, n, line, first), EC_OK);
	assert_int_equal(roster_dups_spool(d, rec, (size_t)(roster_spool_record(rec, h, line, id, (uint32_t)n) - rec)),
			 EC_OK);
}

static void test_roster_dups_without_spool(void **state)
{
	static const long want_first[] = {0, 0, 1, 0, 2, 1};
	roster_dups d;
	size_t i;

	(void)state;
	assert_int_equal(roster_dups_init(&d, false), EC_OK);
	assert_null(d.spool);
	for (i = 0; i < 6; i++) {
		long first;

		assert_int_equal(roster_dups_add(&d, roster_id_hash(ids[i], 1), ids[i], 1, (long)i + 1,
						 &first),
				 EC_OK);
		assert_int_equal(first, want_first[i]);
	}
	roster_dups_free(&d);
}

static void test_roster_dups_with_spool(void **state)
{
	roster_dups d;
	found f;
	ec_error err;
	size_t i;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(roster_dups_init(&d, true), EC_OK);
	assert_non_null(d.spool); /* this machine has a /tmp */
	for (i = 0; i < 6; i++) {
		long first;

		add(&d, ids[i], (long)i + 1, &first);
		assert_int_equal(first, 0); /* known only at the end */
	}
	assert_int_equal(roster_dups_resolve(&d, note, &f, &err), EC_OK);
	assert_string_equal(f.text, "a:3<1 b:5<2 a:6<1 ");
	roster_dups_free(&d);
}

/*
 * 300000 different ids: the filter (8M bits, 4 probes) raises about
 * (1 - e^(-4 * 3e5 / 2^23))^4 = 0.03% false alarms, some hundred of them
 * here; the spool drops them all. The second method: the same ids without
 * a spool, kept exactly, find no repeat either.
 */
static void test_roster_dups_false_alarms_dropped(void **state)
{
	roster_dups d, exact;
	found f;
	ec_error err;
	long i;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(roster_dups_init(&d, true), EC_OK);
	assert_int_equal(roster_dups_init(&exact, false), EC_OK);
	for (i = 0; i < 300000; i++) {
		char id[32];
		int n = snprintf(id, sizeof(id), "s%ld", i * 7919);
		long first;

		add(&d, id, i + 2, &first);
		assert_int_equal(roster_dups_add(&exact, roster_id_hash(id, (size_t)n), id, (size_t)n,
						 i + 2, &first),
				 EC_OK);
		assert_int_equal(first, 0);
	}
	assert_true(d.ncands > 10); /* some candidates were false alarms */
	assert_int_equal(roster_dups_resolve(&d, note, &f, &err), EC_OK);
	assert_string_equal(f.text, "");
	roster_dups_free(&d);
	roster_dups_free(&exact);
}

static void test_roster_id_hash_trims(void **state)
{
	(void)state;
	assert_true(roster_id_hash(" ann\t", 5) == roster_id_hash("ann", 3));
	assert_true(roster_id_hash("ann", 3) != roster_id_hash("Ann", 3));
	assert_true(roster_id_hash("", 0) != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_dups_without_spool),
		cmocka_unit_test(test_roster_dups_with_spool),
		cmocka_unit_test(test_roster_dups_false_alarms_dropped),
		cmocka_unit_test(test_roster_id_hash_trims),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
