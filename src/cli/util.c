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

static const char *command; /* what cli_set_command() named */
static bool quiet;          /* -q, --quiet: warnings dropped */

void cli_set_command(const char *name)
{
	command = name;
}

const char *cli_command(void)
{
	return command;
}

void cli_set_quiet(bool q)
{
	quiet = q;
}

/* Whether `msg` starts with "CMD: " for the command that runs. */
static bool names_command(const char *msg)
{
	size_t n = command ? strlen(command) : 0;

	return n && strncmp(msg, command, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ';
}

/*
 * Every message goes through here: "examcheck: ", the command when one
 * runs (unless `msg` starts with it and `may_name` says it may), `kind`
 * ("warning: " or ""), then `msg`, what it quotes from the input made
 * visible.
 */
static void put_message(const char *kind, bool may_name, const char *msg)
{
	fputs("examcheck: ", stderr);
	if (command && !(may_name && names_command(msg))) {
		put_visible(stderr, command);
		fputs(": ", stderr);
	}
	fputs(kind, stderr);
	put_visible(stderr, msg);
	fputc('\n', stderr);
}

static void vsay(const char *kind, bool may_name, const char *fmt, va_list ap)
{
	char small[1024], *msg = small;
	va_list again;
	int n;

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
	put_message(kind, may_name, n < 0 ? fmt : msg);
	if (msg != small)
		free(msg);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", true, fmt, ap);
	va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vsay("warning: ", false, fmt, ap);
	va_end(ap);
}

const char *cli_echo(const char *arg, char buf[CLI_ECHO_SIZE])
{
	return ec_utf8_quote(arg, strlen(arg), CLI_ECHO_MAX, buf, CLI_ECHO_SIZE);
}

void cli_report(const ec_error *err)
{
	char buf[512];

	/* "FILE:LINE: ...": a file named like the command is still given the command */
	put_message("", false, ec_error_format(err, buf, sizeof(buf)));
}

bool cli_closest(const char *word, const char *const *names, size_t n, const char *before,
		 char *buf, size_t size)
{
	size_t i, d, best = strlen(word) <= 3 ? 1 : 2, shown = 0, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (names[i] && (d = ec_edit_distance(word, names[i])) < best)
			best = d;
	for (i = 0; i < n && shown < 3; i++) {
		if (!names[i] || ec_edit_distance(word, names[i]) != best || used >= size)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s'%s%s'", shown ? " or " : "",
					 before, names[i]);
		shown++;
	}
	if (used >= size) /* cut: better none than half a name */
		buf[0] = '\0';
	return buf[0] != '\0';
}

/* Every command has these; a command's own table is searched first. */
enum { CLI_QUIET = -100 }; /* taken by cli_next() itself */

static const cli_opt builtin_opts[] = {
	{"help", 'h', NULL, CLI_HELP},
	{"version", 'V', NULL, CLI_VERSION},
	{"quiet", 'q', NULL, CLI_QUIET},
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

/* The long names of the command's options and of the built-in ones, for a suggestion. */
static size_t long_names(const cli_args *it, const char **names, size_t max)
{
	const cli_opt *tables[2] = {it->opts, builtin_opts}, *o;
	size_t t, n = 0;

	for (t = 0; t < 2; t++)
		for (o = tables[t]; (o->name || o->letter) && n < max; o++)
			if (o->name)
				names[n++] = o->name;
	return n;
}

/*
 * "examcheck: CMD: unknown option '--rostr' (did you mean '--roster'?)";
 * `name` is what may be a long name mistyped ("rostr" of "--rostr" or of
 * "-rostr"), or NULL. Without a close name, as refuse() says it.
 */
static int unknown_option(const cli_args *it, const char *arg, const char *name)
{
	const char *names[64];
	char close[256];
	size_t n = long_names(it, names, sizeof(names) / sizeof(names[0]));

	if (!name || !cli_closest(name, names, n, "--", close, sizeof(close)))
		return refuse(it, "unknown option", arg, (int)strlen(arg), "");
	cli_error("%s%sunknown option '%s' (did you mean %s?)", it->cmd ? it->cmd : "",
		  it->cmd ? ": " : "", arg, close);
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
		return unknown_option(it, at - 1, at[1] ? at : NULL);
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
	if (!o) {
		char name_only[64];

		snprintf(name_only, sizeof(name_only), "%.*s", len - 2, name);
		return unknown_option(it, arg, name_only);
	}
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

/* The next argument as cli_next() reads it, -q and --quiet included. */
static int next_argument(cli_args *it)
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

int cli_next(cli_args *it)
{
	int c;

	while ((c = next_argument(it)) == CLI_QUIET)
		cli_set_quiet(true);
	return c;
}

/* The documents an option's value "@DOC" may name. */
static const struct {
	const char *name;
	ec_document doc;
} documents[] = {
	{"key", EC_DOCUMENT_KEY},     {"sheet", EC_DOCUMENT_SHEET}, {"stats", EC_DOCUMENT_STATS},
	{"roster", EC_DOCUMENT_ROSTER}, {"check", EC_DOCUMENT_CHECK}, {"paper", EC_DOCUMENT_PAPER},
};

/* "text|json|gradescope": the formats that write the document named by the n bytes at `name`. */
static void put_formats(const char *name, size_t n)
{
	size_t i;
	unsigned mask = 0;
	int f, shown = 0;

	for (i = 0; i < sizeof(documents) / sizeof(documents[0]); i++)
		if (strlen(documents[i].name) == n && strncmp(documents[i].name, name, n) == 0)
			mask = ec_format_mask(documents[i].doc);
	for (f = 0; f < EC_FORMAT_COUNT; f++)
		if (mask & (1u << f))
			printf("%s%s", shown++ ? "|" : "", ec_format_name((ec_format)f));
}

/* An option's value name; "@DOC --flag @DOC2" as "WORDS\t--flag\tWORDS2". */
static void put_value(const char *v)
{
	while (*v) {
		size_t n;

		if (*v == '@') {
			n = strcspn(++v, " ");
			put_formats(v, n);
		} else {
			n = strcspn(v, " ");
			printf("%.*s", (int)n, v);
		}
		v += n;
		if (*v == ' ') {
			putchar('\t');
			v++;
		}
	}
}

/* "--name" or "-x", and a tab and its value's name when it takes one. */
static void list_opt(const char *shown, const char *value)
{
	fputs(shown, stdout);
	if (value) {
		putchar('\t');
		put_value(value);
	}
	putchar('\n');
}

static void list_opts(const cli_opt *o)
{
	char shown[80];

	for (; o->name || o->letter; o++) {
		if (o->name) {
			snprintf(shown, sizeof(shown), "--%s", o->name);
			list_opt(shown, o->value);
		}
		if (o->letter) {
			snprintf(shown, sizeof(shown), "-%c", o->letter);
			list_opt(shown, o->value);
		}
	}
}

int cli_done(const cli_args *it, int code, const char *help)
{
	switch (code) {
	case CLI_HELP:
		if (help)
			fputs(help, stdout);
		/* the options every command takes, which a command's own text leaves out */
		if (help && !strstr(help, "--quiet"))
			fputs("\nEvery command also takes -h (--help), -V (--version) and -q (--quiet:\n"
			      "no warnings; errors are printed all the same).\n",
			      stdout);
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
	case EC_ERR_USAGE:
		return EC_EXIT_USAGE;
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
