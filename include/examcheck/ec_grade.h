/*
 * ec_grade.h: scoring answers against the key under a rubric. A grader is
 * the key and the rubric joined item by item; it reads answers, scores
 * them, adds section totals, and maps roster columns to items.
 */
#ifndef EC_GRADE_H
#define EC_GRADE_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"
#include "examcheck/ec_rubric.h"
#include "examcheck/ec_sheet.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What became of one answer. */
typedef enum ec_verdict {
	EC_VERDICT_RIGHT,   /**< full points */
	EC_VERDICT_PARTIAL, /**< some points, fewer than full (mc) */
	EC_VERDICT_WRONG,   /**< an answer that earns no points or a penalty */
	EC_VERDICT_BLANK,   /**< nothing written */
	EC_VERDICT_MANUAL,  /**< left to a person, no mark given yet */
	EC_VERDICT_UNREADABLE /**< an answer (or mark) that cannot be read: 0 points, flagged */
} ec_verdict;

/** The lower-case name of a verdict: "right", "partial", "wrong", "blank", "manual", "unreadable". */
const char *ec_verdict_name(ec_verdict verdict);

/** An item's score and verdict. */
typedef struct ec_grade_result {
	double points;
	ec_verdict verdict;
	uint32_t letters;   /**< the letters answered (bit k = 'A' + k), 0 when blank or
				 unreadable: mc the options chosen, tf T or F */
} ec_grade_result;

/** One key item with its rule and every answer that earns full points. */
typedef struct ec_grade_item {
	ec_key_item key;        /**< copy of the key's item (id, answer, kind, points) */
	ec_rubric_rule rule;    /**< the rule that applies (scheme manual for prose) */
	ec_value *accepted;     /**< [0] is the key's answer, then the alternatives */
	size_t naccepted;
	size_t section;         /**< index into ec_grader.sections */
	ec_grade_result blank;  /**< what a blank answer gets */
} ec_grade_item;

/** Consecutive items of one section: items [previous run's end, end). */
typedef struct ec_grade_run {
	size_t section;
	size_t end;
} ec_grade_run;

/** A key joined with a rubric. Fill with ec_grader_init(), free with ec_grader_free(). */
typedef struct ec_grader {
	ec_grade_item *items;   /**< in key order */
	size_t count;
	char (*sections)[16];   /**< "1", "2", "3": an id's part before its first '.' */
	size_t nsections;
	ec_grade_run *runs;     /**< the items in key order, cut where the section changes */
	size_t nruns;
	double max_auto;        /**< points of the auto-graded items */
	double max_manual;      /**< points left to a person */
	double min_auto;        /**< lowest possible auto-graded total (all penalties) */
	uint64_t seed;          /**< the exam its key is of (ec_key.seed: 0 the original) */
} ec_grader;

/**
 * Join `key` and `r` (both may be freed afterwards). Each item takes the
 * last rule matching its id; items of kind manual are graded by hand
 * whatever their rule. Fails with EC_ERR_PARSE (naming the item, and the
 * rubric line where one is involved) when an auto-graded item has no rule,
 * a rule's scheme does not fit the item's kind (tf for tf, mc for mc,
 * exact for number, count, dims and mask), the key's answer or an
 * alternative cannot be read, an alternative names an unknown or manual
 * item, or an mc answer uses a letter the rule's options exclude;
 * EC_ERR_USAGE instead when the alternative at fault was requested
 * (ec_rubric_accept()); EC_ERR_NOMEM.
 */
ec_status ec_grader_init(ec_grader *g, const ec_key *key, const ec_rubric *r,
			 ec_error *err);

/** Release the grader's memory. */
void ec_grader_free(ec_grader *g);

/** Index of the item whose id is the `len` bytes at `id`, or -1. */
long ec_grader_find(const ec_grader *g, const char *id, size_t len);

/**
 * Read a student's answer to item `i` (`len` bytes of `text`) into `v`:
 * ec_value_parse() by the item's kind, then, for mc, a check that every
 * letter is an option of the item. Returns EC_OK or EC_ERR_PARSE /
 * EC_ERR_OVERFLOW with a message such as "'AZ' is not an option of 2.10"
 * (no location).
 */
ec_status ec_grader_read(const ec_grader *g, size_t i, const char *text,
			 size_t len, ec_value *v, ec_error *err);

/** A number within this relative difference of the key is right however it is written. */
#define EC_NUMBER_SAME 1e-9
/** Fewest significant figures a decimal answer needs under the significant-figure rule. */
#define EC_SIGFIGS_MIN 3

