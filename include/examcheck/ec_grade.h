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

/** What became of one answer. */
typedef enum ec_verdict {
	EC_VERDICT_RIGHT,   /**< full points */
	EC_VERDICT_PARTIAL, /**< some points, fewer than full (mc) */
	EC_VERDICT_WRONG,   /**< an answer that earns no points or a penalty */
	EC_VERDICT_BLANK,   /**< nothing written */
	EC_VERDICT_MANUAL   /**< left to a person */
} ec_verdict;

/** The lower-case name of a verdict: "right", "partial", "wrong", "blank", "manual". */
const char *ec_verdict_name(ec_verdict verdict);

/** An item's score and verdict. */
typedef struct ec_grade_result {
	double points;
	ec_verdict verdict;
	uint32_t letters;   /**< mc: the options chosen (bit k = 'A' + k), 0 when blank */
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
 * EC_ERR_NOMEM.
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
 * Score a whole set of answers: `values[i]` answers item i (g->count of
 * them). Fills results[i], `sections` (g->nsections subtotals, may be
 * NULL) and returns the auto-graded total.
 */
double ec_grade_values(const ec_grader *g, const ec_value *values,
		       ec_grade_result *results, double *sections);

/**
 * Read a parsed sheet into values[0..g->count) (items it does not answer
 * are blank). Returns EC_OK, or EC_ERR_PARSE (or EC_ERR_OVERFLOW) at
 * file:line for an unknown item id or an answer that cannot be read.
 */
ec_status ec_grade_sheet(const ec_grader *g, const ec_sheet *sheet,
			 const char *file, ec_value *values, ec_error *err);

/**
 * Map a roster's header fields (`fields[0..nfields)`, each NUL-terminated)
 * to items: the first must be "student" (any case), each other an item id
 * of the key, none twice. On success cols[c] is the item of field c
 * (cols[0] = -1). EC_ERR_PARSE at file:line:column otherwise.
 */
ec_status ec_grade_roster_header(const ec_grader *g, char *const *fields,
				 size_t nfields, const char *file, long line,
				 long *cols, ec_error *err);

/** Slots per item of an ec_grade_memo (a power of two). */
#define EC_GRADE_MEMO_SLOTS 32
/** Longest answer an ec_grade_memo remembers, in bytes; longer ones are read each time. */
#define EC_GRADE_MEMO_TEXT 16

/** One remembered answer (32 bytes): its text and what it scores. */
typedef struct ec_grade_memo_slot {
	uint64_t text[2];  /**< the text's first and last 8 bytes (fewer: packed, zero-padded) */
	double points;     /**< what the text scores, */
	uint32_t letters;  /**< the options it chooses */
	uint8_t verdict;   /**< and its ec_verdict */
	uint8_t len;       /**< text length + 1; 0 = empty slot */
} ec_grade_memo_slot;

/**
 * Answers already read, EC_GRADE_MEMO_SLOTS per item (an open-addressing
 * table): a roster repeats the same few spellings, so most fields are
 * found here instead of parsed. Fixed size; results are identical with or
 * without it.
 */
typedef struct ec_grade_memo {
	ec_grade_memo_slot *slots;    /**< item i's slots at i * EC_GRADE_MEMO_SLOTS */
	ec_value *values;             /**< what each slot's text reads as */
	ec_grade_result *blank;       /**< g->count results of a row of blanks */
	size_t nitems;
} ec_grade_memo;

/** Allocate an empty memo for `g`'s items. EC_ERR_NOMEM. */
ec_status ec_grade_memo_init(ec_grade_memo *m, const ec_grader *g, ec_error *err);

/** Release a memo. */
void ec_grade_memo_free(ec_grade_memo *m);

/**
 * Read and score one roster row (`fields[0..nfields)`, NUL-terminated,
 * their lengths in `lens` or NULL to measure them; with `lens`, 8 bytes
 * must be readable from each field's start, as with an ec_csv_reader's
 * fields, since short texts are loaded a word at a time; cols from
 * ec_grade_roster_header() of `ncols` fields): values[0..g->count) (may be
 * NULL when not wanted) and results[0..g->count) as ec_grade_values() gives
 * them (items without a column are blank), looking answers up in `memo`
 * first (may be NULL).
 * Add them up with ec_grade_sum().
 * EC_ERR_PARSE at file:line naming the column and item when the row has
 * the wrong number of fields, an empty student name or an unreadable answer.
 */
ec_status ec_grade_roster_row(const ec_grader *g, const long *cols, size_t ncols,
			      char *const *fields, const size_t *lens, size_t nfields,
			      const char *file, long line, ec_grade_memo *memo,
			      ec_value *values, ec_grade_result *results, ec_error *err);

/**
 * The total of results[0..g->count), with section subtotals in `sections`
 * (g->nsections of them; may be NULL).
 */
double ec_grade_sum(const ec_grader *g, const ec_grade_result *results, double *sections);

/**
 * Points as a decimal with at most 6 decimals and no trailing zeros,
 * rounded half away from zero: 2, -1, 0.285714, 57.5. Returns `buf`,
 * which needs 32 bytes.
 */
char *ec_points_format(double points, char buf[32]);

/** ec_points_format() returning the text's length instead of `buf`. */
size_t ec_points_format_len(double points, char buf[32]);

/**
 * Points written so that reading them back gives the same double: an
 * integer ("4"), else a fraction with denominator up to 1000 when one is
 * exact ("2/7" for 6.0/21), else 17 significant digits. Returns `buf`,
 * which needs 32 bytes.
 */
char *ec_points_format_exact(double points, char buf[32]);

#endif
