#include "examcheck/ec_dataset.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ec_rng_seed(ec_rng *rng, uint64_t seed)
{
	rng->state = seed ? seed : UINT64_C(0x9E3779B97F4A7C15);
}

uint64_t ec_rng_u64(ec_rng *rng)
{
	uint64_t s = rng->state;

	s ^= s >> 12;
	s ^= s << 25;
	s ^= s >> 27;
	rng->state = s;
	return s * UINT64_C(2685821657736338717);
}

double ec_rng_uniform(ec_rng *rng)
{
	return (double)(ec_rng_u64(rng) >> 11) * 0x1.0p-53;
}

uint64_t ec_rng_below(ec_rng *rng, uint64_t n)
{
	uint64_t limit, r;

	if (n == 0)
		return 0;
	limit = UINT64_MAX - UINT64_MAX % n;
	do
		r = ec_rng_u64(rng);
	while (r >= limit);
	return r % n;
}

double ec_rng_normal(ec_rng *rng)
{
	const double two_pi = 6.283185307179586476925;
	double u1 = 1.0 - ec_rng_uniform(rng);
	double u2 = ec_rng_uniform(rng);

	return sqrt(-2.0 * log(u1)) * cos(two_pi * u2);
}

ec_status ec_dataset_alloc(ec_dataset *ds, size_t n, size_t dim, size_t classes,
			   ec_error *err)
{
	uint64_t cells, bytes;

	memset(ds, 0, sizeof(*ds));
	if (dim == 0)
		return ec_error_set(err, EC_ERR_INVALID, "data set: dimension is 0");
	if (classes == 0)
		return ec_error_set(err, EC_ERR_INVALID, "data set: number of classes is 0");
	if (!ec_u64_mul(n, dim, &cells) || !ec_u64_mul(cells, sizeof(double), &bytes) ||
	    bytes > SIZE_MAX || !ec_u64_mul(n, sizeof(size_t), &bytes) || bytes > SIZE_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "data set: %zu samples of %zu features do not fit in memory",
				    n, dim);
	ds->x = calloc(cells ? (size_t)cells : 1, sizeof(double));
	ds->y = calloc(n ? n : 1, sizeof(size_t));
	if (!ds->x || !ds->y) {
		ec_dataset_free(ds);
		return ec_error_set(err, EC_ERR_NOMEM, "data set: out of memory");
	}
	ds->n = n;
	ds->dim = dim;
	ds->classes = classes;
	return EC_OK;
}

void ec_dataset_free(ec_dataset *ds)
{
	free(ds->x);
	free(ds->y);
	memset(ds, 0, sizeof(*ds));
}

ec_status ec_dataset_check(const ec_dataset *ds, ec_error *err)
{
	size_t i, j;

	if (ds->dim == 0 || ds->classes == 0 || (ds->n > 0 && (!ds->x || !ds->y)))
		return ec_error_set(err, EC_ERR_INVALID, "data set is not initialised");
	for (i = 0; i < ds->n; i++) {
		if (ds->y[i] >= ds->classes)
			return ec_error_set(err, EC_ERR_RANGE,
					    "sample %zu: label %zu is not below %zu classes", i,
					    ds->y[i], ds->classes);
		for (j = 0; j < ds->dim; j++)
			if (!isfinite(ds->x[i * ds->dim + j]))
				return ec_error_set(err, EC_ERR_RANGE,
						    "sample %zu: feature %zu is not finite", i, j);
	}
	return EC_OK;
}

