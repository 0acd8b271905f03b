#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"
#include "examcheck/ec_writer.h"

/*
 * The latex format (src/lib/grading/write_latex.c). Expected texts are
 * written from the rules of ec_writer.h: each character LaTeX would not
 * print as itself, and what the paper writes for each kind of blank.
 */

typedef struct capture {
	FILE *f;
	char *text;
	size_t len;
} capture;

static FILE *capture_open(capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	return c->f;
}

/* Close the stream; the text is the caller's to free. */
static char *capture_close(capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	return c->text;
}

static void text_is(const char *s, const char *want)
{
	capture c;
	char *got;

	ec_write_latex_text(capture_open(&c), s);
	got = capture_close(&c);
	assert_string_equal(got, want);
	free(got);
}

static void alltt_is(const char *s, const char *want)
{
	capture c;
	char *got;

	ec_write_latex_alltt(capture_open(&c), s);
	got = capture_close(&c);
	assert_string_equal(got, want);
	free(got);
}

/* The ten characters LaTeX reserves, each written so that it prints as itself. */
static void test_write_latex_text_specials(void **state)
{
	(void)state;
	text_is("#", "\\#");
	text_is("$", "\\ensuremath{\\$}");
	text_is("%", "\\%");
	text_is("&", "\\&");
	text_is("~", "\\textasciitilde{}");
	text_is("_", "\\_");
	text_is("^", "\\textasciicircum{}");
	text_is("\\", "\\textbackslash{}");
	text_is("{", "\\{");
	text_is("}", "\\}");
	text_is("x_new = x_old - step * L'(x_old)", "x\\_new = x\\_old - step * L'(x\\_old)");
	text_is("H^2 W^2 C, 100% & $5", "H\\textasciicircum{}2 W\\textasciicircum{}2 C, 100\\% \\& "
					 "\\ensuremath{\\$}5");
	text_is("\\end{document}", "\\textbackslash{}end\\{document\\}");
	text_is("", "");
}

/* What OT1 would print as another glyph, and what would read as an argument. */
static void test_write_latex_text_ot1(void **state)
{
	(void)state;
	text_is("G = <X, E>", "G = \\textless{}X, E\\textgreater{}");
	text_is("|x|", "\\textbar{}x\\textbar{}");
	text_is("\"b\"", "\\texttt{\\char34}b\\texttt{\\char34}");
	text_is("`x`", "\\`{}x\\`{}");
	text_is("[a, b]", "{[}a, b{]}");
}

/* -- and --- would be dashes, '' a closing quote, !` and ?` inverted marks. */
static void test_write_latex_text_ligatures(void **state)
{
	(void)state;
	text_is("--seed", "-{}-seed");
	text_is("a---b", "a-{}-{}-b");
	text_is("x-1, -0.25", "x-1, -0.25");
	text_is("L''", "L'{}'");
	text_is("it's", "it's");
	text_is("!`", "!{}\\`{}");
	text_is("?`", "?{}\\`{}");
}

/* Outside ASCII: accents, Greek, mathematical signs; the rest by code point. */
static void test_write_latex_text_non_ascii(void **state)
{
	(void)state;
	text_is("16 \xC3\x97 8", "16 \\ensuremath{\\times} 8"); /* U+00D7 */
	text_is("\xE2\x88\x92" "1/4", "\\ensuremath{-}1/4");     /* U+2212 */
	text_is("\xE2\x89\xA4", "\\ensuremath{\\leq}");           /* U+2264 */
	text_is("\xE2\x88\x82", "\\ensuremath{\\partial}");       /* U+2202 */
	text_is("caf\xC3\xA9", "caf\\'e");                        /* U+00E9 */
	text_is("na\xC3\xAFve", "na\\\"{\\i}ve");                 /* U+00EF */
	text_is("\xC3\x9F\xC3\x87", "\\ss{}\\c{C}");              /* U+00DF U+00C7 */
	text_is("\xCE\xB1", "\\ensuremath{\\alpha}");             /* U+03B1 */
	text_is("\xCE\xA9", "\\ensuremath{\\Omega}");             /* U+03A9 */
	text_is("\xCE\x91", "A");                                 /* U+0391, a Latin A */
	text_is("a\xE2\x80\x93" "b\xE2\x80\x94" "c", "a--b---c"); /* U+2013 U+2014 */
	text_is("\xE2\x82\xAC", "[U+20AC]");                      /* the euro sign: no glyph */
	text_is("\xF0\x9F\x98\x80", "[U+1F600]");
}

