/*
 * ec_utf8.h: UTF-8 a character at a time, ill-formed bytes included: for
 * writers that must pass on only valid UTF-8 (JSON) or only visible
 * characters (messages on a terminal), and for user text quoted in
 * messages: a valid character as itself ('×', 'é'), a byte sequence that
 * is not UTF-8 and a control character as \xNN escapes ('\xFF',
 * '\xE2\x89'), never half a character.
 */
#ifndef EC_UTF8_H
#define EC_UTF8_H

#include <stddef.h>

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/**
 * ec_utf8_next() for text that need not end in a NUL: the character at
 * the start of `s` (n > 0 bytes, at most n read): its length in bytes and
 * its code point in *cp, or the length of an ill-formed sequence with *cp
 * EC_UTF8_INVALID.
 */
size_t ec_utf8_decode(const char *s, size_t n, uint32_t *cp);

/**
 * Is `cp` a character that shows nothing itself but changes how the text
 * around it is shown, so that quoted text could be made to read as
 * something else: the bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), the zero-width and invisible format
 * characters (U+180E, U+200B-U+200D, U+2060-U+2064, U+206A-U+206F,
 * U+FEFF), the line and paragraph separators (U+2028, U+2029), the
 * interlinear annotation characters (U+FFF9-U+FFFB) and the tags
 * (U+E0001, U+E0020-U+E007F)? Messages and reports show them as \uXXXX.
 */
bool ec_utf8_is_format(uint32_t cp);

/** The multiplication sign U+00D7 in UTF-8, accepted wherever 'x' multiplies. */
#define EC_UTF8_TIMES "\xC3\x97"

/**
 * The length in bytes (1 to 4) of the valid UTF-8 character that starts
 * `s` (at most `n` bytes are read), or 0 when the bytes there are not one:
 * a stray continuation byte, a truncated sequence, an overlong form, a
 * surrogate or a code point above U+10FFFF.
 */
size_t ec_utf8_char_len(const char *s, size_t n);

/**
 * The character at `s` (n > 0 bytes) as a message shows it, without
 * quotes, written to `buf`: itself when it is a printable character
 * ("x", "×"); "\uXXXX" for a format character (ec_utf8_is_format():
 * "\u202E"); "\xNN" per byte for a control character ("\x09") or for an
 * invalid sequence, which covers its lead byte and the continuation
 * bytes that follow it as far as they could belong to it ("\xE2\x89").
 * *len (when not NULL) is set to the number of bytes shown. `size` of 20
 * always suffices. Returns `buf`.
 */
char *ec_utf8_char_text(const char *s, size_t n, size_t *len, char *buf, size_t size);

/**
 * `s` (n bytes) as ec_utf8_char_text() shows each character, at most
 * `max` characters of it: a longer text is cut at a character boundary
 * and ends in "...". The result is cut earlier, still at a boundary and
 * with "...", when `size` is too small (4 * max + 4 always suffices).
 * Returns `buf`.
 */
char *ec_utf8_quote(const char *s, size_t n, size_t max, char *buf, size_t size);

/**
 * The number of characters in `s` (n bytes), an invalid sequence (as
 * ec_utf8_char_text() covers it) counting as one: the 1-based column of
 * the byte s[n] is ec_utf8_count(s, n) + 1.
 */
size_t ec_utf8_count(const char *s, size_t n);

/** The largest character boundary of `s` (n bytes) that is at most `limit`. */
size_t ec_utf8_boundary(const char *s, size_t n, size_t limit);

#ifdef __cplusplus
}
#endif

#endif
