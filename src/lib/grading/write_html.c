/*
 * write_html.c: the html format: the class report, one page that needs
 * nothing but itself (inline CSS, charts drawn inline by the svg writer,
 * no script), for a 1280-pixel window and for A4 or Letter paper. Every
 * text that comes from a roster, a key or a rubric goes through
 * ec_write_xml_text().
 */
#include "writer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_buf.h"

/* Answer groups drawn per item; the rest are summed into one bar. */
#define GROUPS_SHOWN 10

static const char style[] =
	"<style>\n"
	":root{color-scheme:light}\n"
	"body{margin:0;background:#fff;color:#222;font:14px/1.45 system-ui,-apple-system,"
	"\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
	"main{max-width:1200px;margin:0 auto;padding:16px 28px 48px}\n"
	"h1{font-size:26px;margin:8px 0 4px}\n"
	"h2{font-size:21px;margin:36px 0 8px;padding-bottom:4px;border-bottom:2px solid #d8d8d8}\n"
	"h3{font-size:17px;margin:26px 0 8px}\n"
	"h4{font-size:15px;margin:0 0 4px}\n"
	"p{margin:6px 0}\n"
	"table{border-collapse:collapse;margin:6px 0 10px}\n"
	"th,td{padding:3px 10px 3px 0;border-bottom:1px solid #e6e6e6;text-align:left;"
	"vertical-align:top}\n"
	"th{font-weight:600;border-bottom:1px solid #bbb}\n"
	".summary th{white-space:nowrap;padding-right:28px;border-bottom-color:#e6e6e6}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace;"
	"overflow-wrap:anywhere}\n"
	".muted{color:#666}\n"
	".right{color:#1f6e24;font-weight:600}.partial{color:#9a6b00}.wrong{color:#b03a24}\n"
	".flag{color:#b03a24}\n"
	"nav ul{margin:4px 0;padding-left:20px;columns:3}\n"
	"a{color:#1f4e8c}\n"
	".charts{display:flex;flex-wrap:wrap;gap:8px 28px}\n"
	"figure{margin:4px 0 8px}\n"
	"figcaption{font-size:13px;color:#444;margin-bottom:2px}\n"
	"svg.chart{max-width:100%;height:auto;display:block}\n"
	".item{border-top:1px solid #d8d8d8;padding:10px 0 6px;break-inside:avoid}\n"
	".item-body{display:grid;grid-template-columns:minmax(0,420px) minmax(0,1fr);"
	"gap:4px 28px;align-items:start}\n"
	".groups td:first-child{max-width:220px;overflow-wrap:anywhere}\n"
	"@media (max-width:1100px){.item-body{display:block}}\n"
	"@media print{\n"
	" @page{margin:12mm}\n"
	" body{font-size:9pt}\n"
	" main{max-width:none;padding:0}\n"
	" nav{display:none}\n"
	" section+section{break-before:page}\n"
	" h2,h3,h4{break-after:avoid}\n"
	" .charts{display:grid;grid-template-columns:1fr 1fr;gap:2px 16px}\n"
	" .item-body{display:grid;grid-template-columns:45% 55%;gap:2px 12px}\n"
	" svg.chart{width:100%;height:auto}\n"
	" .item,figure,tr{break-inside:avoid}\n"
	" code{font-size:7.5pt}\n"
	" a{color:inherit;text-decoration:none}\n"
	"}\n"
	"</style>\n";

static void text(FILE *f, const char *s)
{
	ec_write_xml_text(f, s);
}

/* A number to `decimals` places, "–" when not defined. */
static void number(FILE *f, double x, int decimals)
{
	char buf[64];

	if (isfinite(x))
		fputs(ec_stats_fixed(x, decimals, buf), f);
	else
		fputs("\xE2\x80\x93", f);
}

static void points(FILE *f, double x)
{
	char buf[32];

	fputs(isfinite(x) ? ec_points_format(x, buf) : "\xE2\x80\x93", f);
}

