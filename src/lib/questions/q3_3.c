/*
 * q3_3.c: Q3.3, convolution on spatial graphs, seven parts around one
 * figure: a 5x5 image whose pixels are the nodes of a graph, a 3x3 filter
 * and a dotted location. The exam's Figure 1 was lost, so the original's
 * figure is the data file q3.3.figure (a reconstruction that agrees with
 * what the exam's text says of it); a variant draws its own. Every
 * response, mask and layer count is libexamcheck's (ec_spatial_graph.h),
 * each known mistake the same quantity recomputed with the mistake made:
 * W flipped, the mask left out or applied, the self-connection dropped,
 * the filter moved the wrong way, an eccentricity or the radius instead
 * of the diameter.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_spatial_graph.h"
#include "question.h"

#define CELLS (EC_SG_MAX_FILTER * EC_SG_MAX_FILTER)
#define FIGURE "q3.3.figure"
#define LINE EC_EXPLAIN_LINE
/* Example graphs of the growth table of 3.3.7. */
#define GROWTH 4

/* ---- the numbers ---- */

/* What the exam's text says y_11 and z_11 are influenced by, as the answer quotes it. */
static const char original_y11[] = "x_21 and x_22 besides x_11 itself";
static const char original_z11[] = "x_13 x_31 x_32";

/* "x_21 and x_22" (or "x_12, x_21 and x_22") for the nodes of `set` but not of `skip`. */
static void q33_names(const unsigned char *set, const unsigned char *skip, size_t cols, size_t n,
		      bool prose, char *buf, size_t size)
{
	size_t p, k = 0, total = 0, used = 0;

	for (p = 0; p < n; p++)
		total += set[p] && !(skip && skip[p]);
	buf[0] = '\0';
	for (p = 0; p < n && used < size; p++) {
		if (!set[p] || (skip && skip[p]))
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%sx_%zu%zu",
					 k == 0	   ? ""
					 : !prose ? " "
					 : k + 1 == total ? " and "
							  : ", ",
					 p / cols + 1, p % cols + 1);
		k++;
	}
}

/*
 * Join neighbouring cells (8-neighbourhood) of a 5x5 grid: a random tree
 * grown from a random cell (each step joins a new cell to a random cell
 * of the tree, so the tree branches), then a few extra edges.
 */
static void q33_edges(ec_xorshift *g, bool edge[25][25])
{
	size_t tree[25], size = 1;
	bool in[25] = {false};
	int extra;

	memset(edge, 0, sizeof(bool) * 25 * 25);
	tree[0] = (size_t)ec_xorshift_below(g, 25);
	in[tree[0]] = true;
	while (size < 25) {
		size_t next[8], n = 0, cur = tree[ec_xorshift_below(g, size)], cell;
		int dr, dc;

		for (dr = -1; dr <= 1; dr++)
			for (dc = -1; dc <= 1; dc++) {
				int r = (int)(cur / 5) + dr, c = (int)(cur % 5) + dc;

				if ((dr || dc) && r >= 0 && r < 5 && c >= 0 && c < 5 &&
				    !in[r * 5 + c])
					next[n++] = (size_t)(r * 5 + c);
			}
		if (!n)
			continue;
		cell = next[ec_xorshift_below(g, n)];
		edge[cur][cell] = edge[cell][cur] = true;
		in[cell] = true;
		tree[size++] = cell;
	}
	for (extra = ec_draw_int(g, 1, 4); extra > 0;) {
		size_t a = (size_t)ec_xorshift_below(g, 25);
		int r = (int)(a / 5) + ec_draw_int(g, -1, 1), c = (int)(a % 5) + ec_draw_int(g, -1, 1);
		size_t b = (size_t)(r * 5 + c);

		if (r < 0 || r >= 5 || c < 0 || c >= 5 || a == b || edge[a][b])
			continue;
		edge[a][b] = edge[b][a] = true;
		extra--;
	}
}

