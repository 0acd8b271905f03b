/*
 * grade_roster.c: `examcheck grade --roster`: the roster graded by the
 * library (ec_roster_grade()), its variant column picking each student's
 * version of the exam; what the CLI adds to each row: other formats than
 * CSV, progress, --feedback files, the class behind --stats and --report.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "class_report.h"
#include "cli.h"
#include "feedback_dir.h"
#include "grade.h"
#include "gradeio.h"
#include "output.h"

char grade_separator(const char *v)
{
	if (strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0)
		return '\t';
	return v[0] && !v[1] ? v[0] : 0;
}

/*
 * Whether every --accept ID@N=ANSWER names a key of the run: a key of
 * `versions`, or `g` (one of them is NULL). Says which does not.
 */
bool grade_accepts_used(const grade_options *op, const ec_versions *versions, const ec_grader *g)
{
	int i;

	for (i = 0; i < op->naccepts; i++) {
		const char *spec = op->accepts[i], *eq = strchr(spec, '='), *at = strchr(spec, '@');
		uint64_t seed;

		if (!at || !eq || at > eq)
			continue;
		seed = strncmp(at + 1, "original", 8) == 0 ? 0 : strtoull(at + 1, NULL, 10);
		if (versions ? !ec_versions_has(versions, seed) : g->seed != seed) {
			cli_error("grade: --accept %s: no student of %s sat variant %llu", spec,
				  op->roster ? op->roster : op->sheet, (unsigned long long)seed);
			return false;
		}
	}
	return true;
}

/* What the CLI does with each graded student: statistics, progress, output, feedback. */
typedef struct roster_cli {
	const grade_options *op;
	const grade_setup *su; /* its key, for the warning about the figures it rests on */
	ec_versions *versions; /* the versions of the exam a 'variant' column names */
	cli_class cc;         /* --stats, --report: the class, a key's each, over the items the
				 roster has a column for */
	uint64_t seeds[EC_ROSTER_GRADERS_MAX]; /* each key's exam */
	size_t nkeys;
	bool progress;
	uint64_t graded;
	fbdir feedback;       /* --feedback DIR: open when given */
	const ec_writer *writer; /* a format ec_roster_grade() does not write itself */
	ec_write_ctx wctx;
	FILE *out;
	ec_roster_header header[EC_ROSTER_GRADERS_MAX]; /* copies, a key's each, for the writer */
	int status;           /* set when a callback stopped the run and said why */
} roster_cli;

