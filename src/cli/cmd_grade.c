/*
 * cmd_grade.c: `examcheck grade`: its options, the key and rubric it grades
 * with, and one answer sheet scored; a class roster is grade_roster.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_csv.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_report.h"
#include "grade.h"
#include "gradeio.h"
#include "output.h"

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
	OPT_ACCEPT,
	OPT_DELIMITER,
	OPT_ID_COLUMN,
	OPT_MAP,
	OPT_REPORT
};

static const cli_opt grade_opts[] = {
	{"key", 0, "FILE", OPT_KEY},
	{"rubric", 0, "FILE", OPT_RUBRIC},
	{"roster", 0, "FILE", OPT_ROSTER},
	{"format", 0, "@sheet --roster @roster", OPT_FORMAT},
	{"stats", 0, NULL, OPT_STATS},
	{"stats-format", 0, "@stats", OPT_STATS_FORMAT},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{"feedback", 0, "DIR", OPT_FEEDBACK},
	{"variant", 0, "N", OPT_VARIANT},
	{"accept", 0, "ID=ANSWER", OPT_ACCEPT},
	{"delimiter", 0, ",|;|tab", OPT_DELIMITER},
	{"id-column", 0, "NAME", OPT_ID_COLUMN},
	{"map", 0, "FILE", OPT_MAP},
	{"report", 0, "FILE", OPT_REPORT},
	{NULL, 0, NULL, 0},
};

/* Read --map FILE into op->map. Returns an exit status (after a message). */
static int load_map(grade_options *op)
{
	char *text;
	size_t len;
	ec_error err;
	int rc = gio_read_file("grade", op->map_file, &text, &len);

	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_column_map_parse(&op->map, text, len, op->map_file, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	}
	free(text);
	return rc;
}

/*
 * -o and --report must not name an input, which they would replace, nor
 * each other. EC_EXIT_USAGE after a message.
 */
static int check_output(const grade_options *op)
{
	const char *const inputs[] = {op->roster, op->sheet, op->key_file, op->rubric_file,
				      op->map_file};
	static const char *const names[] = {"the roster", "the sheet", "the key", "the rubric",
					    "the column map"};
	const char *const outputs[] = {op->out_path, op->report};
	static const char *const flags[] = {"-o", "--report"};
	size_t k;
	long at;

	for (k = 0; k < 2; k++) {
		at = ec_file_find_same(outputs[k], inputs, sizeof(inputs) / sizeof(inputs[0]));
		if (at >= 0) {
			cli_error("grade: %s '%s' is %s ('%s'): it would be replaced; write the "
				  "result to another file",
				  flags[k], outputs[k], names[at], inputs[at]);
			return EC_EXIT_USAGE;
		}
	}
	if (op->out_path && op->report && strcmp(op->out_path, "-") != 0 &&
	    (strcmp(op->out_path, op->report) == 0 ||
	     ec_file_find_same(op->out_path, &op->report, 1) >= 0)) {
		cli_error("grade: -o and --report name the same file ('%s')", op->report);
		return EC_EXIT_USAGE;
	}
	return EC_EXIT_OK;
}

void grade_setup_free(grade_setup *su)
{
	if (su->joined)
		ec_grader_free(&su->g);
	ec_rubric_free(&su->rubric);
	free(su->rubric_text);
	ec_exam_free(su->exam);
	ec_key_free(&su->key);
}

