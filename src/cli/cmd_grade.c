/*
 * cmd_grade.c: `examcheck grade`: score one answer sheet, or stream a class
 * roster (CSV) into a CSV of points with optional class statistics.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "class_report.h"
#include "cli.h"
#include "examcheck/ec_class.h"
#include "examcheck/ec_csv.h"
#include "examcheck/ec_exam.h"
#include "examcheck/ec_file.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_stats.h"
#include "examcheck/ec_writer.h"
#include "feedback_dir.h"
#include "gradeio.h"
#include "output.h"

static const char grade_help[] =
	"usage: examcheck grade [options] SHEET\n"
	"       examcheck grade [options] --roster FILE [-o OUT] [--stats]\n"
	"                       [--stats-format text|csv|json] [--feedback DIR]\n"
	"                       [--report FILE.html]\n"
	"\n"
	"Score an answer sheet (one '<id> <answer>' per line; blank lines and '#'\n"
	"comments allowed; a missing id is a blank answer), or every student of a\n"
	"roster: CSV whose header names the student id column first (any name;\n"
	"or --id-column), then items (1.1, Q1.1, q1.1, or a header starting with\n"
	"the id: '1.1: Title (2.0 pts)', 'Q1.1 Whitening'; or --map) and any other\n"
	"columns (name, email, ...), with one row per student; exports of Google\n"
	"Forms, Canvas, Moodle and Gradescope grade as they are. FILE or SHEET '-'\n"
	"is standard input.\n"
	"\n"
	"Options:\n"
	"  --key FILE        the key in the format of 'examcheck key --format tsv'\n"
	"                    (default: the key computed by the worked answers)\n"
	"  --variant N       the key of variant N ('examcheck variant --seed N --key');\n"
	"                    every student sat that variant (not with a roster column\n"
	"                    'variant'); reasons and feedback name its numbers\n"
	"  --rubric FILE     scoring rules (default: the built-in data/rubric)\n"
	"  --accept ID=ANS   also give full credit for ANS on item ID (2.9=AC,\n"
	"                    3.2.1.1.weights=2000; repeatable); ID@N=ANS: on the\n"
	"                    key of variant N only (0: the exam's own)\n"
	"  --delimiter C     roster: its fields' separator, ',', ';' or tab (default:\n"
	"                    the one its header uses most; the output uses ',')\n"
	"  --id-column NAME  roster: the student id column (any case; default: the\n"
	"                    first); the output writes it first\n"
	"  --map FILE        roster: CSV lines 'header text,item id' naming the\n"
	"                    columns whose header is not an item id (a header equal\n"
	"                    to the text, or starting with it and ':')\n"
	"  --format F        sheet: text (default; under an item not fully right a\n"
	"                    'why:' line, as 'examcheck check' says it), json,\n"
	"                    gradescope (results.json);\n"
	"                    roster: csv (default), json (an array, an object a\n"
	"                    student: line, student, data, total, sections,\n"
	"                    items {id: {points, verdict}}, flagged)\n"
	"  -o, --output FILE write the result to FILE ('-': standard output): a\n"
	"                    regular file appears whole or not at all; FILE naming\n"
	"                    an input (roster, sheet, key, rubric, map) is refused\n";

/* The options' second part (one string may hold at most 4095 bytes in C11): the class. */
static const char grade_help_class[] =
	"  --stats           roster: also print item analysis over the items the\n"
	"                    roster has a column for (marks by hand included):\n"
	"                    students, mean, median, standard deviation, min, max,\n"
	"                    Cronbach's alpha, a histogram of totals and per item\n"
	"                    the facility (mean points / points), the item-rest\n"
	"                    discrimination (correlation of the item with the total\n"
	"                    minus the item; '-' when undefined), how many of the\n"
	"                    upper and lower 27% by total got it fully right\n"
	"                    (students tied at a cut all count) and, for mc and tf\n"
	"                    items, the answers given; per item its answer groups\n"
	"                    (6,000 and 6000 are one) with students, points,\n"
	"                    verdict and the mistake that gives it; to standard\n"
	"                    output with -o, else to standard error\n"
	"  --stats-format F  text (default), csv (a line per item) or json; implies\n"
	"                    --stats\n"
	"  --feedback DIR    roster: also write a report per student to DIR/ID.txt\n"
	"                    (DIR is created if missing): total, sections, and per\n"
	"                    item the answer as written, the key, the points, a flag\n"
	"                    mark, and unless right a 'why:' line (the reason\n"
	"                    'examcheck check' gives) and the command of its worked\n"
	"                    answer ('examcheck q2.8'; for a student who sat variant\n"
	"                    N, 'examcheck variant --seed N 2.8' and N's numbers in\n"
	"                    the reasons). ID is the student id with bytes\n"
	"                    other than A-Z a-z 0-9 . _ - made '_', no leading '.',\n"
	"                    at most 100 bytes; a repeat (letters' case aside) gets\n"
	"                    -2, -3, ... A file of an earlier run is replaced whole;\n"
	"                    a link or anything not a regular file in its place\n"
	"                    stops the run (74)\n"
	"  --report FILE     roster: also write the class report, one HTML page that\n"
	"                    needs nothing else, to FILE (whole or not at all)\n"
	"\n";

