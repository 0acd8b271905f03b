/*
 * ec_norm.h: batch normalisation and layer normalisation on data of shape
 * (N, H, W, C), their Jacobians, and least-squares fits of the affine
 * parameters (gamma, beta) that would undo a normalisation.
 *
 * Layout: x is row-major NHWC, element (n, h, w, c) at index
 * ((n * H + h) * W + w) * C + c; "sample n" is the contiguous block of
 * H*W*C elements starting at n*H*W*C.
 *
 * Batch norm normalises each channel c over the N*H*W elements (n, h, w, c);
 * layer norm normalises each sample n over its H*W*C elements. Both use
 * the biased variance (divide by the group size m) and
 * y = gamma[c] * (x - mean) / sqrt(var + eps) + beta[c], with gamma and
 * beta indexed by channel in both cases. gamma == NULL means all ones,
 * beta == NULL all zeros.
 */
#ifndef EC_NORM_H
#define EC_NORM_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which normalisation. */
typedef enum ec_norm_kind {
	EC_NORM_BATCH, /**< statistics per channel, over samples and positions */
	EC_NORM_LAYER  /**< statistics per sample, over positions and channels */
} ec_norm_kind;

/** A data shape (N, H, W, C); every dimension must be at least 1. */
typedef struct ec_norm_shape {
	size_t n, h, w, c;
} ec_norm_shape;

/** "batch" or "layer". */
const char *ec_norm_kind_name(ec_norm_kind kind);

/**
 * Number of elements N*H*W*C into *count. EC_ERR_INVALID when a dimension
 * is 0, EC_ERR_OVERFLOW when the product does not fit in size_t.
 */
ec_status ec_norm_shape_count(ec_norm_shape shape, size_t *count, ec_error *err);

/**
 * Normalise x into y (both of the shape's count) with the statistics of
 * `kind` computed from x itself (training-time batch norm; layer norm at
 * any time). eps must be finite and >= 0; EC_ERR_RANGE when a group has
 * zero variance and eps is 0.
 */
ec_status ec_norm_forward(ec_norm_kind kind, ec_norm_shape shape, const double *x,
			  const double *gamma, const double *beta, double eps,
			  double *y, ec_error *err);

/**
 * Per-channel batch statistics of x: mean[c] and biased variance var[c]
 * over the N*H*W elements of channel c (arrays of C values).
 */
ec_status ec_norm_batch_stats(ec_norm_shape shape, const double *x, double *mean,
			      double *var, ec_error *err);

/**
 * Test-time batch norm: normalise x into y with fixed per-channel mean and
 * var (e.g. running statistics), y = gamma*(x - mean)/sqrt(var + eps) + beta.
 * EC_ERR_RANGE when var[c] + eps is not positive.
 */
ec_status ec_norm_batch_apply(ec_norm_shape shape, const double *x, const double *mean,
			      const double *var, const double *gamma, const double *beta,
			      double eps, double *y, ec_error *err);

/**
 * The per-channel parameters that invert test-time batch norm with fixed
 * statistics: gamma[c] = sqrt(var[c] + eps), beta[c] = mean[c] (C values).
 * EC_ERR_RANGE when var[c] + eps is not positive.
 */
ec_status ec_norm_batch_inverse(size_t channels, const double *mean, const double *var,
				double eps, double *gamma, double *beta, ec_error *err);

/**
 * The full Jacobian of ec_norm_forward() at x, analytically:
 * J[k * T + l] = dy_k / dx_l with T = N*H*W*C (J holds T*T doubles).
 * For k, l in the same statistics group of size m (with xh = normalised x,
 * s = sqrt(var + eps)): gamma[c(k)] / s * ([k == l] - 1/m - xh_k xh_l / m);
 * 0 for k, l in different groups. Beta does not enter.
 * EC_ERR_OVERFLOW when T*T does not fit.
 */
ec_status ec_norm_jacobian(ec_norm_kind kind, ec_norm_shape shape, const double *x,
			   const double *gamma, double eps, double *J, ec_error *err);

/**
 * The same Jacobian by central finite differences with step h > 0:
 * J[k * T + l] = (y_k(x + h e_l) - y_k(x - h e_l)) / (2h). Independent of
 * the analytic formula; costs 2T forward passes.
 */
ec_status ec_norm_jacobian_fd(ec_norm_kind kind, ec_norm_shape shape, const double *x,
			      const double *gamma, const double *beta, double eps,
			      double h, double *J, ec_error *err);

/**
 * Count the entries of the block dy_i / dx_j of a Jacobian J (layout as in
 * ec_norm_jacobian()) whose magnitude exceeds tol >= 0. The block has
 * (H*W*C)^2 entries: rows are the elements of output sample i, columns
 * those of input sample j. EC_ERR_RANGE when i or j >= N.
 */
ec_status ec_norm_block_nonzeros(ec_norm_shape shape, const double *J, size_t i,
				 size_t j, double tol, uint64_t *count, ec_error *err);

/**
 * The number of entries of the block dy_i / dx_j that the analytic
 * Jacobian makes nonzero for generic input and eps > 0: batch norm
 * H^2 W^2 C (pairs of positions within one channel), for any i, j; layer
 * norm (H W C)^2 when i == j and 0 when i != j; 0 when a statistics group
 * has a single element (its output is the constant beta). EC_ERR_OVERFLOW
 * when the count does not fit in 64 bits.
 */
ec_status ec_norm_block_nonzeros_formula(ec_norm_kind kind, ec_norm_shape shape,
					 size_t i, size_t j, uint64_t *count,
					 ec_error *err);

/**
 * (H*W)^hw_power * C^c_power into *out, e.g. (2, 1) gives H^2 W^2 C.
 * EC_ERR_OVERFLOW when it does not fit in 64 bits.
 */
ec_status ec_norm_monomial(ec_norm_shape shape, unsigned hw_power, unsigned c_power,
			   uint64_t *out, ec_error *err);

/**
 * Least-squares fit, per channel c, of gamma[c] and beta[c] minimising
 * sum over (n, h, w) of (gamma[c] * y + beta[c] - x)^2: the affine map that
 * best recovers the original x from a normalised y. A channel where y is
 * constant gets gamma 0 and beta = mean of x. *rms receives the root mean
 * square of the remaining error over all elements (0 means exactly undone).
 */
ec_status ec_norm_fit_affine(ec_norm_shape shape, const double *y, const double *x,
			     double *gamma, double *beta, double *rms, ec_error *err);

/**
 * Root mean square of gamma[c] * y + beta[c] - x over all elements: how far
 * given per-channel parameters are from undoing a normalisation.
 */
ec_status ec_norm_affine_residual(ec_norm_shape shape, const double *y, const double *x,
				  const double *gamma, const double *beta, double *rms,
				  ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
