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
	.q32_net = "INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; "
		   "POOL2; CONV3-32-p1-s2; FC-256; FC-10",
	/* Table 3: input and layer of each row. */
	.q323_rows =
		{
			"INPUT 3x64x64; CONV3-16-p1-s1",
			"INPUT 3x64x64; CONV5-32-p2-s1",
			"INPUT 3x8x64x64; CONV5-32-p2-s1",
		},
	.q33_figure = "",
	.q33_y11 = "x_21 and x_22 besides x_11 itself",
	.q33_z11 = "x_13 x_31 x_32",
};

