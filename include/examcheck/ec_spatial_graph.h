/*
 * ec_spatial_graph.h: masked convolution over 2D spatial graphs (exam
 * question 3.3). Every pixel of a single-channel image is a node; undirected
 * edges join pixels that lie within the filter's reach. A filter centred on
 * pixel (r, c) only sees the pixels connected to (r, c), through a binary
 * mask M_rc. Rows and columns are 1-indexed throughout, as in the exam.
 */
#ifndef EC_SPATIAL_GRAPH_H
#define EC_SPATIAL_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest image side accepted (rows and columns), in pixels. */
#define EC_SG_MAX_SIDE 64
/** Largest filter side accepted; filter sides are odd, 1 to 7. */
#define EC_SG_MAX_FILTER 7

/**
 * A spatial graph with its image and filter. `links[p]` holds the edges of
 * pixel p = (r-1)*cols + (c-1): bit (dr+hr)*fcols + (dc+hc) is set when an
 * edge joins p to the pixel at offset (dr, dc), where hr = frows/2 and
 * hc = fcols/2. `self` is true when every node is connected to itself (the
 * centre of every mask is 1). `at_row`, `at_col` is the marked filter
 * location, 0 when none was given. Release with ec_sg_figure_free().
 */
typedef struct ec_sg_figure {
	size_t rows, cols;
	double *image;
	size_t frows, fcols;
	double *filter;
	uint64_t *links;
	bool self;
	size_t at_row, at_col;
} ec_sg_figure;

/**
 * Make an empty figure: a rows x cols image of zeros, a frows x fcols filter
 * of zeros, no edges, self-connections on, no marked location. Fails with
 * EC_ERR_RANGE when a side is 0 or above its limit, a filter side is even or
 * the filter is larger than the image; EC_ERR_NOMEM when memory runs out.
 */
ec_status ec_sg_figure_init(ec_sg_figure *fig, size_t rows, size_t cols, size_t frows,
			    size_t fcols, ec_error *err);

/** Release a figure's memory (safe on a zeroed or already freed figure). */
void ec_sg_figure_free(ec_sg_figure *fig);

/**
 * Add the undirected edge (r1, c1)-(r2, c2). Fails with EC_ERR_RANGE when a
 * pixel is outside the image, the two pixels are the same, or they are more
 * than frows/2 rows or fcols/2 columns apart (beyond the filter's reach:
 * with a 3x3 filter only the 8 neighbours, diagonals included); with
 * EC_ERR_INVALID when the edge is already present.
 */
ec_status ec_sg_add_edge(ec_sg_figure *fig, size_t r1, size_t c1, size_t r2, size_t c2,
			 ec_error *err);

/** True when an edge joins (r1, c1) and (r2, c2); false for pixels out of range. */
bool ec_sg_has_edge(const ec_sg_figure *fig, size_t r1, size_t c1, size_t r2, size_t c2);

/** Number of edges of the figure. */
uint64_t ec_sg_edge_count(const ec_sg_figure *fig);

/**
 * Parse a figure file (format in examcheck-formats(5), "Figure file"):
 *
 *     # comment
 *     image R C      then R rows of C numbers
 *     filter R C     then R rows of C numbers (odd sides, not larger than the image)
 *     edges          then lines "r1 c1 r2 c2", one undirected edge each
 *     at r c         the marked filter location (centre pixel)
 *     self 0|1       optional; 0 removes the self-connection of every node
 *
 * image, filter and edges come in this order; at and self may follow
 * anywhere after the image. Lines end at LF, CRLF or a lone CR; a UTF-8
 * byte-order mark at the start is skipped. `file` names the text in messages. On failure
 * returns EC_ERR_PARSE (EC_ERR_NOMEM when memory runs out) with err->file
 * and err->line set, and leaves *fig empty.
 */
ec_status ec_sg_parse(const char *text, const char *file, ec_sg_figure *fig, ec_error *err);

/**
 * The frows x fcols image patch centred on (r, c), row-major, with 0 for
 * positions outside the image (zero padding). EC_ERR_RANGE when (r, c) is
 * outside the image.
 */
ec_status ec_sg_patch(const ec_sg_figure *fig, size_t r, size_t c, double *patch,
		      ec_error *err);

/**
 * The binary mask M_rc, frows x fcols row-major: 1 where the pixel under the
 * filter is connected to (r, c), 0 where it is not or lies outside the image;
 * the centre is 1 when fig->self. EC_ERR_RANGE when (r, c) is outside.
 */
ec_status ec_sg_mask(const ec_sg_figure *fig, size_t r, size_t c, unsigned char *mask,
		     ec_error *err);

/**
 * Dot product of an n-element patch with the weights w, using only the
 * positions where mask is 1; mask NULL uses every position.
 */
double ec_sg_dot(const double *patch, const double *w, const unsigned char *mask, size_t n);

/**
 * The filter response at (r, c): X~ . W when `masked` is false (edges
 * ignored), X~ . (W (.) M_rc) when true. X~ is the zero-padded patch; no
 * kernel flip (cross-correlation, the exam's "dot product"); `flipped`
 * true rotates W by 180 degrees first (textbook convolution).
 * EC_ERR_RANGE when (r, c) is outside the image.
 */
ec_status ec_sg_response(const ec_sg_figure *fig, size_t r, size_t c, bool masked,
			 bool flipped, double *out, ec_error *err);

/**
 * Rotate an n x n row-major array by 90 degrees clockwise into out
 * (out[i][j] = in[n-1-j][i]); in and out must not overlap.
 */
