/*
 * write_text.c: the text format: aligned columns, for people.
 */
#include "writer.h"

#include <math.h>
#include <string.h>

/* Key: "id  answer  points  kind", id and answer columns as wide as their widest entry. */
static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	size_t i, wid = 2, wans = 6;

	for (i = 0; i < key->count; i++) {
		if (strlen(key->items[i].id) > wid)
			wid = strlen(key->items[i].id);
		if (key->items[i].kind != EC_KEY_MANUAL && strlen(key->items[i].answer) > wans)
			wans = strlen(key->items[i].answer);
	}
	w->width[0] = (int)wid;
	w->width[1] = (int)wans;
	fprintf(w->out, "%-*s  %-*s  %-8s  %s\n", w->width[0], "id", w->width[1], "answer",
		"points", "kind");
	return EC_OK;
}

/*
 * An item that does not come from the exam's text ends in a note after its
 * kind (padded to 6): "stand-in: q3.1.1.graph", "reconstructed: q3.3.figure".
 */
static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	char pts[32];

	fprintf(w->out, "%-*s  %-*s  %-8s  ", w->width[0], it->id, w->width[1], it->answer,
		ec_points_format(it->points, pts));
	if (it->origin == EC_KEY_FROM_EXAM)
		fprintf(w->out, "%s\n", ec_key_kind_name(it->kind));
	else
		fprintf(w->out, "%-6s  %s%s%s\n", ec_key_kind_name(it->kind),
			ec_key_origin_name(it->origin), it->data[0] ? ": " : "", it->data);
	return EC_OK;
}

/*
 * Sheet: "Sheet FILE", a table of the auto-graded items (under an item not
 * fully right, its reason when the report has one: "why: ..."), a blank
 * line, a line per section and the total, then the items left to grade by
 * hand.
 */
static ec_status sheet_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	const ec_grader *g = r->grader;
	size_t i, wid = 4;

	for (i = 0; i < g->count; i++)
		if (strlen(g->items[i].key.id) > wid)
			wid = strlen(g->items[i].key.id);
	w->width[0] = (int)wid;
	fprintf(w->out, "Sheet %s\n\n", r->file);
	fprintf(w->out, "%-*s  %-12s  %-10s  %-14s  %s\n", w->width[0], "item", "answer",
		"verdict", "points", "correct");
	return EC_OK;
}

static ec_status sheet_item(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	const ec_grade_item *it = &r->grader->items[i];
	char a[32], b[32], pts[64], ans[WRITE_ANSWER_SIZE], corr[WRITE_CORRECT_SIZE];

	if (r->results[i].verdict == EC_VERDICT_MANUAL)
		return EC_OK;
	write_sheet_answer(r, i, ans, sizeof(ans));
	ec_grade_item_correct(it, corr, sizeof(corr));
	snprintf(pts, sizeof(pts), "%s/%s", ec_points_format(r->results[i].points, a),
		 ec_points_format(it->key.points, b));
	fprintf(w->out, "%-*s  %-12s  %-10s  %-14s  %s\n", w->width[0], it->key.id,
		ans[0] ? ans : "-", ec_verdict_name(r->results[i].verdict), pts, corr);
	if (r->results[i].verdict != EC_VERDICT_RIGHT && r->reasons && r->reasons[i] &&
	    r->reasons[i][0])
		fprintf(w->out, "%-*s  why: %s\n", w->width[0], "", r->reasons[i]);
	w->items++;
	return EC_OK;
}

static ec_status sheet_section(ec_write_ctx *w, const ec_sheet_report *r, size_t s)
{
	char a[32], b[32];

	if (w->sections++ == 0)
		fputc('\n', w->out);
	fprintf(w->out, "Section %s: %s/%s\n", r->grader->sections[s],
		ec_points_format(r->sections[s], a), ec_points_format(r->section_max[s], b));
	return EC_OK;
}

static ec_status sheet_end(ec_write_ctx *w, const ec_sheet_report *r)
{
	const ec_grader *g = r->grader;
	char a[32], b[32];
	size_t i;

	if (w->sections == 0)
		fputc('\n', w->out);
	if (r->pending == 0 && r->max > g->max_auto)
		fprintf(w->out, "Total: %s/%s\n", ec_points_format(r->total, a),
			ec_points_format(r->max, b));
	else
		fprintf(w->out, "Total: %s/%s (auto-graded items%s)\n", ec_points_format(r->total, a),
			ec_points_format(r->max, b), r->max > g->max_auto ? " and marks given" : "");
	if (w->items == g->count) /* none was left to grade by hand */
		return EC_OK;
	fprintf(w->out, "\nTo grade by hand (%s point%s):\n", ec_points_format(r->pending, a),
		r->pending == 1 ? "" : "s");
	for (i = 0; i < g->count; i++)
		if (r->results[i].verdict == EC_VERDICT_MANUAL)
			fprintf(w->out, "  %-*s  %s pt  %s\n", w->width[0], g->items[i].key.id,
				ec_points_format(g->items[i].key.points, a), g->items[i].key.answer);
	return EC_OK;
}