/* The help's second part (one string may hold at most 4095 bytes in C11): answers. */
static const char grade_help_forms[] =
	"In a sheet an id may be written 1.1, Q1.1, q1.1, 1.1: or 1.1) (the answer\n"
	"may follow ':' or ')' directly). A line may answer a group as its worked\n"
	"answer does: '3.2.2 32, 32, 64' answers 3.2.2.1-3.2.2.3 in key order\n"
	"(separated by ';', ',' or blanks). Sheets, key files and rubrics may start\n"
	"with a UTF-8 byte-order mark; lines end at LF, CRLF or a lone CR.\n"
	"\n"
	"Answers:\n"
	"  true/false  T, F, True, False in any case, with a trailing '.' or in\n"
	"              parentheses: True.  (T)  (f)\n"
	"  options     letters in any order and case, separated or not:\n"
	"              AC  a, c  A and C  A;C  (A)(C)  A C.  b,a (a letter that is\n"
	"              not an option of the item is an error)\n"
	"  shapes      16x8x64x64  16 \xC3\x97 8 \xC3\x97 64 \xC3\x97 64  (16, 8, 64, 64)\n"
	"              [16,8,64,64]  16*8*64*64, compared factor by factor\n"
	"  counts      6000  6,000  6 000 (groups of three)  1e3  1.5e3  12/4\n"
	"              5x5x5x3x16  (16 x 64 x 64) x (3 x 3 x 3)  2**3  2^3,\n"
	"              computed exactly; none, N/A, NA or - read as 0\n"
	"  masks       010011000  0 1 0; 0 1 1; 0 0 0  [[0,1,0],[0,1,1],[0,0,0]]\n"
	"  numbers     decimals (-0.25, 1.25e-3), fractions (-1/4, also with the\n"
	"              minus sign U+2212) and arithmetic: + - * / ** ( ), ln, log\n"
	"              (natural, the same as ln), exp, sqrt and implicit products\n"
	"              (48 ln 2, 2ln2, 3(1+1)); the value must be finite\n"
	"\n"
	"A count or a number may end in a word for what it counts: 8 layers,\n"
	"6000 weights, 32 parameters (also bias, multiplication, hop, node, ...).\n"
	"\n"
	"A number equal to the key within a relative 1e-9 is right however it is\n"
	"written. Otherwise a decimal is right when it has at least 3 significant\n"
	"figures and every one is correct (the key rounded to as many figures is\n"
	"what was written): for 33.2710..., 33.3, 33.27 and 33.271 are right;\n"
	"33.28, 33.2, 33 (2 figures) and 33.30 (a trailing zero is a figure) are\n"
	"not. A rubric rule with rel=R or abs=A scores its numbers within\n"
	"max(A, R*|key|) instead.\n"
	"\n"
	"Items graded by hand (3.3.4-3.3.6 in the built-in rubric): a roster cell\n"
	"or a sheet line holds the mark a person gave, 0 to the item's points,\n"
	"also with a decimal comma (0,5) (empty: not graded yet; on a sheet,\n"
	"prose is left to a person). With every mark given, totals are out of\n"
	"all the points. Marks given count in every format, gradescope too.\n"
	"\n";

