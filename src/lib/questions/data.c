#include "question.h"


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

/*
 * Whether `text` is the built-in copy (`size` bytes, LF line ends) as an
 * editor may have saved it: after a UTF-8 byte-order mark, with CRLF or CR
 * line ends (the parsers read all of these alike).
 */
static bool same_text(const char *text, const char *builtin, size_t size)
{
	size_t i = 0;

	if (strncmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3;
	while (*text && i < size) {
		char c = *text++;

		if (c == '\r') {
			text += *text == '\n';
			c = '\n';
		}
		if (c != builtin[i++])
			return false;
	}
	return !*text && i == size;
}

ec_key_origin ec_data_origin(const char *name, const char *text)
{
	const char *builtin;
	size_t i, size;

	for (i = 0; i < ec_data_file_count; i++)
		if (strcmp(ec_data_files[i].name, name) == 0)
			break;
	if (i == ec_data_file_count || !ec_data_builtin(name, &builtin, &size) ||
	    !same_text(text, builtin, size))
		return EC_KEY_FROM_EXAM;
	return ec_data_files[i].origin;
}

