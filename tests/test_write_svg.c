#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_chart.h"
#include "examcheck/ec_writer.h"

/* Draw `c` with the svg writer into a string (free it). */
static char *draw(const ec_chart *c)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	ec_error err;

	assert_non_null(f);
	ec_error_clear(&err);
	assert_int_equal(ec_write_chart(f, ec_writer_get(EC_FORMAT_SVG), c, &err), EC_OK);
	assert_int_equal(fclose(f), 0);
	return text;
}

/* The bars' rectangles in drawing order: x, y, width, height. Returns how many. */
static size_t bars_of(const char *svg, double (*out)[4], size_t max)
{
	const char *p = svg;
	size_t n = 0;

	while ((p = strstr(p, "<rect class=\"bar\"")) && n < max) {
		assert_int_equal(sscanf(p, "<rect class=\"bar\" x=\"%lf\" y=\"%lf\" width=\"%lf\" "
					   "height=\"%lf\"",
					&out[n][0], &out[n][1], &out[n][2], &out[n][3]),
				 4);
		n++;
		p++;
	}
	return n;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)); s++)
		n++;
	return n;
}

/*
 * Axes worked by hand: counts up to 7 in at most 5 steps take steps of 2
 * (1 gives 7 steps) up to 8; up to 40, steps of 10 (2 gives 20, 5 gives
 * 8); 0.2 to 0.9 in 10, steps of 0.1 from 0.2 to 0.9; -0.37 to 1 in 10,
 * steps of 0.2 (0.1 gives 14) from -0.4 to 1.
 */
static void test_chart_axis_for_hand_values(void **state)
{
	ec_chart_axis a;

	(void)state;
	a = ec_chart_axis_for(0, 7, 5);
	assert_near(a.step, 2, 0);
	assert_near(a.hi, 8, 0);
	assert_int_equal(a.nticks, 5);
	a = ec_chart_axis_for(0, 40, 5);
	assert_near(a.step, 10, 0);
	assert_near(a.hi, 40, 0);
	a = ec_chart_axis_for(0.2, 0.9, 10);
	assert_near(a.step, 0.1, 1e-12);
	assert_near(a.lo, 0.2, 1e-12);
	assert_near(a.hi, 0.9, 1e-12);
	assert_int_equal(a.nticks, 8);
	a = ec_chart_axis_for(-0.37, 1, 10);
	assert_near(a.step, 0.2, 1e-12);
	assert_near(a.lo, -0.4, 1e-12);
	assert_near(a.hi, 1, 1e-12);
	/* all equal: one step of 1 from the floor */
	a = ec_chart_axis_for(5, 5, 5);
	assert_near(a.lo, 5, 0);
	assert_near(a.hi, 6, 0);
}

/*
 * Bars upright: each height is its count over the count axis (0 to 8 for
 * counts up to 7) times the plot's height (220 - 14 - 40 = 166 pixels):
 * 3 -> 62.25, 7 -> 145.25, 0 -> 0, 5 -> 103.75; each stands on the x axis.
 */
static void test_svg_bar_heights_equal_counts(void **state)
{
	static const uint64_t counts[4] = {3, 7, 0, 5};
	static const double want[4] = {62.25, 145.25, 0, 103.75};
	ec_chart_bar bars[4];
	double r[8][4];
	ec_chart c;
	ec_chart_frame f;
	char *svg;
	size_t i;

	(void)state;
	memset(bars, 0, sizeof(bars));
	memset(&c, 0, sizeof(c));
	for (i = 0; i < 4; i++) {
		bars[i].label = "x";
		bars[i].count[0] = counts[i];
	}
	c.kind = EC_CHART_BARS;
	c.bars = bars;
	c.nbars = 4;
	f = ec_chart_layout(&c);
	assert_near(f.y.lo, 0, 0);
	assert_near(f.y.hi, 8, 0);
	assert_near(f.bottom - f.top, 166, 0);
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 8), 4);
	for (i = 0; i < 4; i++) {
		assert_near(r[i][3], want[i], 0.006);
		assert_near(r[i][1] + r[i][3], f.bottom, 0.006);
	}
	assert_non_null(strstr(svg, "<title>x: 7</title>"));
	free(svg);
}

/*
 * A histogram of 11 bins from -10, width 10 (the exam's totals): the x
 * axis spans -10 to 100, bars side by side across the plot, heights in
 * proportion (40 of an axis to 40: the whole plot).
 */