/**
 * True when `written`, a decimal written with `sigfigs` significant
 * figures (ec_value.sigfigs), is `key` rounded to that many significant
 * figures: every figure written is correct. For a key of 33.2710646...,
 * 33.3, 33.27 and 33.271 agree; 33.28, 33.2 and 33.30 do not (a trailing
 * zero is a figure written: 33.30 claims a 0 where the key has a 7). When
 * the key lies exactly halfway between two such values (0.5625 to 3
 * figures), both agree. The signs must match. Figures beyond 15 are not
 * compared (a double holds no more); false when sigfigs <= 0.
 */
bool ec_sigfigs_agree(double written, int sigfigs, double key);

/**
 * Whether answer `a` is the value `k` (both as ec_value_parse() reads
 * them, of one kind, neither blank): tf, mc, counts, shapes and masks
 * when equal; a number when within a relative EC_NUMBER_SAME of k, else,
 * when `rule` gives rel or abs, within max(abs, rel * |k|), else (and
 * when `rule` is NULL) when it is a decimal of at least EC_SIGFIGS_MIN
 * significant figures that agree with k (ec_sigfigs_agree()). Grading and
 * explaining both read answers through it.
 */
bool ec_value_matches(const ec_value *a, const ec_value *k, const ec_rubric_rule *rule);

/**
 * Points earned by answer `v` to item `i` (blank when v is NULL or
 * v->blank), best over the accepted answers, with the verdict in
 * *verdict (may be NULL). tf: the points when right, the rule's `wrong`
 * when wrong, its `blank` when blank; mc: with one correct option, all or
 * nothing, else points - per-error * (wrong + missing selections), at
 * least 0, blank 0; exact: the points or 0; manual: 0.
 * A number is right when it is within a relative EC_NUMBER_SAME of the
 * key, however written ("13", "-1/4", "2**3", "48 ln 2"); otherwise, when
 * the rule gives rel or abs, when within max(abs, rel * |key|); otherwise
 * (the default) when it is a plain decimal of at least EC_SIGFIGS_MIN
 * significant figures that agree with the key (ec_sigfigs_agree()).
 */
double ec_grader_score(const ec_grader *g, size_t i, const ec_value *v,
		       ec_verdict *verdict);


/**
 * The items of the group named by the `len` bytes at `id` (those whose id
 * starts with the group's and a '.': 3.2.2 has 3.2.2.1, 3.2.2.2 and
 * 3.2.2.3), auto-graded ones only, in key order, into items[0..g->count).
 * Returns how many; 0 when `id` is an item itself or names no group.
 */
size_t ec_grader_group(const ec_grader *g, const char *id, size_t len, size_t *items);

/** One answer of a group's line (ec_grader_split_group()): `len` bytes at `text`. */
typedef struct ec_group_part {
	const char *text;
	size_t len;
} ec_group_part;

/**
 * Split `text` (`len` bytes), the answers to the n items items[0..n) of a
 * group written on one line as its worked answer writes them ("32, 32, 64"
 * for 3.2.2), into parts[0..n), blanks trimmed (an empty part is a blank
 * answer). The answers are separated by ';', else by ',', else by ','
 * and a blank ("1,769,472, 9,830,400"), else by blanks ("32 32 64");
 * separators inside brackets do not count, so "(16, 8, 64, 64), 6000"
 * is two answers. The first of these splits giving n answers that every
 * item reads wins, else the first giving n answers. Returns EC_OK, or
 * EC_ERR_PARSE ("'32, 64' is not 3 answers, one per item of 3.2.2
 * (3.2.2.1 3.2.2.2 3.2.2.3), separated by ',' or ';'") when no split gives n.
 * The parts point into `text`.
 */
ec_status ec_grader_split_group(const ec_grader *g, const char *group, const size_t *items,
				size_t n, const char *text, size_t len, ec_group_part *parts,
				ec_error *err);
/** How an answer earned an item's full points (ec_grader_match()). */
typedef enum ec_match {
	EC_MATCH_NONE,        /**< it did not (or is blank, or the item is graded by hand) */
	EC_MATCH_EXACT,       /**< the key's value (a number within EC_NUMBER_SAME of it) */
	EC_MATCH_SIGFIGS,     /**< a decimal whose significant figures all agree with the key */
	EC_MATCH_TOLERANCE,   /**< a number within the rule's rel or abs tolerance of the key */
	EC_MATCH_ALTERNATIVE  /**< an alternative the rubric accepts (alt, --accept) */
} ec_match;

/**
 * How answer `v` to item `i` earns its full points: the key's value, the
 * key's significant figures, the rule's tolerance around the key (tried
 * in this order), else an alternative; EC_MATCH_NONE when it earns less.
 */
ec_match ec_grader_match(const ec_grader *g, size_t i, const ec_value *v);

/**
 * Score a whole set of answers: `values[i]` answers item i (g->count of
 * them). Fills results[i], `sections` (g->nsections subtotals, may be
 * NULL) and returns the auto-graded total.
 */
double ec_grade_values(const ec_grader *g, const ec_value *values,
		       ec_grade_result *results, double *sections);

