/*
 * measure.c: run a command once and report its wall time and peak memory.
 *   measure [-l LABEL] [-a FILE] [-e NAME=VALUE]... COMMAND [ARG...]
 * The time is CLOCK_MONOTONIC from just before fork() to just after
 * waitpid(); the peak memory is the child's maximum resident set size
 * (getrusage RUSAGE_CHILDREN, the only child). Without -a, prints
 * "seconds <s>" and "peak_kb <kb>" on standard error. With -a, appends one
 * tab-separated line "LABEL seconds peak_kb status" to FILE instead, so
 * bench/run.sh can alternate commands and take medians. -e sets a variable
 * in the child only (no env(1) process inside the timing). Exits with the
 * command's status (70 when it was killed by a signal).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_ENV = 16 };

static int usage(void)
{
	fputs("usage: measure [-l LABEL] [-a FILE] [-e NAME=VALUE]... COMMAND [ARG...]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *label = "-", *append = NULL;
	char *env[MAX_ENV];
	size_t nenv = 0, i;
	struct timespec t0, t1;
	struct rusage ru;
	double seconds;
	int status, code, arg = 1;
	pid_t pid;

	/* Options come first, each with its value as the next argument. */
	for (; arg + 1 < argc && argv[arg][0] == '-' && argv[arg][1] != '\0' &&
	       argv[arg][2] == '\0'; arg += 2) {
		const char *value = argv[arg + 1];

		if (argv[arg][1] == 'l') {
			label = value;
		} else if (argv[arg][1] == 'a') {
			append = value;
		} else if (argv[arg][1] == 'e' && nenv < MAX_ENV && strchr(value, '=')) {
			env[nenv++] = argv[arg + 1];
		} else {
			return usage();
		}
	}
	if (arg >= argc)
		return usage();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 71;
	}
	if (pid == 0) {
		for (i = 0; i < nenv; i++) {
			char *eq = strchr(env[i], '=');

			*eq = '\0';
			setenv(env[i], eq + 1, 1);
		}
		execvp(argv[arg], argv + arg);
		perror(argv[arg]);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return 71;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_CHILDREN, &ru);
	seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 70;
	if (append) {
		FILE *f = fopen(append, "a");

		if (!f) {
			perror(append);
			return 73;
		}
		fprintf(f, "%s\t%.6f\t%ld\t%d\n", label, seconds, ru.ru_maxrss, code);
		if (fclose(f) != 0) {
			perror(append);
			return 74;
		}
	} else {
		fprintf(stderr, "seconds %.6f\npeak_kb %ld\n", seconds, ru.ru_maxrss);
	}
	return code;
}