/*
 * The original's figure is the data file q3.3.figure ("" here), with what
 * the exam's text says about y_11 and z_11. A variant draws a 5x5 image,
 * a filter with a positive centre, a branching tree of edges with a few
 * more, and a dotted location inside the border; drawn again until the
 * mask changes the response there.
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	int t;

	if (!g) {
		p->q33_figure[0] = '\0';
		snprintf(p->q33_y11, sizeof(p->q33_y11), "%s", original_y11);
		snprintf(p->q33_z11, sizeof(p->q33_z11), "%s", original_z11);
		return 0;
	}

	for (t = 0; t < EC_DRAW_TRIES; t++) {
		bool edge[25][25];
		ec_buf b = EC_BUF_INIT;
		ec_sg_figure fig;
		unsigned char one[25], two[25], mask[9], self[25] = {1};
		double patch[9], plain, masked;
		size_t i, j, r = (size_t)ec_draw_int(g, 2, 4), c = (size_t)ec_draw_int(g, 2, 4);
		bool ok;

		q33_edges(g, edge);
		ec_buf_appendf(&b, "# Variant %" PRIu64 " of question 3.3: a 5x5 image X, a 3x3 filter W,\n"
				   "# the graph's edges and the dotted location. Format of\n"
				   "# data/q3.3.figure; rows and columns count from 1.\n\nimage 5 5\n",
			       p->seed);
		for (i = 0; i < 25; i++)
			ec_buf_appendf(&b, "%d%s", ec_draw_int(g, 0, 3), i % 5 == 4 ? "\n" : " ");
		ec_buf_append(&b, "\nfilter 3 3\n");
		for (i = 0; i < 9; i++)
			ec_buf_appendf(&b, "%2d%s", i == 4 ? ec_draw_int(g, 1, 2) : ec_draw_int(g, -2, 2),
				       i % 3 == 2 ? "\n" : " ");
		ec_buf_append(&b, "\nedges\n");
		for (i = 0; i < 25; i++)
			for (j = i + 1; j < 25; j++)
				if (edge[i][j])
					ec_buf_appendf(&b, "%zu %zu  %zu %zu\n", i / 5 + 1, i % 5 + 1,
						       j / 5 + 1, j % 5 + 1);
		ec_buf_appendf(&b, "\n# the dotted filter location\nat %zu %zu\n", r, c);
		if (!b.data || b.len >= sizeof(p->q33_figure)) {
			ec_buf_free(&b);
			ec_error_set(err, EC_ERR_NOMEM, "variant %" PRIu64 ": no room for the figure",
				     p->seed);
			return -1;
		}
		memcpy(p->q33_figure, b.data, b.len + 1);
		ec_buf_free(&b);
		if (ec_sg_parse(p->q33_figure, "variant figure", &fig, err) != EC_OK)
			return -1;
		ok = ec_sg_influence(&fig, 1, 1, 1, one, err) == EC_OK &&
		     ec_sg_influence(&fig, 1, 1, 2, two, err) == EC_OK &&
		     ec_sg_patch(&fig, r, c, patch, err) == EC_OK &&
		     ec_sg_mask(&fig, r, c, mask, err) == EC_OK;
		if (ok) {
			plain = ec_sg_dot(patch, fig.filter, NULL, 9);
			masked = ec_sg_dot(patch, fig.filter, mask, 9);
			q33_names(one, self, 5, 25, true, p->q33_y11,
				  sizeof(p->q33_y11));
			strncat(p->q33_y11, " besides x_11 itself",
				sizeof(p->q33_y11) - strlen(p->q33_y11) - 1);
			q33_names(two, one, 5, 25, false, p->q33_z11, sizeof(p->q33_z11));
		}
		ec_sg_figure_free(&fig);
		if (!ok)
			return -1;
		/* The mask must matter at the dotted location. */
		if (plain != masked)
			return 0;
	}
	return ec_draw_gave_up(err, "3.3", p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	ec_sg_figure fig;
	bool parsed;
	char *text;           /* the figure file */
	const char *origin;   /* where it was read from */
	ec_key_origin from;   /* a reconstruction, or the exam's (or a variant's) own */
	char name[256];       /* "reconstructed figure data/q3.3.figure" or "figure of variant 7" */
	size_t r, c, n;       /* the dotted location; the filter's cells */
	double patch[CELLS];
	unsigned char mask[CELLS];
	double plain, masked; /* 3.3.1, 3.3.2 */
	/* 3.3.3: the mask one pixel to the left (or why there is none) */
	bool has_left;
	char no_left[200];
	unsigned char left[CELLS];
	/* 3.3.7: the layers that cover the graph (or why none do) */
	ec_sg_reach reach;
	char no_cover[200];
	/* facts: the mistakes */
	double flipped, masked_flipped, no_self;
	char terms[2048], mterms[2048];
	bool has_right;
	unsigned char right[CELLS], left_no_self[CELLS];
	uint64_t ecc_at, ecc_11;
	/* worked: the checks, the demonstrations */
	unsigned char *one, *two;  /* nodes that influence y_11, z_11 */
	char *art;                 /* the graph drawn */
	double with_self, without_self;          /* 3.3.4 */
	size_t c2;                               /* 3.3.5: the column the content moves to */
	unsigned char other[CELLS];
	double here, there;
	bool square;                             /* 3.3.6 needs a square filter */
	double tied[CELLS], rotated[4][2];       /* W as given and tied, at each quarter turn */
	uint64_t growth[GROWTH][5];              /* side, nodes, snake, pooled, full */
};

/* Layers needed on example graphs of side n: snake, snake pooled 2x2, full grid. */
static int growth_table(struct solution *sol, ec_error *err)
{
	static const size_t sides[GROWTH] = {6, 12, 24, 48};
	size_t i;

	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++) {
		ec_sg_figure snake, pooled, full;
		ec_sg_reach rs, rp, rf;

		if (ec_sg_make_snake(&snake, sides[i], err) != EC_OK)
			return -1;
		if (ec_sg_coarsen(&snake, 2, &pooled, err) != EC_OK) {
			ec_sg_figure_free(&snake);
			return -1;
		}
		if (ec_sg_make_full(&full, sides[i], err) != EC_OK) {
			ec_sg_figure_free(&snake);
			ec_sg_figure_free(&pooled);
			return -1;
		}
		if (ec_sg_reach_compute(&snake, &rs, err) != EC_OK ||
		    ec_sg_reach_compute(&pooled, &rp, err) != EC_OK ||
		    ec_sg_reach_compute(&full, &rf, err) != EC_OK) {
			ec_sg_figure_free(&snake);
			ec_sg_figure_free(&pooled);
			ec_sg_figure_free(&full);
			return -1;
		}
		sol->growth[i][0] = sides[i];
		sol->growth[i][1] = rs.nodes;
		sol->growth[i][2] = rs.layers;
		sol->growth[i][3] = rp.layers;
		sol->growth[i][4] = rf.layers;
		ec_sg_figure_free(&snake);
		ec_sg_figure_free(&pooled);
		ec_sg_figure_free(&full);
	}
	return 0;
}