void ec_sg_rotate90(const double *in, size_t n, double *out);

/** ec_sg_rotate90() for masks. */
void ec_sg_rotate90_mask(const unsigned char *in, size_t n, unsigned char *out);

/**
 * Tie the weights of an frows x fcols filter: the centre keeps its weight,
 * every other position gets the mean of the non-centre weights. The masked
 * response of a tied filter is w_centre * x_centre + w_tied * (sum of the
 * connected neighbours), so it no longer depends on where a neighbour lies.
 */
void ec_sg_tie_weights(const double *w, size_t frows, size_t fcols, double *tied);

/**
 * Which nodes influence the feature at (r, c) after `layers` stacked masked
 * convolutions (structurally, assuming no weight is 0): the nodes reached
 * from (r, c) by a walk of exactly `layers` edges, where each node also has
 * a loop edge when fig->self (so, with self-connections, the nodes within
 * `layers` hops). set[p] is 1 or 0 for pixel p = (r-1)*cols + (c-1).
 * EC_ERR_RANGE when (r, c) is outside; EC_ERR_NOMEM.
 */
ec_status ec_sg_influence(const ec_sg_figure *fig, size_t r, size_t c, uint64_t layers,
			  unsigned char *set, ec_error *err);

/**
 * Breadth-first search from (r, c), self-connections ignored: *ecc is the
 * largest hop distance to a node of its connected component (0 for an
 * isolated pixel), *reached the component's size. EC_ERR_RANGE, EC_ERR_NOMEM.
 */
ec_status ec_sg_eccentricity(const ec_sg_figure *fig, size_t r, size_t c, uint64_t *ecc,
			     uint64_t *reached, ec_error *err);

/** How many stacked layers cover the graph; see ec_sg_reach_compute(). */
typedef struct ec_sg_reach {
	uint64_t nodes;      /**< pixels */
	uint64_t components; /**< connected components, isolated pixels included */
	uint64_t diameter;   /**< largest eccentricity (BFS, hops) over all nodes */
	uint64_t radius;     /**< smallest eccentricity over all nodes */
	bool covered;        /**< false when no number of layers works (see below) */
	uint64_t layers;     /**< smallest k >= 1 that works, when covered */
} ec_sg_reach;

/**
 * The smallest number k >= 1 of stacked layers after which the feature of
 * every node is influenced by every node of its own connected component
 * (the whole graph when it is connected). With self-connections this is
 * max(1, diameter). Without them (fig->self false) a feature after k layers
 * sees only walks of exactly k edges, so a bipartite component or an
 * isolated pixel is never covered (covered = false); otherwise k is found by
 * a breadth-first search over (node, parity of walk length). EC_ERR_NOMEM.
 */
ec_status ec_sg_reach_compute(const ec_sg_figure *fig, ec_sg_reach *out, ec_error *err);

/**
 * Pool the graph over factor x factor blocks of pixels (graph coarsening):
 * out gets a ceil(rows/factor) x ceil(cols/factor) image holding the block
 * means, a 3x3 filter of zeros, and an edge between two blocks when any edge
 * of fig joins a pixel of one to a pixel of the other. Requires fig's filter
 * to be 3x3 (edges between 8-neighbours only). EC_ERR_RANGE when factor is
 * 0, the filter is not 3x3 or fewer than 3x3 blocks remain; EC_ERR_NOMEM.
 */
ec_status ec_sg_coarsen(const ec_sg_figure *fig, size_t factor, ec_sg_figure *out,
			ec_error *err);

/**
 * Make a chain ("snake") graph on an n x n image with a 3x3 filter: a single
 * path that runs left to right along row 1, down, right to left along row 2,
 * and so on, so the graph's diameter is n*n - 1. EC_ERR_RANGE when n is
 * below 3 or above EC_SG_MAX_SIDE; EC_ERR_NOMEM.
 */
ec_status ec_sg_make_snake(ec_sg_figure *fig, size_t n, ec_error *err);

/**
 * Make a full grid graph on an n x n image with a 3x3 filter: every pixel is
 * joined to all of its 8 neighbours, so the diameter is n - 1.
 * EC_ERR_RANGE when n is below 3 or above EC_SG_MAX_SIDE; EC_ERR_NOMEM.
 */
ec_status ec_sg_make_full(ec_sg_figure *fig, size_t n, ec_error *err);

/**
 * Draw the graph as text into a new NUL-terminated string (*text, release
 * with free()). Each pixel shows its value (printf "%g", right-aligned to a
 * common width); "-" joins horizontal neighbours, "|" vertical ones, "\\"
 * and "/" diagonal ones, "X" both diagonals of a 2x2 square. Edges longer
 * than one step (filters above 3x3) are listed after the grid as
 * "longer edges: (r,c)-(r,c) ...". Lines end in "\n". EC_ERR_NOMEM.
 */
ec_status ec_sg_render(const ec_sg_figure *fig, char **text, ec_error *err);

/**
 * Write the terms of a (masked) dot product, e.g. "3*1 + 3*2 + 2*(-1)",
 * into buf: one "x*w" per position where mask is 1 (every position when
 * mask is NULL), negative numbers in parentheses, "0" when there is no
 * term. EC_ERR_RANGE when buf (size bytes) is too small.
 */
ec_status ec_sg_format_terms(const double *patch, const double *w, const unsigned char *mask,
			     size_t n, char *buf, size_t size, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
