/*
 * q3_3.c: question 3.3, convolution on spatial graphs. Parts 1-3 and the
 * count of part 7 come from the figure file data/q3.3.figure (a
 * reconstruction of the exam's lost Figure 1); parts 4-7 are explained with
 * small computed demonstrations.
 */
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_spatial_graph.h"
#include "answers.h"
#include "params.h"

#define CELLS (EC_SG_MAX_FILTER * EC_SG_MAX_FILTER)
#define FIGURE "q3.3.figure"

struct fig_ctx {
	ec_sg_figure fig;
	const char *origin;
	ec_key_origin from; /* what the key items computed from the figure rest on */
	char name[256]; /* "reconstructed figure " and origin without its note, or the variant's */
	size_t r, c; /* the dotted location */
	double patch[CELLS];
	unsigned char mask[CELLS];
	size_t n;
};

static int load(ec_actx *a, struct fig_ctx *f)
{
	char *text;

	memset(f, 0, sizeof(*f));
	if (ec_params_data(a, ec_params(a)->q33_figure, FIGURE, &text, &f->origin) != 0)
		return -1;
	if (ec_sg_parse(text, f->origin, &f->fig, &a->err) != EC_OK) {
		ec_data_free(text);
		return -1;
	}
	f->from = ec_data_origin(FIGURE, text);
	ec_data_free(text);
	snprintf(f->name, sizeof(f->name), "reconstructed figure %.*s",
		 (int)strcspn(f->origin, " "), f->origin);
	if (ec_params(a)->q33_figure[0])
		snprintf(f->name, sizeof(f->name), "figure of variant %llu",
			 (unsigned long long)ec_params(a)->seed);
	f->r = f->fig.at_row;
	f->c = f->fig.at_col;
	f->n = f->fig.frows * f->fig.fcols;
	if (ec_sg_patch(&f->fig, f->r, f->c, f->patch, &a->err) != EC_OK ||
	    ec_sg_mask(&f->fig, f->r, f->c, f->mask, &a->err) != EC_OK) {
		ec_sg_figure_free(&f->fig);
		return -1;
	}
	return 0;
}

/* "x_11 x_21 x_22": the nodes of `set` not in `skip`, in row-major order. */
static void say_set(ec_actx *a, const ec_sg_figure *fig, const unsigned char *set,
		    const unsigned char *skip)
{
	size_t p, shown = 0;

	for (p = 0; p < fig->rows * fig->cols; p++)
		if (set[p] && !(skip && skip[p]))
			ec_say(a, "%sx_%zu%zu", shown++ ? " " : "", p / fig->cols + 1,
			       p % fig->cols + 1);
	if (!shown)
		ec_say(a, "none");
}

