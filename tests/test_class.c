#include "ec_test.h"

#include <stdio.h>
#include <string.h>

#include "class_fixture.h"
#include "examcheck/ec_class.h"

/*
 * A class of seven worked by hand, answering 1.1 (tf T, 2 points, wrong
 * -1) and 2.1 (mc AB, 4 points, options A-D, 2 off per error); every other
 * item blank (0).
 *
 *   student  1.1      2.1          total
 *   s1       T   2    AB  4        6
 *   s2       T   2    A   2        4
 *   s3       F  -1    AB  4        3
 *   s4       -   0    -   0        0
 *   s5       F  -1    ABC 2        1
 *   s6       T   2    -   0        2
 *   s7       T   2    AB  4        6
 *
 * Groups: 27% of 7 = 1.89, rounded 2. From the top, total 6 holds two
 * (s1, s7): the upper group, cut 6. From the bottom, 0 (s4) then 1 (s5):
 * the lower group, cut 1. Options of 2.1 chosen: upper A 2, B 2; lower A
 * 1, B 1, C 1 (s5's ABC), blank 1 (s4).
 * Section 1 (1.1) runs from -1 to 2: bins of 0.2 from -1
 * (ec_histogram_bins(-1, 2, 20): 0.1 gives 30 bins, 0.2 gives 15), -1 in
 * bin 0 (s3 s5), 0 in bin 5 (s4), 2 in the last, closed, bin 14 (s1 s2
 * s6 s7). Section 2 (2.1, 2.2) runs from 0 to 8: bins of 0.5 (0.2 gives
 * 40, 0.5 16): 0 in bin 0 (s4 s6), 2 in bin 4 (s2 s5), 4 in bin 8 (s1 s3
 * s7).
 */
static const char *const hand_rows[7][3] = {
	{"s1", "T", "AB"}, {"s2", "T", "A"}, {"s3", "F", "AB"}, {"s4", "", ""},
	{"s5", "F", "ABC"}, {"s6", "T", ""}, {"s7", "T", "AB"},
};

static void add_hand_rows(ec_class *c, class_fixture *f, size_t grader)
{
	size_t i;

	for (i = 0; i < 7; i++) {
		const char *cells[NITEMS + 1] = {hand_rows[i][0], hand_rows[i][1], hand_rows[i][2]};
		ec_roster_row row = *class_fixture_row(f, cells, (long)i + 2);

		row.grader = grader;
		ec_class_add(c, &row);
	}
}

static ec_class *hand_class(class_fixture *f, const ec_grader *const *graders, size_t n)
{
	ec_class_options o;
	ec_class *c = NULL;
	ec_error err;
	size_t k;

	memset(&o, 0, sizeof(o));
	o.roster = "class.csv";
	ec_error_clear(&err);
	assert_int_equal(ec_class_new(&c, &o, &err), EC_OK);
	for (k = 0; k < n; k++) {
		f->h.grader = k;
		f->h.graded_with = graders[k];
		f->h.keyed = n > 1;
		assert_int_equal(ec_class_header(c, &f->h, &err), EC_OK);
	}
	f->h.grader = 0;
	return c;
}

