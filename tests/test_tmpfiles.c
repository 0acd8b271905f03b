/*
 * test_tmpfiles.c: the temporary files of src/cli/tmpfiles.c removed by
 * every signal that ends the program. Each case runs in a child that
 * records a file and raises the signal; the parent sees the child end by
 * that very signal and the file gone.
 */
#define _XOPEN_SOURCE 700 /* SIGPOLL, SIGSYS, SIGTRAP, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ */

#include "ec_test.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tmpfiles.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_tmpfiles.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

static bool exists(const char *name)
{
	char path[128];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &st) == 0;
}

/* Create dir/name and record it in `slot`, as a command does: signals blocked in between. */
static void create_recorded(int slot, const char *name, int dirfd)
{
	sigset_t saved;
	int fd;

	cli_tmp_block(&saved);
	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || !cli_tmp_arm(slot, dirfd, name))
		_exit(98);
	close(fd);
	cli_tmp_unblock(&saved);
}

/*
 * In a child: (ignore `sig` first when `ignored`), record a.tmp in the
 * output slot and b.tmp in the feedback slot (not b.tmp when `one`), then
 * raise `sig`; exit 0 when it comes back. Returns the child's wait status.
 */
static int run_child(int sig, bool ignored, bool one)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit none = {0, 0};
		int dirfd = open(dir, O_RDONLY | O_DIRECTORY);

		setrlimit(RLIMIT_CORE, &none); /* no core file from SIGQUIT, SIGABRT and the like */
		if (ignored)
			signal(sig, SIG_IGN);
		create_recorded(CLI_TMP_OUTPUT, "a.tmp", dirfd);
		if (!one)
			create_recorded(CLI_TMP_FEEDBACK, "b.tmp", dirfd);
		raise(sig);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void check_signal(int sig)
{
	int status = run_child(sig, false, false);

	if (!WIFSIGNALED(status))
		fail_msg("signal %d: the child exited with status %d", sig, WEXITSTATUS(status));
	assert_int_equal(WTERMSIG(status), sig);
	assert_false(exists("a.tmp"));
	assert_false(exists("b.tmp"));
}

/* Every signal whose default action ends the program, faults aside. */
static void test_tmpfiles_each_signal_removes(void **state)
{
	static const int sigs[] = {
		SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2,
		SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS, SIGTRAP,
#ifdef SIGPOLL
		SIGPOLL,
#endif
#ifdef SIGPWR
		SIGPWR,
#endif
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		check_signal(sigs[i]);
#if defined(SIGRTMIN) && defined(SIGRTMAX)
	check_signal(SIGRTMIN);
	check_signal(SIGRTMIN + 1);
	check_signal(SIGRTMAX);
#endif
}

/* A signal ignored when the program started stays ignored (nohup): the program goes on. */
static void test_tmpfiles_ignored_stays_ignored(void **state)
{
	int status = run_child(SIGHUP, true, true);

	(void)state;
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(exists("a.tmp")); /* recorded, never removed: the program did not stop */
	assert_int_equal(unlinkat(open(dir, O_RDONLY | O_DIRECTORY), "a.tmp", 0), 0);
}

/* A file renamed or removed (disarmed) is not touched: another file by its name stays. */
static void test_tmpfiles_disarmed_left_alone(void **state)
{
	pid_t pid = fork();
	int status;

	(void)state;
	assert_true(pid >= 0);
	if (pid == 0) {
		int dirfd = open(dir, O_RDONLY | O_DIRECTORY);

		create_recorded(CLI_TMP_OUTPUT, "c.tmp", dirfd);
		cli_tmp_disarm(CLI_TMP_OUTPUT);
		raise(SIGTERM);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGTERM);
	assert_true(exists("c.tmp"));
	assert_int_equal(unlinkat(open(dir, O_RDONLY | O_DIRECTORY), "c.tmp", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tmpfiles_each_signal_removes),
		cmocka_unit_test(test_tmpfiles_ignored_stays_ignored),
		cmocka_unit_test(test_tmpfiles_disarmed_left_alone),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
