/*
 * ec_report.h: one graded answer sheet as plain data: the answers read,
 * what each scored, the section subtotals and maxima and the total. A
 * writer (ec_writer.h) renders it in any format.
 */
#ifndef EC_REPORT_H
#define EC_REPORT_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"

/** A graded sheet. Fill with ec_grade_sheet_report(), free with ec_sheet_report_free(). */
typedef struct ec_sheet_report {
	const ec_grader *grader;    /**< the items and sections (not owned) */
	const char *file;           /**< the sheet's name as given, "-" for standard input (not owned) */
	ec_value *values;           /**< grader->count answers, in key order; blank where none was given */
	ec_grade_result *results;   /**< grader->count scores (verdict manual for items graded by hand) */
	double *sections;           /**< grader->nsections subtotals of the auto-graded items */
	double *section_max;        /**< grader->nsections: the points of each section's auto-graded items */
	double total;               /**< the auto-graded total */
} ec_sheet_report;

/**
 * Grade the answer-sheet text `text` (`len` bytes) named `file` with `g`:
 * ec_sheet_parse(), ec_grade_sheet(), then ec_grade_values(). `g` and
 * `file` must outlive `r`; `text` need not. Returns EC_OK; the failures
 * of those two (EC_ERR_PARSE or EC_ERR_OVERFLOW at file:line); EC_ERR_NOMEM.
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

#endif
