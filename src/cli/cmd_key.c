/*
 * cmd_key.c: `examcheck key`: print the answer key computed by the worked
 * answers, or check a key file against it.
 */
#include <stdlib.h>

#include "cli.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_keyio.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"
#include "output.h"

static const char key_help[] =
	"usage: examcheck key [--format text|tsv|csv|json|latex] [--key FILE] [-o OUT]\n"
	"       examcheck key --check FILE [--key FILE] [-o OUT]\n"
	"\n"
	"Print the answer key, computed by the same code as the worked answers.\n"
	"Item ids: 1.1-1.10 (T or F), 2.1-2.10 (option letters, sorted: AB),\n"
	"3.1.1.<name>, 3.1.2, 3.2.1.<row>.dims|weights|biases (rows 1-7),\n"
	"3.2.2.<row> and 3.2.3.<row> (rows 1-3), 3.3.1-3.3.7; prose parts are\n"
	"items of kind manual whose answer is a hint for the grader.\n"
	"\n"
	"Options:\n"
	"  --format F    text (default, aligned columns); tsv: one item per line,\n"
	"                id<TAB>answer<TAB>points<TAB>kind, points exact (2/7);\n"
	"                csv: header id,answer,points,kind; json: an array of\n"
	"                {\"id\", \"answer\", \"points\", \"kind\"}; latex: a document\n"
	"                for pdflatex, a table of id, answer, points and kind\n"
	"  --check FILE  compare the key file FILE (tsv) with the key; print each\n"
	"                difference, exit 1 when there is one\n"
	"  --key FILE    use this key file (tsv) instead of computing the key\n"
	"  -o, --output OUT  write the key (or the differences) to OUT ('-':\n"
	"                standard output): a regular file appears whole or not at\n"
	"                all, and is left as it was when anything fails; OUT\n"
	"                naming the --key or --check file is refused (2)\n"
	"\n"
	"Kinds: tf, mc, number, count, dims, mask, manual.\n"
	"\n"
	"Stand-in data: the exam's figures were lost, so 3.1.1.* are computed from\n"
	"a stand-in graph and 3.3.1-3.3.3 and 3.3.7 from a reconstructed figure\n"
	"(see 'examcheck data'); with EXAMCHECK_DATA=DIR holding the real ones,\n"
	"they are not. One warning on standard error names their questions and\n"
	"points; text notes them after the kind ('stand-in: FILE'); json adds\n"
	"\"data\": \"stand-in\" or \"reconstructed\" and \"data_file\" to them; tsv\n"
	"and csv do not mark them. A key file's line may have a fifth field, the\n"
	"item's origin: exam, stand-in or reconstructed, optionally followed by a\n"
	"space and the data file ('stand-in q3.1.1.graph').\n"
	"\n"
	"Exit status: 0 ok, 1 difference found (--check), 2 usage, 65 malformed\n"
	"key file, 66 a file cannot be opened, 74 read or write error.\n";

enum { OPT_FORMAT, OPT_CHECK, OPT_KEY, OPT_OUTPUT };

static const cli_opt key_opts[] = {
	{"format", 0, "@key", OPT_FORMAT},
	{"check", 0, "FILE", OPT_CHECK},
	{"key", 0, "FILE", OPT_KEY},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{NULL, 0, NULL, 0},
};

static int print_key(FILE *out, const ec_key *key, ec_format format)
{
	ec_error err;
	ec_status st;

	ec_error_clear(&err);
	st = ec_write_key(out, ec_writer_get(format), key, &err);
	if (st == EC_OK)
		return EC_EXIT_OK;
	cli_error("key: %s", err.msg);
	return st == EC_ERR_INVALID ? EC_EXIT_USAGE : cli_exit_for(st);
}