/* Ill-formed UTF-8 is '?' a maximal part; controls are blanks, newlines kept. */
static void test_write_latex_text_invalid_and_controls(void **state)
{
	(void)state;
	text_is("\xFF", "?");
	text_is("a\xE2\x89", "a?");
	text_is("\xC0\xAF", "??");
	text_is("a\tb", "a b");
	text_is("a\x01" "b\x7F", "a b ");
	text_is("\xC2\x85", " "); /* U+0085, a C1 control */
	text_is("two\nlines", "two\nlines");
}

/* In alltt only \ { } are special; spaces and line breaks are kept. */
static void test_write_latex_alltt_specials(void **state)
{
	(void)state;
	alltt_is("a\\b{c}", "a\\char92{}b\\char123{}c\\char125{}");
	alltt_is("#$%&~_^<>|\"[]`-- ''", "#$%&~_^<>|\"[]`-- ''");
	alltt_is("X =    4  [1]\n  | \\ /", "X =    4  [1]\n  | \\char92{} /");
	alltt_is("16 \xC3\x97 8", "16 \\ensuremath{\\times} 8");
	alltt_is("a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x80\xA6", "a-b--c...");
	alltt_is("\xFF", "?");
	alltt_is("a\x01", "a ");
}

/* A tab goes to the next multiple of 8 columns, counted from the line's start. */
static void test_write_latex_alltt_tabs(void **state)
{
	(void)state;
	alltt_is("a\tb", "a       b");
	alltt_is("\tx", "        x");
	alltt_is("abcdefgh\tx", "abcdefgh        x");
	alltt_is("ab\ncd\te", "ab\ncd      e");
	alltt_is("\xC3\x97\tx", "\\ensuremath{\\times}       x"); /* one character, one column */
}

/* ---- the key ---- */

static char *key_latex(const ec_key *key)
{
	capture c;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_write_key(capture_open(&c), ec_writer_get(EC_FORMAT_LATEX), key, &err),
			 EC_OK);
	return capture_close(&c);
}

static void assert_has(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("'%s' is not in the text:\n%s", part, text);
}

static size_t count_of(const char *text, const char *part)
{
	size_t n = 0;

	for (; (text = strstr(text, part)); text += strlen(part))
		n++;
	return n;
}

/* A row per item: id, answer, points as a key file writes them, kind and origin. */
static void test_write_key_latex_rows(void **state)
{
	ec_key key = {0};
	ec_error err;
	char *out;

	(void)state;
	ec_error_clear(&err);
	key.seed = 7;
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.10", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.3.4", EC_KEY_MANUAL, 1.0 / 3, "see \"b\", 5% & c",
				    &err),
			 EC_OK);
	assert_int_equal(ec_key_add_from(&key, "3.1.1.x", EC_KEY_NUMBER, 5.0 / 7, "33.27",
					 EC_KEY_FROM_STAND_IN, "q3.1.1.graph", &err),
			 EC_OK);
	out = key_latex(&key);
	assert_has(out, "\\documentclass[11pt,a4paper]{article}\n");
	assert_has(out, "Variant 7. For the instructor, not for students.");
	assert_has(out, "1.1 & T & 2 & tf \\\\\n");
	assert_has(out, "2.10 & AB & 4 & mc \\\\\n");
	assert_has(out, "3.3.4 & see \\texttt{\\char34}b\\texttt{\\char34}, 5\\% \\& c & 1/3 & "
			"manual \\\\\n");
	assert_has(out, "3.1.1.x & 33.27 & 5/7 & number {\\small(stand-in: q3.1.1.graph)} \\\\\n");
	assert_int_equal(count_of(out, "\\begin{"), count_of(out, "\\end{"));
	assert_true(strlen(out) > 15 && strcmp(out + strlen(out) - 15, "\\end{document}\n") == 0);
	free(out);
	ec_key_free(&key);
}

