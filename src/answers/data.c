#include "answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ec_embedded {
	const char *name;
	const char *text;
	size_t size;
};

extern const struct ec_embedded ec_embedded[];

static char origin_buf[512];

static int load_file(ec_error *err, const char *path, char **text)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		ec_error_at(err, EC_ERR_IO, path, 0, 0, "cannot open");
		return -1;
	}
	do {
		if (cap - len < 4096) {
			char *grown;

			cap = cap ? 2 * cap : 8192;
			if (cap > (16u << 20) || !(grown = realloc(buf, cap))) {
				free(buf);
				fclose(f);
				ec_error_at(err, EC_ERR_IO, path, 0, 0,
					    "file too large (16 MiB at most)");
				return -1;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		ec_error_at(err, EC_ERR_IO, path, 0, 0, "read error");
		return -1;
	}
	fclose(f);
	if (memchr(buf, '\0', len)) {
		free(buf);
		ec_error_at(err, EC_ERR_PARSE, path, 0, 0, "contains a NUL byte");
		return -1;
	}
	buf[len] = '\0';
	*text = buf;
	return 0;
}

int ec_data_lookup(const char *name, char **text, const char **origin, ec_error *err)
{
	const char *dir = getenv("EXAMCHECK_DATA");
	size_t i;

	if (dir && *dir) {
		snprintf(origin_buf, sizeof(origin_buf), "%s/%s", dir, name);
		*origin = origin_buf;
		return load_file(err, origin_buf, text);
	}
	for (i = 0; ec_embedded[i].name; i++) {
		if (strcmp(ec_embedded[i].name, name) == 0) {
			char *copy = malloc(ec_embedded[i].size + 1);

			if (!copy) {
				ec_error_set(err, EC_ERR_NOMEM, "out of memory");
				return -1;
			}
			memcpy(copy, ec_embedded[i].text, ec_embedded[i].size + 1);
			snprintf(origin_buf, sizeof(origin_buf),
				 "data/%s (built in; set EXAMCHECK_DATA=DIR to use DIR/%s)",
				 name, name);
			*origin = origin_buf;
			*text = copy;
			return 0;
		}
	}
	ec_error_set(err, EC_ERR_NOTFOUND, "no data file '%s' is built in", name);
	return -1;
}

void ec_data_free(char *text)
{
	free(text);
}

int ec_data_load(ec_actx *a, const char *name, char **text, const char **origin)
{
	return ec_data_lookup(name, text, origin, &a->err);
}
