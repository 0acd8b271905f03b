/*
 * write_latex.c: the latex format: a question paper as one standalone
 * document to print and sit, and an answer key as a table, both for
 * pdflatex with the article class and packages that Debian's
 * texlive-latex-base brings (geometry, amssymb, array, tabularx, alltt,
 * longtable). Fonts stay the Type 1 Computer Modern of OT1, OML and OMS:
 * nothing is written that needs a TS1 (textcomp) glyph, which would make
 * pdflatex run METAFONT for a bitmap font.
 *
 * The paper: a header (title, name and student id lines, the points),
 * then each question and group in exam order. A leaf is kept on one page,
 * and so are preformatted blocks in a row (a figure and its filter). A
 * leaf ends with where its answers go, from its blanks (ec_paper_blank):
 * boxes to tick True or False, a box to tick before each option letter,
 * a box per number, count or shape, a grid for a mask, ruled lines for a
 * written answer. Answers that make rows (3.2.1.1.dims, .weights, ...;
 * 3.2.2.1, 3.2.2.2, ...) are a ruled table: when the text ends in a
 * preformatted table whose header's columns (two spaces or more apart)
 * cut every line cleanly, and whose last lines, one per row, leave as
 * many columns blank as a row has answers, that table is typeset with
 * room in those cells; otherwise the rows get a table of their own.
 */
#include "writer.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_grade.h"
#include "examcheck/ec_utf8.h"

/* ---- text ---- */

/* A character outside ASCII that LaTeX can show: text mode, then in alltt. */
typedef struct latex_symbol {
	uint32_t cp;
	const char *text, *tt;
} latex_symbol;

/* Sorted by code point. */
static const latex_symbol symbols[] = {
	{0x00A0, "~", " "},
	{0x00A7, "\\ensuremath{\\S}", NULL},
	{0x00A9, "(c)", NULL},
	{0x00B0, "\\ensuremath{^\\circ}", NULL},
	{0x00B1, "\\ensuremath{\\pm}", NULL},
	{0x00B2, "\\ensuremath{^2}", NULL},
	{0x00B3, "\\ensuremath{^3}", NULL},
	{0x00B5, "\\ensuremath{\\mu}", NULL},
	{0x00B7, "\\ensuremath{\\cdot}", NULL},
	{0x00B9, "\\ensuremath{^1}", NULL},
	{0x00BC, "\\ensuremath{\\frac14}", NULL},
	{0x00BD, "\\ensuremath{\\frac12}", NULL},
	{0x00BE, "\\ensuremath{\\frac34}", NULL},
	{0x00D7, "\\ensuremath{\\times}", NULL},
	{0x00F7, "\\ensuremath{\\div}", NULL},
	{0x2013, "--", "-"},
	{0x2014, "---", "--"},
	{0x2018, "\\textquoteleft{}", NULL},
	{0x2019, "\\textquoteright{}", NULL},
	{0x201C, "\\textquotedblleft{}", NULL},
	{0x201D, "\\textquotedblright{}", NULL},
	{0x2022, "\\ensuremath{\\bullet}", NULL},
	{0x2026, "\\ldots{}", "..."},
	{0x2032, "\\ensuremath{'}", NULL},
	{0x2190, "\\ensuremath{\\leftarrow}", NULL},
	{0x2192, "\\ensuremath{\\rightarrow}", NULL},
	{0x2194, "\\ensuremath{\\leftrightarrow}", NULL},
	{0x21D2, "\\ensuremath{\\Rightarrow}", NULL},
	{0x2200, "\\ensuremath{\\forall}", NULL},
	{0x2202, "\\ensuremath{\\partial}", NULL},
	{0x2203, "\\ensuremath{\\exists}", NULL},
	{0x2207, "\\ensuremath{\\nabla}", NULL},
	{0x2208, "\\ensuremath{\\in}", NULL},
	{0x2211, "\\ensuremath{\\sum}", NULL},
	{0x2212, "\\ensuremath{-}", NULL},
	{0x2217, "\\ensuremath{\\ast}", NULL},
	{0x221A, "\\ensuremath{\\surd}", NULL},
	{0x221D, "\\ensuremath{\\propto}", NULL},
	{0x221E, "\\ensuremath{\\infty}", NULL},
	{0x2227, "\\ensuremath{\\wedge}", NULL},
	{0x2228, "\\ensuremath{\\vee}", NULL},
	{0x2229, "\\ensuremath{\\cap}", NULL},
	{0x222A, "\\ensuremath{\\cup}", NULL},
	{0x222B, "\\ensuremath{\\int}", NULL},
	{0x2248, "\\ensuremath{\\approx}", NULL},
	{0x2260, "\\ensuremath{\\neq}", NULL},
	{0x2261, "\\ensuremath{\\equiv}", NULL},
	{0x2264, "\\ensuremath{\\leq}", NULL},
	{0x2265, "\\ensuremath{\\geq}", NULL},
	{0x2297, "\\ensuremath{\\otimes}", NULL},
	{0x2299, "\\ensuremath{\\odot}", NULL},
	{0x22C5, "\\ensuremath{\\cdot}", NULL},
	{0x2713, "\\ensuremath{\\checkmark}", NULL},
};