/**
 * Read a parsed sheet into values[0..g->count) (items it does not answer
 * are blank); a line naming a group answers its items
 * (ec_grader_split_group()). Returns EC_OK, or EC_ERR_PARSE (or
 * EC_ERR_OVERFLOW) at file:line for an id naming no item or group, a
 * group's line that does not split into its answers, or an answer that
 * cannot be read.
 */
ec_status ec_grade_sheet(const ec_grader *g, const ec_sheet *sheet,
			 const char *file, ec_value *values, ec_error *err);

/** What a roster column that is not an item holds (ec_grade_roster_header()). */
enum {
	EC_ROSTER_COLUMN_DATA = -1,   /**< the student id, or data kept as written (name, email, ...) */
	EC_ROSTER_COLUMN_IGNORED = -2, /**< an empty header field after the last named one */
	EC_ROSTER_COLUMN_OTHER = -3   /**< with several keys (ec_roster_options.graders): an
					 item of another key, not of this one */
};

/**
 * Map a roster's header fields (`fields[0..nfields)`, each NUL-terminated)
 * to items. The first field names the student id column, whatever it says.
 * Each other field that is an item id of the key (as ec_item_id_normalise()
 * reads it: Q1.1, q1.1, 1.1: and 1.1) name 1.1) or begins with one followed
 * by a blank, ':', ')', ']', '-' or ',' ("1.1: Title (2.0 pts)", "Q1.1
 * Whitening", "1.1 - Batch norm") gives cols[c] = its item; any other is
 * data kept as written (cols[c] = EC_ROSTER_COLUMN_DATA); empty fields
 * after the last non-empty one are EC_ROSTER_COLUMN_IGNORED. EC_ERR_PARSE
 * at file:line:column when an item is named twice or no field names an
 * item. ec_grade_roster_columns() (ec_roster.h) also takes another id
 * column and a column map.
 */
ec_status ec_grade_roster_header(const ec_grader *g, char *const *fields,
				 size_t nfields, const char *file, long line,
				 long *cols, ec_error *err);

/**
 * Read the number of a mark given by hand: a number as ec_value_parse()
 * reads one, or a decimal written with a comma ("0,5", "1,25": digits, one
 * comma, digits), as spreadsheets of many locales write marks. EC_OK with
 * *value; EC_ERR_PARSE for anything else, a blank included.
 */
ec_status ec_mark_parse(const char *text, size_t len, double *value);

/**
 * Read a mark given by hand to item `i` (scored by hand): blank (empty or
 * spaces) leaves it pending (EC_VERDICT_MANUAL, 0 points); a number from 0
 * to the item's points, as ec_mark_parse() reads it, scores those points
 * (verdict right at full points, wrong at 0, else partial). EC_ERR_PARSE,
 * with a message naming the range, for anything else.
 */
ec_status ec_grader_read_mark(const ec_grader *g, size_t i, const char *text, size_t len,
			      ec_grade_result *r, ec_error *err);

/** The largest denominator of the fractions ec_points_round() gives back. */
#define EC_POINTS_DENOMINATOR_MAX 1000

/**
 * A sum of points as the rubric can express it: the fraction n/d with d
 * at most EC_POINTS_DENOMINATOR_MAX that lies within 1e-12 x max(1,
 * |points|) of `points` (as a double, n / d correctly rounded), or
 * `points` itself when there is none (or it is whole, not finite, or
 * 1e5 or more away from 0, where such fractions lie too close together
 * to tell which one a sum meant). Twenty-one items of 2/7 add up in doubles to
 * 5.9999999999999982; this gives 6.
 */
double ec_points_round(double points);

/**
 * The total of results[0..g->count), with section subtotals in `sections`
 * (g->nsections of them; may be NULL), each added up in key order and
 * then ec_points_round().
 */
double ec_grade_sum(const ec_grader *g, const ec_grade_result *results, double *sections);

/**
 * Points as a decimal with at most 6 decimals and no trailing zeros,
 * rounded half away from zero: 2, -1, 0.285714, 57.5 (beyond 1e12, as
 * "%g" writes them). Never "inf" or "nan": a value that is not finite,
 * which points bounded by EC_POINTS_MAX never sum to, is "-". Returns
 * `buf`, which needs 32 bytes.
 */
char *ec_points_format(double points, char buf[32]);

/** ec_points_format() returning the text's length instead of `buf`. */
size_t ec_points_format_len(double points, char buf[32]);

/**
 * Points written so that reading them back gives the same double: an
 * integer ("4"), else a fraction with denominator up to 1000 when one is
 * exact ("2/7" for 6.0/21), else 17 significant digits; "-" (which reads
 * back as no number) when it is not finite. Returns `buf`, which needs
 * 32 bytes.
 */
char *ec_points_format_exact(double points, char buf[32]);

#ifdef __cplusplus
}
#endif

#endif
