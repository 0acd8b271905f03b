/*
 * cmd_grade.c: `examcheck grade`: score one answer sheet, or stream a class
 * roster (CSV) into a CSV of points with optional class statistics.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "examcheck/ec_csv.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_stats.h"
#include "examcheck/ec_writer.h"
#include "feedback_dir.h"
#include "gradeio.h"
#include "output.h"
#include "reasons.h"
#include "roster_variants.h"

static const char grade_help[] =
	"usage: examcheck grade [options] SHEET\n"
	"       examcheck grade [options] --roster FILE [-o OUT] [--stats]\n"
	"                       [--stats-format text|csv|json] [--feedback DIR]\n"
	"\n"
	"Score an answer sheet (one '<id> <answer>' per line; blank lines and '#'\n"
	"comments allowed; a missing id is a blank answer), or every student of a\n"
	"roster: CSV whose header names the student id column first (any name),\n"
	"then items (1.1, Q1.1, q1.1) and any other columns (name, email, ...),\n"
	"with one row per student. FILE or SHEET '-' is standard input.\n"
	"\n"
	"Options:\n"
	"  --key FILE        the key in the format of 'examcheck key --format tsv'\n"
	"                    (default: the key computed by the worked answers)\n"
	"  --variant N       the key of variant N ('examcheck variant --seed N --key');\n"
	"                    every student sat that variant (not with a roster column\n"
	"                    'variant'); not with --feedback unless N is 0\n"
	"  --rubric FILE     scoring rules (default: the built-in data/rubric)\n"
	"  --accept ID=ANS   also give full credit for ANS on item ID (repeatable)\n"
	"  --format F        sheet: text (default; under an item not fully right a\n"
	"                    'why:' line, as 'examcheck check' says it), json,\n"
	"                    gradescope (results.json);\n"
	"                    roster: csv (default), json (an array, an object a\n"
	"                    student: line, student, data, total, sections,\n"
	"                    items {id: {points, verdict}}, flagged)\n"
	"  -o, --output FILE write the result to FILE ('-': standard output): a\n"
	"                    regular file appears whole or not at all\n"
	"  --stats           roster: also print item analysis over the items the\n"
	"                    roster has a column for (marks by hand included):\n"
	"                    students, mean, median, standard deviation, min, max,\n"
	"                    Cronbach's alpha, a histogram of totals and per item\n"
	"                    the facility (mean points / points), the item-rest\n"
	"                    discrimination (correlation of the item with the total\n"
	"                    minus the item; '-' when undefined), how many of the\n"
	"                    upper and lower 27% by total got it fully right\n"
	"                    (students tied at a cut all count) and, for mc and tf\n"
	"                    items, the answers given; to standard output with -o,\n"
	"                    else to standard error\n"
	"  --stats-format F  text (default), csv (a line per item) or json; implies\n"
	"                    --stats\n"
	"  --feedback DIR    roster: also write a report per student to DIR/ID.txt\n"
	"                    (DIR is created if missing): total, sections, and per\n"
	"                    item the answer as written, the key, the points, a flag\n"
	"                    mark, and unless right a 'why:' line (the reason\n"
	"                    'examcheck check' gives) and the command of its worked\n"
	"                    answer ('examcheck q2.8'). ID is the student id with bytes\n"
	"                    other than A-Z a-z 0-9 . _ - made '_', no leading '.',\n"
	"                    at most 100 bytes; a repeat (letters' case aside) gets\n"
	"                    -2, -3, ... A file of an earlier run is replaced whole;\n"
	"                    a link or anything not a regular file in its place\n"
	"                    stops the run (74)\n"
	"\n";

/* The help's second half (one string may hold at most 4095 bytes in C11). */
static const char grade_help_forms[] =
	"In a sheet an id may be written 1.1, Q1.1, q1.1, 1.1: or 1.1) (the answer\n"
	"may follow ':' or ')' directly). Sheets, key files and rubrics may start\n"
	"with a UTF-8 byte-order mark; lines end at LF, CRLF or a lone CR.\n"
	"\n"
	"Answers:\n"
	"  true/false  T, F, True, False in any case, with a trailing '.' or in\n"
	"              parentheses: True.  (T)  (f)\n"
	"  options     letters in any order and case, separated or not:\n"
	"              AC  a, c  A and C  A;C  (A)(C)  A C.  b,a (a letter that is\n"
	"              not an option of the item is an error)\n"
	"  shapes      16x8x64x64  16 \xC3\x97 8 \xC3\x97 64 \xC3\x97 64  (16, 8, 64, 64)\n"
	"              [16,8,64,64]  16*8*64*64, compared factor by factor\n"
	"  counts      6000  6,000  6 000 (groups of three)  1e3  1.5e3  12/4\n"
	"              5x5x5x3x16; none, N/A, NA or - read as 0\n"
	"  numbers     decimals (-0.25, 1.25e-3), fractions (-1/4, also with the\n"
	"              minus sign U+2212) and arithmetic: + - * / ** ( ), ln, log\n"
	"              (natural, the same as ln), exp, sqrt and implicit products\n"
	"              (48 ln 2, 2ln2, 3(1+1)); the value must be finite\n"
	"\n"
	"A number equal to the key within a relative 1e-9 is right however it is\n"
	"written. Otherwise a decimal is right when it has at least 3 significant\n"
	"figures and every one is correct (the key rounded to as many figures is\n"
	"what was written): for 33.2710..., 33.3, 33.27 and 33.271 are right;\n"
	"33.28, 33.2, 33 (2 figures) and 33.30 (a trailing zero is a figure) are\n"
	"not. A rubric rule with rel=R or abs=A scores its numbers within\n"
	"max(A, R*|key|) instead.\n"
	"\n"
	"Items graded by hand (3.3.4-3.3.6 in the built-in rubric): a roster cell\n"
	"or a sheet line holds the mark a person gave, 0 to the item's points\n"
	"(empty: not graded yet; on a sheet, prose is left to a person). With\n"
	"every mark given, totals are out of all the points.\n"
	"\n"
	"Every student is graded. An answer or mark that cannot be read scores 0\n"
	"and is flagged: one line 'FILE:LINE: column 'ID': why' on standard error\n"
	"and its id in the row's 'flagged' field; a row with more or fewer fields\n"
	"than the header is graded from what it has (flag 'fields'), an empty id\n"
	"too (flag 'student'). A quote never closed ends its row with its line\n"
	"(flag: the item, unreadable, or 'quote'); the lines after it are rows of\n"
	"their own. Only a record the CSV cannot split (a stray quote, a NUL) is\n"
	"lost, and reported. A student id given twice is graded twice with a\n"
	"warning naming both lines. On a sheet, an unknown id, an unreadable\n"
	"answer or an item answered twice is flagged (FILE:LINE) and the rest\n"
	"graded.\n"
	"\n"
	"Roster output (CSV): the id and data columns as in the input, total,\n"
	"section.1, section.2, ..., the points of each item the roster has a\n"
	"column for (key order; items it lacks count as blank), and flagged.\n"
	"\n"
	"A roster column named 'variant' (any case) picks each student's key: blank,\n"
	"0 or original the exam's own, N the key of variant N (at most 64 keys in a\n"
	"run, the exam's counted). The item columns are then those of any of these\n"
	"keys, in header order, empty where a student's key lacks the item; a cell\n"
	"naming no variant is flagged ('variant') and graded against the exam's\n"
	"key. --stats gives a block per variant (text: a line 'variant N' first;\n"
	"csv: a first column 'variant'; json: an array of {variant, stats}).\n"
	"Not with --key or --variant, nor with --feedback unless every row is the\n"
	"exam's; --accept applies to every key that has the item.\n"
	"\n"
	"Exit status: 0 ok (warnings allowed), 2 usage, 65 something flagged or\n"
	"lost, or a malformed key, rubric, sheet or roster header, 66 a file\n"
	"cannot be opened or is a directory, 74 read or write error.\n";