/* Write the differences of the key file `file` (read into *have) from `want`. */
static int check(FILE *out, const ec_key *want, const ec_key *have, const char *file,
		 const char *source)
{
	ec_key_diff *diffs;
	size_t n, i;
	char a[32], b[32];

	ec_key_compare(want, have, NULL, 0, &n);
	diffs = calloc(n ? n : 1, sizeof(*diffs));
	if (!diffs) {
		cli_error("key: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	ec_key_compare(want, have, diffs, n, &n);
	for (i = 0; i < n; i++) {
		const ec_key_diff *d = &diffs[i];

		switch (d->kind) {
		case EC_KEY_DIFF_MISSING:
			fprintf(out, "%s: missing from %s (%s has '%s')\n", d->want->id, file, source,
			       d->want->answer);
			break;
		case EC_KEY_DIFF_EXTRA:
			fprintf(out, "%s: in %s ('%s') but not in %s\n", d->have->id, file,
			       d->have->answer, source);
			break;
		case EC_KEY_DIFF_ANSWER:
			fprintf(out, "%s: answer '%s' in %s, '%s' in %s\n", d->want->id,
			       d->have->answer, file, d->want->answer, source);
			break;
		case EC_KEY_DIFF_POINTS:
			fprintf(out, "%s: points %s in %s, %s in %s\n", d->want->id,
			       ec_points_format_exact(d->have->points, a), file,
			       ec_points_format_exact(d->want->points, b), source);
			break;
		case EC_KEY_DIFF_KIND:
			fprintf(out, "%s: kind %s in %s, %s in %s\n", d->want->id,
			       ec_key_kind_name(d->have->kind), file,
			       ec_key_kind_name(d->want->kind), source);
			break;
		}
	}
	free(diffs);
	if (n) {
		cli_error("key: %s: %zu difference%s from %s", file, n, n == 1 ? "" : "s", source);
		return EC_EXIT_DIFF;
	}
	fprintf(out, "%s: same as %s (%zu item%s)\n", file, source, want->count,
	       want->count == 1 ? "" : "s");
	return EC_EXIT_OK;
}

int cmd_key(int argc, char **argv)
{
	const char *format_name = NULL, *check_file = NULL, *key_file = NULL;
	const char *out_path = NULL;
	cli_output out;
	ec_format format = EC_FORMAT_TEXT;
	ec_key key = {0}, have = {0};
	ec_exam *exam = NULL;
	cli_args it;
	int c, rc;

	cli_args_init(&it, "key", argc, argv, key_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_FORMAT:
			format_name = it.value;
			break;
		case OPT_CHECK:
			check_file = it.value;
			break;
		case OPT_KEY:
			key_file = it.value;
			break;
		case OPT_OUTPUT:
			out_path = it.value;
			break;
		case CLI_OPERAND:
			cli_error("key: unexpected argument '%s' (see 'examcheck key --help')",
				  it.value);
			return EC_EXIT_USAGE;
		default:
			return cli_done(&it, c, key_help);
		}
	}
	if (format_name && cli_format(format_name, ec_format_mask(EC_DOCUMENT_KEY), &format) != 0)
		return EC_EXIT_USAGE;
	if (format_name && check_file) {
		cli_error("key: --format and --check do not go together");
		return EC_EXIT_USAGE;
	}
	{
		const char *const inputs[] = {key_file, check_file};
		long at = ec_file_find_same(out_path, inputs, 2);

		if (at >= 0) {
			cli_error("key: -o '%s' is the key file given to %s ('%s'): it would be "
				  "replaced; write to another file",
				  out_path, at == 0 ? "--key" : "--check", inputs[at]);
			return EC_EXIT_USAGE;
		}
	}
	rc = gio_load_key("key", key_file, NULL, &exam, &key);
	/* the file to check is read first: the stand-in warning never precedes "cannot open" */
	if (rc == EC_EXIT_OK && check_file)
		rc = gio_read_key("key", check_file, &have);
	if (rc == EC_EXIT_OK)
		rc = cli_output_open(&out, "key", out_path);
	if (rc == EC_EXIT_OK) {
		gio_warn_data(exam, &key);
		if (check_file)
			rc = check(out.f, &key, &have, check_file,
				   key_file ? key_file : "the computed key");
		else
			rc = print_key(out.f, &key, format);
		/* Differences found are a result: written like the key itself. */
		if (rc == EC_EXIT_OK || rc == EC_EXIT_DIFF) {
			int wrc = cli_output_commit(&out);

			if (wrc != EC_EXIT_OK)
				rc = wrc;
		} else {
			cli_output_abort(&out);
		}
	}
	ec_exam_free(exam);
	ec_key_free(&key);
	ec_key_free(&have);
	return rc;
}