/* U+00C0 to U+00FF: accented letters as OT1 builds them; NULL for the two signs. */
static const char *const latin1[64] = {
	"\\`A", "\\'A", "\\^A", "\\~A", "\\\"A", "\\AA{}", "\\AE{}", "\\c{C}",
	"\\`E", "\\'E", "\\^E", "\\\"E", "\\`I", "\\'I", "\\^I", "\\\"I",
	"D", "\\~N", "\\`O", "\\'O", "\\^O", "\\~O", "\\\"O", NULL,
	"\\O{}", "\\`U", "\\'U", "\\^U", "\\\"U", "\\'Y", "Th", "\\ss{}",
	"\\`a", "\\'a", "\\^a", "\\~a", "\\\"a", "\\aa{}", "\\ae{}", "\\c{c}",
	"\\`e", "\\'e", "\\^e", "\\\"e", "\\`{\\i}", "\\'{\\i}", "\\^{\\i}", "\\\"{\\i}",
	"d", "\\~n", "\\`o", "\\'o", "\\^o", "\\~o", "\\\"o", NULL,
	"\\o{}", "\\`u", "\\'u", "\\^u", "\\\"u", "\\'y", "th", "\\\"y",
};

/* Greek from U+0391 (capitals; "" for U+03A2, which is none) and from U+03B1. */
static const char *const greek_upper[25] = {
	"A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N",
	"\\Xi", "O", "\\Pi", "P", "", "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega",
};
static const char *const greek_lower[25] = {
	"\\alpha", "\\beta", "\\gamma", "\\delta", "\\epsilon", "\\zeta", "\\eta", "\\theta",
	"\\iota", "\\kappa", "\\lambda", "\\mu", "\\nu", "\\xi", "o", "\\pi", "\\rho",
	"\\varsigma", "\\sigma", "\\tau", "\\upsilon", "\\phi", "\\chi", "\\psi", "\\omega",
};

static int symbol_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key, at = ((const latex_symbol *)elem)->cp;

	return cp < at ? -1 : cp > at;
}

/* A character outside ASCII; `tt` in alltt. */
static void write_wide(FILE *f, uint32_t cp, bool tt)
{
	const latex_symbol *s;
	const char *g = NULL;

	if (cp == EC_UTF8_INVALID) {
		putc('?', f);
		return;
	}
	if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0]) {
		fputs(latin1[cp - 0xC0], f);
		return;
	}
	if (cp >= 0x391 && cp <= 0x3A9)
		g = greek_upper[cp - 0x391];
	else if (cp >= 0x3B1 && cp <= 0x3C9)
		g = greek_lower[cp - 0x3B1];
	if (g && g[0] == '\\') {
		fprintf(f, "\\ensuremath{%s}", g);
		return;
	}
	if (g && g[0]) {
		fputs(g, f);
		return;
	}
	s = bsearch(&cp, symbols, sizeof(symbols) / sizeof(symbols[0]), sizeof(symbols[0]),
		    symbol_cmp);
	if (s)
		fputs(tt && s->tt ? s->tt : s->text, f);
	else if (cp >= 0x80 && cp <= 0x9F)
		putc(' ', f); /* C1 controls */
	else
		fprintf(f, "[U+%04" PRIX32 "]", cp);
}

