/*
 * grade.h: what the parts of `examcheck grade` share: its options, the key
 * and rubric it grades with, the roster run (grade_roster.c) and the help
 * texts (grade_help.c).
 */
#ifndef EC_CLI_GRADE_H
#define EC_CLI_GRADE_H

#include <stdbool.h>

#include "examcheck/ec_exam.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_writer.h"

/* The help, in parts (one string may hold at most 4095 bytes in C11). */
extern const char grade_help[], grade_help_class[], grade_help_forms[], grade_help_roster[];

typedef struct grade_options {
	const char *key_file, *rubric_file, *roster, *out_path, *format_name, *sheet;
	const char *feedback;
	const char *report;
	const char *variant;
	const char *stats_format_name;
	const char *delimiter;
	const char *id_column, *map_file;
	ec_column_map map;   /* --map FILE, read */
	bool stats;
	ec_format stats_format;
	char **accepts;
	int naccepts;
	int argc;            /* the command as given (argv[0] "grade"), for --report */
	char **argv;
} grade_options;

/* What grading needs: the exam the key is of, the rubric, and the two joined. */
typedef struct grade_setup {
	ec_exam *exam;
	ec_rubric rubric;
	char *rubric_text;
	ec_grader g;
	bool joined;
	ec_key key; /* for the stand-in warning, given once the inputs are open */
} grade_setup;

/* The key (--key, --variant or the exam's), the rubric with the --accept answers, joined. */
int grade_setup_open(const grade_options *op, grade_setup *su);
void grade_setup_free(grade_setup *su);

/* --delimiter's value as a byte: ",", ";", "tab", "\t" written out or a tab itself; 0 for others. */
char grade_separator(const char *v);

/*
 * Whether every --accept ID@N=ANSWER names a key of the run: a key of
 * `versions`, or `g` (one of them is NULL). Says which does not.
 */
bool grade_accepts_used(const grade_options *op, const ec_versions *versions, const ec_grader *g);

/*
 * Grade the roster op->roster into -o (and --stats, --feedback, --report)
 * against su's key, or each row's variant. Returns an exit status.
 */
int grade_roster(const grade_options *op, grade_setup *su, ec_format format);

#endif
