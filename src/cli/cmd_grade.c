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
#include "gradeio.h"

static const char grade_help[] =
	"usage: examcheck grade [options] SHEET\n"
	"       examcheck grade [options] --roster FILE [-o OUT] [--stats]\n"
	"\n"
	"Score an answer sheet (one '<id> <answer>' per line; blank lines and '#'\n"
	"comments allowed; a missing id is a blank answer), or every student of a\n"
	"roster: CSV with a header 'student,<id>,<id>,...' and one row per student.\n"
	"FILE or SHEET '-' is standard input.\n"
	"\n"
	"Options:\n"
	"  --key FILE        the key in the format of 'examcheck key --format tsv'\n"
	"                    (default: the key computed by the worked answers)\n"
	"  --rubric FILE     scoring rules (default: the built-in data/rubric)\n"
	"  --accept ID=ANS   also give full credit for ANS on item ID (repeatable)\n"
	"  --format F        sheet: text (default), json, gradescope (results.json);\n"
	"                    roster: csv (the only one)\n"
	"  -o FILE           write the result to FILE: it appears whole or not at all\n"
	"  --stats           roster: also print mean, median, standard deviation, a\n"
	"                    histogram of totals and per item the facility, the\n"
	"                    point-biserial discrimination and the options chosen;\n"
	"                    to standard output with -o, else to standard error\n"
	"\n"
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
	"Roster output (CSV): student,total,section.1,section.2,...,<item>,... with\n"
	"the points of each auto-graded item the roster has a column for, in key\n"
	"order (items it lacks count as blank in the totals). A bad row is reported\n"
	"as FILE:LINE: message and left out; the other students are still graded.\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 65 malformed sheet, roster, key or rubric\n"
	"(including any bad roster row), 66 a file cannot be opened, 74 read or\n"
	"write error.\n";

typedef struct options {
	const char *key_file, *rubric_file, *roster, *out_path, *format_name, *sheet;
	bool stats;
	char **accepts;
	int naccepts;
} options;

/* Output that appears whole or not at all: a temporary file renamed at the end. */
typedef struct output {
	FILE *f;
	const char *path;
	char *tmp;
} output;

static int out_open(output *o, const char *path)
{
	size_t n;
	mode_t mask;
	int fd;

	o->path = path;
	o->tmp = NULL;
	o->f = stdout;
	if (!path)
		return EC_EXIT_OK;
	n = strlen(path);
	o->tmp = malloc(n + 8);
	if (!o->tmp) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".XXXXXX", 8);
	fd = mkstemp(o->tmp);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		cli_error("grade: cannot create '%s': %s", o->tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return EC_EXIT_IOERR;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return EC_EXIT_OK;
}