/* ASCII characters LaTeX's text mode would not print as themselves. */
static const char *text_escape(char c)
{
	switch (c) {
	case '#': return "\\#";
	case '$': return "\\ensuremath{\\$}";
	case '%': return "\\%";
	case '&': return "\\&";
	case '_': return "\\_";
	case '{': return "\\{";
	case '}': return "\\}";
	case '~': return "\\textasciitilde{}";
	case '^': return "\\textasciicircum{}";
	case '\\': return "\\textbackslash{}";
	case '<': return "\\textless{}";
	case '>': return "\\textgreater{}";
	case '|': return "\\textbar{}";
	case '"': return "\\texttt{\\char34}";
	case '`': return "\\`{}";
	case '[': return "{[}";
	case ']': return "{]}";
	default: return NULL;
	}
}

void ec_write_latex_text(FILE *f, const char *s)
{
	uint32_t cp;
	size_t n;

	for (; *s; s += n) {
		const char *e;

		n = ec_utf8_next(s, &cp);
		if (cp != EC_UTF8_INVALID && cp >= 0x80) {
			write_wide(f, cp, false);
		} else if (cp == EC_UTF8_INVALID) {
			putc('?', f);
		} else if ((e = text_escape(*s))) {
			fputs(e, f);
		} else if (*s == '\n') {
			putc('\n', f);
		} else if ((unsigned char)*s < 0x20 || *s == 0x7F) {
			putc(' ', f);
		} else {
			putc(*s, f);
			/* no ligature: -- is a dash, '' and !` and ?` other glyphs */
			if ((*s == '-' && s[1] == '-') || (*s == '\'' && s[1] == '\'') ||
			    ((*s == '!' || *s == '?') && s[1] == '`'))
				fputs("{}", f);
		}
	}
}

void ec_write_latex_alltt(FILE *f, const char *s)
{
	size_t n, column = 0;
	uint32_t cp;

	for (; *s; s += n) {
		n = ec_utf8_next(s, &cp);
		column++;
		if (cp != EC_UTF8_INVALID && cp >= 0x80) {
			write_wide(f, cp, true);
		} else if (cp == EC_UTF8_INVALID) {
			putc('?', f);
		} else if (*s == '\\' || *s == '{' || *s == '}') {
			fprintf(f, "\\char%d{}", *s); /* cmtt has them at their ASCII places */
		} else if (*s == '\t') {
			putc(' ', f);
			for (; column % 8; column++)
				putc(' ', f);
		} else if (*s == '\n') {
			putc('\n', f);
			column = 0;
		} else if ((unsigned char)*s < 0x20 || *s == 0x7F) {
			putc(' ', f);
		} else {
			putc(*s, f);
		}
	}
}

/* ---- the document's frame ---- */

