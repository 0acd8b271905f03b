#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class_fixture.h"
#include "examcheck/ec_class.h"
#include "examcheck/ec_writer.h"

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)); s++)
		n++;
	return n;
}

static bool name_2000(void *ctx, const ec_grader *g, size_t item, const ec_value *v, char *buf,
		      size_t size)
{
	(void)ctx;
	(void)g;
	(void)item;
	if (v->kind != EC_KEY_COUNT || v->count != 2000)
		return false;
	snprintf(buf, size, "weight count without the input channels");
	return true;
}

/* A class over the fixture's key, its key (or keys) and options. */
typedef struct html_class {
	class_fixture f;
	const ec_grader *graders[2];
	ec_grader g7; /* the fixture's key as variant 7's */
	ec_class *c;
} html_class;

static void start(html_class *h, size_t nkeys)
{
	ec_class_options o;
	ec_error err;
	size_t k;

	class_fixture_init(&h->f, "");
	h->g7 = h->f.g;
	h->g7.seed = 7;
	h->graders[0] = &h->f.g;
	h->graders[1] = &h->g7;
	memset(&o, 0, sizeof(o));
	o.roster = "class.csv";
	o.command = "examcheck grade --roster class.csv";
	o.mistake = name_2000;
	ec_error_clear(&err);
	assert_int_equal(ec_class_new(&h->c, &o, &err), EC_OK);
	for (k = 0; k < nkeys; k++) {
		h->f.h.grader = k;
		h->f.h.graded_with = h->graders[k];
		h->f.h.keyed = nkeys > 1;
		assert_int_equal(ec_class_header(h->c, &h->f.h, &err), EC_OK);
	}
}

static void add(html_class *h, const char *const *cells, long line, size_t key)
{
	ec_roster_row row = *class_fixture_row(&h->f, cells, line);

	row.grader = key;
	ec_class_add(h->c, &row);
}

/* Finish the class and write its report (free it). */
static char *report(html_class *h)
{
	ec_roster_summary sum;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	ec_error err;

	memset(&sum, 0, sizeof(sum));
	ec_error_clear(&err);
	assert_int_equal(ec_class_finish(h->c, &sum, &err), EC_OK);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(ec_write_class(f, ec_writer_get(EC_FORMAT_HTML), h->c, &err), EC_OK);
	assert_int_equal(fclose(f), 0);
	return text;
}

static void finish(html_class *h)
{
	ec_class_free(h->c);
	class_fixture_free(&h->f);
}

/*
 * What every report must be: one whole page, its elements closed, nothing
 * fetched from elsewhere (no script, link, image, frame, url() or import;
 * the only address is the SVG namespace), no NaN or infinity shown.
 */
static void assert_self_contained(const char *html)
{
	assert_int_equal(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">", 32), 0);
	assert_non_null(strstr(html, "</html>\n"));
	assert_int_equal(strlen(strstr(html, "</html>\n")), 8);
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<link"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "<iframe"));
	assert_null(strstr(html, " src="));
	assert_null(strstr(html, "url("));
	assert_null(strstr(html, "@import"));
	assert_int_equal(count(html, "http"), count(html, "\"http://www.w3.org/2000/svg\""));
	assert_int_equal(count(html, "<svg"), count(html, "</svg>"));
	assert_int_equal(count(html, "<table"), count(html, "</table>"));
	assert_int_equal(count(html, "<section"), count(html, "</section>"));
	assert_int_equal(count(html, "<article"), count(html, "</article>"));
	assert_int_equal(count(html, "<tr>") + count(html, "<tr class"), count(html, "</tr>"));
	assert_null(strstr(html, "nan"));
	assert_null(strstr(html, "inf<"));
	assert_null(strstr(html, ">inf"));
	assert_null(strstr(html, "-nan"));
}

/*
 * 40 students wrote 2000 for 3.2.1.1.weights, 20 the key's 6000, one
 * "<b>" (unreadable) with id "<script>": the group of 2000 shows 40
 * students, its mistake and the command that accepts it; the flagged
 * student's id and the unreadable answer are text.
 */
