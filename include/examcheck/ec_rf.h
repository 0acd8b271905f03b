/*
 * ec_rf.h: receptive fields of stacked convolution and pooling layers, and
 * the convolutional form of fully-connected layers.
 */
#ifndef EC_RF_H
#define EC_RF_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_conv.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Receptive field of one output element along one axis, in input pixels.
 * The input itself has size 1, jump 1, first 0.
 */
typedef struct ec_rf {
	uint64_t size; /**< input pixels one output element depends on */
	uint64_t jump; /**< input pixels between neighbouring outputs (effective stride) */
	int64_t first; /**< input index of the first pixel seen by output 0; < 0 inside the padding */
} ec_rf;

/** The receptive field of the input: size 1, jump 1, first 0. */
ec_rf ec_rf_identity(void);

/**
 * Receptive field after one more layer with window `w` (the standard
 * recurrence, with dilation):
 *   size  = in.size + dilation (kernel - 1) in.jump
 *   jump  = in.jump stride
 *   first = in.first - pad in.jump
 * Fails with EC_ERR_INVALID for a zero kernel, stride or dilation and
 * EC_ERR_OVERFLOW when a value does not fit.
 */
ec_status ec_rf_step(const ec_rf *in, const ec_window *w, ec_rf *out, ec_error *err);

/**
 * Receptive fields after each of `n` layers: out[i] is the field of an
 * element of layer i's output with respect to the network's input.
 */
ec_status ec_rf_compute(const ec_window *w, size_t n, ec_rf *out, ec_error *err);

/**
 * Twice the input coordinate of the centre of output 0's receptive field,
 * 2 first + size - 1 (twice, so that half-pixel centres stay exact).
 */
ec_status ec_rf_start2(const ec_rf *rf, int64_t *twice, ec_error *err);

/** Area (or volume) of a field that is size[i] pixels along axis i: prod(size). */
ec_status ec_rf_area(size_t nspatial, const uint64_t *size, uint64_t *area, ec_error *err);

/** A fully-connected layer written as an equivalent convolution. */
typedef struct ec_fc_conv {
	size_t nspatial;                  /**< spatial axes of the layer's input */
	uint64_t kernel[EC_MAX_SPATIAL];  /**< filter size F per axis = the input's size */
	uint64_t depth;                   /**< filter depth = input channels */
	uint64_t filters;                 /**< number of filters = neurons */
	uint64_t weights;                 /**< kernel volume x depth x filters (as the FC layer) */
} ec_fc_conv;

/**
 * The convolution that computes exactly what a fully-connected layer with
 * `neurons` outputs computes on an input of `channels` x in_spatial[0] x
 * ...: one filter per neuron, each as large as the whole input (F = the
 * input's spatial size, stride 1, no padding), giving a 1 x ... x 1 x
 * neurons output. A flat input is 1 x 1 spatially, so F = 1.
 */
ec_status ec_fc_as_conv(size_t nspatial, const uint64_t *in_spatial, uint64_t channels,
			uint64_t neurons, ec_fc_conv *out, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