/* The figure's masks and responses for the facts. */
static int solve_facts(struct solution *sol, ec_error *err)
{
	ec_sg_figure *fig = &sol->fig;
	size_t r = sol->r, c = sol->c;
	uint64_t reached;
	bool self = fig->self;

	if (ec_sg_response(fig, r, c, false, true, &sol->flipped, err) != EC_OK ||
	    ec_sg_response(fig, r, c, true, true, &sol->masked_flipped, err) != EC_OK ||
	    ec_sg_format_terms(sol->patch, fig->filter, NULL, sol->n, sol->terms, sizeof(sol->terms),
			       err) != EC_OK ||
	    ec_sg_format_terms(sol->patch, fig->filter, sol->mask, sol->n, sol->mterms,
			       sizeof(sol->mterms), err) != EC_OK)
		return -1;
	fig->self = false;
	if (ec_sg_response(fig, r, c, true, false, &sol->no_self, err) != EC_OK ||
	    (sol->has_left && ec_sg_mask(fig, r, c - 1, sol->left_no_self, err) != EC_OK))
		return -1;
	fig->self = self;
	sol->has_right = c < fig->cols;
	if (sol->has_right && ec_sg_mask(fig, r, c + 1, sol->right, err) != EC_OK)
		return -1;
	if (!sol->no_cover[0] &&
	    (ec_sg_eccentricity(fig, r, c, &sol->ecc_at, &reached, err) != EC_OK ||
	     ec_sg_eccentricity(fig, 1, 1, &sol->ecc_11, &reached, err) != EC_OK))
		return -1;
	return 0;
}

/* What the worked answers show besides. */
static int solve_worked(struct solution *sol, ec_error *err)
{
	ec_sg_figure *fig = &sol->fig;
	size_t r = sol->r, c = sol->c, cells = fig->rows * fig->cols;
	double rpatch[CELLS], tmp[CELLS];
	unsigned char rmask[CELLS], mtmp[CELLS];
	bool self = fig->self;
	int turn;

	if (!(sol->one = malloc(2 * cells))) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	sol->two = sol->one + cells;
	if (ec_sg_influence(fig, 1, 1, 1, sol->one, err) != EC_OK ||
	    ec_sg_influence(fig, 1, 1, 2, sol->two, err) != EC_OK ||
	    ec_sg_render(fig, &sol->art, err) != EC_OK)
		return -1;
	fig->self = true;
	if (ec_sg_response(fig, r, c, true, false, &sol->with_self, err) != EC_OK)
		return -1;
	fig->self = false;
	if (ec_sg_response(fig, r, c, true, false, &sol->without_self, err) != EC_OK)
		return -1;
	fig->self = self;
	sol->c2 = c < fig->cols ? c + 1 : c - 1;
	if (ec_sg_mask(fig, r, sol->c2, sol->other, err) != EC_OK)
		return -1;
	sol->here = ec_sg_dot(sol->patch, fig->filter, sol->mask, sol->n);
	sol->there = ec_sg_dot(sol->patch, fig->filter, sol->other, sol->n);
	sol->square = fig->frows == fig->fcols;
	if (sol->square) {
		ec_sg_tie_weights(fig->filter, fig->frows, fig->fcols, sol->tied);
		memcpy(rpatch, sol->patch, sizeof(rpatch));
		memcpy(rmask, sol->mask, sizeof(rmask));
		for (turn = 0; turn < 4; turn++) {
			sol->rotated[turn][0] = ec_sg_dot(rpatch, fig->filter, rmask, sol->n);
			sol->rotated[turn][1] = ec_sg_dot(rpatch, sol->tied, rmask, sol->n);
			ec_sg_rotate90(rpatch, fig->frows, tmp);
			ec_sg_rotate90_mask(rmask, fig->frows, mtmp);
			memcpy(rpatch, tmp, sol->n * sizeof(*tmp));
			memcpy(rmask, mtmp, sol->n);
		}
	}
	return growth_table(sol, err);
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	ec_sg_figure *fig = &sol->fig;
	const char *built_in;

	sol->p = p;
	if (ec_solving_data(s, p->q33_figure, FIGURE, &sol->text, &sol->origin, &sol->from, err) !=
		    EC_OK ||
	    ec_sg_parse(sol->text, sol->origin, fig, err) != EC_OK)
		return -1;
	sol->parsed = true;
	/* the file's path, without what the origin adds after it ("data/q3.3.figure (built in...)") */
	built_in = strstr(sol->origin, " (built in");
	snprintf(sol->name, sizeof(sol->name), "%s %.*s",
		 sol->from == EC_KEY_FROM_EXAM ? "figure" : "reconstructed figure",
		 (int)(built_in ? (size_t)(built_in - sol->origin) : strlen(sol->origin)),
		 sol->origin);
	if (p->q33_figure[0])
		snprintf(sol->name, sizeof(sol->name), "figure of variant %llu",
			 (unsigned long long)p->seed);
	sol->r = fig->at_row;
	sol->c = fig->at_col;
	sol->n = fig->frows * fig->fcols;
	if (ec_sg_patch(fig, sol->r, sol->c, sol->patch, err) != EC_OK ||
	    ec_sg_mask(fig, sol->r, sol->c, sol->mask, err) != EC_OK ||
	    ec_sg_response(fig, sol->r, sol->c, false, false, &sol->plain, err) != EC_OK ||
	    ec_sg_response(fig, sol->r, sol->c, true, false, &sol->masked, err) != EC_OK)
		return -1;
	/* a sum of products -2 x 0 is -0: the exam writes 0 */
	sol->plain += 0.0;
	sol->masked += 0.0;
	/* parts 3 and 7 fail alone when the figure has no answer to them */
	sol->has_left = sol->c >= 2;
	if (!sol->has_left)
		snprintf(sol->no_left, sizeof(sol->no_left),
			 "%s: the dotted location (%zu,%zu) has no pixel to its left", sol->origin,
			 sol->r, sol->c);
	else if (ec_sg_mask(fig, sol->r, sol->c - 1, sol->left, err) != EC_OK)
		return -1;
	if (ec_sg_reach_compute(fig, &sol->reach, err) != EC_OK)
		return -1;
	if (!sol->reach.covered)
		snprintf(sol->no_cover, sizeof(sol->no_cover),
			 "%s: no number of layers covers this graph (see 'examcheck graphconv')",
			 sol->origin);
	if (s->depth >= EC_DEPTH_FACTS && solve_facts(sol, err) != 0)
		return -1;
	return s->depth == EC_DEPTH_WORKED ? solve_worked(sol, err) : 0;
}