static void test_html_groups_mistakes_and_escaping(void **state)
{
	html_class h;
	char *html;
	size_t i;

	(void)state;
	start(&h, 1);
	for (i = 0; i < 60; i++) {
		const char *cells[NITEMS + 1] = {"s", "T", "AB", "C"};

		cells[1 + COUNT] = i < 40 ? "2000" : "6,000";
		add(&h, cells, (long)i + 2, 0);
	}
	{
		const char *cells[NITEMS + 1] = {"<script>", "F", "A", "D"};
		ec_error e;

		cells[1 + COUNT] = "<b>";
		ec_error_at(&e, EC_ERR_PARSE, "class.csv", 62, 0,
			    "column '3.2.1.1.weights': '<b>' is not a whole number");
		ec_class_flag(h.c, &e);
		add(&h, cells, 62, 0);
	}
	html = report(&h);
	assert_self_contained(html);
	assert_non_null(strstr(html, "<tr><td>2000</td><td class=\"n\">40</td>"));
	assert_non_null(strstr(html, "<tr><td>6000</td><td class=\"n\">20</td>"));
	assert_non_null(strstr(html, "weight count without the input channels"));
	assert_non_null(strstr(html, "examcheck grade --roster class.csv --accept "
				     "3.2.1.1.weights=2000"));
	assert_null(strstr(html, "--accept 3.2.1.1.weights=6000")); /* right already */
	assert_non_null(strstr(html, "<td>&lt;script&gt;</td>"));
	assert_non_null(strstr(html, "<tr><td>&lt;b&gt;</td><td class=\"n\">1</td>"));
	assert_non_null(strstr(html, "<code>class.csv:62</code>"));
	assert_null(strstr(html, "<b>"));
	/* a chart per part: totals, 3 sections, the scatter; per item one, per mc item two */
	assert_int_equal(count(html, "<svg"), 5 + NITEMS + 2);
	/* the bar of 2000 is drawn with its count */
	assert_non_null(strstr(html, "<title>2000: 40</title>"));
	free(html);
	finish(&h);
}

/* No student at all: the page says so and shows no chart. */
static void test_html_empty_class(void **state)
{
	html_class h;
	char *html;

	(void)state;
	start(&h, 1);
	html = report(&h);
	assert_self_contained(html);
	assert_non_null(strstr(html, "No student was graded."));
	assert_non_null(strstr(html, "Nothing was flagged."));
	assert_int_equal(count(html, "<svg"), 0);
	free(html);
	finish(&h);
}

/*
 * One student, and a class whose scores are all equal: nothing varies, so
 * sd is 0 and every discrimination and alpha undefined ("–"); the charts
 * are drawn all the same and no item lands on the scatter.
 */
static void test_html_one_student_and_all_equal(void **state)
{
	const char *cells[NITEMS + 1] = {"only", "T", "AB", "C", "-0.25"};
	html_class h;
	char *html;
	size_t n, i;

	(void)state;
	for (n = 1; n <= 5; n += 4) {
		start(&h, 1);
		for (i = 0; i < n; i++)
			add(&h, cells, (long)i + 2, 0);
		html = report(&h);
		assert_self_contained(html);
		assert_non_null(strstr(html, "<tr><th>Standard deviation</th><td class=\"n\">0.00</td>"));
		assert_non_null(strstr(html, "<tr><th>Cronbach's alpha</th><td class=\"n\">\xE2\x80\x93"));
		assert_int_equal(count(html, "<circle"), 0);
		assert_non_null(strstr(html, "items not drawn"));
		assert_int_equal(count(html, "<svg"), 5 + NITEMS + 2);
		free(html);
		finish(&h);
	}
}

/* Two keys: a part each, headed by its variant; its --accept lines name it. */
static void test_html_variants(void **state)
{
	const char *a[NITEMS + 1] = {"a", "T", "AB", "C", "-0.25", "16x8x64x64", "2000"};
	const char *b[NITEMS + 1] = {"b", "F", "A", "C", "0.25", "16x8x64x64", "6000"};
	html_class h;
	char *html;

	(void)state;
	start(&h, 2);
	add(&h, a, 2, 0);
	add(&h, b, 3, 1);
	html = report(&h);
	assert_self_contained(html);
	assert_non_null(strstr(html, "The exam's own version (variant 0)</h2>"));
	assert_non_null(strstr(html, "Variant 7</h2>"));
	assert_non_null(strstr(html, "--accept 3.2.1.1.weights@0=2000"));
	assert_non_null(strstr(html, "--accept 3.1.2@7=0.25"));
	assert_int_equal(count(html, "<section id=\"part"), 2);
	free(html);
	finish(&h);
}

/* The command is quoted for a shell where it must be. */
static void test_html_accept_quoted(void **state)
{
	const char *a[NITEMS + 1] = {"a", "T", "AB", "C", "-0.25", "16x8x64x64", "6000", "0 1 0 1 1 1 0 1 1"};
	html_class h;
	char *html;

	(void)state;
	start(&h, 1);
	add(&h, a, 2, 0);
	html = report(&h);
	/* a mask is shown in key form: no blanks, no quotes needed */
	assert_non_null(strstr(html, "--accept 3.3.3=010111011</code>"));
	free(html);
	finish(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_groups_mistakes_and_escaping),
		cmocka_unit_test(test_html_empty_class),
		cmocka_unit_test(test_html_one_student_and_all_equal),
		cmocka_unit_test(test_html_variants),
		cmocka_unit_test(test_html_accept_quoted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
