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

/* Every file of the Makefile's EMBED list, in name order (tests/cli/data_list.sh checks). */
const ec_data_file ec_data_files[] = {
	{"q3.1.1.graph", EC_KEY_FROM_STAND_IN,
	 "Q3.1.1's computational graph: invented, as the exam's figure was lost; the "
	 "key's items 3.1.1.* are right only for this graph"},
	{"q3.3.figure", EC_KEY_FROM_RECONSTRUCTION,
	 "Q3.3's Figure 1, rebuilt to agree with the exam's text; its pixel values, "
	 "weights, edges and dotted location are invented"},
	{"rubric", EC_KEY_FROM_EXAM,
	 "how grade scores each item, by the exam's rules: penalties for wrong answers, "
	 "partial credit, alternatives accepted (the points come from the key)"},
};
const size_t ec_data_file_count = sizeof(ec_data_files) / sizeof(ec_data_files[0]);

bool ec_data_builtin(const char *name, const char **text, size_t *size)
{
	size_t i;

	for (i = 0; ec_embedded[i].name; i++) {
		if (strcmp(ec_embedded[i].name, name) == 0) {
			*text = ec_embedded[i].text;
			*size = ec_embedded[i].size;
			return true;
		}
	}
	return false;
}

ec_key_origin ec_data_origin(const char *name, const char *text)
{
	const char *builtin;
	size_t i, size;

	for (i = 0; i < ec_data_file_count; i++)
		if (strcmp(ec_data_files[i].name, name) == 0)
			break;
	if (i == ec_data_file_count || !ec_data_builtin(name, &builtin, &size) ||
	    strlen(text) != size || memcmp(text, builtin, size) != 0)
		return EC_KEY_FROM_EXAM;
	return ec_data_files[i].origin;
}

static char origin_buf[512];

int ec_data_lookup(const char *name, char **text, const char **origin, ec_error *err)
{
	const char *dir = getenv("EXAMCHECK_DATA");
	const char *builtin;
	size_t size;
	char *copy;

	if (dir && *dir) {
		snprintf(origin_buf, sizeof(origin_buf), "%s/%s", dir, name);
		*origin = origin_buf;
		return ec_file_read_text(origin_buf, 16u << 20, text, err) == EC_OK ? 0 : -1;
	}
	if (!ec_data_builtin(name, &builtin, &size)) {
		ec_error_set(err, EC_ERR_NOTFOUND, "no data file '%s' is built in", name);
		return -1;
	}
	copy = malloc(size + 1);
	if (!copy) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	memcpy(copy, builtin, size + 1);
	snprintf(origin_buf, sizeof(origin_buf),
		 "data/%s (built in; set EXAMCHECK_DATA=DIR to use DIR/%s)", name, name);
	*origin = origin_buf;
	*text = copy;
	return 0;
}

void ec_data_free(char *text)
{
	free(text);
}

int ec_data_load(ec_actx *a, const char *name, char **text, const char **origin)
{
	return ec_exam_data(a->exam, name, text, origin, &a->err) == EC_OK ? 0 : -1;
}

int ec_params_data(ec_actx *a, const char *given, const char *name, char **text,
		   const char **origin)
{
	ec_solving s = {a->exam, a->params, EC_DEPTH_WORKED};

	return ec_solving_data(&s, given, name, text, origin, NULL, &a->err) == EC_OK ? 0 : -1;
}
