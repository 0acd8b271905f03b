/*
 * cmd_grade.c: `examcheck grade`: score one answer sheet, or stream a class
 * roster (CSV) into a CSV of points with optional class statistics.
 */
#include <errno.h>
#include <math.h>
#include <threads.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "examcheck/ec_csv.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_stats.h"
#include "gradeio.h"

static const char grade_help[] =
	"usage: examcheck grade [options] SHEET\n"
	"       examcheck grade [options] --roster FILE [-o OUT] [--stats]\n"
	"\n"
	"Score an answer sheet (one '<id> <answer>' per line; blank lines and '#'\n"
	"comments allowed; a missing id is a blank answer), or every student of a\n"
	"roster: CSV with a header 'student,<id>,<id>,...' and one row per student.\n"
	"FILE or SHEET '-' is standard input.\n"
	"\n"
	"Options:\n"
	"  --key FILE        the key in the format of 'examcheck key --format tsv'\n"
	"                    (default: the key computed by the worked answers)\n"
	"  --rubric FILE     scoring rules (default: the built-in data/rubric)\n"
	"  --accept ID=ANS   also give full credit for ANS on item ID (repeatable)\n"
	"  --format F        sheet: text (default), json, gradescope (results.json);\n"
	"                    roster: csv (the only one)\n"
	"  -o FILE           write the result to FILE: it appears whole or not at all\n"
	"  --stats           roster: also print mean, median, standard deviation, a\n"
	"                    histogram of totals and per item the facility, the\n"
	"                    point-biserial discrimination and the options chosen;\n"
	"                    to standard output with -o, else to standard error\n"
	"\n"
	"In a sheet an id may be written 1.1, Q1.1, q1.1, 1.1: or 1.1) (the answer\n"
	"may follow ':' or ')' directly). Sheets, key files and rubrics may start\n"
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
	"              5x5x5x3x16; none, N/A, NA or - read as 0\n"
	"  numbers     decimals (-0.25, 1.25e-3), fractions (-1/4, also with the\n"
	"              minus sign U+2212) and arithmetic: + - * / ** ( ), ln, log\n"
	"              (natural, the same as ln), exp, sqrt and implicit products\n"
	"              (48 ln 2, 2ln2, 3(1+1)); the value must be finite\n"
	"\n"
	"A number equal to the key within a relative 1e-9 is right however it is\n"
	"written. Otherwise a decimal is right when it has at least 3 significant\n"
	"figures and every one is correct (the key rounded to as many figures is\n"
	"what was written): for 33.2710..., 33.3, 33.27 and 33.271 are right;\n"
	"33.28, 33.2, 33 (2 figures) and 33.30 (a trailing zero is a figure) are\n"
	"not. A rubric rule with rel=R or abs=A scores its numbers within\n"
	"max(A, R*|key|) instead.\n"
	"\n"
	"Roster output (CSV): student,total,section.1,section.2,...,<item>,... with\n"
	"the points of every auto-graded item in key order. A bad row is reported\n"
	"as FILE:LINE: message and left out; the other students are still graded.\n"
	"\n"
	"Exit status: 0 ok, 2 usage, 65 malformed sheet, roster, key or rubric\n"
	"(including any bad roster row), 66 a file cannot be opened, 74 read or\n"
	"write error.\n";

typedef struct options {
	const char *key_file, *rubric_file, *roster, *out_path, *format_name, *sheet;
	bool stats;
	char **accepts;
	int naccepts;
} options;

/* Output that appears whole or not at all: a temporary file renamed at the end. */
typedef struct output {
	FILE *f;
	const char *path;
	char *tmp;
} output;