/* The preamble both documents share; `footer` is the text at the left of each page's foot. */
static void preamble(FILE *f, const char *comment, const char *footer, bool key)
{
	fprintf(f, "%% %s\n", comment);
	fputs("% Compile with pdflatex; it needs only Debian's texlive-latex-base.\n"
	      "\\documentclass[11pt,a4paper]{article}\n"
	      "\\usepackage[margin=2cm]{geometry}\n"
	      "\\usepackage{amssymb}\n"
	      "\\usepackage{array}\n",
	      f);
	fputs(key ? "\\usepackage{longtable}\n"
		  : "\\usepackage{tabularx}\n"
		    "\\usepackage{alltt}\n",
	      f);
	fputs("\\setlength{\\parindent}{0pt}\n"
	      "\\setlength{\\parskip}{0.7ex}\n"
	      "\\makeatletter\n"
	      "\\def\\ps@exam{\\def\\@oddhead{}\\def\\@evenhead{}%\n"
	      "  \\def\\@oddfoot{\\small ",
	      f);
	ec_write_latex_text(f, footer);
	fputs("\\hfill Page \\thepage}\\let\\@evenfoot\\@oddfoot}\n"
	      "\\makeatother\n"
	      "\\pagestyle{exam}\n",
	      f);
	if (key)
		return;
	fputs("% a box to tick; a box of width #1 to write in; #1 ruled lines to write on\n"
	      "\\newcommand{\\tick}{\\fbox{\\rule{0pt}{0.75em}\\rule{0.75em}{0pt}}}\n"
	      "\\newcommand{\\answerbox}[1]{\\framebox[#1]{\\rule[-1.4ex]{0pt}{5ex}}}\n"
	      "\\newcount\\linesleft\n"
	      "\\newcommand{\\answerlines}[1]{\\par\\linesleft=#1\n"
	      "  \\loop\\vspace{2.2em}\\noindent\\rule{\\linewidth}{0.4pt}\\par"
	      "\\advance\\linesleft by -1 \\ifnum\\linesleft>0 \\repeat}\n"
	      "% a question kept on one page: #1 its id, #2 its points\n"
	      "\\newenvironment{question}[2]{\\par\\bigskip\\noindent"
	      "\\begin{minipage}{\\linewidth}\\setlength{\\parskip}{0.7ex}%\n"
	      "  \\textbf{#1}\\quad(#2)\\par}{\\end{minipage}\\par}\n"
	      "% the options of a multiple-choice question: \\item[\\tick\\ \\textbf{A}] ...\n"
	      "\\newenvironment{options}{\\begin{list}{}{\\setlength{\\leftmargin}{3.4em}%\n"
	      "  \\setlength{\\labelwidth}{3em}\\setlength{\\labelsep}{0.4em}%\n"
	      "  \\setlength{\\itemsep}{0.3ex}\\setlength{\\parsep}{0pt}}}{\\end{list}}\n"
	      "% preformatted lines (a matrix, a figure, a table); those in a row kept on one page\n"
	      "\\newenvironment{pre}{\\small\\begin{alltt}}{\\end{alltt}}\n"
	      "\\newenvironment{keep}{\\par\\medskip\\noindent\\begin{minipage}{\\linewidth}}"
	      "{\\end{minipage}\\par\\medskip}\n"
	      "% the bullet of the math fonts: \\textbullet would need a TS1 bitmap font\n"
	      "\\renewcommand{\\labelitemi}{\\ensuremath{\\bullet}}\n",
	      f);
}

static const char *plural(double points)
{
	return points == 1 ? "" : "s";
}

/* The footer's and the key's name of the exam. */
static void exam_name(uint64_t seed, char *buf, size_t size)
{
	if (seed)
		snprintf(buf, size, "Variant %" PRIu64, seed);
	else
		snprintf(buf, size, "The original exam");
}

/* ---- the paper ---- */

static ec_status paper_begin(ec_write_ctx *w, const ec_paper *p)
{
	FILE *f = w->out;
	char comment[256], name[64];

	exam_name(p->seed, name, sizeof(name));
	snprintf(comment, sizeof(comment),
		 "%s; examcheck variant --seed %" PRIu64 " --format latex", p->title, p->seed);
	preamble(f, comment, name, false);
	fputs("\\begin{document}\n"
	      "\\begin{center}\n"
	      "{\\Large\\bfseries ",
	      f);
	ec_write_latex_text(f, p->title);
	fputs("}\n"
	      "\\end{center}\n"
	      "\\vspace{1ex}\n"
	      "\\noindent Name: \\rule{0.5\\linewidth}{0.4pt}\\hfill"
	      " Student ID: \\rule{0.25\\linewidth}{0.4pt}\n"
	      "\\par\\vspace{2ex}\n",
	      f);
	ec_write_latex_text(f, p->summary);
	fputs(" Answer on this paper: tick a box for a mark or an option; write numbers,"
	      " shapes and explanations in the space under each question.\n",
	      f);
	return EC_OK;
}

