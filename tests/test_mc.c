/*
 * test_mc.c: multiple-choice options in the order an exam shows them
 * (src/lib/questions/mc.c, and every module that declares its options).
 * A variant may show option k of a question at another position; its
 * text, key, worked answer and facts must then all name option k by the
 * letter of that position. Here each such module is given a rotated order
 * by hand and everything it writes is compared with the original exam's,
 * read through the same rotation.
 */
#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"
#include "mc.h"

/* ---- the helpers, on an order written here ---- */

/* Question "9.9" shows its options 2, 0, 1, 3 at positions A, B, C, D. */
static void order_2013(ec_exam_params *p)
{
	static const unsigned char shown[4] = {2, 0, 1, 3};

	memset(p, 0, sizeof(*p));
	p->orders[0].id = "9.9";
	p->orders[0].n = 4;
	memcpy(p->orders[0].shown, shown, sizeof(shown));
	p->norders = 1;
}

static void test_mc_answer_letters_by_position(void **state)
{
	ec_exam_params p;
	const bool holds[4] = {true, false, true, false};
	char key[11], shown[31];

	(void)state;
	order_2013(&p);
	/* option 2 (true) is at A, option 0 (true) at B, options 1 and 3 (false) at C and D */
	ec_mc_answer(&p, "9.9", 4, holds, key, shown);
	assert_string_equal(key, "AB");
	assert_string_equal(shown, "A, B");
	/* a question without an order of its own shows its options as written */
	ec_mc_answer(&p, "9.8", 4, holds, key, shown);
	assert_string_equal(key, "AC");
	assert_string_equal(shown, "A, C");
}

static void test_mc_answer_none(void **state)
{
	ec_exam_params p;
	const bool holds[4] = {false, false, false, false};
	char key[11] = "x", shown[31] = "x";

	(void)state;
	order_2013(&p);
	ec_mc_answer(&p, "9.9", 4, holds, key, shown);
	assert_string_equal(key, "");
	assert_string_equal(shown, "");
}