static int out_open(output *o, const char *path)
{
	size_t n;
	mode_t mask;
	int fd;

	o->path = path;
	o->tmp = NULL;
	o->f = stdout;
	if (!path)
		return EC_EXIT_OK;
	n = strlen(path);
	o->tmp = malloc(n + 8);
	if (!o->tmp) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	memcpy(o->tmp, path, n);
	memcpy(o->tmp + n, ".XXXXXX", 8);
	fd = mkstemp(o->tmp);
	if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
		cli_error("grade: cannot create '%s': %s", o->tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return EC_EXIT_IOERR;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return EC_EXIT_OK;
}

static void out_abort(output *o)
{
	if (!o->tmp)
		return;
	fclose(o->f);
	unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

static int out_commit(output *o)
{
	int failed;

	if (!o->tmp)
		return EC_EXIT_OK;
	failed = fflush(o->f) != 0 || ferror(o->f);
	if (fclose(o->f) != 0)
		failed = 1;
	if (failed || rename(o->tmp, o->path) != 0) {
		cli_error("grade: write error on '%s': %s", o->path, strerror(errno));
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return EC_EXIT_IOERR;
	}
	free(o->tmp);
	o->tmp = NULL;
	return EC_EXIT_OK;
}

static int setup(const options *op, ec_grader *g)
{
	ec_key key = {0};
	ec_rubric r = {0};
	char *rubric_text = NULL;
	ec_error err;
	int i, rc;

	ec_error_clear(&err);
	rc = gio_load_key("grade", op->key_file, &key);
	if (rc == EC_EXIT_OK)
		rc = gio_load_rubric("grade", op->rubric_file, &r, &rubric_text);
	for (i = 0; i < op->naccepts && rc == EC_EXIT_OK; i++) {
		if (ec_rubric_accept(&r, op->accepts[i], "--accept", &err) != EC_OK) {
			cli_error("grade: %s", err.msg);
			rc = EC_EXIT_USAGE;
		}
	}
	if (rc == EC_EXIT_OK && key.count == 0) {
		cli_error("grade: the answer key has no items%s",
			  op->key_file ? "" : " (no worked answer adds one yet; use --key FILE)");
		rc = EC_EXIT_DATAERR;
	}
	if (rc == EC_EXIT_OK && ec_grader_init(g, &key, &r, &err) != EC_OK) {
		cli_report(&err);
		rc = err.file && strcmp(err.file, "--accept") == 0 ? EC_EXIT_USAGE
								      : gio_exit_for(err.status);
	}
	ec_rubric_free(&r);
	free(rubric_text);
	ec_key_free(&key);
	return rc;
}

/* ---- one sheet ---- */

static void correct_text(const ec_grade_item *it, char *buf, size_t size)
{
	size_t k, n;

	snprintf(buf, size, "%s", it->key.answer);
	for (k = 1; k < it->naccepted; k++) {
		char alt[64];

		n = strlen(buf);
		snprintf(buf + n, size - n, " or %s",
			 ec_value_format(&it->accepted[k], alt, sizeof(alt)));
	}
}

typedef struct sheet_result {
	ec_value *values;
	ec_grade_result *results;
	double *sections, *section_max;
	double total;
} sheet_result;

static void print_sheet_text(FILE *f, const ec_grader *g, const sheet_result *s,
			     const char *file)
{
	char a[32], b[32], ans[96], corr[200];
	size_t i, wid = 4, pending = 0;

	for (i = 0; i < g->count; i++)
		if (strlen(g->items[i].key.id) > wid)
			wid = strlen(g->items[i].key.id);
	fprintf(f, "Sheet %s\n\n", file);
	fprintf(f, "%-*s  %-12s  %-8s  %-14s  %s\n", (int)wid, "item", "answer", "verdict",
		"points", "correct");
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];
		char pts[64];

		if (s->results[i].verdict == EC_VERDICT_MANUAL) {
			pending++;
			continue;
		}
		ec_value_format(&s->values[i], ans, sizeof(ans));
		correct_text(it, corr, sizeof(corr));
		snprintf(pts, sizeof(pts), "%s/%s", ec_points_format(s->results[i].points, a),
			 ec_points_format(it->key.points, b));
		fprintf(f, "%-*s  %-12s  %-8s  %-14s  %s\n", (int)wid, it->key.id,
			ans[0] ? ans : "-", ec_verdict_name(s->results[i].verdict), pts, corr);
	}
	fputc('\n', f);
	for (i = 0; i < g->nsections; i++)
		if (s->section_max[i] > 0)
			fprintf(f, "Section %s: %s/%s\n", g->sections[i],
				ec_points_format(s->sections[i], a),
				ec_points_format(s->section_max[i], b));
	fprintf(f, "Total: %s/%s (auto-graded items)\n", ec_points_format(s->total, a),
		ec_points_format(g->max_auto, b));
	if (pending) {
		fprintf(f, "\nTo grade by hand (%s point%s):\n", ec_points_format(g->max_manual, a),
			g->max_manual == 1 ? "" : "s");
		for (i = 0; i < g->count; i++)
			if (s->results[i].verdict == EC_VERDICT_MANUAL)
				fprintf(f, "  %-*s  %s pt  %s\n", (int)wid, g->items[i].key.id,
					ec_points_format(g->items[i].key.points, a),
					g->items[i].key.answer);
	}
}