/*
 * Where blank `b` of leaf `id` sits: its row (from 1) and field, or row 0
 * and its name; `label` is its id after the leaf's ("1.dims", "x", "why").
 */
typedef struct blank_place {
	unsigned long row;
	const char *field; /* after the row ("dims"; "" when none), or the name ("x"); "" for the leaf */
	const char *label;
} blank_place;

static blank_place place_of(const char *id, const ec_paper_blank *b)
{
	blank_place at = {0, "", ""};
	size_t n = strlen(id);
	const char *s = b->id + n;
	char *end;

	if (strncmp(b->id, id, n) != 0 || *s != '.')
		return at;
	s++;
	at.field = at.label = s;
	if (*s >= '1' && *s <= '9') {
		unsigned long r = strtoul(s, &end, 10);

		if (*end == '\0' || *end == '.') {
			at.row = r;
			at.field = *end ? end + 1 : end;
		}
	}
	return at;
}

/* Most columns a table of answers has. */
#define GRID_COLUMNS 8

/*
 * The answers of a leaf that make rows: `rows` rows of the same `fields`
 * (blanks first .. first + rows * fields, row by row), and when the text's
 * last block is their table, its lines and columns.
 */
typedef struct grid {
	size_t first, rows, fields;
	const char *text;              /* the table's lines (the last block), or NULL */
	size_t starts[GRID_COLUMNS];   /* where each column starts in a line */
	size_t columns;
	size_t lines;
} grid;

/* The blanks of `q` that make rows, as grid g; false when they make none. */
static bool grid_rows(const ec_paper_question *q, grid *g)
{
	size_t i, k, n = 0;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < q->nblanks && !place_of(q->id, &q->blanks[i]).row; i++)
		;
	if (i == q->nblanks)
		return false;
	g->first = i;
	for (k = i; k < q->nblanks && place_of(q->id, &q->blanks[k]).row == 1; k++)
		g->fields++;
	for (k = i; k < q->nblanks; k++, n++) {
		blank_place at = place_of(q->id, &q->blanks[k]);
		blank_place f1 = place_of(q->id, &q->blanks[i + n % g->fields]);

		if (!at.row)
			break;
		if (at.row != n / g->fields + 1 || strcmp(at.field, f1.field) != 0)
			return false;
	}
	if (n % g->fields || k != q->nblanks || g->fields >= GRID_COLUMNS)
		return false;
	g->rows = n / g->fields;
	return true;
}

/* Line `k` of the table text: its start and length. */
static const char *table_line(const grid *g, size_t k, size_t *len)
{
	const char *s = g->text;

	for (; k > 0; k--)
		s = strchr(s, '\n') + 1;
	*len = strcspn(s, "\n");
	return s;
}

/* Cell `c` of a line: its text without the blanks around it. */
static const char *table_cell(const grid *g, const char *line, size_t len, size_t c,
			      size_t *n)
{
	size_t from = g->starts[c], to = c + 1 < g->columns ? g->starts[c + 1] : len;

	if (from >= len) {
		*n = 0;
		return line;
	}
	if (to > len)
		to = len;
	while (from < to && line[from] == ' ')
		from++;
	while (to > from && line[to - 1] == ' ')
		to--;
	*n = to - from;
	return line + from;
}

/* Whether the columns cut line `s` only where it has a blank (or has ended). */
static bool cuts_cleanly(const grid *g, const char *s, size_t len)
{
	size_t c;

	for (c = 1; c < g->columns; c++)
		if (g->starts[c] < len && s[g->starts[c] - 1] != ' ')
			return false;
	return true;
}