/* Rosters: what grading one gives and how its columns are read. */
static const char grade_help_roster[] =
	"Every student is graded. An answer or mark that cannot be read scores 0\n"
	"and is flagged: one line 'FILE:LINE: column 'ID': why' on standard error\n"
	"and its id in the row's 'flagged' field; a row with more or fewer fields\n"
	"than the header is graded from what it has (flag 'fields'), an empty id\n"
	"too (flag 'student'). A quote never closed ends its row with its line\n"
	"(flag: the item, unreadable, or 'quote'); the lines after it are rows of\n"
	"their own. Only a record the CSV cannot split (a stray quote, a NUL) is\n"
	"lost, and reported. A student id given twice is graded twice with a\n"
	"warning naming both lines. On a sheet, an unknown id, an unreadable\n"
	"answer or an item answered twice is flagged (FILE:LINE) and the rest\n"
	"graded.\n"
	"\n"
	"Roster input: fields separated by ',', ';' or tab, the one the header\n"
	"uses most (--delimiter forces one). A header that begins with an item id\n"
	"and a blank, ':', ')', '-' or ',' names that item ('1.1: Whitening (2.0\n"
	"pts)', 'Q2.1 Options', '3.1.2 - gradient'); --map FILE names others: CSV\n"
	"lines 'header text,item id' (a first line 'header,item' is skipped)\n"
	"naming a header equal to the text (any case) or starting with it and ':'\n"
	"(Canvas's '1409981: <p>...</p>'). A header that looks like a mistyped id\n"
	"('Q 1.3', '1.3a', '7.7') is warned about and kept as data. Exports:\n"
	"  Google Forms  --id-column 'Email Address' --map MAP (question texts)\n"
	"  Canvas        --id-column sis_id --map MAP (question ids; marks of an\n"
	"                essay in the points column after it: '1.0,3.3.4')\n"
	"  Moodle        --id-column 'Email address' --map MAP ('Response 1,1.1')\n"
	"  Gradescope    --id-column SID\n"
	"\n"
	"Roster output (CSV): the id column, the data columns in their order,\n"
	"total, section.1, section.2, ..., the points of each item the roster has a\n"
	"column for (key order; items it lacks count as blank; a mark not given\n"
	"yet is empty, never 0), pending (when an item graded by hand has a\n"
	"column: the items whose mark is not given yet) and flagged.\n"
	"\n"
	"A roster column named 'variant' (any case) picks each student's key: blank,\n"
	"0 or original the exam's own, N the key of variant N (at most 64 keys in a\n"
	"run, the exam's counted). The item columns are then those of any of these\n"
	"keys, in header order, empty where a student's key lacks the item; a cell\n"
	"naming no variant is flagged ('variant') and graded against the exam's\n"
	"key. --stats gives a block per variant (text: a line 'variant N' first;\n"
	"csv: a first column 'variant'; json: an array of {variant, stats}).\n"
	"Not with --key or --variant; --accept applies to every key that has the\n"
	"item (ID@N=ANS only to variant N's); --feedback gives each student the\n"
	"reasons and worked answers of their own variant.\n"
	"\n"
	"The class report (--report): summary, histograms of totals and sections,\n"
	"facility against discrimination, per item its answer groups with their\n"
	"mistakes and the command that accepts each, options of the upper and\n"
	"lower 27%, flagged cells; a part per variant. It opens offline and prints.\n"
	"\n"
	"Exit status: 0 ok (warnings allowed), 2 usage, 65 something flagged or\n"
	"lost, or a malformed key, rubric, sheet or roster header, 66 a file\n"
	"cannot be opened or is a directory, 74 read or write error.\n";

enum {
	OPT_KEY,
	OPT_RUBRIC,
	OPT_ROSTER,
	OPT_FORMAT,
	OPT_STATS,
	OPT_STATS_FORMAT,
	OPT_OUTPUT,
	OPT_FEEDBACK,
	OPT_VARIANT,
	OPT_ACCEPT,
	OPT_DELIMITER,
	OPT_ID_COLUMN,
	OPT_MAP,
	OPT_REPORT
};

static const cli_opt grade_opts[] = {
	{"key", 0, "FILE", OPT_KEY},
	{"rubric", 0, "FILE", OPT_RUBRIC},
	{"roster", 0, "FILE", OPT_ROSTER},
	{"format", 0, "@sheet --roster @roster", OPT_FORMAT},
	{"stats", 0, NULL, OPT_STATS},
	{"stats-format", 0, "@stats", OPT_STATS_FORMAT},
	{"output", 'o', "FILE", OPT_OUTPUT},
	{"feedback", 0, "DIR", OPT_FEEDBACK},
	{"variant", 0, "N", OPT_VARIANT},
	{"accept", 0, "ID=ANSWER", OPT_ACCEPT},
	{"delimiter", 0, ",|;|tab", OPT_DELIMITER},
	{"id-column", 0, "NAME", OPT_ID_COLUMN},
	{"map", 0, "FILE", OPT_MAP},
	{"report", 0, "FILE", OPT_REPORT},
	{NULL, 0, NULL, 0},
};

