/*
 * write_svg.c: the svg format: a chart (ec_chart.h) as one <svg> element
 * with its colours as attributes, so that it reads the same inline in an
 * HTML page, alone in a browser and on paper. Geometry comes from
 * ec_chart_layout() only.
 */
#include "writer.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_utf8.h"

/* Colours: a tone's fill, and the two series'. */
static const char *const tone_fill[] = {
	[EC_CHART_PLAIN] = "#4e79a7", [EC_CHART_RIGHT] = "#2e7d32", [EC_CHART_PARTIAL] = "#d89a1c",
	[EC_CHART_WRONG] = "#c8553d", [EC_CHART_MUTED] = "#a5a5a5",
};
static const char *const series_fill[2] = {"#4e79a7", "#f28e2b"};
#define INK "#222"
#define GRID "#e3e3e3"
/* The texts' font and ink, set once on the whole picture. */
#define FONT "font-family=\"sans-serif\" font-size=\"12\" fill=\"" INK "\""
/* The height of a legend line above the plot, when there are two series. */
#define LEGEND 16
/* Room after a lying bar for its count. */
#define COUNT_ROOM 44

void ec_write_xml_text(FILE *f, const char *s)
{
	uint32_t cp;
	size_t n;

	for (; *s; s += n) {
		n = ec_utf8_next(s, &cp);
		if (cp == EC_UTF8_INVALID || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7F && cp <= 0x9F))
			fputs("\xEF\xBF\xBD", f);
		else if (cp == '&')
			fputs("&amp;", f);
		else if (cp == '<')
			fputs("&lt;", f);
		else if (cp == '>')
			fputs("&gt;", f);
		else if (cp == '"')
			fputs("&quot;", f);
		else if (cp == '\'')
			fputs("&#39;", f);
		else
			fwrite(s, 1, n, f);
	}
}

ec_chart_axis ec_chart_axis_for(double lo, double hi, size_t max_steps)
{
	static const double mult[] = {1, 2, 5, 10};
	ec_chart_axis a;
	double p;
	size_t k;

	if (max_steps == 0)
		max_steps = 1;
	if (!isfinite(lo) || !isfinite(hi)) {
		lo = 0;
		hi = 1;
	}
	if (!(lo < hi)) {
		a.lo = floor(lo);
		a.hi = a.lo + 1;
		a.step = 1;
		a.nticks = 2;
		return a;
	}
	p = pow(10, floor(log10((hi - lo) / (double)max_steps)));
	a.step = p * 10;
	for (k = 0; k < 4; k++) {
		double s = p * mult[k];

		if (ceil(hi / s - 1e-9) - floor(lo / s + 1e-9) <= (double)max_steps) {
			a.step = s;
			break;
		}
	}
	a.lo = floor(lo / a.step + 1e-9) * a.step;
	a.hi = ceil(hi / a.step - 1e-9) * a.step;
	a.nticks = (size_t)llround((a.hi - a.lo) / a.step) + 1;
	return a;
}

/* A count axis from 0: whole steps, at least up to 1. */
static ec_chart_axis count_axis(uint64_t most)
{
	ec_chart_axis a = ec_chart_axis_for(0, (double)most, 5);

	if (a.step < 1 || most == 0) {
		a.lo = 0;
		a.step = 1;
		a.hi = most ? (double)most : 1;
		a.nticks = (size_t)a.hi + 1;
	}
	return a;
}

static size_t series(const ec_chart *c)
{
	return c->nseries == 2 ? 2 : 1;
}

static uint64_t most_counted(const ec_chart *c)
{
	uint64_t most = 0;
	size_t k, s;

	for (k = 0; k < c->nbars; k++)
		for (s = 0; s < series(c); s++)
			if (c->bars[k].count[s] > most)
				most = c->bars[k].count[s];
	return most;
}

