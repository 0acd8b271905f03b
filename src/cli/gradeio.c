#include "gradeio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/questions/answers.h"
#include "../lib/questions/variant.h"
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

int gio_compute_key(const char *what, const struct ec_exam_params *params, ec_key *key)
{
	ec_actx a = {.key = key, .params = params};
	size_t i;

	for (i = 0; i < ec_question_count; i++) {
		if (!ec_questions[i].fn)
			continue;
		if (ec_question_run(&ec_questions[i], &a) != 0) {
			char buf[512];

			cli_error("%s: computing the key, q%s: %s", what, ec_questions[i].id,
				  ec_error_format(&a.err, buf, sizeof(buf)));
			return gio_exit_for(a.err.status);
		}
	}
	return EC_EXIT_OK;
}

int gio_load_variant_key(const char *what, const char *seed, ec_key *key)
{
	ec_exam_params params;
	uint64_t n;
	ec_error err;

	ec_error_clear(&err);
	if (ec_variant_seed_parse(seed, &n, &err) != 0) {
		cli_error("%s: --variant: %s", what, err.msg);
		return EC_EXIT_USAGE;
	}
	if (ec_variant_draw(n, &params, &err) != 0) {
		cli_error("%s: %s", what, err.msg);
		return gio_exit_for(err.status);
	}
	return gio_compute_key(what, &params, key);
}

bool gio_is_original(const char *seed)
{
	uint64_t n;
	ec_error err;

	return ec_variant_seed_parse(seed, &n, &err) == 0 && n == 0;
}

int gio_load_key(const char *what, const char *path, ec_key *key)
{
	char *text;
	size_t len;
	ec_error err;
	int rc;

	if (!path)
		return gio_compute_key(what, NULL, key);
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

int gio_load_rubric(const char *what, const char *path, ec_rubric *r, char **text)
{
	const char *name = path;
	size_t len;
	ec_error err;
	int rc;

	ec_error_clear(&err);
	*text = NULL;
	if (path) {
		rc = gio_read_file(what, path, text, &len);
		if (rc != EC_EXIT_OK)
			return rc;
	} else {
		const char *origin;
		const char *dir = getenv("EXAMCHECK_DATA");

		if (ec_data_lookup("rubric", text, &origin, &err) != 0) {
			if (err.line > 0) /* a NUL byte, at FILE:LINE */
				cli_report(&err);
			else
				cli_error("%s: rubric: %s", what,
					  ec_error_format(&err, (char[512]){0}, 512));
			return err.status == EC_ERR_IO ? EC_EXIT_NOINPUT : gio_exit_for(err.status);
		}
		name = dir && *dir ? origin : "data/rubric";
		len = strlen(*text);
	}
	if (ec_rubric_parse(r, *text, len, name, &err) != EC_OK) {
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}
