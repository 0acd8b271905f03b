/*
 * ec_keyio.h: the answer key as a file. A key file is what
 * `examcheck key --format tsv` writes: one item per line,
 * "id<TAB>answer<TAB>points<TAB>kind", points as an integer, a fraction
 * ("2/7") or a decimal, kind one of ec_key_kind_name()'s names. A line may
 * have a fifth field, the item's origin (ec_key_origin_name(): "exam",
 * "stand-in", "reconstructed"), optionally followed by a space and the
 * data file it was computed from ("stand-in q3.1.1.graph"); without it the
 * item's origin is the exam. Blank lines and lines starting with '#' are
 * skipped. A line ends at LF, CRLF or a lone CR; a UTF-8 byte-order mark
 * at the start is skipped.
 */
#ifndef EC_KEYIO_H
#define EC_KEYIO_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_key.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Append the items of key-file text (`len` bytes) named `file` to `key`;
 * each item keeps `file` and its line. Returns EC_OK (an empty text is an
 * empty key); EC_ERR_PARSE at file:line for a line with fewer than four or
 * more than five tab-separated fields, an empty id, an unknown kind, an
 * answer its kind cannot read as ec_value_parse() reads answers (column 2,
 * "item 'ID': why"; empty only for a manual item), points that are not a
 * number from 0 to EC_POINTS_MAX (ec_key.h), a fifth field that is not an origin, a repeated id,
 * a NUL byte; EC_ERR_NOMEM.
 */
ec_status ec_key_parse_tsv(ec_key *key, const char *text, size_t len,
			   const char *file, ec_error *err);

/** How two keys differ on one id. */
typedef enum ec_key_diff_kind {
	EC_KEY_DIFF_MISSING, /**< in `want` only */
	EC_KEY_DIFF_EXTRA,   /**< in `have` only */
	EC_KEY_DIFF_ANSWER,  /**< answers differ (as text) */
	EC_KEY_DIFF_POINTS,  /**< points differ by more than 1e-9 */
	EC_KEY_DIFF_KIND     /**< kinds differ */
} ec_key_diff_kind;

/** One difference; `want`/`have` are NULL where the item is absent. */
typedef struct ec_key_diff {
	ec_key_diff_kind kind;
	const ec_key_item *want;
	const ec_key_item *have;
} ec_key_diff;

/**
 * Compare key `have` (e.g. a file) with key `want` (e.g. computed): every
 * item of `want` in its order, then the items only `have` holds. Writes up
 * to `max` differences to `out` (may be NULL when max is 0) and their
 * total number to *count. An item whose kind differs reports only that.
 */
void ec_key_compare(const ec_key *want, const ec_key *have, ec_key_diff *out,
		    size_t max, size_t *count);

#ifdef __cplusplus
}
#endif

#endif
