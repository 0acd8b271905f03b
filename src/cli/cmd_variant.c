/*
 * cmd_variant.c: `examcheck variant`: the exam with new numbers drawn
 * from a seed, as a question sheet (text, Markdown, JSON or LaTeX), its answer
 * key, or the worked answer of one of its questions.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"
#include "output.h"

static const char variant_help[] =
	"usage: examcheck variant --seed N [--format text|md|json|latex] [-o OUT]\n"
	"       examcheck variant --seed N --key [--format text|tsv|csv|json|latex] [-o OUT]\n"
	"       examcheck variant --seed N QUESTION\n"
	"\n"
	"A variant of the practice midterm: the same sections, questions and points,\n"
	"with new numbers in every computational question (2.5, 2.7, 2.8, 3.1.1,\n"
	"3.1.2, 3.2 and 3.3) and the options of every multiple-choice question in\n"
	"an order of its own, drawn from the seed N alone, so that a seed gives the\n"
	"same exam on every machine. The conceptual questions keep their text. The\n"
	"key and the worked answers come from the same code as 'examcheck key' and\n"
	"'examcheck q3.2', run on the variant's numbers and letters.\n"
	"\n"
	"The sheet is the students' copy: it says nothing of the key or how to get\n"
	"it. The key (--key) and the worked answers (QUESTION) are the\n"
	"instructor's; a key written with --format tsv starts with a line\n"
	"'# variant N', so that 'examcheck check --key' and 'grade --key' explain\n"
	"its answers with the variant's numbers.\n"
	"\n"
	"Options:\n"
	"  --seed N      0 to 2^63 - 1 (9223372036854775807); 0 or 'original' is the\n"
	"                original exam, its options in the order it writes them\n"
	"  --format F    the sheet: text (default), md (Markdown), json, one object\n"
	"                {\"seed\", \"questions\": [{\"id\", \"points\", \"text\",\n"
	"                \"params\"}, ...]}, where params holds the question's\n"
	"                numbers (3.2: \"input\", \"layers\"; 2.8: \"layers\"; 3.1.2:\n"
	"                \"X\", \"K\", \"at\" [row, column] from 1; 3.3: \"figure\");\n"
	"                latex, a document to print and sit, for pdflatex with only\n"
	"                texlive-latex-base: lines for name and student id, each\n"
	"                question with its points, a box to tick per True/False\n"
	"                mark and per option, boxes, tables, grids or ruled lines\n"
	"                where answers go, and no answers; with --key, the key's\n"
	"                format as for 'examcheck key' (latex: the instructor's key)\n"
	"  --key         print the variant's answer key instead of its sheet\n"
	"  -o, --output OUT  write the sheet or the key to OUT ('-': standard\n"
	"                output): a regular file appears whole or not at all, and\n"
	"                is left as it was when anything fails (not with QUESTION)\n"
	"  QUESTION      print the worked answer of one question (or group) of the\n"
	"                variant: q3.2, 3.1.2, Q2.8\n"
	"\n"
	"'examcheck grade --variant N' grades against the key of variant N, and\n"
	"'examcheck check --variant N ID ANSWER' checks one answer to it.\n"
	"\n"
	"Exit status: 0 ok, 2 usage (a bad seed, format or question), 65 data error\n"
	"(a data file under EXAMCHECK_DATA for the original), 74 write error.\n";

/* The key of the exam into *key; an exit status (after a message). */
static int exam_key(ec_exam *exam, ec_key *key)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_exam_key(exam, key, &err) != EC_OK) {
		cli_error("variant: %s", err.msg);
		return cli_exit_for(err.status);
	}
	gio_warn_data(exam, key);
	return EC_EXIT_OK;
}

/* The question paper in `format`: the student's copy. */
static int print_paper(FILE *out, ec_exam *exam, ec_format format)
{
	ec_paper paper;
	ec_error err;
	int rc = EC_EXIT_OK;

	ec_error_clear(&err);
	if (ec_exam_paper(exam, &paper, &err) != EC_OK) {
		cli_report(&err);
		return cli_exit_for(err.status);
	}
	if (ec_write_paper(out, ec_writer_get(format), &paper, &err) != EC_OK) {
		cli_error("variant: %s", err.msg);
		rc = cli_exit_for(err.status);
	}
	ec_paper_free(&paper);
	if (rc == EC_EXIT_OK)
		gio_warn_data(exam, NULL);
	return rc;
}

