#include "cli.h"

#include "examcheck/ec_buf.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * Write `s` so that a terminal shows it and obeys none of it: tab, CR and
 * LF as \t \r \n, ESC as \e, the other control characters (C0, DEL, C1)
 * and the bytes of ill-formed UTF-8 as \xNN; valid UTF-8 as it is.
 */
static void put_visible(FILE *f, const char *s)
{
	uint32_t cp;
	size_t n, i;

	for (; *s; s += n) {
		n = ec_utf8_next(s, &cp);
		if (cp == '\t')
			fputs("\\t", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == 0x1B)
			fputs("\\e", f);
		else if (cp == EC_UTF8_INVALID || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			for (i = 0; i < n; i++)
				fprintf(f, "\\x%02x", (unsigned char)s[i]);
		else
			fwrite(s, 1, n, f);
	}
}

/* Every message goes through here: what it quotes from the input is made visible. */
void cli_error(const char *fmt, ...)
{
	char small[1024], *msg = small;
	va_list ap, again;
	int n;

	va_start(ap, fmt);
	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small)) {
		msg = malloc((size_t)n + 1);
		if (msg)
			vsnprintf(msg, (size_t)n + 1, fmt, again);
		else
			msg = small; /* cut at sizeof(small) - 1 bytes */
	}
	va_end(again);
	va_end(ap);
	fputs("examcheck: ", stderr);
	put_visible(stderr, n < 0 ? fmt : msg);
	fputc('\n', stderr);
	if (msg != small)
		free(msg);
}

void cli_report(const ec_error *err)
{
	char buf[512];

	cli_error("%s", ec_error_format(err, buf, sizeof(buf)));
}

int cli_option(int argc, char **argv, int *i, const char *name, const char **value)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0)
		return 0;
	if (arg[n] == '=') {
		*value = arg + n + 1;
		return 1;
	}
	if (arg[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		cli_error("option %s needs a value", name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

int cli_format(const char *value, unsigned allowed, ec_format *format)
{
	ec_buf names = EC_BUF_INIT;
	ec_format f;
	int i;

	if (ec_format_parse(value, &f) == EC_OK && (allowed & (1u << f))) {
		*format = f;
		return 0;
	}
	for (i = 0; i < EC_FORMAT_COUNT; i++)
		if (allowed & (1u << i))
			ec_buf_appendf(&names, "%s%s", names.len ? ", " : "",
				       ec_format_name((ec_format)i));
	cli_error("unknown format '%s' (use one of: %s)", value, ec_buf_str(&names));
	ec_buf_free(&names);
	return -1;
}

int cli_is_help(const char *s)
{
	return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0;
}

int cli_exit_for(ec_status status)
{
	switch (status) {
	case EC_OK:
		return EC_EXIT_OK;
	case EC_ERR_PARSE:
	case EC_ERR_INVALID:
	case EC_ERR_RANGE:
	case EC_ERR_OVERFLOW:
		return EC_EXIT_DATAERR;
	case EC_ERR_OPEN:
		return EC_EXIT_NOINPUT;
	case EC_ERR_IO:
		return EC_EXIT_IOERR;
	case EC_ERR_NOTFOUND:
	case EC_ERR_NOMEM:
		break;
	}
	return EC_EXIT_SOFTWARE;
}

int cli_read_file(const char *what, const char *path, size_t max, char **text, size_t *len)
{
	ec_error err;
	ec_status st;
	char buf[512];

	ec_error_clear(&err);
	st = len ? ec_file_read(path, max, text, len, &err)
		 : ec_file_read_text(path, max, text, &err);
	if (st == EC_OK)
		return EC_EXIT_OK;
	if (err.line > 0) /* a NUL byte: FILE:LINE, as the parsers report */
		cli_report(&err);
	else
		cli_error("%s: %s", what, ec_error_format(&err, buf, sizeof(buf)));
	return cli_exit_for(st);
}
