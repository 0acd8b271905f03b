/*
 * ec_file.h: reading a whole (small) file into memory.
 */
#ifndef EC_FILE_H
#define EC_FILE_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Read all of `path` ("-" means standard input) into *text, NUL-terminated
 * (free() it), with its length in *len; at most `max` bytes. Fails with
 * EC_ERR_OPEN when the file cannot be opened, EC_ERR_IO on a read error,
 * EC_ERR_RANGE when it is larger than `max`, EC_ERR_NOMEM; `err` then
 * names the file (err->file = path) and says why, e.g. "cannot open: No
 * such file or directory". A directory fails with EC_ERR_OPEN "is a
 * directory".
 */
ec_status ec_file_read(const char *path, size_t max, char **text, size_t *len, ec_error *err);

/**
 * ec_file_read() for text that must not contain a NUL byte (a NUL would
 * cut it short): also fails with EC_ERR_PARSE "contains a NUL byte", with
 * err->line the line of the first NUL (lines end at LF, CRLF or a lone CR).
 */
ec_status ec_file_read_text(const char *path, size_t max, char **text, ec_error *err);

/**
 * Whether the paths `a` and `b` name one file: both exist and, their
 * symbolic links followed, are on the same device with the same inode
 * ("out.csv", "./out.csv", a hard link and a link to it all name it).
 * False when either is NULL, "-" (standard input or output) or cannot be
 * looked up.
 */
bool ec_file_same(const char *a, const char *b);

/**
 * The index in paths[0..n) of the first path that names the same file as
 * `out` (ec_file_same(); NULL entries are skipped), or -1 when none does
 * or `out` is no regular file (a FIFO or a device is written to, not
 * replaced): an output that would overwrite an input.
 */
long ec_file_find_same(const char *out, const char *const *paths, size_t n);

#ifdef __cplusplus
}
#endif

#endif