/*
 * Whether the last block of q's text is the table of grid g: a
 * preformatted block with a header line and at least g->rows lines more,
 * whose header's columns cut every line cleanly, and whose last g->rows
 * lines have a first cell and leave exactly their last g->fields cells
 * blank. Sets g->text, columns, starts and lines when it is.
 */
static bool grid_table(const ec_paper_question *q, grid *g)
{
	const ec_text_block *b;
	const char *s, *line;
	size_t i, len, c, n;

	if (!q->text.count || q->text.blocks[q->text.count - 1].kind != EC_TEXT_PRE)
		return false;
	b = &q->text.blocks[q->text.count - 1];
	g->text = b->text;
	for (g->lines = 1, s = b->text; *s; s++)
		g->lines += *s == '\n';
	line = table_line(g, 0, &len);
	for (g->columns = 0, i = 0; i < len; i++) {
		bool starts = line[i] != ' ' &&
			      (i == 0 || (i >= 2 && line[i - 1] == ' ' && line[i - 2] == ' '));

		if (!starts)
			continue;
		if (g->columns == GRID_COLUMNS)
			return false;
		g->starts[g->columns++] = i;
	}
	if (g->lines < g->rows + 1 || g->columns < g->fields + 1 || g->starts[0] != 0)
		return false;
	for (i = 1; i < g->lines; i++) {
		line = table_line(g, i, &len);
		if (!cuts_cleanly(g, line, len))
			return false;
		if (i < g->lines - g->rows)
			continue;
		table_cell(g, line, len, 0, &n);
		if (!n)
			return false;
		for (c = 0; c < g->columns; c++) {
			table_cell(g, line, len, c, &n);
			if ((n == 0) != (c >= g->columns - g->fields))
				return false;
		}
	}
	return true;
}

static void write_cell(FILE *f, const char *s, size_t n)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%.*s", (int)(n < sizeof(buf) ? n : sizeof(buf) - 1), s);
	ec_write_latex_text(f, buf);
}

/* A ruled table with room to write in each answer cell: the text's, or rows of their own. */
static void write_grid(FILE *f, const ec_paper_question *q, const grid *g)
{
	const char *line = NULL, *cell;
	size_t r, c, len = 0, n, columns = g->text ? g->columns : g->fields + 1;

	fputs("\\par\\smallskip\n\\begin{tabularx}{\\linewidth}{|", f);
	for (c = 0; c < columns; c++)
		fputs(c < columns - g->fields ? "l|" : "X|", f);
	fputs("}\n\\hline\n", f);
	for (r = 0; r < (g->text ? g->lines : g->rows + 1); r++) {
		if (g->text)
			line = table_line(g, r, &len);
		for (c = 0; c < columns; c++) {
			if (c)
				fputs(" & ", f);
			if (r == 0)
				fputs("\\textbf{", f);
			if (g->text) {
				cell = table_cell(g, line, len, c, &n);
				write_cell(f, cell, n);
			} else if (r == 0 && c == 0) {
				fputs("Row", f);
			} else if (r == 0) {
				ec_write_latex_text(
					f, place_of(q->id, &q->blanks[g->first + c - 1]).field);
			} else if (r > 0 && c == 0) {
				fprintf(f, "%zu", r);
			}
			if (r == 0)
				fputs("}", f);
			if (c == 0 && r >= (g->text ? g->lines : g->rows + 1) - g->rows)
				fputs("\\rule[-2ex]{0pt}{6ex}", f);
		}
		fputs(" \\\\ \\hline\n", f);
	}
	fputs("\\end{tabularx}\n", f);
}

/* A grid of cells for a mask of `cells` digits: square when it can be. */
static void write_mask(FILE *f, size_t cells)
{
	size_t side = 1, r, c, cols;

	while ((side + 1) * (side + 1) <= cells)
		side++;
	cols = side * side == cells ? side : cells;
	fputs("\\par\\smallskip\\begin{tabular}{|", f);
	for (c = 0; c < cols; c++)
		fputs("p{1.6em}|", f);
	fputs("}\n\\hline\n", f);
	for (r = 0; r < cells / cols; r++) {
		fputs("\\rule{0pt}{2em}", f);
		for (c = 1; c < cols; c++)
			fputs(" &", f);
		fputs(" \\\\ \\hline\n", f);
	}
	fputs("\\end{tabular}\n", f);
}

