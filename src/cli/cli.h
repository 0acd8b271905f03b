/*
 * cli.h: what the examcheck command's parts share: exit statuses, the
 * command handlers and small argument helpers.
 */
#ifndef EC_CLI_H
#define EC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "examcheck/ec_common.h"
#include "examcheck/ec_writer.h" /* ec_format */

/* Exit statuses (documented in --help, README and the man page). */
enum {
	EC_EXIT_OK = 0,        /* success */
	EC_EXIT_DIFF = 1,      /* key --check found a difference */
	EC_EXIT_USAGE = 2,     /* bad command line, unknown question, bad spec */
	EC_EXIT_DATAERR = 65,  /* malformed input file (sheet, roster, figure) */
	EC_EXIT_NOINPUT = 66,  /* an input file cannot be opened */
	EC_EXIT_SOFTWARE = 70, /* internal error */
	EC_EXIT_IOERR = 74     /* read or write error, e.g. a full disk */
};

/** A subcommand handler: argv[0] is the command's name. Returns an exit status. */
typedef int (*ec_cmd_fn)(int argc, char **argv);

int cmd_all(int argc, char **argv);
int cmd_backprop(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_data(int argc, char **argv);
int cmd_grade(int argc, char **argv);
int cmd_graphconv(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_key(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_net(int argc, char **argv);
int cmd_practice(int argc, char **argv);
int cmd_rf(int argc, char **argv);
int cmd_variant(int argc, char **argv);

/**
 * Print the worked answer of every leaf question of the original exam
 * whose id is `prefix` or starts with "<prefix>." (every leaf when
 * `prefix` is NULL), in exam order. Returns an exit status.
 */
int cli_run_questions(const char *prefix);

/**
 * Report the unknown question `arg` (normalised: `id`), naming the closest
 * ids. Returns EC_EXIT_USAGE.
 */
int cli_unknown_question(const char *arg, const char *id);

/**
 * Name the command that runs ("grade", or a question id as written:
 * "q3.2"); NULL before one is known. Every later message starts
 * "examcheck: grade: ".
 */
void cli_set_command(const char *name);

/** The command cli_set_command() named, or NULL. */
const char *cli_command(void);

/** With `quiet` (-q, --quiet), cli_warn() prints nothing; errors are printed all the same. */
void cli_set_quiet(bool quiet);

/**
 * Print "examcheck: CMD: <message>\n" to stderr ("examcheck: <message>"
 * before a command is known), the message's control characters and
 * ill-formed UTF-8 shown as escapes (\t \r \n \e \xNN), so that a file
 * name or an answer quoted in it cannot drive the terminal. A message that
 * already starts with "CMD: " is not given the command again.
 */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** Characters of an argument a message quotes (cli_echo()), and room for them. */
#define CLI_ECHO_MAX 64
#define CLI_ECHO_SIZE (4 * CLI_ECHO_MAX + 4)

/**
 * `arg` as a message quotes it: whole when it has at most CLI_ECHO_MAX
 * characters, else cut at a character boundary and ended with "...", so
 * that a 100 KB argument does not make a 100 KB message; control and
 * format characters escaped as ec_utf8_quote() does. Returns `buf`.
 */
const char *cli_echo(const char *arg, char buf[CLI_ECHO_SIZE]);

/**
 * Print the warning "examcheck: CMD: warning: <message>\n" to stderr, as
 * cli_error() prints (the message does not name the command); nothing
 * after cli_set_quiet(true). A warning never changes the exit status.
 */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** Print an ec_error as "examcheck: CMD: file:line:col: msg" to stderr. */
void cli_report(const ec_error *err);

/**
 * The `names` (n of them, NULL ones skipped) closest to `word`, as a typo
 * of one of them would be: "'check'" or "'grade' or 'graphconv'", each
 * quoted between `before` and "'", into `buf`. Close means an edit distance
 * of 1 for a word of up to 3 bytes, 2 for a longer one (git's habit: a
 * suggestion only where a slip of the fingers explains the difference).
 * Returns false, `buf` empty, when none is close.
 */
bool cli_closest(const char *word, const char *const *names, size_t n, const char *before,
		 char *buf, size_t size);

/**
 * One option of a command, for cli_next(). A table of them ends with an
 * entry whose name and letter are both 0.
 */
typedef struct cli_opt {
	const char *name;  /**< long name without "--" ("format"), or NULL */
	char letter;       /**< short name ('o'), or 0 */
	const char *value; /**< NULL: a flag; else what the value is, as the
			        completion shows it: FILE, DIR, the words
			        "text|tsv", a name such as ID=ANSWER, or
			        "@DOC" for the formats that write document DOC
			        (key, sheet, roster, stats, check, paper; see
			        cli_done()) */
	int id;            /**< what cli_next() returns for it: 0 or more */
} cli_opt;

/** What cli_next() returns besides an option's id. */
enum {
	CLI_END = -1,      /* no argument left */
	CLI_OPERAND = -2,  /* it->value is an operand */
	CLI_HELP = -3,     /* -h or --help */
	CLI_VERSION = -4,  /* -V or --version */
	CLI_COMPLETE = -5, /* --completion-helper, the only argument */
	CLI_BAD = -6       /* an unknown option or a missing value, already reported */
};

/** The state of an option iterator: cli_args_init(), then cli_next(). */
typedef struct cli_args {
	const char *cmd;       /* in messages: "grade"; NULL for examcheck itself */
	const cli_opt *opts;
	int argc;
	char **argv;
	int next;              /* index in argv of the next argument */
	const char *cluster;   /* what follows a flag in "-hV", or NULL */
	bool operands_only;    /* "--" was seen */
	bool dash_operands;    /* an argument "-x..." that is not one of the command's
				  short options is an operand (backprop's '-x**2') */
	const char *value;     /* the option's value or the operand */
} cli_args;

/** Start iterating over argv[1..argc-1] of the command `cmd` with the options `opts`. */
void cli_args_init(cli_args *it, const char *cmd, int argc, char **argv, const cli_opt *opts);

/**
 * The next option or operand, getopt_long style, options and operands in
 * any order:
 *   --name=VALUE, --name VALUE, -xVALUE, -x VALUE  an option with a value
 *   (-o=F is the file "=F", as with getopt); --name, -x  a flag; -ab  the
 *   flags -a -b; --  every later argument is an operand, even "-x";
 *   -h, --help, -V, --version  in every command; -q, --quiet  in every
 *   command, taken here (cli_set_quiet()) and never returned;
 *   --completion-helper as the only argument lists the options (for the
 *   bash completion); "-" alone and "-" followed by a digit or '.'
 *   ("-0.25")  operands.
 * Returns the option's id (its value in it->value), CLI_OPERAND (in
 * it->value), CLI_END, or CLI_HELP, CLI_VERSION, CLI_COMPLETE, CLI_BAD,
 * which cli_done() handles. An unknown option, a value given to a flag
 * and a missing value are reported as "examcheck: CMD: unknown option
 * '--x' (see 'examcheck CMD --help')" and return CLI_BAD; an unknown
 * option close to one of the command's names "(did you mean '--roster'?)"
 * instead of the pointer to the help.
 */
int cli_next(cli_args *it);

/**
 * Finish a command at a code of cli_next() other than an option, an
 * operand or CLI_END: print `help` (CLI_HELP), the version (CLI_VERSION)
 * or one line per option, "--name" or "-x" and a tab and its value when it
 * takes one (CLI_COMPLETE): the words of an "@DOC" value are the formats
 * that write that document, and "@DOC --flag @DOC2" prints the words of
 * DOC, a tab, "--flag", a tab and the words of DOC2 (the completion offers
 * those when --flag was typed). Returns EC_EXIT_OK, or EC_EXIT_USAGE for
 * CLI_BAD.
 */
int cli_done(const cli_args *it, int code, const char *help);

/**
 * Parse a --format value. `allowed` is a mask of (1 << EC_FORMAT_x), such
 * as ec_format_mask() gives.
 * Returns 0, or -1 after an error message naming the allowed values.
 */
int cli_format(const char *value, unsigned allowed, ec_format *format);

/**
 * The exit status that fits a library failure: 65 for malformed data
 * (parse, invalid, range, overflow), 66 when a file cannot be opened, 74
 * for a read or write error, 70 otherwise; 0 for EC_OK.
 */
int cli_exit_for(ec_status status);

/**
 * Read the whole file `path` ("-" = standard input, at most `max` bytes)
 * into *text (NUL-terminated; free() it) and, when `len` is not NULL, *len.
 * With `len` NULL the text must hold no NUL byte. Returns EC_EXIT_OK, or
 * an exit status (cli_exit_for()) after the message "examcheck: WHAT:
 * FILE: why" ("examcheck: FILE:LINE: contains a NUL byte" for a NUL).
 */
int cli_read_file(const char *what, const char *path, size_t max, char **text, size_t *len);

#endif
