/*
 * ec_key.h: the answer key as plain data. Worked answers add items; the
 * grader reads them.
 */
#ifndef EC_KEY_H
#define EC_KEY_H

#include "examcheck/ec_common.h"

/** How an item's answer is written and compared. */
typedef enum ec_key_kind {
	EC_KEY_TF,     /**< "T" or "F" */
	EC_KEY_MC,     /**< option letters, sorted, no separators: "AB" */
	EC_KEY_NUMBER, /**< a real number, compared with a tolerance */
	EC_KEY_COUNT,  /**< a non-negative integer, compared exactly */
	EC_KEY_DIMS,   /**< a shape such as "16x8x64x64", element by element */
	EC_KEY_MASK,   /**< binary digits, row-major, e.g. "010111010" */
	EC_KEY_MANUAL  /**< prose graded by a person; answer holds a hint */
} ec_key_kind;

/** The lower-case name of a kind as used in TSV output: "tf", "mc", ... */
const char *ec_key_kind_name(ec_key_kind kind);

/** Parse a kind name written by ec_key_kind_name(). */
ec_status ec_key_kind_parse(const char *name, ec_key_kind *kind);

/**
 * The most points an item may be worth; a rubric's settings and total are
 * bounded by it too. It keeps every sum of points, and every statistic of
 * them, a finite number: the exam's items are worth at most 20.
 */
#define EC_POINTS_MAX 1e6

/** One gradable item of the key, e.g. id "3.2.1.1.dims", answer "16x8x64x64". */
typedef struct ec_key_item {
	char id[40];
	char answer[160];
	ec_key_kind kind;
	double points;
} ec_key_item;

/** A growable list of key items, in exam order. Zero-initialise to start. */
typedef struct ec_key {
	ec_key_item *items;
	size_t count;
	size_t capacity;
} ec_key;

/**
 * Append an item. Fails with EC_ERR_INVALID when the id or answer does not
 * fit or the id is already present, EC_ERR_RANGE when the points are not
 * a number from 0 to EC_POINTS_MAX, EC_ERR_NOMEM when memory runs out.
 */
ec_status ec_key_add(ec_key *key, const char *id, ec_key_kind kind,
		     double points, const char *answer, ec_error *err);

/** The item with this id, or NULL. */
const ec_key_item *ec_key_find(const ec_key *key, const char *id);

/** Release the list's memory and empty it. */
void ec_key_free(ec_key *key);

#endif