/* Name the figure and check what the exam says about y_11 and z_11 against it. */
static int say_source(ec_actx *a, const struct fig_ctx *f)
{
	size_t n = f->fig.rows * f->fig.cols;
	unsigned char *one = malloc(2 * n), *two = one ? one + n : NULL;

	if (!one) {
		ec_error_set(&a->err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	if (ec_sg_influence(&f->fig, 1, 1, 1, one, &a->err) != EC_OK ||
	    ec_sg_influence(&f->fig, 1, 1, 2, two, &a->err) != EC_OK) {
		free(one);
		return -1;
	}
	if (f->from != EC_KEY_FROM_EXAM)
		ec_say(a, "The exam's Figure 1 was lost in transcription. This answer uses the file\n"
			  "  %s\n"
			  "a RECONSTRUCTION of the figure: its pixel values, weights, edges and dotted\n"
			  "location are invented, chosen to agree with what the exam's text says\n"
			  "about Figure 1.\n",
		       f->origin);
	else if (ec_params(a)->q33_figure[0])
		ec_say(a, "This answer uses the %s, given in its question.\n", f->name);
	else
		ec_say(a, "This answer uses the figure file %s (from EXAMCHECK_DATA).\n", f->origin);
	ec_say(a, "Check against the exam's text: y_11 depends on ");
	say_set(a, &f->fig, one, NULL);
	ec_say(a, "\n(exam: %s); after a second layer z_11 also\ndepends on ", ec_params(a)->q33_y11);
	say_set(a, &f->fig, two, one);
	ec_say(a, " (exam: %s).\n"
		  "Rows and columns are 1-indexed; the dotted filter is centred on x_%zu%zu.\n\n",
	       ec_params(a)->q33_z11, f->r, f->c);
	free(one);
	return 0;
}

static void say_matrix(ec_actx *a, const double *v, size_t rows, size_t cols)
{
	size_t i, j;

	for (i = 0; i < rows; i++) {
		ec_say(a, "  ");
		for (j = 0; j < cols; j++)
			ec_say(a, "%5g", v[i * cols + j]);
		ec_say(a, "\n");
	}
}

static void say_mask(ec_actx *a, const unsigned char *m, size_t rows, size_t cols)
{
	size_t i, j;

	for (i = 0; i < rows; i++) {
		ec_say(a, "  ");
		for (j = 0; j < cols; j++)
			ec_say(a, "%s%d", j ? " " : "", m[i * cols + j]);
		ec_say(a, "\n");
	}
}

static void mask_digits(const unsigned char *m, size_t n, char *out)
{
	size_t k;

	for (k = 0; k < n; k++)
		out[k] = (char)('0' + m[k]);
	out[n] = '\0';
}

static int fail(ec_actx *a, struct fig_ctx *f)
{
	(void)a;
	ec_sg_figure_free(&f->fig);
	return -1;
}

/* The worked text of 3.3.1 around the plain response. */
static int say_3_3_1(ec_actx *a, const struct fig_ctx *f, double plain)
{
	double flipped;
	char terms[2048];
	char *art;

	if (ec_sg_response(&f->fig, f->r, f->c, false, true, &flipped, &a->err) != EC_OK ||
	    ec_sg_format_terms(f->patch, f->fig.filter, NULL, f->n, terms, sizeof(terms),
			       &a->err) != EC_OK ||
	    ec_sg_render(&f->fig, &art, &a->err) != EC_OK)
		return -1;
	ec_answer(a, "%g", plain);
	if (say_source(a, f) != 0) {
		free(art);
		return -1;
	}
	ec_say(a, "The graph (pixel values of X; - | \\ / X mark edges):\n\n%s\n", art);
	free(art);
	ec_say(a, "The patch X~ under the dotted %zux%zu filter (rows %zu-%zu, columns %zu-%zu):\n",
	       f->fig.frows, f->fig.fcols, f->r - f->fig.frows / 2, f->r + f->fig.frows / 2,
	       f->c - f->fig.fcols / 2, f->c + f->fig.fcols / 2);
	say_matrix(a, f->patch, f->fig.frows, f->fig.fcols);
	ec_say(a, "and the filter W:\n");
	say_matrix(a, f->fig.filter, f->fig.frows, f->fig.fcols);
	ec_say(a, "\nIgnoring the edges, the activation is the dot product of the two,\n"
		  "element by element:\n"
		  "  X~ . W = %s = %g\n\n",
	       terms, plain);
	ec_say(a, "Reading: the exam defines the operation as the dot product X~ . W, so W is\n"
		  "not flipped (cross-correlation, as in deep-learning libraries). A textbook\n"
		  "convolution that first rotates W by 180 degrees would give %g.\n",
	       flipped);
	return 0;
}

int ec_ans_3_3_1(ec_actx *a)
{
	struct fig_ctx f;
	double plain;

	if (load(a, &f) != 0)
		return -1;
	if (ec_sg_response(&f.fig, f.r, f.c, false, false, &plain, &a->err) != EC_OK ||
	    (ec_showing(a) && say_3_3_1(a, &f, plain) != 0) ||
	    ec_keyf_data(a, FIGURE, f.from, "3.3.1", EC_KEY_NUMBER, 4, "%.15g", plain) != 0)
		return fail(a, &f);
	ec_sg_figure_free(&f.fig);
	return 0;
}

/* The worked text of 3.3.2 around the masked response. */
static int say_3_3_2(ec_actx *a, const struct fig_ctx *f, double masked)
{
	double flipped;
	char terms[2048], digits[CELLS + 1];
	size_t k;

	if (ec_sg_response(&f->fig, f->r, f->c, true, true, &flipped, &a->err) != EC_OK ||
	    ec_sg_format_terms(f->patch, f->fig.filter, f->mask, f->n, terms, sizeof(terms),
			       &a->err) != EC_OK)
		return -1;
	mask_digits(f->mask, f->n, digits);
	ec_answer(a, "%g", masked);
	if (say_source(a, f) != 0)
		return -1;
	ec_say(a, "M_%zu%zu has a 1 where the pixel under the filter is joined to x_%zu%zu by an\n"
		  "edge, and at the centre (every node is connected to itself%s):\n",
	       f->r, f->c, f->r, f->c, f->fig.self ? "" : "; here 'self 0' turns that off");
	say_mask(a, f->mask, f->fig.frows, f->fig.fcols);
	ec_say(a, "(row-major %s). Connected neighbours of x_%zu%zu:", digits, f->r, f->c);
	for (k = 0; k < f->n; k++) {
		long dr = (long)(k / f->fig.fcols) - (long)(f->fig.frows / 2);
		long dc = (long)(k % f->fig.fcols) - (long)(f->fig.fcols / 2);

		if (f->mask[k] && k != f->n / 2)
			ec_say(a, " x_%ld%ld", (long)f->r + dr, (long)f->c + dc);
	}
	ec_say(a, ".\n\nOnly these positions keep their weight in W (.) M, so\n"
		  "  X~ . (W (.) M) = %s = %g\n\n",
	       terms, masked);
	ec_say(a, "With a flipped W (textbook convolution) the masked value would be %g.\n", flipped);
	return 0;
}

int ec_ans_3_3_2(ec_actx *a)
{
	struct fig_ctx f;
	double masked;

	if (load(a, &f) != 0)
		return -1;
	if (ec_sg_response(&f.fig, f.r, f.c, true, false, &masked, &a->err) != EC_OK ||
	    (ec_showing(a) && say_3_3_2(a, &f, masked) != 0) ||
	    ec_keyf_data(a, FIGURE, f.from, "3.3.2", EC_KEY_NUMBER, 4, "%.15g", masked) != 0)
		return fail(a, &f);
	ec_sg_figure_free(&f.fig);
	return 0;
}

int ec_ans_3_3_3(ec_actx *a)
{
	struct fig_ctx f;
	unsigned char left[CELLS];
	char digits[CELLS + 1];

	if (load(a, &f) != 0)
		return -1;
	if (f.c < 2) {
		ec_error_set(&a->err, EC_ERR_RANGE,
			     "%s: the dotted location (%zu,%zu) has no pixel to its left", f.origin,
			     f.r, f.c);
		return fail(a, &f);
	}
	if (ec_sg_mask(&f.fig, f.r, f.c - 1, left, &a->err) != EC_OK)
		return fail(a, &f);
	mask_digits(left, f.n, digits);
	ec_answer(a, "%s", digits);
	if (ec_showing(a) && say_source(a, &f) != 0)
		return fail(a, &f);
	ec_say(a, "Moved one pixel to the left, the filter is centred on x_%zu%zu. Its mask has\n"
		  "a 1 at the centre (self-connection) and wherever an edge of x_%zu%zu ends:\n",
	       f.r, f.c - 1, f.r, f.c - 1);
	say_mask(a, left, f.fig.frows, f.fig.fcols);
	ec_say(a, "Row-major: %s. The mask changes with the location because each node has\n"
		  "its own edges (compare M_%zu%zu in 3.3.2).\n",
	       digits, f.r, f.c);
	if (ec_keyf_data(a, FIGURE, f.from, "3.3.3", EC_KEY_MASK, 2, "%s", digits) != 0)
		return fail(a, &f);
	ec_sg_figure_free(&f.fig);
	return 0;
}

int ec_ans_3_3_4(ec_actx *a)
{
	struct fig_ctx f;
	double with_self, without_self;
	size_t centre;

	/* A hint for the grader: the figure only serves the worked text. */
	if (ec_keyf(a, "3.3.4", EC_KEY_MANUAL, 1,
		    "self-connection: x_ij is connected to itself, so its own value (times the "
		    "centre weight) contributes to y_ij") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	if (load(a, &f) != 0)
		return -1;
	centre = f.n / 2;
	f.fig.self = true;
	if (ec_sg_response(&f.fig, f.r, f.c, true, false, &with_self, &a->err) != EC_OK)
		return fail(a, &f);
	f.fig.self = false;
	if (ec_sg_response(&f.fig, f.r, f.c, true, false, &without_self, &a->err) != EC_OK)
		return fail(a, &f);
	ec_answer(a, "the node is connected to itself, so its own value x_ij enters y_ij");
	ec_say(a, "A 1 at the centre of M_ij is a self-connection (a self-loop): the centre\n"
		  "node x_ij counts as connected to itself, so its own feature, weighted by the\n"
		  "centre weight of W, contributes to its new feature y_ij. Without it a\n"
		  "layer would replace each node's feature by a mix of its neighbours only.\n\n");
	ec_say(a, "On the %s at x_%zu%zu:\n"
		  "with the centre 1 the masked response is %g; with the centre 0 it is %g,\n"
		  "the difference being x_%zu%zu * W_centre = %g * %g.\n",
	       f.name, f.r, f.c, with_self, without_self, f.r, f.c, f.patch[centre],
	       f.fig.filter[centre]);
	ec_sg_figure_free(&f.fig);
	return 0;
}

int ec_ans_3_3_5(ec_actx *a)
{
	struct fig_ctx f;
	unsigned char other[CELLS];
	char d1[CELLS + 1], d2[CELLS + 1];
	double plain, here, there;
	size_t c2;

	if (ec_keyf(a, "3.3.5", EC_KEY_MANUAL, 2,
		    "No: M_ij depends on the graph edges at each location, so shifting X over a "
		    "fixed graph changes outputs; invariant only if the graph moves too") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	if (load(a, &f) != 0)
		return -1;
	c2 = f.c < f.fig.cols ? f.c + 1 : f.c - 1;
	if (ec_sg_mask(&f.fig, f.r, c2, other, &a->err) != EC_OK)
		return fail(a, &f);
	plain = ec_sg_dot(f.patch, f.fig.filter, NULL, f.n);
	here = ec_sg_dot(f.patch, f.fig.filter, f.mask, f.n);
	there = ec_sg_dot(f.patch, f.fig.filter, other, f.n);
	mask_digits(f.mask, f.n, d1);
	mask_digits(other, f.n, d2);
	ec_answer(a, "No");
	ec_say(a, "No. A 2D convolution applies the same weights everywhere, so a pattern\n"
		  "gives the same response wherever it sits in X (strictly: the output moves\n"
		  "with the input, translation equivariance). The masked operation multiplies W\n"
		  "by M_ij, and M_ij depends on the graph's edges at location ij. Moving the\n"
		  "image content over a fixed graph puts it under different masks, so the\n"
		  "response changes. It is invariant only when the graph moves with the image\n"
		  "(translation within the space of spatial graphs).\n\n");
	ec_say(a, "Demonstration on the %s: take the patch\n"
		  "X~ at x_%zu%zu and shift the image so that the same values sit under the\n"
		  "filter at x_%zu%zu, the graph staying where it is.\n"
		  "  plain convolution: %g at both places\n"
		  "  masked, at x_%zu%zu (M = %s): %g\n"
		  "  masked, at x_%zu%zu (M = %s): %g\n",
	       f.name, f.r, f.c, f.r, c2, plain, f.r, f.c, d1, here, f.r, c2, d2, there);
	if (here == there)
		ec_say(a, "Here the two masks happen to give the same value, but they differ\n"
			  "in general whenever the connectivity differs.\n");
	ec_sg_figure_free(&f.fig);
	return 0;
}

int ec_ans_3_3_6(ec_actx *a)
{
	struct fig_ctx f;
	double tied[CELLS], rpatch[CELLS], tmp[CELLS];
	unsigned char rmask[CELLS], mtmp[CELLS];
	int turn;

	if (ec_keyf(a, "3.3.6", EC_KEY_MANUAL, 2,
		    "share one weight for all off-centre positions of W (centre may differ): "
		    "y = w_c x_ij + w_n * sum of connected neighbours") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	if (load(a, &f) != 0)
		return -1;
	if (f.fig.frows != f.fig.fcols) {
		ec_error_set(&a->err, EC_ERR_RANGE,
			     "%s: the rotation demonstration needs a square filter, not %zux%zu",
			     f.origin, f.fig.frows, f.fig.fcols);
		return fail(a, &f);
	}
	ec_sg_tie_weights(f.fig.filter, f.fig.frows, f.fig.fcols, tied);
	ec_answer(a, "tie the weights: one shared weight for every non-centre position of W "
		     "(the centre may keep its own)");
	ec_say(a, "Give all off-centre entries of W the same value w_n (the centre keeps its own\n"
		  "weight w_c). The response becomes\n"
		  "  y_ij = w_c * x_ij + w_n * (sum of the connected neighbours of x_ij),\n"
		  "which no longer depends on whether a neighbour lies to the left, right, above,\n"
		  "below or diagonally: it is a sum over the neighbour set, as in graph neural\n"
		  "networks (often normalised by the number of neighbours, a mean). Tying all\n"
		  "nine weights to one value also works, but then the node itself cannot be\n"
		  "weighted differently from its neighbours.\n\n");
	ec_say(a, "Demonstration on the %s at x_%zu%zu: rotate\n"
		  "the neighbourhood (patch and mask together) by 90 degrees at a time, with W\n"
		  "as given and with W tied (w_c = %g, w_n = %g = the mean of W's off-centre\n"
		  "weights):\n",
	       f.name, f.r, f.c, tied[f.n / 2], tied[0]);
	memcpy(rpatch, f.patch, sizeof(rpatch));
	memcpy(rmask, f.mask, sizeof(rmask));
	for (turn = 0; turn < 4; turn++) {
		ec_say(a, "  rotated %3d degrees: W gives %6g, tied W gives %g\n", 90 * turn,
		       ec_sg_dot(rpatch, f.fig.filter, rmask, f.n),
		       ec_sg_dot(rpatch, tied, rmask, f.n));
		ec_sg_rotate90(rpatch, f.fig.frows, tmp);
		ec_sg_rotate90_mask(rmask, f.fig.frows, mtmp);
		memcpy(rpatch, tmp, f.n * sizeof(*tmp));
		memcpy(rmask, mtmp, f.n);
	}
	ec_say(a, "With the given W the value depends on where the neighbours are; with the\n"
		  "tied W it does not.\n");
	ec_sg_figure_free(&f.fig);
	return 0;
}

/* Layers needed on example graphs of side n: snake, snake pooled 2x2, full grid. */
static int say_growth(ec_actx *a)
{
	static const size_t sides[] = {6, 12, 24, 48};
	size_t i;

	ec_say(a, "  side  nodes  chain (snake)  snake pooled 2x2  full grid\n");
	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		ec_sg_figure snake, pooled, full;
		ec_sg_reach rs, rp, rf;

		if (ec_sg_make_snake(&snake, sides[i], &a->err) != EC_OK)
			return -1;
		if (ec_sg_coarsen(&snake, 2, &pooled, &a->err) != EC_OK) {
			ec_sg_figure_free(&snake);
			return -1;
		}
		if (ec_sg_make_full(&full, sides[i], &a->err) != EC_OK) {
			ec_sg_figure_free(&snake);
			ec_sg_figure_free(&pooled);
			return -1;
		}
		if (ec_sg_reach_compute(&snake, &rs, &a->err) != EC_OK ||
		    ec_sg_reach_compute(&pooled, &rp, &a->err) != EC_OK ||
		    ec_sg_reach_compute(&full, &rf, &a->err) != EC_OK) {
			ec_sg_figure_free(&snake);
			ec_sg_figure_free(&pooled);
			ec_sg_figure_free(&full);
			return -1;
		}
		ec_say(a, "  %4zu  %5llu  %13llu  %16llu  %9llu\n", sides[i],
		       (unsigned long long)rs.nodes, (unsigned long long)rs.layers,
		       (unsigned long long)rp.layers, (unsigned long long)rf.layers);
		ec_sg_figure_free(&snake);
		ec_sg_figure_free(&pooled);
		ec_sg_figure_free(&full);
	}
	return 0;
}

/* The worked text of 3.3.7: readings, eccentricities and the growth table. */
static int say_3_3_7(ec_actx *a, const struct fig_ctx *f, const ec_sg_reach *reach)
{
	uint64_t ecc_at, ecc_11, reached;

	if (ec_sg_eccentricity(&f->fig, f->r, f->c, &ecc_at, &reached, &a->err) != EC_OK ||
	    ec_sg_eccentricity(&f->fig, 1, 1, &ecc_11, &reached, &a->err) != EC_OK)
		return -1;
	ec_answer(a, "%llu", (unsigned long long)reach->layers);
	if (say_source(a, f) != 0)
		return -1;
	ec_say(a, "Each layer lets a feature reach one more hop along the edges (the\n"
		  "self-connection keeps what it already had), so after k layers a node has\n"
		  "seen every node within k hops. Every node sees the whole graph once k\n"
		  "reaches the largest shortest-path distance between two nodes, the graph's\n"
		  "diameter. Breadth-first search from every node of the figure: %llu node%s,\n"
		  "%llu connected component%s, diameter %llu, so %llu stacked layer%s.\n",
	       (unsigned long long)reach->nodes, reach->nodes == 1 ? "" : "s",
	       (unsigned long long)reach->components, reach->components == 1 ? "" : "s",
	       (unsigned long long)reach->diameter, (unsigned long long)reach->layers,
	       reach->layers == 1 ? "" : "s");
	if (reach->components > 1)
		ec_say(a, "The graph is disconnected: no stack ever mixes different components;\n"
			  "the count covers each node's own component.\n");
	ec_say(a, "\nReadings: this takes \"the entire graph for each feature location\" as\n"
		  "every node seeing every node (the diameter). For the dotted node x_%zu%zu alone\n"
		  "it would be its eccentricity, %llu; for x_11, the exam's example, %llu; for\n"
		  "at least one node to see everything, the radius, %llu. Counting only the\n"
		  "layers stacked after the first one would give %llu.\n\n",
	       f->r, f->c, (unsigned long long)ecc_at, (unsigned long long)ecc_11,
	       (unsigned long long)reach->radius, (unsigned long long)(reach->layers - 1));
	ec_say(a, "What it depends on: the graph's diameter, i.e. its size and shape, not the\n"
		  "filter. A chain that snakes through an n x n image has diameter n*n - 1,\n"
		  "while a fully connected grid needs only n - 1. Layers needed, computed\n"
		  "(\"snake pooled 2x2\": layers on the coarse graph after one 2x2 pooling):\n");
	if (say_growth(a) != 0)
		return -1;
	ec_say(a, "\nWhy that is a problem: the depth must grow with the graph (up to the\n"
		  "number of nodes), and a fixed network cannot adapt to graphs of other\n"
		  "sizes. Deep stacks cost parameters, memory and time, are hard to train\n"
		  "(vanishing gradients) and average features into sameness (over-smoothing).\n\n"
		  "Remedies: pool or coarsen the graph between layers (merge blocks of nodes,\n"
		  "as the 2x2 column above shows: far fewer layers at the coarse level, and a\n"
		  "pyramid of poolings gives logarithmic depth); use larger or dilated masks\n"
		  "that reach several hops per layer; add skip connections or a global\n"
		  "aggregation (a graph-level readout or attention) that sees all nodes.\n");
	return 0;
}

int ec_ans_3_3_7(ec_actx *a)
{
	struct fig_ctx f;
	ec_sg_reach reach;

	if (load(a, &f) != 0)
		return -1;
	if (ec_sg_reach_compute(&f.fig, &reach, &a->err) != EC_OK)
		return fail(a, &f);
	if (!reach.covered) {
		ec_error_set(&a->err, EC_ERR_RANGE,
			     "%s: no number of layers covers this graph (see 'examcheck graphconv')",
			     f.origin);
		return fail(a, &f);
	}
	if ((ec_showing(a) && say_3_3_7(a, &f, &reach) != 0) ||
	    ec_keyf_data(a, FIGURE, f.from, "3.3.7", EC_KEY_COUNT, 1, "%llu",
			 (unsigned long long)reach.layers) != 0 ||
	    ec_keyf(a, "3.3.7.why", EC_KEY_MANUAL, 2,
		    "depends on graph diameter (size/shape); deep stacks: cost, vanishing "
		    "gradients, over-smoothing; fix: pooling/coarsening, bigger masks, skips") != 0)
		return fail(a, &f);
	ec_sg_figure_free(&f.fig);
	return 0;
}
