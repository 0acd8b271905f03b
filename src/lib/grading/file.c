#include "examcheck/ec_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../lines.h"

/*
 * A directory opens (on Linux, fopen() of a directory for reading succeeds)
 * but cannot be read: either way, say so instead of "read error".
 */
static bool is_directory_errno(int e)
{
#ifdef EISDIR
	return e == EISDIR;
#else
	(void)e;
	return false;
#endif
}

static void close_input(FILE *f)
{
	if (f != stdin)
		fclose(f);
}

ec_status ec_file_read(const char *path, size_t max, char **text, size_t *len, ec_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t n = 0, cap = 0, got;
	char *buf = NULL;

	if (!f) {
		if (is_directory_errno(errno))
			return ec_error_at(err, EC_ERR_OPEN, path, 0, 0, "is a directory");
		return ec_error_at(err, EC_ERR_OPEN, path, 0, 0, "cannot open: %s", strerror(errno));
	}
	do {
		if (cap - n < 4096) {
			size_t grow = cap ? 2 * cap : 8192;
			char *grown;

			if (n > max) {
				free(buf);
				close_input(f);
				return ec_error_at(err, EC_ERR_RANGE, path, 0, 0,
						   "file is larger than %zu bytes", max);
			}
			grown = realloc(buf, grow);
			if (!grown) {
				free(buf);
				close_input(f);
				return ec_error_at(err, EC_ERR_NOMEM, path, 0, 0, "out of memory");
			}
			buf = grown;
			cap = grow;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		int e = errno;

		free(buf);
		close_input(f);
		if (is_directory_errno(e))
			return ec_error_at(err, EC_ERR_OPEN, path, 0, 0, "is a directory");
		return ec_error_at(err, EC_ERR_IO, path, 0, 0, "read error: %s", strerror(e));
	}
	close_input(f);
	if (n > max) {
		free(buf);
		return ec_error_at(err, EC_ERR_RANGE, path, 0, 0, "file is larger than %zu bytes", max);
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return EC_OK;
}

ec_status ec_file_read_text(const char *path, size_t max, char **text, ec_error *err)
{
	size_t len;
	const char *nul;
	ec_status st = ec_file_read(path, max, text, &len, err);

	if (st != EC_OK)
		return st;
	nul = memchr(*text, '\0', len);
	if (nul) {
		long line = ec_line_number(*text, nul);

		free(*text);
		*text = NULL;
		return ec_error_at(err, EC_ERR_PARSE, path, line, 0, "contains a NUL byte");
	}
	return EC_OK;
}

bool ec_file_same(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!a || !b || strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
		return false;
	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

long ec_file_find_same(const char *out, const char *const *paths, size_t n)
{
	struct stat so;
	size_t i;

	/* only a regular file is replaced; a FIFO or a device is written to as it is */
	if (!out || stat(out, &so) != 0 || !S_ISREG(so.st_mode))
		return -1;
	for (i = 0; i < n; i++)
		if (paths[i] && ec_file_same(out, paths[i]))
			return (long)i;
	return -1;
}
