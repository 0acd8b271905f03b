#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class_fixture.h"
#include "examcheck/ec_answer_groups.h"
#include "examcheck/ec_xorshift.h"

/* A row answering only item `item` (the others blank). */
static const ec_roster_row *one_answer(class_fixture *f, size_t item, const char *answer, long line)
{
	const char *cells[NITEMS + 1] = {"s"};

	cells[item + 1] = answer;
	return class_fixture_row(f, cells, line);
}

static ec_answer_groups *groups_of(class_fixture *f)
{
	ec_answer_groups *a = NULL;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_answer_groups_new(&a, &f->g, &f->h, &err), EC_OK);
	return a;
}

/* The group of item `item` whose answer is `answer`, or NULL. */
static const ec_answer_group *group(const ec_answer_groups *a, size_t item, const char *answer)
{
	const ec_answer_group *g;
	uint64_t other;
	size_t n = ec_answer_groups_item(a, item, &g, &other), k;

	for (k = 0; k < n; k++)
		if (strcmp(g[k].answer, answer) == 0)
			return &g[k];
	return NULL;
}

/* The students item `item`'s groups and other hold: every one added. */
static uint64_t students_of(const ec_answer_groups *a, size_t item)
{
	const ec_answer_group *g;
	uint64_t other, sum;
	size_t n = ec_answer_groups_item(a, item, &g, &other), k;

	for (k = 0, sum = other; k < n; k++)
		sum += g[k].count;
	return sum;
}

/*
 * Spellings that grading reads alike are one group: 6000 written four
 * ways (the grouped forms and a product 5x5x5x3x16 = 6000), a shape in
 * three; its key form is what is shown. A spelling longer than the cache
 * keeps (16 bytes) is read each time and still lands in its group.
 */