static void test_svg_histogram_spans_bins(void **state)
{
	ec_chart_bar bars[11];
	double r[16][4];
	ec_chart c;
	ec_chart_frame f;
	char *svg;
	size_t i;

	(void)state;
	memset(bars, 0, sizeof(bars));
	memset(&c, 0, sizeof(c));
	bars[3].count[0] = 40;
	bars[4].count[0] = 10;
	c.kind = EC_CHART_HISTOGRAM;
	c.bars = bars;
	c.nbars = 11;
	c.lo = -10;
	c.width = 10;
	f = ec_chart_layout(&c);
	assert_near(f.x.lo, -10, 0);
	assert_near(f.x.hi, 100, 0);
	assert_near(f.y.hi, 40, 0);
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 16), 11);
	for (i = 0; i < 11; i++)
		assert_near(r[i][0], f.left + (double)i * (f.right - f.left) / 11 + 0.5, 0.006);
	assert_near(r[3][3], f.bottom - f.top, 0.006);
	assert_near(r[4][3], (f.bottom - f.top) / 4, 0.006);
	assert_non_null(strstr(svg, "<title>20 to 30: 40</title>"));
	assert_non_null(strstr(svg, ">100</text>"));
	free(svg);
}

/* Lying bars: widths in proportion to the counts, one row each. */
static void test_svg_lying_bars(void **state)
{
	ec_chart_bar bars[3];
	double r[4][4];
	ec_chart c;
	ec_chart_frame f;
	char *svg;

	(void)state;
	memset(bars, 0, sizeof(bars));
	memset(&c, 0, sizeof(c));
	bars[0].label = "2000";
	bars[0].count[0] = 40;
	bars[0].tone = EC_CHART_WRONG;
	bars[1].label = "6000";
	bars[1].count[0] = 22;
	bars[1].tone = EC_CHART_RIGHT;
	bars[2].label = "a label much longer than the column can hold";
	bars[2].count[0] = 1;
	c.kind = EC_CHART_BARS;
	c.lying = true;
	c.bars = bars;
	c.nbars = 3;
	f = ec_chart_layout(&c);
	assert_near(f.x.hi, 40, 0);
	assert_near(f.height, f.top + 3 * EC_CHART_ROW + EC_CHART_MARGIN_BOTTOM, 0);
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 4), 3);
	assert_near(r[0][2], f.right - f.left, 0.006);
	assert_near(r[1][2], (f.right - f.left) * 22 / 40, 0.006);
	assert_near(r[1][1] - r[0][1], EC_CHART_ROW, 0.006);
	assert_non_null(strstr(svg, "\xE2\x9C\x93 6000")); /* the right one checked */
	/* 17 characters and the ellipsis: EC_CHART_LABEL_CHARS, 18 */
	assert_non_null(strstr(svg, ">a label much long\xE2\x80\xA6<"));
	assert_non_null(strstr(svg, "<title>a label much longer than the column can hold: 1"));
	free(svg);
}

/* Every text is escaped: labels, titles, series, axis names. */
static void test_svg_escapes_text(void **state)
{
	ec_chart_bar bar;
	ec_chart c;
	char *svg;

	(void)state;
	memset(&bar, 0, sizeof(bar));
	memset(&c, 0, sizeof(c));
	bar.label = "<b>&'\"";
	bar.count[0] = 1;
	c.kind = EC_CHART_BARS;
	c.title = "<script>alert(1)</script>";
	c.x_label = "a<b";
	c.y_label = "c&d";
	c.bars = &bar;
	c.nbars = 1;
	svg = draw(&c);
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "<b>"));
	assert_non_null(strstr(svg, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(svg, "&lt;b&gt;&amp;&#39;&quot;"));
	assert_non_null(strstr(svg, "a&lt;b"));
	assert_non_null(strstr(svg, "c&amp;d"));
	free(svg);
}

static void test_xml_text_controls_and_bad_utf8(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	ec_write_xml_text(f, "a\x01" "b\tc\n\xC2\x85\xFF\xC3\xA9");
	fclose(f);
	assert_string_equal(text, "a\xEF\xBF\xBD" "b\tc\n\xEF\xBF\xBD\xEF\xBF\xBD\xC3\xA9");
	free(text);
}