/* The command that gives full credit to `answer` on item `id` of part p. */
static void accept_command(FILE *f, const ec_class *c, const ec_class_part *p, const char *id,
			   const char *answer)
{
	ec_buf b = EC_BUF_INIT, spec = EC_BUF_INIT;

	ec_buf_appendf(&b, "%s --accept ", ec_class_command(c));
	if (p->has_variant)
		ec_buf_appendf(&spec, "%s@%llu=%s", id, (unsigned long long)p->variant, answer);
	else
		ec_buf_appendf(&spec, "%s=%s", id, answer);
	ec_buf_append_shell_word(&b, ec_buf_str(&spec));
	fputs("<code>", f);
	text(f, ec_buf_str(&b));
	fputs("</code>", f);
	ec_buf_free(&b);
	ec_buf_free(&spec);
}

static void part_name(FILE *f, const ec_class_part *p)
{
	if (p->has_variant && p->variant)
		fprintf(f, "Variant %llu", (unsigned long long)p->variant);
	else if (p->has_variant)
		fputs("The exam's own version (variant 0)", f);
	else
		fputs("The class", f);
}

/* Whether part k is written: it graded someone, or nobody was graded and it is the first. */
static bool part_shown(const ec_class *c, size_t k)
{
	size_t j;

	if (!ec_class_part_get(c, k)->seen)
		return false;
	if (ec_class_part_get(c, k)->stats.n)
		return true;
	for (j = 0; j < ec_class_parts(c); j++)
		if (ec_class_part_get(c, j)->stats.n)
			return false;
	return k == 0;
}

static ec_status html_begin(ec_write_ctx *w, const ec_class *c)
{
	const ec_roster_summary *sum = ec_class_summary(c);
	FILE *f = w->out;
	size_t k, nflags;
	uint64_t more;

	ec_class_flags(c, &nflags, &more);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>Class report: ",
	      f);
	text(f, ec_class_roster(c));
	fputs("</title>\n", f);
	fputs(style, f);
	fputs("</head>\n<body>\n<main>\n<h1>Class report</h1>\n<p class=\"muted\">Roster <code>", f);
	text(f, ec_class_roster(c));
	fputs("</code>, graded by examcheck " EC_VERSION " with <code>", f);
	text(f, ec_class_command(c));
	fputs("</code>.</p>\n", f);
	fprintf(f,
		"<p>%llu student%s graded; %llu with something flagged (%llu cell%s); %llu record%s "
		"could not be read.</p>\n",
		(unsigned long long)sum->graded, sum->graded == 1 ? "" : "s",
		(unsigned long long)sum->flagged_rows, (unsigned long long)sum->flagged_cells,
		sum->flagged_cells == 1 ? "" : "s", (unsigned long long)sum->lost,
		sum->lost == 1 ? "" : "s");
	fputs("<nav><ul>\n", f);
	for (k = 0; k < ec_class_parts(c); k++) {
		if (!part_shown(c, k))
			continue;
		fprintf(f, "<li><a href=\"#part%zu\">", k);
		part_name(f, ec_class_part_get(c, k));
		fputs("</a></li>\n", f);
	}
	fputs("<li><a href=\"#flagged\">Flagged cells</a></li>\n</ul></nav>\n", f);
	return EC_OK;
}

/* ---- a part ---- */

/* The stand-in figures the part's items rest on: data file, standing, items and points. */
static void stand_ins(FILE *f, const ec_class_part *p)
{
	const ec_stats *s = &p->stats;
	size_t i, j, shown = 0;

	for (i = 0; i < s->nitems; i++) {
		const ec_key_item *ki = &p->grader->items[s->items[i].source].key;
		double pts = 0;
		size_t n = 0;
		bool first = true;

		if (ki->origin == EC_KEY_FROM_EXAM)
			continue;
		for (j = 0; j < i && first; j++) { /* each data file once, where it first appears */
			const ec_key_item *kj = &p->grader->items[s->items[j].source].key;

			first = !(kj->origin == ki->origin && strcmp(kj->data, ki->data) == 0);
		}
		if (!first)
			continue;
		for (j = i; j < s->nitems; j++) {
			const ec_key_item *kj = &p->grader->items[s->items[j].source].key;

			if (kj->origin == ki->origin && strcmp(kj->data, ki->data) == 0) {
				pts += kj->points;
				n++;
			}
		}
		fputs(shown++ ? "; " : "", f);
		text(f, ki->data[0] ? ki->data : "a data file");
		fprintf(f, " (%s: %zu item%s, ", ec_key_origin_name(ki->origin), n, n == 1 ? "" : "s");
		points(f, pts);
		fputs(" points)", f);
	}
	if (!shown)
		fputs("none", f);
}

