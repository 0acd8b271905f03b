/*
 * ec_conv.h: sizes, parameter counts and multiplication counts of
 * convolution, pooling, fully-connected and batch-norm layers, in 1, 2 or
 * 3 spatial dimensions. All counts are uint64_t; a count that does not fit
 * is reported as EC_ERR_OVERFLOW, never wrapped.
 */
#ifndef EC_CONV_H
#define EC_CONV_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most spatial dimensions a layer may have (1D, 2D or 3D). */
#define EC_MAX_SPATIAL 3

/** A sliding window along one spatial axis (a conv kernel or a pooling window). */
typedef struct ec_window {
	uint64_t kernel;   /**< taps along the axis, >= 1 */
	uint64_t stride;   /**< step between windows, >= 1 */
	uint64_t pad;      /**< zeros added at each end of the axis */
	uint64_t dilation; /**< spacing between taps, >= 1 (1 = contiguous) */
} ec_window;

/**
 * Output length along one axis of a convolution or pooling window over an
 * input of length `in`:
 *   out = floor((in + 2 pad - dilation (kernel - 1) - 1) / stride) + 1.
 * Fails with EC_ERR_INVALID when in, kernel, stride or dilation is 0,
 * EC_ERR_RANGE when the dilated window is longer than the padded input
 * (message "window K is larger than input N" or "... padded input N"),
 * EC_ERR_OVERFLOW when an intermediate does not fit in 64 bits.
 */
ec_status ec_conv_output_size(uint64_t in, const ec_window *w, uint64_t *out,
			      ec_error *err);

/**
 * ec_conv_output_size() on each of `nspatial` (1..EC_MAX_SPATIAL) axes:
 * out[i] is the output length for in[i] and window w[i].
 */
ec_status ec_conv_output_shape(size_t nspatial, const uint64_t *in,
			       const ec_window *w, uint64_t *out, ec_error *err);

/**
 * Weights of a convolution with `c_out` filters, each spanning all `c_in`
 * input channels and kernel[0] x ... x kernel[nspatial-1] taps:
 * c_out * c_in * prod(kernel). Groups are not modelled.
 */
ec_status ec_conv_weight_count(uint64_t c_in, uint64_t c_out, size_t nspatial,
			       const uint64_t *kernel, uint64_t *out, ec_error *err);

/** Biases of a convolution with `c_out` filters: one per filter. */
uint64_t ec_conv_bias_count(uint64_t c_out);

/** Weights of a fully-connected layer: n_in * n_out. */
ec_status ec_fc_weight_count(uint64_t n_in, uint64_t n_out, uint64_t *out,
			     ec_error *err);

/** Biases of a fully-connected layer: one per output neuron. */
uint64_t ec_fc_bias_count(uint64_t n_out);

/**
 * Parameters of a batch norm over `channels` channels (the spatial and
 * temporal axes and the batch are normalised together, one statistic per
 * channel). *learned = 2 * channels (a scale gamma and a shift beta per
 * channel); *running = 2 * channels (the running mean and variance kept
 * for test time, which are buffers, not learned). Either pointer may be NULL.
 */
ec_status ec_bn_param_count(uint64_t channels, uint64_t *learned,
			    uint64_t *running, ec_error *err);

/**
 * Learned parameters of a max or average pooling window of any size: 0.
 * A pooling window only selects or averages; it has nothing to learn.
 */
uint64_t ec_pool_param_count(size_t nspatial, const uint64_t *window);

/**
 * Multiplications of a convolution, counted as multiply-accumulates (MACs):
 * one per kernel tap per input channel per output element,
 *   prod(out_spatial) * c_out * c_in * prod(kernel).
 * Conventions: bias additions excluded; batch of 1; taps that fall on
 * padding zeros are counted, as a matrix multiplication over im2col columns
 * would; no FFT or Winograd savings.
 */
ec_status ec_conv_macs(uint64_t c_in, uint64_t c_out, size_t nspatial,
		       const uint64_t *kernel, const uint64_t *out_spatial,
		       uint64_t *macs, ec_error *err);

/** Multiplications (MACs) of a fully-connected layer, batch 1: n_in * n_out. */
ec_status ec_fc_macs(uint64_t n_in, uint64_t n_out, uint64_t *macs, ec_error *err);

/** Floating-point operations of `macs` multiply-accumulates: 2 * macs. */
ec_status ec_flops_from_macs(uint64_t macs, uint64_t *flops, ec_error *err);

/** Product of n values into *out; EC_ERR_OVERFLOW when it does not fit. */
ec_status ec_u64_product(size_t n, const uint64_t *v, uint64_t *out, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
