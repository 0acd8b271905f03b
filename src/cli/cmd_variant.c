/*
 * cmd_variant.c: `examcheck variant`: the exam with new numbers drawn
 * from a seed, as a question sheet (text, Markdown or JSON), its answer
 * key, or the worked answer of one of its questions.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../answers/variant.h"
#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"
#include "output.h"

static const char variant_help[] =
	"usage: examcheck variant --seed N [--format text|md|json] [-o OUT]\n"
	"       examcheck variant --seed N --key [--format text|tsv|csv|json] [-o OUT]\n"
	"       examcheck variant --seed N QUESTION\n"
	"\n"
	"A variant of the practice midterm: the same sections, questions and points,\n"
	"with new numbers in every computational question (2.5, 2.7, 2.8, 3.1.1,\n"
	"3.1.2, 3.2 and 3.3), drawn from the seed N alone, so that a seed gives the\n"
	"same exam on every machine. The conceptual questions stay as they are. The\n"
	"key and the worked answers come from the same code as 'examcheck key' and\n"
	"'examcheck q3.2', run on the variant's numbers.\n"
	"\n"
	"Options:\n"
	"  --seed N      0 to 2^63 - 1 (9223372036854775807); 0 or 'original' is the\n"
	"                original exam\n"
	"  --format F    the sheet: text (default), md (Markdown) or json, one object\n"
	"                {\"seed\", \"questions\": [{\"id\", \"points\", \"text\",\n"
	"                \"params\"}, ...], \"key\": [...]}, where params holds the\n"
	"                question's numbers (3.2: \"input\", \"layers\"; 2.8: \"layers\";\n"
	"                3.1.2: \"X\", \"K\", \"at\" [row, column] from 1; 3.3: \"figure\")\n"
	"                and key is as 'examcheck key --format json' writes it;\n"
	"                with --key, the key's format as for 'examcheck key'\n"
	"  --key         print the variant's answer key instead of its sheet\n"
	"  -o, --output OUT  write the sheet or the key to OUT ('-': standard\n"
	"                output): a regular file appears whole or not at all, and\n"
	"                is left as it was when anything fails (not with QUESTION)\n"
	"  QUESTION      print the worked answer of one question (or group) of the\n"
	"                variant: q3.2, 3.1.2, Q2.8\n"
	"\n"
	"'examcheck grade --variant N' grades against the key of variant N.\n"
	"\n"
	"Exit status: 0 ok, 2 usage (a bad seed, format or question), 65 data error\n"
	"(a data file under EXAMCHECK_DATA for the original), 74 write error.\n";

enum sheet_format { SHEET_TEXT, SHEET_MD, SHEET_JSON };

/* "1" and "3.2" are groups: a heading deeper by one for each '.'. */
static int depth(const char *id)
{
	int d = 0;

	for (; *id; id++)
		d += *id == '.';
	return d;
}

static void heading(FILE *out, enum sheet_format f, const ec_question *q)
{
	if (f == SHEET_MD)
		fprintf(out, "%.*s ", 2 + depth(q->id), "#####");
	if (q->fn)
		fprintf(out, "%s (%g point%s)\n\n", q->id, q->points, q->points == 1 ? "" : "s");
	else
		fprintf(out, "%s %s (%g points)\n\n", q->id, q->title, q->points);
}

static int print_sheet(FILE *out, const ec_exam_params *p, enum sheet_format f)
{
	ec_buf b = EC_BUF_INIT;
	ec_error err;
	size_t i;

	if (f == SHEET_MD)
		fputs("# ", out);
	if (p->seed)
		fprintf(out, "Deep learning practice midterm, variant %" PRIu64 "\n\n", p->seed);
	else
		fputs("Deep learning practice midterm, the original exam\n\n", out);
	fprintf(out, "100 points: true or false 20, multiple choice 40, short answers 40.\n"
	       "Its answer key: examcheck variant --seed %" PRIu64 " --key\n",
	       p->seed);
	for (i = 0; i < ec_question_count; i++) {
		ec_buf_clear(&b);
		if (ec_exam_text(p, &ec_questions[i], &b, &err) != 0) {
			ec_buf_free(&b);
			cli_report(&err);
			return cli_exit_for(err.status);
		}
		fputc('\n', out);
		heading(out, f, &ec_questions[i]);
		fputs(ec_buf_str(&b), out);
	}
	ec_buf_free(&b);
	return EC_EXIT_OK;
}

