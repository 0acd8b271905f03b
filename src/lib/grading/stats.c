#include "examcheck/ec_stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "micro_rows.h"

#define SLOTS (2 * EC_STATS_DISTINCT_MAX)

_Static_assert(sizeof(((ec_stats_item *)0)->id) == sizeof(((ec_key_item *)0)->id),
	       "an item's id is copied whole from the key");
_Static_assert(EC_STATS_DISTINCT_MAX <= UINT32_MAX, "a distinct total's row fits in ec_stats.row");

static double nice_width(double range)
{
	double step = pow(10, floor(log10(range / 12)));
	static const double mult[] = {1, 2, 5, 10};
	size_t k;

	for (k = 0; k < 4; k++)
		if (range / (step * mult[k]) <= 12)
			return step * mult[k];
	return step * 10;
}

/* Everything but the items' descriptions, which the callers fill in. */
static ec_status stats_alloc(ec_stats *s, size_t nitems, double lo, double hi, ec_error *err)
{
	double bins;

	memset(s, 0, sizeof(*s));
	if (!isfinite(hi - lo) || fabs(lo) * 1e6 > MICRO_MAX || fabs(hi) * 1e6 > MICRO_MAX)
		return ec_error_set(err, EC_ERR_INVALID, "statistics need a finite range of totals");
	if (!(lo < hi))
		return ec_error_set(err, EC_ERR_INVALID,
				    "statistics need a range of totals, not [%g, %g]", lo, hi);
	s->bin_width = nice_width(hi - lo);
	if (!(s->bin_width > 0)) /* a range so small that its power of ten underflows */
		s->bin_width = hi - lo;
	s->lo = floor(lo / s->bin_width) * s->bin_width;
	if (!isfinite(s->lo))
		s->lo = lo;
	s->hi = hi;
	/* at most 13 by nice_width(); never a NaN converted to an index */
	bins = ceil((hi - s->lo) / s->bin_width - 1e-9);
	s->nbins = bins >= 1 && bins <= 64 ? (size_t)bins : 1;
	s->nitems = nitems;
	s->items = calloc(nitems ? nitems : 1, sizeof(*s->items));
	s->bins = calloc(s->nbins, sizeof(*s->bins));
	s->fine = calloc(EC_STATS_FINE_BINS, sizeof(*s->fine));
	s->keys = malloc(SLOTS * sizeof(*s->keys));
	s->counts = calloc(SLOTS, sizeof(*s->counts));
	s->row = malloc(SLOTS * sizeof(*s->row));
	if (!s->items || !s->bins || !s->fine || !s->keys || !s->counts || !s->row) {
		ec_stats_free(s);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	return EC_OK;
}

ec_status ec_stats_init(ec_stats *s, size_t nitems, const double *max_points,
			const ec_key_kind *kinds, double lo, double hi, ec_error *err)
{
	ec_status st = stats_alloc(s, nitems, lo, hi, err);
	size_t i;

	for (i = 0; st == EC_OK && i < nitems; i++) {
		s->items[i].max_points = max_points[i];
		s->items[i].kind = kinds ? kinds[i] : EC_KEY_MANUAL;
		s->items[i].source = i;
	}
	return st;
}

ec_status ec_stats_init_roster(ec_stats *s, const ec_grader *g, const size_t *items,
			       size_t nitems, ec_error *err)
{
	double hi = g->max_auto;
	ec_status st;
	size_t i;

	for (i = 0; i < nitems; i++)
		if (g->items[items[i]].rule.scheme == EC_SCHEME_MANUAL)
			hi += g->items[items[i]].key.points;
	st = stats_alloc(s, nitems, g->min_auto, hi > g->min_auto ? hi : g->min_auto + 1, err);
	for (i = 0; st == EC_OK && i < nitems; i++) {
		const ec_grade_item *it = &g->items[items[i]];
		ec_stats_item *si = &s->items[i];

		memcpy(si->id, it->key.id, sizeof(si->id));
		si->kind = it->key.kind;
		si->max_points = it->key.points;
		si->options = it->key.kind == EC_KEY_MC ? it->rule.options : 0;
		si->source = items[i];
	}
	return st;
}

void ec_stats_free(ec_stats *s)
{
	free(s->items);
	free(s->bins);
	free(s->fine);
	free(s->keys);
	free(s->counts);
	free(s->row);
	free(s->right);
	free(s->fine_right);
	memset(s, 0, sizeof(*s));
}

static size_t clamp_bin(double x, size_t n)
{
	if (!(x > 0))
		return 0;
	if (x >= (double)n)
		return n - 1;
	return (size_t)x;
}

static size_t fine_bin(const ec_stats *s, double total)
{
	return clamp_bin((total - s->lo) / (s->hi - s->lo) * EC_STATS_FINE_BINS,
			 EC_STATS_FINE_BINS);
}

static size_t slot_of(int64_t key)
{
	return (size_t)(((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 40) % SLOTS;
}

/* Past EC_STATS_DISTINCT_MAX totals: the rows of `right` fold into fine bins. */
static void fold_into_fine(ec_stats *s)
{
	size_t h, i, n = s->nitems;

	if (n && !s->groups_lost) {
		s->fine_right = calloc(EC_STATS_FINE_BINS * n, sizeof(*s->fine_right));
		if (!s->fine_right)
			s->groups_lost = true;
	}
	for (h = 0; s->fine_right && h < SLOTS; h++) {
		const uint64_t *r = s->right + (size_t)s->row[h] * n;
		uint64_t *f;

		if (!s->counts[h])
			continue;
		f = s->fine_right + fine_bin(s, (double)s->keys[h] / 1e6) * n;
		for (i = 0; i < n; i++)
			f[i] += r[i];
	}
	free(s->right);
	s->right = NULL;
	s->rows_cap = 0;
}

/* Room in `right` for row r; false (and the group counts given up) when memory runs out. */
static bool grow_rows(ec_stats *s, size_t r)
{
	size_t cap = s->rows_cap ? 2 * s->rows_cap : 64;
	uint64_t *grown;

	if (r < s->rows_cap)
		return true;
	grown = realloc(s->right, cap * s->nitems * sizeof(*grown));
	if (!grown) {
		free(s->right);
		s->right = NULL;
		s->groups_lost = true;
		return false;
	}
	memset(grown + s->rows_cap * s->nitems, 0, (cap - s->rows_cap) * s->nitems * sizeof(*grown));
	s->right = grown;
	s->rows_cap = cap;
	return true;
}

/*
 * Count `key` among the distinct totals; the row of `right` (or of
 * `fine_right`) where its students fully right are counted, NULL when
 * there is none.
 */
static uint64_t *count_distinct_n(ec_stats *s, int64_t key, double quantised, uint64_t n)
{
	size_t h = slot_of(key);

	if (!s->too_many) {
		while (s->counts[h] && s->keys[h] != key)
			h = (h + 1) % SLOTS;
		if (!s->counts[h] && s->used == EC_STATS_DISTINCT_MAX) {
			s->too_many = true;
			fold_into_fine(s);
		} else {
			if (!s->counts[h]) {
				s->keys[h] = key;
				s->row[h] = (uint32_t)s->used++;
			}
			s->counts[h] += n;
			if (!s->nitems || s->groups_lost || !grow_rows(s, s->row[h]))
				return NULL;
			return s->right + (size_t)s->row[h] * s->nitems;
		}
	}
	if (!s->fine_right)
		return NULL;
	return s->fine_right + fine_bin(s, quantised) * s->nitems;
}

/* Bit position of the lowest set bit of x (x != 0), by a de Bruijn sequence. */
static unsigned lowest_bit(uint32_t x)
{
	static const unsigned char at[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
					     15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
					     16, 7,  26, 12, 18, 6,  11, 5,  10, 9};

	return at[(uint32_t)((x & (~x + 1)) * UINT32_C(0x077CB531)) >> 27];
}

/* Count the answer; no branch on the verdict, which a class's answers make unpredictable. */
static void count_answer(ec_stats_item *it, const ec_grade_result *r)
{
	bool blank = r->verdict == EC_VERDICT_BLANK, unreadable = r->verdict == EC_VERDICT_UNREADABLE;
	uint32_t set = r->letters & ((UINT32_C(1) << 26) - 1) & (blank || unreadable ? 0 : ~UINT32_C(0));

	it->blank += blank;
	it->unreadable += unreadable;
	/* A to D (most items' options), F and T added whether chosen or not; the rest one by one */
	it->chosen[0] += set & 1;
	it->chosen[1] += set >> 1 & 1;
	it->chosen[2] += set >> 2 & 1;
	it->chosen[3] += set >> 3 & 1;
	it->chosen['F' - 'A'] += set >> ('F' - 'A') & 1;
	it->chosen['T' - 'A'] += set >> ('T' - 'A') & 1;
	for (set &= ~(UINT32_C(0xF) | UINT32_C(1) << ('F' - 'A') | UINT32_C(1) << ('T' - 'A')); set;
	     set &= set - 1)
		it->chosen[lowest_bit(set)]++;
}

/* Welford's update of a mean and its sum of squared deviations; the deviation from the old mean. */
static double welford(double x, double inv_n, double *mean, double *m2)
{
	double d = x - *mean;

	*mean += d * inv_n;
	*m2 += d * (x - *mean);
	return d;
}

void ec_stats_add(ec_stats *s, const ec_grade_result *results, double total)
{
	int64_t key = micro_key(total);
	double quantised = (double)key / 1e6, inv_n, sum = 0;
	uint64_t *right;
	size_t i;

	s->n++;
	inv_n = 1.0 / (double)s->n;
	s->sum += total;
	welford(total, inv_n, &s->mean, &s->m2);
	if (s->n == 1 || total < s->min)
		s->min = total;
	if (s->n == 1 || total > s->max)
		s->max = total;
	right = count_distinct_n(s, key, quantised, 1);
	for (i = 0; i < s->nitems; i++) {
		ec_stats_item *it = &s->items[i];
		const ec_grade_result *r = &results[it->source];
		double rest = total - r->points, dx;

		sum += r->points;
		it->sum += r->points;
		dx = welford(r->points, inv_n, &it->mean, &it->m2);
		welford(rest, inv_n, &it->rest_mean, &it->rest_m2);
		it->c_rest += dx * (rest - it->rest_mean);
		if (it->kind == EC_KEY_MC || it->kind == EC_KEY_TF)
			count_answer(it, r);
	}
	if (right) /* a loop of its own, without a branch on each item's verdict */
		for (i = 0; i < s->nitems; i++)
			right[i] += results[s->items[i].source].verdict == EC_VERDICT_RIGHT;
	welford(sum, inv_n, &s->sum_mean, &s->sum_m2);
	s->bins[clamp_bin((total - s->lo) / s->bin_width, s->nbins)]++;
	s->fine[fine_bin(s, quantised)]++;
}

/* Join a mean and sum of squares of nb values (mb, m2b) to those of na (in *ma, *m2a). */
static void join_moments(uint64_t na, uint64_t nb, double *ma, double *m2a, double mb, double m2b,
			 double *delta)
{
	double n = (double)na + (double)nb, d = mb - *ma;

	*delta = d;
	*ma += d * ((double)nb / n);
	*m2a += m2b + d * d * ((double)na * (double)nb / n);
}

/*
 * Item i's answers over the tally: counted, and their mean and moments
 * with the rest of the total joined to the item's. Returns the tally's
 * mean of the item.
 */
static double tally_item(ec_stats *s, const ec_roster_tally *t, size_t i, double mean_t)
{
	ec_stats_item *it = &s->items[i];
	const ec_grade_result *ans = t->answers[i];
	uint64_t n = 0, na = s->n;
	double sum = 0, mean, rest_mean, m2 = 0, rest_m2 = 0, c = 0, dp, dr;
	size_t k, a;

	for (a = 0; a < t->nanswers[i]; a++) {
		uint64_t given = 0;
		uint32_t set;

		for (k = 0; k < t->ntotals; k++)
			given += t->counts[k * t->width + t->at[i] + a];
		n += given;
		sum += (double)given * ans[a].points;
		if (it->kind != EC_KEY_MC && it->kind != EC_KEY_TF)
			continue;
		if (ans[a].verdict == EC_VERDICT_BLANK) {
			it->blank += given;
			continue;
		}
		for (set = ans[a].letters & ((UINT32_C(1) << 26) - 1); set; set &= set - 1)
			it->chosen[lowest_bit(set)] += given;
	}
	if (n == 0)
		return 0;
	it->sum += sum;
	mean = sum / (double)n;
	rest_mean = mean_t - mean;
	for (k = 0; k < t->ntotals; k++) {
		for (a = 0; a < t->nanswers[i]; a++) {
			uint64_t given = t->counts[k * t->width + t->at[i] + a];
			double p = ans[a].points - mean, r = t->totals[k] - ans[a].points - rest_mean;

			if (!given)
				continue;
			m2 += (double)given * p * p;
			rest_m2 += (double)given * r * r;
			c += (double)given * p * r;
		}
	}
	if (na == 0) {
		it->mean = mean;
		it->m2 = m2;
		it->rest_mean = rest_mean;
		it->rest_m2 = rest_m2;
		it->c_rest = c;
		return mean;
	}
	join_moments(na, n, &it->mean, &it->m2, mean, m2, &dp);
	join_moments(na, n, &it->rest_mean, &it->rest_m2, rest_mean, rest_m2, &dr);
	it->c_rest += c + dp * dr * ((double)na * (double)n / ((double)na + (double)n));
	return mean;
}

void ec_stats_add_tally(ec_stats *s, const ec_roster_tally *t)
{
	uint64_t n = 0, na = s->n;
	double sum = 0, mean, m2 = 0, sum_mean = 0, d;
	size_t k, i, a;

	for (k = 0; k < t->ntotals; k++) {
		n += t->students[k];
		sum += (double)t->students[k] * t->totals[k];
	}
	if (n == 0 || t->nitems != s->nitems)
		return;
	s->sum += sum;
	mean = sum / (double)n;
	for (k = 0; k < t->ntotals; k++)
		m2 += (double)t->students[k] * (t->totals[k] - mean) * (t->totals[k] - mean);
	for (i = 0; i < s->nitems; i++)
		sum_mean += tally_item(s, t, i, mean);
	/* the sum of the items' points is the total less a constant: the same spread */
	if (na == 0) {
		s->sum_mean = sum_mean;
		s->sum_m2 = m2;
	} else {
		join_moments(na, n, &s->sum_mean, &s->sum_m2, sum_mean, m2, &d);
	}
	if (na == 0) {
		s->mean = mean;
		s->m2 = m2;
		s->min = t->totals[0];
		s->max = t->totals[t->ntotals - 1];
	} else {
		join_moments(na, n, &s->mean, &s->m2, mean, m2, &d);
		s->min = fmin(s->min, t->totals[0]);
		s->max = fmax(s->max, t->totals[t->ntotals - 1]);
	}
	s->n = na + n;
	for (k = 0; k < t->ntotals; k++) {
		int64_t key = micro_key(t->totals[k]);
		double quantised = (double)key / 1e6;
		uint64_t *right = count_distinct_n(s, key, quantised, t->students[k]);

		for (i = 0; right && i < s->nitems; i++)
			for (a = 0; a < t->nanswers[i]; a++)
				if (t->answers[i][a].verdict == EC_VERDICT_RIGHT)
					right[i] += t->counts[k * t->width + t->at[i] + a];
		s->bins[clamp_bin((t->totals[k] - s->lo) / s->bin_width, s->nbins)] += t->students[k];
		s->fine[fine_bin(s, quantised)] += t->students[k];
	}
}

/* A distinct total and its slot in the hash table. */
typedef struct distinct {
	int64_t key;
	size_t slot;
} distinct;

static int cmp_distinct(const void *a, const void *b)
{
	int64_t x = ((const distinct *)a)->key, y = ((const distinct *)b)->key;

	return x < y ? -1 : x > y;
}

/* The distinct totals in increasing order (s->used of them), or NULL when memory runs out. */
static distinct *sorted_totals(const ec_stats *s)
{
	distinct *d = malloc((s->used ? s->used : 1) * sizeof(*d));
	size_t h, k = 0;

	if (!d)
		return NULL;
	for (h = 0; h < SLOTS; h++) {
		if (s->counts[h]) {
			d[k].key = s->keys[h];
			d[k++].slot = h;
		}
	}
	qsort(d, k, sizeof(*d), cmp_distinct);
	return d;
}

/*
 * The totals as cells in increasing order: the distinct totals `d` when
 * they were all kept, else the fine bins (d NULL).
 */
static uint64_t cell_students(const ec_stats *s, const distinct *d, size_t j)
{
	return d ? s->counts[d[j].slot] : s->fine[j];
}

static const uint64_t *cell_right(const ec_stats *s, const distinct *d, size_t j)
{
	if (d)
		return s->right ? s->right + (size_t)s->row[d[j].slot] * s->nitems : NULL;
	return s->fine_right ? s->fine_right + j * s->nitems : NULL;
}

/* The cell holding the total of rank r (0-based, increasing). */
static size_t cell_of_rank(const ec_stats *s, const distinct *d, size_t ncells, uint64_t r)
{
	size_t j;

	for (j = 0; j + 1 < ncells; j++) {
		uint64_t c = cell_students(s, d, j);

		if (r < c)
			break;
		r -= c;
	}
	return j;
}

/* A total standing for cell j: the total itself, or a fine bin's middle. */
static double cell_total(const ec_stats *s, const distinct *d, size_t j)
{
	if (d)
		return (double)d[j].key / 1e6;
	return s->lo + ((double)j + 0.5) * (s->hi - s->lo) / EC_STATS_FINE_BINS;
}

/*
 * Take whole cells from the top (upper) or the bottom until `group`
 * students are in; their number in *in, the last cell taken in *cut and,
 * when `per_item` is set, the students fully right added to it.
 */
static void form_group(const ec_stats *s, const distinct *d, size_t ncells, bool upper,
		       uint64_t group, uint64_t *in, size_t *cut, uint64_t *per_item)
{
	size_t k, i;

	*in = 0;
	*cut = 0;
	for (k = 0; k < ncells && *in < group; k++) {
		size_t j = upper ? ncells - 1 - k : k;
		uint64_t c = cell_students(s, d, j);
		const uint64_t *r = cell_right(s, d, j);

		if (!c)
			continue;
		*in += c;
		*cut = j;
		for (i = 0; per_item && r && i < s->nitems; i++)
			per_item[i] += r[i];
	}
}

ec_status ec_stats_summarise(const ec_stats *s, ec_stats_summary *out, ec_error *err)
{
	double w = (s->hi - s->lo) / EC_STATS_FINE_BINS;
	distinct *d = NULL;
	size_t ncells = EC_STATS_FINE_BINS, cut;

	memset(out, 0, sizeof(*out));
	if (s->n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "no students to summarise");
	if (!s->too_many) {
		d = sorted_totals(s);
		ncells = s->used;
	}
	if (s->nitems && !s->groups_lost) {
		out->upper = calloc(s->nitems, sizeof(*out->upper));
		out->lower = calloc(s->nitems, sizeof(*out->lower));
	}
	if ((!s->too_many && !d) || (s->nitems && !s->groups_lost && (!out->upper || !out->lower))) {
		free(d);
		ec_stats_summary_free(out);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	out->n = s->n;
	out->mean = s->sum / (double)s->n; /* not Welford's: the same whatever the order */
	out->sd = sqrt(s->m2 / (double)s->n);
	out->min = s->min;
	out->max = s->max;
	out->alpha = ec_stats_alpha(s);
	out->median_exact = out->groups_exact = !s->too_many;
	out->median = (cell_total(s, d, cell_of_rank(s, d, ncells, (s->n - 1) / 2)) +
		       cell_total(s, d, cell_of_rank(s, d, ncells, s->n / 2))) / 2;
	out->group = (EC_STATS_GROUP_PERCENT * s->n + 50) / 100;
	if (out->group == 0)
		out->group = 1;
	form_group(s, d, ncells, true, out->group, &out->upper_n, &cut, out->upper);
	out->upper_cut = d ? cell_total(s, d, cut) : s->lo + (double)cut * w;
	form_group(s, d, ncells, false, out->group, &out->lower_n, &cut, out->lower);
	out->lower_cut = d ? cell_total(s, d, cut) : s->lo + (double)(cut + 1) * w;
	free(d);
	return EC_OK;
}

void ec_stats_summary_free(ec_stats_summary *sum)
{
	free(sum->upper);
	free(sum->lower);
	sum->upper = sum->lower = NULL;
}

/* Whether values with this sum of squared deviations and mean vary beyond rounding noise. */
static bool varies(double m2, uint64_t n, double mean)
{
	double scale = 1e-12 * (1 + fabs(mean));

	return m2 / (double)n > scale * scale;
}

double ec_stats_facility(const ec_stats *s, size_t i)
{
	if (s->items[i].max_points == 0 || s->n == 0)
		return NAN;
	return s->items[i].sum / (double)s->n / s->items[i].max_points;
}

double ec_stats_discrimination(const ec_stats *s, size_t i)
{
	const ec_stats_item *it = &s->items[i];

	if (s->n == 0 || !varies(it->m2, s->n, it->mean) ||
	    !varies(it->rest_m2, s->n, it->rest_mean))
		return NAN;
	return it->c_rest / sqrt(it->m2 * it->rest_m2);
}

double ec_stats_alpha(const ec_stats *s)
{
	double items = 0, k = (double)s->nitems;
	size_t i;

	if (s->nitems < 2 || s->n == 0 || !varies(s->sum_m2, s->n, s->sum_mean))
		return NAN;
	for (i = 0; i < s->nitems; i++)
		items += s->items[i].m2;
	return k / (k - 1) * (1 - items / s->sum_m2);
}

char *ec_stats_fixed(double x, int decimals, char buf[64])
{
	char e[48];
	int exp, last, i;
	uint64_t k = 0, scale = 1;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	/* d.dddddddddddddde+XX: the 15 significant digits the double stands for */
	snprintf(e, sizeof(e), "%.14e", fabs(x));
	exp = atoi(e + 17);
	last = exp + decimals; /* the last digit kept (index into the 15) */
	if (last >= 14 || !isfinite(x)) {
		snprintf(buf, 64, "%.*f", decimals, x);
		return buf;
	}
	for (i = 0; i <= last; i++)
		k = k * 10 + (uint64_t)(e[i == 0 ? 0 : i + 1] - '0');
	if (last >= -1 && e[last + 1 == 0 ? 0 : last + 2] >= '5')
		k++; /* a half, or more, away from zero */
	for (i = 0; i < decimals; i++)
		scale *= 10;
	if (decimals == 0)
		snprintf(buf, 64, "%s%llu", x < 0 && k ? "-" : "", (unsigned long long)k);
	else
		snprintf(buf, 64, "%s%llu.%0*llu", x < 0 && k ? "-" : "",
			 (unsigned long long)(k / scale), decimals, (unsigned long long)(k % scale));
	return buf;
}