static void release(void *out)
{
	struct solution *sol = out;

	if (sol->parsed)
		ec_sg_figure_free(&sol->fig);
	free(sol->text);
	free(sol->one);
	free(sol->art);
}

/* ---- the worked answers and the key ---- */

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
static void say_source(ec_actx *a, const struct solution *sol)
{
	if (sol->from != EC_KEY_FROM_EXAM)
		ec_say(a, "The exam's Figure 1 was lost in transcription. This answer uses the file\n"
			  "  %s\n"
			  "a RECONSTRUCTION of the figure: its pixel values, weights, edges and dotted\n"
			  "location are invented, chosen to agree with what the exam's text says\n"
			  "about Figure 1.\n",
		       sol->origin);
	else if (sol->p->q33_figure[0])
		ec_say(a, "This answer uses the %s, given in its question.\n", sol->name);
	else
		ec_say(a, "This answer uses the figure file %s (from EXAMCHECK_DATA).\n", sol->origin);
	ec_say(a, "Check against the exam's text: y_11 depends on ");
	say_set(a, &sol->fig, sol->one, NULL);
	ec_say(a, "\n(exam: %s); after a second layer z_11 also\ndepends on ", sol->p->q33_y11);
	say_set(a, &sol->fig, sol->two, sol->one);
	ec_say(a, " (exam: %s).\n"
		  "Rows and columns are 1-indexed; the dotted filter is centred on x_%zu%zu.\n\n",
	       sol->p->q33_z11, sol->r, sol->c);
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

static int show_3_3_1(ec_actx *a, const struct solution *sol)
{
	const ec_sg_figure *fig = &sol->fig;

	if (ec_showing(a)) {
		ec_answer(a, "%g", sol->plain);
		say_source(a, sol);
		ec_say(a, "The graph (pixel values of X; - | \\ / X mark edges):\n\n%s\n", sol->art);
		ec_say(a, "The patch X~ under the dotted %zux%zu filter (rows %zu-%zu, columns %zu-%zu):\n",
		       fig->frows, fig->fcols, sol->r - fig->frows / 2, sol->r + fig->frows / 2,
		       sol->c - fig->fcols / 2, sol->c + fig->fcols / 2);
		say_matrix(a, sol->patch, fig->frows, fig->fcols);
		ec_say(a, "and the filter W:\n");
		say_matrix(a, fig->filter, fig->frows, fig->fcols);
		ec_say(a, "\nIgnoring the edges, the activation is the dot product of the two,\n"
			  "element by element:\n"
			  "  X~ . W = %s = %g\n\n",
		       sol->terms, sol->plain);
		ec_say(a, "Reading: the exam defines the operation as the dot product X~ . W, so W is\n"
			  "not flipped (cross-correlation, as in deep-learning libraries). A textbook\n"
			  "convolution that first rotates W by 180 degrees would give %g.\n",
		       sol->flipped);
	}
	return ec_keyf_data(a, FIGURE, sol->from, "3.3.1", EC_KEY_NUMBER, 4, "%.15g", sol->plain);
}

static int show_3_3_2(ec_actx *a, const struct solution *sol)
{
	const ec_sg_figure *fig = &sol->fig;
	char digits[CELLS + 1];
	size_t k;

	if (ec_showing(a)) {
		mask_digits(sol->mask, sol->n, digits);
		ec_answer(a, "%g", sol->masked);
		say_source(a, sol);
		ec_say(a, "M_%zu%zu has a 1 where the pixel under the filter is joined to x_%zu%zu by an\n"
			  "edge, and at the centre (every node is connected to itself%s):\n",
		       sol->r, sol->c, sol->r, sol->c,
		       fig->self ? "" : "; here 'self 0' turns that off");
		say_mask(a, sol->mask, fig->frows, fig->fcols);
		ec_say(a, "(row-major %s). Connected neighbours of x_%zu%zu:", digits, sol->r, sol->c);
		for (k = 0; k < sol->n; k++) {
			long dr = (long)(k / fig->fcols) - (long)(fig->frows / 2);
			long dc = (long)(k % fig->fcols) - (long)(fig->fcols / 2);

			if (sol->mask[k] && k != sol->n / 2)
				ec_say(a, " x_%ld%ld", (long)sol->r + dr, (long)sol->c + dc);
		}
		ec_say(a, ".\n\nOnly these positions keep their weight in W (.) M, so\n"
			  "  X~ . (W (.) M) = %s = %g\n\n",
		       sol->mterms, sol->masked);
		ec_say(a, "With a flipped W (textbook convolution) the masked value would be %g.\n",
		       sol->masked_flipped);
	}
	return ec_keyf_data(a, FIGURE, sol->from, "3.3.2", EC_KEY_NUMBER, 4, "%.15g", sol->masked);
}

static int show_3_3_3(ec_actx *a, const struct solution *sol)
{
	char digits[CELLS + 1];

	if (!sol->has_left) {
		ec_error_set(&a->err, EC_ERR_RANGE, "%s", sol->no_left);
		return -1;
	}
	mask_digits(sol->left, sol->n, digits);
	ec_answer(a, "%s", digits);
	if (ec_showing(a))
		say_source(a, sol);
	ec_say(a, "Moved one pixel to the left, the filter is centred on x_%zu%zu. Its mask has\n"
		  "a 1 at the centre (self-connection) and wherever an edge of x_%zu%zu ends:\n",
	       sol->r, sol->c - 1, sol->r, sol->c - 1);
	say_mask(a, sol->left, sol->fig.frows, sol->fig.fcols);
	ec_say(a, "Row-major: %s. The mask changes with the location because each node has\n"
		  "its own edges (compare M_%zu%zu in 3.3.2).\n",
	       digits, sol->r, sol->c);
	return ec_keyf_data(a, FIGURE, sol->from, "3.3.3", EC_KEY_MASK, 2, "%s", digits);
}

static int show_3_3_4(ec_actx *a, const struct solution *sol)
{
	size_t centre = sol->n / 2;

	/* A hint for the grader: the figure only serves the worked text. */
	if (ec_keyf(a, "3.3.4", EC_KEY_MANUAL, 1,
		    "self-connection: x_ij is connected to itself, so its own value (times the "
		    "centre weight) contributes to y_ij") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	ec_answer(a, "the node is connected to itself, so its own value x_ij enters y_ij");
	ec_say(a, "A 1 at the centre of M_ij is a self-connection (a self-loop): the centre\n"
		  "node x_ij counts as connected to itself, so its own feature, weighted by the\n"
		  "centre weight of W, contributes to its new feature y_ij. Without it a\n"
		  "layer would replace each node's feature by a mix of its neighbours only.\n\n");
	ec_say(a, "On the %s at x_%zu%zu:\n"
		  "with the centre 1 the masked response is %g; with the centre 0 it is %g,\n"
		  "the difference being x_%zu%zu * W_centre = %g * %g.\n",
	       sol->name, sol->r, sol->c, sol->with_self, sol->without_self, sol->r, sol->c,
	       sol->patch[centre], sol->fig.filter[centre]);
	return 0;
}

static int show_3_3_5(ec_actx *a, const struct solution *sol)
{
	char d1[CELLS + 1], d2[CELLS + 1];

	if (ec_keyf(a, "3.3.5", EC_KEY_MANUAL, 2,
		    "No: M_ij depends on the graph edges at each location, so shifting X over a "
		    "fixed graph changes outputs; invariant only if the graph moves too") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	mask_digits(sol->mask, sol->n, d1);
	mask_digits(sol->other, sol->n, d2);
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
	       sol->name, sol->r, sol->c, sol->r, sol->c2, sol->plain, sol->r, sol->c, d1, sol->here,
	       sol->r, sol->c2, d2, sol->there);
	if (sol->here == sol->there)
		ec_say(a, "Here the two masks happen to give the same value, but they differ\n"
			  "in general whenever the connectivity differs.\n");
	return 0;
}

static int show_3_3_6(ec_actx *a, const struct solution *sol)
{
	int turn;

	if (ec_keyf(a, "3.3.6", EC_KEY_MANUAL, 2,
		    "share one weight for all off-centre positions of W (centre may differ): "
		    "y = w_c x_ij + w_n * sum of connected neighbours") != 0)
		return -1;
	if (!ec_showing(a))
		return 0;
	if (!sol->square) {
		ec_error_set(&a->err, EC_ERR_RANGE,
			     "%s: the rotation demonstration needs a square filter, not %zux%zu",
			     sol->origin, sol->fig.frows, sol->fig.fcols);
		return -1;
	}
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
	       sol->name, sol->r, sol->c, sol->tied[sol->n / 2], sol->tied[0]);
	for (turn = 0; turn < 4; turn++)
		ec_say(a, "  rotated %3d degrees: W gives %6g, tied W gives %g\n", 90 * turn,
		       sol->rotated[turn][0], sol->rotated[turn][1]);
	ec_say(a, "With the given W the value depends on where the neighbours are; with the\n"
		  "tied W it does not.\n");
	return 0;
}

static int show_3_3_7(ec_actx *a, const struct solution *sol)
{
	const ec_sg_reach *reach = &sol->reach;
	size_t i;

	if (sol->no_cover[0]) {
		ec_error_set(&a->err, EC_ERR_RANGE, "%s", sol->no_cover);
		return -1;
	}
	if (ec_showing(a)) {
		ec_answer(a, "%llu", (unsigned long long)reach->layers);
		say_source(a, sol);
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
		       sol->r, sol->c, (unsigned long long)sol->ecc_at,
		       (unsigned long long)sol->ecc_11, (unsigned long long)reach->radius,
		       (unsigned long long)(reach->layers - 1));
		ec_say(a, "What it depends on: the graph's diameter, i.e. its size and shape, not the\n"
			  "filter. A chain that snakes through an n x n image has diameter n*n - 1,\n"
			  "while a fully connected grid needs only n - 1. Layers needed, computed\n"
			  "(\"snake pooled 2x2\": layers on the coarse graph after one 2x2 pooling):\n");
		ec_say(a, "  side  nodes  chain (snake)  snake pooled 2x2  full grid\n");
		for (i = 0; i < GROWTH; i++)
			ec_say(a, "  %4zu  %5llu  %13llu  %16llu  %9llu\n", (size_t)sol->growth[i][0],
			       (unsigned long long)sol->growth[i][1],
			       (unsigned long long)sol->growth[i][2],
			       (unsigned long long)sol->growth[i][3],
			       (unsigned long long)sol->growth[i][4]);
		ec_say(a, "\nWhy that is a problem: the depth must grow with the graph (up to the\n"
			  "number of nodes), and a fixed network cannot adapt to graphs of other\n"
			  "sizes. Deep stacks cost parameters, memory and time, are hard to train\n"
			  "(vanishing gradients) and average features into sameness (over-smoothing).\n\n"
			  "Remedies: pool or coarsen the graph between layers (merge blocks of nodes,\n"
			  "as the 2x2 column above shows: far fewer layers at the coarse level, and a\n"
			  "pyramid of poolings gives logarithmic depth); use larger or dilated masks\n"
			  "that reach several hops per layer; add skip connections or a global\n"
			  "aggregation (a graph-level readout or attention) that sees all nodes.\n");
	}
	if (ec_keyf_data(a, FIGURE, sol->from, "3.3.7", EC_KEY_COUNT, 1, "%llu",
			 (unsigned long long)reach->layers) != 0)
		return -1;
	return ec_keyf(a, "3.3.7.why", EC_KEY_MANUAL, 2,
		       "depends on graph diameter (size/shape); deep stacks: cost, vanishing "
		       "gradients, over-smoothing; fix: pooling/coarsening, bigger masks, skips");
}