static void test_mc_letters_joined(void **state)
{
	ec_exam_params p;
	const bool first3[4] = {true, true, true, false}, one[4] = {false, true, false, false};
	const bool two[4] = {false, false, true, true}, none[4] = {false};
	char buf[32];

	(void)state;
	order_2013(&p);
	/* options 0, 1, 2 are at B, C, A: listed in shown order */
	assert_int_equal(ec_mc_letters(&p, "9.9", 4, first3, ", ", " and ", buf, sizeof(buf)), 3);
	assert_string_equal(buf, "A, B and C");
	/* option 1 alone is at C */
	assert_int_equal(ec_mc_letters(&p, "9.9", 4, one, ", ", " and ", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "C");
	/* options 2 and 3 are at A and D */
	assert_int_equal(ec_mc_letters(&p, "9.9", 4, two, ", ", " and ", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "A and D");
	assert_int_equal(ec_mc_letters(&p, "9.9", 4, none, ", ", " and ", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	/* cut at the end of a short buffer, still a string */
	ec_mc_letters(&p, "9.9", 4, first3, ", ", " and ", buf, 4);
	assert_string_equal(buf, "A, ");
}

static void test_mc_facts_answer_from_options(void **state)
{
	ec_item_facts f;

	(void)state;
	memset(&f, 0, sizeof(f));
	ec_facts_option(&f, 'A', false, "a");
	ec_facts_option(&f, 'B', true, "b");
	ec_facts_option(&f, 'C', false, "c");
	ec_facts_option(&f, 'D', true, "d");
	ec_mc_facts_answer(&f);
	assert_string_equal(f.answer, "BD");
}

/* ---- every module that declares its options, on a rotated order ---- */

static ec_exam *open_exam(void)
{
	ec_exam *x;
	ec_error err;

	ec_error_clear(&err);
	if (ec_exam_open(0, NULL, &x, &err) != EC_OK)
		fail_msg("%s", err.msg);
	return x;
}

/*
 * Give question `id` of exam x the order that moves each option one place
 * on (option k at position k + 1, the last of them at A), the last option
 * left in place when it stays last. The exam's numbers are only read
 * elsewhere; a test may write them before anything is solved.
 */
static const ec_option_order *rotate(ec_exam *x, const ec_module *m)
{
	ec_exam_params *p = (ec_exam_params *)ec_exam_params_of(x);
	size_t i, k, n = m->last_stays ? m->options - 1 : m->options;

	for (i = 0; i < p->norders; i++) {
		ec_option_order *o = &p->orders[i];

		if (strcmp(o->id, m->id) != 0)
			continue;
		assert_int_equal(o->n, m->options);
		for (k = 0; k < n; k++)
			o->shown[(k + 1) % n] = (unsigned char)k;
		return o;
	}
	fail_msg("q%s declares %zu options but its exam has no order for them", m->id, m->options);
	return NULL;
}

/* The key's answer to `id` into buf. */
static void key_answer(ec_exam *x, const char *id, char *buf, size_t size)
{
	ec_key key = {0};
	ec_error err;
	const ec_key_item *it;

	ec_error_clear(&err);
	if (ec_exam_key(x, &key, &err) != EC_OK)
		fail_msg("key: %s", err.msg);
	if (!(it = ec_key_find(&key, id)))
		fail_msg("the key has no item %s", id);
	snprintf(buf, size, "%s", it->answer);
	ec_key_free(&key);
}

/* The text of option `letter` of question q, or NULL. */
static const char *option_text(const ec_text *t, char letter)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		if (t->blocks[i].kind == EC_TEXT_OPTION && t->blocks[i].letter == letter)
			return t->blocks[i].text;
	return NULL;
}

static const ec_option_fact *option_fact(const ec_item_facts *f, char letter)
{
	size_t i;

	for (i = 0; i < f->noptions; i++)
		if (f->options[i].letter == letter)
			return &f->options[i];
	return NULL;
}

/* The worked answer's "Answer:" line in key form ("A, C" -> "AC"). */
static void worked_answer(ec_exam *x, const char *id, char *buf, size_t size)
{
	char line[128], *s;
	size_t n = 0;
	ec_error err;
	FILE *out = tmpfile();

	assert_non_null(out);
	ec_error_clear(&err);
	if (ec_exam_worked(x, id, out, &err) != EC_OK)
		fail_msg("q%s: %s", id, err.msg);
	rewind(out);
	assert_non_null(fgets(line, sizeof(line), out));
	fclose(out);
	assert_true(strncmp(line, "Answer: ", 8) == 0);
	for (s = line + 8; *s && *s != '\n' && n + 1 < size; s++)
		if (*s >= 'A' && *s <= 'J')
			buf[n++] = *s;
	buf[n] = '\0';
}

static void check_module(const ec_module *m)
{
	const ec_question *q = ec_question_find(m->id);
	ec_exam *orig = open_exam(), *moved = open_exam();
	const ec_option_order *o = rotate(moved, m);
	const ec_item_facts *f0, *f1;
	ec_text t0 = {0}, t1 = {0};
	char want[11] = "", worked[11];
	char k0[sizeof(((ec_key_item *)0)->answer)], k1[sizeof(k0)];
	ec_error err;
	size_t pos, n = 0;

	assert_non_null(q);
	ec_error_clear(&err);
	assert_int_equal(ec_exam_text(orig, q, &t0, &err), EC_OK);
	assert_int_equal(ec_exam_text(moved, q, &t1, &err), EC_OK);
	key_answer(orig, m->id, k0, sizeof(k0));
	/* the letters of the original's right options, where the rotation shows them */
	for (pos = 0; pos < m->options; pos++) {
		char was = (char)('A' + o->shown[pos]), now = (char)('A' + pos);

		if (strchr(k0, was))
			want[n++] = now;
		if (!option_text(&t0, was) || !option_text(&t1, now))
			fail_msg("q%s has no option %c", m->id, now);
		if (strcmp(option_text(&t1, now), option_text(&t0, was)) != 0)
			fail_msg("q%s option %c reads '%s', not the original's %c '%s'", m->id, now,
				 option_text(&t1, now), was, option_text(&t0, was));
	}
	if (m->last_stays)
		assert_int_equal(o->shown[m->options - 1], m->options - 1);
	key_answer(moved, m->id, k1, sizeof(k1));
	if (strcmp(k1, want) != 0)
		fail_msg("q%s: key %s, the original's %s moved is %s", m->id, k1, k0, want);
	/* the facts: each option's truth under its new letter, and their answer */
	assert_int_equal(ec_exam_facts(orig, m->id, &f0, &err), EC_OK);
	assert_int_equal(ec_exam_facts(moved, m->id, &f1, &err), EC_OK);
	assert_non_null(f0);
	assert_non_null(f1);
	assert_int_equal(f1->noptions, m->options);
	for (pos = 0; pos < m->options; pos++) {
		const ec_option_fact *was = option_fact(f0, (char)('A' + o->shown[pos]));
		const ec_option_fact *now = option_fact(f1, (char)('A' + pos));

		assert_non_null(was);
		assert_non_null(now);
		if (was->holds != now->holds)
			fail_msg("q%s option %c: the facts say %d, the original's %c %d", m->id,
				 now->letter, now->holds, was->letter, was->holds);
	}
	assert_string_equal(f1->answer, want);
	/* the worked answer's letters */
	worked_answer(moved, m->id, worked, sizeof(worked));
	assert_string_equal(worked, want);
	ec_text_free(&t0);
	ec_text_free(&t1);
	ec_exam_free(orig);
	ec_exam_free(moved);
}

static void test_modules_follow_a_rotated_order(void **state)
{
	size_t i, checked = 0;

	(void)state;
	for (i = 0; i < ec_module_count; i++)
		if (ec_modules[i]->options > 0) {
			check_module(ec_modules[i]);
			checked++;
		}
	/* 2.1-2.4, 2.6, 2.9 and 2.10 at least */
	assert_true(checked >= 7);
}

/* Facts of a solution solved for the worked answer agree with the facts' own. */
static void test_facts_after_worked_answer(void **state)
{
	ec_exam *deep = open_exam(), *facts_only = open_exam();
	FILE *out = tmpfile();
	ec_error err;
	size_t i, k;

	(void)state;
	assert_non_null(out);
	ec_error_clear(&err);
	assert_int_equal(ec_exam_worked(deep, "2", out, &err), EC_OK);
	fclose(out);
	for (i = 0; i < ec_module_count; i++) {
		const ec_module *m = ec_modules[i];
		const ec_item_facts *a, *b;

		if (m->options == 0)
			continue;
		assert_int_equal(ec_exam_facts(deep, m->id, &a, &err), EC_OK);
		assert_int_equal(ec_exam_facts(facts_only, m->id, &b, &err), EC_OK);
		assert_string_equal(a->answer, b->answer);
		assert_int_equal(a->noptions, b->noptions);
		for (k = 0; k < a->noptions; k++)
			assert_int_equal(a->options[k].holds, b->options[k].holds);
	}
	ec_exam_free(deep);
	ec_exam_free(facts_only);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mc_answer_letters_by_position),
		cmocka_unit_test(test_mc_answer_none),
		cmocka_unit_test(test_mc_letters_joined),
		cmocka_unit_test(test_mc_facts_answer_from_options),
		cmocka_unit_test(test_modules_follow_a_rotated_order),
		cmocka_unit_test(test_facts_after_worked_answer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
