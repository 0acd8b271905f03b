/*
 * ec_stats.h: class statistics gathered one student at a time in bounded
 * memory (nothing is kept per student): mean, median and standard
 * deviation of the totals, a histogram, Cronbach's alpha, and per item the
 * facility, the item-rest discrimination, how many of the upper and lower
 * 27% of the class got it fully right and, for multiple choice and
 * true/false items, how often each answer was given.
 */
#ifndef EC_STATS_H
#define EC_STATS_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_roster.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Distinct totals kept for an exact median and exact 27% groups; beyond this they are estimated. */
#define EC_STATS_DISTINCT_MAX 65536
/** Bins of the fine histogram that estimates the median and the groups after that. */
#define EC_STATS_FINE_BINS 16384
/** The share of the class in each of the upper and lower groups, in percent. */
#define EC_STATS_GROUP_PERCENT 27

/** What is known of one item, and its running sums. */
typedef struct ec_stats_item {
	char id[40];          /**< the item's id ("" unless set by ec_stats_init_roster()) */
	ec_key_kind kind;     /**< mc and tf items count the answers given */
	double max_points;    /**< the item's points */
	uint32_t options;     /**< mc: options listed even when nobody chose them (bit k = 'A' + k) */
	size_t source;        /**< the index of this item's result in what ec_stats_add() is given */
	double sum;           /**< the points added up (exact while they are multiples of a
				   power of two, whatever the order: the facility's numerator) */
	double mean;          /**< mean points so far (Welford's, for m2) */
	double m2;            /**< sum of squared deviations of the points */
	double rest_mean;     /**< mean of the rest: the total minus this item's points */
	double rest_m2;       /**< sum of squared deviations of the rest */
	double c_rest;        /**< co-moment of the points and the rest */
	uint64_t chosen[26];  /**< answers with letter 'A' + k: mc its options, tf T and F */
	uint64_t blank;       /**< mc, tf: students who left it blank */
	uint64_t unreadable;  /**< mc, tf: answers that could not be read */
} ec_stats_item;

/** Statistics state. Fill with ec_stats_init(), free with ec_stats_free(). */
typedef struct ec_stats {
	ec_stats_item *items;
	size_t nitems;
	uint64_t n;           /**< students added */
	double sum;           /**< the totals added up (the summary's mean is sum / n) */
	double mean, m2;      /**< of the totals (Welford) */
	double sum_mean, sum_m2; /**< of the sum of the items' points (for alpha) */
	double min, max;      /**< lowest and highest total seen */
	double lo, hi;        /**< range of possible totals */
	double bin_width;     /**< of the coarse histogram */
	size_t nbins;
	uint64_t *bins;       /**< coarse histogram: [lo + k w, lo + (k+1) w), the last bin closed */
	uint64_t *fine;       /**< EC_STATS_FINE_BINS bins over [lo, hi] */
	int64_t *keys;        /**< distinct totals in micro-points (hash table) */
	uint64_t *counts;     /**< students per distinct total (0: free slot) */
	uint32_t *row;        /**< per slot: its distinct total's row of `right` */
	uint64_t *right;      /**< per distinct total (row) and item: students who got it fully right */
	size_t rows_cap;      /**< rows `right` has room for */
	uint64_t *fine_right; /**< once too_many: per fine bin and item, students fully right */
	size_t used;
	bool too_many;        /**< more distinct totals than EC_STATS_DISTINCT_MAX */
	bool groups_lost;     /**< memory ran out for the group counts: upper and lower unknown */
} ec_stats;

/**
 * Prepare for `nitems` items worth max_points[i], of kinds kinds[i] (may
 * be NULL: no answers counted), item i's result being results[i] of
 * ec_stats_add(), totals in [lo, hi] (lo < hi; values outside are put in
 * the end bins). The coarse histogram has a "nice" bin width (1, 2, 5 or
 * 10 times a power of ten) giving at most 12 bins. EC_ERR_INVALID when
 * lo >= hi, or when lo or hi is not finite or beyond 9e12 (totals are
 * counted in millionths); EC_ERR_NOMEM.
 */
ec_status ec_stats_init(ec_stats *s, size_t nitems, const double *max_points,
			const ec_key_kind *kinds, double lo, double hi, ec_error *err);

/**
 * Prepare for the items of `g` a roster has a column for (items[0..nitems),
 * indexes into g->items, as ec_roster_header.items lists them), manual
 * items included: their ids, points, kinds and, for mc, the rule's
 * options. Results are then g->count of them, in key order, as
 * ec_roster_row.results holds them. Totals range from g->min_auto to
 * g->max_auto plus the points of the manual items among `items` (one
 * point more when that range is empty). EC_ERR_NOMEM.
 */
