/*
 * ec_report.h: one graded answer sheet as plain data: the answers read,
 * what each scored, the section subtotals and maxima and the total. A
 * writer (ec_writer.h) renders it in any format.
 */
#ifndef EC_REPORT_H
#define EC_REPORT_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A graded sheet. Fill with ec_grade_sheet_report(), free with ec_sheet_report_free(). */
typedef struct ec_sheet_report {
	const ec_grader *grader;    /**< the items and sections (not owned) */
	const char *file;           /**< the sheet's name as given, "-" for standard input (not owned) */
	ec_value *values;           /**< grader->count answers, in key order; blank where none was given */
	ec_grade_result *results;   /**< grader->count scores: verdict manual for items left to
				       grade by hand, unreadable for flagged ones */
	char **written;             /**< grader->count answers as written on the sheet
				       (NUL-terminated), NULL where none was given: what an
				       unreadable answer shows */
	double *sections;           /**< grader->nsections subtotals */
	double *section_max;        /**< grader->nsections: the points of each section's items
				       graded (auto-graded, or given a mark) */
	double total;               /**< the total: auto-graded items and marks given */
	double max;                 /**< the points of the items graded */
	double pending;             /**< the points of items still to grade by hand */
	ec_error *flags;            /**< what was flagged, at file:line, in line order */
	size_t nflags;
	const char *const *reasons; /**< NULL (as ec_grade_sheet_report() leaves it), or set by
				       the caller to grader->count one-line reasons (NULL or ""
				       for none) that the text writer shows as "why:" under the
				       items not fully right; not owned */
} ec_sheet_report;

/**
 * Grade the answer-sheet text `text` (`len` bytes) named `file` with `g`.
 * Each line is read with ec_sheet_parse(); a line naming a group of items
 * ("3.2.2 32, 32, 64") answers each of its auto-graded items in key order
 * (ec_grader_split_group()); a prose item (kind manual)
 * whose line holds a number takes it as the mark given by hand
 * (ec_grader_read_mark()); any other answer is read as its item's kind
 * (prose stays for a person to grade). A line that cannot be read is flagged and
 * graded as far as it goes: an unknown item id is ignored, an answer or
 * mark that cannot be read scores 0 (verdict unreadable), an item
 * answered twice scores 0 on both lines. `g` and `file` must outlive `r`;
 * `text` need not. Returns EC_OK (flags in r->flags); EC_ERR_PARSE at
 * file:line for a file that is empty or holds a NUL byte; EC_ERR_NOMEM.
 * On failure `r` holds nothing to free.
 */
ec_status ec_grade_sheet_report(const ec_grader *g, const char *text, size_t len,
				const char *file, ec_sheet_report *r, ec_error *err);

/** Release a report's arrays. */
void ec_sheet_report_free(ec_sheet_report *r);

/**
 * The answers that earn full points on item `it`, as text: the key's
 * answer, then " or " and each alternative in its key form ("AB or AC").
 * Each alternative is cut at 63 bytes (a 64-digit mask loses its last
 * digit; kept so that output does not change) and the whole at `size` - 1
 * bytes. Returns `buf`.
 */
char *ec_grade_item_correct(const ec_grade_item *it, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
