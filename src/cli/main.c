/*
 * main.c: the examcheck command. One table maps each subcommand to its
 * handler and one-line help; a question id ("q3.2") prints a worked answer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"
#include "gradeio.h"
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
	{"help", cmd_help, "print the help of a command ('examcheck help grade')"},
	{"key", cmd_key, "print the answer key, or check a key file against it"},
	{"list", cmd_list, "list question ids with titles and points"},
	{"net", cmd_net, "shapes, parameters and multiplications of a layer list"},
	{"practice", cmd_practice, "sit a variant in the terminal: each item asked, checked, scored"},
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
	      "Options (every command takes them too):\n"
	      "  -h, --help     print this help and exit\n"
	      "  -V, --version  print the version and exit\n"
	      "  -q, --quiet    print no warnings (errors are printed all the same)\n"
	      "\n"
	      "Exit status:\n"
	      "  0   success\n"
	      "  1   key --check found differences\n"
	      "  2   usage error: bad option, unknown question or item, impossible layer spec\n"
	      "  65  data error: malformed sheet, roster, rubric, figure or graph file;\n"
	      "      an answer check cannot read; backprop text output over 1 MiB\n"
	      "  66  an input file cannot be opened (a directory included)\n"
	      "  70  internal error\n"
	      "  74  read or write error\n"
	      "\n"
	      "Environment:\n"
	      "  EXAMCHECK_DATA  a directory whose q3.1.1.graph, q3.3.figure and rubric\n"
	      "                  replace the copies of data/ built into the program\n"
	      "                  (see 'examcheck data'); for a file it lacks, the\n"
	      "                  built-in copy is used, with a warning\n"
	      "  EXAMCHECK_SINGLE_THREAD  when set, grade --roster uses one thread\n"
	      "  TMPDIR          where grade --roster keeps the temporary files of its\n"
	      "                  check for repeated student ids (default /tmp)\n",
	      f);
}

int cli_unknown_question(const char *arg, const char *id)
{
	char list[256] = "", echo[CLI_ECHO_SIZE];
	size_t i, best = (size_t)-1, shown = 0;

	for (i = 0; i < ec_question_count; i++) {
		size_t d = ec_edit_distance(id, ec_questions[i].id);

		if (d < best)
			best = d;
	}
	for (i = 0; i < ec_question_count && shown < 4; i++) {
		if (ec_edit_distance(id, ec_questions[i].id) != best)
			continue;
		if (shown++)
			strcat(list, ", ");
		strcat(list, "q");
		strcat(list, ec_questions[i].id);
	}
	cli_error("unknown question '%s' (closest: %s; see 'examcheck list')", cli_echo(arg, echo),
		  list);
	return EC_EXIT_USAGE;
}

/* Print every leaf whose id is `prefix` or starts with "<prefix>."; all leaves when NULL. */
int cli_run_questions(const char *prefix)
{
	ec_exam *exam;
	ec_error err;
	int rc = gio_open_exam(cli_command(), 0, &exam);

	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_exam_worked(exam, prefix, stdout, &err) != EC_OK) {
		cli_report(&err);
		rc = cli_exit_for(err.status);
	} else {
		gio_warn_data(exam, NULL);
	}
	ec_exam_free(exam);
	return rc;
}

static const cli_opt no_opts[] = {{NULL, 0, NULL, 0}};

/*
 * Read the arguments of a command that takes options only (-h, -V, --).
 * True when the command stops there (help, version, an error), with its
 * exit status in *status.
 */
static bool stops(const char *cmd, int argc, char **argv, const char *help, int *status)
{
	cli_args it;
	int c;

	cli_args_init(&it, cmd, argc, argv, no_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		if (c != CLI_OPERAND) {
			*status = cli_done(&it, c, help);
			return true;
		}
		cli_error("%s: unexpected argument '%s'", cmd, it.value);
		*status = EC_EXIT_USAGE;
		return true;
	}
	return false;
}

int cmd_all(int argc, char **argv)
{
	int status;

	if (stops("all", argc, argv,
		  "usage: examcheck all\n\nPrint every worked answer in exam order.\n", &status))
		return status;
	return cli_run_questions(NULL);
}

