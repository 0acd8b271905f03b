#include "cli.h"

#include "examcheck/ec_buf.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_utf8.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * Write `s` so that a terminal shows it and obeys none of it: tab, CR and
 * LF as \t \r \n, ESC as \e, the other control characters (C0, DEL, C1)
 * and the bytes of ill-formed UTF-8 as \xNN, format characters such as the
 * bidirectional controls (ec_utf8_is_format()) as \uXXXX; other valid
 * UTF-8 as it is.
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
		else if (ec_utf8_is_format(cp))
			fprintf(f, "\\u%04" PRIX32, cp);
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

const char *cli_echo(const char *arg, char buf[CLI_ECHO_SIZE])
{
	return ec_utf8_quote(arg, strlen(arg), CLI_ECHO_MAX, buf, CLI_ECHO_SIZE);
}

void cli_report(const ec_error *err)
{
	char buf[512];

	cli_error("%s", ec_error_format(err, buf, sizeof(buf)));
}

/* Every command has these; a command's own table is searched first. */
static const cli_opt builtin_opts[] = {
	{"help", 'h', NULL, CLI_HELP},
	{"version", 'V', NULL, CLI_VERSION},
	{NULL, 0, NULL, 0},
};

/* The option named `name` (its first n bytes) or, when name is NULL, `letter`. */
static const cli_opt *find_opt(const cli_opt *o, const char *name, size_t n, char letter)
{
	for (; o->name || o->letter; o++)
		if (name ? o->name && strlen(o->name) == n && strncmp(o->name, name, n) == 0
			 : o->letter == letter)
			return o;
	return NULL;
}

static const cli_opt *lookup(const cli_args *it, const char *name, size_t n, char letter)
{
	const cli_opt *o = find_opt(it->opts, name, n, letter);

	return o ? o : find_opt(builtin_opts, name, n, letter);
}

/* "examcheck: CMD: WHAT 'ARG'AFTER (see 'examcheck CMD --help')" */
static int refuse(const cli_args *it, const char *what, const char *arg, int len, const char *after)
{
	const char *cmd = it->cmd ? it->cmd : "";
	const char *sep = it->cmd ? ": " : "";

	char shown[CLI_ECHO_SIZE];

	ec_utf8_quote(arg, (size_t)len, CLI_ECHO_MAX, shown, sizeof(shown));
	cli_error("%s%s%s '%s'%s (see 'examcheck%s%s --help')", cmd, sep, what, shown, after,
		  it->cmd ? " " : "", cmd);
	return CLI_BAD;
}

void cli_args_init(cli_args *it, const char *cmd, int argc, char **argv, const cli_opt *opts)
{
	memset(it, 0, sizeof(*it));
	it->cmd = cmd;
	it->opts = opts;
	it->argc = argc;
	it->argv = argv;
	it->next = 1;
}

/* The value of option `o`, written `arg`: `attached` ("-oFILE", "--out=F") or the next argument. */
static int take_value(cli_args *it, const cli_opt *o, const char *arg, int len,
		      const char *attached)
{
	if (attached) {
		it->value = attached;
		return o->id;
	}
	if (it->next >= it->argc)
		return refuse(it, "option", arg, len, " needs a value");
	it->value = it->argv[it->next++];
	return o->id;
}

/* The next letter of a group "-abc" (it->cluster points at it). */
static int short_option(cli_args *it)
{
	const char *at = it->cluster;
	const cli_opt *o = lookup(it, NULL, 0, *at);
	char shown[3] = {'-', *at, '\0'};

	it->cluster = at[1] ? at + 1 : NULL;
	if (!o && at == it->argv[it->next - 1] + 1) /* the whole argument: "-frobnicate" */
		return refuse(it, "unknown option", at - 1, (int)strlen(at - 1), "");
	if (!o)
		return refuse(it, "unknown option", shown, 2, "");
	if (!o->value)
		return o->id;
	it->cluster = NULL;
	return take_value(it, o, shown, 2, at[1] ? at + 1 : NULL);
}

static int long_option(cli_args *it, const char *arg)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	int len = eq ? (int)(eq - arg) : (int)strlen(arg);
	const cli_opt *o = lookup(it, name, (size_t)len - 2, 0);

	if (!o && !eq && it->argc == 2 && strcmp(name, "completion-helper") == 0)
		return CLI_COMPLETE;
	if (!o)
		return refuse(it, "unknown option", arg, (int)strlen(arg), "");
	if (!o->value && eq)
		return refuse(it, "option", arg, len, " takes no value");
	if (!o->value)
		return o->id;
	return take_value(it, o, arg, len, eq ? eq + 1 : NULL);
}

/* With dash_operands, "-x..." is an option only when x is a short option that fits. */
static bool is_short_option(const cli_args *it, const char *arg)
{
	const cli_opt *o = lookup(it, NULL, 0, arg[1]);

	return o && (o->value || arg[2] == '\0');
}

int cli_next(cli_args *it)
{
	const char *arg;

	if (it->cluster)
		return short_option(it);
	while (it->next < it->argc) {
		arg = it->argv[it->next++];
		if (!it->operands_only && strcmp(arg, "--") == 0) {
			it->operands_only = true;
			continue;
		}
		if (it->operands_only || arg[0] != '-' || arg[1] == '\0' ||
		    (arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.' ||
		    (it->dash_operands && arg[1] != '-' && !is_short_option(it, arg))) {
			it->value = arg;
			return CLI_OPERAND;
		}
		if (arg[1] == '-')
			return long_option(it, arg);
		it->cluster = arg + 1;
		return short_option(it);
	}
	return CLI_END;
}

static void list_opts(const cli_opt *o)
{
	for (; o->name || o->letter; o++) {
		if (o->name)
			printf("--%s%s%s\n", o->name, o->value ? "\t" : "",
			       o->value ? o->value : "");
		if (o->letter)
			printf("-%c%s%s\n", o->letter, o->value ? "\t" : "",
			       o->value ? o->value : "");
	}
}

int cli_done(const cli_args *it, int code, const char *help)
{
	switch (code) {
	case CLI_HELP:
		if (help)
			fputs(help, stdout);
		return EC_EXIT_OK;
	case CLI_VERSION:
		printf("examcheck %s\n", EC_VERSION);
		return EC_EXIT_OK;
	case CLI_COMPLETE:
		list_opts(it->opts);
		list_opts(builtin_opts);
		return EC_EXIT_OK;
	case CLI_BAD:
		return EC_EXIT_USAGE;
	}
	cli_error("%s: option %d is not handled", it->cmd ? it->cmd : "examcheck", code);
	return EC_EXIT_SOFTWARE;
}

int cli_format(const char *value, unsigned allowed, ec_format *format)
{
	ec_buf names = EC_BUF_INIT;
	char shown[CLI_ECHO_SIZE];
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
	cli_error("unknown format '%s' (use one of: %s)", cli_echo(value, shown), ec_buf_str(&names));
	ec_buf_free(&names);
	return -1;
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