/* ---- the paper ---- */

/* A paper of the given questions (their texts and blanks are the caller's to fill). */
static void paper_of(ec_paper *p, ec_paper_question *qs, size_t n)
{
	memset(p, 0, sizeof(*p));
	p->seed = 7;
	snprintf(p->title, sizeof(p->title), "Practice & test");
	snprintf(p->summary, sizeof(p->summary), "10 points.");
	p->questions = qs;
	p->count = n;
}

static void add_blank(ec_paper_question *q, const char *id, ec_key_kind kind, double points,
		      size_t cells)
{
	ec_paper_blank *b;

	q->blanks = realloc(q->blanks, (q->nblanks + 1) * sizeof(*q->blanks));
	assert_non_null(q->blanks);
	b = &q->blanks[q->nblanks++];
	memset(b, 0, sizeof(*b));
	snprintf(b->id, sizeof(b->id), "%s", id);
	b->kind = kind;
	b->points = points;
	b->cells = cells;
}

static void leaf(ec_paper_question *q, const char *id, double points)
{
	memset(q, 0, sizeof(*q));
	q->id = id;
	q->title = "a title";
	q->points = points;
	q->leaf = true;
}

static void release(ec_paper_question *qs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ec_text_free(&qs[i].text);
		free(qs[i].blanks);
	}
}

static char *paper_latex(const ec_paper *p)
{
	capture c;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(
		ec_write_paper(capture_open(&c), ec_writer_get(EC_FORMAT_LATEX), p, &err), EC_OK);
	return capture_close(&c);
}

/* The part of `text` from `from` to the end of the first `to` after it. */
static char *part(const char *text, const char *from, const char *to)
{
	const char *a = strstr(text, from), *b;
	char *s;

	assert_non_null(a);
	b = strstr(a, to);
	assert_non_null(b);
	b += strlen(to);
	s = malloc((size_t)(b - a) + 1);
	assert_non_null(s);
	memcpy(s, a, (size_t)(b - a));
	s[b - a] = '\0';
	return s;
}

static void question_is(const char *out, const char *id, const char *want)
{
	char from[64];
	char *got;

	snprintf(from, sizeof(from), "\\begin{question}{%s}", id);
	got = part(out, from, "\\end{question}\n");
	assert_string_equal(got, want);
	free(got);
}

/* The frame: title, name and id lines, groups as headings, one environment per leaf. */
static void test_write_paper_latex_frame(void **state)
{
	ec_paper_question qs[2];
	ec_paper p;
	char *out;

	(void)state;
	memset(&qs[0], 0, sizeof(qs[0]));
	qs[0].id = "3";
	qs[0].title = "Short answer";
	qs[0].points = 40;
	ec_text_para(&qs[0].text, "Write_it.");
	leaf(&qs[1], "3.1", 1);
	ec_text_para(&qs[1].text, "Why?");
	add_blank(&qs[1], "3.1", EC_KEY_MANUAL, 1, 0);
	paper_of(&p, qs, 2);
	out = paper_latex(&p);
	assert_has(out, "{\\Large\\bfseries Practice \\& test}\n");
	assert_has(out, "Name: \\rule");
	assert_has(out, "Student ID: \\rule");
	assert_has(out, "\\def\\@oddfoot{\\small Variant 7\\hfill Page \\thepage}");
	assert_has(out, "\\section*{3\\quad Short answer (40 points)}\nWrite\\_it.\n\\par\n");
	question_is(out, "3.1", "\\begin{question}{3.1}{1 point}\nWhy?\n\\par\n"
				"\\answerlines{4}\n\\end{question}\n");
	assert_int_equal(count_of(out, "\\begin{"), count_of(out, "\\end{"));
	free(out);
	release(qs, 2);
}

