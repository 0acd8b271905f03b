/*
 * ec_dataset.h: small deterministic data sets for demonstrations: a seeded
 * generator, labelled point clouds, 5x7 digit bitmaps, image flips,
 * train/test splits and per-feature mean/std statistics.
 */
#ifndef EC_DATASET_H
#define EC_DATASET_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A seeded xorshift64* generator. Same seed, same sequence, on every platform. */
typedef struct ec_rng {
	uint64_t state;
} ec_rng;

/** Seed a generator. Seed 0 is allowed (it is mapped to a fixed non-zero state). */
void ec_rng_seed(ec_rng *rng, uint64_t seed);

/** The next 64 random bits. */
uint64_t ec_rng_u64(ec_rng *rng);

/** A uniform double in [0, 1), with 53 random bits. */
double ec_rng_uniform(ec_rng *rng);

/** A uniform integer in [0, n) without modulo bias; 0 when n is 0. */
uint64_t ec_rng_below(ec_rng *rng, uint64_t n);

/** A standard normal deviate (Box-Muller, one value per call). */
double ec_rng_normal(ec_rng *rng);

/**
 * A labelled data set: n samples of `dim` features stored row-major in x
 * (sample i is x[i*dim .. i*dim+dim-1]) and labels y[i] in [0, classes).
 * Zero-initialise, fill with ec_dataset_alloc() or a generator, release with
 * ec_dataset_free().
 */
typedef struct ec_dataset {
	size_t n;
	size_t dim;
	size_t classes;
	double *x;
	size_t *y;
} ec_dataset;

/**
 * Allocate room for n samples of `dim` features (all zero, labels 0).
 * EC_ERR_INVALID when dim or classes is 0, EC_ERR_OVERFLOW when n*dim does
 * not fit, EC_ERR_NOMEM when memory runs out. n may be 0.
 */
ec_status ec_dataset_alloc(ec_dataset *ds, size_t n, size_t dim, size_t classes,
			   ec_error *err);

/** Release a data set's memory and zero it. Safe on a zeroed data set. */
void ec_dataset_free(ec_dataset *ds);

/**
 * Check that every label is below ds->classes and every feature is finite.
 * EC_ERR_RANGE names the first bad sample, e.g. "sample 3: label 5 is not
 * below 3 classes".
 */
ec_status ec_dataset_check(const ec_dataset *ds, ec_error *err);

/**
 * Gaussian blobs: counts[c] samples of class c drawn around centers[c*dim ..]
 * with independent N(0, sigma^2) noise per feature, in class order (all of
 * class 0 first). Unequal counts give an imbalanced set. EC_ERR_INVALID when
 * classes or dim is 0 or sigma is negative or not finite.
 */
ec_status ec_dataset_blobs(ec_dataset *ds, size_t classes, size_t dim,
			   const double *centers, const size_t *counts, double sigma,
			   ec_rng *rng, ec_error *err);

/**
 * A copy of the samples idx[0..count-1] of `src`, in that order, into `out`
 * (allocated here). EC_ERR_RANGE when an index is not below src->n.
 */
ec_status ec_dataset_take(const ec_dataset *src, const size_t *idx, size_t count,
			  ec_dataset *out, ec_error *err);

/**
 * Split `src` into its first n_first samples (`first`) and the rest
 * (`second`), after a Fisher-Yates shuffle driven by `rng` (no shuffle when
 * rng is NULL). EC_ERR_RANGE when n_first > src->n.
 */
ec_status ec_dataset_split(const ec_dataset *src, size_t n_first, ec_rng *rng,
			   ec_dataset *first, ec_dataset *second, ec_error *err);

/**
 * Per-feature mean and population standard deviation (divide by n) of the n
 * rows of x (row-major, `dim` features each) into mean[dim] and std[dim].
 * EC_ERR_INVALID when n or dim is 0.
 */
ec_status ec_feature_stats(const double *x, size_t n, size_t dim, double *mean,
			   double *std, ec_error *err);

/**
 * Normalise the n rows of x in place: x = (x - mean[j]) / std[j] for feature
 * j. EC_ERR_INVALID (naming the feature) when a std is not positive.
 */
ec_status ec_feature_normalize(double *x, size_t n, size_t dim, const double *mean,
			       const double *std, ec_error *err);

/** Which way to flip an image. */
typedef enum ec_flip {
	EC_FLIP_H,  /**< horizontal: mirror left-right (column c -> width-1-c) */
	EC_FLIP_V,  /**< vertical: upside down (row r -> height-1-r) */
	EC_FLIP_HV  /**< both, i.e. a 180-degree rotation */
} ec_flip;

/**
 * Flip a single-channel height x width image stored row-major. `in` and
 * `out` may be the same array (in-place flip); otherwise they must not
 * overlap. Flipping twice the same way gives the original image back.
 */
void ec_image_flip(const double *in, size_t height, size_t width, ec_flip how,
		   double *out);

/**
 * Flip every sample of a data set whose samples are height x width images.
 * EC_ERR_INVALID when ds->dim != height*width.
 */
ec_status ec_dataset_flip(ec_dataset *ds, size_t height, size_t width, ec_flip how,
			  ec_error *err);

#define EC_DIGIT_WIDTH 5
#define EC_DIGIT_HEIGHT 7
#define EC_DIGIT_PIXELS (EC_DIGIT_WIDTH * EC_DIGIT_HEIGHT)
/** Digit classes 0-9: the labels of ec_dataset_digits(). */
#define EC_DIGIT_CLASSES 10

/**
 * The 5x7 bitmap of a decimal digit, row-major, 1.0 for ink and 0.0 for
 * paper, into out[EC_DIGIT_PIXELS]. The glyphs are drawn so that 0 and 8
 * are symmetric both ways, 3 is symmetric upside down, and 9 is 6 rotated by
 * 180 degrees. EC_ERR_RANGE when digit is not in 0..9.
 */
ec_status ec_digit_image(int digit, double *out, ec_error *err);

/**
 * Noisy digit images: per_class samples of each digit 0..9 (class order),
 * pixel = clamp(round(ink * bitmap + sigma * N(0,1)), 0, 255). Pixels are
 * integers, so L1 and squared-L2 distances between them are exact.
 * EC_ERR_INVALID when ink is outside [0, 255] or sigma is negative.
 */
ec_status ec_dataset_digits(ec_dataset *ds, size_t per_class, double ink, double sigma,
			    ec_rng *rng, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
