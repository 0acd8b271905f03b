/*
 * cmd_practice.c: `examcheck practice [--seed N] [QUESTION ...]`: sit a
 * variant in the terminal. Each auto-graded item of the chosen questions
 * is asked in turn, its answer read from a line of standard input and
 * checked as `check --variant N` does (ec_exam_check()); hints are the
 * steps of the worked answer (ec_exam_steps()). Nothing depends on a
 * terminal, so that a pipe sits it the same way.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_check.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_writer.h"
#include "examcheck/ec_xorshift.h"
#include "gradeio.h"

static const char practice_help[] =
	"usage: examcheck practice [--seed N] [QUESTION ...]\n"
	"\n"
	"Sit a variant of the exam in the terminal. Every item of the QUESTIONs\n"
	"(every question when none is given) that is graded automatically is asked\n"
	"in exam order: first the text of its question, once, after the text its\n"
	"groups share (the network of 3.2, the figure of 3.3), then a prompt with\n"
	"the item's id ('3.2.1.1.dims? '). Each answer is one line of standard\n"
	"input, read as 'examcheck grade' reads a sheet, and scored and explained\n"
	"as 'examcheck check --variant N ID ANSWER' prints it. Instead of an answer:\n"
	"  skip   leave the item blank (scored as blank; the reasons show the answer)\n"
	"  hint   print the next step of the question's worked answer, then ask\n"
	"         again; the steps are its paragraphs after the Answer line and\n"
	"         heading, a numbered step ('2. POOL2, ...') on its own, and the\n"
	"         first often restates the question or names its data\n"
	"  quit   stop here (the end of the input stops too)\n"
	"An empty line asks again, and so does an answer that cannot be read, after\n"
	"saying why. At the end: each question's points and the total (of the items\n"
	"asked and not asked alike; points as a sheet's totals are written), and the\n"
	"command that prints each question's worked answer. Parts graded by hand\n"
	"(3.3.4-3.3.6, the why of 3.3.7) are not asked. Standard input may be a pipe:\n"
	"nothing depends on a terminal.\n"
	"\n"
	"Options:\n"
	"  --seed N   the variant, 0 to 2^63 - 1 (0 or 'original': the exam as\n"
	"             written); without it a seed from 1 to 999999 is drawn from\n"
	"             the time and the process id. The first line names the seed:\n"
	"             'Variant N (examcheck practice --seed N to sit it again)'\n"
	"  QUESTION   a question or group to sit: q3.2.1, 3.2, 2 ('examcheck list')\n"
	"\n"
	"Exit status: 0 it ran, whatever the score; 2 usage (a bad seed or question);\n"
	"65 a malformed rubric or data file (EXAMCHECK_DATA); 74 a read or write error.\n";

/* Most questions given on the command line. */
#define PRACTICE_QUESTIONS 64

typedef struct session {
	uint64_t seed;
	const char *chosen[PRACTICE_QUESTIONS]; /* normalised ids; none: all */
	size_t nchosen;
	ec_exam *exam;
	ec_grader g;
	bool *shown;    /* per outline entry: its text was printed */
	double *points; /* per outline entry: points earned, of the items asked */
	double *max;    /* per outline entry: points of its auto-graded items */
	size_t *unasked; /* per outline entry: items not asked (quit, end of input) */
	bool stop;
} session;

/* Whether `id` is `q` or lies under it. */
static bool under(const char *q, const char *id)
{
	size_t n = strlen(q);

	return strncmp(q, id, n) == 0 && (id[n] == '\0' || id[n] == '.');
}

static bool chosen(const session *s, const char *id)
{
	size_t i;

	if (!s->nchosen)
		return true;
	for (i = 0; i < s->nchosen; i++)
		if (under(s->chosen[i], id))
			return true;
	return false;
}

/* Whether grader item k is asked: auto-graded, under leaf `id`. */
static bool asked(const session *s, size_t k, const char *id)
{
	const char *of = ec_question_of(s->g.items[k].key.id);

	return s->g.items[k].rule.scheme != EC_SCHEME_MANUAL && of && strcmp(of, id) == 0;
}

/* A seed from the time and the process id, 1 to 999999. */
static uint64_t fresh_seed(void)
{
	ec_xorshift g;

	ec_xorshift_seed_mixed(&g, (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32));
	return 1 + ec_xorshift_below(&g, 999999);
}

/* The text of outline entry i under its heading, as the text paper writes it. */
static int print_text(session *s, size_t i)
{
	const ec_question *q = &ec_questions[i];
	ec_text t = {0};
	ec_buf b = EC_BUF_INIT;
	ec_error err;
	int rc = EC_EXIT_OK;

	ec_error_clear(&err);
	s->shown[i] = true;
	if (q->leaf)
		printf("\n%s (%g point%s)\n\n", q->id, q->points, q->points == 1 ? "" : "s");
	else
		printf("\n%s %s (%g points)\n\n", q->id, q->title, q->points);
	if (ec_exam_text(s->exam, q, &t, &err) != EC_OK) {
		cli_report(&err);
		rc = cli_exit_for(err.status);
	} else if (ec_text_render(&t, &b) != EC_OK) {
		cli_error("practice: out of memory");
		rc = EC_EXIT_SOFTWARE;
	} else {
		fputs(ec_buf_str(&b), stdout);
	}
	ec_buf_free(&b);
	ec_text_free(&t);
	return rc;
}