/* Answers in rows whose table ends the text: the table, typeset with room in its blank cells. */
static void test_write_paper_latex_table(void **state)
{
	ec_paper_question q;
	ec_paper p;
	char *out;

	(void)state;
	leaf(&q, "3.2.1", 6);
	ec_text_para(&q.text, "Fill in the table.");
	/* columns at 0, 7 and 15 ("# W" has one space inside it) */
	ec_text_pre(&q.text, "Layer  Shape   # W\n"
			     "INPUT  3x4     N/A\n"
			     "CONV\n"
			     "POOL");
	add_blank(&q, "3.2.1.1.dims", EC_KEY_DIMS, 1, 0);
	add_blank(&q, "3.2.1.1.weights", EC_KEY_COUNT, 1, 0);
	add_blank(&q, "3.2.1.2.dims", EC_KEY_DIMS, 1, 0);
	add_blank(&q, "3.2.1.2.weights", EC_KEY_COUNT, 1, 0);
	paper_of(&p, &q, 1);
	out = paper_latex(&p);
	question_is(out, "3.2.1",
		    "\\begin{question}{3.2.1}{6 points}\n"
		    "Fill in the table.\n\\par\n"
		    "\\par\\smallskip\n"
		    "\\begin{tabularx}{\\linewidth}{|l|X|X|}\n"
		    "\\hline\n"
		    "\\textbf{Layer} & \\textbf{Shape} & \\textbf{\\# W} \\\\ \\hline\n"
		    "INPUT & 3x4 & N/A \\\\ \\hline\n"
		    "CONV\\rule[-2ex]{0pt}{6ex} &  &  \\\\ \\hline\n"
		    "POOL\\rule[-2ex]{0pt}{6ex} &  &  \\\\ \\hline\n"
		    "\\end{tabularx}\n"
		    "\\end{question}\n");
	free(out);
	release(&q, 1);
}

/*
 * A table that does not fit the rows (an answer cell filled in; a cell
 * cut in the middle): the text as it is, then a table of the rows.
 */
static void test_write_paper_latex_table_fallback(void **state)
{
	static const char *const tables[] = {
		"Layer  Shape   # W\nINPUT  3x4     N/A\nCONV\nPOOL   1x2",
		"Layer  Shape   # W\nINPUT  3x4     N/A\nCONVOLUTION\nPOOL",
	};
	ec_paper_question q;
	ec_paper p;
	char want[512], *out;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		leaf(&q, "3.2.1", 6);
		ec_text_pre(&q.text, "%s", tables[i]);
		add_blank(&q, "3.2.1.1.dims", EC_KEY_DIMS, 1, 0);
		add_blank(&q, "3.2.1.1.weights", EC_KEY_COUNT, 1, 0);
		add_blank(&q, "3.2.1.2.dims", EC_KEY_DIMS, 1, 0);
		add_blank(&q, "3.2.1.2.weights", EC_KEY_COUNT, 1, 0);
		paper_of(&p, &q, 1);
		out = paper_latex(&p);
		snprintf(want, sizeof(want),
			 "\\begin{question}{3.2.1}{6 points}\n"
			 "\\begin{keep}\n\\begin{pre}\n%s\n\\end{pre}\n\\end{keep}\n"
			 "\\par\\smallskip\n"
			 "\\begin{tabularx}{\\linewidth}{|l|X|X|}\n"
			 "\\hline\n"
			 "\\textbf{Row} & \\textbf{dims} & \\textbf{weights} \\\\ \\hline\n"
			 "1\\rule[-2ex]{0pt}{6ex} &  &  \\\\ \\hline\n"
			 "2\\rule[-2ex]{0pt}{6ex} &  &  \\\\ \\hline\n"
			 "\\end{tabularx}\n"
			 "\\end{question}\n",
			 tables[i]);
		question_is(out, "3.2.1", want);
		free(out);
		release(&q, 1);
	}
}

