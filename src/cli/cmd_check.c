/*
 * cmd_check.c: `examcheck check ID ANSWER...`: score one answer (or the
 * answers to a group of items) as `grade` would, and say why, from the
 * explainer's facts (src/answers/explain.h).
 */
#include <stdlib.h>
#include <string.h>

#include "../answers/answers.h"
#include "../answers/explain.h"
#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_writer.h"
#include "gradeio.h"

static const char check_help[] =
	"usage: examcheck check [--key FILE] [--rubric FILE] [--format text|json] ID ANSWER...\n"
	"\n"
	"Score an answer to one item of the answer key as 'examcheck grade' would,\n"
	"and say why it is right or wrong. ID is an item id as the key writes it\n"
	"(2.8, 3.2.1.5.dims, 3.1.2; also q2.8 or Q2.8). Several ANSWER words for\n"
	"one item are joined with spaces (16 x 8 x 64 x 64). ID may also name a\n"
	"group of items (3.2.1, 3.2.1.1, 1): then give one ANSWER per item of the\n"
	"group, in key order ('examcheck key' lists them; items graded by hand are\n"
	"left out), '' for a blank one. Answers are read as grade reads a sheet\n"
	"(see 'examcheck grade --help'); an answer that starts with '-' is an\n"
	"answer, not an option (-0.25).\n"
	"\n"
	"The first line is 'Points: P of MAX (VERDICT)', with P and MAX as the key\n"
	"file writes points (2, -1, 2/7) and VERDICT right, partly right, wrong,\n"
	"blank or unreadable. Then why:\n"
	"  true/false       the deciding fact, with the numbers of a demonstration\n"
	"  multiple choice  each option chosen or to be chosen, true or false, and why\n"
	"  numbers, shapes  the correct value with its derivation; when the answer\n"
	"                   is what a known mistake gives (weights without the input\n"
	"                   channels, padding ignored, FLOPs for multiplications, a\n"
	"                   wrong sign, ...), that mistake, recomputed\n"
	"and last the command of the full worked answer ('Worked answer: examcheck\n"
	"q2.8'). A group gives a Points line per item, the total, then each item's\n"
	"reasons. Every number is computed; when a key file (--key) answers an item\n"
	"otherwise than the worked answer, its reasons are left out.\n"
	"\n"
	"Options:\n"
	"  --key FILE     the key in the format of 'examcheck key --format tsv'\n"
	"                 (default: the key computed by the worked answers)\n"
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
	const char *key_file, *rubric_file, *format_name, *id;
	char **answers;
	int nanswers;
} options;