/* The scatter's range along one axis: given, or the points' (and the box's). */
static ec_chart_axis scatter_axis(const ec_chart *c, bool y)
{
	double lo = y ? c->y_min : c->x_min, hi = y ? c->y_max : c->x_max;
	size_t k;

	if (lo < hi)
		return ec_chart_axis_for(lo, hi, 10);
	lo = INFINITY;
	hi = -INFINITY;
	for (k = 0; k < c->npoints; k++) {
		double v = y ? c->points[k].y : c->points[k].x;

		if (isfinite(c->points[k].x) && isfinite(c->points[k].y)) {
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	}
	if (c->box[0] < c->box[1]) {
		lo = fmin(lo, y ? c->box[2] : c->box[0]);
		hi = fmax(hi, y ? c->box[3] : c->box[1]);
	}
	if (!(lo <= hi))
		lo = hi = 0;
	return ec_chart_axis_for(lo, hi, 10);
}

ec_chart_frame ec_chart_layout(const ec_chart *c)
{
	ec_chart_frame f;

	memset(&f, 0, sizeof(f));
	f.width = c->px_width > 0 ? c->px_width : EC_CHART_WIDTH;
	f.height = c->px_height > 0 ? c->px_height : EC_CHART_HEIGHT;
	f.left = EC_CHART_MARGIN_LEFT;
	f.right = f.width - EC_CHART_MARGIN_RIGHT;
	f.top = EC_CHART_MARGIN_TOP + (series(c) == 2 ? LEGEND : 0);
	if (c->kind == EC_CHART_BARS && c->lying) {
		if (c->px_height <= 0)
			f.height = f.top + (double)(c->nbars ? c->nbars : 1) * EC_CHART_ROW +
				   EC_CHART_MARGIN_BOTTOM;
		f.left = EC_CHART_LABEL_WIDTH;
		f.right = f.width - COUNT_ROOM;
		f.x = count_axis(most_counted(c));
	} else if (c->kind == EC_CHART_SCATTER) {
		f.x = scatter_axis(c, false);
		f.y = scatter_axis(c, true);
	} else {
		f.y = count_axis(most_counted(c));
		if (c->kind == EC_CHART_HISTOGRAM) {
			f.x.lo = c->lo;
			f.x.hi = c->lo + (double)c->nbars * c->width;
			f.x.step = c->width * (c->nbars > 12 ? 2 : 1);
			f.x.nticks = c->nbars / (c->nbars > 12 ? 2 : 1) + 1;
		}
	}
	f.bottom = f.height - EC_CHART_MARGIN_BOTTOM;
	return f;
}

/* ---- drawing ---- */

static double x_at(const ec_chart_frame *f, double v)
{
	return f->left + (v - f->x.lo) / (f->x.hi - f->x.lo) * (f->right - f->left);
}

static double y_at(const ec_chart_frame *f, double v)
{
	return f->bottom - (v - f->y.lo) / (f->y.hi - f->y.lo) * (f->bottom - f->top);
}

/* A tick's number with as many decimals as the step needs ("0.2", "10", never "-0"). */
static void tick_text(FILE *out, double v, double step)
{
	int decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	char buf[48];

	if (fabs(v) < step * 1e-9)
		v = 0;
	snprintf(buf, sizeof(buf), "%.*f", decimals < 6 ? decimals : 6, v);
	fputs(buf, out);
}

/* `label` cut to EC_CHART_LABEL_CHARS characters, an ellipsis marking the cut. */
static void short_label(FILE *out, const char *label)
{
	char buf[4 * EC_CHART_LABEL_CHARS + 4];
	size_t at = 0, chars = 0, n;
	uint32_t cp;

	while (label[at] && chars < EC_CHART_LABEL_CHARS) {
		n = ec_utf8_next(label + at, &cp);
		at += n;
		chars++;
	}
	if (!label[at]) {
		ec_write_xml_text(out, label);
		return;
	}
	if (chars)
		while (at > 0 && chars >= EC_CHART_LABEL_CHARS) { /* room for the ellipsis */
			do
				at--;
			while (at > 0 && ((unsigned char)label[at] & 0xC0) == 0x80);
			chars--;
		}
	memcpy(buf, label, at);
	buf[at] = '\0';
	ec_write_xml_text(out, buf);
	fputs("\xE2\x80\xA6", out);
}

static void open_svg(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	fprintf(out,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%.0f\" "
		"height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" " FONT ">\n<title>",
		f->width, f->height, f->width, f->height);
	ec_write_xml_text(out, c->title ? c->title : "");
	fputs("</title>\n", out);
}

static void legend(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	size_t s;
	double x = f->left;

	if (series(c) < 2)
		return;
	for (s = 0; s < 2; s++) {
		fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"10\" height=\"10\" fill=\"%s\"/>", x,
			(double)EC_CHART_MARGIN_TOP - 6, series_fill[s]);
		fprintf(out, "<text x=\"%.2f\" y=\"%.2f\">", x + 14,
			(double)EC_CHART_MARGIN_TOP + 3);
		ec_write_xml_text(out, c->series[s] ? c->series[s] : "");
		fputs("</text>\n", out);
		x += 14 + 7.0 * (double)strlen(c->series[s] ? c->series[s] : "") + 18;
	}
}

