#include "examcheck/ec_stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS (2 * EC_STATS_DISTINCT_MAX)

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

ec_status ec_stats_init(ec_stats *s, size_t nitems, const double *max_points,
			const bool *mc, double lo, double hi, ec_error *err)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	if (!(lo < hi))
		return ec_error_set(err, EC_ERR_INVALID,
				    "statistics need a range of totals, not [%g, %g]", lo, hi);
	s->bin_width = nice_width(hi - lo);
	s->lo = floor(lo / s->bin_width) * s->bin_width;
	s->hi = hi;
	s->nbins = (size_t)ceil((hi - s->lo) / s->bin_width - 1e-9);
	if (s->nbins == 0)
		s->nbins = 1;
	s->nitems = nitems;
	s->items = calloc(nitems ? nitems : 1, sizeof(*s->items));
	s->bins = calloc(s->nbins, sizeof(*s->bins));
	s->fine = calloc(EC_STATS_FINE_BINS, sizeof(*s->fine));
	s->keys = malloc(SLOTS * sizeof(*s->keys));
	s->counts = calloc(SLOTS, sizeof(*s->counts));
	if (!s->items || !s->bins || !s->fine || !s->keys || !s->counts) {
		ec_stats_free(s);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < nitems; i++) {
		s->items[i].max_points = max_points[i];
		s->items[i].mc = mc && mc[i];
	}
	return EC_OK;
}

void ec_stats_free(ec_stats *s)
{
	free(s->items);
	free(s->bins);
	free(s->fine);
	free(s->keys);
	free(s->counts);
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

static void count_distinct(ec_stats *s, double total)
{
	int64_t key = llround(total * 1e6);
	size_t h = (size_t)(((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 40) % SLOTS;

	if (s->too_many)
		return;
	while (s->counts[h] && s->keys[h] != key)
		h = (h + 1) % SLOTS;
	if (!s->counts[h]) {
		if (s->used == EC_STATS_DISTINCT_MAX) {
			s->too_many = true;
			return;
		}
		s->used++;
		s->keys[h] = key;
	}
	s->counts[h]++;
}

/* Bit position of the lowest set bit of x (x != 0), by a de Bruijn sequence. */
static unsigned lowest_bit(uint32_t x)
{
	static const unsigned char at[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
					     15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
					     16, 7,  26, 12, 18, 6,  11, 5,  10, 9};

	return at[(uint32_t)((x & (~x + 1)) * UINT32_C(0x077CB531)) >> 27];
}

void ec_stats_add(ec_stats *s, const double *scores, const uint32_t *choices,
		  double total)
{
	double dy, dt, inv_n;
	size_t i;

	s->n++;
	inv_n = 1.0 / (double)s->n;
	dy = total - s->mean;
	s->mean += dy * inv_n;
	dt = total - s->mean;
	s->m2 += dy * dt;
	if (s->n == 1 || total < s->min)
		s->min = total;
	if (s->n == 1 || total > s->max)
		s->max = total;
	for (i = 0; i < s->nitems; i++) {
		ec_stats_item *it = &s->items[i];
		double dx = scores[i] - it->mean;

		it->mean += dx * inv_n;
		it->m2 += dx * (scores[i] - it->mean);
		it->cxy += dx * dt;
		if (it->mc && choices) {
			uint32_t set = choices[i] & ((UINT32_C(1) << 26) - 1);

			if (!set)
				it->blank++;
			for (; set; set &= set - 1)
				it->chosen[lowest_bit(set)]++;
		}
	}
	s->bins[clamp_bin((total - s->lo) / s->bin_width, s->nbins)]++;
	s->fine[clamp_bin((total - s->lo) / (s->hi - s->lo) * EC_STATS_FINE_BINS,
			  EC_STATS_FINE_BINS)]++;
	count_distinct(s, total);
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The total of rank r (0-based) among the sorted distinct totals. */
static double rank_exact(const int64_t *keys, const uint64_t *counts, size_t n, uint64_t r)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r < counts[i])
			return (double)keys[i] / 1e6;
		r -= counts[i];
	}
	return (double)keys[n - 1] / 1e6;
}

static double rank_fine(const ec_stats *s, uint64_t r)
{
	double w = (s->hi - s->lo) / EC_STATS_FINE_BINS;
	size_t i;

	for (i = 0; i < EC_STATS_FINE_BINS; i++) {
		if (r < s->fine[i])
			return s->lo + (i + 0.5) * w;
		r -= s->fine[i];
	}
	return s->hi;
}

static ec_status median_exact(const ec_stats *s, double *median, ec_error *err)
{
	int64_t *pairs = malloc(s->used * 2 * sizeof(*pairs));
	int64_t *keys;
	uint64_t *counts;
	size_t i, k = 0;

	if (!pairs)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (i = 0; i < SLOTS; i++)
		if (s->counts[i])
			pairs[k++] = s->keys[i];
	qsort(pairs, k, sizeof(*pairs), cmp_i64);
	keys = pairs;
	counts = (uint64_t *)(pairs + k);
	for (i = 0; i < k; i++) {
		size_t h = (size_t)(((uint64_t)keys[i] * UINT64_C(0x9E3779B97F4A7C15)) >> 40) % SLOTS;

		while (s->keys[h] != keys[i] || !s->counts[h])
			h = (h + 1) % SLOTS;
		counts[i] = s->counts[h];
	}
	*median = (rank_exact(keys, counts, k, (s->n - 1) / 2) +
		   rank_exact(keys, counts, k, s->n / 2)) / 2;
	free(pairs);
	return EC_OK;
}

ec_status ec_stats_summarise(const ec_stats *s, ec_stats_summary *out, ec_error *err)
{
	memset(out, 0, sizeof(*out));
	if (s->n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "no students to summarise");
	out->n = s->n;
	out->mean = s->mean;
	out->sd = sqrt(s->m2 / (double)s->n);
	out->min = s->min;
	out->max = s->max;
	out->median_exact = !s->too_many;
	if (s->too_many) {
		out->median = (rank_fine(s, (s->n - 1) / 2) + rank_fine(s, s->n / 2)) / 2;
		return EC_OK;
	}
	return median_exact(s, &out->median, err);
}

double ec_stats_facility(const ec_stats *s, size_t i)
{
	if (s->items[i].max_points == 0 || s->n == 0)
		return NAN;
	return s->items[i].mean / s->items[i].max_points;
}

double ec_stats_discrimination(const ec_stats *s, size_t i)
{
	const ec_stats_item *it = &s->items[i];

	if (!(it->m2 > 0) || !(s->m2 > 0))
		return NAN;
	return it->cxy / sqrt(it->m2 * s->m2);
}
