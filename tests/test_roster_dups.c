#include "ec_test.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "roster_dups.h"

/* What a run reported: "id:line<first " per repeat, and the warnings. */
typedef struct found {
	char *text;
	size_t len, cap;
	int warnings;
	char warning[256];
} found;

static void on_repeat(void *ctx, const char *id, size_t len, long line, long first)
{
	found *f = ctx;
	char one[128];
	int n = snprintf(one, sizeof(one), "%.*s:%ld<%ld ", (int)len, id, line, first);

	if (f->len + (size_t)n + 1 > f->cap) {
		f->cap = 2 * (f->len + (size_t)n + 1);
		f->text = realloc(f->text, f->cap);
		assert_non_null(f->text);
	}
	memcpy(f->text + f->len, one, (size_t)n + 1);
	f->len += (size_t)n;
}

static void on_warn(void *ctx, const ec_error *w)
{
	found *f = ctx;

	assert_int_equal(w->status, EC_OK);
	f->warnings++;
	snprintf(f->warning, sizeof(f->warning), "%s", w->msg);
}

static const char *reported(const found *f)
{
	return f->text ? f->text : "";
}

/*
 * Note ids[0, n) (line i + 2 for ids[i]) as the roster does, in chunks of
 * `per_chunk` ids, with hashes from hash_of (NULL: roster_id_hash()).
 */
static void note_all(roster_dups *d, char *const *ids, size_t n, size_t per_chunk,
		     uint64_t (*hash_of)(const char *id))
{
	size_t i, k;

	for (i = 0; i < n; i += per_chunk) {
		size_t m = n - i < per_chunk ? n - i : per_chunk, len = 0, at[4096];
		char *records = malloc(m * (ROSTER_SPOOL_HEAD + 64)), *p = records;
		ec_error err;

		assert_true(m <= 4096);
		assert_non_null(records);
		for (k = 0; k < m; k++) {
			at[k] = (size_t)(p - records);
			p = roster_spool_record(p, (long)(i + k) + 2, ids[i + k], (uint32_t)strlen(ids[i + k]));
		}
		len = (size_t)(p - records);
		assert_int_equal(roster_dups_chunk(d, records, len, &err), EC_OK);
		for (k = 0; k < m; k++) {
			const char *id = ids[i + k];
			uint64_t h = hash_of ? hash_of(id) : roster_id_hash(id, strlen(id));

			assert_int_equal(roster_dups_note(d, at[k], h, &err), EC_OK);
		}
		free(records);
	}
}

/* Ids in the order qsort() makes: by text, then by position. */
static char *const *sorted_ids;

static int by_text_then_place(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(sorted_ids[i], sorted_ids[j]);

	return c ? c : (i > j) - (i < j);
}

/*
 * The repeats of ids[0, n) found another way: sort the positions by id,
 * so that equal ids stand together, the first of each group first; every
 * other one of the group repeats it. Reported in position order.
 */
static char *by_sorting(char *const *ids, size_t n)
{
	found f = {NULL, 0, 0, 0, ""};
	size_t *order = malloc(n * sizeof(*order)), *first = malloc(n * sizeof(*first)), i;

	assert_non_null(order);
	assert_non_null(first);
	for (i = 0; i < n; i++)
		order[i] = i;
	sorted_ids = ids;
	qsort(order, n, sizeof(*order), by_text_then_place);
	for (i = 0; i < n; i++)
		first[order[i]] = i > 0 && strcmp(ids[order[i]], ids[order[i - 1]]) == 0
					  ? first[order[i - 1]]
					  : order[i];
	for (i = 0; i < n; i++)
		if (first[i] != i)
			on_repeat(&f, ids[i], strlen(ids[i]), (long)i + 2, (long)first[i] + 2);
	free(order);
	free(first);
	return f.text ? f.text : calloc(1, 1);
}

/*
 * n ids "s<7919 k>": k = i for the i-th, except that from the 1000th on
 * every `every`-th (i % every == every - 1) repeats the id 1000 before it.
 */
static char **make_ids(size_t n, size_t every)
{
	char **ids = calloc(n, sizeof(*ids));
	size_t i;

	assert_non_null(ids);
	for (i = 0; i < n; i++) {
		size_t k = i >= 1000 && i % every == every - 1 ? i - 1000 : i;

		ids[i] = malloc(24);
		assert_non_null(ids[i]);
		snprintf(ids[i], 24, "s%zu", k * 7919);
	}
	return ids;
}

