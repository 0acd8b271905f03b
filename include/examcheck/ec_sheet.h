/*
 * ec_sheet.h: reading a student's answers. An answer is text such as
 * "b,a", "16 x 8 x 64 x 64" or "-1/4"; ec_value_parse() reads it according
 * to the kind of its key item. A sheet is a text file with one
 * "<id> <answer>" per line; ids may be written as students do ("Q1.1",
 * "1.1:", "1.1)").
 */
#ifndef EC_SHEET_H
#define EC_SHEET_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most factors a shape (EC_KEY_DIMS) may have. */
#define EC_DIMS_MAX 8
/** Most digits a mask (EC_KEY_MASK) may have. */
#define EC_MASK_MAX 64

/** An answer read according to its kind. */
typedef struct ec_value {
	ec_key_kind kind;
	bool blank;                  /**< nothing was written */
	bool truth;                  /**< EC_KEY_TF */
	uint32_t letters;            /**< EC_KEY_MC: bit i set = option 'A' + i;
					  EC_KEY_TF: the letter of the answer, T or F */
	double number;               /**< EC_KEY_NUMBER */
	int sigfigs;                 /**< EC_KEY_NUMBER: significant figures of a plain
					  decimal as written ("33.30": 4, "1.5e-3": 2);
					  0 for an expression or fraction, or all zeros */
	uint64_t count;              /**< EC_KEY_COUNT */
	uint64_t dims[EC_DIMS_MAX];  /**< EC_KEY_DIMS, in order */
	size_t ndims;
	char mask[EC_MASK_MAX + 1];  /**< EC_KEY_MASK: '0'/'1' digits, NUL-terminated */
} ec_value;

/**
 * Read the answer `text` (`len` bytes, need not be NUL-terminated) as an
 * answer of `kind`. Surrounding blanks are ignored; empty text is a blank
 * answer (v->blank). Accepted forms:
 *  - tf: T, F, True, False in any case, optionally with one trailing '.'
 *    and inside one pair of parentheses: "True.", "(T)", "(f)";
 *  - mc: letters A-Z in any case and order, separated or not by blanks,
 *    ',', ';', '/', '+', '&', '(', ')', '.' or the word "and" between two
 *    letters: "AC", "a, c", "A and C", "A;C", "(A)(C)", "A C.", "b,a";
 *    repeats count once (which letters are options is the grader's check);
 *  - number: a plain decimal ("33.27", "-0.25", ".5", "1.25e-3"; sign '+',
 *    '-' or the UTF-8 minus U+2212), whose significant figures are counted
 *    into v->sigfigs; or a constant expression as written by hand, read
 *    by ec_expr_eval_constant() in the EC_EXPR_WRITTEN syntax: fractions
 *    ("-1/4", also with U+2212), + - * / ** and parentheses, ln, log (natural,
 *    as ln), exp, sqrt, implicit products ("48 ln 2", "2ln2", "3(1+1)"),
 *    products with x, X or U+00D7 ("16x8x64x64"); v->sigfigs is then 0.
 *    The value must be finite: inf, nan, 1e400, 1/0 and ln 0 are refused;
 *  - count: a whole number in 0..2^64-1: digits, grouped in threes by ','
 *    or ' ' (one of them throughout: "6,000", "6 000", "1,000,000"),
 *    scientific notation of a whole number ("1e3", "1.5e3"), a fraction
 *    or product of such factors ("12/4", "5x5x5x3x16"; a product of whole
 *    numbers is computed exactly, overflow detected); arithmetic on whole
 *    numbers with parentheses and powers, also exact: "(16 x 64 x 64) x
 *    (3 x 3 x 3)", "2**3", "2^3", "(16, 64, 64) x (3, 3, 3)" (a shape in
 *    brackets is its product); "none", "N/A", "NA" and "-" (any case) mean
 *    0, as a table writes a layer without parameters;
 *  - a count or a number may be followed by a word naming what it counts:
 *    "8 layers", "6000 weights", "32 parameters" (layer, weight, bias,
 *    parameter, param, multiplication, mult, mac, hop, node, channel, unit,
 *    neuron, activation, value, element, filter, output; any case, with
 *    "s" or "es");
 *  - dims: whole factors joined by 'x', 'X', '*', U+00D7 or ',', inside
 *    optional () or []: "16x8x64x64", "16 * 8 * 64 * 64",
 *    "(16, 8, 64, 64)", "[16,8,64,64]";
 *  - mask: digits 0 and 1, row by row, optionally separated by blanks,
 *    ',', ';', '/' or brackets: "010011000", "0 1 0; 0 1 1; 0 0 0",
 *    "[[0,1,0],[0,1,1],[0,0,0]]".
 * A manual item's text is never read (the value is blank).
 * Returns EC_OK; EC_ERR_PARSE with a message such as "'12x' is not a
 * product of whole numbers" or "'1/0' has no finite value (1/0: division
 * by zero)" (no location) when the text cannot be read; EC_ERR_OVERFLOW
 * when a count does not fit in 64 bits; EC_ERR_NOMEM.
 */