/* Ruled lines for a written answer: two, and two more a point, at most twelve. */
static void write_lines(FILE *f, double points)
{
	int n = points > 5 ? 12 : 2 + (int)(2 * points + 0.5);

	fprintf(f, "\\answerlines{%d}\n", n);
}

/* Where the answer to blank `b` goes; `name` is its label ("" for none). */
static void write_blank(FILE *f, const ec_paper_blank *b, const char *name)
{
	switch (b->kind) {
	case EC_KEY_TF:
		fputs("\\par\\hfill\\tick\\ True\\qquad\\tick\\ False\n", f);
		break;
	case EC_KEY_MC:
		break; /* each option has its box */
	case EC_KEY_NUMBER:
	case EC_KEY_COUNT:
	case EC_KEY_DIMS:
		if (name[0]) {
			fputs("\\mbox{\\texttt{", f);
			ec_write_latex_text(f, name);
			fputs("}: \\answerbox{3cm}}\\quad\n", f);
		} else {
			fputs("\\par\\smallskip Answer: \\answerbox{7cm}\n", f);
		}
		break;
	case EC_KEY_MASK:
		write_mask(f, b->cells ? b->cells : 1);
		break;
	case EC_KEY_MANUAL:
		write_lines(f, b->points);
		break;
	}
}

/* One block of a question's text; `prev` is the kind of the block before it, or -1. */
static void write_block(FILE *f, const ec_text_block *k, int prev, int next)
{
	switch (k->kind) {
	case EC_TEXT_PARA:
		ec_write_latex_text(f, k->text);
		fputs("\n\\par\n", f);
		break;
	case EC_TEXT_ITEM:
		if (prev != EC_TEXT_ITEM)
			fputs("\\begin{itemize}\n", f);
		fputs("\\item ", f);
		ec_write_latex_text(f, k->text);
		fputs(next != EC_TEXT_ITEM ? "\n\\end{itemize}\n" : "\n", f);
		break;
	case EC_TEXT_OPTION:
		if (prev != EC_TEXT_OPTION)
			fputs("\\begin{options}\n", f);
		fprintf(f, "\\item[\\tick\\ \\textbf{%c}] ", k->letter);
		ec_write_latex_text(f, k->text);
		fputs(next != EC_TEXT_OPTION ? "\n\\end{options}\n" : "\n", f);
		break;
	case EC_TEXT_PRE:
		if (prev != EC_TEXT_PRE)
			fputs("\\begin{keep}\n", f);
		fputs("\\begin{pre}\n", f);
		ec_write_latex_alltt(f, k->text);
		fputs(next != EC_TEXT_PRE ? "\n\\end{pre}\n\\end{keep}\n" : "\n\\end{pre}\n", f);
		break;
	}
}

static void write_text(FILE *f, const ec_text *t, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		write_block(f, &t->blocks[i], i ? (int)t->blocks[i - 1].kind : -1,
			    i + 1 < count ? (int)t->blocks[i + 1].kind : -1);
}

/* A leaf: its text, then where its answers go. */
static void write_leaf(FILE *f, const ec_paper_question *q)
{
	grid g;
	bool rows = grid_rows(q, &g), table = rows && grid_table(q, &g);
	bool inline_boxes = false;
	size_t i;

	fprintf(f, "\\begin{question}{%s}{%g point%s}\n", q->id, q->points, plural(q->points));
	write_text(f, &q->text, table ? q->text.count - 1 : q->text.count);
	if (rows) {
		if (!table)
			g.text = NULL;
		write_grid(f, q, &g);
	}
	for (i = 0; i < q->nblanks; i++) {
		const ec_paper_blank *b = &q->blanks[i];
		blank_place at = place_of(q->id, b);
		bool boxed = at.label[0] && b->kind != EC_KEY_MANUAL && b->kind != EC_KEY_MASK &&
			     b->kind != EC_KEY_TF && b->kind != EC_KEY_MC;

		if (rows && i >= g.first && i < g.first + g.rows * g.fields)
			continue;
		if (boxed && !inline_boxes)
			fputs("\\par\\smallskip\\begingroup\\raggedright\\lineskip=1.5ex\n", f);
		else if (!boxed && inline_boxes)
			fputs("\\par\\endgroup\n", f);
		inline_boxes = boxed;
		write_blank(f, b, at.label);
	}
	if (inline_boxes)
		fputs("\\par\\endgroup\n", f);
	fputs("\\end{question}\n", f);
}