/* The vertical axis's label, turned to run up its left side. */
static void y_label(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	if (!c->y_label)
		return;
	fprintf(out,
		"<text x=\"12\" y=\"%.2f\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.2f)\">",
		(f->top + f->bottom) / 2, (f->top + f->bottom) / 2);
	ec_write_xml_text(out, c->y_label);
	fputs("</text>\n", out);
}

/* The count axis of upright charts, with grid lines, and the y label. */
static void y_axis(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	size_t k;

	for (k = 0; k < f->y.nticks; k++) {
		double v = f->y.lo + (double)k * f->y.step, y = y_at(f, v);

		fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>",
			f->left, y, f->right, y, k ? GRID : INK);
		fprintf(out, "<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\">",
			f->left - 5, y + 4);
		tick_text(out, v, f->y.step);
		fputs("</text>\n", out);
	}
	fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" INK "\"/>\n",
		f->left, f->top, f->left, f->bottom);
	y_label(out, c, f);
}

static void x_label(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	if (!c->x_label)
		return;
	fprintf(out, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">",
		(f->left + f->right) / 2, f->height - 6);
	ec_write_xml_text(out, c->x_label);
	fputs("</text>\n", out);
}

static void bar_title(FILE *out, const ec_chart *c, const char *label, size_t s, uint64_t count)
{
	fputs("<title>", out);
	ec_write_xml_text(out, label);
	if (series(c) == 2 && c->series[s]) {
		fputs(" (", out);
		ec_write_xml_text(out, c->series[s]);
		fputs(")", out);
	}
	fprintf(out, ": %llu</title>", (unsigned long long)count);
}

static const char *bar_fill(const ec_chart *c, const ec_chart_bar *b, size_t s)
{
	if (series(c) == 2)
		return series_fill[s];
	return (size_t)b->tone < sizeof(tone_fill) / sizeof(tone_fill[0]) ? tone_fill[b->tone]
									  : tone_fill[0];
}

static void draw_histogram(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	double slot = (f->right - f->left) / (double)(c->nbars ? c->nbars : 1);
	size_t k;

	y_axis(out, c, f);
	for (k = 0; k < c->nbars; k++) {
		double h = (double)c->bars[k].count[0] / (f->y.hi - f->y.lo) * (f->bottom - f->top);
		double lo = c->lo + (double)k * c->width;
		char range[96];

		snprintf(range, sizeof(range), "%g to %g", lo, lo + c->width);
		fprintf(out,
			"<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
			"fill=\"%s\">",
			f->left + (double)k * slot + 0.5, f->bottom - h, slot > 1 ? slot - 1 : slot, h,
			bar_fill(c, &c->bars[k], 0));
		bar_title(out, c, range, 0, c->bars[k].count[0]);
		fputs("</rect>\n", out);
	}
	/* ticks at the multiples of their step (every other bin edge when there are many) */
	for (k = 0; k < f->x.nticks + 1; k++) {
		double v = (ceil(f->x.lo / f->x.step - 1e-9) + (double)k) * f->x.step, x = x_at(f, v);

		if (v > f->x.hi + f->x.step * 1e-9)
			break;
		fprintf(out,
			"<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" INK "\"/>"
			"<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">",
			x, f->bottom, x, f->bottom + 4, x, f->bottom + 16);
		tick_text(out, v, c->width < 1 ? c->width : 1);
		fputs("</text>\n", out);
	}
	x_label(out, c, f);
}

