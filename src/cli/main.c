/*
 * main.c: the examcheck command. One table maps each subcommand to its
 * handler and one-line help; a question id ("q3.2") prints a worked answer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../answers/answers.h"
#include "cli.h"

struct cmd {
	const char *name;
	ec_cmd_fn fn;
	const char *help;
};

/* Sorted by name; --help, README and the man page are checked against it. */
static const struct cmd commands[] = {
	{"all", cmd_all, "print every worked answer in exam order"},
	{"backprop", cmd_backprop, "forward values and gradients of a scalar expression"},
	{"check", cmd_check, "score one answer and say why it is right or wrong"},
	{"data", cmd_data, "list the built-in data files (stand-in figures), or print one"},
	{"grade", cmd_grade, "score an answer sheet or a class roster"},
	{"graphconv", cmd_graphconv, "masked spatial-graph convolution from a figure file"},
	{"key", cmd_key, "print the answer key, or check a key file against it"},
	{"list", cmd_list, "list question ids with titles and points"},
	{"net", cmd_net, "shapes, parameters and multiplications of a layer list"},
	{"rf", cmd_rf, "receptive field of each layer of a layer list"},
	{"variant", cmd_variant, "the exam with new numbers from a seed: sheet, key, answers"},
};

static void usage(FILE *f)
{
	size_t i;

	fputs("usage: examcheck <question>        worked answer, e.g. q3.2, 3.2.1, Q2.8\n"
	      "       examcheck <command> [args]  see 'examcheck <command> --help'\n"
	      "\n"
	      "Worked answers, answer key, grading and calculators for a\n"
	      "deep-learning practice midterm.\n"
	      "\n"
	      "Commands:\n",
	      f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\n"
	      "Options:\n"
	      "  -h, --help     print this help and exit\n"
	      "  -V, --version  print the version and exit\n"
	      "\n"
	      "Exit status:\n"
	      "  0   success\n"
	      "  1   key --check found differences\n"
	      "  2   usage error: bad option, unknown question or item, impossible layer spec\n"
	      "  65  data error: malformed sheet, roster, rubric, figure or graph file;\n"
	      "      an answer check cannot read\n"
	      "  66  an input file cannot be opened\n"
	      "  70  internal error\n"
	      "  74  read or write error\n"
	      "\n"
	      "Environment:\n"
	      "  EXAMCHECK_DATA  a directory whose q3.1.1.graph, q3.3.figure and rubric\n"
	      "                  replace the copies of data/ built into the program\n"
	      "                  (see 'examcheck data')\n"
	      "  EXAMCHECK_SINGLE_THREAD  when set, grade --roster uses one thread\n",
	      f);
}

int cli_unknown_question(const char *arg, const char *id)
{
	char list[256] = "";
	size_t i, best = (size_t)-1, shown = 0;

	for (i = 0; i < ec_question_count; i++) {
		size_t d = cli_edit_distance(id, ec_questions[i].id);

		if (d < best)
			best = d;
	}
	for (i = 0; i < ec_question_count && shown < 4; i++) {
		if (cli_edit_distance(id, ec_questions[i].id) != best)
			continue;
		if (shown++)
			strcat(list, ", ");
		strcat(list, "q");
		strcat(list, ec_questions[i].id);
	}
	cli_error("unknown question '%s' (closest: %s; see 'examcheck list')", arg, list);
	return EC_EXIT_USAGE;
}

static int answer_failed(const ec_actx *a)
{
	cli_report(&a->err);
	return cli_exit_for(a->err.status);
}

int cli_run_questions(const char *prefix, const struct ec_exam_params *params)
{
	ec_actx a = {.out = stdout, .params = params};
	size_t i, n = prefix ? strlen(prefix) : 0, done = 0;

	for (i = 0; i < ec_question_count; i++) {
		const ec_question *q = &ec_questions[i];

		if (!q->fn)
			continue;
		if (prefix && strcmp(q->id, prefix) != 0 &&
		    !(strncmp(q->id, prefix, n) == 0 && q->id[n] == '.'))
			continue;
		if (done++)
			fputs("\n", stdout);
		if (ec_question_run(q, &a) != 0)
			return answer_failed(&a);
	}
	return EC_EXIT_OK;
}

int cmd_all(int argc, char **argv)
{
	if (argc > 1 && cli_is_help(argv[1])) {
		puts("usage: examcheck all\n\nPrint every worked answer in exam order.");
		return EC_EXIT_OK;
	}
	if (argc > 1) {
		cli_error("all: unexpected argument '%s'", argv[1]);
		return EC_EXIT_USAGE;
	}
	return cli_run_questions(NULL, NULL);
}

int cmd_list(int argc, char **argv)
{
	size_t i;

	if (argc > 1 && cli_is_help(argv[1])) {
		puts("usage: examcheck list\n\n"
		     "List every question and sub-question id with a short title and its\n"
		     "points, one per line: id, points, title, separated by tabs.");
		return EC_EXIT_OK;
	}
	if (argc > 1) {
		cli_error("list: unexpected argument '%s'", argv[1]);
		return EC_EXIT_USAGE;
	}
	for (i = 0; i < ec_question_count; i++)
		printf("q%s\t%g\t%s\n", ec_questions[i].id, ec_questions[i].points,
		       ec_questions[i].title);
	return EC_EXIT_OK;
}

static int dispatch(int argc, char **argv)
{
	char id[32];
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EC_EXIT_USAGE;
	}
	if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return EC_EXIT_OK;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("examcheck %s\n", EC_VERSION);
		return EC_EXIT_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	if (ec_question_normalise(argv[1], id, sizeof(id))) {
		if (argc > 2) {
			cli_error("%s: unexpected argument '%s'", argv[1], argv[2]);
			return EC_EXIT_USAGE;
		}
		if (!ec_question_find(id))
			return cli_unknown_question(argv[1], id);
		return cli_run_questions(id, NULL);
	}
	cli_error("unknown command '%s' (see 'examcheck --help')", argv[1]);
	return EC_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	int status = dispatch(argc, argv);

	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("write error on standard output: %s", strerror(errno));
		return EC_EXIT_IOERR;
	}
	if (fclose(stdout) != 0) {
		cli_error("write error on standard output: %s", strerror(errno));
		return EC_EXIT_IOERR;
	}
	return status;
}