static int show(ec_actx *a, const void *out)
{
	static int (*const parts[])(ec_actx *, const struct solution *) = {
		show_3_3_1, show_3_3_2, show_3_3_3, show_3_3_4, show_3_3_5, show_3_3_6, show_3_3_7,
	};
	size_t k = (size_t)(a->q->id[4] - '1');

	return k < sizeof(parts) / sizeof(parts[0]) ? parts[k](a, out) : -1;
}

/* ---- the facts of parts 1-3 and the count of part 7 ---- */

static int facts_responses(ec_explainer *ex, const struct solution *sol, ec_error *err)
{
	size_t r = sol->r, c = sol->c;
	char digits[CELLS + 1], d[LINE];
	ec_item_facts *f;

	mask_digits(sol->mask, sol->n, digits);
	if (!(f = ec_facts_add(ex, "3.3.1", EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%.15g", sol->plain);
	ec_facts_line(f, "X~ . W at x_%zu%zu, edges ignored and W not flipped: %s = %g", r, c,
		      sol->terms, sol->plain);
	snprintf(d, sizeof(d), "W rotated by 180 degrees first (a textbook convolution) gives %g; "
		 "the exam's operation is the dot product X~ . W",
		 sol->flipped);
	ec_facts_mistake_number(f, "response with W flipped", sol->flipped, d);
	snprintf(d, sizeof(d), "X~ . (W (.) M_%zu%zu) = %g is part 2's question; part 1 ignores the "
		 "edges",
		 r, c, sol->masked);
	ec_facts_mistake_number(f, "masked response (part 2)", sol->masked, d);

	if (!(f = ec_facts_add(ex, "3.3.2", EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%.15g", sol->masked);
	ec_facts_line(f, "X~ . (W (.) M_%zu%zu) with M_%zu%zu = %s (%sthe nodes joined to x_%zu%zu): "
			 "%s = %g",
		      r, c, r, c, digits, sol->fig.self ? "the centre and " : "", r, c, sol->mterms,
		      sol->masked);
	snprintf(d, sizeof(d), "X~ . W = %g leaves out the mask M_%zu%zu", sol->plain, r, c);
	ec_facts_mistake_number(f, "response without the mask", sol->plain, d);
	snprintf(d, sizeof(d), "W rotated by 180 degrees first gives %g", sol->masked_flipped);
	ec_facts_mistake_number(f, "masked response with W flipped", sol->masked_flipped, d);
	if (sol->fig.self) {
		snprintf(d, sizeof(d), "with a 0 at the centre of M_%zu%zu the response is %g; x_%zu%zu "
			 "is connected to itself",
			 r, c, sol->no_self, r, c);
		ec_facts_mistake_number(f, "masked response without the self-connection",
					sol->no_self, d);
	}
	return 0;
}

static int facts_left_mask(ec_explainer *ex, const struct solution *sol, ec_error *err)
{
	size_t r = sol->r, c = sol->c;
	char left[CELLS + 1], other[CELLS + 1], d[LINE];
	ec_item_facts *f;

	if (!sol->has_left)
		return 0; /* the question has no answer for this figure: no facts */
	mask_digits(sol->left, sol->n, left);
	if (!(f = ec_facts_add(ex, "3.3.3", EC_KEY_MASK, err)))
		return -1;
	ec_facts_answer(f, "%s", left);
	ec_facts_line(f, "M_%zu%zu, row-major: a 1 %sat every node an edge joins to x_%zu%zu", r,
		      c - 1, sol->fig.self ? "at the centre (the node itself) and " : "", r, c - 1);
	mask_digits(sol->mask, sol->n, other);
	snprintf(d, sizeof(d), "%s is M_%zu%zu, the mask before the move", other, r, c);
	ec_facts_mistake_mask(f, "mask of the dotted location (not moved)", other, d);
	if (sol->has_right) {
		mask_digits(sol->right, sol->n, other);
		snprintf(d, sizeof(d), "%s is M_%zu%zu, one pixel to the right", other, r, c + 1);
		ec_facts_mistake_mask(f, "mask moved to the right", other, d);
	}
	if (!sol->fig.self)
		return 0;
	mask_digits(sol->left_no_self, sol->n, other);
	snprintf(d, sizeof(d), "%s has a 0 at the centre, but a node is connected to itself", other);
	ec_facts_mistake_mask(f, "mask without the self-connection", other, d);
	return 0;
}

static int facts_layers(ec_explainer *ex, const struct solution *sol, ec_error *err)
{
	const ec_sg_reach *reach = &sol->reach;
	char d[LINE];
	ec_item_facts *f;

	if (sol->no_cover[0])
		return 0;
	if (!(f = ec_facts_add(ex, "3.3.7", EC_KEY_COUNT, err)))
		return -1;
	ec_facts_answer(f, "%llu", (unsigned long long)reach->layers);
	ec_facts_line(f, "each layer reaches one more hop, so every node sees all %llu once the stack "
			 "is as deep as the graph's diameter: %llu hops (breadth-first search from "
			 "every node)",
		      (unsigned long long)reach->nodes, (unsigned long long)reach->diameter);
	snprintf(d, sizeof(d), "%llu hops from x_%zu%zu to its farthest node; every node has to see "
		 "the whole graph",
		 (unsigned long long)sol->ecc_at, sol->r, sol->c);
	ec_facts_mistake_count(f, "eccentricity of the dotted node", sol->ecc_at, d);
	snprintf(d, sizeof(d), "%llu hops from x_11 to its farthest node; every node has to see the "
		 "whole graph",
		 (unsigned long long)sol->ecc_11);
	ec_facts_mistake_count(f, "eccentricity of x_11, the exam's example", sol->ecc_11, d);
	snprintf(d, sizeof(d), "%llu, the smallest eccentricity, is enough for one node only",
		 (unsigned long long)reach->radius);
	ec_facts_mistake_count(f, "radius, not the diameter", reach->radius, d);
	snprintf(d, sizeof(d), "%llu layers after the first; the first layer counts too",
		 (unsigned long long)(reach->layers - 1));
	ec_facts_mistake_count(f, "count without the first layer", reach->layers - 1, d);
	return 0;
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;

	if (facts_responses(ex, sol, err) != 0 || facts_left_mask(ex, sol, err) != 0)
		return -1;
	return facts_layers(ex, sol, err);
}

/* ---- the text and its numbers ---- */

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

static int text_3_3(const ec_solving *s, ec_text *t, ec_error *err)
{
	ec_sg_figure fig;
	ec_buf b = EC_BUF_INIT;
	const char *origin;
	char *text, *art;
	ec_key_origin from;
	size_t i, j;

	if (ec_solving_data(s, s->p->q33_figure, FIGURE, &text, &origin, &from, err) != EC_OK)
		return -1;
	if (ec_sg_parse(text, FIGURE, &fig, err) != EC_OK) {
		free(text);
		return -1;
	}
	free(text);
	if (ec_sg_render(&fig, &art, err) != EC_OK) {
		ec_sg_figure_free(&fig);
		return -1;
	}
	ec_text_para(t, "An image classifier should not care whether an object sits in the middle of\n"
			"the image or in a corner. Convolutions give CNNs that translation invariance:\n"
			"a filter W slides over the input X and computes the same feature wherever it\n"
			"is, the dot product X~ . W of W with the patch X~ it covers. Some tasks need\n"
			"to leave certain pixels out of a filter, for instance convolutions over 2D\n"
			"spatial graphs, which must respect which nodes are connected.");
	ec_text_para(t, "Spatial graph: G = <X, E>. Every pixel of the image grid X is a node x_ij; an\n"
			"edge of E joins two nodes that influence each other, and nodes without an\n"
			"edge between them do not.");
	ec_text_para(t, "Feature extraction on the graph: to extract the feature of node x_ij from\n"
			"the nodes directly connected to it, centre W on x_ij and take the dot\n"
			"product as a convolution does, but first multiply W element by element by a\n"
			"binary mask M_ij that keeps only the nodes connected to x_ij:");
	ec_text_pre(t, "Y = f(X, W, M) = X~ . (W (.) M_ij)");
	ec_text_para(t, "M_ij has a 1 where the pixel under the filter is connected to the centre node\n"
			"and a 0 where it is not, so the mask changes as W moves over the graph.");
	ec_text_para(t, "The figure: a %zu x %zu single-channel image X (pixel values; edges drawn\n"
			"with - | \\ / and X for two crossing diagonals), the %zu x %zu filter W, and\n"
			"the dotted filter location, centred on x_%zu%zu (row %zu, column %zu).%s",
		     fig.rows, fig.cols, fig.frows, fig.fcols, fig.at_row, fig.at_col, fig.at_row,
		     fig.at_col,
		     from == EC_KEY_FROM_EXAM
			     ? ""
			     : "\n(The exam's Figure 1 was lost; this is the reconstruction "
			       "in\ndata/q3.3.figure that the worked answer uses.)");
	ec_text_pre(t, "%s", art);
	free(art);
	ec_buf_append(&b, "W =");
	for (i = 0; i < fig.frows; i++) {
		if (i)
			ec_buf_append(&b, "\n   ");
		for (j = 0; j < fig.fcols; j++)
			ec_buf_appendf(&b, " %3g", fig.filter[i * fig.fcols + j]);
	}
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	ec_sg_figure_free(&fig);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	ec_buf b = EC_BUF_INIT;

	if (strcmp(q->id, "3.3") == 0)
		return text_3_3(s, t, err);
	switch (q->id[4]) {
	case '1':
		ec_text_para(t, "Compute the activation at the dotted location: the filter W over the\n"
				"image X, ignoring the mask and the edges.");
		break;
	case '2':
		ec_text_para(t, "Compute it again, this time over the connected nodes only, with the mask\n"
				"M_ij.");
		break;
	case '3':
		ec_text_para(t, "What is the mask M_ij when the dotted box moves one pixel to the left?");
		break;
	case '4':
		ec_text_para(t, "What does a 1 at the centre of M_ij mean?");
		break;
	case '5':
		ec_text_para(t, "Is this feature extraction translation-invariant in image space X, as a 2D\n"
				"convolution is? Say why or why not.");
		break;
	case '6':
		ec_text_para(t, "The extraction is translation-invariant within the space of spatial graphs,\n"
				"but it still depends on where a connected node lies relative to the centre\n"
				"node x_ij: to its right, left, above or below. How would you set the weights\n"
				"of W to remove that dependence?");
		break;
	default:
		ec_buf_appendf(&b, "Y = f(X, W, M) only looks at directly connected nodes: in the figure, y_11\n"
				   "is influenced only by %s. Applying the\n"
				   "operation again, Z = f(Y, W, M), reaches nodes connected at second order:\n"
				   "z_11 is then also influenced by ",
			       s->p->q33_y11);
		listed(&b, s->p->q33_z11);
		ec_buf_append(&b, ". Stacking more layers reaches third-order,\n"
				  "fourth-order connections and so on, until every feature has taken the whole\n"
				  "graph into account.");
		ec_text_para(t, "%s", ec_buf_str(&b));
		ec_text_para(t, "How many such layers must be stacked to take the entire graph of the figure\n"
				"into account? What does that number depend on, and why can that be a\n"
				"problem? How could the problem be solved?");
		ec_buf_free(&b);
		break;
	}
	return 0;
}

/* 3.3: "figure", the figure file. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	const char *origin;
	char *text;

	if (strcmp(q->id, "3.3") != 0)
		return 0;
	if (ec_solving_data(s, s->p->q33_figure, FIGURE, &text, &origin, NULL, err) != EC_OK)
		return -1;
	fputs("\"figure\": ", f);
	ec_write_json_string(f, text);
	free(text);
	return 0;
}

const ec_module ec_module_3_3 = {
	.id = "3.3",
	.size = sizeof(struct solution),
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.release = release,
	.show = show,
	.facts = facts,
};
