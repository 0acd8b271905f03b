/*
 * class.c: a class gathered a roster row at a time (ec_class.h). The
 * statistics are ec_stats' own and the answer groups answer_groups.c's;
 * what is here is the rest of the report: section histograms, the
 * flagged cells and the options chosen per distinct total, from which the
 * upper and lower groups' choices are summed once their cuts are known.
 */
#include "examcheck/ec_class.h"

#include "class_queue.h"
#include "micro_rows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One mc item's columns in a row of choices: a column per option, then blank. */
typedef struct mc_columns {
	size_t stats_item;   /* index into stats.items */
	size_t item;         /* into grader->items */
	size_t first;        /* its first column */
	int8_t column_of[26]; /* per letter: its column after first, -1 none */
	size_t nletters;     /* blank is column first + nletters */
} mc_columns;

/* The options chosen per distinct total: a row of counters each. */
typedef struct choice_rows {
	mc_columns *mc;
	size_t nmc, width;   /* counters a row */
	micro_rows rows;     /* the distinct totals (keyed in millionths, as ec_stats keys them) */
	uint32_t *counts;    /* used rows of `width` counters */
	size_t rows_cap;
	bool lost;           /* too many distinct totals, or no memory */
} choice_rows;

typedef struct part_state {
	ec_class_part pub;
	choice_rows choices;
	double *section_lo;  /* per section: the lowest and highest subtotal possible */
	double *section_hi;
} part_state;

struct ec_class {
	ec_class_options o;
	part_state *parts;   /* EC_ROSTER_GRADERS_MAX of them, nparts used */
	size_t nparts;
	ec_class_flagged *flags;
	size_t nflags;
	uint64_t more_flags;
	ec_roster_summary summary;
	class_queue *queue;  /* the thread that gathers the rows, or NULL: this one does */
	bool finished;
};

static void gather(void *ctx, const ec_roster_row *row);

size_t ec_histogram_bins(double lo, double hi, size_t max_bins, double *start, double *width)
{
	static const double mult[] = {1, 2, 5};
	double step, w = 1, n;
	size_t k;

	if (!(lo < hi) || !isfinite(hi - lo) || max_bins == 0) {
		*start = isfinite(lo) ? floor(lo) : 0;
		*width = 1;
		return 1;
	}
	step = pow(10, floor(log10((hi - lo) / (double)max_bins)));
	for (k = 0; k < 3 * 3; k++) {
		w = step * mult[k % 3] * pow(10, (double)(k / 3));
		if (ceil(hi / w - 1e-9) - floor(lo / w + 1e-9) <= (double)max_bins)
			break;
	}
	*start = floor(lo / w + 1e-9) * w;
	*width = w;
	n = ceil((hi - *start) / w - 1e-9);
	return n >= 1 && n <= (double)max_bins ? (size_t)n : (n < 1 ? 1 : max_bins);
}

