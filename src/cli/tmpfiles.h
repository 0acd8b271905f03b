/*
 * tmpfiles.h: temporary files removed when a signal stops the program.
 *
 * A command that writes a file through a temporary one (-o OUT's
 * OUT.XXXXXX, --feedback's DIR/.examcheck-PID-N.tmp) records its name in a
 * slot while it exists. Every signal whose default action ends the
 * program (SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGPIPE, SIGALRM, SIGTERM,
 * SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS, SIGTRAP,
 * SIGPOLL, SIGSTKFLT, SIGPWR where they exist, and the real-time signals)
 * then removes the files of the slots in use and ends the program as it
 * would have without the handler (the default action, raised again).
 * Signals ignored when the program started stay ignored (nohup). Faults
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL) are left to their default action and
 * to the sanitizers. Threads other than the main one must block these
 * signals (the library's threads block all), so that the handler never
 * runs while a slot is being changed.
 */
#ifndef EC_CLI_TMPFILES_H
#define EC_CLI_TMPFILES_H

#include <signal.h>
#include <stdbool.h>

/* The slots: the temporary file of -o OUT, and the --feedback report being written. */
enum { CLI_TMP_OUTPUT, CLI_TMP_FEEDBACK, CLI_TMP_SLOTS };

/**
 * Block the signals that remove the temporary files (installing their
 * handler the first time), the old mask in *saved: a file is created and
 * recorded in between, so that no signal comes between the two.
 */
void cli_tmp_block(sigset_t *saved);

/** Put back the mask cli_tmp_block() saved. */
void cli_tmp_unblock(const sigset_t *saved);

/**
 * With the signals blocked: have the file `name` (relative to the
 * directory `dirfd`, or AT_FDCWD) removed should a signal stop the
 * program. False when the name is too long to keep (PATH_MAX).
 */
bool cli_tmp_arm(int slot, int dirfd, const char *name);

/** The slot's file was renamed or removed: nothing to remove any more. */
void cli_tmp_disarm(int slot);

#endif