static int print_key(FILE *out, ec_exam *exam, ec_format format)
{
	ec_key key = {0};
	ec_error err;
	int rc = exam_key(exam, &key);

	ec_error_clear(&err);
	if (rc == EC_EXIT_OK && ec_write_key(out, ec_writer_get(format), &key, &err) != EC_OK) {
		cli_error("variant: %s", err.msg);
		rc = cli_exit_for(err.status);
	}
	ec_key_free(&key);
	return rc;
}

/* The worked answers of `id` (a question or group) of the exam. */
static int print_worked(ec_exam *exam, const char *id)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_exam_worked(exam, id, stdout, &err) != EC_OK) {
		cli_report(&err);
		return cli_exit_for(err.status);
	}
	gio_warn_data(exam, NULL);
	return EC_EXIT_OK;
}

enum { OPT_SEED, OPT_KEY, OPT_FORMAT, OPT_OUTPUT };

static const cli_opt variant_opts[] = {
	{"seed", 0, "N", OPT_SEED},
	{"key", 0, NULL, OPT_KEY},
	{"format", 0, "@paper --key @key", OPT_FORMAT},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{NULL, 0, NULL, 0},
};

int cmd_variant(int argc, char **argv)
{
	const char *seed_text = NULL, *format_name = NULL, *question = NULL;
	const char *out_path = NULL;
	ec_format format = EC_FORMAT_TEXT;
	ec_exam *exam = NULL;
	cli_output out;
	int rc;
	bool want_key = false;
	uint64_t seed;
	ec_error err;
	char id[32], shown[CLI_ECHO_SIZE];
	cli_args it;
	int c;

	cli_args_init(&it, "variant", argc, argv, variant_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_SEED:
			seed_text = it.value;
			break;
		case OPT_FORMAT:
			format_name = it.value;
			break;
		case OPT_KEY:
			want_key = true;
			break;
		case OPT_OUTPUT:
			out_path = it.value;
			break;
		case CLI_OPERAND:
			if (question) {
				cli_error("variant: unexpected argument '%s' (see 'examcheck variant "
					  "--help')",
					  it.value);
				return EC_EXIT_USAGE;
			}
			question = it.value;
			break;
		default:
			return cli_done(&it, c, variant_help);
		}
	}
	if (!seed_text) {
		cli_error("variant: give a seed, --seed N (see 'examcheck variant --help')");
		return EC_EXIT_USAGE;
	}
	ec_error_clear(&err);
	if (ec_exam_seed_parse(seed_text, &seed, &err) != EC_OK) {
		cli_error("variant: %s", err.msg);
		return EC_EXIT_USAGE;
	}
	if (question && (want_key || format_name || out_path)) {
		cli_error("variant: a question's worked answer takes no --key, --format or -o");
		return EC_EXIT_USAGE;
	}
	if (question) {
		if (!ec_question_normalise(question, id, sizeof(id))) {
			cli_error("variant: '%s' is not a question id (see 'examcheck list')",
				  cli_echo(question, shown));
			return EC_EXIT_USAGE;
		}
		if (!ec_question_find(id))
			return cli_unknown_question(question, id);
	}
	if (format_name &&
	    cli_format(format_name, ec_format_mask(want_key ? EC_DOCUMENT_KEY : EC_DOCUMENT_PAPER),
		       &format) != 0)
		return EC_EXIT_USAGE;
	rc = gio_open_exam("variant", seed, &exam);
	if (rc != EC_EXIT_OK)
		return rc;
	if (question) {
		rc = print_worked(exam, id);
		ec_exam_free(exam);
		return rc;
	}
	rc = cli_output_open(&out, "variant", out_path);
	if (rc == EC_EXIT_OK) {
		rc = want_key ? print_key(out.f, exam, format) : print_paper(out.f, exam, format);
		if (rc == EC_EXIT_OK)
			rc = cli_output_commit(&out);
		else
			cli_output_abort(&out);
	}
	ec_exam_free(exam);
	return rc;
}