static bool on_header(void *ctx, const ec_roster_header *h)
{
	roster_cli *rc = ctx;
	const ec_grader *g = h->graded_with;
	ec_exam *exam = ec_versions_exam_of(rc->versions, g);
	ec_error err;

	ec_error_clear(&err);
	/* the first header comes once every key of the run is known */
	if (h->grader == 0 && !grade_accepts_used(rc->op, rc->versions, NULL)) {
		rc->status = EC_EXIT_USAGE;
		return false;
	}
	if (h->grader == 0) /* once the inputs are open and the options all fit */
		gio_warn_data(rc->su->exam, &rc->su->key);
	rc->nkeys = h->grader + 1;
	rc->seeds[h->grader] = g->seed;
	if (rc->cc.cls && ec_class_header(rc->cc.cls, h, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc->status = EC_EXIT_SOFTWARE;
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
	return !rc->feedback.open || fbdir_header(&rc->feedback, exam, h);
}

static bool on_row(void *ctx, const ec_roster_row *row)
{
	roster_cli *rc = ctx;
	ec_error err;

	if (rc->cc.cls)
		ec_class_add(rc->cc.cls, row);
	if (rc->progress && (++rc->graded & 0xFFFF) == 0)
		fprintf(stderr, "\rexamcheck: grade: %llu students", (unsigned long long)rc->graded);
	if (rc->writer && ec_write_roster_row(&rc->wctx, rc->writer, row->graded_with,
					      &rc->header[row->grader], row, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc->status = EC_EXIT_SOFTWARE;
		return false;
	}
	return !rc->feedback.open || fbdir_student(&rc->feedback, row);
}

/* The students the roster counted instead of handing them out: the class's alone. */
static void on_tally(void *ctx, const ec_roster_tally *t)
{
	roster_cli *rc = ctx;

	ec_class_tally(rc->cc.cls, t);
}

static void on_report(void *ctx, const ec_error *err)
{
	roster_cli *rc = ctx;
	char buf[512];

	if (rc->cc.cls)
		ec_class_flag(rc->cc.cls, err);
	if (err->status == EC_OK)
		cli_warn("%s", ec_error_format(err, buf, sizeof(buf)));
	else
		cli_report(err);
}

static void roster_cli_free(roster_cli *rc)
{
	size_t k;

	for (k = 0; k < EC_ROSTER_GRADERS_MAX; k++)
		ec_roster_header_free(&rc->header[k]);
	cli_class_free(&rc->cc);
	ec_write_ctx_free(&rc->wctx);
	fbdir_close(&rc->feedback);
	ec_versions_free(rc->versions);
}

/* EXAMCHECK_SINGLE_THREAD (any non-empty value): read and score in one thread. */
static unsigned threads_wanted(void)
{
	const char *v = getenv("EXAMCHECK_SINGLE_THREAD");

	return v && *v ? 1 : 0;
}

int grade_roster(const grade_options *op, grade_setup *su, ec_format format)
{
	FILE *in = strcmp(op->roster, "-") == 0 ? stdin : fopen(op->roster, "rb");
	ec_roster_options ro;
	ec_roster_summary sum;
	roster_cli rc;
	ec_error err;
	cli_output out;
	struct stat sb;
	int status = EC_EXIT_OK;

	if (!in) {
		cli_error("grade: %s: cannot open: %s", op->roster, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		cli_error("grade: %s: is a directory", op->roster);
		status = EC_EXIT_NOINPUT;
	}
	memset(&rc, 0, sizeof(rc));
	rc.op = op;
	rc.su = su;
	ec_error_clear(&err);
	if (status == EC_EXIT_OK && ec_versions_open(su->exam, &su->g, getenv("EXAMCHECK_DATA"),
						     &su->rubric, &rc.versions, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		status = EC_EXIT_SOFTWARE;
	}
	if (status == EC_EXIT_OK && (op->stats || op->report))
		status = cli_class_open(&rc.cc, rc.versions, op->roster, op->argc, op->argv,
					/* the roster's threads, as set below */
					op->feedback || threads_wanted() == 1 ? 1 : 2);
	if (status == EC_EXIT_OK && op->feedback)
		status = fbdir_open(&rc.feedback, op->feedback);
	if (status == EC_EXIT_OK)
		status = cli_output_open(&out, "grade", op->out_path);
	if (status != EC_EXIT_OK) {
		roster_cli_free(&rc);
		if (in != stdin)
			fclose(in);
		return status;
	}
	rc.progress = isatty(fileno(stderr));
	/* CSV is the engine's own; another format goes through its writer, a row at a time */
	rc.writer = format == EC_FORMAT_CSV ? NULL : ec_writer_get(format);
	rc.out = out.f;
	memset(&ro, 0, sizeof(ro));
	ro.out = rc.writer ? NULL : out.f;
	ro.on_header = on_header;
	ro.on_row = rc.cc.cls || rc.progress || rc.feedback.open || rc.writer ? on_row : NULL;
	/* progress alone reads no fields, the class's answer groups those of text answers only */
	ro.rows_without_fields = !rc.feedback.open && !rc.writer && !rc.cc.cls;
	ro.fields_for_text_only = !rc.feedback.open && !rc.writer;
	/* rows only the class wants may be counted where they are read (no progress to show) */
	ro.on_tally = rc.cc.cls && !rc.progress && !rc.feedback.open && !rc.writer ? on_tally : NULL;
	ro.on_report = on_report;
	ro.ctx = &rc;
	/* with --feedback the files' system calls are the work: a second thread has little to
	   do and makes each of them a little dearer (bench/README.md) */
	ro.threads = rc.feedback.open ? 1 : threads_wanted();
	/* a column 'variant' picks each student's version of the exam, unless one key was asked for */
	ro.key_column = "variant";
	ro.grader_of = op->key_file || op->variant ? NULL : ec_versions_grader_of;
	ro.key_ctx = rc.versions;
	ro.delimiter = op->delimiter ? grade_separator(op->delimiter) : 0;
	ro.id_column = op->id_column;
	ro.map = op->map_file ? &op->map : NULL;
	if (ec_roster_grade(&su->g, in, op->roster, &ro, &sum, &err) == EC_OK && rc.writer &&
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
		else if (err.status == EC_ERR_USAGE)
			cli_error("grade: %s has a column 'variant' naming each row's variant; %s "
				  "would grade every row against one key (drop %s, or the column)",
				  op->roster, op->variant ? "--variant" : "--key",
				  op->variant ? "--variant" : "--key");
		else if (err.status == EC_ERR_IO && !err.file)
			cli_error("grade: %s: %s", out.path ? out.path : "standard output", err.msg);
		else
			cli_report(&err);
		cli_output_abort(&out);
	} else {
		status = cli_output_commit(&out);
	}
	if (rc.progress && sum.graded >= 0x10000)
		fputc('\n', stderr);
	if (status == EC_EXIT_OK && rc.cc.cls)
		status = cli_class_finish(&rc.cc, &sum);
	if (status == EC_EXIT_OK && op->stats)
		status = cli_class_stats(&rc.cc, out.path ? stdout : stderr, op->stats_format);
	if (status == EC_EXIT_OK && op->report)
		status = cli_class_report(&rc.cc, op->report);
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
	if (in != stdin)
		fclose(in);
	return status;
}
