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

/* "3.3.1, 3.3.2 (q3.3.figure, reconstructed: 8 points)": one group of items. */
static void describe_source(ec_buf *b, const ec_key *key, const ec_key_source *s)
{
	char pts[32];
	size_t i;

	for (i = s->first; i < key->count; i++)
		if (ec_key_source_has(s, &key->items[i]))
			ec_buf_appendf(b, "%s%s", i == s->first ? "" : ", ", key->items[i].id);
	ec_buf_appendf(b, " (%s%s%s: %s point%s)", s->data, s->data[0] ? ", " : "",
		       s->origin == EC_KEY_FROM_STAND_IN ? "a stand-in" : "reconstructed",
		       ec_points_format(s->points, pts), s->points == 1 ? "" : "s");
}

void gio_warn_stand_in(const ec_key *key)
{
	size_t i, n = ec_key_sources(key, NULL, 0);
	ec_key_source *sources;
	ec_buf b = EC_BUF_INIT;
	double total = 0;
	char pts[32];

	if (n == 0)
		return;
	sources = calloc(n, sizeof(*sources));
	if (!sources) {
		cli_error("warning: some items of the key come from stand-in figures");
		return;
	}
	ec_key_sources(key, sources, n);
	for (i = 0; i < n; i++) {
		total += sources[i].points;
		if (i)
			ec_buf_append(&b, "; ");
		describe_source(&b, key, &sources[i]);
	}
	cli_error("warning: %s point%s of the key come%s from stand-in figures: %s; give the "
		  "real figures with EXAMCHECK_DATA=DIR (see 'examcheck data')",
		  ec_points_format(total, pts), total == 1 ? "" : "s", total == 1 ? "s" : "",
		  ec_buf_str(&b));
	ec_buf_free(&b);
	free(sources);
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
		path = dir && *dir ? origin : "data/rubric";
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
