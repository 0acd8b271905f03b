/*
 * ec_common.h: status codes, error reports and checked integer arithmetic
 * shared by every part of libexamcheck.
 */
#ifndef EC_COMMON_H
#define EC_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EC_VERSION "0.1.0"

/** Result of a library call that can fail. 0 is success. */
typedef enum ec_status {
	EC_OK = 0,
	EC_ERR_INVALID,  /**< an argument is out of its domain */
	EC_ERR_PARSE,    /**< text could not be read */
	EC_ERR_OVERFLOW, /**< a count does not fit in 64 bits */
	EC_ERR_NOMEM,    /**< an allocation failed */
	EC_ERR_IO,       /**< reading or writing failed */
	EC_ERR_RANGE,    /**< a shape or index leaves its valid range */
	EC_ERR_NOTFOUND, /**< a named thing does not exist */
	EC_ERR_OPEN,     /**< a file cannot be opened */
	EC_ERR_USAGE     /**< the request itself does not fit: options that do not go
			      together, an item that cannot be asked for */
} ec_status;

/** A short lower-case description of a status, e.g. "overflow". */
const char *ec_strerror(ec_status status);

/**
 * Where and why a call failed. `file` may be NULL (no file involved);
 * `line` and `column` are 1-based, 0 when unknown. `msg` is lower-case
 * text without the location, e.g. "kernel 0 is not positive".
 */
typedef struct ec_error {
	ec_status status;
	const char *file;
	long line;
	long column;
	char msg[256];
} ec_error;

/** Clear an error report to "no error". */
void ec_error_clear(ec_error *err);

/**
 * Record a failure in `err` (which may be NULL) and return `status`, so a
 * caller can write `return ec_error_set(err, EC_ERR_RANGE, "...", ...);`.
 */
ec_status ec_error_set(ec_error *err, ec_status status, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Like ec_error_set() but also records the file, line and column. */
ec_status ec_error_at(ec_error *err, ec_status status, const char *file,
		      long line, long column, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

/**
 * Format an error as one line, "file:line:column: msg" with the parts that
 * are known, into `buf` of `size` bytes. Returns `buf`.
 */
char *ec_error_format(const ec_error *err, char *buf, size_t size);

/**
 * The edit distance between a and b: the fewest insertions, deletions,
 * substitutions and swaps of two neighbouring bytes that turn a into b
 * (optimal string alignment), to name the ids closest to an unknown one;
 * (size_t)-1 when b has 64 bytes or more.
 */
size_t ec_edit_distance(const char *a, const char *b);

/** a * b into *out; false (and *out untouched) when it does not fit. */
bool ec_u64_mul(uint64_t a, uint64_t b, uint64_t *out);

/** a + b into *out; false (and *out untouched) when it does not fit. */
bool ec_u64_add(uint64_t a, uint64_t b, uint64_t *out);

#ifdef __cplusplus
}
#endif

#endif
