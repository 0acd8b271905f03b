/*
 * exam_text.c: the question sheet of an exam (the original or a variant)
 * in the project's own words, and each question's numbers as JSON. The
 * conceptual questions are the same in every variant; the computational
 * ones are written from the exam's parameters (params.h), with the data
 * the answers read (layer lists, graph and figure files) parsed by the
 * library, so that the sheet shows what the answers answer.
 */
#include "answers.h"
#include "variant.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_expr.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_spatial_graph.h"
#include "examcheck/ec_writer.h"

/* Questions whose text does not depend on the exam's numbers. */
static const struct {
	const char *id;
	const char *text;
} fixed[] = {
	{"1", "Mark each statement True or False, or leave it blank. A right mark earns 2\n"
	      "points, a wrong one costs 1 point (so guessing does not pay), a blank earns\n"
	      "nothing. No explanation is needed.\n"},
	{"2", "Mark every option that applies: one or more. Each question is worth 4\n"
	      "points, earned by marking the right options and no others. Where a question\n"
	      "has several right options, each wrong or missing mark costs 2 points, down\n"
	      "to 0. No explanation is needed.\n"},
	{"2.1", "A k-nearest-neighbour classifier with L1 distance labels images. Which change\n"
		"would NOT change its accuracy?\n\n"
		"- A: a larger training set\n"
		"- B: a larger k\n"
		"- C: L2 distance instead of L1\n"
		"- D: every training and test image flipped horizontally\n"
		"- E: each of the changes above changes the accuracy\n"},
	{"2.2", "The multiclass hinge loss L_i of example i is the sum, over the classes j\n"
		"other than its label y_i, of max(0, s_j - s_(y_i) + delta), where s_j is the\n"
		"score of class j and the margin delta is at least 0. Which statements hold?\n\n"
		"- A: as long as every example has L_i = 0, a larger margin leaves L_i as it is\n"
		"- B: the bias b in the scores has no effect on L_i\n"
		"- C: the more classes there are, the larger the hinge loss\n"
		"- D: none of these\n"},
	{"2.3", "With n examples in the data set, what does predicting one test example cost\n"
		"with kNN and with a linear SVM, in that order?\n\n"
		"- A: O(1), O(1)\n"
		"- B: O(log n), O(1)\n"
		"- C: O(n), O(n)\n"
		"- D: O(1), O(n)\n"
		"- E: O(n), O(1)\n"},
	{"2.4", "A normalisation layer maps inputs x_1, ..., x_N to outputs y_1, ..., y_N,\n"
		"each of shape (H, W, C): height, width, channels; N is the batch size. For\n"
		"i != j, how many entries of the Jacobian dy_i / dx_j can be nonzero?\n\n"
		"- A: batch normalisation: up to C\n"
		"- B: batch normalisation: up to H^2 W^2 C\n"
		"- C: batch normalisation: up to H^2 W^2 C^2\n"
		"- D: layer normalisation: up to C\n"
		"- E: layer normalisation: up to H^2 W^2 C\n"
		"- F: layer normalisation: up to H^2 W^2 C^2\n"},
	{"2.6", "The p-norm of a vector x with k entries is L_p(x) = (sum of |x_i|^p)^(1/p):\n"
		"L_1 is the sum of the |x_i|, L_2 the Euclidean length, L_0.5 the square of\n"
		"the sum of the sqrt(|x_i|), and L_inf the largest |x_i|. With p = 1 and\n"
		"p = 2, L_p(x)^p is the L1 and the L2 regulariser. What is right about\n"
		"choosing a regulariser?\n\n"
		"- A: L1 is always better than L2\n"
		"- B: L2 is always better than L1\n"
		"- C: each has its strengths; one may pick by trying both\n"
		"- D: L_p(x)^p is a good regulariser whatever p is\n"},
	{"2.9", "Which statements about pooling layers hold?\n\n"
		"- A: the gradient with respect to some of its inputs is always zero\n"
		"- B: a 2 x 2 pooling layer has 4 parameters\n"
		"- C: pooling keeps the depth (channels) of its input\n"
		"- D: pooling keeps the height and width of its input\n"},
	{"2.10", "Which statements about recurrent neural networks hold?\n\n"
		 "- A: exploding gradients can get in the way of training them\n"
		 "- B: unlike plain feed-forward networks, they can learn from sequences of\n"
		 "  different lengths\n"
		 "- C: gradient clipping can help an RNN that suffers from vanishing gradients\n"
		 "- D: none of these\n"},
	{"3", "Write each answer in the space given for it.\n"},
	{"3.1", "Two questions on backpropagation through small graphs.\n"},
	{"3.2.2", "Spatiotemporal batch normalisation works on batches of shape\n"
		  "N x C x T x H x W and normalises over N, T, H and W. One such layer is\n"
		  "added after each convolution of the network. How many parameters does each\n"
		  "of them add?\n\n"},
	{"3.3.1", "Compute the activation at the dotted location: the filter W over the\n"
		  "image X, ignoring the mask and the edges.\n"},
	{"3.3.2", "Compute it again, this time over the connected nodes only, with the mask\n"
		  "M_ij.\n"},
	{"3.3.3", "What is the mask M_ij when the dotted box moves one pixel to the left?\n"},
	{"3.3.4", "What does a 1 at the centre of M_ij mean?\n"},
	{"3.3.5", "Is this feature extraction translation-invariant in image space X, as a 2D\n"
		  "convolution is? Say why or why not.\n"},
	{"3.3.6", "The extraction is translation-invariant within the space of spatial graphs,\n"
		  "but it still depends on where a connected node lies relative to the centre\n"
		  "node x_ij: to its right, left, above or below. How would you set the weights\n"
		  "of W to remove that dependence?\n"},
};