/* No bars, or bars all 0: an axis to 1, a valid picture with nothing drawn tall. */
static void test_svg_empty_and_zero(void **state)
{
	ec_chart_bar bars[2];
	double r[4][4];
	ec_chart c;
	char *svg;

	(void)state;
	memset(bars, 0, sizeof(bars));
	memset(&c, 0, sizeof(c));
	c.kind = EC_CHART_BARS;
	c.lying = true;
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 4), 0);
	assert_int_equal(count(svg, "<svg"), 1);
	assert_int_equal(count(svg, "</svg>"), 1);
	free(svg);
	c.lying = false;
	c.bars = bars;
	c.nbars = 2;
	assert_near(ec_chart_layout(&c).y.hi, 1, 0);
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 4), 2);
	assert_near(r[0][3], 0, 0);
	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "inf"));
	free(svg);
}

/*
 * Two series side by side (upper and lower groups), with a legend; a
 * scatter whose points outside the box are labelled and whose undefined
 * points are left out; its axes from the given ranges or the data.
 */
static void test_svg_two_series_and_scatter(void **state)
{
	ec_chart_bar bars[2];
	ec_chart_point pts[3];
	double r[8][4];
	ec_chart c;
	ec_chart_frame f;
	char *svg;

	(void)state;
	memset(bars, 0, sizeof(bars));
	memset(&c, 0, sizeof(c));
	bars[0].label = "A";
	bars[0].count[0] = 4;
	bars[0].count[1] = 1;
	bars[1].label = "B";
	bars[1].count[0] = 0;
	bars[1].count[1] = 3;
	c.kind = EC_CHART_BARS;
	c.series[0] = "upper 27%";
	c.series[1] = "lower 27%";
	c.nseries = 2;
	c.bars = bars;
	c.nbars = 2;
	f = ec_chart_layout(&c);
	svg = draw(&c);
	assert_int_equal(bars_of(svg, r, 8), 4);
	assert_near(r[0][3], (f.bottom - f.top) * 4 / 4, 0.006);
	assert_near(r[1][3], (f.bottom - f.top) * 1 / 4, 0.006);
	assert_near(r[1][0], r[0][0] + r[0][2], 0.006);
	assert_non_null(strstr(svg, ">upper 27%</text>"));
	assert_non_null(strstr(svg, "<title>A (lower 27%): 1</title>"));
	free(svg);

	memset(&c, 0, sizeof(c));
	memset(pts, 0, sizeof(pts));
	pts[0].x = 0.5;
	pts[0].y = 0.4;
	pts[0].label = "in";
	pts[1].x = 0.95;
	pts[1].y = -0.37;
	pts[1].label = "3.2.1.1.weights";
	pts[1].labelled = true;
	pts[2].x = 1;
	pts[2].y = NAN;
	pts[2].label = "undefined";
	c.kind = EC_CHART_SCATTER;
	c.points = pts;
	c.npoints = 3;
	c.box[0] = 0.2;
	c.box[1] = 0.9;
	c.box[2] = 0.2;
	c.box[3] = 1;
	f = ec_chart_layout(&c);
	assert_near(f.x.lo, 0.2, 1e-12); /* 0.2 (the box) to 0.95: steps of 0.1 */
	assert_near(f.x.hi, 1, 1e-12);
	assert_near(f.y.lo, -0.4, 1e-12);
	assert_near(f.y.hi, 1, 1e-12);
	svg = draw(&c);
	assert_int_equal(count(svg, "<circle class=\"point\""), 2);
	assert_non_null(strstr(svg, ">3.2.1.1.weights</text>"));
	assert_null(strstr(svg, ">in</text>"));
	assert_null(strstr(svg, "undefined"));
	free(svg);
	c.x_min = 0;
	c.x_max = 1;
	f = ec_chart_layout(&c);
	assert_near(f.x.lo, 0, 0);
	assert_near(f.x.hi, 1, 1e-12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart_axis_for_hand_values),
		cmocka_unit_test(test_svg_bar_heights_equal_counts),
		cmocka_unit_test(test_svg_histogram_spans_bins),
		cmocka_unit_test(test_svg_lying_bars),
		cmocka_unit_test(test_svg_escapes_text),
		cmocka_unit_test(test_xml_text_controls_and_bad_utf8),
		cmocka_unit_test(test_svg_empty_and_zero),
		cmocka_unit_test(test_svg_two_series_and_scatter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