static void free_ids(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* A temporary directory of the test's own, removed (with what is left in it) at the end. */
static char *test_dir(void)
{
	char *d = malloc(64);

	assert_non_null(d);
	snprintf(d, 64, "/tmp/test_roster_dups.XXXXXX");
	assert_non_null(mkdtemp(d));
	return d;
}

static void remove_dir(char *d)
{
	/* the files were unlinked as they were made: the directory must be empty */
	assert_int_equal(rmdir(d), 0);
	free(d);
}

/* Ids in order: a b a c b a (lines 2..7); repeats: a at 4 and 7 (first 2), b at 6 (first 3). */
static void test_roster_dups_small_in_buffers(void **state)
{
	static char *ids[] = {"a", "b", "a", "c", "b", "a"};
	found f = {NULL, 0, 0, 0, ""};
	roster_dups d;
	ec_error err;
	char *dir = test_dir();

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	note_all(&d, ids, 6, 4, NULL);
	assert_int_equal(d.text_fd, -1); /* small: no file made */
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), "a:4<2 b:6<3 a:7<2 ");
	assert_int_equal(f.warnings, 0);
	roster_dups_free(&d);
	free(f.text);
	remove_dir(dir);
}

/*
 * 100000 ids, every 37th a repeat: spooled to files (about 2 MB of ids and
 * 1.6 MB of partition records), found as by sorting, in line order; and
 * counted: the repeats are the i in [1000, 99999] with i = 36 (mod 37), since i - 1000
 * = 35 (mod 37) is never one itself: from 1035 = 37 * 27 + 36 to 99973 =
 * 37 * 2701 + 36, 2701 - 27 + 1 = 2675 of them.
 */
static void test_roster_dups_spooled_match_by_sorting(void **state)
{
	found g = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(100000, 37), *want = by_sorting(ids, 100000), *dir = test_dir();
	roster_dups d;
	ec_error err;
	size_t count = 0;
	const char *p;

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &g), EC_OK);
	note_all(&d, ids, 100000, 700, NULL);
	assert_true(d.text_fd >= 0); /* spooled to a file */
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&g), want);
	for (p = reported(&g); (p = strchr(p, '<')) != NULL; p++)
		count++;
	assert_int_equal(count, 2675);
	assert_int_equal(g.warnings, 0);
	roster_dups_free(&d);
	free(g.text);
	free(want);
	free_ids(ids, 100000);
	remove_dir(dir);
}

/* More repeats (9667) than pairs kept in memory: they go through a file, merged the same. */
static void test_roster_dups_many_repeats(void **state)
{
	found f = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(30000, 3), *want = by_sorting(ids, 30000), *dir = test_dir();
	roster_dups d;
	ec_error err;

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	note_all(&d, ids, 30000, 1000, NULL);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), want);
	roster_dups_free(&d);
	free(f.text);
	free(want);
	free_ids(ids, 30000);
	remove_dir(dir);
}

/* Partitions read in several slices (slice_max 5) find the same repeats, in the same order. */
static void test_roster_dups_slices(void **state)
{
	found f = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(6000, 11), *want = by_sorting(ids, 6000), *dir = test_dir();
	roster_dups d;
	ec_error err;

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	d.slice_max = 5; /* about 23 records a partition: 5 slices each */
	note_all(&d, ids, 6000, 500, NULL);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), want);
	roster_dups_free(&d);
	free(f.text);
	free(want);
	free_ids(ids, 6000);
	remove_dir(dir);
}

/*
 * Hashes of one partition (top byte 0xab) and, as long as there are at
 * most 256 slices, the first slice (bits 24 to 55, read as a number, under
 * 2^24 <= 2^32 / 256), the real hash's 48 low bits below: the ids crowd
 * into one slice, past the 3/4 of the table its share was given.
 */
static uint64_t crowded_hash(const char *id)
{
	return UINT64_C(0xab00000000000000) | (roster_id_hash(id, strlen(id)) & UINT64_C(0xffffffffffff));
}

static void test_roster_dups_crowded_slice(void **state)
{
	found f = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(1300, 7), *want = by_sorting(ids, 1300), *dir = test_dir();
	roster_dups d;
	ec_error err;
	size_t i, j;

	(void)state;
	for (i = 0; i < 1300; i++) /* distinct ids, distinct hashes */
		for (j = 0; j < i; j++)
			assert_true(strcmp(ids[i], ids[j]) == 0 || crowded_hash(ids[i]) != crowded_hash(ids[j]));
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	d.slice_max = 10; /* 1300 records: 139 slices of 10, one of them holding all */
	note_all(&d, ids, 1300, 100, crowded_hash);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), want);
	assert_true(strlen(want) > 0);
	roster_dups_free(&d);
	free(f.text);
	free(want);
	free_ids(ids, 1300);
	remove_dir(dir);
}