/* Rows that are not all alike are boxes, each labelled by its id after the leaf's. */
static void test_write_paper_latex_uneven_rows(void **state)
{
	ec_paper_question q;
	ec_paper p;
	char *out;

	(void)state;
	leaf(&q, "3.2.1", 6);
	add_blank(&q, "3.2.1.1.dims", EC_KEY_DIMS, 1, 0);
	add_blank(&q, "3.2.1.2.weights", EC_KEY_COUNT, 1, 0);
	paper_of(&p, &q, 1);
	out = paper_latex(&p);
	question_is(out, "3.2.1",
		    "\\begin{question}{3.2.1}{6 points}\n"
		    "\\par\\smallskip\\begingroup\\raggedright\\lineskip=1.5ex\n"
		    "\\mbox{\\texttt{1.dims}: \\answerbox{3cm}}\\quad\n"
		    "\\mbox{\\texttt{2.weights}: \\answerbox{3cm}}\\quad\n"
		    "\\par\\endgroup\n"
		    "\\end{question}\n");
	free(out);
	release(&q, 1);
}

/* Each kind of blank: boxes to tick, boxes and grids to write in, lines. */
static void test_write_paper_latex_blanks(void **state)
{
	ec_paper_question qs[7];
	ec_paper p;
	char *out;

	(void)state;
	leaf(&qs[0], "1.1", 2);
	ec_text_para(&qs[0].text, "Claim.");
	add_blank(&qs[0], "1.1", EC_KEY_TF, 2, 0);
	leaf(&qs[1], "2.1", 4);
	ec_text_para(&qs[1].text, "Which?");
	ec_text_option(&qs[1].text, 'A', "one");
	ec_text_option(&qs[1].text, 'B', "[two]");
	add_blank(&qs[1], "2.1", EC_KEY_MC, 4, 0);
	leaf(&qs[2], "3.1.1", 5);
	add_blank(&qs[2], "3.1.1.x_1", EC_KEY_NUMBER, 2.5, 0);
	add_blank(&qs[2], "3.1.1.n1", EC_KEY_NUMBER, 2.5, 0);
	leaf(&qs[3], "3.3.3", 2);
	add_blank(&qs[3], "3.3.3", EC_KEY_MASK, 2, 9);
	leaf(&qs[4], "3.3.7", 3);
	add_blank(&qs[4], "3.3.7", EC_KEY_COUNT, 1, 0);
	add_blank(&qs[4], "3.3.7.why", EC_KEY_MANUAL, 2, 0);
	leaf(&qs[5], "3.3.8", 0.5);
	add_blank(&qs[5], "3.3.8", EC_KEY_MASK, 0.25, 6);
	add_blank(&qs[5], "3.3.8.why", EC_KEY_MANUAL, 0.25, 0);
	leaf(&qs[6], "3.3.9", 10);
	ec_text_item(&qs[6].text, "first");
	ec_text_item(&qs[6].text, "second");
	add_blank(&qs[6], "3.3.9", EC_KEY_MANUAL, 10, 0);
	paper_of(&p, qs, 7);
	out = paper_latex(&p);
	question_is(out, "1.1",
		    "\\begin{question}{1.1}{2 points}\nClaim.\n\\par\n"
		    "\\par\\hfill\\tick\\ True\\qquad\\tick\\ False\n\\end{question}\n");
	question_is(out, "2.1",
		    "\\begin{question}{2.1}{4 points}\nWhich?\n\\par\n"
		    "\\begin{options}\n"
		    "\\item[\\tick\\ \\textbf{A}] one\n"
		    "\\item[\\tick\\ \\textbf{B}] {[}two{]}\n"
		    "\\end{options}\n\\end{question}\n");
	question_is(out, "3.1.1",
		    "\\begin{question}{3.1.1}{5 points}\n"
		    "\\par\\smallskip\\begingroup\\raggedright\\lineskip=1.5ex\n"
		    "\\mbox{\\texttt{x\\_1}: \\answerbox{3cm}}\\quad\n"
		    "\\mbox{\\texttt{n1}: \\answerbox{3cm}}\\quad\n"
		    "\\par\\endgroup\n\\end{question}\n");
	question_is(out, "3.3.3",
		    "\\begin{question}{3.3.3}{2 points}\n"
		    "\\par\\smallskip\\begin{tabular}{|p{1.6em}|p{1.6em}|p{1.6em}|}\n\\hline\n"
		    "\\rule{0pt}{2em} & & \\\\ \\hline\n"
		    "\\rule{0pt}{2em} & & \\\\ \\hline\n"
		    "\\rule{0pt}{2em} & & \\\\ \\hline\n"
		    "\\end{tabular}\n\\end{question}\n");
	/* a count: a box; 2 points of prose: 2 + 2 x 2 lines */
	question_is(out, "3.3.7",
		    "\\begin{question}{3.3.7}{3 points}\n"
		    "\\par\\smallskip Answer: \\answerbox{7cm}\n"
		    "\\answerlines{6}\n\\end{question}\n");
	/* 6 digits are no square: one row of 6; a quarter point of prose: 2 + 0.5, rounded */
	question_is(out, "3.3.8",
		    "\\begin{question}{3.3.8}{0.5 points}\n"
		    "\\par\\smallskip\\begin{tabular}{|p{1.6em}|p{1.6em}|p{1.6em}|p{1.6em}|"
		    "p{1.6em}|p{1.6em}|}\n\\hline\n"
		    "\\rule{0pt}{2em} & & & & & \\\\ \\hline\n"
		    "\\end{tabular}\n"
		    "\\answerlines{3}\n\\end{question}\n");
	/* at most twelve lines */
	question_is(out, "3.3.9",
		    "\\begin{question}{3.3.9}{10 points}\n"
		    "\\begin{itemize}\n\\item first\n\\item second\n\\end{itemize}\n"
		    "\\answerlines{12}\n\\end{question}\n");
	free(out);
	release(qs, 7);
}

