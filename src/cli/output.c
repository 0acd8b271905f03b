/*
 * output.c: -o OUT (output.h says what it does). The temporary file is
 * recorded with tmpfiles.h, which removes it when a signal stops the
 * program; its name is also kept here, for the rename at the end.
 */
#define _XOPEN_SOURCE 700 /* realpath() is an XSI function; the rest is POSIX.1-2008 */

#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "tmpfiles.h"

/* Symbolic links followed before giving up (Linux's own limit). */
#define LINKS_MAX 40

/* Bytes of OUT's name kept in the temporary file's name "NAME.XXXXXX". */
#define TMP_NAME_KEEP 200

static char tmp_path[PATH_MAX];
static bool tmp_armed;

/* "examcheck: CMD: cannot write 'OUT': WHY"; returns EC_EXIT_IOERR. */
static int fail(const cli_output *o, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static int fail(const cli_output *o, const char *fmt, ...)
{
	char why[PATH_MAX + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	cli_error("%s: cannot write '%s': %s", o->cmd, o->path, why);
	return EC_EXIT_IOERR;
}

static int out_of_memory(const cli_output *o)
{
	cli_error("%s: out of memory", o->cmd);
	return EC_EXIT_SOFTWARE;
}

/* The directory part of `p`, malloc'd: "." without a '/', "/" for "/x". */
static char *dir_of(const char *p)
{
	const char *slash = strrchr(p, '/');
	size_t n = !slash ? 1 : slash == p ? 1 : (size_t)(slash - p);
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, slash ? p : ".", n);
		d[n] = '\0';
	}
	return d;
}

static const char *base_of(const char *p)
{
	const char *slash = strrchr(p, '/');

	return slash ? slash + 1 : p;
}

/* "DIR/NAME", malloc'd ("/NAME" when DIR is "/"). */
static char *join(const char *dir, const char *name)
{
	size_t nd = strlen(dir), nn = strlen(name);
	char *s;

	if (nd > 0 && dir[nd - 1] == '/')
		nd--;
	s = malloc(nd + nn + 2);
	if (s) {
		memcpy(s, dir, nd);
		s[nd] = '/';
		memcpy(s + nd + 1, name, nn + 1);
	}
	return s;
}

/* The descriptor of this process that `p` names (/dev/stdout, /dev/fd/N, ...), or -1. */
static int fd_named(const char *p)
{
	static const char *const fd_dirs[] = {"/dev/fd/", "/proc/self/fd/"};
	size_t i, n;
	long fd = 0;

	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	for (i = 0; i < sizeof(fd_dirs) / sizeof(fd_dirs[0]); i++) {
		n = strlen(fd_dirs[i]);
		if (strncmp(p, fd_dirs[i], n) != 0 || !p[n])
			continue;
		for (p += n; *p >= '0' && *p <= '9' && fd < INT_MAX / 10; p++)
			fd = fd * 10 + (*p - '0');
		return *p ? -1 : (int)fd;
	}
	return -1;
}

/* The text of the symbolic link `p`, malloc'd; NULL with errno set. */
static char *read_link(const char *p)
{
	size_t size;

	for (size = 256; size <= PATH_MAX * 2; size *= 2) {
		char *buf = malloc(size);
		ssize_t n;

		if (!buf)
			return NULL;
		n = readlink(p, buf, size);
		if (n >= 0 && (size_t)n < size) {
			buf[n] = '\0';
			return buf;
		}
		free(buf);
		if (n < 0)
			return NULL;
	}
	errno = ENAMETOOLONG;
	return NULL;
}

/*
 * Follow `path` while it is a symbolic link: the name a write through it
 * reaches, malloc'd, in *out, or in *fd the descriptor it names (-1 when
 * none). Returns 0, or -1 with errno set.
 */
static int follow_links(const char *path, char **out, int *fd)
{
	char *cur = strdup(path);
	int hops;

	for (hops = 0; cur; hops++) {
		struct stat st;
		char *link, *dir, *next;

		if ((*fd = fd_named(cur)) >= 0 || lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		if (hops == LINKS_MAX) {
			free(cur);
			errno = ELOOP;
			return -1;
		}
		if (!(link = read_link(cur))) {
			free(cur);
			return -1;
		}
		if (link[0] != '/' && strchr(cur, '/')) { /* relative to the link's directory */
			dir = dir_of(cur);
			next = dir ? join(dir, link) : NULL;
			free(dir);
			free(link);
		} else {
			next = link;
		}
		free(cur);
		cur = next;
	}
	if (!cur) {
		errno = ENOMEM;
		return -1;
	}
	*out = cur;
	return 0;
}

/* Write to the descriptor `fd` of this process (-o /dev/stdout). */
static int open_descriptor(cli_output *o, int fd)
{
	int copy;

	if (fd == 1 || fd == 2) {
		o->f = fd == 1 ? stdout : stderr;
		return EC_EXIT_OK;
	}
	copy = dup(fd);
	if (copy < 0 || !(o->f = fdopen(copy, "w"))) {
		int e = errno;

		if (copy >= 0)
			close(copy);
		return fail(o, "%s", strerror(e));
	}
	o->own = true;
	return EC_EXIT_OK;
}

/* Open what is not a regular file (a FIFO, a device) and write to it. */
static int open_directly(cli_output *o, const char *name)
{
	int fd = open(name, O_WRONLY | O_NOCTTY);

	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return fail(o, "%s", strerror(e));
	}
	o->own = true;
	return EC_EXIT_OK;
}

