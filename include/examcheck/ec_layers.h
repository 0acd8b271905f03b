/*
 * ec_layers.h: layer lists written in the exam's notation, and what each
 * layer of such a list produces: activation shape, weights, biases,
 * batch-norm parameters, multiplications and receptive field.
 *
 * Notation (keywords are case-insensitive; layers are separated by
 * whitespace, ';' or ','; layer N is the N-th item of the list, INPUT
 * included):
 *
 *   INPUT CxS1[xS2[xS3]]   channels then 1 to 3 spatial sizes:
 *                          "INPUT 3x64x64" (image), "INPUT 3x8x64x64" (video);
 *                          'x', 'X' or the sign U+00D7 ("3×64×64") between sizes
 *   CONV<k>[-<n>][-p<p>][-s<s>][-d<d>]
 *                          n filters of k x ... x k (one k per spatial axis),
 *                          padding p (default 0), stride s (default 1),
 *                          dilation d (default 1): "CONV5-16-p2-s1"
 *   POOL<k>[-s<s>][-p<p>]  k x ... x k max pooling, stride s (default k),
 *                          padding p (default 0): "POOL2"
 *   FC-<n> or FC<n>        fully connected, n neurons: "FC-256"
 *
 * The '-' before an attribute is optional, which gives short forms:
 * "conv3s2" = CONV3-s2, "conv3-16p1" = CONV3-16-p1, "pool2s2" = POOL2-s2,
 * "conv3d2" = CONV3-d2 (dilation 2). A convolution needs its filter count
 * only where channels matter (ec_layers_walk()), not for receptive fields.
 */
#ifndef EC_LAYERS_H
#define EC_LAYERS_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_rf.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kind of a layer. */
typedef enum ec_layer_type {
	EC_LAYER_INPUT, /**< the network's input shape */
	EC_LAYER_CONV,  /**< convolution (with bias) */
	EC_LAYER_POOL,  /**< max pooling */
	EC_LAYER_FC     /**< fully connected (with bias), flattens its input */
} ec_layer_type;

/** One parsed layer. */
typedef struct ec_layer {
	ec_layer_type type;
	char name[48];     /**< as written, e.g. "CONV5-16-p2-s1"; "..." ends a long one */
	uint64_t count;    /**< conv: filters (0 = not given); fc: neurons */
	ec_window window;  /**< conv and pool: the window, the same on every spatial axis */
	size_t rank;       /**< input: 1 + number of spatial axes */
	uint64_t dims[1 + EC_MAX_SPATIAL]; /**< input: channels, then spatial sizes */
} ec_layer;

/** A parsed layer list. Free with ec_layers_free(). */
typedef struct ec_layer_list {
	ec_layer *layers;
	size_t count;
} ec_layer_list;

/**
 * Parse a layer list in the notation above. On failure nothing is
 * allocated and err names the layer: "layer 2 ('CONV0-16'): kernel size 0
 * is not positive". Fails with EC_ERR_PARSE for text that is not a layer,
 * EC_ERR_INVALID for a zero size, count, stride or dilation,
 * EC_ERR_OVERFLOW for a number beyond 64 bits, EC_ERR_NOMEM.
 */
ec_status ec_layers_parse(const char *spec, ec_layer_list *list, ec_error *err);

/** Release a list filled by ec_layers_parse() and empty it. */
void ec_layers_free(ec_layer_list *list);

/** What one layer produces (batch of 1). */
typedef struct ec_layer_stats {
	size_t rank;       /**< entries of dims: 1 + spatial axes, or 1 after FC */
	uint64_t dims[1 + EC_MAX_SPATIAL]; /**< channels then spatial sizes; neurons after FC */
	uint64_t elements; /**< product of dims */
	uint64_t weights;  /**< learned weights (0 for INPUT and pooling) */
	uint64_t biases;   /**< learned biases (0 for INPUT and pooling) */
	uint64_t bn_params; /**< learned gamma and beta of a batch norm placed after
			       this layer when it is a convolution (2 x filters), else 0 */
	uint64_t macs;     /**< multiplications, see ec_conv_macs(); 0 for INPUT and pooling */
	uint64_t flops;    /**< 2 x macs */
} ec_layer_stats;

/**
 * Walk a list that starts with INPUT, filling stats[i] (list->count
 * entries) for each layer. A conv or pool window applies on every spatial
 * axis; an FC layer flattens its input. Fails, naming the layer ("layer 3
 * ('POOL2'): pooling window 2 is larger than input 1"), with
 * EC_ERR_INVALID for a list without a leading INPUT, a later INPUT, a
 * convolution without a filter count, or a conv or pool after an FC layer;
 * EC_ERR_RANGE for a window larger than its (padded) input;
 * EC_ERR_OVERFLOW for a count beyond 64 bits.
 */
ec_status ec_layers_walk(const ec_layer_list *list, ec_layer_stats *stats, ec_error *err);

/**
 * Column sums of stats[0..n-1] into *total: weights, biases, bn_params,
 * macs and flops (the shape fields are left 0). EC_ERR_OVERFLOW when a sum
 * does not fit.
 */
ec_status ec_layers_totals(const ec_layer_stats *stats, size_t n, ec_layer_stats *total,
			   ec_error *err);

/** The receptive field after one layer. */
typedef struct ec_layer_rf {
	size_t nspatial;                  /**< spatial axes */
	ec_window window[EC_MAX_SPATIAL]; /**< the layer's window per axis (all 0 for INPUT);
					     an FC layer's is its convolutional form:
					     kernel = its input's size, stride 1 */
	ec_rf rf[EC_MAX_SPATIAL];         /**< receptive field per axis */
} ec_layer_rf;

/**
 * Receptive fields of every layer of a list, out[i] for layer i
 * (list->count entries). With a leading INPUT, its spatial axes are used
 * and window sizes are checked against the activation sizes; without one,
 * two spatial axes of unknown size are assumed, and an FC layer is an
 * error (its filter size F is the size of its input). Errors name the
 * layer as ec_layers_walk() does.
 */
ec_status ec_layers_rf(const ec_layer_list *list, ec_layer_rf *out, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
