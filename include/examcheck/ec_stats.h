/*
 * ec_stats.h: class statistics gathered one student at a time in constant
 * memory: mean, median and standard deviation of the totals, a histogram,
 * and per item the facility, the point-biserial discrimination and, for
 * multiple choice, how often each option was chosen.
 */
#ifndef EC_STATS_H
#define EC_STATS_H

#include "examcheck/ec_common.h"

/** Distinct totals kept for an exact median; beyond this it is estimated. */
#define EC_STATS_DISTINCT_MAX 65536
/** Bins of the fine histogram that estimates the median after that. */
#define EC_STATS_FINE_BINS 16384

/** Running sums of one item. */
typedef struct ec_stats_item {
	double max_points;  /**< the item's points */
	bool mc;            /**< count option choices */
	double mean;        /**< mean score so far */
	double m2;          /**< sum of squared deviations of the score */
	double cxy;         /**< co-moment of score and total */
	uint64_t chosen[26];/**< mc: students who chose option 'A' + k */
	uint64_t blank;     /**< mc: students who left it blank */
} ec_stats_item;

/** Statistics state. Fill with ec_stats_init(), free with ec_stats_free(). */
typedef struct ec_stats {
	ec_stats_item *items;
	size_t nitems;
	uint64_t n;           /**< students added */
	double mean, m2;      /**< of the totals (Welford) */
	double min, max;      /**< lowest and highest total seen */
	double lo, hi;        /**< range of possible totals */
	double bin_width;     /**< of the coarse histogram */
	size_t nbins;
	uint64_t *bins;       /**< coarse histogram: [lo + k w, lo + (k+1) w), the last bin closed */
	uint64_t *fine;       /**< EC_STATS_FINE_BINS bins over [lo, hi] */
	int64_t *keys;        /**< distinct totals in micro-points (hash table) */
	uint64_t *counts;
	size_t used;
	bool too_many;        /**< more distinct totals than EC_STATS_DISTINCT_MAX */
} ec_stats;

/**
 * Prepare for `nitems` items worth max_points[i], mc[i] telling which are
 * multiple choice, totals in [lo, hi] (lo < hi; values outside are put in
 * the end bins). The coarse histogram has a "nice" bin width (1, 2, 5 or
 * 10 times a power of ten) giving at most 12 bins. EC_ERR_INVALID when
 * lo >= hi; EC_ERR_NOMEM.
 */
ec_status ec_stats_init(ec_stats *s, size_t nitems, const double *max_points,
			const bool *mc, double lo, double hi, ec_error *err);

/**
 * Add one student: scores[i] of each item, choices[i] the option letters
 * chosen for mc items (bit k = 'A' + k; 0 = blank; may be NULL), and the
 * total. Memory does not grow.
 */
void ec_stats_add(ec_stats *s, const double *scores, const uint32_t *choices,
		  double total);

/** The summary of the totals. */
typedef struct ec_stats_summary {
	uint64_t n;
	double mean;
	double median;       /**< mean of the two middle totals when n is even */
	bool median_exact;   /**< false when estimated from the fine histogram */
	double sd;           /**< population standard deviation (divides by n) */
	double min, max;
} ec_stats_summary;

/** Summarise the totals. EC_ERR_INVALID when no student was added; EC_ERR_NOMEM. */
ec_status ec_stats_summarise(const ec_stats *s, ec_stats_summary *out, ec_error *err);

/** Facility of item i: mean score divided by the item's points (NaN for 0 points). */
double ec_stats_facility(const ec_stats *s, size_t i);

/**
 * Point-biserial discrimination of item i: the Pearson correlation of the
 * item's score with the total (equal to the point-biserial coefficient
 * when the item scores 0 or full points). NaN when either does not vary.
 */
double ec_stats_discrimination(const ec_stats *s, size_t i);

/** Release the state's memory. */
void ec_stats_free(ec_stats *s);

#endif
