/*
 * class_report.h: grade --stats and --report over a roster: the class
 * (ec_class) gathered while it is graded, its answer groups named by the
 * mistakes of the exams the class sat, and the HTML report written whole
 * or not at all.
 */
#ifndef EC_CLI_CLASS_REPORT_H
#define EC_CLI_CLASS_REPORT_H

#include "examcheck/ec_class.h"
#include "examcheck/ec_exam.h"

typedef struct cli_class {
	ec_class *cls;
	char *command;       /* the grading command, quoted for a shell */
} cli_class;

/**
 * Start gathering the class of `roster`, its mistakes named from the
 * exams of `versions` (borrowed; ec_versions_mistake()). argv[0..argc)
 * is the grade command's (argv[0] "grade"), repeated in the report's
 * --accept lines. The class is gathered on a thread of its own when the
 * machine has more CPUs than `roster_threads`, the roster's, else in the
 * thread that hands the rows out. Returns an exit status, after a message.
 */
int cli_class_open(cli_class *cc, ec_versions *versions, const char *roster, int argc,
		   char **argv, unsigned roster_threads);

/** Once the roster is graded: ec_class_finish(). Returns an exit status, after a message. */
int cli_class_finish(cli_class *cc, const ec_roster_summary *sum);

/**
 * Write the report to `path` ('-' standard output) as -o writes: a regular
 * file whole or not at all. Returns an exit status, after a message.
 */
int cli_class_report(cli_class *cc, const char *path);

/**
 * --stats in `format` to `f`: one block, or with a variant column a block
 * per version that graded a student (the exam's own when none did), in
 * order of seed, each with its answer groups. Returns an exit status,
 * after a message.
 */
int cli_class_stats(const cli_class *cc, FILE *f, ec_format format);

/** Release what cli_class_open() made (a zeroed cli_class is fine). */
void cli_class_free(cli_class *cc);

#endif
