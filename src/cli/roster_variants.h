/*
 * roster_variants.h: grade --roster with a column named 'variant': which
 * versions of the exam a roster names, and which key grades each row.
 */
#ifndef EC_ROSTER_VARIANTS_H
#define EC_ROSTER_VARIANTS_H

#include <stdbool.h>
#include <stdint.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_roster.h"

/** The header of the column that names each student's variant (any case). */
#define RV_COLUMN "variant"

/**
 * The variants a roster names: seeds[0] is 0, the exam's own key, always
 * there (a cell naming no variant is graded against it); the others in
 * increasing order. Their keys are graders 0 to n - 1 of the run.
 */
typedef struct rv_set {
	uint64_t seeds[EC_ROSTER_GRADERS_MAX];
	size_t n;
	long too_many;      /* the line of the cell naming one variant too many, else 0 */
	uint64_t extra;     /* its seed */
} rv_set;

/** Start a set holding the exam's own key only. */
void rv_init(rv_set *s);

/**
 * Read a variant cell: blank, "0" or "original" (any case; blanks around
 * ignored) are the exam itself (*seed 0), a whole number from 1 to
 * 2^63 - 1 is that variant's seed. False for anything else, with the
 * reason in why->msg.
 */
bool rv_parse(const char *cell, size_t len, uint64_t *seed, ec_error *why);

/**
 * ec_roster_cell_fn over a rv_set: add the variant of a cell (cells that
 * name none are left to grading to flag). False, with too_many set, when
 * it would be variant EC_ROSTER_GRADERS_MAX + 1.
 */
bool rv_note(void *set, const char *cell, size_t len, long line);

/**
 * Which grader a cell picks (ec_roster_pick_fn's contract): the index of
 * its variant in the set, or -1 with why->msg saying it was graded
 * against the exam's own key. Only reads the set.
 */
long rv_pick(const rv_set *s, const char *cell, size_t len, ec_error *why);

#endif