/* One line of standard input without its line end into *line; false at its end. */
static bool read_line(char **line, size_t *cap)
{
	ssize_t n = getline(line, cap, stdin);

	if (n < 0)
		return false;
	while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
		(*line)[--n] = '\0';
	return true;
}

/* `s` without the blanks around it (in place). */
static char *trimmed(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

/*
 * Ask item k (of leaf i) until it is answered, skipped, or the session
 * stops. Returns an exit status.
 */
static int ask(session *s, size_t i, size_t k, ec_text *steps, size_t *step, char **line,
	       size_t *cap)
{
	const char *id = s->g.items[k].key.id;
	char where[64];

	for (;;) {
		ec_check_report report;
		const char *answer;
		ec_error err;
		char *word;

		printf("%s? ", id);
		fflush(stdout);
		if (!read_line(line, cap)) {
			putchar('\n');
			s->stop = true;
			return EC_EXIT_OK;
		}
		word = trimmed(*line);
		if (!*word)
			continue;
		if (strcmp(word, "quit") == 0) {
			s->stop = true;
			return EC_EXIT_OK;
		}
		if (strcmp(word, "hint") == 0) {
			if (*step < steps->count)
				printf("%s\n", steps->blocks[(*step)++].text);
			else
				printf("No more steps: the whole worked answer is %s\n",
				       ec_exam_worked_command(s->exam, ec_questions[i].id, where,
							      sizeof(where)));
			continue;
		}
		answer = strcmp(word, "skip") == 0 ? "" : word;
		ec_error_clear(&err);
		if (ec_exam_check(s->exam, &s->g, id, &answer, 1, &report, &err) != EC_OK) {
			cli_error("practice: %s: %s", id, err.msg);
			return gio_exit_for(err.status);
		}
		if (report.items[0].verdict == EC_VERDICT_UNREADABLE) {
			printf("That cannot be read: %s. Answer again, or skip, hint, quit.\n",
			       report.items[0].unreadable);
			ec_check_report_free(&report);
			continue;
		}
		s->points[i] += report.items[0].points;
		if (ec_write_check(stdout, ec_writer_get(EC_FORMAT_TEXT), &report, &err) != EC_OK) {
			cli_error("practice: %s", err.msg);
			ec_check_report_free(&report);
			return gio_exit_for(err.status);
		}
		ec_check_report_free(&report);
		return EC_EXIT_OK;
	}
}

/* Sit leaf i: the texts not shown yet, then each of its items. Returns an exit status. */
static int sit(session *s, size_t i, char **line, size_t *cap)
{
	const ec_question *q = &ec_questions[i];
	ec_text steps = {0};
	ec_error err;
	size_t j, k, step = 0;
	int rc = EC_EXIT_OK;

	if (s->stop) {
		for (k = 0; k < s->g.count; k++)
			s->unasked[i] += asked(s, k, q->id);
		return EC_EXIT_OK;
	}
	for (j = 0; j <= i && rc == EC_EXIT_OK; j++)
		if (!s->shown[j] && (j == i || (!ec_questions[j].leaf && under(ec_questions[j].id, q->id))))
			rc = print_text(s, j);
	ec_error_clear(&err);
	if (rc == EC_EXIT_OK && ec_exam_steps(s->exam, q->id, &steps, &err) != EC_OK) {
		cli_report(&err);
		rc = cli_exit_for(err.status);
	}
	for (k = 0; k < s->g.count && rc == EC_EXIT_OK; k++) {
		if (!asked(s, k, q->id))
			continue;
		if (s->stop) {
			s->unasked[i]++;
			continue;
		}
		putchar('\n');
		rc = ask(s, i, k, &steps, &step, line, cap);
		if (s->stop)
			s->unasked[i]++;
	}
	ec_text_free(&steps);
	return rc;
}

/* The points of each question, the total and the worked answers' commands. */
static void summary(const session *s)
{
	double total = 0, max = 0;
	char a[32], b[32], where[64];
	size_t i;
	bool hand = false;

	if (s->seed)
		printf("\nScore of variant %" PRIu64 ":\n", s->seed);
	else
		printf("\nScore of the original exam:\n");
	for (i = 0; i < ec_question_count; i++) {
		if (!ec_questions[i].leaf || !chosen(s, ec_questions[i].id) || s->max[i] == 0)
			continue;
		printf("  %-8s %s of %s", ec_questions[i].id, ec_points_format(s->points[i], a),
		       ec_points_format(s->max[i], b));
		if (s->unasked[i])
			printf("  (%zu not asked)", s->unasked[i]);
		putchar('\n');
		total += s->points[i];
		max += s->max[i];
	}
	printf("Total: %s of %s\n", ec_points_format(total, a), ec_points_format(max, b));
	for (i = 0; i < ec_question_count; i++) {
		if (ec_questions[i].leaf && chosen(s, ec_questions[i].id) && s->max[i] == 0) {
			printf("%s%s", hand ? ", " : "Graded by hand, not asked: ", ec_questions[i].id);
			hand = true;
		}
	}
	if (hand)
		putchar('\n');
	printf("Worked answers:\n");
	for (i = 0; i < ec_question_count; i++)
		if (ec_questions[i].leaf && chosen(s, ec_questions[i].id))
			printf("  %s\n", ec_exam_worked_command(s->exam, ec_questions[i].id, where,
								 sizeof(where)));
}

/* Open the exam, its key and the rubric into s. Returns an exit status. */
static int setup(session *s)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL, seed[32];
	ec_error err;
	size_t i, k;
	int rc;

	ec_error_clear(&err);
	snprintf(seed, sizeof(seed), "%" PRIu64, s->seed);
	rc = gio_load_key("practice", NULL, seed, &s->exam, &key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("practice", s->exam, NULL, &r, &rubric_text);
	if (rc == EC_EXIT_OK && ec_grader_init(&s->g, &key, &r, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	ec_key_free(&key);
	if (rc != EC_EXIT_OK)
		return rc;
	gio_warn_data(s->exam, NULL);
	s->shown = calloc(ec_question_count, sizeof(*s->shown));
	s->points = calloc(ec_question_count, sizeof(*s->points));
	s->max = calloc(ec_question_count, sizeof(*s->max));
	s->unasked = calloc(ec_question_count, sizeof(*s->unasked));
	if (!s->shown || !s->points || !s->max || !s->unasked) {
		cli_error("practice: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	for (i = 0; i < ec_question_count; i++)
		for (k = 0; ec_questions[i].leaf && k < s->g.count; k++)
			if (asked(s, k, ec_questions[i].id))
				s->max[i] += s->g.items[k].key.points;
	return EC_EXIT_OK;
}

enum { OPT_SEED };

static const cli_opt practice_opts[] = {
	{"seed", 0, "N", OPT_SEED},
	{NULL, 0, NULL, 0},
};

/* Read the arguments into s. Returns -1 to go on, else the exit status to end with. */
static int parse_args(int argc, char **argv, session *s, char (*ids)[32])
{
	const char *seed_text = NULL;
	ec_error err;
	cli_args it;
	int c;

	cli_args_init(&it, "practice", argc, argv, practice_opts);
	while ((c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_SEED:
			seed_text = it.value;
			break;
		case CLI_OPERAND:
			if (s->nchosen == PRACTICE_QUESTIONS) {
				cli_error("practice: more than %d questions", PRACTICE_QUESTIONS);
				return EC_EXIT_USAGE;
			}
			if (!ec_question_normalise(it.value, ids[s->nchosen], 32)) {
				cli_error("practice: '%s' is not a question id (see 'examcheck list')",
					  it.value);
				return EC_EXIT_USAGE;
			}
			if (!ec_question_find(ids[s->nchosen]))
				return cli_unknown_question(it.value, ids[s->nchosen]);
			s->chosen[s->nchosen] = ids[s->nchosen];
			s->nchosen++;
			break;
		default:
			return cli_done(&it, c, practice_help);
		}
	}
	ec_error_clear(&err);
	if (!seed_text)
		s->seed = fresh_seed();
	else if (ec_exam_seed_parse(seed_text, &s->seed, &err) != EC_OK) {
		cli_error("practice: %s", err.msg);
		return EC_EXIT_USAGE;
	}
	return -1;
}

int cmd_practice(int argc, char **argv)
{
	static char ids[PRACTICE_QUESTIONS][32];
	session s;
	char *line = NULL;
	size_t i, cap = 0;
	int rc;

	memset(&s, 0, sizeof(s));
	rc = parse_args(argc, argv, &s, ids);
	if (rc >= 0)
		return rc;
	rc = setup(&s);
	if (rc == EC_EXIT_OK) {
		if (s.seed)
			printf("Variant %" PRIu64 " (examcheck practice --seed %" PRIu64, s.seed, s.seed);
		else
			printf("The original exam (examcheck practice --seed 0");
		for (i = 0; i < s.nchosen; i++)
			printf(" %s", s.chosen[i]);
		printf(" to sit it again)\n"
		       "Answer each item on a line of its own; instead of an answer, 'skip' leaves\n"
		       "it blank, 'hint' shows the next step of the worked answer, 'quit' stops.\n");
		for (i = 0; i < ec_question_count && rc == EC_EXIT_OK; i++)
			if (ec_questions[i].leaf && chosen(&s, ec_questions[i].id) && s.max[i] > 0)
				rc = sit(&s, i, &line, &cap);
		if (rc == EC_EXIT_OK && ferror(stdin)) {
			cli_error("practice: standard input: read error");
			rc = EC_EXIT_IOERR;
		}
		if (rc == EC_EXIT_OK)
			summary(&s);
	}
	free(line);
	free(s.shown);
	free(s.points);
	free(s.max);
	free(s.unasked);
	if (s.exam) {
		ec_grader_free(&s.g);
		ec_exam_free(s.exam);
	}
	return rc;
}
