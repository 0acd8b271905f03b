/*
 * ec_key.h: the answer key as plain data. Worked answers add items; the
 * grader reads them.
 */
#ifndef EC_KEY_H
#define EC_KEY_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * Where an item's answer comes from. The exam's figures were lost, so some
 * answers are computed from data files that stand in for them; graders
 * must be told (see ec_key_sources()).
 */
typedef enum ec_key_origin {
	EC_KEY_FROM_EXAM,          /**< the exam's text (or data the user supplied as the real figure) */
	EC_KEY_FROM_STAND_IN,      /**< a stand-in data file: an invented example, right only for it */
	EC_KEY_FROM_RECONSTRUCTION /**< a reconstruction of a lost figure, partly invented */
} ec_key_origin;

/** The name of an origin: "exam", "stand-in" or "reconstructed". */
const char *ec_key_origin_name(ec_key_origin origin);

/** Parse a name written by ec_key_origin_name(). EC_ERR_PARSE when it is none. */
ec_status ec_key_origin_parse(const char *name, ec_key_origin *origin);

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
	ec_key_origin origin; /**< where the answer comes from; EC_KEY_FROM_EXAM unless said */
	char data[32];        /**< the data file it was computed from ("q3.3.figure"), or "" */
	const char *file;  /**< the key file it was read from (the name given to
				ec_key_parse_tsv(), kept, not copied); NULL when
				computed */
	long line;         /**< its line in that file; 0 when computed */
} ec_key_item;

/** A growable list of key items, in exam order. Zero-initialise to start. */
typedef struct ec_key {
	ec_key_item *items;
	size_t count;
	size_t capacity;
	uint64_t seed;     /**< the exam it is the key of: 0 the original, else the
			        variant's seed (a key file says so in a line
			        "# variant N" before its items) */
} ec_key;

/**
 * Append an item. Fails with EC_ERR_INVALID when the id or answer does not
 * fit or the id is already present, EC_ERR_RANGE when the points are not
 * a number from 0 to EC_POINTS_MAX, EC_ERR_NOMEM when memory runs out.
 */
ec_status ec_key_add(ec_key *key, const char *id, ec_key_kind kind,
		     double points, const char *answer, ec_error *err);

/**
 * ec_key_add() for an item computed from the data file `data` (NULL or ""
 * when none) whose standing is `origin`. Fails also with EC_ERR_INVALID
 * when `data` does not fit or `origin` is not an ec_key_origin.
 */
ec_status ec_key_add_from(ec_key *key, const char *id, ec_key_kind kind, double points,
			  const char *answer, ec_key_origin origin, const char *data,
			  ec_error *err);

/** The item with this id, or NULL. */
const ec_key_item *ec_key_find(const ec_key *key, const char *id);

/**
 * The items of a key that rest on one data file instead of the exam's
 * text: those of one origin other than EC_KEY_FROM_EXAM and one data file.
 */
typedef struct ec_key_source {
	ec_key_origin origin; /**< EC_KEY_FROM_STAND_IN or EC_KEY_FROM_RECONSTRUCTION */
	const char *data;     /**< the items' data file, "" when they name none (points into the key) */
	size_t first;         /**< index of the first of its items in the key */
	size_t count;         /**< how many items */
	double points;        /**< their points, summed */
} ec_key_source;

/**
 * Group the items of `key` whose origin is not the exam by origin and data
 * file, in the order of each group's first item. Writes up to `max` groups
 * to `out` (may be NULL when max is 0) and returns how many there are.
 */
size_t ec_key_sources(const ec_key *key, ec_key_source *out, size_t max);

/** Whether `item` is one of the items of `source`. */
bool ec_key_source_has(const ec_key_source *source, const ec_key_item *item);

/** Release the list's memory and empty it. */
void ec_key_free(ec_key *key);

#ifdef __cplusplus
}
#endif

#endif
