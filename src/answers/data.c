#include "answers.h"

#include "examcheck/ec_file.h"

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

int ec_data_lookup(const char *name, char **text, const char **origin, ec_error *err)
{
	const char *dir = getenv("EXAMCHECK_DATA");
	size_t i;

	if (dir && *dir) {
		snprintf(origin_buf, sizeof(origin_buf), "%s/%s", dir, name);
		*origin = origin_buf;
		return ec_file_read_text(origin_buf, 16u << 20, text, err) == EC_OK ? 0 : -1;
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