enum {
	OPT_KEY,
	OPT_RUBRIC,
	OPT_ROSTER,
	OPT_FORMAT,
	OPT_STATS,
	OPT_STATS_FORMAT,
	OPT_OUTPUT,
	OPT_FEEDBACK,
	OPT_VARIANT,
	OPT_ACCEPT
};

static const cli_opt grade_opts[] = {
	{"key", 0, "FILE", OPT_KEY},
	{"rubric", 0, "FILE", OPT_RUBRIC},
	{"roster", 0, "FILE", OPT_ROSTER},
	{"format", 0, "text|json|gradescope|csv", OPT_FORMAT},
	{"stats", 0, NULL, OPT_STATS},
	{"stats-format", 0, "text|csv|json", OPT_STATS_FORMAT},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{"feedback", 0, "DIR", OPT_FEEDBACK},
	{"variant", 0, "N", OPT_VARIANT},
	{"accept", 0, "ID=ANSWER", OPT_ACCEPT},
	{NULL, 0, NULL, 0},
};

typedef struct options {
	const char *key_file, *rubric_file, *roster, *out_path, *format_name, *sheet;
	const char *feedback;
	const char *variant;
	const char *stats_format_name;
	bool stats;
	ec_format stats_format;
	char **accepts;
	int naccepts;
} options;

