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

/** Most factors a shape (EC_KEY_DIMS) may have. */
#define EC_DIMS_MAX 8
/** Most digits a mask (EC_KEY_MASK) may have. */
#define EC_MASK_MAX 64

/** An answer read according to its kind. */
typedef struct ec_value {
	ec_key_kind kind;
	bool blank;                  /**< nothing was written */
	bool truth;                  /**< EC_KEY_TF */
	uint32_t letters;            /**< EC_KEY_MC: bit i set = option 'A' + i */
	double number;               /**< EC_KEY_NUMBER */
	uint64_t count;              /**< EC_KEY_COUNT */
	uint64_t dims[EC_DIMS_MAX];  /**< EC_KEY_DIMS, in order */
	size_t ndims;
	char mask[EC_MASK_MAX + 1];  /**< EC_KEY_MASK: '0'/'1' digits, NUL-terminated */
} ec_value;

/**
 * Read the answer `text` (`len` bytes, need not be NUL-terminated) as an
 * answer of `kind`. Surrounding blanks are ignored; empty text is a blank
 * answer (v->blank). Accepted forms:
 *  - tf: T, F, True, False in any case;
 *  - mc: letters A-Z in any case and order, optionally separated by blanks,
 *    ',', ';', '/' or '+'; repeats count once;
 *  - number: an optional sign and factors joined by 'x', 'X', '*' or the
 *    UTF-8 sign U+00D7, each factor an integer, a decimal, a number in
 *    scientific notation (1.5e-3) or a fraction (-1/4); the value is the
 *    product;
 *  - count: the same forms; the value must be a whole number in 0..2^64-1
 *    (a product of whole numbers is computed exactly, overflow detected);
 *    "none", "N/A", "NA" and "-" (any case) mean 0, as a table writes a
 *    layer without parameters;
 *  - dims: whole positive factors joined as for number ("16x8x64x64");
 *  - mask: digits 0 and 1, optionally separated by blanks, ',', ';' or '/'.
 * A manual item's text is never read (the value is blank).
 * Returns EC_OK; EC_ERR_PARSE with a message such as "'12x' is not a
 * product of whole numbers" (no location) when the text cannot be read;
 * EC_ERR_OVERFLOW when a count does not fit in 64 bits.
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
 * EC_OK; EC_ERR_PARSE at file:line for a NUL byte, an empty file (no bytes
 * at all) or an id given twice (in any of its spellings); EC_ERR_NOMEM.
 * Ids are not checked against a key here.
 */
ec_status ec_sheet_parse(const char *text, size_t len, const char *file,
			 ec_sheet *sheet, ec_error *err);

/** Release a sheet's entries. */
void ec_sheet_free(ec_sheet *sheet);

#endif