static void print_sheet_json(FILE *f, const ec_grader *g, const sheet_result *s,
			     const char *file)
{
	char a[32], ans[96], corr[200];
	size_t i, n = 0;

	fputs("{\"sheet\": ", f);
	gio_json_string(f, file);
	fprintf(f, ", \"total\": %s", ec_points_format(s->total, a));
	fprintf(f, ", \"max\": %s", ec_points_format(g->max_auto, a));
	fprintf(f, ", \"manual_max\": %s,\n \"sections\": [", ec_points_format(g->max_manual, a));
	for (i = 0; i < g->nsections; i++) {
		if (!(s->section_max[i] > 0))
			continue;
		fputs(n++ ? ", {\"section\": " : "{\"section\": ", f);
		gio_json_string(f, g->sections[i]);
		fprintf(f, ", \"points\": %s", ec_points_format(s->sections[i], a));
		fprintf(f, ", \"max\": %s}", ec_points_format(s->section_max[i], a));
	}
	fputs("],\n \"items\": [", f);
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];

		fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", f);
		gio_json_string(f, it->key.id);
		fprintf(f, ", \"kind\": \"%s\", \"answer\": ", ec_key_kind_name(it->key.kind));
		gio_json_string(f, ec_value_format(&s->values[i], ans, sizeof(ans)));
		fprintf(f, ", \"verdict\": \"%s\", \"points\": ", ec_verdict_name(s->results[i].verdict));
		if (s->results[i].verdict == EC_VERDICT_MANUAL)
			fputs("null", f);
		else
			fputs(ec_points_format(s->results[i].points, a), f);
		fprintf(f, ", \"max\": %s, \"correct\": ", ec_points_format(it->key.points, a));
		correct_text(it, corr, sizeof(corr));
		gio_json_string(f, corr);
		fputc('}', f);
	}
	fputs("\n ]}\n", f);
}

static void print_sheet_gradescope(FILE *f, const ec_grader *g, const sheet_result *s)
{
	char a[32], ans[96], corr[200], out[400];
	size_t i, n = 0;

	fprintf(f, "{\"score\": %s,\n \"output\": ", ec_points_format(s->total, a));
	snprintf(out, sizeof(out), "Auto-graded items: %s of ", ec_points_format(s->total, a));
	strcat(out, ec_points_format(g->max_auto, a));
	strcat(out, " points. Graded by hand later, worth: ");
	strcat(out, ec_points_format(g->max_manual, a));
	strcat(out, ".");
	gio_json_string(f, out);
	fputs(",\n \"tests\": [", f);
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];

		if (s->results[i].verdict == EC_VERDICT_MANUAL)
			continue;
		fputs(n++ ? ",\n  {\"name\": " : "\n  {\"name\": ", f);
		gio_json_string(f, it->key.id);
		fputs(", \"number\": ", f);
		gio_json_string(f, it->key.id);
		fprintf(f, ", \"score\": %s", ec_points_format(s->results[i].points, a));
		fprintf(f, ", \"max_score\": %s, \"output\": ", ec_points_format(it->key.points, a));
		ec_value_format(&s->values[i], ans, sizeof(ans));
		correct_text(it, corr, sizeof(corr));
		snprintf(out, sizeof(out), "%s: answer %s, correct %s",
			 ec_verdict_name(s->results[i].verdict), ans[0] ? ans : "(blank)", corr);
		gio_json_string(f, out);
		fputc('}', f);
	}
	fputs("\n ]}\n", f);
}