ec_status ec_stats_init_roster(ec_stats *s, const ec_grader *g, const size_t *items,
			       size_t nitems, ec_error *err);

/**
 * Add one student: each item's result (points, verdict; letters for mc
 * and tf answers) and the total. Fully right means verdict
 * EC_VERDICT_RIGHT. Memory does not grow with the students, only with the
 * distinct totals, up to EC_STATS_DISTINCT_MAX rows of a counter per
 * item; past that, EC_STATS_FINE_BINS rows. Should memory run out for
 * those rows, the group counts are given up (ec_stats.groups_lost) and
 * everything else still counted.
 */
void ec_stats_add(ec_stats *s, const ec_grade_result *results, double total);

/**
 * Add the students a roster run counted (ec_roster_tally; `s` made by
 * ec_stats_init_roster() from the same header, so that its items are the
 * tally's, in order) as if each had been given to ec_stats_add(). Counts
 * (answers, distinct totals, students fully right, histograms) are the
 * same; the means and sums of squares are computed over the counts and
 * joined with those added a student at a time (Chan, Golub and LeVeque's
 * pairwise update), so they may differ from adding the same students one
 * by one in the last bits. The sum of the items' points (for alpha) is
 * taken as the total less a constant, as it is for a roster whose every
 * other item is absent and scores its blank score.
 */
void ec_stats_add_tally(ec_stats *s, const ec_roster_tally *t);

/** The summary of the totals, alpha and the 27% groups. */
typedef struct ec_stats_summary {
	uint64_t n;
	double mean;
	double median;       /**< mean of the two middle totals when n is even */
	bool median_exact;   /**< false when estimated from the fine histogram */
	double sd;           /**< population standard deviation (divides by n) */
	double min, max;
	double alpha;        /**< Cronbach's alpha (ec_stats_alpha()), NaN when undefined */
	uint64_t group;      /**< the size each group aims at: 27% of n, rounded, at least 1 */
	uint64_t upper_n;    /**< students in the upper group: total >= upper_cut */
	uint64_t lower_n;    /**< students in the lower group: total <= lower_cut */
	double upper_cut, lower_cut;
	bool groups_exact;   /**< false: cut at a fine-histogram bin edge (estimated) */
	uint64_t *upper;     /**< per item: students of the upper group fully right; NULL when groups_lost */
	uint64_t *lower;     /**< per item: the same for the lower group */
} ec_stats_summary;

/**
 * Summarise the totals and form the groups. The upper group is every
 * student whose total is at least the total of the student ranked
 * `group`-th from the top, so students tied at the cut are all in it and
 * it may hold more than `group`; the lower group likewise from the
 * bottom. While the distinct totals fit (EC_STATS_DISTINCT_MAX) the
 * counts of students fully right per distinct total make this exact; past
 * that the totals are known by fine-histogram bin only, the cut falls on
 * a bin edge and whole bins join the group (groups_exact false).
 * EC_ERR_INVALID when no student was added; EC_ERR_NOMEM. Free with
 * ec_stats_summary_free().
 */
ec_status ec_stats_summarise(const ec_stats *s, ec_stats_summary *out, ec_error *err);

/** Release the summary's memory. */
void ec_stats_summary_free(ec_stats_summary *sum);

/** Facility of item i: mean points divided by the item's points (NaN for 0 points). */
double ec_stats_facility(const ec_stats *s, size_t i);

/**
 * Item-rest discrimination of item i: the Pearson correlation of the
 * item's points with the rest of the total (the total minus those
 * points), so that the item does not correlate with itself. NaN when
 * either does not vary (a standard deviation below 1e-12 of its scale,
 * rounding noise).
 */
double ec_stats_discrimination(const ec_stats *s, size_t i);

/**
 * Cronbach's alpha of the k items: k/(k-1) (1 - sum of the items'
 * variances / variance of the sum of their points). NaN when k < 2 or the
 * sum does not vary.
 */
double ec_stats_alpha(const ec_stats *s);

/** Release the state's memory. */
void ec_stats_free(ec_stats *s);

/**
 * A statistic written with `decimals` places (0 to 9) as the decimal it
 * stands for is rounded: its first 15 significant digits, a half away
 * from zero (a facility of exactly 0.62415, whose double is a hair below,
 * is 0.6242), never "-0". `x` finite. Returns `buf`, which needs 64 bytes.
 */
char *ec_stats_fixed(double x, int decimals, char buf[64]);

#ifdef __cplusplus
}
#endif

#endif
