/*
 * roster_column.c: ec_roster_grade(): a roster whose key column picks
 * each row's key (a class that sat several versions of the exam) is read
 * twice, its key column first (roster_peek_column() finds it without
 * losing the bytes read, roster_scan_column() reads its cells), then
 * graded with every key its cells name; any other roster once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_internal.h"
#include "roster_internal.h"

bool roster_column_is(const char *field, const char *name)
{
	size_t n = strlen(name), len;

	field += strspn(field, " \t");
	len = strlen(field);
	while (len > 0 && (field[len - 1] == ' ' || field[len - 1] == '\t'))
		len--;
	if (len != n)
		return false;
	for (; n > 0; n--, field++, name++) {
		char a = *field >= 'A' && *field <= 'Z' ? (char)(*field - 'A' + 'a') : *field;
		char b = *name >= 'A' && *name <= 'Z' ? (char)(*name - 'A' + 'a') : *name;

		if (a != b)
			return false;
	}
	return true;
}

/*
 * Parse the first record of buf[0, len) (a copy: the reader splits fields
 * in place) when it is whole: a line end follows it, or the input ends
 * there. Returns true when it was, with *at set as
 * roster_peek_column() says.
 */
static bool header_in(const char *buf, size_t len, bool eof, const char *file, const char *name,
		      const char *id_name, long *at, bool *nomem)
{
	char *copy = malloc(len + 1 + EC_CSV_READABLE);
	size_t start = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, c, id;
	ec_csv_reader rd;
	ec_error e;
	ec_status st;
	bool more = false, whole;

	if (!copy) {
		*nomem = true;
		return true;
	}
	memcpy(copy, buf, len);
	ec_csv_open_buffer(&rd, file, &e);
	ec_csv_set_separator(&rd, 0); /* as the header says, as grading does */
	ec_csv_set_buffer(&rd, copy, start, len, 1);
	st = ec_csv_next(&rd, &more, &e);
	whole = eof || (more && rd.in_pos < len);
	*nomem = st == EC_ERR_NOMEM;
	*at = -1;
	/* the student ids' column is not the one looked for, whatever its name */
	for (c = 0; whole && st == EC_OK && more && id_name && c < rd.nfields; c++)
		if (roster_column_is(rd.fields[c], id_name))
			break;
	id = id_name ? c : 0;
	for (c = 0; whole && st == EC_OK && more && c < rd.nfields; c++)
		if (c != id && roster_column_is(rd.fields[c], name)) {
			*at = (long)c;
			break;
		}
	ec_csv_close(&rd);
	free(copy);
	return whole || *nomem;
}

ec_status roster_peek_column(FILE *in, const char *file, const char *name, const char *id_name,
			     char **head, size_t *head_len, long *at, ec_error *err)
{
	char *buf = NULL;
	size_t len = 0, want = 4096;
	bool nomem = false;

	*head = NULL;
	*head_len = 0;
	*at = -1;
	for (;;) {
		char *grown = realloc(buf, len + want + 1);
		size_t got;
		bool eof;

		if (!grown) {
			nomem = true;
			break;
		}
		buf = grown;
		got = fread(buf + len, 1, want, in);
		len += got;
		eof = got < want;
		if (eof && ferror(in)) {
			free(buf);
			return ec_error_at(err, EC_ERR_IO, file, 0, 0, "read error");
		}
		/* a header longer than a record can be is left to ec_roster_grade() to report */
		if (header_in(buf, len, eof, file, name, id_name, at, &nomem) || len > EC_CSV_RECORD_MAX)
			break;
		want = len; /* read as much again: the header is parsed O(log n) times */
	}
	if (nomem) {
		free(buf);
		*at = -1;
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	*head = buf;
	*head_len = len;
	return EC_OK;
}

ec_status roster_scan_column(FILE *in, const char *file, size_t at, roster_cell_fn fn, void *ctx,
			     ec_error *err)
{
	ec_csv_reader rd;
	bool more, header = true;
	ec_status st = ec_csv_open(&rd, in, file, err);

	ec_csv_set_separator(&rd, 0); /* as the header says, as grading does */
	while (st == EC_OK) {
		ec_error skipped;

		st = ec_csv_next(&rd, &more, &skipped);
		if (st == EC_ERR_PARSE) { /* a record it cannot split: grading reports it */
			st = EC_OK;
			continue;
		}
		if (st != EC_OK) {
			*err = skipped;
			break;
		}
		if (!more)
			break;
		if (header) {
			header = false;
			continue;
		}
		if (!fn(ctx, at < rd.nfields ? rd.fields[at] : "", at < rd.nfields ? rd.lens[at] : 0,
			rd.record_line))
			st = ec_error_set(err, EC_ERR_INVALID, "stopped");
	}
	ec_csv_close(&rd);
	return st;
}

/* ---- grading with a key column ---- */

/* The keys the first pass found: graders[0] is the one given. */
struct keyset {
	const ec_grader *graders[EC_ROSTER_GRADERS_MAX];
	size_t n;
	const ec_roster_options *o;
	const char *file;
	ec_error why;   /* why the first pass stopped */
	ec_status st;   /* a failure of grader_of, or one key too many */
};

static long find_key(const struct keyset *k, const ec_grader *g)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		if (k->graders[i] == g)
			return (long)i;
	return -1;
}