static void draw_upright(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	double slot = (f->right - f->left) / (double)(c->nbars ? c->nbars : 1);
	double w = slot * 0.7 / (double)series(c);
	size_t k, s;

	y_axis(out, c, f);
	for (k = 0; k < c->nbars; k++) {
		const ec_chart_bar *b = &c->bars[k];
		double x0 = f->left + (double)k * slot + slot * 0.15;

		for (s = 0; s < series(c); s++) {
			double h = (double)b->count[s] / (f->y.hi - f->y.lo) * (f->bottom - f->top);

			fprintf(out,
				"<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
				"fill=\"%s\">",
				x0 + (double)s * w, f->bottom - h, w, h, bar_fill(c, b, s));
			bar_title(out, c, b->label ? b->label : "", s, b->count[s]);
			fputs("</rect>\n", out);
		}
		fprintf(out, "<text class=\"label\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">",
			f->left + ((double)k + 0.5) * slot, f->bottom + 16);
		if (b->tone == EC_CHART_RIGHT)
			fputs("\xE2\x9C\x93 ", out);
		short_label(out, b->label ? b->label : "");
		fputs("</text>\n", out);
	}
	x_label(out, c, f);
}

static void draw_lying(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	double h = (EC_CHART_ROW - 6) / (double)series(c);
	size_t k, s;

	for (k = 0; k < f->x.nticks; k++) {
		double v = f->x.lo + (double)k * f->x.step, x = x_at(f, v);

		fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>", x,
			f->top, x, f->bottom, k ? GRID : INK);
		fprintf(out, "<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">",
			x, f->bottom + 14);
		tick_text(out, v, f->x.step);
		fputs("</text>\n", out);
	}
	for (k = 0; k < c->nbars; k++) {
		const ec_chart_bar *b = &c->bars[k];
		double y0 = f->top + (double)k * EC_CHART_ROW + 3;

		fprintf(out, "<text class=\"label\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\"%s>",
			f->left - 6, y0 + EC_CHART_ROW / 2.0 + 1,
			b->tone == EC_CHART_RIGHT ? " font-weight=\"bold\"" : "");
		if (b->tone == EC_CHART_RIGHT)
			fputs("\xE2\x9C\x93 ", out);
		short_label(out, b->label ? b->label : "");
		fputs("</text>\n", out);
		for (s = 0; s < series(c); s++) {
			double w = (double)b->count[s] / (f->x.hi - f->x.lo) * (f->right - f->left);

			fprintf(out,
				"<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
				"fill=\"%s\">",
				f->left, y0 + (double)s * h, w, h, bar_fill(c, b, s));
			bar_title(out, c, b->label ? b->label : "", s, b->count[s]);
			fprintf(out, "</rect><text x=\"%.2f\" y=\"%.2f\">%llu</text>\n",
				f->left + w + 4, y0 + (double)s * h + h / 2 + 4,
				(unsigned long long)b->count[s]);
		}
	}
	x_label(out, c, f);
}

/* Labels placed so far, to keep the next one clear of them. */
#define PLACED_MAX 64
/* A label's estimated width per character, its height above and below the baseline. */
#define CHAR_WIDTH 6.9
#define ASCENT 9
#define DESCENT 3

typedef struct box {
	double x0, y0, x1, y1;
} box;

