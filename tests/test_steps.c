#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"

/*
 * ec_exam_steps() (src/lib/questions/steps.c): the worked answer of a
 * question cut into steps for hints. What is asserted is read off the
 * worked answer itself (ec_exam_worked()): its lines after the heading,
 * in order and all of them, never the Answer line.
 */

/* The worked answer of `id` into *text (free() it). */
static void worked(ec_exam *exam, const char *id, char **text)
{
	size_t len = 0;
	FILE *f;
	ec_error err;

	*text = NULL;
	f = open_memstream(text, &len);
	assert_non_null(f);
	ec_error_clear(&err);
	assert_int_equal(ec_exam_worked(exam, id, f, &err), EC_OK);
	assert_int_equal(fclose(f), 0);
}

/* Non-empty lines of `s`. */
static size_t lines_of(const char *s)
{
	size_t n = 0;
	int at_start = 1;

	for (; *s; s++) {
		if (*s == '\n')
			at_start = 1;
		else if (at_start)
			n++, at_start = 0;
	}
	return n;
}

/*
 * For every leaf of the original and of variant 7: the steps appear in
 * the worked answer in order, without overlap; together they hold every
 * non-empty line but the first two (Answer and heading); none is an
 * Answer line, and none is empty.
 */
static void test_exam_steps_cover_worked_answer(void **state)
{
	static const uint64_t seeds[] = {0, 7};
	size_t k, i, j;

	(void)state;
	for (k = 0; k < 2; k++) {
		ec_exam *exam;
		ec_error err;

		ec_error_clear(&err);
		assert_int_equal(ec_exam_open(seeds[k], NULL, &exam, &err), EC_OK);
		for (i = 0; i < ec_question_count; i++) {
			ec_text steps = {0};
			char *text;
			const char *at;
			size_t lines = 0;

			if (!ec_questions[i].leaf)
				continue;
			worked(exam, ec_questions[i].id, &text);
			assert_int_equal(ec_exam_steps(exam, ec_questions[i].id, &steps, &err), EC_OK);
			assert_true(steps.count > 0);
			at = strstr(text, "\n\n");
			assert_non_null(at);
			for (j = 0; j < steps.count; j++) {
				const char *found = strstr(at, steps.blocks[j].text);

				assert_int_equal(steps.blocks[j].kind, EC_TEXT_PRE);
				assert_true(steps.blocks[j].text[0] != '\0');
				assert_true(strncmp(steps.blocks[j].text, "Answer:", 7) != 0);
				if (!found)
					fail_msg("%s step %zu is not in the worked answer after the previous one",
						 ec_questions[i].id, j);
				at = found + strlen(steps.blocks[j].text);
				lines += lines_of(steps.blocks[j].text);
			}
			assert_int_equal(lines + 2, lines_of(text));
			ec_text_free(&steps);
			free(text);
		}
		ec_exam_free(exam);
	}
}

/*
 * The original's 3.2.1 (INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; ...):
 * first the paragraph on shapes, then one step per layer, numbered, the
 * first for CONV5-16-p2-s1 and the second for POOL2.
 */
static void test_exam_steps_numbered(void **state)
{
	ec_exam *exam;
	ec_text steps = {0};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, NULL, &exam, &err), EC_OK);
	assert_int_equal(ec_exam_steps(exam, "3.2.1", &steps, &err), EC_OK);
	assert_true(steps.count >= 8);
	assert_true(strncmp(steps.blocks[0].text, "Shapes are C x T x H x W", 24) == 0);
	assert_true(strncmp(steps.blocks[1].text, "1. CONV5-16-p2-s1, on 3x8x64x64:\n", 33) == 0);
	assert_true(strncmp(steps.blocks[2].text, "2. POOL2, on 16x8x64x64:\n", 25) == 0);
	assert_null(strstr(steps.blocks[1].text, "\n2. "));
	ec_text_free(&steps);
	ec_exam_free(exam);
}

/* A group or an unknown id has no worked answer of its own. */
static void test_exam_steps_not_a_leaf(void **state)
{
	ec_exam *exam;
	ec_text steps = {0};
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, NULL, &exam, &err), EC_OK);
	assert_int_equal(ec_exam_steps(exam, "3.2", &steps, &err), EC_ERR_NOTFOUND);
	assert_int_equal(ec_exam_steps(exam, "9.9", &steps, &err), EC_ERR_NOTFOUND);
	assert_int_equal(steps.count, 0);
	ec_exam_free(exam);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exam_steps_cover_worked_answer),
		cmocka_unit_test(test_exam_steps_numbered),
		cmocka_unit_test(test_exam_steps_not_a_leaf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