/* roster_cell_fn of the first pass: note the key of each cell. */
static bool note_key(void *ctx, const char *cell, size_t len, long line)
{
	struct keyset *k = ctx;
	const ec_grader *g;
	ec_error why;

	ec_error_clear(&why);
	g = k->o->grader_of(k->o->key_ctx, cell, len, &why);
	if (!g && why.status != EC_ERR_PARSE && why.status != EC_OK) {
		k->st = ec_error_at(&k->why, why.status, k->file, line, 0, "column '%s': %s",
				    k->o->key_column, why.msg);
		return false;
	}
	if (!g || find_key(k, g) >= 0)
		return true;
	if (k->n == EC_ROSTER_GRADERS_MAX) {
		k->st = ec_error_at(&k->why, EC_ERR_RANGE, k->file, line, 0,
				    "column '%s': '%.40s' is one key too many: a run grades at most %d "
				    "versions of the exam, the first one's counted (split the roster)",
				    k->o->key_column, cell, EC_ROSTER_GRADERS_MAX);
		return false;
	}
	k->graders[k->n++] = g;
	return true;
}

/* The pick of the grading pass: the key the first pass noted for the cell. */
static long pick_key(void *ctx, const char *cell, size_t len, ec_error *why)
{
	const struct keyset *k = ctx;
	const ec_grader *g = k->o->grader_of(k->o->key_ctx, cell, len, why);
	long at = g ? find_key(k, g) : -1;

	if (g && at < 0)
		ec_error_set(why, EC_ERR_PARSE, "'%.40s' was not found when the roster was first read",
			     cell);
	return at;
}

/* A temporary file, already unlinked, in `dir`, else TMPDIR, else /tmp; NULL with errno set. */
static FILE *temporary(const char *dir)
{
	char path[4096];
	int fd;
	FILE *f;

	if (!dir || !*dir)
		dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/examcheck-XXXXXX", dir) >= sizeof(path)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path);
	if (!(f = fdopen(fd, "w+b")))
		close(fd);
	return f;
}

/* Copy head and the rest of `in` to a temporary file, rewound; NULL with err set. */
static FILE *spool(FILE *in, const char *file, const char *dir, const char *head, size_t head_len,
		   ec_error *err)
{
	char buf[65536];
	FILE *copy = temporary(dir);
	size_t n;

	if (!copy) {
		ec_error_at(err, EC_ERR_IO, file, 0, 0,
			    "cannot make a temporary copy to read it twice (in %s): %s",
			    dir && *dir ? dir : getenv("TMPDIR") && *getenv("TMPDIR") ? "TMPDIR" : "/tmp",
			    strerror(errno));
		return NULL;
	}
	fwrite(head, 1, head_len, copy);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, copy);
	if (ferror(in)) {
		fclose(copy);
		ec_error_at(err, EC_ERR_IO, file, 0, 0, "read error");
		return NULL;
	}
	if (fflush(copy) != 0 || ferror(copy) || fseek(copy, 0, SEEK_SET) != 0) {
		ec_error_at(err, EC_ERR_IO, file, 0, 0, "cannot write its temporary copy: %s",
			    strerror(errno));
		fclose(copy);
		return NULL;
	}
	return copy;
}

ec_status ec_roster_grade(const ec_grader *g, FILE *in, const char *file,
			  const ec_roster_options *opts, ec_roster_summary *summary,
			  ec_error *err)
{
	struct keyset *k;
	roster_keys keys;
	FILE *copy = NULL;
	char *head = NULL;
	size_t head_len = 0;
	long at = -1, start;
	ec_status st;

	memset(summary, 0, sizeof(*summary));
	if (!opts || !opts->key_column)
		return roster_grade_run(g, in, file, opts, NULL, NULL, 0, summary, err);
	start = ftell(in);
	st = roster_peek_column(in, file, opts->key_column, opts->id_column, &head, &head_len, &at,
				 err);
	if (st != EC_OK || at < 0) {
		if (st == EC_OK)
			st = roster_grade_run(g, in, file, opts, NULL, head, head_len, summary, err);
		free(head);
		return st;
	}
	if (!opts->grader_of) {
		free(head);
		return ec_error_at(err, EC_ERR_USAGE, file, 0, 0,
				   "has a column '%s' that picks each row's key, and one key was asked for",
				   opts->key_column);
	}
	if (!(k = calloc(1, sizeof(*k)))) {
		free(head);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	k->graders[k->n++] = g;
	k->o = opts;
	k->file = file;
	/* read it again from its start: seek back, or copy what cannot be read twice */
	if (start < 0 || fseek(in, start, SEEK_SET) != 0) {
		clearerr(in);
		if (!(copy = spool(in, file, opts->tmpdir, head, head_len, err))) {
			free(head);
			free(k);
			return err->status;
		}
		in = copy;
		start = 0;
	}
	free(head);
	st = roster_scan_column(in, file, (size_t)at, note_key, k, err);
	if (st == EC_ERR_INVALID && k->st != EC_OK) {
		*err = k->why;
		st = k->st;
	}
	if (st == EC_OK && fseek(in, start, SEEK_SET) != 0)
		st = ec_error_at(err, EC_ERR_IO, file, 0, 0, "cannot read it again: %s",
				 strerror(errno));
	if (st == EC_OK) {
		keys.graders = k->graders;
		keys.n = k->n;
		keys.pick = pick_key;
		keys.ctx = k;
		st = roster_grade_run(g, in, file, opts, &keys, NULL, 0, summary, err);
	}
	if (copy)
		fclose(copy);
	free(k);
	return st;
}