static void summary_table(FILE *f, const ec_class *c, const ec_class_part *p)
{
	const ec_stats_summary *sum = &p->summary;
	const ec_roster_summary *run = ec_class_summary(c);

	fputs("<table class=\"summary\">\n", f);
	fprintf(f, "<tr><th>Students</th><td class=\"n\">%llu</td></tr>\n",
		(unsigned long long)p->stats.n);
	fputs("<tr><th>Mean</th><td class=\"n\">", f);
	number(f, sum->mean, 2);
	fputs("</td></tr>\n<tr><th>Median</th><td class=\"n\">", f);
	number(f, sum->median, 2);
	fprintf(f, "%s</td></tr>\n<tr><th>Standard deviation</th><td class=\"n\">",
		sum->median_exact ? "" : " (estimated)");
	number(f, sum->sd, 2);
	fputs("</td></tr>\n<tr><th>Lowest, highest</th><td class=\"n\">", f);
	points(f, sum->min);
	fputs(", ", f);
	points(f, sum->max);
	fputs("</td></tr>\n<tr><th>Cronbach's alpha</th><td class=\"n\">", f);
	number(f, sum->alpha, 3);
	fprintf(f, "</td></tr>\n<tr><th>Upper, lower %d%% groups</th><td class=\"n\">%llu, %llu",
		EC_STATS_GROUP_PERCENT, (unsigned long long)sum->upper_n,
		(unsigned long long)sum->lower_n);
	fputs("</td></tr>\n", f);
	fprintf(f,
		"<tr><th>Flagged cells (whole roster)</th><td class=\"n\">%llu</td></tr>\n"
		"<tr><th>Stand-in figures used</th><td>",
		(unsigned long long)run->flagged_cells);
	stand_ins(f, p);
	fputs("</td></tr>\n</table>\n", f);
}

static ec_status histograms(ec_write_ctx *w, const ec_class_part *p)
{
	const ec_stats *s = &p->stats;
	size_t k, sec, most = s->nbins;
	ec_chart_bar *bars;
	ec_chart chart;
	char title[96];
	ec_status st = EC_OK;

	for (sec = 0; sec < p->grader->nsections; sec++)
		if (p->sections[sec].nbins > most)
			most = p->sections[sec].nbins;
	bars = calloc(most ? most : 1, sizeof(*bars));
	if (!bars)
		return EC_ERR_NOMEM;
	fputs("<div class=\"charts\">\n<figure><figcaption>Totals</figcaption>\n", w->out);
	memset(&chart, 0, sizeof(chart));
	chart.kind = EC_CHART_HISTOGRAM;
	chart.title = "Students by total";
	chart.x_label = "total";
	chart.y_label = "students";
	chart.px_width = 480;
	for (k = 0; k < s->nbins; k++)
		bars[k].count[0] = s->bins[k];
	chart.bars = bars;
	chart.nbars = s->nbins;
	chart.lo = s->lo;
	chart.width = s->bin_width;
	st = ec_writer_svg.chart.draw(w, &chart);
	fputs("</figure>\n", w->out);
	for (sec = 0; st == EC_OK && sec < p->grader->nsections; sec++) {
		const ec_histogram *h = &p->sections[sec];

		fputs("<figure><figcaption>Section ", w->out);
		text(w->out, p->grader->sections[sec]);
		fputs("</figcaption>\n", w->out);
		snprintf(title, sizeof(title), "Students by the subtotal of section %s",
			 p->grader->sections[sec]);
		chart.title = title;
		chart.x_label = "subtotal";
		for (k = 0; k < h->nbins; k++)
			bars[k].count[0] = h->bins[k];
		chart.nbars = h->nbins;
		chart.lo = h->lo;
		chart.width = h->width;
		st = ec_writer_svg.chart.draw(w, &chart);
		fputs("</figure>\n", w->out);
	}
	fputs("</div>\n", w->out);
	free(bars);
	return st;
}