ec_status ec_value_parse(ec_key_kind kind, const char *text, size_t len,
			 ec_value *v, ec_error *err);

/**
 * Write `v` in the key's form ("T", "AB", "-0.25", "16x8x64x64", "010111010",
 * "" for blank) into `buf` of `size` bytes. Returns `buf`.
 */
char *ec_value_format(const ec_value *v, char *buf, size_t size);

/** One answered line of a sheet. `id` and `answer` point into the sheet's text. */
typedef struct ec_sheet_entry {
	const char *id;
	size_t id_len;
	const char *answer;   /**< the rest of the line, blanks trimmed; may be empty */
	size_t answer_len;
	long line;            /**< 1-based line number */
} ec_sheet_entry;

/** The answered lines of a sheet, in file order. */
typedef struct ec_sheet {
	ec_sheet_entry *entries;
	size_t count;
} ec_sheet;

/**
 * Write the item id that the text `s` (`len` bytes, need not be
 * NUL-terminated) names into `out` (`size` bytes, NUL-terminated):
 * surrounding blanks, a 'Q' or 'q' before a leading digit and one trailing
 * ':' or ')' are dropped, so "Q1.1", "q1.1", "1.1:", "1.1)" and "Q2.8)"
 * name 1.1, 1.1, 1.1, 1.1 and 2.8. The rest is copied as it is (case
 * kept: "3.2.1.1.dims"). Returns EC_OK, or EC_ERR_RANGE when the id and its
 * NUL do not fit in `size` bytes (`out` is then "" when size > 0).
 */
ec_status ec_item_id_normalise(const char *s, size_t len, char *out, size_t size);

/**
 * Split a sheet's text (`len` bytes) into entries: one "<id> <answer>" per
 * line, the id ending at a blank or just after a ':' or ')' ("1.1: T",
 * "1.1)T", "Q2.8) b, d"), blank lines and lines starting with '#' skipped,
 * an id alone on its line meaning a blank answer. A line ends at LF, CRLF
 * or a lone CR; a UTF-8 byte-order mark at the start is skipped. Each
 * entry's id is the written one normalised as by ec_item_id_normalise()
 * (a part of the written text). `file` names the sheet in error messages.
 * The entries point into `text`, which must outlive the sheet. Returns
 * EC_OK; EC_ERR_PARSE at file:line for a NUL byte or an empty file (no
 * bytes at all); EC_ERR_NOMEM. An id given twice (in any of its
 * spellings) gives two entries: the grader flags it.
 * Ids are not checked against a key here.
 */
ec_status ec_sheet_parse(const char *text, size_t len, const char *file,
			 ec_sheet *sheet, ec_error *err);

/** Release a sheet's entries. */
void ec_sheet_free(ec_sheet *sheet);

#ifdef __cplusplus
}
#endif

#endif
