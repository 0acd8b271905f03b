/*
 * feedback_dir.c: the files of grade --feedback DIR.
 *
 * Nothing is written outside DIR: every file is created relative to the
 * directory's descriptor (openat()) under a name without '/' (a safe name
 * or a temporary ".examcheck-*" one), with O_CREAT|O_EXCL|O_NOFOLLOW, so
 * an existing entry, a symbolic link above all, is never opened for
 * writing. The finished file is renamed over the student's name
 * (renameat()), which replaces a directory entry and follows no link: a
 * symbolic or hard link planted in DIR cannot carry a write elsewhere.
 * Before the rename an existing entry that is not a regular file stops
 * the run, so such a link is reported rather than silently removed.
 *
 * Where the system has O_TMPFILE (Linux), a report for a name not in DIR
 * yet (the common case) is written to a file without a name and linked
 * in as the student's name (linkat() of /proc/self/fd/N, which fails on
 * any existing entry, links included): two directory look-ups instead of
 * five, which on a directory ext4 does not index are most of the time,
 * and nothing to remove whatever stops the program. A name that exists
 * takes the temporary file and the rename.
 *
 * A report is built whole in memory (ec_feedback_format()) and written
 * with one write(2): no stdio stream, whose locks every byte would take
 * once a second thread exists. A temporary file is recorded with
 * tmpfiles.h while it exists, so that a signal does not leave it behind.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* O_TMPFILE, where the system has it */
#endif

#include "feedback_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "tmpfiles.h"

/* How many temporary names to try before giving up. */
#define TMP_TRIES 100

int fbdir_open(fbdir *d, const char *path)
{
	memset(d, 0, sizeof(*d));
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		cli_error("grade: cannot create directory '%s': %s", path, strerror(errno));
		return EC_EXIT_IOERR;
	}
	d->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->fd < 0) {
		cli_error("grade: cannot open directory '%s': %s", path, strerror(errno));
		return EC_EXIT_IOERR;
	}
	d->open = true;
	d->path = path;
	return EC_EXIT_OK;
}

bool fbdir_header(fbdir *d, ec_exam *exam, const ec_roster_header *h)
{
	ec_feedback *doc = &d->docs[h->grader];
	char worked[64];
	ec_error err;
	size_t i;

	if (!d->questions) {
		d->questions = malloc(ec_question_count * sizeof(*d->questions));
		if (!d->questions) {
			cli_error("grade: out of memory");
			d->status = EC_EXIT_SOFTWARE;
			return false;
		}
		for (i = 0; i < ec_question_count; i++)
			if (ec_questions[i].leaf)
				d->questions[d->nquestions++] = ec_questions[i].id;
	}
	ec_error_clear(&err);
	if (ec_feedback_init(doc, h->graded_with, h, d->questions, d->nquestions, &err) != EC_OK ||
	    ec_reasons_init(&d->reasons[h->grader], exam, h->graded_with, &err) != EC_OK) {
		if (doc->grader)
			ec_feedback_free(doc);
		cli_error("grade: %s", err.msg);
		d->status = EC_EXIT_SOFTWARE;
		return false;
	}
	/* the worked answers of the student's own exam: "examcheck variant --seed 7 2.8" */
	ec_exam_worked_command(exam, NULL, worked, sizeof(worked));
	snprintf(doc->worked, sizeof(doc->worked), "%s", worked);
	doc->reason = ec_reasons_brief;
	doc->reason_ctx = &d->reasons[h->grader];
	if (h->grader + 1 > d->ndocs)
		d->ndocs = h->grader + 1;
	return true;
}

/* "DIR/NAME" for messages (no doubled '/'). */
static const char *slash(const fbdir *d)
{
	size_t n = strlen(d->path);

	return n && d->path[n - 1] == '/' ? "" : "/";
}

static bool failed(fbdir *d, const char *what, const char *name, int e)
{
	cli_error("grade: %s '%s%s%s': %s", what, d->path, slash(d), name, strerror(e));
	d->status = EC_EXIT_IOERR;
	return false;
}

/*
 * A new temporary file in DIR, its name in tmp, recorded for the signal
 * handler before any signal can come; -1 with errno set when none can be
 * made.
 */
