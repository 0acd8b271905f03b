/*
 * ec_buf.h: one small growable string, for text built a piece at a time
 * (in place of strcat chains and fixed buffers).
 */
#ifndef EC_BUF_H
#define EC_BUF_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A NUL-terminated string that grows as text is appended. Start it with
 * EC_BUF_INIT; `data` is NULL until the first successful append, then
 * always NUL-terminated with `len` bytes before the NUL.
 */
typedef struct ec_buf {
	char *data;
	size_t len;
	size_t cap;
} ec_buf;

#define EC_BUF_INIT {NULL, 0, 0}

/** Append the string `s`. Returns EC_OK, or EC_ERR_NOMEM with `b` unchanged. */
ec_status ec_buf_append(ec_buf *b, const char *s);

/** Append the `n` bytes at `s`. Returns EC_OK, or EC_ERR_NOMEM with `b` unchanged. */
ec_status ec_buf_append_len(ec_buf *b, const char *s, size_t n);

/**
 * Append printf-style formatted text. Returns EC_OK, or EC_ERR_NOMEM (or
 * EC_ERR_INVALID for a format vsnprintf rejects) with `b` unchanged.
 */
ec_status ec_buf_appendf(ec_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/**
 * Append `s` as one word of a POSIX shell: as it is when it is not empty
 * and holds only letters, digits and . _ - = / : @ % + , ; else between
 * single quotes, each ' written '\''. Returns EC_OK, or EC_ERR_NOMEM with
 * `b` unchanged.
 */
ec_status ec_buf_append_shell_word(ec_buf *b, const char *s);

/** The text so far: `data`, or "" before anything was appended. */
const char *ec_buf_str(const ec_buf *b);

/** Empty the string, keeping its memory for reuse. */
void ec_buf_clear(ec_buf *b);

/** Release the memory and start over (as EC_BUF_INIT). */
void ec_buf_free(ec_buf *b);

#ifdef __cplusplus
}
#endif

#endif