/* Why item i is outside the sensible bounds, or NULL. */
static const char *out_of_bounds(double facility, double discrimination)
{
	if (isfinite(discrimination) && discrimination < 0)
		return "tells strong and weak students apart the wrong way";
	if (isfinite(discrimination) && discrimination < EC_CLASS_DISCRIMINATION_MIN)
		return "tells strong and weak students apart poorly";
	if (isfinite(facility) && facility < EC_CLASS_FACILITY_MIN)
		return "too hard";
	if (isfinite(facility) && facility > EC_CLASS_FACILITY_MAX)
		return "too easy";
	return NULL;
}

static ec_status scatter(ec_write_ctx *w, const ec_class_part *p, size_t part)
{
	const ec_stats *s = &p->stats;
	ec_chart_point *pts = calloc(s->nitems ? s->nitems : 1, sizeof(*pts));
	ec_chart chart;
	size_t i, flagged = 0, undefined = 0;
	ec_status st;

	if (!pts)
		return EC_ERR_NOMEM;
	memset(&chart, 0, sizeof(chart));
	chart.kind = EC_CHART_SCATTER;
	chart.title = "Items: facility against item-rest discrimination";
	chart.x_label = "facility (mean points / points)";
	chart.y_label = "item-rest discrimination";
	chart.px_width = 760;
	chart.px_height = 440;
	chart.x_min = 0;
	chart.x_max = 1;
	chart.box[0] = EC_CLASS_FACILITY_MIN;
	chart.box[1] = EC_CLASS_FACILITY_MAX;
	chart.box[2] = EC_CLASS_DISCRIMINATION_MIN;
	chart.box[3] = 1;
	for (i = 0; i < s->nitems; i++) {
		pts[i].x = ec_stats_facility(s, i);
		pts[i].y = ec_stats_discrimination(s, i);
		pts[i].label = s->items[i].id;
		pts[i].labelled = out_of_bounds(pts[i].x, pts[i].y) != NULL;
		chart.x_min = fmin(chart.x_min, isfinite(pts[i].x) ? pts[i].x : 0);
		chart.x_max = fmax(chart.x_max, isfinite(pts[i].x) ? pts[i].x : 1);
		undefined += !isfinite(pts[i].x) || !isfinite(pts[i].y);
	}
	chart.points = pts;
	chart.npoints = s->nitems;
	fputs("<figure><figcaption>Each item's facility against its item-rest discrimination; the "
	      "green box is where items usually sit (facility ",
	      w->out);
	number(w->out, EC_CLASS_FACILITY_MIN, 1);
	fputs(" to ", w->out);
	number(w->out, EC_CLASS_FACILITY_MAX, 1);
	fputs(", discrimination at least ", w->out);
	number(w->out, EC_CLASS_DISCRIMINATION_MIN, 1);
	fputs("); items outside it are named.</figcaption>\n", w->out);
	st = ec_writer_svg.chart.draw(w, &chart);
	fputs("</figure>\n", w->out);
	if (undefined)
		fprintf(w->out,
			"<p class=\"muted\">%zu item%s not drawn: no discrimination where everyone "
			"scored alike on the item or on the rest.</p>\n",
			undefined, undefined == 1 ? "" : "s");
	for (i = 0; st == EC_OK && i < s->nitems; i++) {
		const char *why = out_of_bounds(pts[i].x, pts[i].y);

		if (!why)
			continue;
		if (!flagged++)
			fputs("<table class=\"bounds\">\n<tr><th>Item</th><th class=\"n\">Facility</th>"
			      "<th class=\"n\">Discrimination</th><th>Why it is named</th></tr>\n",
			      w->out);
		fprintf(w->out, "<tr><td><a href=\"#part%zu-item%zu\">", part, i);
		text(w->out, s->items[i].id);
		fputs("</a></td><td class=\"n\">", w->out);
		number(w->out, pts[i].x, 2);
		fputs("</td><td class=\"n\">", w->out);
		number(w->out, pts[i].y, 2);
		fprintf(w->out, "</td><td>%s</td></tr>\n", why);
	}
	if (flagged)
		fputs("</table>\n", w->out);
	free(pts);
	return st;
}

