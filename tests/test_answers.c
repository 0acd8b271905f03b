/*
 * test_answers.c: the worked answers of src/answers. The key is computed
 * without the worked text (a->out NULL), and then skips every
 * demonstration whose result is only printed; where a key answer would
 * otherwise come from a long demonstration, the key takes it from a
 * cheaper library computation instead. Printing the worked answers still
 * runs the demonstrations and derives each key item from them. Both ways
 * must give the same key, item by item.
 */
#include "ec_test.h"

#include <stdio.h>
#include <string.h>

#include "../src/answers/answers.h"

/* Every leaf into `key`; with the worked text (to a scratch file) when `text`. */
static void run_all(ec_key *key, int text)
{
	ec_actx a = {NULL, key, NULL, {0}};
	size_t i;

	if (text) {
		a.out = tmpfile();
		assert_non_null(a.out);
	}
	for (i = 0; i < ec_question_count; i++) {
		char buf[512];

		if (!ec_questions[i].fn)
			continue;
		if (ec_question_run(&ec_questions[i], &a) != 0)
			fail_msg("q%s (%s): %s", ec_questions[i].id, text ? "worked" : "key only",
				 ec_error_format(&a.err, buf, sizeof(buf)));
	}
	if (a.out) {
		assert_true(ftell(a.out) > 0);
		fclose(a.out);
	}
}

static void test_key_without_text_equals_key_from_demonstrations(void **state)
{
	ec_key worked = {0}, fast = {0};
	size_t i;

	(void)state;
	run_all(&worked, 1);
	run_all(&fast, 0);
	assert_true(worked.count > 0);
	assert_int_equal(fast.count, worked.count);
	for (i = 0; i < worked.count; i++) {
		const ec_key_item *w = &worked.items[i], *f = &fast.items[i];

		if (strcmp(w->id, f->id) != 0 || strcmp(w->answer, f->answer) != 0 ||
		    w->kind != f->kind || w->points != f->points)
			fail_msg("item %zu: worked answers give %s = '%s' (%s, %g points), the key "
				 "alone %s = '%s' (%s, %g points)",
				 i, w->id, w->answer, ec_key_kind_name(w->kind), w->points, f->id,
				 f->answer, ec_key_kind_name(f->kind), f->points);
	}
	ec_key_free(&worked);
	ec_key_free(&fast);
}

/* Each leaf run on its own adds the same items as in the whole run. */
static void test_key_of_each_leaf_alone(void **state)
{
	ec_key all = {0};
	size_t i, j, at = 0;

	(void)state;
	run_all(&all, 0);
	for (i = 0; i < ec_question_count; i++) {
		ec_key one = {0};
		ec_actx a = {NULL, &one, NULL, {0}};

		if (!ec_questions[i].fn)
			continue;
		assert_int_equal(ec_question_run(&ec_questions[i], &a), 0);
		assert_true(one.count > 0);
		for (j = 0; j < one.count; j++, at++) {
			assert_true(at < all.count);
			assert_string_equal(one.items[j].id, all.items[at].id);
			assert_string_equal(one.items[j].answer, all.items[at].answer);
		}
		ec_key_free(&one);
	}
	assert_int_equal(at, all.count);
	ec_key_free(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_without_text_equals_key_from_demonstrations),
		cmocka_unit_test(test_key_of_each_leaf_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