static int open_tmp(fbdir *d, char tmp[64])
{
	sigset_t saved;
	int fd = -1, tries, e;

	cli_tmp_block(&saved);
	for (tries = 0; tries < TMP_TRIES; tries++) {
		snprintf(tmp, 64, ".examcheck-%ld-%lu.tmp", (long)getpid(), d->serial++);
		fd = openat(d->fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	e = errno;
	if (fd >= 0)
		cli_tmp_arm(CLI_TMP_FEEDBACK, d->fd, tmp);
	cli_tmp_unblock(&saved);
	errno = e;
	return fd;
}

/* Remove the temporary file `tmp` of DIR. */
static void remove_tmp(fbdir *d, const char *tmp)
{
	unlinkat(d->fd, tmp, 0);
	cli_tmp_disarm(CLI_TMP_FEEDBACK);
}

/* Write p[0, n) to fd. Returns 0 or an errno value. */
static int write_whole(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return w < 0 ? errno : EIO;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Write the report as the new entry `name` of DIR through a file without
 * a name. Returns 1 when done; 0 to take the temporary name and the
 * rename instead (no O_TMPFILE here, no /proc, or `name` exists); -1
 * after a failure, its errno value in *e.
 */
static int write_unnamed(fbdir *d, const char *name, int *e)
{
#ifdef O_TMPFILE
	struct stat st;
	char proc[64];
	int fd;

	if (d->no_unnamed || fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return 0;
	fd = openat(d->fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0) {
		*e = errno;
		d->no_unnamed = *e == EOPNOTSUPP || *e == EISDIR || *e == EINVAL;
		return d->no_unnamed ? 0 : -1;
	}
	if ((*e = write_whole(fd, ec_buf_str(&d->text), d->text.len)) != 0) {
		close(fd);
		return -1;
	}
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	*e = linkat(AT_FDCWD, proc, d->fd, name, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
	if (close(fd) != 0 && !*e)
		*e = errno; /* linked already: the write error is reported, the file stays */
	if (*e == EEXIST || *e == ENOENT) {
		d->no_unnamed = *e == ENOENT; /* no /proc */
		return 0;
	}
	return *e ? -1 : 1;
#else
	(void)d;
	(void)name;
	(void)e;
	return 0;
#endif
}

bool fbdir_student(fbdir *d, const ec_roster_row *row)
{
	char name[EC_FEEDBACK_FILE_SIZE], tmp[64];
	struct stat st;
	ec_status s;
	int fd, e;

	if (row->grader >= d->ndocs || !d->docs[row->grader].grader)
		return true;
	s = ec_feedback_name(&d->names, row->nfields ? row->fields[0] : "",
			     row->nfields ? row->lens[0] : 0, name);
	ec_buf_clear(&d->text);
	if (s == EC_OK)
		s = ec_feedback_format(&d->text, &d->docs[row->grader], row);
	if (s != EC_OK) {
		cli_error("grade: --feedback: %s", ec_strerror(s));
		d->status = EC_EXIT_SOFTWARE;
		return false;
	}
	switch (write_unnamed(d, name, &e)) {
	case 1:
		return true;
	case -1:
		return failed(d, "write error on", name, e);
	default:
		break;
	}
	if ((fd = open_tmp(d, tmp)) < 0)
		return failed(d, "cannot create", name, errno);
	e = write_whole(fd, ec_buf_str(&d->text), d->text.len);
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && fstatat(d->fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
		remove_tmp(d, tmp);
		cli_error("grade: '%s%s%s' is there and is not a regular file; it is left as it is",
			  d->path, slash(d), name);
		d->status = EC_EXIT_IOERR;
		return false;
	}
	if (!e && renameat(d->fd, tmp, d->fd, name) != 0)
		e = errno;
	if (e) {
		remove_tmp(d, tmp);
		return failed(d, "write error on", name, e);
	}
	cli_tmp_disarm(CLI_TMP_FEEDBACK);
	return true;
}

void fbdir_close(fbdir *d)
{
	if (!d->open)
		return;
	close(d->fd);
	for (size_t k = 0; k < d->ndocs; k++) {
		if (d->docs[k].grader)
			ec_feedback_free(&d->docs[k]);
		ec_reasons_free(&d->reasons[k]);
	}
	ec_feedback_names_free(&d->names);
	ec_buf_free(&d->text);
	free(d->questions);
	memset(d, 0, sizeof(*d));
}