static int print_json(FILE *out, const ec_exam_params *p)
{
	ec_buf b = EC_BUF_INIT;
	ec_key key = {0};
	ec_error err;
	size_t i;
	int rc = gio_compute_key("variant", p, &key);

	if (rc != EC_EXIT_OK)
		return rc;
	gio_warn_stand_in(&key);
	fprintf(out, "{\"seed\": %" PRIu64 ",\n\"questions\": [", p->seed);
	for (i = 0; i < ec_question_count && rc == EC_EXIT_OK; i++) {
		const ec_question *q = &ec_questions[i];

		ec_buf_clear(&b);
		if (ec_exam_text(p, q, &b, &err) != 0)
			break;
		fputs(i ? ",\n {\"id\": " : "\n {\"id\": ", out);
		ec_write_json_string(out, q->id);
		fprintf(out, ", \"points\": %g, \"text\": ", q->points);
		ec_write_json_string(out, ec_buf_str(&b));
		fputs(", \"params\": ", out);
		if (ec_exam_params_json(p, q, out, &err) != 0)
			break;
		fputc('}', out);
	}
	ec_buf_free(&b);
	if (i < ec_question_count) {
		ec_key_free(&key);
		cli_report(&err);
		return cli_exit_for(err.status);
	}
	fputs("\n],\n\"key\": ", out);
	if (ec_write_key(out, ec_writer_get(EC_FORMAT_JSON), &key, &err) != EC_OK) {
		cli_report(&err);
		rc = cli_exit_for(err.status);
	}
	fputs("}\n", out);
	ec_key_free(&key);
	return rc;
}

static int print_key(FILE *out, const ec_exam_params *p, ec_format format)
{
	ec_key key = {0};
	ec_error err;
	int rc = gio_compute_key("variant", p, &key);

	if (rc == EC_EXIT_OK) {
		gio_warn_stand_in(&key);
		ec_error_clear(&err);
		if (ec_write_key(out, ec_writer_get(format), &key, &err) != EC_OK) {
			cli_error("variant: %s", err.msg);
			rc = cli_exit_for(err.status);
		}
	}
	ec_key_free(&key);
	return rc;
}

enum { OPT_SEED, OPT_KEY, OPT_FORMAT, OPT_OUTPUT };

static const cli_opt variant_opts[] = {
	{"seed", 0, "N", OPT_SEED},
	{"key", 0, NULL, OPT_KEY},
	{"format", 0, "text|md|json|tsv|csv", OPT_FORMAT},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{NULL, 0, NULL, 0},
};

int cmd_variant(int argc, char **argv)
{
	const char *seed_text = NULL, *format_name = NULL, *question = NULL;
	const char *out_path = NULL;
	ec_format format = EC_FORMAT_TEXT;
	enum sheet_format sheet = SHEET_TEXT;
	cli_output out;
	int rc;
	bool want_key = false;
	ec_exam_params params;
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
	if (ec_variant_seed_parse(seed_text, &seed, &err) != 0) {
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
	if (ec_variant_draw(seed, &params, &err) != 0) {
		cli_error("variant: %s", err.msg);
		return cli_exit_for(err.status);
	}
	if (question)
		return cli_run_questions(id, &params);
	if (want_key) {
		if (format_name &&
		    cli_format(format_name, ec_format_mask(EC_DOCUMENT_KEY), &format) != 0)
			return EC_EXIT_USAGE;
	} else if (!format_name || strcmp(format_name, "text") == 0) {
		sheet = SHEET_TEXT;
	} else if (strcmp(format_name, "md") == 0) {
		sheet = SHEET_MD;
	} else if (strcmp(format_name, "json") == 0) {
		sheet = SHEET_JSON;
	} else {
		cli_error("unknown format '%s' (use one of: text, md, json)", format_name);
		return EC_EXIT_USAGE;
	}
	rc = cli_output_open(&out, "variant", out_path);
	if (rc != EC_EXIT_OK)
		return rc;
	if (want_key)
		rc = print_key(out.f, &params, format);
	else if (sheet == SHEET_JSON)
		rc = print_json(out.f, &params);
	else
		rc = print_sheet(out.f, &params, sheet);
	if (rc != EC_EXIT_OK) {
		cli_output_abort(&out);
		return rc;
	}
	return cli_output_commit(&out);
}
