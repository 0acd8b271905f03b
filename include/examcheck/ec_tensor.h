/*
 * ec_tensor.h: single-channel 2D cross-correlation and pooling, forward and
 * backward (gradient with respect to the input), on caller-owned buffers.
 */
#ifndef EC_TENSOR_H
#define EC_TENSOR_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_xorshift.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A rows x cols matrix of doubles stored row-major in v (not owned). */
typedef struct ec_mat {
	size_t rows;
	size_t cols;
	double *v;
} ec_mat;

/** Element (r, c) of m. */
#define EC_AT(m, r, c) ((m)->v[(r) * (m)->cols + (c)])

/**
 * 2D cross-correlation as deep-learning libraries compute "convolution"
 * (the kernel is not flipped):
 *   y(i, j) = sum_{a,b} xp(i stride + a, j stride + b) k(a, b),
 * where xp is x with `pad` zeros on every side. y must already have the
 * output shape (ec_conv_output_size() per axis; pad 0 = "valid"), else
 * EC_ERR_RANGE. Empty matrices or stride 0 give EC_ERR_INVALID.
 */
ec_status ec_xcorr2d(const ec_mat *x, const ec_mat *k, size_t pad, size_t stride,
		     ec_mat *y, ec_error *err);

/**
 * Gradient of a scalar loss with respect to x through ec_xcorr2d(), given
 * dy = dL/dy: dx(p, q) = sum over (i, j, a, b) with i stride + a - pad = p
 * and j stride + b - pad = q of dy(i, j) k(a, b). dx has x's shape.
 */
ec_status ec_xcorr2d_backward(const ec_mat *dy, const ec_mat *k, size_t pad,
			      size_t stride, ec_mat *dx, ec_error *err);

/** The kernel rotated by 180 degrees (true convolution = cross-correlation with it). */
ec_status ec_mat_rot180(const ec_mat *k, ec_mat *out, ec_error *err);

/**
 * Max pooling with a size x size window and the given stride, no padding:
 * y(i, j) = max of the window at (i stride, j stride). When `argmax` is not
 * NULL, argmax[i * y->cols + j] is the row-major index into x of the
 * winner. Ties: the first maximum in row-major order within the window wins
 * (it alone receives the gradient). y must have the output shape.
 */
ec_status ec_maxpool2d(const ec_mat *x, size_t size, size_t stride, ec_mat *y,
		       size_t *argmax, ec_error *err);

/**
 * Gradient through ec_maxpool2d(): each dy(i, j) is added to dx at its
 * window's winner (ties as above); every other entry of dx gets 0 from
 * that window. x is the forward input; dx has its shape.
 */
ec_status ec_maxpool2d_backward(const ec_mat *x, size_t size, size_t stride,
				const ec_mat *dy, ec_mat *dx, ec_error *err);

/** Average pooling, size x size window, given stride, no padding. */
ec_status ec_avgpool2d(const ec_mat *x, size_t size, size_t stride, ec_mat *y,
		       ec_error *err);

/**
 * Gradient through ec_avgpool2d(): each dy(i, j) / (size * size) is added
 * to every entry of its window of dx (dx has the forward input's shape).
 */
ec_status ec_avgpool2d_backward(const ec_mat *dy, size_t size, size_t stride,
				ec_mat *dx, ec_error *err);

/** Fill m with integers lo..hi (inclusive, lo <= hi) drawn from the generator g. */
ec_status ec_mat_fill_ints(ec_mat *m, ec_xorshift *g, int lo, int hi, ec_error *err);

/** Number of entries of m that are exactly 0. */
size_t ec_mat_count_zeros(const ec_mat *m);

#ifdef __cplusplus
}
#endif

#endif