/* Why the directory `dir` cannot take the temporary file, after realpath() failed with `e`. */
static int fail_dir(const cli_output *o, const char *dir, int e)
{
	if (e == ENOENT)
		return fail(o, "directory '%s' does not exist", dir);
	if (e == ENOTDIR)
		return fail(o, "'%s' is not a directory", dir);
	return fail(o, "directory '%s': %s", dir, strerror(e));
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/*
 * Create the temporary file "DIR/NAME.XXXXXX" for the target `target` in
 * tmp_path, recorded for the signal handler before any signal can come.
 * Returns its descriptor, or -1 with errno set.
 */
static int create_temporary(const char *target)
{
	const char *base = base_of(target);
	size_t dn = (size_t)(base - target), bn = strlen(base);
	sigset_t saved;
	int fd, e;

	if (bn > TMP_NAME_KEEP)
		bn = TMP_NAME_KEEP;
	if (dn + bn + sizeof(".XXXXXX") > sizeof(tmp_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	cli_tmp_block(&saved);
	memcpy(tmp_path, target, dn + bn);
	memcpy(tmp_path + dn + bn, ".XXXXXX", sizeof(".XXXXXX"));
	fd = mkstemp(tmp_path);
	e = errno;
	tmp_armed = fd >= 0;
	if (tmp_armed)
		cli_tmp_arm(CLI_TMP_OUTPUT, AT_FDCWD, tmp_path); /* it fits: both are PATH_MAX */
	cli_tmp_unblock(&saved);
	errno = e;
	return fd;
}

/* Remove the temporary file: on an error, or when the rename did not happen. */
static void remove_temporary(void)
{
	if (tmp_armed)
		unlink(tmp_path);
	cli_tmp_disarm(CLI_TMP_OUTPUT);
	tmp_armed = false;
}

/* Write to a temporary file that replaces `name` (no link) at the end. */
static int open_replacing(cli_output *o, const char *name)
{
	char *dir = dir_of(name), *real;
	struct stat st;
	mode_t mode;
	int fd, e, rc;

	if (!dir)
		return out_of_memory(o);
	if (stat(name, &st) == 0) {
		mode = st.st_mode & 07777;
	} else if (errno == ENOENT || errno == ENOTDIR) {
		mode = new_file_mode();
	} else {
		e = errno;
		free(dir);
		return fail(o, "%s", strerror(e));
	}
	real = realpath(dir, NULL);
	if (real && (stat(real, &st) != 0 || !S_ISDIR(st.st_mode))) {
		free(real);
		real = NULL;
		errno = ENOTDIR;
	}
	if (!real) {
		e = errno;
		rc = e == ENOMEM ? out_of_memory(o) : fail_dir(o, dir, e);
		free(dir);
		return rc;
	}
	free(dir);
	o->target = join(real, base_of(name));
	free(real);
	if (!o->target)
		return out_of_memory(o);
	fd = create_temporary(o->target);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		e = errno;
		if (fd >= 0)
			close(fd);
		remove_temporary();
		dir = dir_of(o->target);
		fail(o, "cannot create a temporary file in '%s': %s", dir ? dir : "", strerror(e));
		free(dir);
		free(o->target);
		o->target = NULL;
		return EC_EXIT_IOERR;
	}
	(void)fchmod(fd, mode); /* where modes cannot be set, the file keeps mkstemp's 0600 */
	o->own = true;
	return EC_EXIT_OK;
}

int cli_output_open(cli_output *o, const char *cmd, const char *path)
{
	char *name;
	struct stat st;
	int fd, rc;

	memset(o, 0, sizeof(*o));
	o->cmd = cmd;
	o->f = stdout;
	if (!path || strcmp(path, "-") == 0)
		return EC_EXIT_OK;
	o->path = path;
	if (follow_links(path, &name, &fd) != 0)
		return errno == ENOMEM ? out_of_memory(o) : fail(o, "%s", strerror(errno));
	if (fd >= 0)
		rc = open_descriptor(o, fd);
	else if (stat(name, &st) == 0 && !S_ISREG(st.st_mode))
		rc = open_directly(o, name);
	else
		rc = open_replacing(o, name);
	free(name);
	if (rc != EC_EXIT_OK)
		o->f = NULL;
	return rc;
}

/* Make the rename itself durable; a directory that cannot be synced is no error. */
static void sync_directory(const char *target)
{
	char *dir = dir_of(target);
	int fd = dir ? open(dir, O_RDONLY) : -1;

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int cli_output_commit(cli_output *o)
{
	bool ok;
	int e;

	if (!o->own)
		return EC_EXIT_OK;
	errno = 0;
	ok = fflush(o->f) == 0 && !ferror(o->f);
	if (ok && o->target)
		ok = fsync(fileno(o->f)) == 0;
	e = errno;
	if (fclose(o->f) != 0 && ok) {
		ok = false;
		e = errno;
	}
	o->f = NULL;
	o->own = false;
	if (ok && o->target && rename(tmp_path, o->target) != 0) {
		ok = false;
		e = errno;
	}
	if (o->target) {
		if (ok) {
			cli_tmp_disarm(CLI_TMP_OUTPUT);
			tmp_armed = false;
			sync_directory(o->target);
		}
		remove_temporary();
		free(o->target);
		o->target = NULL;
	}
	return ok ? EC_EXIT_OK : fail(o, "%s", e ? strerror(e) : "write error");
}

void cli_output_abort(cli_output *o)
{
	if (o->own)
		fclose(o->f);
	if (o->target)
		remove_temporary();
	free(o->target);
	o->target = NULL;
	o->own = false;
	o->f = NULL;
}
