/*
 * lines.h (private): how the line-based text formats (sheets, key files,
 * rubrics, figure files) split their text. A line ends at "\n", "\r\n" or
 * a lone "\r"; a UTF-8 byte-order mark at the start of a file is skipped.
 */
#ifndef EC_LINES_H
#define EC_LINES_H

#include <stddef.h>

#include "examcheck/ec_common.h"

/** The length of a UTF-8 byte-order mark (EF BB BF) at the start of `text`: 3, or 0. */
size_t ec_bom_len(const char *text, size_t len);

/**
 * Where a line-based file's first line starts: past a byte-order mark, in
 * *start. EC_ERR_PARSE at file:line when the text (`len` bytes) holds a
 * NUL byte, as every such format refuses one.
 */
ec_status ec_text_start(const char *text, size_t len, const char *file, const char **start,
			ec_error *err);

/**
 * The line that starts at `p` (p < end): returns where its text ends (at
 * the first '\n' or '\r', or at `end`) and sets *next to where the next
 * line starts (past "\n", "\r\n" or "\r").
 */
const char *ec_line_end(const char *p, const char *end, const char **next);

/**
 * The 1-based number of the line of `text` on which the byte at `at` lies
 * (a byte of the line's text, not of its line end).
 */
long ec_line_number(const char *text, const char *at);

#endif
