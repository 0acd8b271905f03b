/*
 * cmd_key.c: `examcheck key`: print the answer key computed by the worked
 * answers, or check a key file against it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_keyio.h"
#include "gradeio.h"

static const char key_help[] =
	"usage: examcheck key [--format text|tsv|csv|json] [--key FILE]\n"
	"       examcheck key --check FILE [--key FILE]\n"
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
	"                {\"id\", \"answer\", \"points\", \"kind\"}\n"
	"  --check FILE  compare the key file FILE (tsv) with the key; print each\n"
	"                difference, exit 1 when there is one\n"
	"  --key FILE    use this key file (tsv) instead of computing the key\n"
	"\n"
	"Kinds: tf, mc, number, count, dims, mask, manual.\n"
	"Exit status: 0 ok, 1 difference found (--check), 2 usage, 65 malformed\n"
	"key file, 66 a file cannot be opened, 74 read or write error.\n";

static void print_text(const ec_key *key)
{
	char pts[32];
	size_t i, wid = 2, wans = 6;

	for (i = 0; i < key->count; i++) {
		if (strlen(key->items[i].id) > wid)
			wid = strlen(key->items[i].id);
		if (key->items[i].kind != EC_KEY_MANUAL && strlen(key->items[i].answer) > wans)
			wans = strlen(key->items[i].answer);
	}
	printf("%-*s  %-*s  %-8s  %s\n", (int)wid, "id", (int)wans, "answer", "points", "kind");
	for (i = 0; i < key->count; i++) {
		const ec_key_item *it = &key->items[i];

		printf("%-*s  %-*s  %-8s  %s\n", (int)wid, it->id, (int)wans, it->answer,
		       ec_points_format(it->points, pts), ec_key_kind_name(it->kind));
	}
}

static void print_key(const ec_key *key, ec_format format)
{
	char pts[32];
	size_t i;

	switch (format) {
	case EC_FORMAT_TEXT:
		print_text(key);
		break;
	case EC_FORMAT_TSV:
		for (i = 0; i < key->count; i++)
			printf("%s\t%s\t%s\t%s\n", key->items[i].id, key->items[i].answer,
			       ec_points_format_exact(key->items[i].points, pts),
			       ec_key_kind_name(key->items[i].kind));
		break;
	case EC_FORMAT_CSV:
		puts("id,answer,points,kind");
		for (i = 0; i < key->count; i++) {
			gio_csv_field(stdout, key->items[i].id);
			putchar(',');
			gio_csv_field(stdout, key->items[i].answer);
			printf(",%s,%s\n", ec_points_format(key->items[i].points, pts),
			       ec_key_kind_name(key->items[i].kind));
		}
		break;
	default:
		putchar('[');
		for (i = 0; i < key->count; i++) {
			fputs(i ? ",\n {\"id\": " : "\n {\"id\": ", stdout);
			gio_json_string(stdout, key->items[i].id);
			fputs(", \"answer\": ", stdout);
			gio_json_string(stdout, key->items[i].answer);
			printf(", \"points\": %.17g, \"kind\": \"%s\"}", key->items[i].points,
			       ec_key_kind_name(key->items[i].kind));
		}
		puts(key->count ? "\n]" : "]");
		break;
	}
}

static int check(const ec_key *want, const char *file, const char *source)
{
	ec_key have = {0};
	ec_key_diff *diffs;
	size_t n, i;
	char a[32], b[32];
	int rc = gio_load_key("key", file, &have);

	if (rc != EC_EXIT_OK) {
		ec_key_free(&have);
		return rc;
	}
	ec_key_compare(want, &have, NULL, 0, &n);
	diffs = calloc(n ? n : 1, sizeof(*diffs));
	if (!diffs) {
		ec_key_free(&have);
		cli_error("key: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	ec_key_compare(want, &have, diffs, n, &n);
	for (i = 0; i < n; i++) {
		const ec_key_diff *d = &diffs[i];

		switch (d->kind) {
		case EC_KEY_DIFF_MISSING:
			printf("%s: missing from %s (%s has '%s')\n", d->want->id, file, source,
			       d->want->answer);
			break;
		case EC_KEY_DIFF_EXTRA:
			printf("%s: in %s ('%s') but not in %s\n", d->have->id, file,
			       d->have->answer, source);
			break;
		case EC_KEY_DIFF_ANSWER:
			printf("%s: answer '%s' in %s, '%s' in %s\n", d->want->id,
			       d->have->answer, file, d->want->answer, source);
			break;
		case EC_KEY_DIFF_POINTS:
			printf("%s: points %s in %s, %s in %s\n", d->want->id,
			       ec_points_format_exact(d->have->points, a), file,
			       ec_points_format_exact(d->want->points, b), source);
			break;
		case EC_KEY_DIFF_KIND:
			printf("%s: kind %s in %s, %s in %s\n", d->want->id,
			       ec_key_kind_name(d->have->kind), file,
			       ec_key_kind_name(d->want->kind), source);
			break;
		}
	}
	free(diffs);
	ec_key_free(&have);
	if (n) {
		cli_error("key: %s: %zu difference%s from %s", file, n, n == 1 ? "" : "s", source);
		return EC_EXIT_DIFF;
	}
	printf("%s: same as %s (%zu item%s)\n", file, source, want->count,
	       want->count == 1 ? "" : "s");
	return EC_EXIT_OK;
}

int cmd_key(int argc, char **argv)
{
	const char *format_name = NULL, *check_file = NULL, *key_file = NULL;
	ec_format format = EC_FORMAT_TEXT;
	ec_key key = {0};
	int i, rc;

	for (i = 1; i < argc; i++) {
		int r;

		if (cli_is_help(argv[i])) {
			fputs(key_help, stdout);
			return EC_EXIT_OK;
		}
		if ((r = cli_option(argc, argv, &i, "--format", &format_name)) ||
		    (r = cli_option(argc, argv, &i, "--check", &check_file)) ||
		    (r = cli_option(argc, argv, &i, "--key", &key_file))) {
			if (r < 0)
				return EC_EXIT_USAGE;
			continue;
		}
		cli_error("key: unexpected argument '%s' (see 'examcheck key --help')", argv[i]);
		return EC_EXIT_USAGE;
	}
	if (format_name &&
	    cli_format(format_name,
		       1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_TSV | 1u << EC_FORMAT_CSV |
			       1u << EC_FORMAT_JSON,
		       &format) != 0)
		return EC_EXIT_USAGE;
	if (format_name && check_file) {
		cli_error("key: --format and --check do not go together");
		return EC_EXIT_USAGE;
	}
	rc = gio_load_key("key", key_file, &key);
	if (rc == EC_EXIT_OK) {
		if (check_file)
			rc = check(&key, check_file, key_file ? key_file : "the computed key");
		else
			print_key(&key, format);
	}
	ec_key_free(&key);
	return rc;
}