/* A power-of-two fraction as the exam writes it: "2", "-1/4". */
static void fraction(double v, char *buf, size_t size)
{
	int den;

	for (den = 1; den <= 64; den *= 2) {
		double num = v * den;

		if (num == floor(num)) {
			if (den == 1)
				snprintf(buf, size, "%.0f", num);
			else
				snprintf(buf, size, "%.0f/%d", num, den);
			return;
		}
	}
	ec_expr_format_number(v, buf, size);
}

static int nomem(ec_error *err)
{
	ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	return -1;
}

/* The graph file and figure file of an exam: its own, or the built-in data's. */
static int data_text(const char *given, const char *name, char **text, ec_error *err)
{
	const char *origin;
	size_t n = strlen(given);

	if (n == 0)
		return ec_data_lookup(name, text, &origin, err);
	if (!(*text = malloc(n + 1)))
		return nomem(err);
	memcpy(*text, given, n + 1);
	return 0;
}

/* Append `text` with every line indented by four spaces (a block). */
static void indented(ec_buf *b, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		ec_buf_appendf(b, n ? "    %.*s\n" : "\n", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static const char *const roman[] = {"i", "ii", "iii", "iv", "v"};

/* ---- multiple choice with numbers ---- */

static int text_2_5(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	size_t r;

	(void)err;
	ec_buf_append(b, "Gradient descent minimises a loss L with the update\n"
			 "x_new = x_old - step * L'(x_old). For which of these runs, a loss with a\n"
			 "starting point x0 and a step size, does it converge? Mark all that do.\n\n");
	for (r = 0; r < EC_Q25_RUNS; r++)
		ec_buf_appendf(b, "- %c: L(x) = %s, x0 = %g, step = %g\n", p->q25_runs[r].letter,
			       p->q25_runs[r].loss, p->q25_runs[r].x0, p->q25_runs[r].step);
	return 0;
}

static int text_2_7(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	size_t i;

	(void)err;
	ec_buf_appendf(b,
		       "After its convolution and pooling layers a CNN outputs a volume of\n"
		       "(H, W, C) = (%" PRIu64 ", %" PRIu64 ", %" PRIu64 "). The volume is flattened "
		       "and fed to a hidden\n"
		       "fully connected layer of %" PRIu64 " neurons, then to an output layer of %" PRIu64
		       "\n"
		       "neurons (%" PRIu64 " classes). Both fully connected layers are to be rewritten "
		       "as\n"
		       "convolutions with square F x F filters that compute exactly the same. What\n"
		       "is F for the hidden layer and for the output layer, in that order?\n\n",
		       p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, p->q27_hidden,
		       p->q27_classes, p->q27_classes);
	for (i = 0; i < EC_Q27_OPTIONS; i++)
		ec_buf_appendf(b, "- %c: %" PRIu64 ", %" PRIu64 "\n", p->q27_options[i].letter,
			       p->q27_options[i].f_hidden, p->q27_options[i].f_output);
	return 0;
}

static int text_2_8(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	ec_layer_list list;
	size_t i;

	if (ec_layers_parse(p->q28_net, &list, err) != EC_OK)
		return -1;
	ec_buf_appendf(b, "A conv net has %zu layers (their input and output sizes do not matter\n"
			  "here, and there is no dilation):\n\n",
		       list.count);
	for (i = 0; i < list.count && i < EC_Q28_LAYERS; i++) {
		const ec_layer *l = &list.layers[i];

		ec_buf_appendf(b, "- (%s) %s %" PRIu64 " x %" PRIu64 ", stride %" PRIu64 "\n",
			       roman[i], l->type == EC_LAYER_POOL ? "Pool" : "Conv", l->window.kernel,
			       l->window.kernel, l->window.stride);
	}
	ec_layers_free(&list);
	ec_buf_append(b, "\nThe effective receptive field of a neuron in a layer's output is the set\n"
			 "of input pixels that affect it. Which statements hold?\n\n");
	for (i = 0; i < EC_Q28_OPTIONS; i++) {
		const ec_q28_option *o = &p->q28_options[i];

		switch (o->claim) {
		case EC_Q28_SIDE_IS:
			ec_buf_appendf(b, "- %c: at layer (%s) the receptive field is %" PRIu64
					  " x %" PRIu64 "\n",
				       o->letter, roman[o->layer - 1], o->value, o->value);
			break;
		case EC_Q28_AREA_TIMES:
			ec_buf_appendf(b, "- %c: the receptive field's area at layer (%s) is %" PRIu64
					  " times its area at layer (%s)\n",
				       o->letter, roman[o->layer - 1], o->value, roman[o->other - 1]);
			break;
		case EC_Q28_NONE_ABOVE:
			ec_buf_appendf(b, "- %c: none of these\n", o->letter);
			break;
		}
	}
	return 0;
}

/* ---- 3.1 ---- */

static int text_3_1_2(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	char cell[32];
	size_t r, c;

	(void)err;
	fraction(p->q312_x[p->q312_row * 4 + p->q312_col], cell, sizeof(cell));
	ec_buf_appendf(b, "A feature map X goes through a convolution with the 3 x 3 kernel K, no\n"
			  "padding, and then a 2 x 2 max pooling, which leaves a single number. That\n"
			  "output's gradient is 1. What is the gradient at the entry of X in row %zu,\n"
			  "column %zu (the %s in brackets)?\n\n",
		       p->q312_row + 1, p->q312_col + 1, cell);
	ec_buf_append(b, "    output = max(X * K), with\n\n");
	for (r = 0; r < 4; r++) {
		ec_buf_append(b, r == 0 ? "    X =" : "       ");
		for (c = 0; c < 4; c++) {
			char shown[40];

			fraction(p->q312_x[r * 4 + c], cell, sizeof(cell));
			snprintf(shown, sizeof(shown),
				 r == p->q312_row && c == p->q312_col ? "[%s]" : "%s", cell);
			ec_buf_appendf(b, " %4s", shown);
		}
		ec_buf_append(b, r == 0 ? "      K =" : r < 3 ? "         " : "");
		for (c = 0; r < 3 && c < 3; c++) {
			fraction(p->q312_k[r * 3 + c], cell, sizeof(cell));
			ec_buf_appendf(b, " %5s", cell);
		}
		ec_buf_append(b, "\n");
	}
	return 0;
}

/* ---- 3.2 ---- */

/* "3 x 8 x 64 x 64" */
static void dims_text(ec_buf *b, size_t n, const uint64_t *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		ec_buf_appendf(b, "%s%" PRIu64, i ? " x " : "", v[i]);
}

static int text_3_2(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	ec_layer_list list;
	const ec_layer *in;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	in = &list.layers[0];
	ec_buf_append(b, "Convolutional networks for images extend to video, a sequence of frames:\n"
			 "one video is a tensor of channels C, time T, height H and width W. A 3D\n"
			 "convolution slides its kernel along time as well as height and width: it\n"
			 "takes C x T x H x W inputs and 3D kernels, where a 2D convolution takes\n"
			 "C x H x W inputs and 2D kernels.\n\n"
			 "Layer names:\n\n"
			 "- CONVk-N-pP-sS: a convolution with N kernels of k x k x k, padding P and\n"
			 "  stride S along T, H and W, followed by a ReLU (CONV5-16-p2-s1: 16 kernels\n"
			 "  of 5 x 5 x 5, padding 2, stride 1)\n"
			 "- POOL2: 2 x 2 x 2 max pooling, stride 2, no padding\n"
			 "- FC-N: a fully connected layer of N neurons, followed by a ReLU\n\n");
	ec_buf_appendf(b, "The network below takes %" PRIu64 " frames of %" PRIu64 " by %" PRIu64
			  " pixels with %" PRIu64 " channel%s%s:\n\n    ",
		       in->dims[1], in->dims[2], in->dims[3], in->dims[0], in->dims[0] == 1 ? "" : "s",
		       in->dims[0] == 3 ? " (RGB)" : "");
	for (size_t i = 0; i < list.count; i++)
		ec_buf_appendf(b, "%s%s", i ? (i % 4 == 0 ? ";\n    " : "; ") : "",
			       list.layers[i].name);
	ec_buf_append(b, "\n");
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_1(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	ec_layer_list list;
	ec_buf dims = EC_BUF_INIT;
	size_t i;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	dims_text(&dims, list.layers[0].rank, list.layers[0].dims);
	ec_buf_append(b, "For each layer, give the shape of its output (the activation volume), its\n"
			 "number of weights and its number of biases. Write shapes as products, such\n"
			 "as 128 x 128 x 128.\n\n");
	ec_buf_appendf(b, "    %-16s %-22s %-10s %s\n", "Layer", "Activation volume", "# Weights",
		       "# Biases");
	ec_buf_appendf(b, "    %-16s %-22s %-10s %s\n", "INPUT", ec_buf_str(&dims), "N/A", "N/A");
	for (i = 1; i < list.count; i++)
		ec_buf_appendf(b, "    %s\n", list.layers[i].name);
	ec_buf_free(&dims);
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_2(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	ec_layer_list list;
	size_t i;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	ec_buf_appendf(b, "    %-16s %s\n", "Layer", "# BN parameters");
	for (i = 0; i < list.count; i++)
		if (list.layers[i].type == EC_LAYER_CONV)
			ec_buf_appendf(b, "    %s\n", list.layers[i].name);
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_3(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	size_t r;

	ec_buf_append(b, "A 3D convolution costs more than a 2D one. Count the floating-point\n"
			 "multiplications of each convolution below, computed as a matrix\n"
			 "multiplication (leave aside FFT or Winograd methods): first the 2D ones,\n"
			 "then the 3D one. Write each count as a product, such as 128 x 128 x 128.\n\n");
	ec_buf_appendf(b, "    %-18s %-46s %s\n", "Input", "Convolution", "# Multiplications");
	for (r = 0; r < 3; r++) {
		ec_layer_list list;
		ec_buf in = EC_BUF_INIT, conv = EC_BUF_INIT;
		const ec_layer *l;
		size_t d, k;

		if (ec_layers_parse(p->q323_rows[r], &list, err) != EC_OK)
			return -1;
		l = &list.layers[1];
		d = list.layers[0].rank - 1;
		dims_text(&in, list.layers[0].rank, list.layers[0].dims);
		ec_buf_appendf(&conv, "%zuD, N = %" PRIu64 ", kernel ", d, l->count);
		for (k = 0; k < d; k++)
			ec_buf_appendf(&conv, "%s%" PRIu64, k ? " x " : "", l->window.kernel);
		ec_buf_appendf(&conv, ", pad %" PRIu64 ", stride %" PRIu64, l->window.pad,
			       l->window.stride);
		ec_buf_appendf(b, "    %-18s %s\n", ec_buf_str(&in), ec_buf_str(&conv));
		ec_buf_free(&in);
		ec_buf_free(&conv);
		ec_layers_free(&list);
	}
	return 0;
}

/* ---- 3.3 ---- */

static int text_3_3(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	ec_sg_figure fig;
	char *text, *art;
	size_t i, j;

	if (data_text(p->q33_figure, "q3.3.figure", &text, err) != 0)
		return -1;
	if (ec_sg_parse(text, "q3.3.figure", &fig, err) != EC_OK) {
		ec_data_free(text);
		return -1;
	}
	ec_data_free(text);
	if (ec_sg_render(&fig, &art, err) != EC_OK) {
		ec_sg_figure_free(&fig);
		return -1;
	}
	ec_buf_append(
		b,
		"An image classifier should not care whether an object sits in the middle of\n"
		"the image or in a corner. Convolutions give CNNs that translation invariance:\n"
		"a filter W slides over the input X and computes the same feature wherever it\n"
		"is, the dot product X~ . W of W with the patch X~ it covers. Some tasks need\n"
		"to leave certain pixels out of a filter, for instance convolutions over 2D\n"
		"spatial graphs, which must respect which nodes are connected.\n\n"
		"Spatial graph: G = <X, E>. Every pixel of the image grid X is a node x_ij; an\n"
		"edge of E joins two nodes that influence each other, and nodes without an\n"
		"edge between them do not.\n\n"
		"Feature extraction on the graph: to extract the feature of node x_ij from\n"
		"the nodes directly connected to it, centre W on x_ij and take the dot\n"
		"product as a convolution does, but first multiply W element by element by a\n"
		"binary mask M_ij that keeps only the nodes connected to x_ij:\n\n"
		"    Y = f(X, W, M) = X~ . (W (.) M_ij)\n\n"
		"M_ij has a 1 where the pixel under the filter is connected to the centre node\n"
		"and a 0 where it is not, so the mask changes as W moves over the graph.\n\n");
	ec_buf_appendf(b, "The figure: a %zu x %zu single-channel image X (pixel values; edges drawn\n"
			  "with - | \\ / and X for two crossing diagonals), the %zu x %zu filter W, and\n"
			  "the dotted filter location, centred on x_%zu%zu (row %zu, column %zu).%s\n\n",
		       fig.rows, fig.cols, fig.frows, fig.fcols, fig.at_row, fig.at_col, fig.at_row,
		       fig.at_col,
		       p->q33_figure[0] ? ""
					: "\n(The exam's Figure 1 was lost; this is the reconstruction "
					  "in\ndata/q3.3.figure that the worked answer uses.)");
	indented(b, art);
	free(art);
	ec_buf_append(b, "\n    W =");
	for (i = 0; i < fig.frows; i++) {
		if (i)
			ec_buf_append(b, "\n       ");
		for (j = 0; j < fig.fcols; j++)
			ec_buf_appendf(b, " %3g", fig.filter[i * fig.fcols + j]);
	}
	ec_buf_append(b, "\n");
	ec_sg_figure_free(&fig);
	return 0;
}

/* "x_13 x_31 x_32" as prose: "x_13, x_31 and x_32". */
static void listed(ec_buf *b, const char *names)
{
	size_t n = 0, k = 0;
	const char *s;

	for (s = names; *s; s += strcspn(s, " "), s += strspn(s, " "))
		n++;
	for (s = names; *s; k++) {
		size_t len = strcspn(s, " ");

		ec_buf_appendf(b, "%s%.*s", k == 0 ? "" : k + 1 == n ? " and " : ", ", (int)len, s);
		s += len;
		s += strspn(s, " ");
	}
}

static int text_3_3_7(const ec_exam_params *p, ec_buf *b, ec_error *err)
{
	(void)err;
	ec_buf_appendf(b, "Y = f(X, W, M) only looks at directly connected nodes: in the figure, y_11\n"
			  "is influenced only by %s. Applying the\n"
			  "operation again, Z = f(Y, W, M), reaches nodes connected at second order:\n"
			  "z_11 is then also influenced by ",
		       p->q33_y11);
	listed(b, p->q33_z11);
	ec_buf_append(b, ". Stacking more layers reaches third-order,\n"
			 "fourth-order connections and so on, until every feature has taken the whole\n"
			 "graph into account.\n\n"
			 "How many such layers must be stacked to take the entire graph of the figure\n"
			 "into account? What does that number depend on, and why can that be a\n"
			 "problem? How could the problem be solved?\n");
	return 0;
}

/* ---- the sheet ---- */

static const struct {
	const char *id;
	int (*fn)(const ec_exam_params *p, ec_buf *b, ec_error *err);
} computed[] = {
	{"2.5", text_2_5},     {"2.7", text_2_7},     {"2.8", text_2_8},     
	{"3.1.2", text_3_1_2}, {"3.2", text_3_2},     {"3.2.1", text_3_2_1}, {"3.2.2", text_3_2_2},
	{"3.2.3", text_3_2_3}, {"3.3", text_3_3},     {"3.3.7", text_3_3_7},
};

int ec_exam_text_old(const ec_exam_params *p, const ec_question *q, ec_buf *b, ec_error *err)
{
	size_t i;
	bool found = false;

	ec_error_clear(err);
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (strcmp(fixed[i].id, q->id) == 0) {
			ec_buf_append(b, fixed[i].text);
			found = true;
		}
	for (i = 0; i < sizeof(computed) / sizeof(computed[0]); i++)
		if (strcmp(computed[i].id, q->id) == 0) {
			if (computed[i].fn(p, b, err) != 0)
				return -1;
			found = true;
		}
	if (!found) {
		ec_error_set(err, EC_ERR_NOTFOUND, "no text for question %s", q->id);
		return -1;
	}
	if (!b->data)
		return nomem(err);
	return 0;
}

/* ---- the numbers, as JSON ---- */

static void json_number(FILE *f, double v)
{
	char buf[32];

	fputs(ec_expr_format_number(v, buf, sizeof(buf)), f);
}

/* "key": ["name", ...] for the layers of `list` from index `from` on. */
static void json_layers(FILE *f, const ec_layer_list *list, size_t from)
{
	size_t i;

	fputs("\"layers\": [", f);
	for (i = from; i < list->count; i++) {
		if (i > from)
			fputs(", ", f);
		ec_write_json_string(f, list->layers[i].name);
	}
	putc(']', f);
}

static void json_rows(FILE *f, const double *v, size_t rows, size_t cols)
{
	size_t r, c;

	putc('[', f);
	for (r = 0; r < rows; r++) {
		fputs(r ? ", [" : "[", f);
		for (c = 0; c < cols; c++) {
			if (c)
				fputs(", ", f);
			json_number(f, v[r * cols + c]);
		}
		putc(']', f);
	}
	putc(']', f);
}

static int json_2_5(const ec_exam_params *p, FILE *f, ec_error *err)
{
	size_t r;

	(void)err;
	fputs("\"runs\": [", f);
	for (r = 0; r < EC_Q25_RUNS; r++) {
		fprintf(f, "%s{\"option\": \"%c\", \"loss\": ", r ? ", " : "", p->q25_runs[r].letter);
		ec_write_json_string(f, p->q25_runs[r].loss);
		fputs(", \"x0\": ", f);
		json_number(f, p->q25_runs[r].x0);
		fputs(", \"step\": ", f);
		json_number(f, p->q25_runs[r].step);
		putc('}', f);
	}
	putc(']', f);
	return 0;
}

static int json_2_7(const ec_exam_params *p, FILE *f, ec_error *err)
{
	size_t i;

	(void)err;
	fprintf(f,
		"\"volume\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 "], \"hidden\": %" PRIu64
		", \"classes\": %" PRIu64 ", \"options\": [",
		p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, p->q27_hidden,
		p->q27_classes);
	for (i = 0; i < EC_Q27_OPTIONS; i++)
		fprintf(f, "%s{\"option\": \"%c\", \"hidden\": %" PRIu64 ", \"output\": %" PRIu64 "}",
			i ? ", " : "", p->q27_options[i].letter, p->q27_options[i].f_hidden,
			p->q27_options[i].f_output);
	putc(']', f);
	return 0;
}

static int json_2_8(const ec_exam_params *p, FILE *f, ec_error *err)
{
	ec_layer_list list;
	size_t i;

	if (ec_layers_parse(p->q28_net, &list, err) != EC_OK)
		return -1;
	json_layers(f, &list, 0);
	ec_layers_free(&list);
	fputs(", \"options\": [", f);
	for (i = 0; i < EC_Q28_OPTIONS; i++) {
		const ec_q28_option *o = &p->q28_options[i];

		fprintf(f, "%s{\"option\": \"%c\", ", i ? ", " : "", o->letter);
		switch (o->claim) {
		case EC_Q28_SIDE_IS:
			fprintf(f, "\"claim\": \"side\", \"layer\": %zu, \"value\": %" PRIu64 "}",
				o->layer, o->value);
			break;
		case EC_Q28_AREA_TIMES:
			fprintf(f,
				"\"claim\": \"area_times\", \"layer\": %zu, \"other\": %zu, "
				"\"value\": %" PRIu64 "}",
				o->layer, o->other, o->value);
			break;
		case EC_Q28_NONE_ABOVE:
			fputs("\"claim\": \"none\"}", f);
			break;
		}
	}
	putc(']', f);
	return 0;
}


static int json_3_1_2(const ec_exam_params *p, FILE *f, ec_error *err)
{
	(void)err;
	fputs("\"X\": ", f);
	json_rows(f, p->q312_x, 4, 4);
	fputs(", \"K\": ", f);
	json_rows(f, p->q312_k, 3, 3);
	fprintf(f, ", \"at\": [%zu, %zu]", p->q312_row + 1, p->q312_col + 1);
	return 0;
}

static int json_3_2(const ec_exam_params *p, FILE *f, ec_error *err)
{
	ec_layer_list list;
	size_t i;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	fputs("\"input\": \"", f);
	for (i = 0; i < list.layers[0].rank; i++)
		fprintf(f, "%s%" PRIu64, i ? "x" : "", list.layers[0].dims[i]);
	fputs("\", ", f);
	json_layers(f, &list, 1);
	ec_layers_free(&list);
	return 0;
}

static int json_3_2_3(const ec_exam_params *p, FILE *f, ec_error *err)
{
	size_t r, i;

	fputs("\"rows\": [", f);
	for (r = 0; r < 3; r++) {
		ec_layer_list list;

		if (ec_layers_parse(p->q323_rows[r], &list, err) != EC_OK)
			return -1;
		fputs(r ? ", {\"input\": \"" : "{\"input\": \"", f);
		for (i = 0; i < list.layers[0].rank; i++)
			fprintf(f, "%s%" PRIu64, i ? "x" : "", list.layers[0].dims[i]);
		fputs("\", \"layer\": ", f);
		ec_write_json_string(f, list.layers[1].name);
		putc('}', f);
		ec_layers_free(&list);
	}
	putc(']', f);
	return 0;
}

static int json_3_3(const ec_exam_params *p, FILE *f, ec_error *err)
{
	char *text;

	if (data_text(p->q33_figure, "q3.3.figure", &text, err) != 0)
		return -1;
	fputs("\"figure\": ", f);
	ec_write_json_string(f, text);
	ec_data_free(text);
	return 0;
}

static const struct {
	const char *id;
	int (*fn)(const ec_exam_params *p, FILE *f, ec_error *err);
} numbers[] = {
	{"2.5", json_2_5},     {"2.7", json_2_7}, {"2.8", json_2_8},     
	{"3.1.2", json_3_1_2}, {"3.2", json_3_2}, {"3.2.3", json_3_2_3}, {"3.3", json_3_3},
};

int ec_exam_params_json_old(const ec_exam_params *p, const ec_question *q, FILE *f, ec_error *err)
{
	size_t i;

	ec_error_clear(err);
	putc('{', f);
	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (strcmp(numbers[i].id, q->id) == 0 && numbers[i].fn(p, f, err) != 0)
			return -1;
	putc('}', f);
	return 0;
}