/*
 * The exam's own papers (the original and a variant): a question
 * environment per leaf, every environment closed, the three tables of
 * 3.2 typeset as tables, and nothing of the key: no answer written out for
 * a person to grade, no word on how to get the key.
 */
static void test_write_paper_latex_exam(void **state)
{
	static const uint64_t seeds[] = {0, 7};
	size_t k, i, leaves = 0;

	(void)state;
	for (i = 0; i < ec_question_count; i++)
		leaves += ec_questions[i].leaf;
	for (k = 0; k < sizeof(seeds) / sizeof(seeds[0]); k++) {
		ec_exam *exam;
		ec_key key = {0};
		ec_paper p;
		ec_error err;
		char *out;

		ec_error_clear(&err);
		assert_int_equal(ec_exam_open(seeds[k], NULL, &exam, &err), EC_OK);
		assert_int_equal(ec_exam_key(exam, &key, &err), EC_OK);
		assert_int_equal(ec_exam_paper(exam, &p, &err), EC_OK);
		out = paper_latex(&p);
		assert_int_equal(count_of(out, "\\begin{question}"), leaves);
		assert_int_equal(count_of(out, "\\begin{"), count_of(out, "\\end{"));
		assert_int_equal(count_of(out, "\\begin{tabularx}"), 3);
		assert_int_equal(count_of(out, "\\textbf{Row}"), 0);
		assert_null(strstr(out, "--key"));
		for (i = 0; i < key.count; i++) {
			capture c;
			char *answer;

			if (key.items[i].kind != EC_KEY_MANUAL)
				continue;
			ec_write_latex_text(capture_open(&c), key.items[i].answer);
			answer = capture_close(&c);
			assert_true(strlen(answer) > 20);
			assert_null(strstr(out, answer));
			free(answer);
		}
		free(out);
		ec_paper_free(&p);
		ec_key_free(&key);
		ec_exam_free(exam);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_latex_text_specials),
		cmocka_unit_test(test_write_latex_text_ot1),
		cmocka_unit_test(test_write_latex_text_ligatures),
		cmocka_unit_test(test_write_latex_text_non_ascii),
		cmocka_unit_test(test_write_latex_text_invalid_and_controls),
		cmocka_unit_test(test_write_latex_alltt_specials),
		cmocka_unit_test(test_write_latex_alltt_tabs),
		cmocka_unit_test(test_write_key_latex_rows),
		cmocka_unit_test(test_write_paper_latex_frame),
		cmocka_unit_test(test_write_paper_latex_table),
		cmocka_unit_test(test_write_paper_latex_table_fallback),
		cmocka_unit_test(test_write_paper_latex_uneven_rows),
		cmocka_unit_test(test_write_paper_latex_blanks),
		cmocka_unit_test(test_write_paper_latex_exam),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