/* The rubric (--rubric or the built-in one) with the --accept answers; free *text after r. */
static int load_rubric(const options *op, ec_rubric *r, char **text)
{
	ec_error err;
	int i, rc;

	ec_error_clear(&err);
	rc = gio_load_rubric("grade", op->rubric_file, r, text);
	for (i = 0; i < op->naccepts && rc == EC_EXIT_OK; i++) {
		if (ec_rubric_accept(r, op->accepts[i], "--accept", &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc = EC_EXIT_USAGE;
		}
	}
	return rc;
}

/* Join a key and the rubric into g. Returns an exit status (after a message). */
static int join(const options *op, const ec_key *key, const ec_rubric *r, ec_grader *g)
{
	ec_error err;

	ec_error_clear(&err);
	if (key->count == 0) {
		cli_error("grade: the answer key has no items%s",
			  op->key_file ? "" : " (no worked answer adds one yet; use --key FILE)");
		return EC_EXIT_DATAERR;
	}
	if (ec_grader_init(g, key, r, &err) != EC_OK) {
		cli_report(&err);
		return err.file && strcmp(err.file, "--accept") == 0 ? EC_EXIT_USAGE
								     : gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

static int setup(const options *op, ec_grader *g)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL;
	int rc;

	rc = op->variant ? gio_load_variant_key("grade", op->variant, &key)
			 : gio_load_key("grade", op->key_file, &key);
	if (rc == EC_EXIT_OK)
		gio_warn_stand_in(&key);
	if (rc == EC_EXIT_OK)
		rc = load_rubric(op, &r, &rubric_text);
	if (rc == EC_EXIT_OK)
		rc = join(op, &key, &r, g);
	ec_rubric_free(&r);
	free(rubric_text);
	ec_key_free(&key);
	return rc;
}

/* ---- one sheet ---- */

static int grade_sheet(const options *op, const ec_grader *g, ec_format format)
{
	ec_sheet_report report;
	cli_reasons reasons;
	char *text = NULL;
	size_t len, i;
	ec_error err;
	ec_status st;
	cli_output out;
	int rc;

	rc = gio_read_file("grade", op->sheet, &text, &len);
	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_grade_sheet_report(g, text, len, op->sheet, &report, &err) != EC_OK) {
		cli_report(&err);
		free(text);
		return gio_exit_for(err.status);
	}
	free(text);
	for (i = 0; i < report.nflags; i++)
		cli_report(&report.flags[i]);
	memset(&reasons, 0, sizeof(reasons));
	if (format == EC_FORMAT_TEXT && (rc = cli_reasons_init(&reasons, g)) == EC_EXIT_OK)
		rc = cli_reasons_sheet(&reasons, &report);
	if (rc != EC_EXIT_OK) {
		cli_reasons_free(&reasons);
		ec_sheet_report_free(&report);
		return rc;
	}
	rc = cli_output_open(&out, "grade", op->out_path);
	if (rc == EC_EXIT_OK) {
		st = ec_write_sheet(out.f, ec_writer_get(format), &report, &err);
		if (st == EC_OK) {
			rc = cli_output_commit(&out);
		} else {
			cli_error("grade: %s", err.msg);
			cli_output_abort(&out);
			rc = st == EC_ERR_INVALID ? EC_EXIT_USAGE : gio_exit_for(st);
		}
	}
	if (rc == EC_EXIT_OK && report.nflags) {
		cli_error("grade: %s: %zu line%s flagged (listed above); the rest is graded",
			  op->sheet, report.nflags, report.nflags == 1 ? "" : "s");
		rc = EC_EXIT_DATAERR;
	}
	cli_reasons_free(&reasons);
	ec_sheet_report_free(&report);
	return rc;
}

/* ---- a roster ---- */

static int print_stats(FILE *f, ec_format format, const ec_stats *st)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_write_stats(f, ec_writer_get(format), st, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

/* What the CLI does with each graded student: statistics and progress. */
typedef struct roster_cli {
	const ec_grader *const *graders; /* one, or a variant's each (variants->seeds) */
	size_t ngraders;
	const rv_set *variants;  /* with a variant column */
	ec_stats stats[EC_ROSTER_GRADERS_MAX]; /* a grader's each, over the items the roster has a
					      column for */
	bool want_stats, progress;
	uint64_t graded;
	fbdir feedback;      /* --feedback DIR: open when given */
	const ec_writer *writer; /* a format ec_roster_grade() does not write itself */
	ec_write_ctx wctx;
	FILE *out;
	ec_roster_header header[EC_ROSTER_GRADERS_MAX]; /* copies, a grader's each, for the writer */
	int status;          /* set when a callback stopped the run and said why */
} roster_cli;

static bool on_header(void *ctx, const ec_roster_header *h)
{
	roster_cli *rc = ctx;
	const ec_grader *g = rc->graders[h->grader];
	ec_error err;

	ec_error_clear(&err);
	if (rc->want_stats &&
	    ec_stats_init_roster(&rc->stats[h->grader], g, h->items, h->nitems, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc->want_stats = false;
		return false;
	}
	if (rc->writer) {
		if (ec_roster_header_copy(&rc->header[h->grader], h) != EC_OK) {
			cli_error("grade: out of memory");
			rc->status = EC_EXIT_SOFTWARE;
			return false;
		}
		if (h->grader == 0 && ec_write_roster_begin(&rc->wctx, rc->out, rc->writer, g,
							    &rc->header[0], &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc->status = EC_EXIT_SOFTWARE;
			return false;
		}
	}
	/* with a variant column, --feedback is only taken when every row is the exam's own */
	return !rc->feedback.open || h->grader > 0 || fbdir_header(&rc->feedback, g, h);
}

static bool on_row(void *ctx, const ec_roster_row *row)
{
	roster_cli *rc = ctx;

	if (rc->want_stats)
		ec_stats_add(&rc->stats[row->grader], row->results, row->total);
	if (rc->progress && (++rc->graded & 0xFFFF) == 0)
		fprintf(stderr, "\rexamcheck: grade: %llu students", (unsigned long long)rc->graded);
	if (rc->writer) {
		ec_error err;

		if (ec_write_roster_row(&rc->wctx, rc->writer, rc->graders[row->grader],
					&rc->header[row->grader], row, &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc->status = EC_EXIT_SOFTWARE;
			return false;
		}
	}
	return !rc->feedback.open || fbdir_student(&rc->feedback, row);
}

static void on_report(void *ctx, const ec_error *err)
{
	char buf[512];

	(void)ctx;
	if (err->status == EC_OK)
		cli_error("warning: %s", ec_error_format(err, buf, sizeof(buf)));
	else
		cli_report(err);
}

/* A row's grader: its variant's (ec_roster_pick_fn; only reads rc->variants). */
static long on_pick(void *ctx, const char *cell, size_t len, ec_error *why)
{
	const roster_cli *rc = ctx;

	return rv_pick(rc->variants, cell, len, why);
}

static void roster_cli_init(roster_cli *rc, const ec_grader *const *graders, size_t n, bool stats)
{
	memset(rc, 0, sizeof(*rc));
	rc->graders = graders;
	rc->ngraders = n;
	rc->want_stats = stats;
}

static void roster_cli_free(roster_cli *rc)
{
	size_t k;

	for (k = 0; k < rc->ngraders; k++) {
		ec_stats_free(&rc->stats[k]);
		ec_roster_header_free(&rc->header[k]);
	}
	ec_write_ctx_free(&rc->wctx);
	fbdir_close(&rc->feedback);
}

/*
 * --stats with a variant column: a block per variant that graded a student
 * (the exam's own when none did), headed by its seed: text a line
 * "variant N" before each block, csv a first column 'variant', json an
 * array of {"variant": N, "stats": {...}}.
 */
static int print_variant_stats(FILE *f, ec_format format, const roster_cli *rc)
{
	size_t k, shown = 0;
	uint64_t students = 0;
	int status = EC_EXIT_OK;

	for (k = 0; k < rc->ngraders; k++)
		students += rc->stats[k].n;
	for (k = 0; k < rc->ngraders && status == EC_EXIT_OK; k++) {
		unsigned long long seed = (unsigned long long)rc->variants->seeds[k];
		char *text = NULL, *line;
		size_t len = 0;
		FILE *m;

		if (rc->stats[k].n == 0 && (k > 0 || students))
			continue;
		m = open_memstream(&text, &len);
		if (!m) {
			cli_error("grade: out of memory");
			return EC_EXIT_SOFTWARE;
		}
		status = print_stats(m, format, &rc->stats[k]);
		if (fclose(m) != 0 && status == EC_EXIT_OK) {
			cli_error("grade: out of memory");
			status = EC_EXIT_SOFTWARE;
		}
		if (status == EC_EXIT_OK && format == EC_FORMAT_CSV) {
			/* the header once, then every line after its variant */
			for (line = text; *line; line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0)) {
				if (line == text && shown)
					continue;
				if (line == text)
					fputs("variant,", f);
				else
					fprintf(f, "%llu,", seed);
				fwrite(line, 1, strcspn(line, "\n"), f);
				putc('\n', f);
			}
		} else if (status == EC_EXIT_OK && format == EC_FORMAT_JSON) {
			while (len > 0 && text[len - 1] == '\n')
				len--;
			fprintf(f, "%s{\"variant\": %llu, \"stats\": %.*s}", shown ? ",\n" : "[", seed,
				(int)len, text);
		} else if (status == EC_EXIT_OK) {
			fprintf(f, "%svariant %llu\n%s", shown ? "\n" : "", seed, text);
		}
		shown++;
		free(text);
	}
	if (status == EC_EXIT_OK && format == EC_FORMAT_JSON)
		fputs("]\n", f);
	return status;
}

/*
 * EXAMCHECK_SINGLE_THREAD (any non-empty value) makes grade read and score
 * in one thread, the path taken anyway when no thread can be started.
 */
static unsigned threads_wanted(void)
{
	const char *v = getenv("EXAMCHECK_SINGLE_THREAD");

	return v && *v ? 1 : 0;
}

/* With a variant column: its variants, their graders and the input to grade. */
typedef struct variant_run {
	rv_set set;
	ec_grader graders[EC_ROSTER_GRADERS_MAX]; /* [1, built]: the variants' (0 is setup()'s) */
	const ec_grader *list[EC_ROSTER_GRADERS_MAX];
	size_t built;
	FILE *spool;         /* the input copied, when it cannot be read twice */
} variant_run;

static void variant_run_free(variant_run *v)
{
	size_t k;

	for (k = 1; k <= v->built; k++)
		ec_grader_free(&v->graders[k]);
	if (v->spool)
		fclose(v->spool);
}

/*
 * The graders of the variants of v->set: each variant's key under the same
 * rubric and --accept answers as the exam's (g, grader 0); an --accept
 * naming an item a variant lacks is left out of that variant's key.
 */
static int variant_graders(const options *op, const ec_grader *g, variant_run *v)
{
	ec_rubric r = {0};
	char *rubric_text = NULL;
	size_t k, i;
	int rc;

	v->list[0] = g;
	rc = load_rubric(op, &r, &rubric_text);
	for (i = 0; rc == EC_EXIT_OK && i < r.nalts; i++)
		if (r.alts[i].file && strcmp(r.alts[i].file, "--accept") == 0)
			r.alts[i].optional = true;
	for (k = 1; k < v->set.n && rc == EC_EXIT_OK; k++) {
		ec_key key = {0};
		char seed[24];

		snprintf(seed, sizeof(seed), "%llu", (unsigned long long)v->set.seeds[k]);
		rc = gio_load_variant_key("grade", seed, &key);
		if (rc == EC_EXIT_OK)
			gio_warn_stand_in(&key);
		if (rc == EC_EXIT_OK)
			rc = join(op, &key, &r, &v->graders[k]);
		if (rc == EC_EXIT_OK)
			v->list[v->built = k] = &v->graders[k];
		else
			cli_error("grade: %s: the key of variant %s (column '" RV_COLUMN
				  "') could not be made", op->roster, seed);
		ec_key_free(&key);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	return rc;
}

/* Copy head and the rest of *in to a temporary file, and read that instead. */
static int spool_input(const options *op, FILE **in, const char *head, size_t head_len,
		       variant_run *v)
{
	char buf[65536];
	size_t n;

	v->spool = tmpfile();
	if (!v->spool) {
		cli_error("grade: %s: cannot make a temporary copy to read it twice: %s", op->roster,
			  strerror(errno));
		return EC_EXIT_IOERR;
	}
	fwrite(head, 1, head_len, v->spool);
	while ((n = fread(buf, 1, sizeof(buf), *in)) > 0)
		fwrite(buf, 1, n, v->spool);
	if (ferror(*in)) {
		cli_error("grade: %s: read error", op->roster);
		return EC_EXIT_IOERR;
	}
	if (fflush(v->spool) != 0 || ferror(v->spool) || fseek(v->spool, 0, SEEK_SET) != 0) {
		cli_error("grade: %s: cannot write its temporary copy: %s", op->roster, strerror(errno));
		return EC_EXIT_IOERR;
	}
	*in = v->spool;
	return EC_EXIT_OK;
}

/*
 * The roster has a variant column (`at`): read it once for the variants it
 * names, from where it started (`start`; a copy when it cannot be read
 * again), leave *in there for grading and make their graders.
 */
static int read_variants(const options *op, const ec_grader *g, FILE **in, long start,
			 const char *head, size_t head_len, size_t at, variant_run *v)
{
	ec_error err;
	int rc = EC_EXIT_OK;

	rv_init(&v->set);
	if (op->variant || op->key_file) {
		cli_error("grade: %s has a column '" RV_COLUMN "' naming each row's variant; %s "
			  "would grade every row against one key (drop %s, or the column)",
			  op->roster, op->variant ? "--variant" : "--key",
			  op->variant ? "--variant" : "--key");
		return EC_EXIT_USAGE;
	}
	if (start < 0 || fseek(*in, start, SEEK_SET) != 0) {
		start = 0;
		rc = spool_input(op, in, head, head_len, v);
	}
	ec_error_clear(&err);
	if (rc == EC_EXIT_OK &&
	    ec_roster_scan_column(*in, op->roster, at, rv_note, &v->set, &err) != EC_OK) {
		if (v->set.too_many) {
			cli_error("grade: %s:%ld: variant %llu is one too many: a run grades at most %d "
				  "versions of the exam, the exam's own counted (split the roster)",
				  op->roster, v->set.too_many, (unsigned long long)v->set.extra,
				  EC_ROSTER_GRADERS_MAX);
			return EC_EXIT_DATAERR;
		}
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	if (rc == EC_EXIT_OK && fseek(*in, start, SEEK_SET) != 0) {
		cli_error("grade: %s: cannot read it again: %s", op->roster, strerror(errno));
		return EC_EXIT_IOERR;
	}
	if (rc == EC_EXIT_OK && op->feedback && v->set.n > 1) {
		cli_error("grade: --feedback points to the exam's own worked answers, and %s names "
			  "variant %llu in its column '" RV_COLUMN "' ('examcheck variant --seed %llu "
			  "QUESTION' has that variant's)",
			  op->roster, (unsigned long long)v->set.seeds[1],
			  (unsigned long long)v->set.seeds[1]);
		return EC_EXIT_USAGE;
	}
	if (rc == EC_EXIT_OK)
		rc = variant_graders(op, g, v);
	return rc;
}

static int grade_roster(const options *op, const ec_grader *g, ec_format format)
{
	FILE *in = strcmp(op->roster, "-") == 0 ? stdin : fopen(op->roster, "rb"), *opened = in;
	ec_roster_options ro;
	ec_roster_summary sum;
	roster_cli rc;
	ec_error err;
	cli_output out;
	struct stat sb;
	variant_run *v = NULL;
	char *head = NULL;
	size_t head_len = 0;
	long at = -1, start;
	int status;

	if (!in) {
		cli_error("grade: %s: cannot open: %s", op->roster, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		cli_error("grade: %s: is a directory", op->roster);
		if (in != stdin)
			fclose(in);
		return EC_EXIT_NOINPUT;
	}
	/* a column 'variant' picks each row's key: look for it, keeping what was read */
	start = ftell(in);
	ec_error_clear(&err);
	status = EC_EXIT_OK;
	if (ec_roster_peek_column(in, op->roster, RV_COLUMN, &head, &head_len, &at, &err) != EC_OK) {
		cli_report(&err);
		status = gio_exit_for(err.status);
	}
	if (status == EC_EXIT_OK && at >= 0) {
		v = calloc(1, sizeof(*v));
		status = v ? read_variants(op, g, &in, start, head, head_len, (size_t)at, v)
			   : EC_EXIT_SOFTWARE;
		free(head); /* the input is read again from its start */
		head = NULL;
		head_len = 0;
	}
	if (v)
		roster_cli_init(&rc, v->list, v->set.n, op->stats);
	else
		roster_cli_init(&rc, &g, 1, op->stats);
	if (status == EC_EXIT_OK && op->feedback)
		status = fbdir_open(&rc.feedback, op->feedback);
	if (status == EC_EXIT_OK)
		status = cli_output_open(&out, "grade", op->out_path);
	if (status != EC_EXIT_OK) {
		roster_cli_free(&rc);
		free(head);
		if (v)
			variant_run_free(v);
		free(v);
		if (opened != stdin)
			fclose(opened);
		return status;
	}
	rc.progress = isatty(fileno(stderr));
	memset(&ro, 0, sizeof(ro));
	/* CSV is the engine's own; another format goes through its writer, a row at a time */
	rc.writer = format == EC_FORMAT_CSV ? NULL : ec_writer_get(format);
	rc.out = out.f;
	ro.out = rc.writer ? NULL : out.f;
	ro.on_header = on_header;
	ro.on_row = rc.want_stats || rc.progress || rc.feedback.open || rc.writer ? on_row : NULL;
	ro.rows_without_fields = !rc.feedback.open && !rc.writer; /* statistics and progress only */
	ro.on_report = on_report;
	ro.ctx = &rc;
	/* with --feedback the files' system calls are the work: a second thread has little to
	   do and makes each of them a little dearer (bench/README.md) */
	ro.threads = rc.feedback.open ? 1 : threads_wanted();
	ro.head = head;
	ro.head_len = head_len;
	if (v) {
		rc.variants = &v->set;
		ro.graders = v->list;
		ro.ngraders = v->set.n;
		ro.key_column = RV_COLUMN;
		ro.pick = on_pick;
	}
	ec_error_clear(&err);
	if (ec_roster_grade(g, in, op->roster, &ro, &sum, &err) == EC_OK && rc.writer &&
	    ec_write_roster_end(&rc.wctx, rc.writer, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc.status = EC_EXIT_SOFTWARE;
		err.status = EC_ERR_INVALID;
	}
	if (err.status != EC_OK) {
		status = gio_exit_for(err.status);
		if (rc.feedback.status) /* --feedback stopped the run and said why */
			status = rc.feedback.status;
		else if (rc.status) /* so did a writer */
			status = rc.status;
		else if (err.status == EC_ERR_IO && !err.file)
			cli_error("grade: %s: %s", out.path ? out.path : "standard output",
				  err.msg);
		else
			cli_report(&err);
		cli_output_abort(&out);
	} else {
		status = cli_output_commit(&out);
	}
	if (rc.progress && sum.graded >= 0x10000)
		fputc('\n', stderr);
	if (status == EC_EXIT_OK && op->stats)
		status = v ? print_variant_stats(out.path ? stdout : stderr, op->stats_format, &rc)
			   : print_stats(out.path ? stdout : stderr, op->stats_format, &rc.stats[0]);
	if (status == EC_EXIT_OK && (sum.flagged_rows || sum.lost)) {
		char lost[96] = "";

		if (sum.lost)
			snprintf(lost, sizeof(lost), "; %llu row%s could not be read, no student graded "
				 "from %s", (unsigned long long)sum.lost, sum.lost == 1 ? "" : "s",
				 sum.lost == 1 ? "it" : "them");
		cli_error("grade: %s: %llu student%s graded, %llu with something flagged%s (listed "
			  "above)",
			  op->roster, (unsigned long long)sum.graded, sum.graded == 1 ? "" : "s",
			  (unsigned long long)sum.flagged_rows, lost);
		status = EC_EXIT_DATAERR;
	}
	roster_cli_free(&rc);
	free(head);
	if (v)
		variant_run_free(v);
	free(v);
	if (opened != stdin)
		fclose(opened);
	return status;
}

int cmd_grade(int argc, char **argv)
{
	options op;
	ec_grader g;
	ec_format format = EC_FORMAT_TEXT;
	cli_args it;
	int c, rc;

	memset(&op, 0, sizeof(op));
	op.accepts = calloc((size_t)argc, sizeof(*op.accepts));
	if (!op.accepts) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	cli_args_init(&it, "grade", argc, argv, grade_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_KEY:
			op.key_file = it.value;
			break;
		case OPT_RUBRIC:
			op.rubric_file = it.value;
			break;
		case OPT_ROSTER:
			op.roster = it.value;
			break;
		case OPT_FORMAT:
			op.format_name = it.value;
			break;
		case OPT_STATS:
			op.stats = true;
			break;
		case OPT_STATS_FORMAT:
			op.stats_format_name = it.value;
			break;
		case OPT_OUTPUT:
			op.out_path = it.value;
			break;
		case OPT_FEEDBACK:
			op.feedback = it.value;
			break;
		case OPT_VARIANT:
			op.variant = it.value;
			break;
		case OPT_ACCEPT:
			op.accepts[op.naccepts++] = (char *)it.value;
			break;
		case CLI_OPERAND:
			if (op.sheet) {
				cli_error("grade: more than one sheet ('%s', '%s'); "
					  "use --roster for a class",
					  op.sheet, it.value);
				goto usage;
			}
			op.sheet = it.value;
			break;
		default:
			if (c == CLI_HELP)
				fputs(grade_help, stdout);
			free(op.accepts);
			return cli_done(&it, c, grade_help_forms);
		}
	}
	if (!op.sheet == !op.roster) {
		cli_error("grade: give one SHEET or --roster FILE (see 'examcheck grade --help')");
		goto usage;
	}
	if (op.roster)
		format = EC_FORMAT_CSV;
	if (op.format_name &&
	    cli_format(op.format_name,
		       ec_format_mask(op.roster ? EC_DOCUMENT_ROSTER : EC_DOCUMENT_SHEET),
		       &format) != 0)
		goto usage;
	op.stats_format = EC_FORMAT_TEXT;
	if (op.stats_format_name) {
		op.stats = true;
		if (cli_format(op.stats_format_name, ec_format_mask(EC_DOCUMENT_STATS),
			       &op.stats_format) != 0)
			goto usage;
	}
	if (op.stats && !op.roster) {
		cli_error("grade: --stats needs --roster");
		goto usage;
	}
	if (op.feedback && !op.roster) {
		cli_error("grade: --feedback needs --roster");
		goto usage;
	}
	if (op.variant && op.key_file) {
		cli_error("grade: --variant and --key do not go together");
		goto usage;
	}
	if (op.variant && op.feedback && !gio_is_original(op.variant)) {
		cli_error("grade: --feedback points to the worked answers of the exam itself, not "
			  "of variant %s ('examcheck variant --seed %s QUESTION' has them)",
			  op.variant, op.variant);
		goto usage;
	}
	rc = setup(&op, &g);
	if (rc == EC_EXIT_OK) {
		rc = op.roster ? grade_roster(&op, &g, format) : grade_sheet(&op, &g, format);
		ec_grader_free(&g);
	}
	free(op.accepts);
	return rc;
usage:
	free(op.accepts);
	return EC_EXIT_USAGE;
}
