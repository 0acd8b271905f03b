#include "lines.h"

#include <string.h>

size_t ec_bom_len(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;

	return len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

const char *ec_line_end(const char *p, const char *end, const char **next)
{
	const char *q = p;

	while (q < end && *q != '\n' && *q != '\r')
		q++;
	if (q == end)
		*next = end;
	else if (*q == '\r' && q + 1 < end && q[1] == '\n')
		*next = q + 2;
	else
		*next = q + 1;
	return q;
}

long ec_line_number(const char *text, const char *at)
{
	const char *p = text, *next;
	long line = 1;

	while (ec_line_end(p, at, &next) < at) {
		p = next;
		line++;
	}
	return line;
}

ec_status ec_text_start(const char *text, size_t len, const char *file, const char **start,
			ec_error *err)
{
	const char *nul = memchr(text, '\0', len);

	if (nul)
		return ec_error_at(err, EC_ERR_PARSE, file, ec_line_number(text, nul), 0,
				   "contains a NUL byte");
	*start = text + ec_bom_len(text, len);
	return EC_OK;
}
