/*
 * ec_class.h: a class seen whole, gathered while a roster is graded (a row
 * at a time, in memory that does not grow with the students): for each
 * key of the run (one, or a variant's each) the statistics of --stats
 * (ec_stats), the answer groups of every item (ec_answer_groups.h), the
 * options chosen by the upper and lower 27% of the class on each
 * multiple-choice item (distractor analysis) and a histogram of each
 * section's subtotals; and for the run, the cells flagged with their
 * FILE:LINE. The HTML report (ec_write_class()) is drawn from it, and
 * --stats writes the same statistics and groups.
 *
 * Use: ec_class_new(); ec_class_header() from the roster's on_header,
 * ec_class_add() from on_row, ec_class_flag() from on_report and
 * ec_class_tally() from on_tally (all from one thread); ec_class_finish() once the roster is read; then read it
 * through ec_class_part_get() and ec_class_flags(), not before.
 */
#ifndef EC_CLASS_H
#define EC_CLASS_H

#include "examcheck/ec_answer_groups.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_stats.h"

/** Flagged cells kept with their message; the rest are only counted. */
#define EC_CLASS_FLAGS_MAX 200
/** Most bins of a section's histogram. */
#define EC_CLASS_SECTION_BINS 20
/** Distinct totals the distractor analysis keeps (as ec_stats keeps for its groups). */
#define EC_CLASS_DISTINCT_MAX EC_STATS_DISTINCT_MAX

/**
 * Sensible bounds of an item, outside which the report names it: a
 * facility from EC_CLASS_FACILITY_MIN to EC_CLASS_FACILITY_MAX (not too
 * hard, not too easy) and an item-rest discrimination of at least
 * EC_CLASS_DISCRIMINATION_MIN (the usual rule of thumb: below 0.2 an item
 * tells strong and weak students apart poorly, below 0 the wrong way).
 */
#define EC_CLASS_FACILITY_MIN 0.2
#define EC_CLASS_FACILITY_MAX 0.9
#define EC_CLASS_DISCRIMINATION_MIN 0.2

/**
 * What the class is gathered for. Zero-initialise, then set. Its keys
 * are those the roster's headers name (ec_class_header()): the graders
 * must outlive the class.
 */
typedef struct ec_class_options {
	const char *roster;       /**< the roster's name as given ("-" standard input) */
	const char *command;      /**< the command that graded it, as a shell would take it
				       ("examcheck grade --roster class.csv"): the report's
				       --accept lines add to it; NULL: "examcheck grade" */
	ec_mistake_fn mistake;    /**< names the mistakes behind answer groups; may be NULL */
	void *mistake_ctx;
	unsigned threads;         /**< 0: the rows are copied and gathered by a thread of
				       the class's own, beside the roster's (the default; this
				       thread when none can be started); 1: in the caller's */
} ec_class_options;

/** A histogram: bin k holds values in [lo + k width, lo + (k+1) width), the last bin closed. */
typedef struct ec_histogram {
	double lo, width;
	size_t nbins;
	uint64_t *bins;
} ec_histogram;

/**
 * How the upper and lower groups of ec_stats_summarise() chose on one
 * multiple-choice item: letter 'A' + k by upper[k] and lower[k] of them,
 * blank by upper_blank and lower_blank.
 */
typedef struct ec_class_choices {
	uint64_t upper[26], lower[26];
	uint64_t upper_blank, lower_blank;
} ec_class_choices;

/** One key's students (the exam's, or a variant's). */
typedef struct ec_class_part {
	const ec_grader *grader;
	uint64_t variant;            /**< its variant (0 the exam's); see has_variant */
	bool has_variant;            /**< the roster has a variant column */
	bool seen;                   /**< its header came (it may still have no student) */
	ec_stats stats;              /**< over the items the roster has a column for */
	ec_stats_summary summary;    /**< after finish; n 0 and numbers NaN without students */
	ec_answer_groups *groups;
	ec_histogram *sections;      /**< grader->nsections of them */
	ec_class_choices *choices;   /**< per stats item (mc ones filled) */
	bool choices_known;          /**< false: the groups are estimated (too many distinct
					  totals) or memory ran out; no distractor analysis */
} ec_class_part;

/** A flagged cell or row as on_report gave it, with the student of its line. */
typedef struct ec_class_flagged {
	long line;
	char student[64];  /**< the row's student id as written (cut to fit), "" when unknown */
	char message[256]; /**< what is wrong, without FILE:LINE */
} ec_class_flagged;

/** A class being gathered. Opaque. */
typedef struct ec_class ec_class;

/** Start gathering. `o` is copied; what it points to must outlive the class. EC_ERR_NOMEM. */
ec_status ec_class_new(ec_class **out, const ec_class_options *o, ec_error *err);

/**
 * The roster's header for grader h->grader (from on_header): adds that
 * key's part (its variant h->graded_with->seed, named as one when
 * h->keyed) and prepares its statistics, answer groups and histograms.
 * EC_ERR_INVALID for a grader beyond EC_ROSTER_GRADERS_MAX or a header
 * given twice; EC_ERR_NOMEM.
 */
ec_status ec_class_header(ec_class *c, const ec_roster_header *h, ec_error *err);

/** One graded student (from on_row), counted with the key that graded it. */
void ec_class_add(ec_class *c, const ec_roster_row *row);

/**
 * The students the roster counted instead of handing them out (from
 * on_tally; set ec_roster_options.on_tally to a function that calls
 * this), added to the part of their key as if each had come to
 * ec_class_add(). Call it after the rows (it is called last). Every count
 * is the same whichever way a student came, and so are the means and
 * facilities for points that are multiples of a power of two; spreads
 * and correlations are joined from the two ways (ec_stats_add_tally()),
 * and an item with more than EC_ANSWER_GROUPS_MAX distinct answers keeps
 * those given most among the counted ones.
 */
void ec_class_tally(ec_class *c, const ec_roster_tally *t);

/** A problem on_report gave: kept (the first EC_CLASS_FLAGS_MAX) unless a warning (EC_OK). */
void ec_class_flag(ec_class *c, const ec_error *e);

/**
 * Once the roster is read (`sum` as ec_roster_grade() filled it; may be
 * NULL): summarise each key's statistics, name and sort the answer
 * groups, count the options of the upper and lower groups. EC_ERR_NOMEM.
 */
ec_status ec_class_finish(ec_class *c, const ec_roster_summary *sum, ec_error *err);

/** How many parts (keys) the class has: one more than the highest h->grader given. */
size_t ec_class_parts(const ec_class *c);

/** Part k (0 <= k < ec_class_parts()). */
const ec_class_part *ec_class_part_get(const ec_class *c, size_t k);

/** The roster's name, the command, and the run's summary (zero before finish). */
const char *ec_class_roster(const ec_class *c);
const char *ec_class_command(const ec_class *c);
const ec_roster_summary *ec_class_summary(const ec_class *c);

/** The flags kept (*n of them, in input order); *more: those only counted. */
const ec_class_flagged *ec_class_flags(const ec_class *c, size_t *n, uint64_t *more);

/** Release the class (NULL is fine). */
void ec_class_free(ec_class *c);

/**
 * Bins for a histogram of values in [lo, hi]: a width of 1, 2 or 5 times
 * a power of ten giving at most `max_bins` bins, the first starting at a
 * multiple of the width at or below lo. *width and *start set; returns
 * the bins (at least 1). For lo >= hi, one bin of width 1 from floor(lo).
 */
size_t ec_histogram_bins(double lo, double hi, size_t max_bins, double *start, double *width);

#endif