static int grade_sheet(const options *op, const ec_grader *g, ec_format format)
{
	sheet_result s;
	ec_sheet sheet = {0};
	char *text = NULL;
	size_t len, i;
	ec_error err;
	output out;
	int rc;

	rc = gio_read_file("grade", op->sheet, &text, &len);
	if (rc != EC_EXIT_OK)
		return rc;
	ec_error_clear(&err);
	s.values = calloc(g->count, sizeof(*s.values));
	s.results = calloc(g->count, sizeof(*s.results));
	s.sections = calloc(g->nsections, sizeof(*s.sections));
	s.section_max = calloc(g->nsections, sizeof(*s.section_max));
	if (!s.values || !s.results || !s.sections || !s.section_max) {
		cli_error("grade: out of memory");
		rc = EC_EXIT_SOFTWARE;
	} else if (ec_sheet_parse(text, len, op->sheet, &sheet, &err) != EC_OK ||
		   ec_grade_sheet(g, &sheet, op->sheet, s.values, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	} else if ((rc = out_open(&out, op->out_path)) == EC_EXIT_OK) {
		for (i = 0; i < g->count; i++)
			if (g->items[i].rule.scheme != EC_SCHEME_MANUAL)
				s.section_max[g->items[i].section] += g->items[i].key.points;
		s.total = ec_grade_values(g, s.values, s.results, s.sections);
		if (format == EC_FORMAT_JSON)
			print_sheet_json(out.f, g, &s, op->sheet);
		else if (format == EC_FORMAT_GRADESCOPE)
			print_sheet_gradescope(out.f, g, &s);
		else
			print_sheet_text(out.f, g, &s, op->sheet);
		rc = out_commit(&out);
	}
	ec_sheet_free(&sheet);
	free(s.values);
	free(s.results);
	free(s.sections);
	free(s.section_max);
	free(text);
	return rc;
}

/* ---- a roster ---- */

/* Longest text kept by a points_cache (a comma and the points); texts are copied POINTS_TEXT bytes at a time. */
#define POINTS_TEXT 16

/*
 * An item's formatted scores, one per verdict: right, wrong and blank
 * always score the same on an item, so the text is found without a search.
 */
typedef struct points_cache {
	double value[EC_VERDICT_MANUAL + 1];
	char text[EC_VERDICT_MANUAL + 1][POINTS_TEXT]; /* ",2", ",0.285714" */
	unsigned char len[EC_VERDICT_MANUAL + 1];       /* 0: nothing kept */
} points_cache;

/*
 * Append a comma and the text of r's points to p, which has room for
 * POINTS_TEXT bytes more than that; returns the new end.
 */
static char *cached_points(points_cache *c, const ec_grade_result *r, char *p)
{
	unsigned k = (unsigned)r->verdict;
	char buf[1 + 32];
	size_t len;

	if (c->len[k] && c->value[k] == r->points) {
		memcpy(p, c->text[k], POINTS_TEXT);
		return p + c->len[k];
	}
	buf[0] = ',';
	len = 1 + ec_points_format_len(r->points, buf + 1);
	if (len < POINTS_TEXT) {
		c->value[k] = r->points;
		memcpy(c->text[k], buf, len + 1);
		c->len[k] = (unsigned char)len;
	}
	memcpy(p, buf, len);
	return p + len;
}

typedef struct roster {
	const ec_grader *g;
	size_t *scored;     /* the auto-graded items, in key order */
	size_t nscored;
	double *sections, *scores;
	uint32_t *choices;
	long *cols;
	points_cache *cache;
	char *out;          /* rows not yet handed to stdio */
	size_t out_len, out_cap;
	ec_grade_memo memo;
	ec_stats stats;
	bool want_stats;
	uint64_t graded, bad;
} roster;

static void write_header(FILE *f, const ec_grader *g)
{
	size_t i;

	fputs("student,total", f);
	for (i = 0; i < g->nsections; i++)
		fprintf(f, ",section.%s", g->sections[i]);
	for (i = 0; i < g->count; i++) {
		if (g->items[i].rule.scheme == EC_SCHEME_MANUAL)
			continue;
		putc(',', f);
		gio_csv_field(f, g->items[i].key.id);
	}
	putc('\n', f);
}

/* Rows are gathered in ro->out and handed to stdio OUT_CHUNK bytes or so at a time. */
#define OUT_CHUNK (1u << 18)

/* Append s (n bytes) at p; the caller made room. */
static char *put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

/* Write out the gathered rows; false on a write error. */
static bool flush_rows(roster *ro, FILE *f)
{
	if (ro->out_len)
		fwrite(ro->out, 1, ro->out_len, f);
	ro->out_len = 0;
	return !ferror(f);
}

/*
 * Append one output row to ro->out, writing out the rows before it when
 * it would not fit. Returns 0, -1 when memory runs out, -2 on a write error.
 */
static int write_row(FILE *f, roster *ro, const ec_grade_result *results,
		     const char *student, size_t student_len, double total)
{
	const ec_grader *g = ro->g;
	size_t need = 2 * student_len + 3 + 32 * (g->nsections + 1) +
		      (32 + POINTS_TEXT) * ro->nscored + 2,
	       i;
	char *p;

	if (ro->out_len + need > ro->out_cap) {
		if (!flush_rows(ro, f))
			return -2;
		if (need > ro->out_cap) {
			char *grown = realloc(ro->out, need > OUT_CHUNK ? need : OUT_CHUNK);

			if (!grown)
				return -1;
			ro->out = grown;
			ro->out_cap = need > OUT_CHUNK ? need : OUT_CHUNK;
		}
	}
	p = ro->out + ro->out_len;
	if (student[strcspn(student, ",\"\r\n")]) {
		*p++ = '"';
		for (i = 0; i < student_len; i++) {
			if (student[i] == '"')
				*p++ = '"';
			*p++ = student[i];
		}
		*p++ = '"';
	} else {
		p = put(p, student, student_len);
	}
	*p++ = ',';
	p += ec_points_format_len(total, p);
	for (i = 0; i < g->nsections; i++) {
		*p++ = ',';
		p += ec_points_format_len(ro->sections[i], p);
	}
	for (i = 0; i < ro->nscored; i++)
		p = cached_points(&ro->cache[i], &results[ro->scored[i]], p);
	*p++ = '\n';
	ro->out_len = (size_t)(p - ro->out);
	return 0;
}

static void print_stats(FILE *f, const roster *ro)
{
	const ec_grader *g = ro->g;
	const ec_stats *st = &ro->stats;
	ec_stats_summary sum;
	ec_error err;
	char a[32], b[32];
	uint64_t most = 1;
	size_t i, k;

	ec_error_clear(&err);
	if (ec_stats_summarise(st, &sum, &err) != EC_OK) {
		fprintf(f, "students\t0\n");
		return;
	}
	fprintf(f, "students\t%llu\n", (unsigned long long)sum.n);
	fprintf(f, "mean\t%.4f\n", sum.mean);
	fprintf(f, "median\t%.4f%s\n", sum.median, sum.median_exact ? "" : "\t(estimated)");
	fprintf(f, "sd\t%.4f\n", sum.sd);
	fprintf(f, "min\t%s\n", ec_points_format(sum.min, a));
	fprintf(f, "max\t%s\n", ec_points_format(sum.max, a));
	fprintf(f, "\nhistogram of totals (bin width %s)\n", ec_points_format(st->bin_width, a));
	for (i = 0; i < st->nbins; i++)
		if (st->bins[i] > most)
			most = st->bins[i];
	for (i = 0; i < st->nbins; i++) {
		double lo = st->lo + (double)i * st->bin_width;
		size_t bar = (size_t)((double)st->bins[i] * 50 / (double)most + 0.5);

		fprintf(f, "[%s, %s%s\t%llu\t", ec_points_format(lo, a),
			ec_points_format(lo + st->bin_width, b), i + 1 == st->nbins ? "]" : ")",
			(unsigned long long)st->bins[i]);
		for (k = 0; k < bar; k++)
			putc('#', f);
		putc('\n', f);
	}
	fputs("\nitem\tfacility\tdiscrimination\toptions chosen\n", f);
	for (i = 0, k = 0; i < g->count; i++) {
		const ec_stats_item *si;
		double fac, dis;
		size_t c;

		if (g->items[i].rule.scheme == EC_SCHEME_MANUAL)
			continue;
		si = &st->items[k];
		fac = ec_stats_facility(st, k);
		dis = ec_stats_discrimination(st, k);
		k++;
		fprintf(f, "%s\t", g->items[i].key.id);
		if (isnan(fac))
			fputs("-\t", f);
		else
			fprintf(f, "%.4f\t", fac);
		if (isnan(dis))
			fputs("-", f);
		else
			fprintf(f, "%.4f", dis);
		if (si->mc) {
			uint32_t shown = g->items[i].rule.options;

			putc('\t', f);
			for (c = 0; c < 26; c++)
				if ((shown & (UINT32_C(1) << c)) || si->chosen[c])
					fprintf(f, "%c=%llu ", (char)('A' + c),
						(unsigned long long)si->chosen[c]);
			fprintf(f, "blank=%llu", (unsigned long long)si->blank);
		}
		putc('\n', f);
	}
}

static int roster_alloc(roster *ro, const ec_grader *g, bool stats)
{
	size_t i, k = 0;
	double *pts;
	bool *mc;
	ec_error err;

	memset(ro, 0, sizeof(*ro));
	ro->g = g;
	ro->want_stats = stats;
	ro->sections = calloc(g->nsections, sizeof(*ro->sections));
	ro->scores = calloc(g->count, sizeof(*ro->scores));
	ro->choices = calloc(g->count, sizeof(*ro->choices));
	ro->cols = calloc(EC_CSV_FIELDS_MAX, sizeof(*ro->cols));
	ro->cache = calloc(g->count, sizeof(*ro->cache));
	ro->scored = calloc(g->count, sizeof(*ro->scored));
	pts = calloc(g->count, sizeof(*pts));
	mc = calloc(g->count, sizeof(*mc));
	if (!ro->sections || !ro->scores || !ro->choices ||
	    !ro->cols || !ro->cache || !ro->scored || !pts || !mc) {
		free(pts);
		free(mc);
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	for (i = 0; i < g->count; i++) {
		if (g->items[i].rule.scheme == EC_SCHEME_MANUAL)
			continue;
		pts[k] = g->items[i].key.points;
		mc[k] = g->items[i].rule.scheme == EC_SCHEME_MC;
		ro->scored[k++] = i;
	}
	ro->nscored = k;
	ec_error_clear(&err);
	if (ec_grade_memo_init(&ro->memo, g, &err) != EC_OK) {
		free(pts);
		free(mc);
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	if (stats && ec_stats_init(&ro->stats, k, pts, mc, g->min_auto,
				   g->max_auto > g->min_auto ? g->max_auto : g->min_auto + 1,
				   &err) != EC_OK) {
		free(pts);
		free(mc);
		cli_error("grade: %s", err.msg);
		return EC_EXIT_SOFTWARE;
	}
	free(pts);
	free(mc);
	return EC_EXIT_OK;
}

static void roster_free(roster *ro)
{
	free(ro->sections);
	free(ro->scores);
	free(ro->choices);
	free(ro->cols);
	free(ro->cache);
	free(ro->scored);
	free(ro->out);
	ec_grade_memo_free(&ro->memo);
	if (ro->want_stats)
		ec_stats_free(&ro->stats);
}

static void add_to_stats(roster *ro, const ec_grade_result *results, double total)
{
	size_t k;

	for (k = 0; k < ro->nscored; k++) {
		ro->scores[k] = results[ro->scored[k]].points;
		ro->choices[k] = results[ro->scored[k]].letters;
	}
	ec_stats_add(&ro->stats, ro->scores, ro->choices, total);
}

/*
 * Rows are read and scored in batches, by a second thread when one can be
 * started, while this one adds them up and writes them: the two halves
 * take about the same time. The output, messages and exit status are
 * those of doing it all in order, since only this thread prints.
 */
#define BATCH_ROWS 256
#define BATCHES 4

typedef struct batch {
	size_t nrows;
	bool end;                  /* the input ends after these rows */
	ec_status *status;         /* per row: EC_OK or why it was not graded */
	ec_error *errs;            /* per row: the message when not EC_OK (then cleared by the writer) */
	ec_grade_result *results;  /* per row: g->count results */
	size_t *name_at, *name_len;/* per row: the student name in names */
	char *names;
	size_t names_len, names_cap;
	uint64_t bytes;            /* bytes read after these rows */
} batch;

typedef struct reader {
	const ec_grader *g;
	ec_csv_reader *rd;
	ec_grade_memo *memo;
	const long *cols;
	size_t ncols;
	batch batches[BATCHES];
	uint64_t filled, drained;  /* batches so far */
	bool stop;                 /* the writer gave up */
	mtx_t lock;
	cnd_t changed;
} reader;

static bool batch_alloc(batch *b, size_t count)
{
	memset(b, 0, sizeof(*b));
	b->status = calloc(BATCH_ROWS, sizeof(*b->status));
	b->errs = calloc(BATCH_ROWS, sizeof(*b->errs));
	b->results = calloc(BATCH_ROWS * (count ? count : 1), sizeof(*b->results));
	b->name_at = calloc(BATCH_ROWS, sizeof(*b->name_at));
	b->name_len = calloc(BATCH_ROWS, sizeof(*b->name_len));
	return b->status && b->errs && b->results && b->name_at && b->name_len;
}

static void batch_free(batch *b)
{
	free(b->status);
	free(b->errs);
	free(b->results);
	free(b->name_at);
	free(b->name_len);
	free(b->names);
}

static bool keep_name(batch *b, size_t k, const char *name, size_t len)
{
	if (b->names_len + len + 1 > b->names_cap) {
		size_t cap = b->names_cap ? b->names_cap : 4096;
		char *grown;

		while (cap < b->names_len + len + 1)
			cap *= 2;
		grown = realloc(b->names, cap);
		if (!grown)
			return false;
		b->names = grown;
		b->names_cap = cap;
	}
	memcpy(b->names + b->names_len, name, len + 1);
	b->name_at[k] = b->names_len;
	b->name_len[k] = len;
	b->names_len += len + 1;
	return true;
}

/* Read and score up to BATCH_ROWS rows into b. */
static void fill_batch(reader *r, batch *b)
{
	ec_csv_reader *rd = r->rd;
	size_t count = r->g->count;
	bool more;

	b->nrows = 0;
	b->names_len = 0;
	b->end = false;
	while (b->nrows < BATCH_ROWS) {
		size_t k = b->nrows;
		ec_error *err = &b->errs[k];
		ec_status st;

		st = ec_csv_next(rd, &more, err);
		if (st == EC_OK && !more) {
			b->end = true;
			break;
		}
		if (st == EC_OK)
			st = ec_grade_roster_row(r->g, r->cols, r->ncols, rd->fields, rd->lens,
						 rd->nfields, rd->file, rd->record_line, r->memo, NULL,
						 &b->results[k * count], err);
		if (st == EC_OK && !keep_name(b, k, rd->fields[0], rd->lens[0]))
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		b->status[k] = st;
		b->nrows++;
		if (st == EC_ERR_IO || st == EC_ERR_NOMEM) {
			b->end = true;
			break;
		}
	}
	b->bytes = rd->bytes;
}

static int read_ahead(void *arg)
{
	reader *r = arg;

	for (;;) {
		batch *b;

		mtx_lock(&r->lock);
		while (!r->stop && r->filled - r->drained == BATCHES)
			cnd_wait(&r->changed, &r->lock);
		if (r->stop) {
			mtx_unlock(&r->lock);
			return 0;
		}
		b = &r->batches[r->filled % BATCHES];
		mtx_unlock(&r->lock);
		fill_batch(r, b);
		mtx_lock(&r->lock);
		r->filled++;
		cnd_broadcast(&r->changed);
		mtx_unlock(&r->lock);
		if (b->end)
			return 0;
	}
}

/* Add up, write and count the rows of b. Returns an exit status. */
static int drain_batch(roster *ro, batch *b, FILE *out, bool progress)
{
	size_t k;
	int written;

	for (k = 0; k < b->nrows; k++) {
		const ec_grade_result *results = &b->results[k * ro->g->count];
		double total;

		if (b->status[k] == EC_ERR_IO || b->status[k] == EC_ERR_NOMEM) {
			cli_report(&b->errs[k]);
			return gio_exit_for(b->status[k]);
		}
		if (b->status[k] != EC_OK) {
			ro->bad++;
			cli_report(&b->errs[k]);
			ec_error_clear(&b->errs[k]);
			continue;
		}
		total = ec_grade_sum(ro->g, results, ro->sections);
		written = write_row(out, ro, results, b->names + b->name_at[k], b->name_len[k], total);
		if (written == -1) {
			cli_error("grade: out of memory");
			return EC_EXIT_SOFTWARE;
		}
		if (written == -2) {
			cli_error("grade: write error: %s", strerror(errno));
			return EC_EXIT_IOERR;
		}
		if (ro->want_stats)
			add_to_stats(ro, results, total);
		ro->graded++;
		if (progress && (ro->graded & 0xFFFF) == 0)
			fprintf(stderr, "\rexamcheck: grade: %llu students, %.0f MB read",
				(unsigned long long)ro->graded, (double)b->bytes / 1e6);
	}
	return EC_EXIT_OK;
}

/*
 * EXAMCHECK_SINGLE_THREAD (any non-empty value) makes grade read, score and
 * write in one thread, the path taken anyway when no thread can be started.
 */
static bool single_thread(void)
{
	const char *v = getenv("EXAMCHECK_SINGLE_THREAD");

	return v && *v;
}

static int grade_rows(roster *ro, ec_csv_reader *rd, FILE *out, bool progress)
{
	reader r;
	thrd_t helper;
	bool threaded;
	size_t i;
	int rc = EC_EXIT_OK;

	memset(&r, 0, sizeof(r));
	r.g = ro->g;
	r.rd = rd;
	r.memo = &ro->memo;
	r.cols = ro->cols;
	r.ncols = rd->nfields;
	for (i = 0; i < BATCHES; i++) {
		if (!batch_alloc(&r.batches[i], ro->g->count)) {
			while (i + 1 > 0)
				batch_free(&r.batches[i--]);
			cli_error("grade: out of memory");
			return EC_EXIT_SOFTWARE;
		}
	}
	if (mtx_init(&r.lock, mtx_plain) != thrd_success) {
		cli_error("grade: cannot create a lock");
		rc = EC_EXIT_SOFTWARE;
		goto out;
	}
	if (cnd_init(&r.changed) != thrd_success) {
		mtx_destroy(&r.lock);
		cli_error("grade: cannot create a condition variable");
		rc = EC_EXIT_SOFTWARE;
		goto out;
	}
	threaded = !single_thread() && thrd_create(&helper, read_ahead, &r) == thrd_success;
	for (;;) {
		batch *b = &r.batches[r.drained % BATCHES];
		bool end;

		if (threaded) {
			mtx_lock(&r.lock);
			while (r.filled == r.drained)
				cnd_wait(&r.changed, &r.lock);
			mtx_unlock(&r.lock);
		} else {
			fill_batch(&r, b);
		}
		rc = drain_batch(ro, b, out, progress);
		end = b->end;
		mtx_lock(&r.lock);
		r.drained++;
		r.stop = rc != EC_EXIT_OK;
		cnd_broadcast(&r.changed);
		mtx_unlock(&r.lock);
		if (rc != EC_EXIT_OK || end)
			break;
	}
	if (threaded)
		thrd_join(helper, NULL);
	if (rc == EC_EXIT_OK && !flush_rows(ro, out)) {
		cli_error("grade: write error: %s", strerror(errno));
		rc = EC_EXIT_IOERR;
	}
	cnd_destroy(&r.changed);
	mtx_destroy(&r.lock);
out:
	for (i = 0; i < BATCHES; i++)
		batch_free(&r.batches[i]);
	return rc;
}

static int grade_roster(const options *op, const ec_grader *g)
{
	FILE *in = strcmp(op->roster, "-") == 0 ? stdin : fopen(op->roster, "rb");
	ec_csv_reader rd;
	ec_error err;
	output out;
	roster ro;
	bool more, progress;
	int rc;

	if (!in) {
		cli_error("grade: %s: cannot open: %s", op->roster, strerror(errno));
		return EC_EXIT_NOINPUT;
	}
	ec_error_clear(&err);
	rc = roster_alloc(&ro, g, op->stats);
	if (rc == EC_EXIT_OK && ec_csv_open(&rd, in, op->roster, &err) != EC_OK) {
		cli_report(&err);
		rc = EC_EXIT_SOFTWARE;
	}
	if (rc != EC_EXIT_OK) {
		roster_free(&ro);
		if (in != stdin)
			fclose(in);
		return rc;
	}
	if (ec_csv_next(&rd, &more, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	} else if (!more) {
		cli_error("%s: file is empty (expected a header 'student,<id>,...')",
			  op->roster);
		rc = EC_EXIT_DATAERR;
	} else if (ec_grade_roster_header(g, rd.fields, rd.nfields, rd.file, rd.record_line,
					  ro.cols, &err) != EC_OK) {
		cli_report(&err);
		rc = gio_exit_for(err.status);
	} else if ((rc = out_open(&out, op->out_path)) == EC_EXIT_OK) {
		progress = isatty(fileno(stderr));
		setvbuf(out.f, NULL, _IOFBF, 1 << 16);
		write_header(out.f, g);
		rc = grade_rows(&ro, &rd, out.f, progress);
		if (progress && ro.graded >= 0x10000)
			fputc('\n', stderr);
		if (rc == EC_EXIT_OK)
			rc = out_commit(&out);
		else
			out_abort(&out);
		if (rc == EC_EXIT_OK && op->stats)
			print_stats(op->out_path ? stdout : stderr, &ro);
		if (rc == EC_EXIT_OK && ro.bad) {
			cli_error("grade: %s: %llu row%s not graded (listed above); %llu graded",
				  op->roster, (unsigned long long)ro.bad, ro.bad == 1 ? "" : "s",
				  (unsigned long long)ro.graded);
			rc = EC_EXIT_DATAERR;
		}
	}
	ec_csv_close(&rd);
	roster_free(&ro);
	if (in != stdin)
		fclose(in);
	return rc;
}

int cmd_grade(int argc, char **argv)
{
	options op;
	ec_grader g;
	ec_format format = EC_FORMAT_TEXT;
	const char *accept;
	int i, rc;

	memset(&op, 0, sizeof(op));
	op.accepts = calloc((size_t)argc, sizeof(*op.accepts));
	if (!op.accepts) {
		cli_error("grade: out of memory");
		return EC_EXIT_SOFTWARE;
	}
	for (i = 1; i < argc; i++) {
		int r;

		if (cli_is_help(argv[i])) {
			fputs(grade_help, stdout);
			free(op.accepts);
			return EC_EXIT_OK;
		}
		if (strcmp(argv[i], "--stats") == 0) {
			op.stats = true;
			continue;
		}
		if ((r = cli_option(argc, argv, &i, "--key", &op.key_file)) ||
		    (r = cli_option(argc, argv, &i, "--rubric", &op.rubric_file)) ||
		    (r = cli_option(argc, argv, &i, "--roster", &op.roster)) ||
		    (r = cli_option(argc, argv, &i, "--format", &op.format_name)) ||
		    (r = cli_option(argc, argv, &i, "-o", &op.out_path))) {
			if (r < 0)
				goto usage;
			continue;
		}
		if ((r = cli_option(argc, argv, &i, "--accept", &accept))) {
			if (r < 0)
				goto usage;
			op.accepts[op.naccepts++] = (char *)accept;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_error("grade: unknown option '%s' (see 'examcheck grade --help')", argv[i]);
			goto usage;
		}
		if (op.sheet) {
			cli_error("grade: more than one sheet ('%s', '%s'); use --roster for a class",
				  op.sheet, argv[i]);
			goto usage;
		}
		op.sheet = argv[i];
	}
	if (!op.sheet == !op.roster) {
		cli_error("grade: give one SHEET or --roster FILE (see 'examcheck grade --help')");
		goto usage;
	}
	if (op.format_name &&
	    cli_format(op.format_name,
		       op.roster ? 1u << EC_FORMAT_CSV
				 : 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_JSON |
					   1u << EC_FORMAT_GRADESCOPE,
		       &format) != 0)
		goto usage;
	if (op.stats && !op.roster) {
		cli_error("grade: --stats needs --roster");
		goto usage;
	}
	rc = setup(&op, &g);
	if (rc == EC_EXIT_OK) {
		rc = op.roster ? grade_roster(&op, &g) : grade_sheet(&op, &g, format);
		ec_grader_free(&g);
	}
	free(op.accepts);
	return rc;
usage:
	free(op.accepts);
	return EC_EXIT_USAGE;
}