static ec_chart_tone tone_of(const ec_answer_group *g)
{
	switch (g->verdict) {
	case EC_VERDICT_RIGHT:
		return EC_CHART_RIGHT;
	case EC_VERDICT_PARTIAL:
		return EC_CHART_PARTIAL;
	case EC_VERDICT_WRONG:
		return EC_CHART_WRONG;
	default:
		return EC_CHART_MUTED;
	}
}

static const char *shown_answer(const ec_answer_group *g)
{
	if (g->answer[0])
		return g->answer;
	return g->verdict == EC_VERDICT_MANUAL ? "(no mark yet)" : "(blank)";
}

/* The answer groups of stats item i: a bar chart and a table. */
static ec_status item_groups(ec_write_ctx *w, const ec_class *c, const ec_class_part *p,
			     size_t i)
{
	const ec_stats_item *si = &p->stats.items[i];
	const ec_answer_group *g;
	ec_chart_bar bars[GROUPS_SHOWN + 1];
	uint64_t other, rest = 0;
	size_t n = ec_answer_groups_item(p->groups, si->source, &g, &other), k, shown;
	ec_chart chart;
	ec_status st;

	shown = n < GROUPS_SHOWN ? n : GROUPS_SHOWN;
	memset(bars, 0, sizeof(bars));
	for (k = 0; k < shown; k++) {
		bars[k].label = shown_answer(&g[k]);
		bars[k].count[0] = g[k].count;
		bars[k].tone = tone_of(&g[k]);
	}
	for (k = shown; k < n; k++)
		rest += g[k].count;
	rest += other;
	if (rest) {
		bars[shown].label = "other answers";
		bars[shown].count[0] = rest;
		bars[shown].tone = EC_CHART_MUTED;
	}
	memset(&chart, 0, sizeof(chart));
	chart.kind = EC_CHART_BARS;
	chart.lying = true;
	chart.title = "Students by answer";
	chart.x_label = "students";
	chart.px_width = 420;
	chart.bars = bars;
	chart.nbars = shown + (rest ? 1 : 0);
	fputs("<div class=\"item-body\">\n<div>", w->out);
	st = ec_writer_svg.chart.draw(w, &chart);
	fputs("</div>\n<table class=\"groups\">\n<tr><th>Answer</th><th class=\"n\">Students</th>"
	      "<th class=\"n\">Points</th><th>Verdict</th><th>Mistake</th></tr>\n",
	      w->out);
	for (k = 0; k < shown; k++) {
		const char *v = ec_verdict_name(g[k].verdict);

		fputs("<tr><td>", w->out);
		text(w->out, shown_answer(&g[k]));
		fprintf(w->out, "</td><td class=\"n\">%llu</td><td class=\"n\">",
			(unsigned long long)g[k].count);
		points(w->out, g[k].points);
		fprintf(w->out, "</td><td class=\"%s\">%s</td><td>", v, v);
		text(w->out, g[k].mistake);
		fputs("</td></tr>\n", w->out);
		if (g[k].acceptable) {
			fputs("<tr class=\"regrade\"><td></td><td colspan=\"4\">regrade: ", w->out);
			accept_command(w->out, c, p, si->id, g[k].answer);
			fputs("</td></tr>\n", w->out);
		}
	}
	if (rest)
		fprintf(w->out,
			"<tr><td class=\"muted\">other answers</td><td class=\"n\">%llu</td>"
			"<td colspan=\"3\" class=\"muted\">%zu more answer%s listed by <code>--stats"
			"</code>%s</td></tr>\n",
			(unsigned long long)rest, n - shown, n - shown == 1 ? "" : "s",
			other ? ", and answers past the budget of answers kept per item" : "");
	fputs("</table>\n</div>\n", w->out);
	return st;
}

