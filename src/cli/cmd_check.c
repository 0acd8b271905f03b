/*
 * cmd_check.c: `examcheck check ID ANSWER...`: score one answer (or the
 * answers to a group of items) as `grade` would, and say why, from the
 * facts of the exam (ec_exam_check()).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"

static const char check_help[] =
	"usage: examcheck check [--variant N | --key FILE] [--rubric FILE] [--format text|json]\n"
	"                       ID ANSWER...\n"
	"\n"
	"Score an answer to one item of the answer key as 'examcheck grade' would,\n"
	"and say why it is right or wrong. ID is an item id as the key writes it\n"
	"(2.8, 3.2.1.5.dims, 3.1.2; also q2.8 or Q2.8). Several ANSWER words for\n"
	"one item are joined with spaces (16 x 8 x 64 x 64). ID may also name a\n"
	"group of items (3.2.1, 3.2.1.1, 1): then give one ANSWER per item of the\n"
	"group, in key order ('examcheck key' lists them; items graded by hand are\n"
	"left out), '' for a blank one. Answers are read as grade reads a sheet\n"
	"(see 'examcheck grade --help'); after the id, a word that starts with '-'\n"
	"is an answer, not an option (-0.25, '-(1/4)', -ln2), except -h and -V.\n"
	"\n"
	"The first line is 'Points: P of MAX (VERDICT)', with P and MAX as the key\n"
	"file writes points (2, -1, 2/7) and VERDICT right, partly right, wrong,\n"
	"blank or unreadable. Then why:\n"
	"  true/false       the deciding fact, with the numbers of a demonstration\n"
	"  multiple choice  each option chosen or to be chosen, true or false, and why\n"
	"  numbers, shapes  the correct value with its derivation; when the answer\n"
	"                   is what a known mistake gives (weights without the input\n"
	"                   channels, padding ignored, FLOPs for multiplications, a\n"
	"                   wrong sign, ...), that mistake, recomputed; when right\n"
	"                   by the rubric's tolerance (rel=, abs=), how far it is\n"
	"                   from the key and how far the rule allows\n"
	"and last the command of the full worked answer ('Worked answer: examcheck\n"
	"q2.8', or 'examcheck variant --seed 7 2.8' for a variant). A group gives a\n"
	"Points line per item, the total, then each item's reasons. Every number is\n"
	"computed from the exam the key is of: the original, variant N, or the\n"
	"variant a key file names (its line '# variant N'); when a key file answers\n"
	"an item otherwise than that exam's worked answer, its reasons are left out.\n"
	"When the key of an item checked rests on a figure the exam lost (3.1.1,\n"
	"3.3), a warning after the verdict names the stand-in or reconstructed data\n"
	"file it was computed from.\n"
	"\n"
	"Options:\n"
	"  --variant N    check against variant N ('examcheck variant --seed N'):\n"
	"                its key, its numbers in every reason\n"
	"  --key FILE     the key in the format of 'examcheck key --format tsv'\n"
	"                (default: the key computed by the worked answers)\n"
	"  --rubric FILE  scoring rules (default: the built-in data/rubric)\n"
	"  --format F     text (default) or json: one object {id, answer, points,\n"
	"                 max, verdict, reasons, mistake (null when none), worked};\n"
	"                 for a group {id, items: [such objects], total, max, worked}\n"
	"\n"
	"Exit status: 0 the answer was read (right or not), 2 usage: an unknown id\n"
	"(the closest ids are named), an item graded by hand, a wrong number of\n"
	"answers; 65 an answer that cannot be read (verdict unreadable, why on\n"
	"standard error) or a malformed key or rubric; 66 a file cannot be opened.\n";

typedef struct options {
	const char *key_file, *variant, *rubric_file, *format_name, *id;
	char **answers;
	int nanswers;
} options;

/* The exam, the key and the rubric joined into g. */
static int setup(const options *op, ec_exam **exam, ec_grader *g, ec_key *key_out)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL;
	ec_error err;
	int rc;

	ec_error_clear(&err);
	rc = gio_load_key("check", op->key_file, op->variant, exam, &key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("check", *exam, op->rubric_file, &r, &rubric_text);
	if (rc == EC_EXIT_OK && ec_grader_init(g, &key, &r, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	if (rc != EC_EXIT_OK) {
		ec_key_free(&key);
		ec_exam_free(*exam);
		*exam = NULL;
	} else {
		*key_out = key;
	}
	return rc;
}

/*
 * The checked items whose key answer rests on a stand-in or reconstructed
 * figure, said once: right for that figure, which is not the exam's lost
 * one (as key, grade and the worked answers say it).
 */
static void warn_figures(const ec_check_report *report, const ec_key *key)
{
	ec_buf b = EC_BUF_INIT;
	const char *data = NULL;
	bool stand_in = false;
	size_t i, n = 0;

	for (i = 0; i < report->count; i++) {
		const ec_key_item *k = ec_key_find(key, report->items[i].id);

		if (!k || k->origin == EC_KEY_FROM_EXAM)
			continue;
		ec_buf_appendf(&b, "%s%s", n++ ? ", " : "", k->id);
		stand_in = stand_in || k->origin == EC_KEY_FROM_STAND_IN;
		if (k->data[0])
			data = k->data;
	}
	if (n)
		cli_warn("the key of %s rests on a %s figure%s%s%s; see 'examcheck data'",
			 ec_buf_str(&b), stand_in ? "stand-in" : "reconstructed", data ? " (" : "",
			 data ? data : "", data ? ")" : "");
	ec_buf_free(&b);
}

enum { OPT_KEY, OPT_VARIANT, OPT_RUBRIC, OPT_FORMAT };

static const cli_opt check_opts[] = {
	{"key", 0, "FILE", OPT_KEY},
	{"variant", 0, "N", OPT_VARIANT},
	{"rubric", 0, "FILE", OPT_RUBRIC},
	{"format", 0, "@check", OPT_FORMAT},
	{NULL, 0, NULL, 0},
};

/*
 * Read the arguments: the id, then the answer's words (a word such as
 * -0.25 is an answer; after -- every word is). Returns -1 to go on, else
 * the exit status to end with (help, version, a usage error).
 */
static int parse_args(int argc, char **argv, options *op)
{
	cli_args it;
	int c;

	cli_args_init(&it, "check", argc, argv, check_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_KEY:
			op->key_file = it.value;
			break;
		case OPT_VARIANT:
			op->variant = it.value;
			break;
		case OPT_RUBRIC:
			op->rubric_file = it.value;
			break;
		case OPT_FORMAT:
			op->format_name = it.value;
			break;
		case CLI_OPERAND:
			/* after the id, "-(1/4)" and "-ln2" are answers, not options */
			it.dash_operands = true;
			if (!op->id)
				op->id = it.value;
			else
				op->answers[op->nanswers++] = (char *)it.value;
			break;
		default:
			return cli_done(&it, c, check_help);
		}
	}
	if (!op->id) {
		cli_error("check: give an item id and an answer: examcheck check ID ANSWER "
			  "(see 'examcheck check --help')");
		return EC_EXIT_USAGE;
	}
	if (op->key_file && op->variant) {
		cli_error("check: --variant and --key do not go together (a key file names the "
			  "variant it is of)");
		return EC_EXIT_USAGE;
	}
	return -1;
}

static int run(const options *op, ec_format format)
{
	ec_check_report report;
	ec_exam *exam = NULL;
	ec_key key = {0};
	ec_grader g;
	ec_error err;
	char id[40], echo[CLI_ECHO_SIZE];
	size_t i;
	int rc;

	if (ec_item_id_normalise(op->id, strlen(op->id), id, sizeof(id)) != EC_OK || !id[0]) {
		cli_error("check: '%s' is not an item id (see 'examcheck key')", cli_echo(op->id, echo));
		return EC_EXIT_USAGE;
	}
	rc = setup(op, &exam, &g, &key);
	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_exam_check(exam, &g, id, (const char *const *)op->answers, (size_t)op->nanswers,
			  &report, &err) != EC_OK) {
		cli_error("check: %s", err.msg);
		rc = err.status == EC_ERR_NOTFOUND ? EC_EXIT_USAGE : gio_exit_for(err.status);
	} else {
		for (i = 0; i < report.count; i++)
			if (report.items[i].verdict == EC_VERDICT_UNREADABLE)
				cli_error("check: %s: %s", report.items[i].id, report.items[i].unreadable);
		if (ec_write_check(stdout, ec_writer_get(format), &report, &err) != EC_OK) {
			cli_error("check: %s", err.msg);
			rc = gio_exit_for(err.status);
		}
		for (i = 0; rc == EC_EXIT_OK && i < report.count; i++)
			if (report.items[i].verdict == EC_VERDICT_UNREADABLE)
				rc = EC_EXIT_DATAERR;
		/* after what is said about the answer, which is an argument */
		warn_figures(&report, &key);
		ec_check_report_free(&report);
		gio_warn_data(exam, NULL);
	}
	ec_key_free(&key);
	ec_grader_free(&g);
	ec_exam_free(exam);
	return rc;
}

int cmd_check(int argc, char **argv)
{
	options op;
	ec_format format = EC_FORMAT_TEXT;
	int rc;

	memset(&op, 0, sizeof(op));
	op.answers = calloc((size_t)argc, sizeof(*op.answers));
	if (!op.answers) {
		cli_error("check: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	rc = parse_args(argc, argv, &op);
	if (rc < 0 && op.format_name &&
	    cli_format(op.format_name, ec_format_mask(EC_DOCUMENT_CHECK), &format) != 0)
		rc = EC_EXIT_USAGE;
	if (rc < 0)
		rc = run(&op, format);
	free(op.answers);
	return rc;
}