static ec_status paper_question(ec_write_ctx *w, const ec_paper *p, size_t i)
{
	const ec_paper_question *q = &p->questions[i];
	FILE *f = w->out;

	if (q->leaf) {
		write_leaf(f, q);
		return EC_OK;
	}
	fputs(strchr(q->id, '.') ? "\\subsection*{" : "\\section*{", f);
	fprintf(f, "%s\\quad ", q->id);
	ec_write_latex_text(f, q->title);
	fprintf(f, " (%g point%s)}\n", q->points, plural(q->points));
	write_text(f, &q->text, q->text.count);
	return EC_OK;
}

static ec_status paper_end(ec_write_ctx *w, const ec_paper *p)
{
	(void)p;
	fputs("\\end{document}\n", w->out);
	return EC_OK;
}

/* ---- the key ---- */

static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	FILE *f = w->out;
	char name[64], comment[256];

	exam_name(key->seed, name, sizeof(name));
	snprintf(comment, sizeof(comment),
		 "The answer key of the deep learning practice midterm (%s);"
		 " examcheck variant --seed %" PRIu64 " --key --format latex",
		 key->seed ? name : "the original exam", key->seed);
	preamble(f, comment, name, true);
	fputs("\\begin{document}\n"
	      "\\section*{Deep learning practice midterm: answer key}\n",
	      f);
	fprintf(f, "%s. For the instructor, not for students. ",
		key->seed ? name : "The original exam");
	fputs("Points are each item's, as a key file writes them; multiple choice lists"
	      " every option to mark; items of kind manual are graded by hand, and their"
	      " answer is what a full answer says.\n"
	      "\\begin{longtable}{@{}p{0.17\\linewidth}"
	      ">{\\raggedright\\arraybackslash}p{0.46\\linewidth}"
	      ">{\\raggedleft\\arraybackslash}p{0.09\\linewidth}"
	      ">{\\raggedright\\arraybackslash}p{0.18\\linewidth}@{}}\n"
	      "\\textbf{Item} & \\textbf{Answer} & \\textbf{Points} & \\textbf{Kind} \\\\\n"
	      "\\hline\n"
	      "\\endhead\n",
	      f);
	return EC_OK;
}

static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	FILE *f = w->out;
	char pts[32];

	ec_write_latex_text(f, it->id);
	fputs(" & ", f);
	ec_write_latex_text(f, it->answer);
	fprintf(f, " & %s & %s", ec_points_format_exact(it->points, pts),
		ec_key_kind_name(it->kind));
	if (it->origin != EC_KEY_FROM_EXAM) {
		fprintf(f, " {\\small(%s", ec_key_origin_name(it->origin));
		if (it->data[0]) {
			fputs(": ", f);
			ec_write_latex_text(f, it->data);
		}
		fputs(")}", f);
	}
	fputs(" \\\\\n", f);
	return EC_OK;
}

static ec_status key_end(ec_write_ctx *w, const ec_key *key)
{
	(void)key;
	fputs("\\end{longtable}\n"
	      "\\end{document}\n",
	      w->out);
	return EC_OK;
}

const ec_writer ec_writer_latex = {
	.name = "latex",
	.key = {key_begin, key_item, key_end},
	.paper = {paper_begin, paper_question, paper_end},
};