/* For an mc item: each option chosen by the upper and lower groups. */
static ec_status item_choices(ec_write_ctx *w, const ec_class_part *p, size_t i)
{
	const ec_stats_item *si = &p->stats.items[i];
	const ec_class_choices *ch = &p->choices[i];
	const ec_grade_item *gi = &p->grader->items[si->source];
	uint32_t right = gi->naccepted ? gi->accepted[0].letters : 0;
	ec_chart_bar bars[28];
	char letters[27], names[27][2];
	const char *c;
	size_t n = 0, k;
	ec_chart chart;
	ec_status st;

	if (!p->choices_known) {
		fputs("<p class=\"muted\">Options by group: not known (the groups are estimated).</p>\n",
		      w->out);
		return EC_OK;
	}
	memset(bars, 0, sizeof(bars));
	for (c = write_stats_letters(si, letters); *c; c++, n++) {
		names[n][0] = *c;
		names[n][1] = '\0';
		bars[n].label = names[n];
		bars[n].count[0] = ch->upper[*c - 'A'];
		bars[n].count[1] = ch->lower[*c - 'A'];
		bars[n].tone = (right >> (*c - 'A')) & 1 ? EC_CHART_RIGHT : EC_CHART_PLAIN;
	}
	bars[n].label = "blank";
	bars[n].count[0] = ch->upper_blank;
	bars[n].count[1] = ch->lower_blank;
	n++;
	memset(&chart, 0, sizeof(chart));
	chart.kind = EC_CHART_BARS;
	chart.title = "Options chosen by the upper and lower groups";
	chart.y_label = "students";
	chart.series[0] = "upper 27%";
	chart.series[1] = "lower 27%";
	chart.nseries = 2;
	chart.bars = bars;
	chart.nbars = n;
	chart.px_width = 420;
	chart.px_height = 190;
	fputs("<div class=\"item-body\">\n<figure><figcaption>Options chosen by the upper and "
	      "lower 27% (distractor analysis)</figcaption>",
	      w->out);
	st = ec_writer_svg.chart.draw(w, &chart);
	fprintf(w->out,
		"</figure>\n<table class=\"choices\">\n<tr><th>Option</th><th class=\"n\">All</th>"
		"<th class=\"n\">Upper %llu</th><th class=\"n\">Lower %llu</th><th></th></tr>\n",
		(unsigned long long)p->summary.upper_n, (unsigned long long)p->summary.lower_n);
	for (k = 0; k < n; k++) {
		bool key = bars[k].tone == EC_CHART_RIGHT, last = k + 1 == n;
		uint64_t all = last ? si->blank : si->chosen[names[k][0] - 'A'];

		fputs("<tr><td>", w->out);
		text(w->out, bars[k].label);
		fprintf(w->out, "%s</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>"
				"<td class=\"n\">%llu</td><td>%s</td></tr>\n",
			key ? " <span class=\"right\">(key)</span>" : "", (unsigned long long)all,
			(unsigned long long)bars[k].count[0], (unsigned long long)bars[k].count[1],
			!key && !last && bars[k].count[0] > bars[k].count[1]
				? "<span class=\"flag\">draws more of the upper group</span>"
			: key && bars[k].count[0] < bars[k].count[1]
				? "<span class=\"flag\">chosen more by the lower group</span>"
				: "");
	}
	fputs("</table>\n</div>\n", w->out);
	return st;
}