/* Every id the same hash: the texts decide; "x" and "y" are no repeat of each other. */
static uint64_t same_hash(const char *id)
{
	(void)id;
	return UINT64_C(0x8000000000000001);
}

static void test_roster_dups_equal_hashes_compared(void **state)
{
	static char *ids[] = {"x", "y", "x", "y", "z"};
	found f = {NULL, 0, 0, 0, ""};
	roster_dups d;
	ec_error err;
	char *dir = test_dir();

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	note_all(&d, ids, 5, 5, same_hash);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	/* x at 4 repeats line 2; y (line 3) hashes like x: compared with x's first, it is no repeat */
	assert_string_equal(reported(&f), "x:4<2 ");
	roster_dups_free(&d);
	free(f.text);
	remove_dir(dir);
}

/*
 * No temporary directory: the ids go to memory when the first file would
 * be made, with one warning naming the directory, and the same repeats
 * are found, as they come (already before roster_dups_finish()).
 */
static void test_roster_dups_no_directory(void **state)
{
	found f = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(20000, 13), *want = by_sorting(ids, 20000);
	roster_dups d;
	ec_error err;

	(void)state;
	assert_int_equal(roster_dups_init(&d, "/nonexistent/examcheck", "r.csv", on_repeat, on_warn, &f),
			 EC_OK);
	note_all(&d, ids, 20000, 400, NULL);
	assert_true(d.memory);
	assert_int_equal(f.warnings, 1);
	assert_non_null(strstr(f.warning, "'/nonexistent/examcheck'"));
	assert_string_equal(reported(&f), want);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), want); /* nothing more */
	roster_dups_free(&d);
	free(f.text);
	free(want);
	free_ids(ids, 20000);
}

/*
 * A disk that fills midway, as a file size limit of 100 KiB makes it (the
 * spool's second write is cut short, the partitions fill after): the ids
 * spooled are read back, the rest kept in memory, and the repeats are
 * those of the brute force, each once, in line order.
 */
static void test_roster_dups_disk_full_midway(void **state)
{
	found f = {NULL, 0, 0, 0, ""};
	char **ids = make_ids(20000, 13), *want = by_sorting(ids, 20000), *dir = test_dir();
	struct rlimit old, small;
	void (*was)(int);
	roster_dups d;
	ec_error err;

	(void)state;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 100 * 1024;
	if (old.rlim_max != RLIM_INFINITY && old.rlim_max < small.rlim_cur)
		small.rlim_cur = old.rlim_max;
	was = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	note_all(&d, ids, 20000, 400, NULL);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, was);
	assert_true(d.memory);
	assert_int_equal(f.warnings, 1);
	assert_non_null(strstr(f.warning, dir));
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), want);
	roster_dups_free(&d);
	free(f.text);
	free(want);
	free_ids(ids, 20000);
	remove_dir(dir);
}

static void test_roster_id_hash_trims(void **state)
{
	(void)state;
	assert_true(roster_id_hash(" ann\t", 5) == roster_id_hash("ann", 3));
	assert_true(roster_id_hash("ann", 3) != roster_id_hash("Ann", 3));
	assert_true(roster_id_hash("", 0) != 0);
}

/* Ids that differ only in blanks around them are the same student, and reported as written. */
static void test_roster_dups_blanks_ignored(void **state)
{
	static char *ids[] = {"ann", " ann", "bob"};
	found f = {NULL, 0, 0, 0, ""};
	roster_dups d;
	ec_error err;
	char *dir = test_dir();

	(void)state;
	assert_int_equal(roster_dups_init(&d, dir, "r.csv", on_repeat, on_warn, &f), EC_OK);
	note_all(&d, ids, 3, 3, NULL);
	assert_int_equal(roster_dups_finish(&d, &err), EC_OK);
	assert_string_equal(reported(&f), " ann:3<2 ");
	roster_dups_free(&d);
	free(f.text);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_dups_small_in_buffers),
		cmocka_unit_test(test_roster_dups_spooled_match_by_sorting),
		cmocka_unit_test(test_roster_dups_many_repeats),
		cmocka_unit_test(test_roster_dups_slices),
		cmocka_unit_test(test_roster_dups_crowded_slice),
		cmocka_unit_test(test_roster_dups_equal_hashes_compared),
		cmocka_unit_test(test_roster_dups_no_directory),
		cmocka_unit_test(test_roster_dups_disk_full_midway),
		cmocka_unit_test(test_roster_id_hash_trims),
		cmocka_unit_test(test_roster_dups_blanks_ignored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
