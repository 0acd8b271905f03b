/*
 * ec_utf8.h: reading UTF-8 a character at a time, ill-formed bytes
 * included, for writers that must pass on only valid UTF-8 (JSON) or only
 * visible characters (messages on a terminal).
 */
#ifndef EC_UTF8_H
#define EC_UTF8_H

#include "examcheck/ec_common.h"

/** The code point ec_utf8_next() gives for an ill-formed sequence. */
#define EC_UTF8_INVALID UINT32_C(0xFFFFFFFF)

/**
 * Read the character at the start of the NUL-terminated, non-empty `s`:
 * returns its length in bytes (1 to 4), its code point in *cp. When no
 * well-formed sequence starts there (Unicode's table 3-7: no overlong
 * form, no surrogate, nothing above U+10FFFF), returns the length of the
 * maximal subpart of one (1 to 3 bytes; each such part stands for one
 * U+FFFD, as Unicode recommends) with *cp EC_UTF8_INVALID. Never reads
 * past the NUL.
 */
size_t ec_utf8_next(const char *s, uint32_t *cp);

#endif
