/*
 * params.c: the original exam's numbers, as the question sheet gives them
 * (3.1.1's graph and 3.3's figure are the data files of data/).
 */
#include "params.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ec_exam_params ec_exam_original = {
	.seed = 0,
	.q311_graph = "",
	.q33_figure = "",
	.q33_y11 = "x_21 and x_22 besides x_11 itself",
	.q33_z11 = "x_13 x_31 x_32",
};

