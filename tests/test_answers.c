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
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"
#include "examcheck/ec_expr.h"
#include "question.h"

/*
 * The key into `key`; when `text`, from an exam whose worked answers were
 * printed first (to a scratch file), so that the key is a view of the
 * solutions the worked answers ran; else from a fresh exam, which solves
 * only as far as the key needs.
 */
static void run_all(ec_key *key, int text)
{
	ec_exam *x;
	ec_error err;
	char buf[512];

	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, NULL, &x, &err), EC_OK);
	if (text) {
		FILE *out = tmpfile();

		assert_non_null(out);
		if (ec_exam_worked(x, NULL, out, &err) != EC_OK)
			fail_msg("worked: %s", ec_error_format(&err, buf, sizeof(buf)));
		assert_true(ftell(out) > 0);
		fclose(out);
	}
	if (ec_exam_key(x, key, &err) != EC_OK)
		fail_msg("key: %s", err.msg);
	ec_exam_free(x);
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

/* Each leaf shown on its own adds the same items as in the whole key. */
static void test_key_of_each_leaf_alone(void **state)
{
	ec_key all = {0};
	size_t i, j, at = 0;

	(void)state;
	run_all(&all, 0);
	for (i = 0; i < ec_question_count; i++) {
		const ec_module *m = ec_module_of(ec_questions[i].id);
		ec_exam *x;
		ec_key one = {0};
		ec_actx a = {.key = &one, .q = &ec_questions[i]};
		ec_solving s;
		void *sol;
		ec_error err;

		if (!ec_questions[i].leaf)
			continue;
		assert_non_null(m);
		ec_error_clear(&err);
		assert_int_equal(ec_exam_open(0, NULL, &x, &err), EC_OK);
		s.exam = x;
		s.p = a.params = ec_exam_params_of(x);
		s.depth = EC_DEPTH_KEY;
		a.exam = x;
		sol = calloc(1, m->size ? m->size : 1);
		assert_non_null(sol);
		assert_true(!m->solve || m->solve(&s, sol, &err) == 0);
		assert_int_equal(m->show(&a, sol), 0);
		if (m->release)
			m->release(sol);
		free(sol);
		ec_exam_free(x);
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
 * Points by hand from data/answer-key.tsv: 3.1.1.x, n1, y, n2, n3, z, n4,
 * n5, n6 at 5/9 each, 5 in all; 3.3.1 4 + 3.3.2 4 + 3.3.3 2 + 3.3.7 1 = 11.
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
	assert_int_equal(stand_in, 9);
	assert_int_equal(ec_key_sources(&key, src, 3), 2);
	assert_int_equal(src[0].origin, EC_KEY_FROM_STAND_IN);
	assert_string_equal(src[0].data, "q3.1.1.graph");
	assert_int_equal(src[0].count, 9);
	assert_near(src[0].points, 5, 1e-9);
	assert_int_equal(src[1].origin, EC_KEY_FROM_RECONSTRUCTION);
	assert_string_equal(src[1].data, "q3.3.figure");
	assert_int_equal(src[1].count, 4);
	assert_near(src[1].points, 11, 1e-9);
	ec_key_free(&key);
}

/*
 * Each built-in data file: listed in name order, its text built in; that
 * text is what its name says it is (the rubric is the exam's own), and so
 * is that text saved with a byte-order mark and CRLF line ends, or with CR
 * line ends; one byte changed, it is data supplied as the real figure.
 */
static void test_data_origin_of_builtin_and_edited_text(void **state)
{
	static const ec_key_origin want[] = {EC_KEY_FROM_STAND_IN, EC_KEY_FROM_RECONSTRUCTION,
					     EC_KEY_FROM_EXAM};
	const char *text;
	char edited[8192], saved[16384];
	size_t i, k, n, size;

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
		/* as a Windows editor saves it: BOM, CRLF */
		n = (size_t)snprintf(saved, sizeof(saved), "\xEF\xBB\xBF");
		for (k = 0; k < size && n + 2 < sizeof(saved); k++)
			n += (size_t)snprintf(saved + n, sizeof(saved) - n, "%s",
					      text[k] == '\n' ? "\r\n" : (char[2]){text[k], 0});
		assert_true(k == size);
		assert_int_equal(ec_data_origin(name, saved), want[i]);
		/* CR line ends, and one line end dropped: not the same text */
		for (k = 0; k < size; k++)
			saved[k] = text[k] == '\n' ? '\r' : text[k];
		saved[size] = '\0';
		assert_int_equal(ec_data_origin(name, saved), want[i]);
		saved[size - 1] = '\0';
		assert_int_equal(ec_data_origin(name, saved), EC_KEY_FROM_EXAM);
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

/* The built-in stand-in graph of 3.1.1, both passes run. */
static void load_stand_in(ec_expr *e)
{
	const char *text;
	size_t size;
	ec_error err;

	assert_true(ec_data_builtin("q3.1.1.graph", &text, &size));
	ec_error_clear(&err);
	if (ec_expr_file_load(text, "q3.1.1.graph", e, &err) != EC_OK)
		fail_msg("%s", err.msg);
}

/* The stand-in's output with node i's value replaced by v (node i made a literal). */
static double output_with(size_t i, double v)
{
	ec_expr e;
	ec_error err;
	double out;

	load_stand_in(&e);
	e.nodes[i].op = EC_EXPR_NUMBER;
	e.nodes[i].nargs = 0;
	e.nodes[i].number = v;
	assert_int_equal(ec_expr_forward(&e, &err), EC_OK);
	out = e.nodes[e.count - 1].value;
	ec_expr_free(&e);
	return out;
}

/*
 * The stand-in graph of 3.1.1, clamp(2**x + y, 1, 10) * (2**(y - z) + z)
 * at x = 3, y = 4, z = 3, by hand.
 * Forward: n1 = 2**3 = 8; n2 = n1 + y = 12; n3 = clamp(12, 1, 10) = 10
 * (12 > 10, the exam's own example: the output is the bound b);
 * n4 = y - z = 1; n5 = 2**1 = 2; n6 = n5 + z = 5; n7 = n3 * n6 = 50.
 * Backward (g = d n7 / d node): g7 = 1; g6 = n3 = 10; g3 = n6 = 5;
 * g5 = g6 = 10; g4 = g5 * 2**n4 ln 2 = 10 * 2 ln 2 = 20 ln 2;
 * gz = g6 * 1 + g4 * (-1) = 10 - 20 ln 2; g2 = g3 * 0 = 0 (a saturated
 * clamp does not move with its input); gy = g2 * 1 + g4 * 1 = 20 ln 2;
 * g1 = g2 = 0; gx = g1 * 2**x ln 2 = 0.
 * Each gradient is also checked by a central difference of the output
 * when the node's value moves by h = 1e-6 (well inside the clamp's
 * saturated branch: its input stays near 12 > 10).
 */
static void test_stand_in_graph_by_hand_and_finite_differences(void **state)
{
	static const struct {
		const char *label;
		double value;
		int64_t a, b; /* gradient a + b ln 2 */
	} want[] = {
		{"x", 3, 0, 0},   {"n1", 8, 0, 0},   {"y", 4, 0, 20},    {"n2", 12, 0, 0},
		{"n3", 10, 5, 0}, {"z", 3, 10, -20}, {"n4", 1, 0, 20},   {"n5", 2, 10, 0},
		{"n6", 5, 10, 0}, {"n7", 50, 1, 0},
	};
	const double ln2 = 0.69314718055994530942, h = 1e-6;
	ec_expr e;
	ec_expr_exact *x;
	size_t i, k = 0;

	(void)state;
	load_stand_in(&e);
	x = calloc(e.count, sizeof(*x));
	assert_non_null(x);
	ec_expr_exact_forms(&e, x);
	for (i = 0; i < e.count; i++) {
		const ec_expr_node *n = &e.nodes[i];
		double g = (double)want[k].a + (double)want[k].b * ln2, fd;

		if (n->constant)
			continue;
		assert_true(k < sizeof(want) / sizeof(want[0]));
		assert_string_equal(n->label, want[k].label);
		assert_near(n->value, want[k].value, 0);
		assert_near(n->grad, g, 1e-14 * fmax(1, fabs(g)));
		fd = (output_with(i, n->value + h) - output_with(i, n->value - h)) / (2 * h);
		if (!(fabs(fd - n->grad) <= 1e-6 * fmax(1, fabs(g))))
			fail_msg("%s: gradient %.17g, finite difference %.17g", n->label, n->grad, fd);
		/* the exact form the worked answer prints is the hand one */
		assert_true(x[i].grad.known);
		assert_true(x[i].grad.a.num == want[k].a && x[i].grad.a.den == 1);
		assert_true(x[i].grad.b.num == want[k].b && x[i].grad.b.den == 1);
		k++;
	}
	assert_int_equal(k, sizeof(want) / sizeof(want[0]));
	assert_true(e.nodes[4].op == EC_EXPR_ADD && e.nodes[7].op == EC_EXPR_CLAMP);
	assert_near(e.nodes[7].partial[0], 0, 0); /* saturated: nothing to the input */
	free(x);
	ec_expr_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_without_text_equals_key_from_demonstrations),
		cmocka_unit_test(test_key_of_each_leaf_alone),
		cmocka_unit_test(test_key_marks_stand_in_items),
		cmocka_unit_test(test_data_origin_of_builtin_and_edited_text),
		cmocka_unit_test(test_stand_in_graph_by_hand_and_finite_differences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