/* The key (--key, --variant or the exam's), the rubric with the --accept answers, joined. */
int grade_setup_open(const grade_options *op, grade_setup *su)
{
	ec_key *key = &su->key;
	ec_error err;
	int i, rc;

	memset(su, 0, sizeof(*su));
	ec_error_clear(&err);
	rc = gio_load_key("grade", op->key_file, op->variant, &su->exam, key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("grade", su->exam, op->rubric_file, &su->rubric,
				     &su->rubric_text);
	for (i = 0; i < op->naccepts && rc == EC_EXIT_OK; i++)
		if (ec_rubric_accept(&su->rubric, op->accepts[i], "--accept", &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc = gio_exit_for(err.status);
		}
	if (rc == EC_EXIT_OK && key->count == 0) {
		cli_error("grade: the answer key has no items");
		rc = EC_EXIT_DATAERR;
	}
	if (rc == EC_EXIT_OK) {
		if (ec_grader_init(&su->g, key, &su->rubric, &err) == EC_OK) {
			su->joined = true;
		} else {
			cli_report(&err);
			rc = gio_exit_for(err.status); /* an --accept that does not fit: usage */
		}
	}
	return rc;
}

/* ---- one sheet ---- */

static int grade_sheet(const grade_options *op, grade_setup *su, ec_format format)
{
	ec_sheet_report report;
	ec_reasons reasons;
	char *text = NULL;
	size_t len, i;
	ec_error err;
	ec_status st;
	cli_output out;
	int rc;

	if (!grade_accepts_used(op, NULL, &su->g))
		return EC_EXIT_USAGE;
	rc = gio_read_file("grade", op->sheet, &text, &len);
	if (rc != EC_EXIT_OK)
		return rc;
	gio_warn_data(su->exam, &su->key);
	ec_error_clear(&err);
	st = ec_grade_sheet_report(&su->g, text, len, op->sheet, &report, &err);
	free(text);
	if (st != EC_OK) {
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	for (i = 0; i < report.nflags; i++)
		cli_report(&report.flags[i]);
	/* text gives a reason under each item not fully right */
	memset(&reasons, 0, sizeof(reasons));
	if (format == EC_FORMAT_TEXT && (ec_reasons_init(&reasons, su->exam, &su->g, &err) != EC_OK ||
					 ec_reasons_sheet(&reasons, &report, &err) != EC_OK)) {
		cli_error("grade: %s", err.msg);
		rc = gio_exit_for(err.status);
	}
	if (rc == EC_EXIT_OK)
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
	ec_reasons_free(&reasons);
	ec_sheet_report_free(&report);
	return rc;
}

/* The options' combinations; -1 to go on, else the exit status. */
static int check_options(grade_options *op, ec_format *format)
{
	if (!op->sheet == !op->roster) {
		cli_error("grade: give one SHEET or --roster FILE (see 'examcheck grade --help')");
		return EC_EXIT_USAGE;
	}
	*format = op->roster ? EC_FORMAT_CSV : EC_FORMAT_TEXT;
	if (op->format_name &&
	    cli_format(op->format_name,
		       ec_format_mask(op->roster ? EC_DOCUMENT_ROSTER : EC_DOCUMENT_SHEET),
		       format) != 0)
		return EC_EXIT_USAGE;
	op->stats_format = EC_FORMAT_TEXT;
	if (op->stats_format_name) {
		op->stats = true;
		if (cli_format(op->stats_format_name, ec_format_mask(EC_DOCUMENT_STATS),
			       &op->stats_format) != 0)
			return EC_EXIT_USAGE;
	}
	if (op->stats && !op->roster) {
		cli_error("grade: --stats needs --roster");
		return EC_EXIT_USAGE;
	}
	if ((op->feedback || op->report) && !op->roster) {
		cli_error("grade: %s needs --roster", op->feedback ? "--feedback" : "--report");
		return EC_EXIT_USAGE;
	}

	if ((op->id_column || op->map_file || op->delimiter) && !op->roster) {
		cli_error("grade: %s needs --roster",
			  op->id_column ? "--id-column" : op->map_file ? "--map" : "--delimiter");
		return EC_EXIT_USAGE;
	}
	if (op->delimiter && !ec_csv_separator_ok(grade_separator(op->delimiter))) {
		cli_error("grade: --delimiter '%s': use ',', ';' or tab", op->delimiter);
		return EC_EXIT_USAGE;
	}
	if (op->variant && op->key_file) {
		cli_error("grade: --variant and --key do not go together");
		return EC_EXIT_USAGE;
	}
	if (op->report && strcmp(op->report, "-") == 0) {
		/* --stats goes to standard output only with -o */
		bool roster = !op->out_path || strcmp(op->out_path, "-") == 0;

		if (roster || op->stats) {
			cli_error("grade: --report - and %s would both go to standard output (give "
				  "%s)",
				  roster ? "the graded roster" : "--stats",
				  roster ? "-o FILE" : "--report FILE");
			return EC_EXIT_USAGE;
		}
	}
	if (check_output(op) != EC_EXIT_OK)
		return EC_EXIT_USAGE;
	return -1;
}

int cmd_grade(int argc, char **argv)
{
	grade_options op;
	grade_setup su;
	ec_format format = EC_FORMAT_TEXT;
	cli_args it;
	int c, rc = -1;

	memset(&op, 0, sizeof(op));
	op.argc = argc;
	op.argv = argv;
	op.accepts = calloc((size_t)argc, sizeof(*op.accepts));
	if (!op.accepts) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	cli_args_init(&it, "grade", argc, argv, grade_opts);
	while (rc < 0 && (c = cli_next(&it)) != CLI_END) {
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
		case OPT_DELIMITER:
			op.delimiter = it.value;
			break;
		case OPT_ID_COLUMN:
			op.id_column = it.value;
			break;
		case OPT_MAP:
			op.map_file = it.value;
			break;
		case OPT_REPORT:
			op.report = it.value;
			break;
		case CLI_OPERAND:
			if (op.sheet) {
				cli_error("grade: more than one sheet ('%s', '%s'); use --roster for a "
					  "class",
					  op.sheet, it.value);
				rc = EC_EXIT_USAGE;
			}
			op.sheet = it.value;
			break;
		default:
			if (c == CLI_HELP) {
				fputs(grade_help, stdout);
				fputs(grade_help_class, stdout);
				fputs(grade_help_forms, stdout);
			}
			rc = cli_done(&it, c, grade_help_roster);
			break;
		}
	}
	if (rc < 0)
		rc = check_options(&op, &format);
	if (rc < 0 && op.map_file && (rc = load_map(&op)) == EC_EXIT_OK)
		rc = -1;
	if (rc < 0) {
		rc = grade_setup_open(&op, &su);
		if (rc == EC_EXIT_OK)
			rc = op.roster ? grade_roster(&op, &su, format) : grade_sheet(&op, &su, format);
		grade_setup_free(&su);
	}
	ec_column_map_free(&op.map);
	free(op.accepts);
	return rc;
}