/*
 * Statistics: "name<TAB>value" lines, the histogram of totals with bars
 * of '#' (the fullest bin 50 wide), then a tab-separated table of the
 * items. Ratios to 4 decimals, points as ec_points_format(), "-" for what
 * is not defined.
 */
static void ratio(FILE *f, const char *before, double x)
{
	char buf[64];

	fputs(before, f);
	if (isfinite(x))
		fputs(ec_stats_fixed(x, 4, buf), f);
	else
		putc('-', f);
}

static void group_count(FILE *f, const uint64_t *counts, size_t i)
{
	if (counts)
		fprintf(f, "\t%llu", (unsigned long long)counts[i]);
	else
		fputs("\t-", f);
}

/* Several versions: "variant N" before each block, a blank line between. */
static ec_status stats_version(ec_write_ctx *w)
{
	fprintf(w->out, "%svariant %llu\n", w->block ? "\n" : "", (unsigned long long)w->version);
	return EC_OK;
}

static ec_status stats_begin(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	char a[32], b[32];
	uint64_t most = 1;
	size_t i, k;

	fprintf(w->out, "students\t%llu\n", (unsigned long long)sum->n);
	if (sum->n == 0)
		return EC_OK;
	ratio(w->out, "mean\t", sum->mean);
	ratio(w->out, "\nmedian\t", sum->median);
	fputs(sum->median_exact ? "\n" : "\t(estimated)\n", w->out);
	ratio(w->out, "sd\t", sum->sd);
	putc('\n', w->out);
	fprintf(w->out, "min\t%s\n", ec_points_format(sum->min, a));
	fprintf(w->out, "max\t%s\n", ec_points_format(sum->max, a));
	ratio(w->out, "alpha\t", sum->alpha);
	fprintf(w->out, "\ngroups\tupper %d%%: %llu with total >= %s, lower %d%%: %llu with total <= %s%s\n",
		EC_STATS_GROUP_PERCENT, (unsigned long long)sum->upper_n,
		ec_points_format(sum->upper_cut, a), EC_STATS_GROUP_PERCENT,
		(unsigned long long)sum->lower_n, ec_points_format(sum->lower_cut, b),
		sum->groups_exact ? "" : "\t(estimated)");
	fprintf(w->out, "\nhistogram of totals (bin width %s)\n", ec_points_format(s->bin_width, a));
	for (i = 0; i < s->nbins; i++)
		if (s->bins[i] > most)
			most = s->bins[i];
	for (i = 0; i < s->nbins; i++) {
		double lo = s->lo + (double)i * s->bin_width;
		size_t bar = (size_t)((double)s->bins[i] * 50 / (double)most + 0.5);

		fprintf(w->out, "[%s, %s%s\t%llu\t", ec_points_format(lo, a),
			ec_points_format(lo + s->bin_width, b), i + 1 == s->nbins ? "]" : ")",
			(unsigned long long)s->bins[i]);
		for (k = 0; k < bar; k++)
			putc('#', w->out);
		putc('\n', w->out);
	}
	fputs("\nitem\tfacility\tdiscrimination\tupper\tlower\toptions chosen\n", w->out);
	return EC_OK;
}

static ec_status stats_item(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum,
			    size_t i)
{
	const ec_stats_item *it = &s->items[i];
	char letters[27];
	const char *c;

	if (sum->n == 0)
		return EC_OK;
	fputs(it->id, w->out);
	ratio(w->out, "\t", ec_stats_facility(s, i));
	ratio(w->out, "\t", ec_stats_discrimination(s, i));
	group_count(w->out, sum->upper, i);
	group_count(w->out, sum->lower, i);
	if (it->kind == EC_KEY_MC || it->kind == EC_KEY_TF) {
		putc('\t', w->out);
		for (c = write_stats_letters(it, letters); *c; c++)
			fprintf(w->out, "%c=%llu ", *c, (unsigned long long)it->chosen[*c - 'A']);
		fprintf(w->out, "blank=%llu", (unsigned long long)it->blank);
		if (it->unreadable)
			fprintf(w->out, " unreadable=%llu", (unsigned long long)it->unreadable);
	}
	putc('\n', w->out);
	return EC_OK;
}