static void test_class_groups_and_choices(void **state)
{
	class_fixture f;
	const ec_grader *graders[1];
	const ec_class_part *p;
	ec_class *c;
	ec_error err;

	(void)state;
	class_fixture_init(&f, "");
	graders[0] = &f.g;
	c = hand_class(&f, graders, 1);
	add_hand_rows(c, &f, 0);
	ec_error_clear(&err);
	assert_int_equal(ec_class_finish(c, NULL, &err), EC_OK);
	assert_int_equal(ec_class_parts(c), 1);
	p = ec_class_part_get(c, 0);
	assert_true(p->seen);
	assert_false(p->has_variant);
	assert_int_equal(p->stats.n, 7);
	assert_near(p->summary.mean, 22.0 / 7, 1e-12);
	assert_int_equal(p->summary.upper_n, 2);
	assert_near(p->summary.upper_cut, 6, 0);
	assert_int_equal(p->summary.lower_n, 2);
	assert_near(p->summary.lower_cut, 1, 0);
	assert_true(p->choices_known);
	assert_int_equal(p->choices[MC_AB].upper[0], 2);
	assert_int_equal(p->choices[MC_AB].upper[1], 2);
	assert_int_equal(p->choices[MC_AB].upper[2], 0);
	assert_int_equal(p->choices[MC_AB].upper_blank, 0);
	assert_int_equal(p->choices[MC_AB].lower[0], 1);
	assert_int_equal(p->choices[MC_AB].lower[1], 1);
	assert_int_equal(p->choices[MC_AB].lower[2], 1);
	assert_int_equal(p->choices[MC_AB].lower[3], 0);
	assert_int_equal(p->choices[MC_AB].lower_blank, 1);
	/* 1.1 is not mc: nothing counted */
	assert_int_equal(p->choices[T11].upper[('T' - 'A')], 0);
	assert_int_equal(p->sections[0].nbins, 15);
	assert_near(p->sections[0].lo, -1, 1e-12);
	assert_near(p->sections[0].width, 0.2, 1e-12);
	assert_int_equal(p->sections[0].bins[0], 2);
	assert_int_equal(p->sections[0].bins[5], 1);
	assert_int_equal(p->sections[0].bins[14], 4);
	assert_int_equal(p->sections[1].nbins, 16);
	assert_near(p->sections[1].width, 0.5, 1e-12);
	assert_int_equal(p->sections[1].bins[0], 2);
	assert_int_equal(p->sections[1].bins[4], 2);
	assert_int_equal(p->sections[1].bins[8], 3);
	ec_class_free(c);
	class_fixture_free(&f);
}

/* Two keys: each part counts the rows its key graded, and only those. */
static void test_class_parts_per_key(void **state)
{
	class_fixture f;
	ec_grader g7;
	ec_class_options o;
	ec_class *c;
	ec_error err;

	(void)state;
	class_fixture_init(&f, "");
	g7 = f.g; /* the same items, as the key of variant 7 */
	g7.seed = 7;
	memset(&o, 0, sizeof(o));
	ec_error_clear(&err);
	assert_int_equal(ec_class_new(&c, &o, &err), EC_OK);
	f.h.grader = 1;
	f.h.graded_with = &g7;
	f.h.keyed = true;
	assert_int_equal(ec_class_header(c, &f.h, &err), EC_OK);
	assert_int_equal(ec_class_header(c, &f.h, &err), EC_ERR_INVALID); /* twice */
	f.h.grader = EC_ROSTER_GRADERS_MAX;
	assert_int_equal(ec_class_header(c, &f.h, &err), EC_ERR_INVALID); /* beyond the keys */
	assert_int_equal(ec_class_parts(c), 2);
	add_hand_rows(c, &f, 1);
	add_hand_rows(c, &f, 0); /* key 0's header never came: not counted */
	assert_int_equal(ec_class_finish(c, NULL, &err), EC_OK);
	assert_false(ec_class_part_get(c, 0)->seen);
	assert_true(ec_class_part_get(c, 1)->seen);
	assert_true(ec_class_part_get(c, 1)->has_variant);
	assert_int_equal(ec_class_part_get(c, 1)->variant, 7);
	assert_int_equal(ec_class_part_get(c, 1)->stats.n, 7);
	ec_class_free(c);
	class_fixture_free(&f);
}

/*
 * Flags: kept in order with the student of their line (the row comes
 * after its messages), warnings left out, past EC_CLASS_FLAGS_MAX only
 * counted.
 */
