/*
 * params.h: the numbers of the exam's computational questions (2.5, 2.7,
 * 2.8, 3.1.1, 3.1.2, 3.2, 3.3) as data. The answer modules read them
 * from here instead of keeping them as constants, so that the same code
 * answers the original exam (ec_exam_original) and any variant of it
 * (ec_variant_draw()). Everything else of an answer (prose, rules,
 * readings) stays in its module.
 */
#ifndef EC_PARAMS_H
#define EC_PARAMS_H

#include <stddef.h>
#include <stdint.h>

#include "examcheck/ec_optim.h"

/** Options of 2.5 (runs of gradient descent), 2.7 and 2.8 (A-F). */
#define EC_Q25_RUNS 4
#define EC_Q27_OPTIONS 5
#define EC_Q28_OPTIONS 6
/** Layers of 2.8's net. */
#define EC_Q28_LAYERS 5

/** 2.5: one option, a run of gradient descent on |x| or x^2. */
typedef struct ec_q25_run {
	char letter;
	const char *loss;          /**< "|x|" or "x^2" */
	ec_deriv_fn value, deriv;  /**< the loss and its (sub)gradient, from ec_optim.h */
	double x0, step;
} ec_q25_run;

/** 2.7: one option, a pair of filter widths (hidden layer, output layer). */
typedef struct ec_q27_option {
	char letter;
	uint64_t f_hidden, f_output;
} ec_q27_option;

/** 2.8: what an option claims about the receptive fields. */
typedef enum ec_q28_claim {
	EC_Q28_SIDE_IS,    /**< the field of `layer` is value x value */
	EC_Q28_AREA_TIMES, /**< the area at `layer` is value times the area at `other` */
	EC_Q28_NONE_ABOVE  /**< none of the options above holds */
} ec_q28_claim;

/** 2.8: one option. Layers are 1-based: layer (i) is 1. */
typedef struct ec_q28_option {
	char letter;
	ec_q28_claim claim;
	size_t layer, other;
	uint64_t value; /**< side length, or area ratio */
} ec_q28_option;

/** Most options a multiple-choice question has, and most such questions. */
#define EC_OPTIONS_MAX 8
#define EC_MC_MAX 12

/** The order in which an exam shows the options of one multiple-choice question. */
typedef struct ec_option_order {
	const char *id;                     /**< the question: "2.1" */
	size_t n;                           /**< its options */
	unsigned char shown[EC_OPTIONS_MAX]; /**< shown[pos]: the option (0 its first as
						 written) shown at position pos, lettered 'A' + pos */
} ec_option_order;

/** The numbers of one exam. */
typedef struct ec_exam_params {
	uint64_t seed; /**< the variant's seed; 0 for the original exam */

	/** The order of the options of each multiple-choice question (the identity for seed 0). */
	ec_option_order orders[EC_MC_MAX];
	size_t norders;

	/** 2.5: the four runs (loss, x0, step), options A-D. */
	ec_q25_run q25_runs[EC_Q25_RUNS];

	/** 2.7: the volume H x W x C, the hidden and output widths, the options. */
	uint64_t q27_spatial[2];
	uint64_t q27_channels, q27_hidden, q27_classes;
	ec_q27_option q27_options[EC_Q27_OPTIONS];

	/** 2.8: five layers in the notation of 'examcheck rf', and options A-F. */
	char q28_net[128];
	ec_q28_option q28_options[EC_Q28_OPTIONS];

	/** 3.1.1: a graph file (ec_expr_file_load()); "" reads data/q3.1.1.graph. */
	char q311_graph[1024];

	/** 3.1.2: X (4x4) and K (3x3) row-major; the marked entry, 0-based. */
	double q312_x[16], q312_k[9];
	size_t q312_row, q312_col;

	/** 3.2: the network of 3.2.1 and 3.2.2, and Table 3's rows (input; layer). */
	char q32_net[256];
	char q323_rows[3][96];

	/** 3.3: a figure file (ec_sg_parse()); "" reads data/q3.3.figure. */
	char q33_figure[4096];
	/** 3.3: what the text says y_11 and z_11 are influenced by, as the answer quotes it. */
	char q33_y11[96], q33_z11[96];
} ec_exam_params;

/** The original exam's numbers (params.c, until every module draws its own). */
extern const ec_exam_params ec_exam_original;

#endif
