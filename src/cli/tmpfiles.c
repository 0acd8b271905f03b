/*
 * tmpfiles.c: temporary files removed when a signal stops the program
 * (tmpfiles.h says which signals and when).
 *
 * The names live in static slots so that the handler can reach them. The
 * handler calls only unlinkat(), sigaction() and raise(), all
 * async-signal-safe: it removes the files, puts the default action back
 * and raises the signal again, which stops the program once the handler
 * returns, as it would have stopped without it. It does not use
 * SA_RESETHAND: that puts the default action back before the handler
 * runs, and the same signal sent twice (as timeout(1) does, to the
 * program and to its process group) would then kill it before the files
 * are removed. While the handler runs, every signal it handles is blocked.
 */
#define _XOPEN_SOURCE 700 /* SIGPOLL, SIGSYS, SIGTRAP, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ */

#include "tmpfiles.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

/* The signals whose default action ends the program, faults left out. */
static const int terminating[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2,
	SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS, SIGTRAP,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
};

typedef struct tmp_slot {
	volatile sig_atomic_t armed;
	int dirfd;
	char name[PATH_MAX];
} tmp_slot;

static tmp_slot slots[CLI_TMP_SLOTS];
static sigset_t handled; /* what the handler is installed for */
static bool installed;

static void on_signal(int sig)
{
	struct sigaction dfl;
	int saved = errno;
	size_t i;

	for (i = 0; i < CLI_TMP_SLOTS; i++)
		if (slots[i].armed)
			unlinkat(slots[i].dirfd, slots[i].name, 0);
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig); /* blocked while this runs: delivered on return */
	errno = saved;
}

/* Install the handler for sig unless the program started with it ignored. */
static void catch(int sig, const struct sigaction *sa)
{
	struct sigaction old;

	if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN &&
	    sigaction(sig, sa, NULL) == 0)
		sigaddset(&handled, sig);
}

static void install(void)
{
	struct sigaction sa;
	size_t i;
	int sig;

	installed = true;
	sigemptyset(&handled);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(terminating) / sizeof(terminating[0]); i++)
		sigaddset(&sa.sa_mask, terminating[i]);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		sigaddset(&sa.sa_mask, sig);
#endif
	for (i = 0; i < sizeof(terminating) / sizeof(terminating[0]); i++)
		catch(terminating[i], &sa);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		catch(sig, &sa);
#else
	(void)sig;
#endif
}

void cli_tmp_block(sigset_t *saved)
{
	if (!installed)
		install();
	sigprocmask(SIG_BLOCK, &handled, saved);
}

void cli_tmp_unblock(const sigset_t *saved)
{
	sigprocmask(SIG_SETMASK, saved, NULL);
}

bool cli_tmp_arm(int slot, int dirfd, const char *name)
{
	size_t n = strlen(name);

	if (n >= sizeof(slots[slot].name))
		return false;
	memcpy(slots[slot].name, name, n + 1);
	slots[slot].dirfd = dirfd;
	slots[slot].armed = 1;
	return true;
}

void cli_tmp_disarm(int slot)
{
	slots[slot].armed = 0;
}
