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
	ec_actx a = {.key = key};
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
		    w->kind != f->kind || w->points != f->points || w->origin != f->origin ||
		    strcmp(w->data, f->data) != 0)
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
		ec_actx a = {.key = &one};

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

/*
 * With the built-in data, the items computed from the stand-in graph
 * (3.1.1.*) and the reconstructed figure (3.3.1, 3.3.2, 3.3.3, 3.3.7)
 * say so; every other item, 3.3.7.why included, comes from the exam.
 * Points by hand from data/answer-key.tsv: 3.1.1.x, y, n1, n2, n3, z, n4
 * at 5/7 each, 5 in all; 3.3.1 4 + 3.3.2 4 + 3.3.3 2 + 3.3.7 1 = 11.
 */
static void test_key_marks_stand_in_items(void **state)
{
	static const char *const reconstructed[] = {"3.3.1", "3.3.2", "3.3.3", "3.3.7"};
	ec_key key = {0};
	ec_key_source src[3];
	size_t i, j, stand_in = 0;

	(void)state;
	run_all(&key, 0);
	for (i = 0; i < key.count; i++) {
		const ec_key_item *it = &key.items[i];
		ec_key_origin want = EC_KEY_FROM_EXAM;
		const char *data = "";

		if (strncmp(it->id, "3.1.1.", 6) == 0) {
			want = EC_KEY_FROM_STAND_IN;
			data = "q3.1.1.graph";
			stand_in++;
		}
		for (j = 0; j < 4; j++) {
			if (strcmp(it->id, reconstructed[j]) == 0) {
				want = EC_KEY_FROM_RECONSTRUCTION;
				data = "q3.3.figure";
			}
		}
		if (it->origin != want || strcmp(it->data, data) != 0)
			fail_msg("%s: origin %s '%s', expected %s '%s'", it->id,
				 ec_key_origin_name(it->origin), it->data, ec_key_origin_name(want),
				 data);
	}
	assert_int_equal(stand_in, 7);
	assert_int_equal(ec_key_sources(&key, src, 3), 2);
	assert_int_equal(src[0].origin, EC_KEY_FROM_STAND_IN);
	assert_string_equal(src[0].data, "q3.1.1.graph");
	assert_int_equal(src[0].count, 7);
	assert_near(src[0].points, 5, 1e-9);
	assert_int_equal(src[1].origin, EC_KEY_FROM_RECONSTRUCTION);
	assert_string_equal(src[1].data, "q3.3.figure");
	assert_int_equal(src[1].count, 4);
	assert_near(src[1].points, 11, 1e-9);
	ec_key_free(&key);
}

/*
 * Each built-in data file: listed in name order, its text built in; that
 * text is what its name says it is (the rubric is the exam's own); one
 * byte changed, it is data supplied as the real figure.
 */
static void test_data_origin_of_builtin_and_edited_text(void **state)
{
	static const ec_key_origin want[] = {EC_KEY_FROM_STAND_IN, EC_KEY_FROM_RECONSTRUCTION,
					     EC_KEY_FROM_EXAM};
	const char *text;
	char edited[8192];
	size_t i, size;

	(void)state;
	assert_int_equal(ec_data_file_count, 3);
	assert_string_equal(ec_data_files[0].name, "q3.1.1.graph");
	assert_string_equal(ec_data_files[1].name, "q3.3.figure");
	assert_string_equal(ec_data_files[2].name, "rubric");
	for (i = 0; i < ec_data_file_count; i++) {
		const char *name = ec_data_files[i].name;

		assert_true(ec_data_builtin(name, &text, &size));
		assert_int_equal(strlen(text), size);
		assert_int_equal(ec_data_files[i].origin, want[i]);
		assert_int_equal(ec_data_origin(name, text), want[i]);
		assert_true(size + 1 < sizeof(edited));
		memcpy(edited, text, size + 1);
		edited[size - 1] = edited[size - 1] == ' ' ? '\t' : ' ';
		assert_int_equal(ec_data_origin(name, edited), EC_KEY_FROM_EXAM);
		memcpy(edited + size, "\n", 2); /* one byte more */
		memcpy(edited, text, size);
		assert_int_equal(ec_data_origin(name, edited), EC_KEY_FROM_EXAM);
	}
	assert_false(ec_data_builtin("answer-key.tsv", &text, &size));
	assert_int_equal(ec_data_origin("no-such-file", ""), EC_KEY_FROM_EXAM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_without_text_equals_key_from_demonstrations),
		cmocka_unit_test(test_key_of_each_leaf_alone),
		cmocka_unit_test(test_key_marks_stand_in_items),
		cmocka_unit_test(test_data_origin_of_builtin_and_edited_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