static void test_answer_groups_add_normalises(void **state)
{
	static const char *const weights[] = {"6000", "6,000", "6 000", "5x5x5x3x16",
					      "   6,000           "};
	static const char *const dims[] = {"16x8x64x64", "(16, 8, 64, 64)", "[16,8,64,64]"};
	class_fixture f;
	ec_answer_groups *a;
	const ec_answer_group *g;
	size_t k, r;

	(void)state;
	class_fixture_init(&f, "");
	a = groups_of(&f);
	for (r = 0; r < 3; r++) {
		for (k = 0; k < 5; k++)
			ec_answer_groups_add(a, one_answer(&f, COUNT, weights[k], 2));
		for (k = 0; k < 3; k++)
			ec_answer_groups_add(a, one_answer(&f, DIMS, dims[k], 2));
	}
	ec_answer_groups_finish(a, NULL, NULL);
	assert_int_equal(ec_answer_groups_students(a), 3 * 8);
	assert_non_null(g = group(a, COUNT, "6000"));
	assert_int_equal(g->count, 3 * 5);
	assert_int_equal(g->verdict, EC_VERDICT_RIGHT);
	assert_near(g->points, 6.0 / 21, 1e-12);
	assert_false(g->acceptable);
	assert_non_null(g = group(a, DIMS, "16x8x64x64"));
	assert_int_equal(g->count, 3 * 3);
	/* every row answers one of the two: the other's blank group holds the rest */
	assert_int_equal(group(a, COUNT, "")->count, 3 * 3);
	assert_int_equal(group(a, DIMS, "")->count, 3 * 5);
	for (k = 0; k < NITEMS; k++)
		assert_int_equal(students_of(a, k), 3 * 8);
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/*
 * What each group says: a number keeps its figures (33.30 is not 33.3);
 * an unreadable answer is shown as written, blanks trimmed; a mark by
 * hand as its points, none yet as ""; mc letters in key form. Wrong and
 * partly right readable answers can be accepted, nothing else.
 */
static void test_answer_groups_what_groups_say(void **state)
{
	class_fixture f;
	ec_answer_groups *a;
	const ec_answer_group *g;

	(void)state;
	class_fixture_init(&f, "");
	a = groups_of(&f);
	ec_answer_groups_add(a, one_answer(&f, NUM, "33.30", 2));
	ec_answer_groups_add(a, one_answer(&f, NUM, "33.3", 3));
	ec_answer_groups_add(a, one_answer(&f, NUM, "  12x ", 4));
	ec_answer_groups_add(a, one_answer(&f, MANUAL, "0.5", 5));
	ec_answer_groups_add(a, one_answer(&f, MC_AB, "b, a", 6));
	ec_answer_groups_add(a, one_answer(&f, MC_AB, "a", 7));
	ec_answer_groups_finish(a, NULL, NULL);
	assert_non_null(group(a, NUM, "33.30"));
	assert_non_null(group(a, NUM, "33.3"));
	assert_non_null(g = group(a, NUM, "12x"));
	assert_int_equal(g->verdict, EC_VERDICT_UNREADABLE);
	assert_string_equal(g->mistake, EC_ANSWER_UNREADABLE);
	assert_false(g->acceptable);
	assert_non_null(g = group(a, MANUAL, "0.5"));
	assert_int_equal(g->verdict, EC_VERDICT_PARTIAL);
	assert_false(g->acceptable);
	assert_non_null(g = group(a, MANUAL, ""));
	assert_int_equal(g->verdict, EC_VERDICT_MANUAL);
	assert_int_equal(g->count, 5);
	assert_non_null(g = group(a, MC_AB, "AB"));
	assert_int_equal(g->verdict, EC_VERDICT_RIGHT);
	assert_false(g->acceptable);
	assert_non_null(g = group(a, MC_AB, "A"));
	assert_int_equal(g->verdict, EC_VERDICT_PARTIAL);
	assert_near(g->points, 2, 0); /* 4 less 2 for the missing B */
	assert_true(g->acceptable);
	assert_false(group(a, MC_AB, "")->acceptable);
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/* The mistake callback: what it was asked, and what it names. */
typedef struct asked {
	size_t calls;
	size_t item;
	uint64_t count;
} asked;

static bool name_2000(void *ctx, const ec_grader *g, size_t item, const ec_value *v, char *buf,
		      size_t size)
{
	asked *k = ctx;

	(void)g;
	k->calls++;
	k->item = item;
	if (v->kind == EC_KEY_COUNT && v->count == 2000) {
		snprintf(buf, size, "weights without the input channels");
		return true;
	}
	return false;
}

/*
 * finish() asks the callback about wrong and partly right groups only
 * (here 2000 and 7, once each however many gave them), names the rubric's
 * other reading for a right answer that is an alternative (5 accepted by
 * an alt line for 3.2.1.1.weights) and leaves the key's own answer alone.
 */
static void test_answer_groups_finish_names_mistakes(void **state)
{
	class_fixture f;
	ec_answer_groups *a;
	asked k = {0, 0, 0};
	size_t i;

	(void)state;
	class_fixture_init(&f, "alt 3.2.1.1.weights 5\n");
	a = groups_of(&f);
	for (i = 0; i < 40; i++)
		ec_answer_groups_add(a, one_answer(&f, COUNT, "2000", 2));
	ec_answer_groups_add(a, one_answer(&f, COUNT, "7", 2));
	ec_answer_groups_add(a, one_answer(&f, COUNT, "5", 2));
	ec_answer_groups_add(a, one_answer(&f, COUNT, "6000", 2));
	ec_answer_groups_finish(a, name_2000, &k);
	assert_int_equal(k.calls, 2);
	assert_int_equal(k.item, COUNT);
	assert_int_equal(group(a, COUNT, "2000")->count, 40);
	assert_string_equal(group(a, COUNT, "2000")->mistake, "weights without the input channels");
	assert_string_equal(group(a, COUNT, "7")->mistake, "");
	assert_int_equal(group(a, COUNT, "5")->verdict, EC_VERDICT_RIGHT);
	assert_string_equal(group(a, COUNT, "5")->mistake, EC_ANSWER_OTHER_READING);
	assert_string_equal(group(a, COUNT, "6000")->mistake, "");
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/* Largest first; ties by answer text. Before finish, no groups are given. */
static void test_answer_groups_sorted(void **state)
{
	static const char *const answers[] = {"B", "C", "C", "A", "C", "B", "D", "ABCD"};
	class_fixture f;
	ec_answer_groups *a;
	const ec_answer_group *g;
	uint64_t other;
	size_t i;

	(void)state;
	class_fixture_init(&f, "");
	a = groups_of(&f);
	for (i = 0; i < 8; i++)
		ec_answer_groups_add(a, one_answer(&f, MC_C, answers[i], 2));
	assert_int_equal(ec_answer_groups_item(a, MC_C, &g, &other), 0);
	ec_answer_groups_finish(a, NULL, NULL);
	assert_int_equal(ec_answer_groups_item(a, MC_C, &g, &other), 5);
	assert_string_equal(g[0].answer, "C");
	assert_int_equal(g[0].count, 3);
	assert_string_equal(g[1].answer, "B");
	assert_string_equal(g[2].answer, "A");
	assert_string_equal(g[3].answer, "ABCD");
	assert_string_equal(g[4].answer, "D");
	assert_int_equal(other, 0);
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/*
 * The budget: EC_ANSWER_GROUPS_MAX answers given once (1 to 48) fill the
 * table; 7000 then takes the place of the oldest (1), which goes to other
 * and stays there when given again; 9000, given once all are twice or
 * more, goes to other too. Counts shown are exact, other holds the rest.
 */
static void test_answer_groups_budget(void **state)
{
	class_fixture f;
	ec_answer_groups *a;
	char text[32];
	size_t i;

	(void)state;
	class_fixture_init(&f, "");
	a = groups_of(&f);
	for (i = 1; i <= EC_ANSWER_GROUPS_MAX; i++) {
		snprintf(text, sizeof(text), "%zu", i);
		ec_answer_groups_add(a, one_answer(&f, COUNT, text, 2));
	}
	for (i = 0; i < 5; i++)
		ec_answer_groups_add(a, one_answer(&f, COUNT, "7000", 2));
	ec_answer_groups_add(a, one_answer(&f, COUNT, "1", 2));
	for (i = 2; i <= EC_ANSWER_GROUPS_MAX; i++) { /* each kept answer a second time */
		snprintf(text, sizeof(text), "%zu", i);
		ec_answer_groups_add(a, one_answer(&f, COUNT, text, 2));
	}
	ec_answer_groups_add(a, one_answer(&f, COUNT, "9000", 2));
	ec_answer_groups_finish(a, NULL, NULL);
	{
		const ec_answer_group *g;
		uint64_t other;
		size_t n = ec_answer_groups_item(a, COUNT, &g, &other);

		assert_int_equal(n, EC_ANSWER_GROUPS_MAX);
		assert_int_equal(g[0].count, 5);
		assert_string_equal(g[0].answer, "7000");
		assert_null(group(a, COUNT, "1"));
		assert_null(group(a, COUNT, "9000"));
		assert_int_equal(group(a, COUNT, "2")->count, 2);
		assert_int_equal(other, 3); /* 1 twice, 9000 once */
	}
	assert_int_equal(students_of(a, COUNT), EC_ANSWER_GROUPS_MAX + 5 + 1 +
							EC_ANSWER_GROUPS_MAX - 1 + 1);
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/*
 * Exact counts against a brute-force count: 20,000 answers to the count
 * item drawn from 200 values (a few frequent, many rare), each written in
 * one of three spellings. Every group shown holds exactly the students
 * who wrote its value, other holds the rest, and the frequent values are
 * all kept.
 */
static void test_answer_groups_exact_against_brute_force(void **state)
{
	enum { VALUES = 200, ROWS = 20000 };
	static uint64_t truth[VALUES];
	class_fixture f;
	ec_answer_groups *a;
	ec_xorshift rng;
	const ec_answer_group *g;
	uint64_t other;
	size_t n, i, k;
	char text[48];

	(void)state;
	memset(truth, 0, sizeof(truth));
	ec_xorshift_seed(&rng, 17);
	class_fixture_init(&f, "");
	a = groups_of(&f);
	for (i = 0; i < ROWS; i++) {
		uint64_t r = ec_xorshift_next(&rng);
		/* values 0-3 half the time, else any of the 200 */
		size_t v = (r & 1) ? (size_t)((r >> 1) % 4) : (size_t)((r >> 1) % VALUES);
		unsigned long long value = 1000 + 1000 * (unsigned long long)v;

		truth[v]++;
		switch ((r >> 20) % 3) {
		case 0:
			snprintf(text, sizeof(text), "%llu", value);
			break;
		case 1:
			snprintf(text, sizeof(text), "%llu,%03llu", value / 1000, value % 1000);
			break;
		default:
			snprintf(text, sizeof(text), "%llu %03llu", value / 1000, value % 1000);
			break;
		}
		ec_answer_groups_add(a, one_answer(&f, COUNT, text, (long)i + 2));
	}
	ec_answer_groups_finish(a, NULL, NULL);
	n = ec_answer_groups_item(a, COUNT, &g, &other);
	assert_true(n <= EC_ANSWER_GROUPS_MAX);
	for (k = 0; k < n; k++) {
		unsigned long long value = strtoull(g[k].answer, NULL, 10);

		assert_int_equal((value - 1000) % 1000, 0);
		assert_int_equal(g[k].count, truth[(value - 1000) / 1000]);
	}
	for (i = 0; i < 4; i++) {
		snprintf(text, sizeof(text), "%llu", 1000 + 1000 * (unsigned long long)i);
		assert_non_null(group(a, COUNT, text));
	}
	assert_int_equal(students_of(a, COUNT), ROWS);
	ec_answer_groups_free(a);
	class_fixture_free(&f);
}

/* An item without a column has no groups. */
static void test_answer_groups_item_without_column(void **state)
{
	class_fixture f;
	ec_answer_groups *a;
	const ec_answer_group *g;
	uint64_t other;
	ec_error err;

	(void)state;
	class_fixture_init(&f, "");
	f.h.nitems = 2; /* items 0 and 1 only */
	f.h.nnames = 3;
	ec_error_clear(&err);
	assert_int_equal(ec_answer_groups_new(&a, &f.g, &f.h, &err), EC_OK);
	ec_answer_groups_add(a, one_answer(&f, T11, "T", 2));
	ec_answer_groups_finish(a, NULL, NULL);
	assert_int_equal(ec_answer_groups_item(a, T11, &g, &other), 1);
	assert_int_equal(ec_answer_groups_item(a, COUNT, &g, &other), 0);
	assert_null(g);
	assert_int_equal(ec_answer_groups_item(a, 999, &g, &other), 0);
	ec_answer_groups_free(a);
	ec_answer_groups_free(NULL);
	class_fixture_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_groups_add_normalises),
		cmocka_unit_test(test_answer_groups_what_groups_say),
		cmocka_unit_test(test_answer_groups_finish_names_mistakes),
		cmocka_unit_test(test_answer_groups_sorted),
		cmocka_unit_test(test_answer_groups_budget),
		cmocka_unit_test(test_answer_groups_exact_against_brute_force),
		cmocka_unit_test(test_answer_groups_item_without_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
