/*
 * ec_chart.h: a chart as plain data, for the svg writer (ec_write_chart())
 * to draw: a histogram, a bar chart of labelled categories (one or two
 * series, bars upright or lying), or a scatter of labelled points. Where
 * everything goes is computed by ec_chart_layout(), so that what the
 * writer draws can be checked against the numbers it was given.
 */
#ifndef EC_CHART_H
#define EC_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Default size of a chart, in CSS pixels. */
#define EC_CHART_WIDTH 560
#define EC_CHART_HEIGHT 220
/** Margins around the plot area of upright charts (axis labels and ticks live there). */
#define EC_CHART_MARGIN_LEFT 56
#define EC_CHART_MARGIN_RIGHT 16
#define EC_CHART_MARGIN_TOP 14
#define EC_CHART_MARGIN_BOTTOM 40
/** Lying bars: the label column's width, and the height of one bar's row. */
#define EC_CHART_LABEL_WIDTH 130
#define EC_CHART_ROW 20
/** Labels longer than this many characters are cut (the whole is in the bar's tooltip). */
#define EC_CHART_LABEL_CHARS 18

/** What kind of chart. */
typedef enum ec_chart_kind {
	EC_CHART_HISTOGRAM, /**< upright bars over numeric bins: bar k spans [lo + k width, lo + (k+1) width] */
	EC_CHART_BARS,      /**< bars over labelled categories, upright or lying (`lying`) */
	EC_CHART_SCATTER    /**< points (x, y), some labelled */
} ec_chart_kind;

/** How a bar is drawn: what its category is. */
typedef enum ec_chart_tone {
	EC_CHART_PLAIN,   /**< a count with no judgement (histograms, options) */
	EC_CHART_RIGHT,   /**< the right answer: green, its label marked with a check mark */
	EC_CHART_PARTIAL, /**< partly right */
	EC_CHART_WRONG,   /**< wrong */
	EC_CHART_MUTED    /**< blank, unreadable, other */
} ec_chart_tone;

/** One bar (or one category of two series' bars). */
typedef struct ec_chart_bar {
	const char *label;     /**< category (BARS); NULL in a histogram */
	uint64_t count[2];     /**< a count per series */
	ec_chart_tone tone;
} ec_chart_bar;

/** One point of a scatter. */
typedef struct ec_chart_point {
	double x, y;           /**< a point whose x or y is not finite is left out */
	const char *label;     /**< its name (in its tooltip) */
	bool labelled;         /**< also written next to it */
} ec_chart_point;

/** A chart. Zero-initialise, then set what it needs. */
typedef struct ec_chart {
	ec_chart_kind kind;
	const char *title;     /**< what it shows, one line (the SVG's <title>) */
	const char *x_label, *y_label;
	const char *series[2]; /**< two series: their names (a legend); NULL for one */
	size_t nseries;        /**< 1 (0 means 1) or 2 */
	const ec_chart_bar *bars; /**< HISTOGRAM and BARS */
	size_t nbars;
	bool lying;            /**< BARS: horizontal bars, labels on the left */
	double lo, width;      /**< HISTOGRAM: the bins */
	const ec_chart_point *points; /**< SCATTER */
	size_t npoints;
	double x_min, x_max, y_min, y_max; /**< SCATTER: axis ranges; min >= max: from the data */
	double box[4];         /**< SCATTER: a region shaded as sensible (x0, x1, y0, y1); x0 >= x1: none */
	int px_width, px_height; /**< size in CSS pixels; 0: EC_CHART_WIDTH, EC_CHART_HEIGHT (lying
				    bars: as tall as their rows) */
} ec_chart;

/** An axis: ticks from lo to hi, `step` apart (nticks of them, lo and hi included). */
typedef struct ec_chart_axis {
	double lo, hi, step;
	size_t nticks;
} ec_chart_axis;

/**
 * A readable axis over [lo, hi]: a step of 1, 2 or 5 times a power of ten
 * giving at most `max_steps` steps, lo rounded down and hi up to multiples
 * of it. For lo >= hi (all values equal), the axis spans one step of 1
 * around them (from floor(lo), or [0, 1] for counts all 0).
 */
ec_chart_axis ec_chart_axis_for(double lo, double hi, size_t max_steps);

/** Where a chart's parts go, in pixels from its top left corner. */
typedef struct ec_chart_frame {
	double width, height;          /**< the whole chart */
	double left, right, top, bottom; /**< the plot area: x from left to right, y from top
					     (the axis's hi) to bottom (its lo) */
	ec_chart_axis x, y;            /**< HISTOGRAM, upright BARS: y counts; lying BARS: x
					    counts; SCATTER both */
} ec_chart_frame;

/**
 * The frame of chart `c`: its size, plot area and axes from the data. The
 * count axis runs from 0 to at least the largest count (ec_chart_axis_for(0,
 * max, 5)); a histogram's x axis spans its bins; a scatter's axes are
 * x_min..x_max and y_min..y_max when set, else the points' range (the
 * shaded box included) widened to readable ticks.
 */
ec_chart_frame ec_chart_layout(const ec_chart *c);

#endif