ec_status ec_dataset_blobs(ec_dataset *ds, size_t classes, size_t dim,
			   const double *centers, const size_t *counts, double sigma,
			   ec_rng *rng, ec_error *err)
{
	uint64_t total = 0;
	size_t c, i, j, row = 0;
	ec_status st;

	memset(ds, 0, sizeof(*ds));
	if (!(sigma >= 0) || !isfinite(sigma))
		return ec_error_set(err, EC_ERR_INVALID, "blobs: sigma %g is not a finite non-negative number", sigma);
	for (c = 0; c < classes; c++)
		if (!ec_u64_add(total, counts[c], &total) || total > SIZE_MAX)
			return ec_error_set(err, EC_ERR_OVERFLOW, "blobs: too many samples");
	st = ec_dataset_alloc(ds, (size_t)total, dim, classes, err);
	if (st != EC_OK)
		return st;
	for (c = 0; c < classes; c++) {
		for (i = 0; i < counts[c]; i++, row++) {
			for (j = 0; j < dim; j++)
				ds->x[row * dim + j] = centers[c * dim + j] + sigma * ec_rng_normal(rng);
			ds->y[row] = c;
		}
	}
	return EC_OK;
}

ec_status ec_dataset_take(const ec_dataset *src, const size_t *idx, size_t count,
			  ec_dataset *out, ec_error *err)
{
	size_t i;
	ec_status st;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < count; i++)
		if (idx[i] >= src->n)
			return ec_error_set(err, EC_ERR_RANGE,
					    "take: index %zu is not below %zu samples", idx[i], src->n);
	st = ec_dataset_alloc(out, count, src->dim, src->classes, err);
	if (st != EC_OK)
		return st;
	for (i = 0; i < count; i++) {
		memcpy(out->x + i * src->dim, src->x + idx[i] * src->dim,
		       src->dim * sizeof(double));
		out->y[i] = src->y[idx[i]];
	}
	return EC_OK;
}

ec_status ec_dataset_split(const ec_dataset *src, size_t n_first, ec_rng *rng,
			   ec_dataset *first, ec_dataset *second, ec_error *err)
{
	size_t *order, i;
	ec_status st;

	memset(first, 0, sizeof(*first));
	memset(second, 0, sizeof(*second));
	if (n_first > src->n)
		return ec_error_set(err, EC_ERR_RANGE,
				    "split: %zu samples requested from a set of %zu", n_first,
				    src->n);
	order = malloc((src->n ? src->n : 1) * sizeof(size_t));
	if (!order)
		return ec_error_set(err, EC_ERR_NOMEM, "split: out of memory");
	for (i = 0; i < src->n; i++)
		order[i] = i;
	if (rng) {
		for (i = src->n; i > 1; i--) {
			size_t k = (size_t)ec_rng_below(rng, i);
			size_t t = order[i - 1];

			order[i - 1] = order[k];
			order[k] = t;
		}
	}
	st = ec_dataset_take(src, order, n_first, first, err);
	if (st == EC_OK)
		st = ec_dataset_take(src, order + n_first, src->n - n_first, second, err);
	if (st != EC_OK) {
		ec_dataset_free(first);
		ec_dataset_free(second);
	}
	free(order);
	return st;
}

ec_status ec_feature_stats(const double *x, size_t n, size_t dim, double *mean,
			   double *std, ec_error *err)
{
	size_t i, j;

	if (n == 0 || dim == 0)
		return ec_error_set(err, EC_ERR_INVALID,
				    "feature statistics of %zu samples of %zu features are undefined",
				    n, dim);
	for (j = 0; j < dim; j++) {
		double sum = 0, sq = 0, m;

		for (i = 0; i < n; i++)
			sum += x[i * dim + j];
		m = sum / (double)n;
		for (i = 0; i < n; i++) {
			double d = x[i * dim + j] - m;

			sq += d * d;
		}
		mean[j] = m;
		std[j] = sqrt(sq / (double)n);
	}
	return EC_OK;
}

ec_status ec_feature_normalize(double *x, size_t n, size_t dim, const double *mean,
			       const double *std, ec_error *err)
{
	size_t i, j;

	for (j = 0; j < dim; j++)
		if (!(std[j] > 0) || !isfinite(std[j]))
			return ec_error_set(err, EC_ERR_INVALID,
					    "feature %zu: standard deviation %g is not positive", j,
					    std[j]);
	for (i = 0; i < n; i++)
		for (j = 0; j < dim; j++)
			x[i * dim + j] = (x[i * dim + j] - mean[j]) / std[j];
	return EC_OK;
}