static void out_abort(output *o)
{
	if (!o->tmp)
		return;
	fclose(o->f);
	unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

static int out_commit(output *o)
{
	int failed;

	if (!o->tmp)
		return EC_EXIT_OK;
	failed = fflush(o->f) != 0 || ferror(o->f);
	if (fclose(o->f) != 0)
		failed = 1;
	if (failed || rename(o->tmp, o->path) != 0) {
		cli_error("grade: write error on '%s': %s", o->path, strerror(errno));
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return EC_EXIT_IOERR;
	}
	free(o->tmp);
	o->tmp = NULL;
	return EC_EXIT_OK;
}

static int setup(const options *op, ec_grader *g)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL;
	ec_error err;
	int i, rc;

	ec_error_clear(&err);
	rc = gio_load_key("grade", op->key_file, &key);
	if (rc == EC_EXIT_OK)
		gio_warn_stand_in(&key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("grade", op->rubric_file, &r, &rubric_text);
	for (i = 0; i < op->naccepts && rc == EC_EXIT_OK; i++) {
		if (ec_rubric_accept(&r, op->accepts[i], "--accept", &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc = EC_EXIT_USAGE;
		}
	}
	if (rc == EC_EXIT_OK && key.count == 0) {
		cli_error("grade: the answer key has no items%s",
			  op->key_file ? "" : " (no worked answer adds one yet; use --key FILE)");
		rc = EC_EXIT_DATAERR;
	}
	if (rc == EC_EXIT_OK && ec_grader_init(g, &key, &r, &err) != EC_OK) {
		cli_report(&err);
		rc = err.file && strcmp(err.file, "--accept") == 0 ? EC_EXIT_USAGE
								      : gio_exit_for(err.status);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	ec_key_free(&key);
	return rc;
}

/* ---- one sheet ---- */

static int grade_sheet(const options *op, const ec_grader *g, ec_format format)
{
	ec_sheet_report report;
	char *text = NULL;
	size_t len, i;
	ec_error err;
	ec_status st;
	output out;
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
	rc = out_open(&out, op->out_path);
	if (rc == EC_EXIT_OK) {
		st = ec_write_sheet(out.f, ec_writer_get(format), &report, &err);
		if (st == EC_OK) {
			rc = out_commit(&out);
		} else {
			cli_error("grade: %s", err.msg);
			out_abort(&out);
			rc = st == EC_ERR_INVALID ? EC_EXIT_USAGE : gio_exit_for(st);
		}
	}
	if (rc == EC_EXIT_OK && report.nflags) {
		cli_error("grade: %s: %zu line%s flagged (listed above); the rest is graded",
			  op->sheet, report.nflags, report.nflags == 1 ? "" : "s");
		rc = EC_EXIT_DATAERR;
	}
	ec_sheet_report_free(&report);
	return rc;
}

/* ---- a roster ---- */

static void print_stats(FILE *f, const ec_grader *g, const ec_stats *st)
{
	ec_stats_summary sum;
	ec_error err;
	char a[32], b[32];
	uint64_t most = 1;
	size_t i, k;

	ec_error_clear(&err);
	if (ec_stats_summarise(st, &sum, &err) != EC_OK) {
		fprintf(f, "students\t0\n");
		return;
	}
	fprintf(f, "students\t%llu\n", (unsigned long long)sum.n);
	fprintf(f, "mean\t%.4f\n", sum.mean);
	fprintf(f, "median\t%.4f%s\n", sum.median, sum.median_exact ? "" : "\t(estimated)");
	fprintf(f, "sd\t%.4f\n", sum.sd);
	fprintf(f, "min\t%s\n", ec_points_format(sum.min, a));
	fprintf(f, "max\t%s\n", ec_points_format(sum.max, a));
	fprintf(f, "\nhistogram of totals (bin width %s)\n", ec_points_format(st->bin_width, a));
	for (i = 0; i < st->nbins; i++)
		if (st->bins[i] > most)
			most = st->bins[i];
	for (i = 0; i < st->nbins; i++) {
		double lo = st->lo + (double)i * st->bin_width;
		size_t bar = (size_t)((double)st->bins[i] * 50 / (double)most + 0.5);

		fprintf(f, "[%s, %s%s\t%llu\t", ec_points_format(lo, a),
			ec_points_format(lo + st->bin_width, b), i + 1 == st->nbins ? "]" : ")",
			(unsigned long long)st->bins[i]);
		for (k = 0; k < bar; k++)
			putc('#', f);
		putc('\n', f);
	}
	fputs("\nitem\tfacility\tdiscrimination\toptions chosen\n", f);
	for (i = 0, k = 0; i < g->count; i++) {
		const ec_stats_item *si;
		double fac, dis;
		size_t c;

		if (g->items[i].rule.scheme == EC_SCHEME_MANUAL)
			continue;
		si = &st->items[k];
		fac = ec_stats_facility(st, k);
		dis = ec_stats_discrimination(st, k);
		k++;
		fprintf(f, "%s\t", g->items[i].key.id);
		if (isnan(fac))
			fputs("-\t", f);
		else
			fprintf(f, "%.4f\t", fac);
		if (isnan(dis))
			fputs("-", f);
		else
			fprintf(f, "%.4f", dis);
		if (si->mc) {
			uint32_t shown = g->items[i].rule.options;

			putc('\t', f);
			for (c = 0; c < 26; c++)
				if ((shown & (UINT32_C(1) << c)) || si->chosen[c])
					fprintf(f, "%c=%llu ", (char)('A' + c),
						(unsigned long long)si->chosen[c]);
			fprintf(f, "blank=%llu", (unsigned long long)si->blank);
		}
		putc('\n', f);
	}
}


/* What the CLI does with each graded student: statistics and progress. */
typedef struct roster_cli {
	const ec_grader *g;
	ec_stats stats;
	bool want_stats, progress;
	size_t *scored;      /* the auto-graded items, in key order */
	size_t nscored;
	double *scores;
	uint32_t *choices;
	uint64_t graded;
} roster_cli;

static bool on_row(void *ctx, const ec_roster_row *row)
{
	roster_cli *rc = ctx;
	size_t k;

	if (rc->want_stats) {
		for (k = 0; k < rc->nscored; k++) {
			rc->scores[k] = row->results[rc->scored[k]].points;
			rc->choices[k] = row->results[rc->scored[k]].letters;
		}
		ec_stats_add(&rc->stats, rc->scores, rc->choices, row->total);
	}
	if (rc->progress && (++rc->graded & 0xFFFF) == 0)
		fprintf(stderr, "\rexamcheck: grade: %llu students", (unsigned long long)rc->graded);
	return true;
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

static int roster_cli_init(roster_cli *rc, const ec_grader *g, bool stats)
{
	size_t i, k = 0;
	double *pts;
	bool *mc;
	ec_error err;
	int rc_ok;

	memset(rc, 0, sizeof(*rc));
	rc->g = g;
	rc->want_stats = stats;
	rc->scored = calloc(g->count ? g->count : 1, sizeof(*rc->scored));
	rc->scores = calloc(g->count ? g->count : 1, sizeof(*rc->scores));
	rc->choices = calloc(g->count ? g->count : 1, sizeof(*rc->choices));
	pts = calloc(g->count ? g->count : 1, sizeof(*pts));
	mc = calloc(g->count ? g->count : 1, sizeof(*mc));
	rc_ok = rc->scored && rc->scores && rc->choices && pts && mc;
	if (rc_ok) {
		for (i = 0; i < g->count; i++) {
			if (g->items[i].rule.scheme == EC_SCHEME_MANUAL)
				continue;
			pts[k] = g->items[i].key.points;
			mc[k] = g->items[i].rule.scheme == EC_SCHEME_MC;
			rc->scored[k++] = i;
		}
		rc->nscored = k;
		ec_error_clear(&err);
		if (stats && ec_stats_init(&rc->stats, k, pts, mc, g->min_auto,
					   g->max_auto > g->min_auto ? g->max_auto : g->min_auto + 1,
					   &err) != EC_OK) {
			rc->want_stats = false;
			rc_ok = 0;
		}
	}
	free(pts);
	free(mc);
	if (!rc_ok) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	return EC_EXIT_OK;
}

static void roster_cli_free(roster_cli *rc)
{
	free(rc->scored);
	free(rc->scores);
	free(rc->choices);
	if (rc->want_stats)
		ec_stats_free(&rc->stats);
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

static int grade_roster(const options *op, const ec_grader *g)
{
	FILE *in = strcmp(op->roster, "-") == 0 ? stdin : fopen(op->roster, "rb");
	ec_roster_options ro;
	ec_roster_summary sum;
	roster_cli rc;
	ec_error err;
	output out;
	int status;

	if (!in) {
		cli_error("grade: %s: cannot open: %s", op->roster, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	status = roster_cli_init(&rc, g, op->stats);
	if (status == EC_EXIT_OK)
		status = out_open(&out, op->out_path);
	if (status != EC_EXIT_OK) {
		roster_cli_free(&rc);
		if (in != stdin)
			fclose(in);
		return status;
	}
	rc.progress = isatty(fileno(stderr));
	memset(&ro, 0, sizeof(ro));
	ro.out = out.f;
	ro.on_row = rc.want_stats || rc.progress ? on_row : NULL;
	ro.on_report = on_report;
	ro.ctx = &rc;
	ro.threads = threads_wanted();
	ec_error_clear(&err);
	if (ec_roster_grade(g, in, op->roster, &ro, &sum, &err) != EC_OK) {
		if (err.status == EC_ERR_IO && !err.file)
			cli_error("grade: %s: %s", op->out_path ? op->out_path : "standard output",
				  err.msg);
		else
			cli_report(&err);
		status = gio_exit_for(err.status);
		out_abort(&out);
	} else {
		status = out_commit(&out);
	}
	if (rc.progress && sum.graded >= 0x10000)
		fputc('\n', stderr);
	if (status == EC_EXIT_OK && op->stats)
		print_stats(op->out_path ? stdout : stderr, g, &rc.stats);
	if (status == EC_EXIT_OK && (sum.flagged_rows || sum.lost)) {
		cli_error("grade: %s: %llu student%s graded, %llu with something flagged, %llu "
			  "record%s unreadable (listed above)",
			  op->roster, (unsigned long long)sum.graded, sum.graded == 1 ? "" : "s",
			  (unsigned long long)sum.flagged_rows, (unsigned long long)sum.lost,
			  sum.lost == 1 ? "" : "s");
		status = EC_EXIT_DATAERR;
	}
	roster_cli_free(&rc);
	if (in != stdin)
		fclose(in);
	return status;
}

int cmd_grade(int argc, char **argv)
{
	options op;
	ec_grader g;
	ec_format format = EC_FORMAT_TEXT;
	const char *accept;
	int i, rc;

	memset(&op, 0, sizeof(op));
	op.accepts = calloc((size_t)argc, sizeof(*op.accepts));
	if (!op.accepts) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	for (i = 1; i < argc; i++) {
		int r;

		if (cli_is_help(argv[i])) {
			fputs(grade_help, stdout);
			free(op.accepts);
			return EC_EXIT_OK;
		}
		if (strcmp(argv[i], "--stats") == 0) {
			op.stats = true;
			continue;
		}
		if ((r = cli_option(argc, argv, &i, "--key", &op.key_file)) ||
		    (r = cli_option(argc, argv, &i, "--rubric", &op.rubric_file)) ||
		    (r = cli_option(argc, argv, &i, "--roster", &op.roster)) ||
		    (r = cli_option(argc, argv, &i, "--format", &op.format_name)) ||
		    (r = cli_option(argc, argv, &i, "-o", &op.out_path))) {
			if (r < 0)
				goto usage;
			continue;
		}
		if ((r = cli_option(argc, argv, &i, "--accept", &accept))) {
			if (r < 0)
				goto usage;
			op.accepts[op.naccepts++] = (char *)accept;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("grade: unknown option '%s' (see 'examcheck grade --help')", argv[i]);
			goto usage;
		}
		if (op.sheet) {
			cli_error("grade: more than one sheet ('%s', '%s'); use --roster for a class",
				  op.sheet, argv[i]);
			goto usage;
		}
		op.sheet = argv[i];
	}
	if (!op.sheet == !op.roster) {
		cli_error("grade: give one SHEET or --roster FILE (see 'examcheck grade --help')");
		goto usage;
	}
	if (op.format_name &&
	    cli_format(op.format_name,
		       op.roster ? 1u << EC_FORMAT_CSV : ec_format_mask(EC_DOCUMENT_SHEET),
		       &format) != 0)
		goto usage;
	if (op.stats && !op.roster) {
		cli_error("grade: --stats needs --roster");
		goto usage;
	}
	rc = setup(&op, &g);
	if (rc == EC_EXIT_OK) {
		rc = op.roster ? grade_roster(&op, &g) : grade_sheet(&op, &g, format);
		ec_grader_free(&g);
	}
	free(op.accepts);
	return rc;
usage:
	free(op.accepts);
	return EC_EXIT_USAGE;
}
