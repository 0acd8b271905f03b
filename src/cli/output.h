/*
 * output.h: the -o OUT option of every command that has it.
 *
 * OUT "-" (or no -o) is standard output. A regular file, or a name that
 * does not exist yet, is replaced whole or not at all: the result goes to
 * a temporary file in the directory of the file replaced, which is
 * flushed to disk and renamed over it at the end, keeping the mode of
 * the file it replaces (a new file gets 0666 less the umask). A symbolic
 * link is followed: the file it points to is replaced and the link kept.
 * Anything else that exists (a FIFO, a terminal, /dev/null) is opened and
 * written directly; /dev/stdout, /dev/stderr, /dev/fd/N and
 * /proc/self/fd/N are the descriptors they name.
 *
 * The temporary file is removed on every error and when a signal stops
 * the program (any whose default action ends it: tmpfiles.h; signals
 * ignored when it started stay ignored). One output is open at a time.
 */
#ifndef EC_CLI_OUTPUT_H
#define EC_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct cli_output {
	FILE *f;            /* where to write the result */
	const char *cmd;    /* the command, for messages: "grade" */
	const char *path;   /* OUT as given; NULL for standard output */
	char *target;       /* the file renamed over; NULL when written directly */
	bool own;           /* f is ours to close */
} cli_output;

/**
 * Open OUT (`path`; NULL or "-" for standard output) for command `cmd`.
 * Returns EC_EXIT_OK, or after the message "examcheck: CMD: cannot write
 * 'OUT': why" EC_EXIT_IOERR (74), e.g. when OUT's directory does not
 * exist, or EC_EXIT_SOFTWARE when memory runs out.
 */
int cli_output_open(cli_output *o, const char *cmd, const char *path);

/**
 * Finish: flush, sync and rename the temporary file over its target (or
 * close what was opened directly). Returns EC_EXIT_OK, or EC_EXIT_IOERR
 * after a message, the temporary file removed. Standard output is left
 * to main() to flush and check.
 */
int cli_output_commit(cli_output *o);

/** Give up: close what was opened and remove the temporary file. */
void cli_output_abort(cli_output *o);

#endif