ec_status ec_class_new(ec_class **out, const ec_class_options *o, ec_error *err)
{
	ec_class *c = calloc(1, sizeof(*c));

	*out = NULL;
	if (!c || !(c->parts = calloc(EC_ROSTER_GRADERS_MAX, sizeof(*c->parts)))) {
		free(c);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	c->o = *o;
	c->queue = o->threads == 1 ? NULL : class_queue_start(gather, c);
	*out = c;
	return EC_OK;
}

static void choices_free(choice_rows *ch)
{
	free(ch->mc);
	micro_rows_free(&ch->rows);
	free(ch->counts);
	memset(ch, 0, sizeof(*ch));
}

void ec_class_free(ec_class *c)
{
	size_t k, s;

	if (!c)
		return;
	class_queue_finish(c->queue);
	for (k = 0; k < c->nparts; k++) {
		part_state *p = &c->parts[k];

		ec_stats_free(&p->pub.stats);
		ec_stats_summary_free(&p->pub.summary);
		ec_answer_groups_free(p->pub.groups);
		for (s = 0; p->pub.sections && s < p->pub.grader->nsections; s++)
			free(p->pub.sections[s].bins);
		free(p->pub.sections);
		free(p->pub.choices);
		free(p->section_lo);
		free(p->section_hi);
		choices_free(&p->choices);
	}
	free(c->parts);
	free(c->flags);
	free(c);
}

/* The lowest and highest points an item can score. */
static void item_range(const ec_grade_item *it, double *lo, double *hi)
{
	*lo = 0;
	*hi = it->key.points;
	if (it->rule.scheme == EC_SCHEME_TF) {
		*lo = fmin(fmin(it->rule.wrong, it->rule.blank), 0);
		*hi = fmax(*hi, it->rule.blank);
	}
}

static bool sections_init(part_state *p)
{
	const ec_grader *g = p->pub.grader;
	size_t s, i;

	p->pub.sections = calloc(g->nsections ? g->nsections : 1, sizeof(*p->pub.sections));
	p->section_lo = calloc(g->nsections ? g->nsections : 1, sizeof(double));
	p->section_hi = calloc(g->nsections ? g->nsections : 1, sizeof(double));
	if (!p->pub.sections || !p->section_lo || !p->section_hi)
		return false;
	for (i = 0; i < g->count; i++) {
		double lo, hi;

		item_range(&g->items[i], &lo, &hi);
		p->section_lo[g->items[i].section] += lo;
		p->section_hi[g->items[i].section] += hi;
	}
	for (s = 0; s < g->nsections; s++) {
		ec_histogram *h = &p->pub.sections[s];

		h->nbins = ec_histogram_bins(p->section_lo[s], p->section_hi[s], EC_CLASS_SECTION_BINS,
					     &h->lo, &h->width);
		if (!(h->bins = calloc(h->nbins, sizeof(*h->bins))))
			return false;
	}
	return true;
}

/* The mc items among the statistics' and their columns in a row of choices. */
static bool choices_init(part_state *p)
{
	choice_rows *ch = &p->choices;
	const ec_stats *s = &p->pub.stats;
	size_t i, k;

	p->pub.choices = calloc(s->nitems ? s->nitems : 1, sizeof(*p->pub.choices));
	ch->mc = calloc(s->nitems ? s->nitems : 1, sizeof(*ch->mc));
	if (!p->pub.choices || !ch->mc)
		return false;
	for (i = 0; i < s->nitems; i++) {
		mc_columns *m = &ch->mc[ch->nmc];
		uint32_t options = s->items[i].options ? s->items[i].options : (UINT32_C(1) << 26) - 1;

		if (s->items[i].kind != EC_KEY_MC)
			continue;
		m->stats_item = i;
		m->item = s->items[i].source;
		m->first = ch->width;
		for (k = 0; k < 26; k++)
			m->column_of[k] = (options >> k) & 1 ? (int8_t)m->nletters++ : -1;
		ch->width += m->nletters + 1;
		ch->nmc++;
	}
	return micro_rows_init(&ch->rows);
}

ec_status ec_class_header(ec_class *c, const ec_roster_header *h, ec_error *err)
{
	part_state *p;
	ec_status st;

	if (h->grader >= EC_ROSTER_GRADERS_MAX)
		return ec_error_set(err, EC_ERR_INVALID, "no key %zu in this class", h->grader);
	p = &c->parts[h->grader];
	if (p->pub.seen || p->pub.grader)
		return ec_error_set(err, EC_ERR_INVALID, "key %zu's header came twice", h->grader);
	p->pub.grader = h->graded_with;
	p->pub.has_variant = h->keyed;
	p->pub.variant = h->graded_with->seed;
	if (c->nparts <= h->grader)
		c->nparts = h->grader + 1;
	st = ec_stats_init_roster(&p->pub.stats, p->pub.grader, h->items, h->nitems, err);
	if (st == EC_OK)
		st = ec_answer_groups_new(&p->pub.groups, p->pub.grader, h, err);
	if (st == EC_OK && (!sections_init(p) || !choices_init(p)))
		st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	p->pub.seen = st == EC_OK;
	return st;
}

/* The counters of the distinct total `key`, a new row when it is new; NULL when lost. */
static uint32_t *choice_row(choice_rows *ch, int64_t key)
{
	size_t row;

	if (ch->lost)
		return NULL;
	if (ch->rows.used == ch->rows_cap) {
		size_t cap = ch->rows_cap ? 2 * ch->rows_cap : 64;
		uint32_t *grown = realloc(ch->counts, cap * ch->width * sizeof(*grown));

		if (!grown) {
			ch->lost = true;
			return NULL;
		}
		memset(grown + ch->rows_cap * ch->width, 0,
		       (cap - ch->rows_cap) * ch->width * sizeof(*grown));
		ch->counts = grown;
		ch->rows_cap = cap;
	}
	if ((row = micro_rows_find(&ch->rows, key, EC_CLASS_DISTINCT_MAX)) == SIZE_MAX) {
		ch->lost = true;
		return NULL;
	}
	return ch->counts + row * ch->width;
}

/* The index of the lowest set bit of x (x != 0). */
static unsigned lowest_bit(uint32_t x)
{
	unsigned k = 0;

	while (!((x >> k) & 1))
		k++;
	return k;
}

static void count_choices(choice_rows *ch, const ec_roster_row *row)
{
	uint32_t *counts, set;
	size_t m;

	if (!ch->nmc || !(counts = choice_row(ch, micro_key(row->total))))
		return;
	for (m = 0; m < ch->nmc; m++) {
		const mc_columns *mc = &ch->mc[m];
		const ec_grade_result *r = &row->results[mc->item];
		uint32_t *at = counts + mc->first;

		if (r->verdict == EC_VERDICT_BLANK) {
			at[mc->nletters]++;
			continue;
		}
		if (r->verdict == EC_VERDICT_UNREADABLE)
			continue;
		for (set = r->letters & ((UINT32_C(1) << 26) - 1); set; set &= set - 1) {
			int8_t col = mc->column_of[lowest_bit(set)];

			if (col >= 0)
				at[col]++;
		}
	}
}

static size_t bin_of(const ec_histogram *h, double x)
{
	double b = (x - h->lo) / h->width;

	if (!(b > 0))
		return 0;
	return b >= (double)h->nbins ? h->nbins - 1 : (size_t)b;
}

/* What a row adds to its part: statistics, answer groups, subtotals, choices. */
static void gather(void *ctx, const ec_roster_row *row)
{
	ec_class *c = ctx;
	part_state *p = &c->parts[row->grader];
	size_t s;

	ec_stats_add(&p->pub.stats, row->results, row->total);
	ec_answer_groups_add(p->pub.groups, row);
	for (s = 0; s < p->pub.grader->nsections; s++)
		p->pub.sections[s].bins[bin_of(&p->pub.sections[s], row->sections[s])]++;
	count_choices(&p->choices, row);
}

void ec_class_add(ec_class *c, const ec_roster_row *row)
{
	const ec_grader *g;
	size_t s;

	if (row->grader >= c->nparts || !c->parts[row->grader].pub.seen)
		return;
	g = c->parts[row->grader].pub.grader;
	if (c->queue)
		class_queue_push(c->queue, row, g->count, g->nsections);
	else
		gather(c, row);
	/* the messages of a row come before it: they are its student's */
	for (s = c->nflags; row->nfields && s > 0 && c->flags[s - 1].line == row->line &&
			    !c->flags[s - 1].student[0];
	     s--) {
		ec_class_flagged *f = &c->flags[s - 1];
		size_t n = row->lens[0] < sizeof(f->student) - 1 ? row->lens[0] : sizeof(f->student) - 1;

		while (n > 0 && n < row->lens[0] && ((unsigned char)row->fields[0][n] & 0xC0) == 0x80)
			n--; /* cut on a character's boundary */
		memcpy(f->student, row->fields[0], n);
		f->student[n] = '\0';
	}
}

/* The options the students of total k chose, from a tally (item j of the tally per mc item). */
static void tally_choices(choice_rows *ch, const ec_roster_tally *t, size_t k)
{
	uint32_t *counts, set;
	size_t m, a;

	if (!ch->nmc || !(counts = choice_row(ch, micro_key(t->totals[k]))))
		return;
	for (m = 0; m < ch->nmc; m++) {
		const mc_columns *mc = &ch->mc[m];
		uint32_t *at = counts + mc->first;

		for (a = 0; a < t->nanswers[mc->stats_item]; a++) {
			const ec_grade_result *r = &t->answers[mc->stats_item][a];
			uint64_t n = t->counts[k * t->width + t->at[mc->stats_item] + a];

			if (!n)
				continue;
			if (r->verdict == EC_VERDICT_BLANK) {
				at[mc->nletters] += (uint32_t)n;
				continue;
			}
			for (set = r->letters & ((UINT32_C(1) << 26) - 1); set; set &= set - 1) {
				int8_t col = mc->column_of[lowest_bit(set)];

				if (col >= 0)
					at[col] += (uint32_t)n;
			}
		}
	}
}

void ec_class_tally(ec_class *c, const ec_roster_tally *t)
{
	part_state *p;
	size_t s, k;

	if (t->grader >= c->nparts || !c->parts[t->grader].pub.seen ||
	    t->nitems != c->parts[t->grader].pub.stats.nitems)
		return;
	/* the rows handed out first: their thread is done with the part */
	class_queue_finish(c->queue);
	c->queue = NULL;
	p = &c->parts[t->grader];
	ec_stats_add_tally(&p->pub.stats, t);
	ec_answer_groups_add_tally(p->pub.groups, t);
	for (s = 0; s < p->pub.grader->nsections && s < t->nsections; s++)
		for (k = 0; k < t->nvalues[s]; k++)
			p->pub.sections[s].bins[bin_of(&p->pub.sections[s], t->values[s][k])] +=
				t->value_students[s][k];
	for (k = 0; k < t->ntotals; k++)
		tally_choices(&p->choices, t, k);
}

void ec_class_flag(ec_class *c, const ec_error *e)
{
	ec_class_flagged *f;

	if (e->status == EC_OK)
		return;
	if (c->nflags == EC_CLASS_FLAGS_MAX ||
	    (!c->flags && !(c->flags = calloc(EC_CLASS_FLAGS_MAX, sizeof(*c->flags))))) {
		c->more_flags++;
		return;
	}
	f = &c->flags[c->nflags++];
	f->line = e->line;
	f->student[0] = '\0';
	snprintf(f->message, sizeof(f->message), "%s", e->msg);
}

/* Add the choices of the distinct totals at or above (upper) or at or below the cut. */
static void sum_group(const choice_rows *ch, ec_class_choices *out, int64_t cut, bool upper)
{
	size_t h, m, k;

	for (h = 0; h < ch->rows.slots; h++) {
		const uint32_t *counts;

		if (ch->rows.row[h] == UINT32_MAX ||
		    (upper ? ch->rows.keys[h] < cut : ch->rows.keys[h] > cut))
			continue;
		counts = ch->counts + (size_t)ch->rows.row[h] * ch->width;
		for (m = 0; m < ch->nmc; m++) {
			const mc_columns *mc = &ch->mc[m];
			ec_class_choices *o = &out[mc->stats_item];
			const uint32_t *at = counts + mc->first;

			for (k = 0; k < 26; k++)
				if (mc->column_of[k] >= 0)
					(upper ? o->upper : o->lower)[k] += at[mc->column_of[k]];
			*(upper ? &o->upper_blank : &o->lower_blank) += at[mc->nletters];
		}
	}
}

static ec_status finish_part(ec_class *c, part_state *p, ec_error *err)
{
	ec_class_part *pub = &p->pub;
	ec_status st;

	ec_answer_groups_finish(pub->groups, c->o.mistake, c->o.mistake_ctx);
	ec_stats_summary_free(&pub->summary);
	if (pub->stats.n == 0) {
		memset(&pub->summary, 0, sizeof(pub->summary));
		pub->summary.mean = pub->summary.median = pub->summary.sd = NAN;
		pub->summary.min = pub->summary.max = pub->summary.alpha = NAN;
		pub->summary.upper_cut = pub->summary.lower_cut = NAN;
		pub->summary.median_exact = pub->summary.groups_exact = true;
		pub->choices_known = false;
		return EC_OK;
	}
	if ((st = ec_stats_summarise(&pub->stats, &pub->summary, err)) != EC_OK)
		return st;
	memset(pub->choices, 0, pub->stats.nitems * sizeof(*pub->choices));
	pub->choices_known = pub->summary.groups_exact && !p->choices.lost;
	if (pub->choices_known) {
		sum_group(&p->choices, pub->choices, micro_key(pub->summary.upper_cut), true);
		sum_group(&p->choices, pub->choices, micro_key(pub->summary.lower_cut), false);
	}
	return EC_OK;
}

ec_status ec_class_finish(ec_class *c, const ec_roster_summary *sum, ec_error *err)
{
	ec_status st = EC_OK;
	size_t k;

	if (sum)
		c->summary = *sum;
	class_queue_finish(c->queue);
	c->queue = NULL;
	for (k = 0; st == EC_OK && k < c->nparts; k++)
		if (c->parts[k].pub.seen)
			st = finish_part(c, &c->parts[k], err);
	c->finished = st == EC_OK;
	return st;
}

size_t ec_class_parts(const ec_class *c)
{
	return c->nparts;
}

const ec_class_part *ec_class_part_get(const ec_class *c, size_t k)
{
	return &c->parts[k].pub;
}

const char *ec_class_roster(const ec_class *c)
{
	return c->o.roster ? c->o.roster : "-";
}

const char *ec_class_command(const ec_class *c)
{
	return c->o.command ? c->o.command : "examcheck grade";
}

const ec_roster_summary *ec_class_summary(const ec_class *c)
{
	return &c->summary;
}

const ec_class_flagged *ec_class_flags(const ec_class *c, size_t *n, uint64_t *more)
{
	*n = c->nflags;
	*more = c->more_flags;
	return c->flags;
}