static bool overlaps(const box *a, const box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/*
 * Where the label of the point (x, y), `width` wide, goes: beside it, right
 * or left, level, above or below, else further down or up on the right,
 * the first place inside the plot that covers no label placed before.
 * Sets *lx, *ly (the text's start and baseline); returns its box.
 */
static box place_label(const ec_chart_frame *f, const box *placed, size_t nplaced, double x,
		       double y, double width, double *lx, double *ly)
{
	static const double dy[] = {4, -6, 14};
	box b = {0, 0, 0, 0};
	size_t k, j;

	for (k = 0; k < 6 + 2 * 12; k++) {
		bool left = k < 6 && k % 2 == 1;
		double by = k < 6 ? y + dy[k / 2] : y + 4 + 12.0 * (double)(k / 2 - 2) * (k % 2 ? -1 : 1);
		double bx = left ? x - 6 - width : x + 6;

		b.x0 = bx;
		b.x1 = bx + width;
		b.y0 = by - ASCENT;
		b.y1 = by + DESCENT;
		if (b.x0 < f->left || b.x1 > f->width || b.y0 < f->top - 6 || b.y1 > f->bottom)
			continue;
		for (j = 0; j < nplaced && !overlaps(&b, &placed[j]); j++)
			;
		if (j == nplaced) {
			*lx = bx;
			*ly = by;
			return b;
		}
	}
	*lx = x + 6; /* crowded: beside it all the same */
	*ly = y + 4;
	b.x0 = *lx;
	b.x1 = *lx + width;
	b.y0 = *ly - ASCENT;
	b.y1 = *ly + DESCENT;
	return b;
}

static void draw_scatter(FILE *out, const ec_chart *c, const ec_chart_frame *f)
{
	box placed[PLACED_MAX];
	size_t k, nplaced = 0;

	if (c->box[0] < c->box[1]) {
		double x0 = x_at(f, fmax(c->box[0], f->x.lo)), x1 = x_at(f, fmin(c->box[1], f->x.hi));
		double y0 = y_at(f, fmin(c->box[3], f->y.hi)), y1 = y_at(f, fmax(c->box[2], f->y.lo));

		if (x1 > x0 && y1 > y0)
			fprintf(out,
				"<rect class=\"box\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
				"fill=\"#e6f2e6\" stroke=\"#9cc59c\"/>\n",
				x0, y0, x1 - x0, y1 - y0);
	}
	for (k = 0; k < f->y.nticks; k++) {
		double v = f->y.lo + (double)k * f->y.step, y = y_at(f, v);

		fprintf(out, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>",
			f->left, y, f->right, y, fabs(v) < f->y.step * 1e-9 ? "#999" : GRID);
		fprintf(out, "<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\">",
			f->left - 5, y + 4);
		tick_text(out, v, f->y.step);
		fputs("</text>\n", out);
	}
	for (k = 0; k < f->x.nticks; k++) {
		double v = f->x.lo + (double)k * f->x.step, x = x_at(f, v);

		fprintf(out,
			"<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" INK "\"/>"
			"<text class=\"tick\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">",
			x, f->bottom, x, f->bottom + 4, x, f->bottom + 16);
		tick_text(out, v, f->x.step);
		fputs("</text>\n", out);
	}
	fprintf(out,
		"<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" INK "\"/>"
		"<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"" INK "\"/>\n",
		f->left, f->top, f->left, f->bottom, f->left, f->bottom, f->right, f->bottom);
	for (k = 0; k < c->npoints; k++) {
		const ec_chart_point *p = &c->points[k];
		double x, y, lx, ly;
		box b;

		if (!isfinite(p->x) || !isfinite(p->y))
			continue;
		x = x_at(f, p->x);
		y = y_at(f, p->y);
		fprintf(out, "<circle class=\"point\" cx=\"%.2f\" cy=\"%.2f\" r=\"4\" fill=\"%s\">", x, y,
			p->labelled ? tone_fill[EC_CHART_WRONG] : tone_fill[EC_CHART_PLAIN]);
		fputs("<title>", out);
		ec_write_xml_text(out, p->label ? p->label : "");
		fprintf(out, ": %.3g, %.3g</title></circle>\n", p->x, p->y);
		if (!p->labelled || !p->label)
			continue;
		b = place_label(f, placed, nplaced, x, y, CHAR_WIDTH * (double)ec_utf8_count(p->label, strlen(p->label)),
				&lx, &ly);
		if (nplaced < PLACED_MAX)
			placed[nplaced++] = b;
		if (ly - y > 16 || y - ly > 16) /* moved away from its point: a line leads to it */
			fprintf(out,
				"<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#999\" "
				"stroke-width=\"0.7\"/>",
				x, y, lx < x ? lx + (b.x1 - b.x0) : lx, ly - 4);
		fprintf(out, "<text class=\"label\" x=\"%.2f\" y=\"%.2f\">", lx, ly);
		ec_write_xml_text(out, p->label);
		fputs("</text>\n", out);
	}
	x_label(out, c, f);
	y_label(out, c, f);
}

static ec_status chart_draw(ec_write_ctx *w, const ec_chart *c)
{
	ec_chart_frame f = ec_chart_layout(c);

	open_svg(w->out, c, &f);
	legend(w->out, c, &f);
	switch (c->kind) {
	case EC_CHART_HISTOGRAM:
		draw_histogram(w->out, c, &f);
		break;
	case EC_CHART_BARS:
		if (c->lying)
			draw_lying(w->out, c, &f);
		else
			draw_upright(w->out, c, &f);
		break;
	case EC_CHART_SCATTER:
		draw_scatter(w->out, c, &f);
		break;
	}
	fputs("</svg>\n", w->out);
	return EC_OK;
}

const ec_writer ec_writer_svg = {
	.name = "svg",
	.chart = {chart_draw},
};
