#include "gradeio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_keyio.h"

int gio_exit_for(ec_status status)
{
	return cli_exit_for(status);
}

int gio_read_file(const char *what, const char *path, char **text, size_t *len)
{
	return cli_read_file(what, path, GRADEIO_FILE_MAX, text, len);
}

int gio_open_exam(const char *what, uint64_t seed, ec_exam **exam)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_exam_open(seed, getenv("EXAMCHECK_DATA"), exam, &err) != EC_OK) {
		cli_error("%s: %s", what, err.msg);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

int gio_read_key(const char *what, const char *path, ec_key *key)
{
	char *text;
	size_t len;
	ec_error err;
	int rc;

	rc = gio_read_file(what, path, &text, &len);
	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_key_parse_tsv(key, text, len, path, &err) != EC_OK) {
		free(text);
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	free(text);
	return EC_EXIT_OK;
}

int gio_load_key(const char *what, const char *path, const char *variant, ec_exam **exam,
		 ec_key *key)
{
	uint64_t seed = 0;
	ec_error err;
	int rc;

	*exam = NULL;
	ec_error_clear(&err);
	if (path) {
		rc = gio_read_key(what, path, key);
		seed = key->seed;
	} else if (variant && ec_exam_seed_parse(variant, &seed, &err) != EC_OK) {
		cli_error("%s: --variant: %s", what, err.msg);
		return EC_EXIT_USAGE;
	} else {
		rc = EC_EXIT_OK;
	}
	if (rc == EC_EXIT_OK)
		rc = gio_open_exam(what, seed, exam);
	if (rc == EC_EXIT_OK && !path && ec_exam_key(*exam, key, &err) != EC_OK) {
		cli_error("%s: %s", what, err.msg);
		rc = gio_exit_for(err.status);
	}
	if (rc != EC_EXIT_OK) {
		ec_exam_free(*exam);
		*exam = NULL;
		ec_key_free(key);
	}
	return rc;
}

/*
 * The question that holds every item of `s` into `q` (size bytes): the
 * longest question id that each item id is or starts with ("3.1.1" for
 * 3.1.1.x, ..., "3.3" for 3.3.1, 3.3.2, 3.3.3, 3.3.7).
 */
static void question_of(const ec_key *key, const ec_key_source *s, char *q, size_t size)
{
	size_t i, n = 0;
	bool first = true;

	q[0] = '\0';
	for (i = s->first; i < key->count; i++) {
		const char *id = key->items[i].id;

		if (!ec_key_source_has(s, &key->items[i]))
			continue;
		if (first) {
			snprintf(q, size, "%s", id);
			n = strlen(q);
			first = false;
		}
		while (n && (strncmp(id, q, n) != 0 || (id[n] && id[n] != '.')))
			while (n && q[--n] != '.')
				;
		q[n] = '\0';
	}
	while (n && !ec_question_find(q)) {
		while (n && q[--n] != '.')
			;
		q[n] = '\0';
	}
}

/* Whether the data directory of `exam` lacked data file `name`, so that the built-in one was used. */
static bool lacks(const ec_exam *exam, const char *name)
{
	const char *names[8];
	size_t i, n = ec_exam_data_missing(exam, names, sizeof(names) / sizeof(names[0]));

	for (i = 0; i < n && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* "EXAMCHECK_DATA=DIR has no rubric: the built-in one is used" */
static void warn_missing(const ec_exam *exam)
{
	const char *names[8];
	size_t i, n = ec_exam_data_missing(exam, names, sizeof(names) / sizeof(names[0]));
	ec_buf b = EC_BUF_INIT;

	if (n == 0)
		return;
	if (n > sizeof(names) / sizeof(names[0]))
		n = sizeof(names) / sizeof(names[0]);
	for (i = 0; i < n; i++)
		ec_buf_appendf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
	cli_warn("EXAMCHECK_DATA=%s has no %s: the built-in cop%s used (see 'examcheck data')",
		 ec_exam_data_dir(exam), ec_buf_str(&b), n == 1 ? "y is" : "ies are");
	ec_buf_free(&b);
}

/* "16 points rest on stand-in figures (5 of q3.1.1, 11 of q3.3); ..." */
static void warn_stand_in(const ec_key *key)
{
	size_t i, j, nq = 0, n = ec_key_sources(key, NULL, 0);
	ec_key_source *sources;
	struct {
		char id[48];
		double points;
	} *qs;
	ec_buf b = EC_BUF_INIT;
	double total = 0;
	char pts[32];

	if (n == 0)
		return;
	sources = calloc(n, sizeof(*sources));
	qs = calloc(n, sizeof(*qs));
	if (!sources || !qs) {
		free(sources);
		free(qs);
		cli_warn("some items of the key come from stand-in figures (see 'examcheck data')");
		return;
	}
	ec_key_sources(key, sources, n);
	for (i = 0; i < n; i++) {
		total += sources[i].points;
		question_of(key, &sources[i], qs[nq].id, sizeof(qs[nq].id));
		for (j = 0; j < nq && strcmp(qs[j].id, qs[nq].id) != 0; j++)
			;
		qs[j].points += sources[i].points;
		nq += j == nq;
	}
	for (j = 0; j < nq; j++)
		ec_buf_appendf(&b, "%s%s of q%s", j ? ", " : "", ec_points_format(qs[j].points, pts),
			       qs[j].id);
	cli_warn("%s point%s on %s (%s); see 'examcheck data' for the real ones",
		 ec_points_format(total, pts), total == 1 ? " rests" : "s rest",
		 nq == 1 ? "a stand-in figure" : "stand-in figures", ec_buf_str(&b));
	ec_buf_free(&b);
	free(qs);
	free(sources);
}

void gio_warn_data(const ec_exam *exam, const ec_key *key)
{
	if (exam)
		warn_missing(exam);
	if (key)
		warn_stand_in(key);
}

int gio_load_rubric(const char *what, ec_exam *exam, const char *path, ec_rubric *r,
		    char **text)
{
	size_t len;
	ec_error err;
	int rc;

	ec_error_clear(&err);
	*text = NULL;
	if (!path) {
		const char *origin, *dir = getenv("EXAMCHECK_DATA");

		if (ec_exam_data(exam, "rubric", text, &origin, &err) != EC_OK) {
			if (err.line > 0) /* a NUL byte, at FILE:LINE */
				cli_report(&err);
			else
				cli_error("%s: rubric: %s", what,
					  ec_error_format(&err, (char[512]){0}, 512));
			return err.status == EC_ERR_IO ? EC_EXIT_NOINPUT : gio_exit_for(err.status);
		}
		path = dir && *dir && !lacks(exam, "rubric") ? origin : "data/rubric";
		len = strlen(*text);
	} else {
		rc = gio_read_file(what, path, text, &len);
		if (rc != EC_EXIT_OK)
			return rc;
	}
	if (ec_rubric_parse(r, *text, len, path, &err) != EC_OK) {
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}