static ec_status items(ec_write_ctx *w, const ec_class *c, const ec_class_part *p, size_t part)
{
	const ec_stats *s = &p->stats;
	ec_status st = EC_OK;
	size_t i;

	for (i = 0; st == EC_OK && i < s->nitems; i++) {
		const ec_stats_item *si = &s->items[i];
		const ec_grade_item *gi = &p->grader->items[si->source];
		char corr[WRITE_CORRECT_SIZE];

		fprintf(w->out, "<article class=\"item\" id=\"part%zu-item%zu\">\n<h4>", part, i);
		text(w->out, si->id);
		fprintf(w->out, " <span class=\"muted\">(%s, ", ec_key_kind_name(si->kind));
		points(w->out, si->max_points);
		fprintf(w->out, " point%s)</span></h4>\n<p>Key: <code>", si->max_points == 1 ? "" : "s");
		text(w->out, gi->rule.scheme == EC_SCHEME_MANUAL ? "graded by hand"
								 : ec_grade_item_correct(gi, corr, sizeof(corr)));
		fputs("</code>; facility ", w->out);
		number(w->out, ec_stats_facility(s, i), 2);
		fputs(", discrimination ", w->out);
		number(w->out, ec_stats_discrimination(s, i), 2);
		if (p->summary.upper)
			fprintf(w->out, "; fully right: %llu of the upper group, %llu of the lower",
				(unsigned long long)p->summary.upper[i],
				(unsigned long long)p->summary.lower[i]);
		fputs(".</p>\n", w->out);
		st = item_groups(w, c, p, i);
		if (st == EC_OK && si->kind == EC_KEY_MC)
			st = item_choices(w, p, i);
		fputs("</article>\n", w->out);
	}
	return st;
}

static ec_status html_part(ec_write_ctx *w, const ec_class *c, size_t k)
{
	const ec_class_part *p = ec_class_part_get(c, k);
	ec_status st;

	if (!part_shown(c, k))
		return EC_OK;
	fprintf(w->out, "<section id=\"part%zu\">\n<h2>", k);
	part_name(w->out, p);
	fputs("</h2>\n<h3>Summary</h3>\n", w->out);
	summary_table(w->out, c, p);
	if (p->stats.n == 0) {
		fputs("<p>No student was graded.</p>\n</section>\n", w->out);
		return EC_OK;
	}
	fputs("<h3>Scores</h3>\n", w->out);
	st = histograms(w, p);
	if (st == EC_OK) {
		fputs("<h3>Items at a glance</h3>\n", w->out);
		st = scatter(w, p, k);
	}
	if (st == EC_OK) {
		fputs("<h3>Answers, item by item</h3>\n<p class=\"muted\">Each answer as grading reads "
		      "it, with the students who gave it, its points and, where known, the mistake "
		      "that gives it. A wrong answer can be accepted for everyone who gave it with the "
		      "command under it (add any other options you graded with).</p>\n",
		      w->out);
		st = items(w, c, p, k);
	}
	fputs("</section>\n", w->out);
	return st;
}

static ec_status html_end(ec_write_ctx *w, const ec_class *c)
{
	size_t n, i;
	uint64_t more;
	const ec_class_flagged *fl = ec_class_flags(c, &n, &more);

	fputs("<section id=\"flagged\">\n<h2>Flagged cells</h2>\n", w->out);
	if (!n)
		fputs("<p>Nothing was flagged.</p>\n", w->out);
	else
		fputs("<table class=\"flags\">\n<tr><th>Where</th><th>Student</th><th>What</th></tr>\n",
		      w->out);
	for (i = 0; i < n; i++) {
		fputs("<tr><td><code>", w->out);
		text(w->out, ec_class_roster(c));
		fprintf(w->out, ":%ld</code></td><td>", fl[i].line);
		text(w->out, fl[i].student);
		fputs("</td><td>", w->out);
		text(w->out, fl[i].message);
		fputs("</td></tr>\n", w->out);
	}
	if (n)
		fputs("</table>\n", w->out);
	if (more)
		fprintf(w->out, "<p>And %llu more (all of them are on standard error).</p>\n",
			(unsigned long long)more);
	fputs("</section>\n</main>\n</body>\n</html>\n", w->out);
	return EC_OK;
}

const ec_writer ec_writer_html = {
	.name = "html",
	.cls = {html_begin, html_part, html_end},
};
