/*
 * ec_rubric.h: scoring rules as data. A rubric says, per item or id
 * pattern, how an answer earns points (true/false with a penalty, multiple
 * choice with partial credit, exact match with a numeric tolerance, or
 * graded by hand) and which alternative answers are also accepted. The
 * points of each item come from the answer key.
 *
 * Text format (one directive per line, a line ending at LF, CRLF or a lone
 * CR; an optional UTF-8 byte-order mark first; blanks separate words; '#'
 * starts a comment line):
 *   total POINTS
 *       the most points the key gives (auto-graded and manual items
 *       together); the test suite checks the computed key against it.
 *       At most EC_POINTS_MAX (ec_key.h).
 *   rule PATTERN SCHEME [NAME=VALUE ...]
 *       PATTERN is an id ("2.9"), a prefix ending in ".*" ("3.2.1.*") or
 *       "*". The last rule whose pattern matches an item applies. SCHEME:
 *         tf      wrong=W blank=B: right earns the item's points, a wrong
 *                 answer W (e.g. -1), a blank B (default 0); |W| and |B|
 *                 at most EC_POINTS_MAX (ec_key.h);
 *         mc      per-error=E options=LETTERS: when the key has one option,
 *                 all or nothing; when it has several, the points minus E
 *                 per wrong or missing selection, never below 0 (E from
 *                 0 to EC_POINTS_MAX); LETTERS
 *                 ("ABCDE" or "A-E") are the options the question offers;
 *         exact   [rel=R] [abs=A]: the answer must equal the key: counts
 *                 and masks exactly, shapes factor by factor, numbers as
 *                 ec_grader_score() says: always right within a relative
 *                 1e-9 of the key; then, when rel or abs is given, right
 *                 within max(A, R * |key|) (the one not given is 0;
 *                 each at most EC_TOLERANCE_MAX);
 *                 when neither is given, the significant-figure rule (a
 *                 plain decimal of at least 3 significant figures, each
 *                 of them correct);
 *         manual  graded by a person (items of kind manual always are).
 *   alt ID ANSWER
 *       also accept ANSWER for item ID (full credit as for the key's answer;
 *       for mc, partial credit is computed against each accepted answer and
 *       the best counts). A key without item ID skips the line, so that the
 *       exam's rubric also serves a key file that leaves items out.
 */
#ifndef EC_RUBRIC_H
#define EC_RUBRIC_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The largest rel or abs tolerance a rule may set. */
#define EC_TOLERANCE_MAX 1e6

/** How one item is scored. */
typedef enum ec_scheme {
	EC_SCHEME_TF,
	EC_SCHEME_MC,
	EC_SCHEME_EXACT,
	EC_SCHEME_MANUAL
} ec_scheme;

/** One "rule" line. */
typedef struct ec_rubric_rule {
	char pattern[40];
	ec_scheme scheme;
	double wrong;       /**< tf: points for a wrong answer (e.g. -1) */
	double blank;       /**< tf: points for a blank answer */
	double per_error;   /**< mc: deduction per wrong or missing option */
	uint32_t options;   /**< mc: bit i = option 'A' + i offered; 0 = any letter */
	double rel, abs;    /**< exact: numeric tolerance (0 when not given) */
	bool tolerance;     /**< exact: rel or abs was given; else numbers are
				 scored by significant figures */
	long line;          /**< where it was written (0 when added by code) */
} ec_rubric_rule;

/** One accepted alternative answer. */
typedef struct ec_rubric_alt {
	char id[40];
	char answer[160];
	const char *file;   /**< where it came from: the rubric's name or "--accept" */
	long line;
	bool optional;      /**< an alt line of a rubric: skipped by ec_grader_init()
				 when the key has no such item; --accept must name one */
	bool requested;     /**< given by ec_rubric_accept() (a command line's --accept),
				 not by a rubric file: when it does not fit the key,
				 ec_grader_init() fails with EC_ERR_USAGE */
	bool one_version;   /**< for the key of one version of the exam only
				 ("ID@N=ANSWER"): the key whose seed is `seed` */
	uint64_t seed;
} ec_rubric_alt;

/** A parsed rubric. Zero-initialise, fill with ec_rubric_parse(). */
typedef struct ec_rubric {
	ec_rubric_rule *rules;
	size_t nrules;
	ec_rubric_alt *alts;
	size_t nalts;
	double total;       /**< from "total"; 0 when not given */
	const char *file;   /**< name used in messages */
} ec_rubric;

/**
 * Parse rubric text (`len` bytes) named `file` into `r` (zero-initialised;
 * directives add to what it holds). Returns EC_OK; EC_ERR_PARSE at
 * file:line for an unknown directive, scheme or setting, a bad number or
 * one out of its range, a pattern or answer too long, a NUL byte;
 * EC_ERR_NOMEM.
 */
ec_status ec_rubric_parse(ec_rubric *r, const char *text, size_t len,
			  const char *file, ec_error *err);

/**
 * Add an accepted alternative from "ID=ANSWER" (the --accept option),
 * recorded as coming from `origin` and as requested; "ID@N=ANSWER" adds it
 * for the key of variant N only (N a decimal seed, 0 or "original" the
 * exam's own), which ec_grader_init() leaves out for other keys.
 * EC_ERR_USAGE when there is no '=', either side is empty or too long, or
 * N is no variant; EC_ERR_NOMEM.
 */
ec_status ec_rubric_accept(ec_rubric *r, const char *spec, const char *origin,
			   ec_error *err);

/** True when `pattern` ("*", "3.2.*", "2.9") matches `id`. */
bool ec_rubric_pattern_matches(const char *pattern, const char *id);

/** The last rule matching `id`, or NULL when none does. */
const ec_rubric_rule *ec_rubric_rule_for(const ec_rubric *r, const char *id);

/** The lower-case name of a scheme: "tf", "mc", "exact", "manual". */
const char *ec_scheme_name(ec_scheme scheme);

/** Release the rubric's memory and empty it. */
void ec_rubric_free(ec_rubric *r);

#ifdef __cplusplus
}
#endif

#endif