static int setup(const options *op, ec_grader *g)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL;
	ec_error err;
	int rc;

	ec_error_clear(&err);
	rc = gio_load_key("check", op->key_file, &key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("check", op->rubric_file, &r, &rubric_text);
	if (rc == EC_EXIT_OK && ec_grader_init(g, &key, &r, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	ec_key_free(&key);
	return rc;
}

enum { OPT_KEY, OPT_RUBRIC, OPT_FORMAT };

static const cli_opt check_opts[] = {
	{"key", 0, "FILE", OPT_KEY},
	{"rubric", 0, "FILE", OPT_RUBRIC},
	{"format", 0, "text|json", OPT_FORMAT},
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
		case OPT_RUBRIC:
			op->rubric_file = it.value;
			break;
		case OPT_FORMAT:
			op->format_name = it.value;
			break;
		case CLI_OPERAND:
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
	return -1;
}

/* ---- which items ---- */

static bool under(const char *prefix, const char *id)
{
	size_t n = strlen(prefix);

	return strncmp(prefix, id, n) == 0 && id[n] == '.';
}

/* Item ids and question ids closest to `id`, as the question command names them. */
static void unknown_item(const ec_grader *g, const char *arg, const char *id)
{
	const char **cand;
	size_t i, n = 0, best = (size_t)-1, shown = 0;
	char list[256] = "", echo[CLI_ECHO_SIZE];

	cand = malloc((g->count + ec_question_count) * sizeof(*cand));
	if (cand) {
		for (i = 0; i < g->count; i++)
			cand[n++] = g->items[i].key.id;
		for (i = 0; i < ec_question_count; i++)
			if (ec_grader_find(g, ec_questions[i].id, strlen(ec_questions[i].id)) < 0)
				cand[n++] = ec_questions[i].id;
		for (i = 0; i < n; i++)
			if (cli_edit_distance(id, cand[i]) < best)
				best = cli_edit_distance(id, cand[i]);
		for (i = 0; i < n && shown < 4; i++) {
			size_t used = strlen(list);

			if (cli_edit_distance(id, cand[i]) != best)
				continue;
			snprintf(list + used, sizeof(list) - used, "%s%s", shown++ ? ", " : "", cand[i]);
		}
		free(cand);
	}
	cli_error("check: unknown item '%s' (closest: %s; see 'examcheck key')",
		  cli_echo(arg, echo), list[0] ? list : "none");
}

/*
 * The items ID names into *items (g->count room): the item itself, or the
 * auto-graded items of the group. Returns EC_EXIT_OK or EC_EXIT_USAGE
 * after a message.
 */
static int select_items(const ec_grader *g, const char *arg, const char *id, size_t *items,
			size_t *count, bool *group)
{
	long at = ec_grader_find(g, id, strlen(id));
	size_t i;

	*count = 0;
	*group = at < 0;
	if (at >= 0) {
		if (g->items[at].rule.scheme == EC_SCHEME_MANUAL) {
			cli_error("check: %s is graded by hand; its worked answer says what a grader "
				  "looks for: examcheck q%s",
				  id, ec_explain_question(id) ? ec_explain_question(id) : id);
			return EC_EXIT_USAGE;
		}
		items[(*count)++] = (size_t)at;
		return EC_EXIT_OK;
	}
	for (i = 0; i < g->count; i++)
		if (under(id, g->items[i].key.id) && g->items[i].rule.scheme != EC_SCHEME_MANUAL)
			items[(*count)++] = i;
	if (*count == 0) {
		for (i = 0; i < g->count; i++)
			if (under(id, g->items[i].key.id)) {
				cli_error("check: the items of %s are graded by hand; see examcheck q%s",
					  id, ec_explain_question(id) ? ec_explain_question(id) : id);
				return EC_EXIT_USAGE;
			}
		unknown_item(g, arg, id);
		return EC_EXIT_USAGE;
	}
	return EC_EXIT_OK;
}

/* ---- one item ---- */

static void worked_command(char *buf, size_t size, const char *id)
{
	const char *q = ec_explain_question(id);

	snprintf(buf, size, "examcheck q%s", q ? q : id);
}

/* Score and explain `answer` to item i into *out. Returns false when it cannot be read. */
static bool check_item(const ec_grader *g, const ec_explainer *ex, size_t i, const char *answer,
		       ec_check_item *out)
{
	const ec_grade_item *gi = &g->items[i];
	const ec_item_facts *f = ec_explainer_find(ex, gi->key.id);
	ec_value v;
	ec_error err;
	bool readable;

	memset(out, 0, sizeof(*out));
	snprintf(out->id, sizeof(out->id), "%s", gi->key.id);
	snprintf(out->answer, sizeof(out->answer), "%s", answer);
	out->max = gi->key.points;
	worked_command(out->worked, sizeof(out->worked), gi->key.id);
	ec_error_clear(&err);
	readable = ec_grader_read(g, i, answer, strlen(answer), &v, &err) == EC_OK;
	if (readable) {
		out->points = ec_grader_score(g, i, &v, &out->verdict);
	} else {
		cli_error("check: %s: %s", gi->key.id, err.msg);
		out->points = 0;
		out->verdict = EC_VERDICT_UNREADABLE;
	}
	if (!f && ex->nfailed) {
		snprintf(out->lines[out->nlines++], EC_CHECK_LINE,
			 "No explanation: the facts of %s could not be computed (%.200s).", gi->key.id,
			 ex->failure.msg);
	} else if (!f) {
		snprintf(out->lines[out->nlines++], EC_CHECK_LINE,
			 "No explanation is computed for %s.", gi->key.id);
	} else if (!ec_explain_agrees(f, &gi->accepted[0])) {
		snprintf(out->lines[out->nlines++], EC_CHECK_LINE,
			 "No explanation: the key answers %.60s, the worked answer %.60s.",
			 gi->key.answer, f->answer);
	} else {
		ec_explain_answer(f, readable ? &v : NULL, out->verdict, out);
	}
	return readable;
}

static int write_report(const ec_check_report *r, ec_format format)
{
	ec_error err;

	ec_error_clear(&err);
	if (ec_write_check(stdout, ec_writer_get(format), r, &err) != EC_OK) {
		cli_error("check: %s", err.msg);
		return gio_exit_for(err.status);
	}
	return EC_EXIT_OK;
}

/* The answers of a group, as one line naming the items in order. */
static void count_error(const ec_grader *g, const char *id, const size_t *items, size_t count,
			int given)
{
	char names[512] = "";
	size_t i, used = 0;

	for (i = 0; i < count && used + 1 < sizeof(names); i++) {
		int w = snprintf(names + used, sizeof(names) - used, "%s%s", i ? " " : "",
				 g->items[items[i]].key.id);

		used += w > 0 ? (size_t)w : 0;
	}
	if (used >= sizeof(names) - 1)
		memcpy(names + sizeof(names) - 5, " ...", 5);
	cli_error("check: %s takes %zu answer%s, one per item in key order (%s), not %d", id, count,
		  count == 1 ? "" : "s", names, given);
}

static int run(const options *op, ec_format format)
{
	ec_check_report report;
	ec_explainer ex;
	ec_grader g;
	ec_error err;
	ec_buf joined = EC_BUF_INIT;
	char id[40], echo[CLI_ECHO_SIZE];
	size_t *items = NULL, count = 0, i;
	bool group, unreadable = false;
	int rc, k;

	if (ec_item_id_normalise(op->id, strlen(op->id), id, sizeof(id)) != EC_OK || !id[0]) {
		cli_error("check: '%s' is not an item id (see 'examcheck key')", cli_echo(op->id, echo));
		return EC_EXIT_USAGE;
	}
	rc = setup(op, &g);
	if (rc != EC_EXIT_OK)
		return rc;
	memset(&report, 0, sizeof(report));
	memset(&ex, 0, sizeof(ex));
	items = malloc((g.count ? g.count : 1) * sizeof(*items));
	if (!items) {
		cli_error("check: out of memory");
		rc = EC_EXIT_SOFTWARE;
		goto done;
	}
	rc = select_items(&g, op->id, id, items, &count, &group);
	if (rc != EC_EXIT_OK)
		goto done;
	if (op->nanswers == 0 || (group && (size_t)op->nanswers != count)) {
		if (group)
			count_error(&g, id, items, count, op->nanswers);
		else
			cli_error("check: give the answer to %s after its id: examcheck check %s ANSWER",
				  id, op->id);
		rc = EC_EXIT_USAGE;
		goto done;
	}
	for (k = 0; !group && k < op->nanswers; k++) {
		if (ec_buf_appendf(&joined, "%s%s", k ? " " : "", op->answers[k]) != EC_OK) {
			cli_error("check: out of memory");
			rc = EC_EXIT_SOFTWARE;
			goto done;
		}
	}
	ec_error_clear(&err);
	if (ec_explainer_init(&ex, id, &err) != EC_OK) {
		cli_error("check: %s", err.msg);
		rc = EC_EXIT_SOFTWARE;
		goto done;
	}
	report.items = calloc(count, sizeof(*report.items));
	if (!report.items) {
		cli_error("check: out of memory");
		rc = EC_EXIT_SOFTWARE;
		goto done;
	}
	snprintf(report.id, sizeof(report.id), "%s", id);
	report.group = group;
	report.count = count;
	worked_command(report.worked, sizeof(report.worked), id);
	for (i = 0; i < count; i++) {
		ec_check_item *it = &report.items[i];

		if (!check_item(&g, &ex, items[i], group ? op->answers[i] : ec_buf_str(&joined), it))
			unreadable = true;
		report.total += it->points;
		report.max += it->max;
	}
	rc = write_report(&report, format);
	if (rc == EC_EXIT_OK && unreadable)
		rc = EC_EXIT_DATAERR;
done:
	free(report.items);
	ec_buf_free(&joined);
	free(items);
	ec_explainer_free(&ex);
	ec_grader_free(&g);
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