static void test_class_flags(void **state)
{
	class_fixture f;
	const ec_grader *graders[1];
	const ec_class_flagged *fl;
	const char *cells[NITEMS + 1] = {"<script>", "maybe"};
	ec_class *c;
	ec_error e;
	uint64_t more;
	size_t n, i;

	(void)state;
	class_fixture_init(&f, "");
	graders[0] = &f.g;
	c = hand_class(&f, graders, 1);
	ec_error_at(&e, EC_ERR_PARSE, "class.csv", 5, 0, "column '1.1': 'maybe' is not true or false");
	ec_class_flag(c, &e);
	ec_error_at(&e, EC_OK, "class.csv", 5, 0, "a warning");
	ec_class_flag(c, &e);
	ec_class_add(c, class_fixture_row(&f, cells, 5));
	fl = ec_class_flags(c, &n, &more);
	assert_int_equal(n, 1);
	assert_int_equal(more, 0);
	assert_int_equal(fl[0].line, 5);
	assert_string_equal(fl[0].student, "<script>");
	assert_string_equal(fl[0].message, "column '1.1': 'maybe' is not true or false");
	for (i = 0; i < EC_CLASS_FLAGS_MAX + 3; i++) {
		ec_error_at(&e, EC_ERR_PARSE, "class.csv", (long)i + 10, 0, "bad");
		ec_class_flag(c, &e);
	}
	fl = ec_class_flags(c, &n, &more);
	assert_int_equal(n, EC_CLASS_FLAGS_MAX);
	assert_int_equal(more, 4);
	assert_string_equal(fl[1].student, "");
	ec_class_free(c);
	class_fixture_free(&f);
}

/* Bins worked by hand (see the class above for the first two). */
static void test_histogram_bins(void **state)
{
	double lo, w;

	(void)state;
	assert_int_equal(ec_histogram_bins(-1, 2, 20, &lo, &w), 15);
	assert_near(lo, -1, 1e-12);
	assert_near(w, 0.2, 1e-12);
	assert_int_equal(ec_histogram_bins(0, 8, 20, &lo, &w), 16);
	assert_near(w, 0.5, 1e-12);
	/* -10..20 in at most 12: 1 gives 30, 2 gives 15, 5 gives 6 from -10 */
	assert_int_equal(ec_histogram_bins(-10, 20, 12, &lo, &w), 6);
	assert_near(lo, -10, 1e-12);
	assert_near(w, 5, 1e-12);
	/* 0..100 in at most 20: 5 gives 20 */
	assert_int_equal(ec_histogram_bins(0, 100, 20, &lo, &w), 20);
	assert_near(w, 5, 1e-12);
	/* 0.3..0.9 in at most 20: 0.05 gives 6..18, 12 bins from 0.3 */
	assert_int_equal(ec_histogram_bins(0.3, 0.9, 20, &lo, &w), 12);
	assert_near(lo, 0.3, 1e-9);
	assert_near(w, 0.05, 1e-12);
	/* no range: one bin of 1 from the value's floor */
	assert_int_equal(ec_histogram_bins(3.5, 3.5, 20, &lo, &w), 1);
	assert_near(lo, 3, 0);
	assert_near(w, 1, 0);
}

/* A class without students, or with one: summaries defined where they can be. */
static void test_class_empty_and_one(void **state)
{
	class_fixture f;
	const ec_grader *graders[1];
	const ec_class_part *p;
	ec_class *c;
	ec_error err;

	(void)state;
	class_fixture_init(&f, "");
	graders[0] = &f.g;
	c = hand_class(&f, graders, 1);
	ec_error_clear(&err);
	assert_int_equal(ec_class_finish(c, NULL, &err), EC_OK);
	p = ec_class_part_get(c, 0);
	assert_int_equal(p->stats.n, 0);
	assert_true(isnan(p->summary.mean));
	assert_false(p->choices_known);
	ec_class_free(c);
	c = hand_class(&f, graders, 1);
	{
		const char *cells[NITEMS + 1] = {"only", "T", "AB"};

		ec_class_add(c, class_fixture_row(&f, cells, 2));
	}
	assert_int_equal(ec_class_finish(c, NULL, &err), EC_OK);
	p = ec_class_part_get(c, 0);
	assert_int_equal(p->summary.upper_n, 1);
	assert_int_equal(p->summary.lower_n, 1);
	assert_int_equal(p->choices[MC_AB].upper[0], 1);
	assert_int_equal(p->choices[MC_AB].lower[1], 1);
	ec_class_free(c);
	ec_class_free(NULL);
	class_fixture_free(&f);
}

