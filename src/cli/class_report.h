/*
 * class_report.h: grade --stats and --report over a roster: the class
 * (ec_class) gathered while it is graded, the mistakes named from the
 * explainer, and the HTML report written whole or not at all.
 */
#ifndef EC_CLI_CLASS_REPORT_H
#define EC_CLI_CLASS_REPORT_H

#include <threads.h>

#include "examcheck/ec_class.h"
#include "reasons.h"

typedef struct cli_class {
	ec_class *cls;
	cli_reasons reasons; /* the facts behind the mistakes named (the exam's own key only) */
	const ec_grader *exam;
	thrd_t facts;        /* computes `reasons` while the roster is graded */
	bool facts_running;
	int facts_status;
	char *command;       /* the grading command, quoted for a shell */
} cli_class;

/**
 * Start gathering the class graded by graders[0..n) (variants: their
 * seeds, NULL without a variant column). Mistakes are named for `exam`,
 * the exam's own key, when it is one of them (NULL: none): the facts that
 * name them are computed by a thread of their own while the roster is
 * graded (in this one when no thread can be started). argv[0..argc)
 * is the grade command's (argv[0] "grade"), repeated in the report's
 * --accept lines. Returns an exit status, after a message.
 */
int cli_class_open(cli_class *cc, const ec_grader *const *graders, size_t n,
		   const uint64_t *variants, const ec_grader *exam, const char *roster, int argc,
		   char **argv);

/** Once the roster is graded: ec_class_finish(). Returns an exit status, after a message. */
int cli_class_finish(cli_class *cc, const ec_roster_summary *sum);

/**
 * Write the report to `path` ('-' standard output) as -o writes: a regular
 * file whole or not at all. Returns an exit status, after a message.
 */
int cli_class_report(cli_class *cc, const char *path);

/** Release what cli_class_open() made (a zeroed cli_class is fine). */
void cli_class_free(cli_class *cc);

#endif