/* After the items, the answer groups when there are any (write_groups.c). */
static ec_status stats_end(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	(void)sum;
	write_groups_text(w, s);
	return EC_OK;
}

/*
 * Checked answers. One item: "Points: P of MAX (VERDICT)", its lines, the
 * worked answer. A group: a Points line per item (id and answer after it),
 * the total, then each item's lines under "ID (ANSWER):".
 */
static char *points_text(const ec_check_item *it, char buf[128])
{
	char p[32], m[32];

	snprintf(buf, 128, "Points: %s of %s (%s)", ec_points_format_exact(it->points, p),
		 ec_points_format_exact(it->max, m), ec_check_verdict_name(it->verdict));
	return buf;
}

static ec_status check_begin(ec_write_ctx *w, const ec_check_report *r)
{
	char p[32], m[32], line[128];
	size_t i, wid = 0;

	if (!r->group)
		return EC_OK;
	for (i = 0; i < r->count; i++)
		if (strlen(points_text(&r->items[i], line)) > wid)
			wid = strlen(line);
	for (i = 0; i < r->count; i++)
		fprintf(w->out, "%-*s  %s %s\n", (int)wid, points_text(&r->items[i], line),
			r->items[i].id, r->items[i].answer[0] ? r->items[i].answer : "(blank)");
	fprintf(w->out, "Total: %s of %s\n", ec_points_format_exact(r->total, p),
		ec_points_format_exact(r->max, m));
	return EC_OK;
}

static ec_status check_item(ec_write_ctx *w, const ec_check_report *r, size_t i)
{
	const ec_check_item *it = &r->items[i];
	size_t k;

	if (r->group) {
		fprintf(w->out, "\n%s (%s):\n", it->id, it->answer[0] ? it->answer : "blank");
	} else {
		char line[128];

		fprintf(w->out, "%s\n", points_text(it, line));
	}
	for (k = 0; k < it->nlines; k++)
		fprintf(w->out, "%s%s\n", r->group ? "  " : "", it->lines[k]);
	return EC_OK;
}

static ec_status check_end(ec_write_ctx *w, const ec_check_report *r)
{
	fprintf(w->out, "%sWorked answer: %s\n", r->group ? "\n" : "", r->worked);
	return EC_OK;
}

/* ---- a question paper, as text and (with hashes) as Markdown ---- */

ec_status write_paper_begin(ec_write_ctx *w, const ec_paper *p, bool hashes)
{
	fprintf(w->out, "%s%s\n\n%s\n", hashes ? "# " : "", p->title, p->summary);
	return EC_OK;
}

ec_status write_paper_question(ec_write_ctx *w, const ec_paper *p, size_t i, bool hashes)
{
	const ec_paper_question *q = &p->questions[i];
	ec_buf b = EC_BUF_INIT;
	const char *c;
	int depth = 0;

	for (c = q->id; *c; c++)
		depth += *c == '.';
	fputc('\n', w->out);
	if (hashes)
		fprintf(w->out, "%.*s ", 2 + depth, "#####");
	if (q->leaf)
		fprintf(w->out, "%s (%g point%s)\n\n", q->id, q->points, q->points == 1 ? "" : "s");
	else
		fprintf(w->out, "%s %s (%g points)\n\n", q->id, q->title, q->points);
	if (ec_text_render(&q->text, &b) != EC_OK) {
		ec_buf_free(&b);
		return EC_ERR_NOMEM;
	}
	fputs(ec_buf_str(&b), w->out);
	ec_buf_free(&b);
	return EC_OK;
}

static ec_status paper_begin(ec_write_ctx *w, const ec_paper *p)
{
	return write_paper_begin(w, p, false);
}

static ec_status paper_question(ec_write_ctx *w, const ec_paper *p, size_t i)
{
	return write_paper_question(w, p, i, false);
}

const ec_writer ec_writer_text = {
	.name = "text",
	.key = {key_begin, key_item, NULL},
	.sheet = {sheet_begin, sheet_item, sheet_section, sheet_end, false},
	.stats = {stats_begin, stats_item, stats_end, stats_version, NULL},
	.check = {check_begin, check_item, check_end},
	.paper = {paper_begin, paper_question, NULL},
};
