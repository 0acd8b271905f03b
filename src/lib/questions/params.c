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
	.q312_x =
		{
			4, 6, 3, 4, /* */
			1, 7, 3, 4, /* */
			5, 8, 4, 4, /* */
			2, 7, 4, 4,
		},
	.q312_k =
		{
			0,     -0.25, 0,     /* */
			-0.25, 1,     -0.25, /* */
			0,     -0.25, 0,
		},
	/* The underlined entry (value 1): row 1, column 0, counting from 0. */
	.q312_row = 1,
	.q312_col = 0,
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