typedef struct options {
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
} options;

/* --delimiter's value as a byte: ",", ";", "tab", "\t" written out or a tab itself; 0 for others. */
static char cli_separator(const char *v)
{
	if (strcmp(v, "tab") == 0 || strcmp(v, "\\t") == 0)
		return '\t';
	return v[0] && !v[1] ? v[0] : 0;
}

/* Read --map FILE into op->map. Returns an exit status (after a message). */
static int load_map(options *op)
{
	char *text;
	size_t len;
	ec_error err;
	int rc = gio_read_file("grade", op->map_file, &text, &len);

	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	if (ec_column_map_parse(&op->map, text, len, op->map_file, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	}
	free(text);
	return rc;
}

/*
 * -o and --report must not name an input, which they would replace, nor
 * each other. EC_EXIT_USAGE after a message.
 */
static int check_output(const options *op)
{
	const char *const inputs[] = {op->roster, op->sheet, op->key_file, op->rubric_file,
				      op->map_file};
	static const char *const names[] = {"the roster", "the sheet", "the key", "the rubric",
					    "the column map"};
	const char *const outputs[] = {op->out_path, op->report};
	static const char *const flags[] = {"-o", "--report"};
	size_t k;
	long at;

	for (k = 0; k < 2; k++) {
		at = ec_file_find_same(outputs[k], inputs, sizeof(inputs) / sizeof(inputs[0]));
		if (at >= 0) {
			cli_error("grade: %s '%s' is %s ('%s'): it would be replaced; write the "
				  "result to another file",
				  flags[k], outputs[k], names[at], inputs[at]);
			return EC_EXIT_USAGE;
		}
	}
	if (op->out_path && op->report && strcmp(op->out_path, "-") != 0 &&
	    (strcmp(op->out_path, op->report) == 0 ||
	     ec_file_find_same(op->out_path, &op->report, 1) >= 0)) {
		cli_error("grade: -o and --report name the same file ('%s')", op->report);
		return EC_EXIT_USAGE;
	}
	return EC_EXIT_OK;
}

/* What grading needs: the exam the key is of, the rubric, and the two joined. */
typedef struct setup {
	ec_exam *exam;
	ec_rubric rubric;
	char *rubric_text;
	ec_grader g;
	bool joined;
	ec_key key; /* for the stand-in warning, given once the inputs are open */
} setup;

static void setup_free(setup *su)
{
	if (su->joined)
		ec_grader_free(&su->g);
	ec_rubric_free(&su->rubric);
	free(su->rubric_text);
	ec_exam_free(su->exam);
	ec_key_free(&su->key);
}

/* The key (--key, --variant or the exam's), the rubric with the --accept answers, joined. */
static int setup_open(const options *op, setup *su)
{
	ec_key *key = &su->key;
	ec_error err;
	int i, rc;

	memset(su, 0, sizeof(*su));
	ec_error_clear(&err);
	rc = gio_load_key("grade", op->key_file, op->variant, &su->exam, key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("grade", su->exam, op->rubric_file, &su->rubric,
				     &su->rubric_text);
	for (i = 0; i < op->naccepts && rc == EC_EXIT_OK; i++)
		if (ec_rubric_accept(&su->rubric, op->accepts[i], "--accept", &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc = gio_exit_for(err.status);
		}
	if (rc == EC_EXIT_OK && key->count == 0) {
		cli_error("grade: the answer key has no items");
		rc = EC_EXIT_DATAERR;
	}
	if (rc == EC_EXIT_OK) {
		if (ec_grader_init(&su->g, key, &su->rubric, &err) == EC_OK) {
			su->joined = true;
		} else {
			cli_report(&err);
			rc = gio_exit_for(err.status); /* an --accept that does not fit: usage */
		}
	}
	return rc;
}

/* ---- one sheet ---- */

/*
 * Whether every --accept ID@N=ANSWER names a key of the run: a key of
 * `versions`, or `g` (one of them is NULL). Says which does not.
 */
static bool accepts_used(const options *op, const ec_versions *versions, const ec_grader *g)
{
	int i;

	for (i = 0; i < op->naccepts; i++) {
		const char *spec = op->accepts[i], *eq = strchr(spec, '='), *at = strchr(spec, '@');
		uint64_t seed;

		if (!at || !eq || at > eq)
			continue;
		seed = strncmp(at + 1, "original", 8) == 0 ? 0 : strtoull(at + 1, NULL, 10);
		if (versions ? !ec_versions_has(versions, seed) : g->seed != seed) {
			cli_error("grade: --accept %s: no student of %s sat variant %llu", spec,
				  op->roster ? op->roster : op->sheet, (unsigned long long)seed);
			return false;
		}
	}
	return true;
}

static int grade_sheet(const options *op, setup *su, ec_format format)
{
	ec_sheet_report report;
	ec_reasons reasons;
	char *text = NULL;
	size_t len, i;
	ec_error err;
	ec_status st;
	cli_output out;
	int rc;

	if (!accepts_used(op, NULL, &su->g))
		return EC_EXIT_USAGE;
	rc = gio_read_file("grade", op->sheet, &text, &len);
	if (rc != EC_EXIT_OK)
		return rc;
	gio_warn_data(su->exam, &su->key);
	ec_error_clear(&err);
	st = ec_grade_sheet_report(&su->g, text, len, op->sheet, &report, &err);
	free(text);
	if (st != EC_OK) {
		cli_report(&err);
		return gio_exit_for(err.status);
	}
	for (i = 0; i < report.nflags; i++)
		cli_report(&report.flags[i]);
	/* text gives a reason under each item not fully right */
	memset(&reasons, 0, sizeof(reasons));
	if (format == EC_FORMAT_TEXT && (ec_reasons_init(&reasons, su->exam, &su->g, &err) != EC_OK ||
					 ec_reasons_sheet(&reasons, &report, &err) != EC_OK)) {
		cli_error("grade: %s", err.msg);
		rc = gio_exit_for(err.status);
	}
	if (rc == EC_EXIT_OK)
		rc = cli_output_open(&out, "grade", op->out_path);
	if (rc == EC_EXIT_OK) {
		st = ec_write_sheet(out.f, ec_writer_get(format), &report, &err);
		if (st == EC_OK) {
			rc = cli_output_commit(&out);
		} else {
			cli_error("grade: %s", err.msg);
			cli_output_abort(&out);
			rc = st == EC_ERR_INVALID ? EC_EXIT_USAGE : gio_exit_for(st);
		}
	}
	if (rc == EC_EXIT_OK && report.nflags) {
		cli_error("grade: %s: %zu line%s flagged (listed above); the rest is graded",
			  op->sheet, report.nflags, report.nflags == 1 ? "" : "s");
		rc = EC_EXIT_DATAERR;
	}
	ec_reasons_free(&reasons);
	ec_sheet_report_free(&report);
	return rc;
}

/* ---- a roster ---- */

/* What the CLI does with each graded student: statistics, progress, output, feedback. */
typedef struct roster_cli {
	const struct options *op;
	ec_versions *versions; /* the versions of the exam a 'variant' column names */
	cli_class cc;         /* --stats, --report: the class, a key's each, over the items the
				 roster has a column for */
	uint64_t seeds[EC_ROSTER_GRADERS_MAX]; /* each key's exam */
	size_t nkeys;
	bool progress;
	uint64_t graded;
	fbdir feedback;       /* --feedback DIR: open when given */
	const ec_writer *writer; /* a format ec_roster_grade() does not write itself */
	ec_write_ctx wctx;
	FILE *out;
	ec_roster_header header[EC_ROSTER_GRADERS_MAX]; /* copies, a key's each, for the writer */
	int status;           /* set when a callback stopped the run and said why */
} roster_cli;

static bool on_header(void *ctx, const ec_roster_header *h)
{
	roster_cli *rc = ctx;
	const ec_grader *g = h->graded_with;
	ec_exam *exam = ec_versions_exam_of(rc->versions, g);
	ec_error err;

	ec_error_clear(&err);
	/* the first header comes once every key of the run is known */
	if (h->grader == 0 && !accepts_used(rc->op, rc->versions, NULL)) {
		rc->status = EC_EXIT_USAGE;
		return false;
	}
	rc->nkeys = h->grader + 1;
	rc->seeds[h->grader] = g->seed;
	if (rc->cc.cls && ec_class_header(rc->cc.cls, h, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc->status = EC_EXIT_SOFTWARE;
		return false;
	}
	if (rc->writer) {
		if (ec_roster_header_copy(&rc->header[h->grader], h) != EC_OK) {
			cli_error("grade: out of memory");
			rc->status = EC_EXIT_SOFTWARE;
			return false;
		}
		if (h->grader == 0 && ec_write_roster_begin(&rc->wctx, rc->out, rc->writer, g,
							    &rc->header[0], &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc->status = EC_EXIT_SOFTWARE;
			return false;
		}
	}
	return !rc->feedback.open || fbdir_header(&rc->feedback, exam, h);
}

static bool on_row(void *ctx, const ec_roster_row *row)
{
	roster_cli *rc = ctx;
	ec_error err;

	if (rc->cc.cls)
		ec_class_add(rc->cc.cls, row);
	if (rc->progress && (++rc->graded & 0xFFFF) == 0)
		fprintf(stderr, "\rexamcheck: grade: %llu students", (unsigned long long)rc->graded);
	if (rc->writer && ec_write_roster_row(&rc->wctx, rc->writer, row->graded_with,
					      &rc->header[row->grader], row, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc->status = EC_EXIT_SOFTWARE;
		return false;
	}
	return !rc->feedback.open || fbdir_student(&rc->feedback, row);
}

static void on_report(void *ctx, const ec_error *err)
{
	roster_cli *rc = ctx;
	char buf[512];

	if (rc->cc.cls)
		ec_class_flag(rc->cc.cls, err);
	if (err->status == EC_OK)
		cli_warn("%s", ec_error_format(err, buf, sizeof(buf)));
	else
		cli_report(err);
}

static void roster_cli_free(roster_cli *rc)
{
	size_t k;

	for (k = 0; k < EC_ROSTER_GRADERS_MAX; k++)
		ec_roster_header_free(&rc->header[k]);
	cli_class_free(&rc->cc);
	ec_write_ctx_free(&rc->wctx);
	fbdir_close(&rc->feedback);
	ec_versions_free(rc->versions);
}

/* EXAMCHECK_SINGLE_THREAD (any non-empty value): read and score in one thread. */
static unsigned threads_wanted(void)
{
	const char *v = getenv("EXAMCHECK_SINGLE_THREAD");

	return v && *v ? 1 : 0;
}

static int grade_roster(const options *op, setup *su, ec_format format)
{
	FILE *in = strcmp(op->roster, "-") == 0 ? stdin : fopen(op->roster, "rb");
	ec_roster_options ro;
	ec_roster_summary sum;
	roster_cli rc;
	ec_error err;
	cli_output out;
	struct stat sb;
	int status = EC_EXIT_OK;

	if (!in) {
		cli_error("grade: %s: cannot open: %s", op->roster, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		cli_error("grade: %s: is a directory", op->roster);
		status = EC_EXIT_NOINPUT;
	}
	memset(&rc, 0, sizeof(rc));
	rc.op = op;
	ec_error_clear(&err);
	if (status == EC_EXIT_OK && ec_versions_open(su->exam, &su->g, getenv("EXAMCHECK_DATA"),
						     &su->rubric, &rc.versions, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		status = EC_EXIT_SOFTWARE;
	}
	if (status == EC_EXIT_OK && (op->stats || op->report))
		status = cli_class_open(&rc.cc, rc.versions, op->roster, op->argc, op->argv);
	if (status == EC_EXIT_OK && op->feedback)
		status = fbdir_open(&rc.feedback, op->feedback);
	if (status == EC_EXIT_OK)
		status = cli_output_open(&out, "grade", op->out_path);
	if (status != EC_EXIT_OK) {
		roster_cli_free(&rc);
		if (in != stdin)
			fclose(in);
		return status;
	}
	gio_warn_data(su->exam, &su->key);
	rc.progress = isatty(fileno(stderr));
	/* CSV is the engine's own; another format goes through its writer, a row at a time */
	rc.writer = format == EC_FORMAT_CSV ? NULL : ec_writer_get(format);
	rc.out = out.f;
	memset(&ro, 0, sizeof(ro));
	ro.out = rc.writer ? NULL : out.f;
	ro.on_header = on_header;
	ro.on_row = rc.cc.cls || rc.progress || rc.feedback.open || rc.writer ? on_row : NULL;
	/* progress alone reads no fields (the class's answer groups read them) */
	ro.rows_without_fields = !rc.feedback.open && !rc.writer && !rc.cc.cls;
	ro.on_report = on_report;
	ro.ctx = &rc;
	/* with --feedback the files' system calls are the work: a second thread has little to
	   do and makes each of them a little dearer (bench/README.md) */
	ro.threads = rc.feedback.open ? 1 : threads_wanted();
	/* a column 'variant' picks each student's version of the exam, unless one key was asked for */
	ro.key_column = "variant";
	ro.grader_of = op->key_file || op->variant ? NULL : ec_versions_grader_of;
	ro.key_ctx = rc.versions;
	ro.delimiter = op->delimiter ? cli_separator(op->delimiter) : 0;
	ro.id_column = op->id_column;
	ro.map = op->map_file ? &op->map : NULL;
	if (ec_roster_grade(&su->g, in, op->roster, &ro, &sum, &err) == EC_OK && rc.writer &&
	    ec_write_roster_end(&rc.wctx, rc.writer, &err) != EC_OK) {
		cli_error("grade: %s", err.msg);
		rc.status = EC_EXIT_SOFTWARE;
		err.status = EC_ERR_INVALID;
	}
	if (err.status != EC_OK) {
		status = gio_exit_for(err.status);
		if (rc.feedback.status) /* --feedback stopped the run and said why */
			status = rc.feedback.status;
		else if (rc.status) /* so did a writer */
			status = rc.status;
		else if (err.status == EC_ERR_USAGE)
			cli_error("grade: %s has a column 'variant' naming each row's variant; %s "
				  "would grade every row against one key (drop %s, or the column)",
				  op->roster, op->variant ? "--variant" : "--key",
				  op->variant ? "--variant" : "--key");
		else if (err.status == EC_ERR_IO && !err.file)
			cli_error("grade: %s: %s", out.path ? out.path : "standard output", err.msg);
		else
			cli_report(&err);
		cli_output_abort(&out);
	} else {
		status = cli_output_commit(&out);
	}
	if (rc.progress && sum.graded >= 0x10000)
		fputc('\n', stderr);
	if (status == EC_EXIT_OK && rc.cc.cls)
		status = cli_class_finish(&rc.cc, &sum);
	if (status == EC_EXIT_OK && op->stats)
		status = cli_class_stats(&rc.cc, out.path ? stdout : stderr, op->stats_format);
	if (status == EC_EXIT_OK && op->report)
		status = cli_class_report(&rc.cc, op->report);
	if (status == EC_EXIT_OK && (sum.flagged_rows || sum.lost)) {
		char lost[96] = "";

		if (sum.lost)
			snprintf(lost, sizeof(lost), "; %llu row%s could not be read, no student graded "
				 "from %s", (unsigned long long)sum.lost, sum.lost == 1 ? "" : "s",
				 sum.lost == 1 ? "it" : "them");
		cli_error("grade: %s: %llu student%s graded, %llu with something flagged%s (listed "
			  "above)",
			  op->roster, (unsigned long long)sum.graded, sum.graded == 1 ? "" : "s",
			  (unsigned long long)sum.flagged_rows, lost);
		status = EC_EXIT_DATAERR;
	}
	roster_cli_free(&rc);
	if (in != stdin)
		fclose(in);
	return status;
}

/* The options' combinations; -1 to go on, else the exit status. */
static int check_options(options *op, ec_format *format)
{
	if (!op->sheet == !op->roster) {
		cli_error("grade: give one SHEET or --roster FILE (see 'examcheck grade --help')");
		return EC_EXIT_USAGE;
	}
	*format = op->roster ? EC_FORMAT_CSV : EC_FORMAT_TEXT;
	if (op->format_name &&
	    cli_format(op->format_name,
		       ec_format_mask(op->roster ? EC_DOCUMENT_ROSTER : EC_DOCUMENT_SHEET),
		       format) != 0)
		return EC_EXIT_USAGE;
	op->stats_format = EC_FORMAT_TEXT;
	if (op->stats_format_name) {
		op->stats = true;
		if (cli_format(op->stats_format_name, ec_format_mask(EC_DOCUMENT_STATS),
			       &op->stats_format) != 0)
			return EC_EXIT_USAGE;
	}
	if (op->stats && !op->roster) {
		cli_error("grade: --stats needs --roster");
		return EC_EXIT_USAGE;
	}
	if ((op->feedback || op->report) && !op->roster) {
		cli_error("grade: %s needs --roster", op->feedback ? "--feedback" : "--report");
		return EC_EXIT_USAGE;
	}

	if ((op->id_column || op->map_file || op->delimiter) && !op->roster) {
		cli_error("grade: %s needs --roster",
			  op->id_column ? "--id-column" : op->map_file ? "--map" : "--delimiter");
		return EC_EXIT_USAGE;
	}
	if (op->delimiter && !ec_csv_separator_ok(cli_separator(op->delimiter))) {
		cli_error("grade: --delimiter '%s': use ',', ';' or tab", op->delimiter);
		return EC_EXIT_USAGE;
	}
	if (op->variant && op->key_file) {
		cli_error("grade: --variant and --key do not go together");
		return EC_EXIT_USAGE;
	}
	if (op->report && strcmp(op->report, "-") == 0) {
		/* --stats goes to standard output only with -o */
		bool roster = !op->out_path || strcmp(op->out_path, "-") == 0;

		if (roster || op->stats) {
			cli_error("grade: --report - and %s would both go to standard output (give "
				  "%s)",
				  roster ? "the graded roster" : "--stats",
				  roster ? "-o FILE" : "--report FILE");
			return EC_EXIT_USAGE;
		}
	}
	if (check_output(op) != EC_EXIT_OK)
		return EC_EXIT_USAGE;
	return -1;
}

int cmd_grade(int argc, char **argv)
{
	options op;
	setup su;
	ec_format format = EC_FORMAT_TEXT;
	cli_args it;
	int c, rc = -1;

	memset(&op, 0, sizeof(op));
	op.argc = argc;
	op.argv = argv;
	op.accepts = calloc((size_t)argc, sizeof(*op.accepts));
	if (!op.accepts) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	cli_args_init(&it, "grade", argc, argv, grade_opts);
	while (rc < 0 && (c = cli_next(&it)) != CLI_END) {
		switch (c) {
		case OPT_KEY:
			op.key_file = it.value;
			break;
		case OPT_RUBRIC:
			op.rubric_file = it.value;
			break;
		case OPT_ROSTER:
			op.roster = it.value;
			break;
		case OPT_FORMAT:
			op.format_name = it.value;
			break;
		case OPT_STATS:
			op.stats = true;
			break;
		case OPT_STATS_FORMAT:
			op.stats_format_name = it.value;
			break;
		case OPT_OUTPUT:
			op.out_path = it.value;
			break;
		case OPT_FEEDBACK:
			op.feedback = it.value;
			break;
		case OPT_VARIANT:
			op.variant = it.value;
			break;
		case OPT_ACCEPT:
			op.accepts[op.naccepts++] = (char *)it.value;
			break;
		case OPT_DELIMITER:
			op.delimiter = it.value;
			break;
		case OPT_ID_COLUMN:
			op.id_column = it.value;
			break;
		case OPT_MAP:
			op.map_file = it.value;
			break;
		case OPT_REPORT:
			op.report = it.value;
			break;
		case CLI_OPERAND:
			if (op.sheet) {
				cli_error("grade: more than one sheet ('%s', '%s'); use --roster for a "
					  "class",
					  op.sheet, it.value);
				rc = EC_EXIT_USAGE;
			}
			op.sheet = it.value;
			break;
		default:
			if (c == CLI_HELP) {
				fputs(grade_help, stdout);
				fputs(grade_help_class, stdout);
				fputs(grade_help_forms, stdout);
			}
			rc = cli_done(&it, c, grade_help_roster);
			break;
		}
	}
	if (rc < 0)
		rc = check_options(&op, &format);
	if (rc < 0 && op.map_file && (rc = load_map(&op)) == EC_EXIT_OK)
		rc = -1;
	if (rc < 0) {
		rc = setup_open(&op, &su);
		if (rc == EC_EXIT_OK)
			rc = op.roster ? grade_roster(&op, &su, format) : grade_sheet(&op, &su, format);
		setup_free(&su);
	}
	ec_column_map_free(&op.map);
	free(op.accepts);
	return rc;
}