static void swap(double *a, double *b)
{
	double t = *a;

	*a = *b;
	*b = t;
}

void ec_image_flip(const double *in, size_t height, size_t width, ec_flip how,
		   double *out)
{
	size_t r, c;

	if (in != out)
		memcpy(out, in, height * width * sizeof(double));
	if (how == EC_FLIP_H || how == EC_FLIP_HV)
		for (r = 0; r < height; r++)
			for (c = 0; c < width / 2; c++)
				swap(&out[r * width + c], &out[r * width + width - 1 - c]);
	if (how == EC_FLIP_V || how == EC_FLIP_HV)
		for (r = 0; r < height / 2; r++)
			for (c = 0; c < width; c++)
				swap(&out[r * width + c], &out[(height - 1 - r) * width + c]);
}

ec_status ec_dataset_flip(ec_dataset *ds, size_t height, size_t width, ec_flip how,
			  ec_error *err)
{
	size_t i;

	if (height == 0 || width == 0 || ds->dim / height != width ||
	    ds->dim % height != 0)
		return ec_error_set(err, EC_ERR_INVALID,
				    "flip: samples of %zu features are not %zux%zu images",
				    ds->dim, height, width);
	for (i = 0; i < ds->n; i++)
		ec_image_flip(ds->x + i * ds->dim, height, width, how, ds->x + i * ds->dim);
	return EC_OK;
}

/* Rows top to bottom, '#' = ink. */
static const char *const digit_glyphs[10][EC_DIGIT_HEIGHT] = {
	{".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."},
	{"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."},
	{".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"},
	{".###.", "#...#", "....#", "..##.", "....#", "#...#", ".###."},
	{"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."},
	{"#####", "#....", "####.", "....#", "....#", "#...#", ".###."},
	{"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."},
	{"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."},
	{".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."},
	{".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."},
};

ec_status ec_digit_image(int digit, double *out, ec_error *err)
{
	size_t r, c;

	if (digit < 0 || digit > 9)
		return ec_error_set(err, EC_ERR_RANGE, "digit %d is not in 0..9", digit);
	for (r = 0; r < EC_DIGIT_HEIGHT; r++)
		for (c = 0; c < EC_DIGIT_WIDTH; c++)
			out[r * EC_DIGIT_WIDTH + c] = digit_glyphs[digit][r][c] == '#' ? 1.0 : 0.0;
	return EC_OK;
}

ec_status ec_dataset_digits(ec_dataset *ds, size_t per_class, double ink, double sigma,
			    ec_rng *rng, ec_error *err)
{
	double glyph[EC_DIGIT_PIXELS];
	uint64_t n;
	size_t d, i, p, row = 0;
	ec_status st;

	memset(ds, 0, sizeof(*ds));
	if (!(ink >= 0 && ink <= 255))
		return ec_error_set(err, EC_ERR_INVALID, "digits: ink %g is not in [0, 255]", ink);
	if (!(sigma >= 0) || !isfinite(sigma))
		return ec_error_set(err, EC_ERR_INVALID,
				    "digits: sigma %g is not a finite non-negative number", sigma);
	if (!ec_u64_mul(per_class, EC_DIGIT_CLASSES, &n) || n > SIZE_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW, "digits: too many samples");
	st = ec_dataset_alloc(ds, (size_t)n, EC_DIGIT_PIXELS, EC_DIGIT_CLASSES, err);
	if (st != EC_OK)
		return st;
	for (d = 0; d < EC_DIGIT_CLASSES; d++) {
		ec_digit_image((int)d, glyph, NULL);
		for (i = 0; i < per_class; i++, row++) {
			for (p = 0; p < EC_DIGIT_PIXELS; p++) {
				double v = round(ink * glyph[p] + sigma * ec_rng_normal(rng));

				ds->x[row * EC_DIGIT_PIXELS + p] = v < 0 ? 0 : v > 255 ? 255 : v;
			}
			ds->y[row] = d;
		}
	}
	return EC_OK;
}