int cmd_list(int argc, char **argv)
{
	size_t i;
	int status;

	if (stops("list", argc, argv,
		  "usage: examcheck list\n\n"
		  "List every question and sub-question id with a short title and its\n"
		  "points, one per line: id, points, title, separated by tabs.\n",
		  &status))
		return status;
	for (i = 0; i < ec_question_count; i++)
		printf("q%s\t%g\t%s\n", ec_questions[i].id, ec_questions[i].points,
		       ec_questions[i].title);
	return EC_EXIT_OK;
}

static const char question_help[] =
	"usage: examcheck ID\n"
	"\n"
	"Print the worked answer of question ID: a first line 'Answer: ANSWER' in\n"
	"the short form of the answer key, a heading with the question's id, title\n"
	"and points, then the reasoning with every number. A question with parts\n"
	"(q3.2) prints each part in turn, each with its own 'Answer:' line.\n"
	"\n"
	"ID may be written q3.2, Q3.2 or 3.2. 'examcheck list' lists the ids with\n"
	"their titles and points; 'examcheck all' prints every worked answer.\n"
	"\n"
	"Options:\n"
	"  -h, --help     print this help and exit\n"
	"  -V, --version  print the version and exit\n"
	"\n"
	"Exit status: 0 ok, 2 unknown ID (the message names the closest ids), 65\n"
	"malformed data file, 66 a data file of EXAMCHECK_DATA cannot be opened,\n"
	"74 write error.\n";

/* `examcheck ID`: argv[0] is the id as written, `id` normalised ("3.2"). */
static int cmd_question(int argc, char **argv, const char *id)
{
	int status;

	if (stops(argv[0], argc, argv, question_help, &status))
		return status;
	if (!ec_question_find(id))
		return cli_unknown_question(argv[0], id);
	cli_set_command(argv[0]);
	return cli_run_questions(id);
}

/* "examcheck: unknown command 'chek' (did you mean 'check'?)" */
static int unknown_command(const char *name)
{
	const char *names[sizeof(commands) / sizeof(commands[0])];
	char close[128], shown[CLI_ECHO_SIZE];
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		names[i] = commands[i].name;
	if (cli_closest(name, names, i, "", close, sizeof(close)))
		cli_error("unknown command '%s' (did you mean %s?)", cli_echo(name, shown), close);
	else
		cli_error("unknown command '%s' (see 'examcheck --help')", cli_echo(name, shown));
	return EC_EXIT_USAGE;
}

/* argv[0] is a command's name or a question id. */
static int run_command(int argc, char **argv)
{
	char id[32];
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[0], commands[i].name) == 0) {
			cli_set_command(commands[i].name);
			return commands[i].fn(argc, argv);
		}
	if (ec_question_normalise(argv[0], id, sizeof(id)))
		return cmd_question(argc, argv, id);
	return unknown_command(argv[0]);
}

int cmd_help(int argc, char **argv)
{
	static const char help[] =
		"usage: examcheck help [COMMAND]\n"
		"\n"
		"Print the help of COMMAND, the same as 'examcheck COMMAND --help'; COMMAND\n"
		"may be a question id (q3.2) for the help of worked answers. Without\n"
		"COMMAND, print the help of examcheck ('examcheck --help').\n";
	char *args[3] = {NULL, "--help", NULL};
	cli_args it;
	int c;

	cli_args_init(&it, "help", argc, argv, no_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		if (c != CLI_OPERAND)
			return cli_done(&it, c, help);
		if (args[0]) {
			cli_error("help: unexpected argument '%s'", it.value);
			return EC_EXIT_USAGE;
		}
		args[0] = (char *)it.value;
	}
	if (!args[0]) {
		usage(stdout);
		return EC_EXIT_OK;
	}
	return run_command(2, args);
}

/* examcheck [-h | -V | --] COMMAND-OR-ID [ARG...] */
static int dispatch(int argc, char **argv)
{
	cli_args it;
	size_t i;
	int c, status;

	cli_args_init(&it, NULL, argc, argv, no_opts);
	c = argc < 2 ? CLI_END : cli_next(&it);
	switch (c) {
	case CLI_OPERAND: /* the command: it and what follows are its own */
		return run_command(argc - it.next + 1, argv + it.next - 1);
	case CLI_END:
		usage(stderr);
		return EC_EXIT_USAGE;
	case CLI_HELP:
		usage(stdout);
		return EC_EXIT_OK;
	}
	status = cli_done(&it, c, NULL);
	for (i = 0; c == CLI_COMPLETE && i < sizeof(commands) / sizeof(commands[0]); i++)
		printf("%s\n", commands[i].name);
	return status;
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
