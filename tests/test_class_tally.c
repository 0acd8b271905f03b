/*
 * The class gathered from a roster two ways: every student handed to
 * on_row (ec_class_add(), statistics a student at a time), and the
 * students the roster can count handed over as a tally at the end
 * (ec_class_tally(), moments over the counts). The first is the second's
 * independent check: every count must agree exactly and every mean,
 * spread and correlation to rounding, with one thread or two, on rosters
 * that send some students each way (flagged cells, answers too long for
 * the answer tables, records of the wrong shape) and on one whose
 * distinct totals outgrow the tally's memory. And the answer groups
 * counted by the numbers the roster's tables give the answers, against
 * the same groups read answer by answer.
 */
#include "ec_test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_class.h"
#include "examcheck/ec_roster.h"

enum { MC_ITEMS = 4 };

/* A key of `ntf` true/false items 1.1... (2 points, -1 wrong) and four mc 2.1-2.4 (4, A-D). */
static void make_exam(ec_grader *g, size_t ntf)
{
	static const char rubric[] = "rule 1.* tf wrong=-1 blank=0\n"
				     "rule 2.* mc per-error=2 options=A-D\n";
	static const char *const mc[MC_ITEMS] = {"AB", "C", "D", "ABC"};
	ec_rubric r = {0};
	ec_key key;
	ec_error err;
	char id[16];
	size_t i;

	memset(&key, 0, sizeof(key));
	ec_error_clear(&err);
	for (i = 0; i < ntf; i++) {
		snprintf(id, sizeof(id), "1.%zu", i + 1);
		assert_int_equal(ec_key_add(&key, id, EC_KEY_TF, 2, i % 3 ? "T" : "F", &err), EC_OK);
	}
	for (i = 0; i < MC_ITEMS; i++) {
		snprintf(id, sizeof(id), "2.%zu", i + 1);
		assert_int_equal(ec_key_add(&key, id, EC_KEY_MC, 4, mc[i], &err), EC_OK);
	}
	assert_int_equal(ec_rubric_parse(&r, rubric, sizeof(rubric) - 1, "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(g, &key, &r, &err), EC_OK);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * A roster of n students over that key. With `odd` set some cells are
 * unreadable ("maybe", flagged), some readable but longer than an answer
 * table keeps ("A, B" padded past 16 bytes), and some records lack a field.
 */
static char *make_roster(size_t ntf, size_t n, bool odd, size_t *len)
{
	static const char *const tf[] = {"T", "F", "", "t", "true", "F", "T", "false"};
	static const char *const mc[] = {"AB", "A", "C", "", "ABD", "B", "\"a,b\"", "D", "B A", "ABCD", "CD"};
	size_t cap = (n + 1) * (ntf + MC_ITEMS + 2) * 24, at = 0, i, k;
	char *t = malloc(cap);
	uint64_t s = 88172645463325252u;

	assert_non_null(t);
	at += (size_t)snprintf(t + at, cap - at, "student");
	for (k = 0; k < ntf; k++)
		at += (size_t)snprintf(t + at, cap - at, ",1.%zu", k + 1);
	for (k = 0; k < MC_ITEMS; k++)
		at += (size_t)snprintf(t + at, cap - at, ",2.%zu", k + 1);
	t[at++] = '\n';
	for (i = 0; i < n; i++) {
		uint64_t skill = next(&s) % 5;
		size_t fields = ntf + MC_ITEMS;

		if (odd && i % 97 == 5)
			fields--; /* a record a field short: flagged */
		at += (size_t)snprintf(t + at, cap - at, "s%zu", i);
		for (k = 0; k < fields; k++) {
			uint64_t x = next(&s);
			const char *cell;

			if (k < ntf)
				cell = x % 8 < skill + 2 ? (k % 3 ? "T" : "F") : tf[(x >> 8) % 8];
			else
				cell = x % 8 < skill ? (const char *[]){"AB", "C", "D", "ABC"}[k - ntf]
						     : mc[(x >> 8) % 11];
			if (odd && x % 1009 == 3)
				cell = "maybe";
			if (odd && x % 1013 == 7 && k >= ntf)
				cell = "\"A,  B              \"";
			at += (size_t)snprintf(t + at, cap - at, ",%s", cell);
		}
		t[at++] = '\n';
	}
	*len = at;
	return t;
}

typedef struct seen {
	ec_class *cls;
	uint64_t rows, tallied, tallies;
	bool strip_codes; /* hand the class rows without their answer numbers */
} seen;

static bool on_header(void *ctx, const ec_roster_header *h)
{
	ec_error err;

	return ec_class_header(((seen *)ctx)->cls, h, &err) == EC_OK;
}

static bool on_row(void *ctx, const ec_roster_row *row)
{
	seen *s = ctx;

	s->rows++;
	if (s->strip_codes) {
		ec_roster_row bare = *row;

		bare.codes = NULL;
		ec_class_add(s->cls, &bare);
	} else {
		ec_class_add(s->cls, row);
	}
	return true;
}

static void on_report(void *ctx, const ec_error *e)
{
	ec_class_flag(((seen *)ctx)->cls, e);
}

static void on_tally(void *ctx, const ec_roster_tally *t)
{
	seen *s = ctx;
	size_t k;

	s->tallies++;
	for (k = 0; k < t->ntotals; k++)
		s->tallied += t->students[k];
	ec_class_tally(s->cls, t);
}

/* The class of the roster, tallied or not, with `threads` threads. */
/* With a tally's memory this small, a few totals fill it (0: the default). */
static size_t tally_bytes;

static ec_class *gather_as(const ec_grader *g, const char *text, size_t len, bool tally,
			   unsigned threads, bool strip_codes, seen *s)
{
	ec_roster_options o;
	ec_class_options co;
	ec_roster_summary sum;
	ec_error err;
	FILE *in = fmemopen((void *)text, len, "rb");

	assert_non_null(in);
	memset(&co, 0, sizeof(co));
	co.threads = 1;
	memset(s, 0, sizeof(*s));
	s->strip_codes = strip_codes;
	ec_error_clear(&err);
	assert_int_equal(ec_class_new(&s->cls, &co, &err), EC_OK);
	memset(&o, 0, sizeof(o));
	o.on_header = on_header;
	o.on_row = on_row;
	o.on_report = on_report;
	o.on_tally = tally ? on_tally : NULL;
	o.ctx = s;
	o.threads = threads;
	o.chunk_bytes = 4096;
	o.tally_bytes = tally_bytes;
	o.fields_for_text_only = true;
	assert_int_equal(ec_roster_grade(g, in, "class.csv", &o, &sum, &err), EC_OK);
	fclose(in);
	assert_int_equal(ec_class_finish(s->cls, &sum, &err), EC_OK);
	return s->cls;
}

static void assert_close(double a, double b)
{
	if (isnan(a) || isnan(b)) {
		assert_true(isnan(a) && isnan(b));
		return;
	}
	assert_true(fabs(a - b) <= 1e-9 * (1 + fabs(a)));
}

static ec_class *gather(const ec_grader *g, const char *text, size_t len, bool tally,
			unsigned threads, seen *s)
{
	return gather_as(g, text, len, tally, threads, false, s);
}

/* Everything the two classes hold, counts exactly, moments to rounding. */
static void assert_same_class(const ec_class *a, const ec_class *b)
{
	const ec_class_part *p = ec_class_part_get(a, 0), *q = ec_class_part_get(b, 0);
	const ec_stats *x = &p->stats, *y = &q->stats;
	size_t i, k, na, nb;
	const ec_class_flagged *fa, *fb;
	uint64_t ma, mb;

	assert_int_equal(ec_class_parts(a), ec_class_parts(b));
	assert_int_equal(x->n, y->n);
	assert_close(p->summary.mean, q->summary.mean);
	assert_close(p->summary.sd, q->summary.sd);
	assert_close(p->summary.alpha, q->summary.alpha);
	assert_close(p->summary.median, q->summary.median);
	assert_true(p->summary.min == q->summary.min && p->summary.max == q->summary.max);
	assert_int_equal(p->summary.upper_n, q->summary.upper_n);
	assert_int_equal(p->summary.lower_n, q->summary.lower_n);
	assert_int_equal(p->summary.median_exact, q->summary.median_exact);
	assert_int_equal(memcmp(x->bins, y->bins, x->nbins * sizeof(*x->bins)), 0);
	assert_int_equal(memcmp(x->fine, y->fine, EC_STATS_FINE_BINS * sizeof(*x->fine)), 0);
	for (i = 0; i < x->nitems; i++) {
		const ec_answer_group *ga, *gb;
		uint64_t oa, ob;
		size_t m;

		assert_close(ec_stats_facility(x, i), ec_stats_facility(y, i));
		assert_close(ec_stats_discrimination(x, i), ec_stats_discrimination(y, i));
		assert_int_equal(memcmp(x->items[i].chosen, y->items[i].chosen, sizeof(x->items[i].chosen)), 0);
		assert_int_equal(x->items[i].blank, y->items[i].blank);
		assert_int_equal(x->items[i].unreadable, y->items[i].unreadable);
		assert_int_equal(p->summary.upper[i], q->summary.upper[i]);
		assert_int_equal(p->summary.lower[i], q->summary.lower[i]);
		na = ec_answer_groups_item(p->groups, x->items[i].source, &ga, &oa);
		nb = ec_answer_groups_item(q->groups, y->items[i].source, &gb, &ob);
		assert_int_equal(na, nb);
		assert_int_equal(oa, ob);
		for (m = 0; m < na; m++) {
			assert_string_equal(ga[m].answer, gb[m].answer);
			assert_int_equal(ga[m].count, gb[m].count);
			assert_int_equal(ga[m].verdict, gb[m].verdict);
		}
	}
	assert_int_equal(p->choices_known, q->choices_known);
	if (p->choices_known)
		assert_int_equal(memcmp(p->choices, q->choices, x->nitems * sizeof(*p->choices)), 0);
	for (k = 0; k < p->grader->nsections; k++)
		assert_int_equal(memcmp(p->sections[k].bins, q->sections[k].bins,
					p->sections[k].nbins * sizeof(uint64_t)),
				 0);
	fa = ec_class_flags(a, &na, &ma);
	fb = ec_class_flags(b, &nb, &mb);
	assert_int_equal(na, nb);
	assert_int_equal(ma, mb);
	for (k = 0; k < na; k++) {
		assert_int_equal(fa[k].line, fb[k].line);
		assert_string_equal(fa[k].student, fb[k].student);
		assert_string_equal(fa[k].message, fb[k].message);
	}
}

/* Tallied with two threads and with one, and handed out a row at a time: one class. */
static void check_roster(size_t ntf, size_t n, bool odd, bool all_tallied)
{
	ec_grader g;
	size_t len;
	char *text;
	seen rows, two, one;
	ec_class *by_rows, *tallied2, *tallied1;

	make_exam(&g, ntf);
	text = make_roster(ntf, n, odd, &len);
	by_rows = gather(&g, text, len, false, 2, &rows);
	tallied2 = gather(&g, text, len, true, 2, &two);
	tallied1 = gather(&g, text, len, true, 1, &one);
	assert_int_equal(rows.rows, n);
	assert_int_equal(rows.tallies, 0);
	/* the tally took part: the test would pass without it otherwise */
	assert_int_equal(two.tallies, 1);
	assert_true(two.tallied > (all_tallied ? n - 1 : n / 20));
	assert_int_equal(two.rows + two.tallied, n);
	assert_int_equal(one.rows + one.tallied, n);
	if (all_tallied)
		assert_int_equal(two.rows, 0);
	else
		assert_true(two.rows > 0);
	assert_same_class(by_rows, tallied2);
	assert_same_class(by_rows, tallied1);
	ec_class_free(by_rows);
	ec_class_free(tallied2);
	ec_class_free(tallied1);
	free(text);
	ec_grader_free(&g);
}

static void test_tally_plain(void **state)
{
	(void)state;
	check_roster(10, 6000, false, true);
}

static void test_tally_with_rows_handed_out(void **state)
{
	(void)state;
	check_roster(12, 6000, true, false);
}

/*
 * 36 true/false items and 4 mc, the tally's memory cut to 64 KiB: a
 * total's row of counters is 40 x 4 counters of 4 bytes to start with,
 * 36 x 8 + 4 x 16 once the columns' spellings (six true/false ones)
 * widen it: 1,408 bytes, 46 totals. The class has about twice as many,
 * and the students of the others are handed out (some 400 of 3000).
 */
static void test_tally_outgrown(void **state)
{
	(void)state;
	tally_bytes = 64 * 1024;
	check_roster(36, 3000, false, false);
	tally_bytes = 0;
}

/*
 * Answer groups counted by the answer numbers the roster's tables give
 * (ec_roster_row.codes) and by reading each answer: the same groups. A
 * numeric item has 300 distinct answers, a few given often and most
 * rarely, in several spellings ("2.5", "2.50", "+2.5"): past 48 spellings
 * a table holds no more (those come unnumbered), and past 48 groups the
 * rarest make way, so that numbers met before a group is given away must
 * follow it to "other".
 */
static void test_groups_by_number_or_reading(void **state)
{
	static const char rubric[] = "rule 1.* tf wrong=-1 blank=0\n"
				     "rule 2.* mc per-error=2 options=A-D\n"
				     "rule 3.* exact rel=1e-6\n";
	ec_rubric r = {0};
	ec_key key;
	ec_grader g;
	ec_error err;
	seen a, b;
	ec_class *by_number, *by_reading;
	size_t cap = 4000 * 64, at = 0, i;
	char *text = malloc(cap);
	uint64_t x = 0x9E3779B97F4A7C15u;

	(void)state;
	assert_non_null(text);
	memset(&key, 0, sizeof(key));
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.1", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.1", EC_KEY_NUMBER, 5, "2.5", &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&r, rubric, sizeof(rubric) - 1, "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &r, &err), EC_OK);
	ec_rubric_free(&r);
	ec_key_free(&key);
	at += (size_t)snprintf(text + at, cap - at, "student,1.1,2.1,3.1\n");
	for (i = 0; i < 4000; i++) {
		static const char *const forms[] = {"%d.5", "%d.50", "+%d.5", " %d.5"};
		unsigned v, f;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* a quarter right, then a few common wrong values, then 300 rare ones */
		v = x % 4 == 0 ? 2 : (x >> 8) % 3 ? (unsigned)((x >> 16) % 5) * 10 + 3
						 : (unsigned)((x >> 16) % 300) + 100;
		f = (unsigned)((x >> 40) % 4);
		at += (size_t)snprintf(text + at, cap - at, "s%zu,%s,%s,", i, x % 3 ? "T" : "F",
				       x % 5 ? "AB" : "A");
		at += (size_t)snprintf(text + at, cap - at, forms[f], (int)v);
		text[at++] = '\n';
	}
	by_number = gather_as(&g, text, at, false, 2, false, &a);
	by_reading = gather_as(&g, text, at, false, 2, true, &b);
	assert_same_class(by_number, by_reading);
	{
		/* the numeric item did give groups away: the test reaches "other" */
		const ec_answer_group *gr;
		uint64_t other;
		size_t n = ec_answer_groups_item(ec_class_part_get(by_number, 0)->groups, 2, &gr, &other);

		assert_int_equal(n, EC_ANSWER_GROUPS_MAX);
		assert_true(other > 0);
	}
	ec_class_free(by_number);
	ec_class_free(by_reading);
	ec_grader_free(&g);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally_plain),
		cmocka_unit_test(test_tally_with_rows_handed_out),
		cmocka_unit_test(test_tally_outgrown),
		cmocka_unit_test(test_groups_by_number_or_reading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
