#include "gradeio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../answers/answers.h"
#include "cli.h"
#include "examcheck/ec_keyio.h"

int gio_exit_for(ec_status status)
{
	switch (status) {
	case EC_OK:
		return EC_EXIT_OK;
	case EC_ERR_PARSE:
	case EC_ERR_INVALID:
	case EC_ERR_RANGE:
	case EC_ERR_OVERFLOW:
		return EC_EXIT_DATAERR;
	case EC_ERR_IO:
		return EC_EXIT_IOERR;
	case EC_ERR_NOTFOUND:
	case EC_ERR_NOMEM:
		break;
	}
	return EC_EXIT_SOFTWARE;
}

int gio_read_file(const char *what, const char *path, char **text, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 0, n = 0, got;
	char *buf = NULL;

	if (!f) {
		cli_error("%s: cannot open '%s': %s", what, path, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	do {
		if (cap - n < 4096) {
			char *grown;

			cap = cap ? 2 * cap : 8192;
			if (cap > GRADEIO_FILE_MAX + 8192) {
				free(buf);
				if (f != stdin)
					fclose(f);
				cli_error("%s: %s: file is larger than 16 MiB", what, path);
				return EC_EXIT_DATAERR;
			}
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				if (f != stdin)
					fclose(f);
				cli_error("%s: out of memory reading '%s'", what, path);
				return EC_EXIT_SOFTWARE;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		int e = errno;

		free(buf);
		if (f != stdin)
			fclose(f);
		cli_error("%s: read error on '%s': %s", what, path, strerror(e));
		return EC_EXIT_IOERR;
	}
	if (f != stdin)
		fclose(f);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return EC_EXIT_OK;
}

static int compute_key(const char *what, ec_key *key)
{
	ec_actx a = {NULL, key, NULL, {0}};
	size_t i;

	for (i = 0; i < ec_question_count; i++) {
		if (!ec_questions[i].fn)
			continue;
		if (ec_question_run(&ec_questions[i], &a) != 0) {
			char buf[512];

			cli_error("%s: computing the key, q%s: %s", what, ec_questions[i].id,
				  ec_error_format(&a.err, buf, sizeof(buf)));
			if (a.err.status == EC_ERR_IO)
				return a.err.line == 0 ? EC_EXIT_NOINPUT : EC_EXIT_IOERR;
			return gio_exit_for(a.err.status);
		}
	}
	return EC_EXIT_OK;
}

int gio_load_key(const char *what, const char *path, ec_key *key)
{
	char *text;
	size_t len;
	ec_error err;
	int rc;

	if (!path)
		return compute_key(what, key);
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
			cli_error("%s: rubric: %s", what, ec_error_format(&err, (char[512]){0}, 512));
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

void gio_json_string(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			putc(c, f);
	}
	putc('"', f);
}

void gio_csv_field(FILE *f, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}
