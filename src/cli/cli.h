/*
 * cli.h: what the examcheck command's parts share: exit statuses, the
 * command handlers and small argument helpers.
 */
#ifndef EC_CLI_H
#define EC_CLI_H

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
int cmd_key(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_net(int argc, char **argv);
int cmd_rf(int argc, char **argv);
int cmd_variant(int argc, char **argv);

struct ec_exam_params;

/**
 * Print the worked answer of every leaf question whose id is `prefix` or
 * starts with "<prefix>." (every leaf when `prefix` is NULL), in exam
 * order, for the exam `params` (NULL: the original). Returns an exit status.
 */
int cli_run_questions(const char *prefix, const struct ec_exam_params *params);

/**
 * Report the unknown question `arg` (normalised: `id`), naming the closest
 * ids. Returns EC_EXIT_USAGE.
 */
int cli_unknown_question(const char *arg, const char *id);

/**
 * Print "examcheck: <message>\n" to stderr, the message's control
 * characters and ill-formed UTF-8 shown as escapes (\t \r \n \e \xNN), so
 * that a file name or an answer quoted in it cannot drive the terminal.
 */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/** Print an ec_error as "examcheck: file:line:col: msg" to stderr. */
void cli_report(const ec_error *err);

/**
 * If argv[*i] is the option `name` ("--format"), either as "--format=x" or
 * as "--format x", store the value in *value, advance *i past it and
 * return 1. Return 0 when argv[*i] is another argument and -1 (after an
 * error message) when the value is missing.
 */
int cli_option(int argc, char **argv, int *i, const char *name, const char **value);

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

/**
 * The edit (Levenshtein) distance between a and b, to name the ids
 * closest to an unknown one; (size_t)-1 when b has 64 bytes or more.
 */
size_t cli_edit_distance(const char *a, const char *b);

/** True when s is "-h" or "--help". */
int cli_is_help(const char *s);

#endif