/*
 * Gathered by the class's own thread (the default, rows copied in batches
 * of CLASS_BATCH_ROWS) or in the caller's: the same statistics, groups
 * and choices, over 3000 rows (a dozen batches) of varied answers.
 */
static void test_class_thread_or_not_alike(void **state)
{
	static const char *const tf[] = {"T", "F", "", "maybe"};
	static const char *const mc[] = {"AB", "A", "C", "", "ABD", "B"};
	static const char *const count[] = {"6000", "2000", "6,000", "12x", "6016", ""};
	class_fixture f;
	const ec_grader *graders[1];
	ec_class *c[2];
	ec_class_options o;
	ec_error err;
	size_t i, k, m;

	(void)state;
	class_fixture_init(&f, "");
	graders[0] = &f.g;
	f.h.graded_with = graders[0];
	memset(&o, 0, sizeof(o));
	ec_error_clear(&err);
	for (k = 0; k < 2; k++) {
		o.threads = (unsigned)k; /* 0: a thread, 1: none */
		assert_int_equal(ec_class_new(&c[k], &o, &err), EC_OK);
		assert_int_equal(ec_class_header(c[k], &f.h, &err), EC_OK);
	}
	for (i = 0; i < 3000; i++) {
		const char *cells[NITEMS + 1] = {"s"};

		cells[1 + T11] = tf[i % 4];
		cells[1 + MC_AB] = mc[(i / 4) % 6];
		cells[1 + COUNT] = count[(i * 7) % 6];
		for (k = 0; k < 2; k++)
			ec_class_add(c[k], class_fixture_row(&f, cells, (long)i + 2));
	}
	for (k = 0; k < 2; k++)
		assert_int_equal(ec_class_finish(c[k], NULL, &err), EC_OK);
	{
		const ec_class_part *p = ec_class_part_get(c[0], 0), *q = ec_class_part_get(c[1], 0);

		assert_int_equal(p->stats.n, 3000);
		assert_int_equal(q->stats.n, 3000);
		assert_near(p->summary.mean, q->summary.mean, 0);
		assert_near(p->summary.sd, q->summary.sd, 0);
		assert_int_equal(memcmp(p->choices, q->choices, NITEMS * sizeof(*p->choices)), 0);
		assert_int_equal(memcmp(p->sections[1].bins, q->sections[1].bins,
					p->sections[1].nbins * sizeof(uint64_t)),
				 0);
		for (i = 0; i < NITEMS; i++) {
			const ec_answer_group *a, *b;
			uint64_t oa, ob;
			size_t na = ec_answer_groups_item(p->groups, i, &a, &oa);
			size_t nb = ec_answer_groups_item(q->groups, i, &b, &ob);

			assert_int_equal(na, nb);
			assert_int_equal(oa, ob);
			for (m = 0; m < na; m++) {
				assert_string_equal(a[m].answer, b[m].answer);
				assert_int_equal(a[m].count, b[m].count);
			}
		}
		/* 2000 by rows i with i*7 % 6 == 1: i = 1, 7, 13, ... (i % 6 == 1): 500 */
		{
			const ec_answer_group *g;
			uint64_t other;
			size_t n = ec_answer_groups_item(p->groups, COUNT, &g, &other);

			for (m = 0; m < n && strcmp(g[m].answer, "2000") != 0; m++)
				;
			assert_true(m < n);
			assert_int_equal(g[m].count, 500);
		}
	}
	ec_class_free(c[0]);
	ec_class_free(c[1]);
	class_fixture_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_groups_and_choices),
		cmocka_unit_test(test_class_parts_per_key),
		cmocka_unit_test(test_class_flags),
		cmocka_unit_test(test_histogram_bins),
		cmocka_unit_test(test_class_empty_and_one),
		cmocka_unit_test(test_class_thread_or_not_alike),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
