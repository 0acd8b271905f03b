#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_spatial_graph.h"

#define FIGURE_PATH "data/q3.3.figure"

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void load_shipped(ec_sg_figure *fig)
{
	char *text = read_text(FIGURE_PATH);
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_sg_parse(text, FIGURE_PATH, fig, &err), EC_OK);
	free(text);
}

static void mask_string(const unsigned char *mask, size_t n, char *out)
{
	size_t k;

	for (k = 0; k < n; k++)
		out[k] = (char)('0' + mask[k]);
	out[n] = '\0';
}

/* A 3x3 image with values 1..9 row-major and a 3x3 filter. */
static void small_figure(ec_sg_figure *fig)
{
	ec_error err;
	size_t k;

	assert_int_equal(ec_sg_figure_init(fig, 3, 3, 3, 3, &err), EC_OK);
	for (k = 0; k < 9; k++)
		fig->image[k] = (double)(k + 1);
}

/* ---- independent brute force: adjacency matrix from ec_sg_has_edge ---- */

static unsigned char *adjacency(const ec_sg_figure *fig, bool loops)
{
	size_t n = fig->rows * fig->cols, p, q;
	unsigned char *a = calloc(n * n, 1);

	assert_non_null(a);
	for (p = 0; p < n; p++)
		for (q = 0; q < n; q++)
			a[p * n + q] = (loops && p == q) ||
				       ec_sg_has_edge(fig, p / fig->cols + 1, p % fig->cols + 1,
						      q / fig->cols + 1, q % fig->cols + 1);
	return a;
}

/* Floyd-Warshall: the largest finite shortest-path distance. */
static uint64_t brute_diameter(const ec_sg_figure *fig)
{
	size_t n = fig->rows * fig->cols, i, j, k;
	unsigned char *a = adjacency(fig, false);
	uint64_t *d = malloc(n * n * sizeof(*d)), best = 0;

	assert_non_null(d);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			d[i * n + j] = i == j ? 0 : a[i * n + j] ? 1 : UINT64_MAX / 4;
	for (k = 0; k < n; k++)
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++)
				if (d[i * n + k] + d[k * n + j] < d[i * n + j])
					d[i * n + j] = d[i * n + k] + d[k * n + j];
	for (i = 0; i < n * n; i++)
		if (d[i] < UINT64_MAX / 4 && d[i] > best)
			best = d[i];
	free(a);
	free(d);
	return best;
}

/*
 * Floyd-Warshall again, per node: ecc[v] = the largest finite distance from
 * v; returns the number of connected components (rows of the distance
 * matrix with a new smallest finite index).
 */
static uint64_t brute_eccentricities(const ec_sg_figure *fig, uint64_t *ecc)
{
	size_t n = fig->rows * fig->cols, i, j, k;
	unsigned char *a = adjacency(fig, false);
	uint64_t *d = malloc(n * n * sizeof(*d)), components = 0;

	assert_non_null(d);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			d[i * n + j] = i == j ? 0 : a[i * n + j] ? 1 : UINT64_MAX / 4;
	for (k = 0; k < n; k++)
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++)
				if (d[i * n + k] + d[k * n + j] < d[i * n + j])
					d[i * n + j] = d[i * n + k] + d[k * n + j];
	for (i = 0; i < n; i++) {
		size_t first = n;

		ecc[i] = 0;
		for (j = 0; j < n; j++) {
			if (d[i * n + j] >= UINT64_MAX / 4)
				continue;
			if (first == n)
				first = j;
			if (d[i * n + j] > ecc[i])
				ecc[i] = d[i * n + j];
		}
		components += first == i;
	}
	free(a);
	free(d);
	return components;
}

/*
 * Boolean matrix powers: row v of A^k is the set of nodes reached by walks
 * of exactly k edges (A has loops when fig->self). Returns the smallest
 * k in 1..limit with every row of A^k covering its component (component =
 * nonzero entries of (A + I)^n), or 0 when none.
 */
static uint64_t brute_layers(const ec_sg_figure *fig, uint64_t limit)
{
	size_t n = fig->rows * fig->cols, i, j, l;
	unsigned char *a = adjacency(fig, fig->self), *reach = adjacency(fig, true);
	unsigned char *pw = malloc(n * n), *tmp = malloc(n * n);
	uint64_t k, found = 0;

	assert_non_null(pw);
	assert_non_null(tmp);
	for (k = 0; k < n; k++) { /* transitive closure of reach */
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++)
				if (reach[i * n + k] && reach[k * n + j])
					reach[i * n + j] = 1;
	}
	memcpy(pw, a, n * n);
	for (k = 1; k <= limit && !found; k++) {
		bool ok = true;

		for (i = 0; i < n * n && ok; i++)
			if (reach[i] && !pw[i])
				ok = false;
		if (ok)
			found = k;
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				unsigned char v = 0;

				for (l = 0; l < n && !v; l++)
					v = pw[i * n + l] && a[l * n + j];
				tmp[i * n + j] = v;
			}
		memcpy(pw, tmp, n * n);
	}
	free(a);
	free(reach);
	free(pw);
	free(tmp);
	return found;
}

static uint64_t xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A pseudo-random graph: each 8-neighbour edge kept with probability 1/denom. */
static void random_figure(ec_sg_figure *fig, size_t rows, size_t cols, uint64_t *seed,
			  unsigned denom)
{
	ec_error err;
	size_t r, c;
	static const int off[4][2] = {{0, 1}, {1, -1}, {1, 0}, {1, 1}};

	assert_int_equal(ec_sg_figure_init(fig, rows, cols, 3, 3, &err), EC_OK);
	for (r = 1; r <= rows; r++)
		for (c = 1; c <= cols; c++) {
			int k;

			for (k = 0; k < 4; k++) {
				long r2 = (long)r + off[k][0], c2 = (long)c + off[k][1];

				if (r2 < 1 || c2 < 1 || r2 > (long)rows || c2 > (long)cols)
					continue;
				if (xorshift(seed) % denom == 0)
					assert_int_equal(ec_sg_add_edge(fig, r, c, (size_t)r2,
									(size_t)c2, &err),
							 EC_OK);
			}
		}
}

/*
 * A pseudo-random graph with an f x f filter (f = 3 or 5): each edge within
 * the filter's reach kept with probability 1/denom.
 */
static void random_figure_reach(ec_sg_figure *fig, size_t rows, size_t cols, size_t f,
				uint64_t *seed, unsigned denom)
{
	long h = (long)(f / 2), dr, dc;
	ec_error err;
	size_t r, c;

	assert_int_equal(ec_sg_figure_init(fig, rows, cols, f, f, &err), EC_OK);
	for (r = 1; r <= rows; r++)
		for (c = 1; c <= cols; c++)
			for (dr = 0; dr <= h; dr++)
				for (dc = -h; dc <= h; dc++) {
					long r2 = (long)r + dr, c2 = (long)c + dc;

					if ((dr == 0 && dc <= 0) || c2 < 1 || r2 > (long)rows ||
					    c2 > (long)cols)
						continue;
					if (xorshift(seed) % denom == 0)
						assert_int_equal(ec_sg_add_edge(fig, r, c, (size_t)r2,
										(size_t)c2, &err),
								 EC_OK);
				}
}

/* ---- the shipped figure against the exam's text ---- */

static void test_influence_exam_statement_y11(void **state)
{
	ec_sg_figure fig;
	unsigned char set[25];
	ec_error err;
	size_t p;

	(void)state;
	load_shipped(&fig);
	assert_int_equal(fig.rows, 5);
	assert_int_equal(fig.cols, 5);
	assert_int_equal(fig.frows, 3);
	assert_int_equal(fig.fcols, 3);
	assert_true(fig.self);
	/* exam: y_11 is influenced only by x_21 and x_22 (and x_11 itself) */
	assert_int_equal(ec_sg_influence(&fig, 1, 1, 1, set, &err), EC_OK);
	for (p = 0; p < 25; p++) {
		bool want = p == 0 || p == 5 || p == 6; /* x11, x21, x22 */

		assert_int_equal(set[p], want);
	}
	ec_sg_figure_free(&fig);
}

static void test_influence_exam_statement_z11(void **state)
{
	ec_sg_figure fig;
	unsigned char set[25];
	ec_error err;
	size_t p;

	(void)state;
	load_shipped(&fig);
	/* exam: z_11 is now also influenced by x_31, x_32 and x_13, no others */
	assert_int_equal(ec_sg_influence(&fig, 1, 1, 2, set, &err), EC_OK);
	for (p = 0; p < 25; p++) {
		bool want = p == 0 || p == 5 || p == 6 || p == 10 || p == 11 || p == 2;

		assert_int_equal(set[p], want);
	}
	ec_sg_figure_free(&fig);
}

static void test_response_shipped_figure(void **state)
{
	ec_sg_figure fig;
	unsigned char mask[9];
	char s[10];
	ec_error err;
	double v;

	(void)state;
	load_shipped(&fig);
	assert_int_equal(fig.at_row, 3);
	assert_int_equal(fig.at_col, 3);
	/*
	 * Patch at (3,3) = rows 2-4, columns 2-4 = [1 0 3; 3 1 2; 2 0 1],
	 * W = [1 -1 1; 2 1 -1; 1 0 2].
	 * plain = 1 - 0 + 3 + 6 + 1 - 2 + 2 + 0 + 2 = 13.
	 * Edges of x33: x32 (left), x34 (right), x42 (down-left), x24 (up-right),
	 * so M = 001 111 100 and masked = 3*1 + 3*2 + 1*1 + 2*(-1) + 2*1 = 10.
	 * Flipped W = [2 0 1; -1 1 2; 1 -1 1]: plain 2+0+3-3+1+4+2+0+1 = 10,
	 * masked 3*1 + 3*(-1) + 1*1 + 2*2 + 2*1 = 7.
	 */
	assert_int_equal(ec_sg_response(&fig, 3, 3, false, false, &v, &err), EC_OK);
	assert_near(v, 13.0, 1e-12);
	assert_int_equal(ec_sg_response(&fig, 3, 3, true, false, &v, &err), EC_OK);
	assert_near(v, 10.0, 1e-12);
	assert_int_equal(ec_sg_response(&fig, 3, 3, false, true, &v, &err), EC_OK);
	assert_near(v, 10.0, 1e-12);
	assert_int_equal(ec_sg_response(&fig, 3, 3, true, true, &v, &err), EC_OK);
	assert_near(v, 7.0, 1e-12);
	assert_int_equal(ec_sg_mask(&fig, 3, 3, mask, &err), EC_OK);
	mask_string(mask, 9, s);
	assert_string_equal(s, "001111100");
	/* one pixel left, (3,2): edges to x22 (up) and x33 (right) only */
	assert_int_equal(ec_sg_mask(&fig, 3, 2, mask, &err), EC_OK);
	mask_string(mask, 9, s);
	assert_string_equal(s, "010011000");
	ec_sg_figure_free(&fig);
}

static void test_reach_compute_shipped_figure(void **state)
{
	ec_sg_figure fig;
	ec_sg_reach reach;
	uint64_t ecc, reached;
	ec_error err;

	(void)state;
	load_shipped(&fig);
	/*
	 * BFS by hand from x12 (its only edge goes to x13):
	 * 1 {13}, 2 {22,14}, 3 {11,32,15}, 4 {21,33,25}, 5 {31,34,42,24},
	 * 6 {41,45,43,52,23}, 7 {51,35,44,53}, 8 {54,55}: all 25 nodes, ecc 8.
	 * Floyd-Warshall confirms no pair is farther apart.
	 */
	assert_int_equal(ec_sg_eccentricity(&fig, 1, 2, &ecc, &reached, &err), EC_OK);
	assert_int_equal(ecc, 8);
	assert_int_equal(reached, 25);
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_int_equal(reach.components, 1);
	assert_int_equal(reach.diameter, 8);
	assert_int_equal(brute_diameter(&fig), 8);
	assert_true(reach.covered);
	assert_int_equal(reach.layers, 8);
	assert_int_equal(brute_layers(&fig, 30), 8);
	assert_int_equal(ec_sg_edge_count(&fig), 27); /* the 27 lines under "edges" */
	ec_sg_figure_free(&fig);
}

/* ---- masks and responses on small hand-made graphs ---- */

static void test_mask_centre_and_edges(void **state)
{
	ec_sg_figure fig;
	unsigned char mask[9];
	char s[10];
	ec_error err;

	(void)state;
	small_figure(&fig);
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 1, 1, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 2, 3, &err), EC_OK);
	/* centre (2,2): up-left and right neighbours, plus itself */
	assert_int_equal(ec_sg_mask(&fig, 2, 2, mask, &err), EC_OK);
	mask_string(mask, 9, s);
	assert_string_equal(s, "100011000");
	/* corner (1,1): its only neighbour (2,2) is down-right; outside is 0 */
	assert_int_equal(ec_sg_mask(&fig, 1, 1, mask, &err), EC_OK);
	mask_string(mask, 9, s);
	assert_string_equal(s, "000010001");
	fig.self = false;
	assert_int_equal(ec_sg_mask(&fig, 1, 1, mask, &err), EC_OK);
	mask_string(mask, 9, s);
	assert_string_equal(s, "000000001");
	assert_true(ec_sg_has_edge(&fig, 1, 1, 2, 2));
	assert_true(ec_sg_has_edge(&fig, 2, 3, 2, 2));
	assert_false(ec_sg_has_edge(&fig, 1, 1, 1, 2));
	assert_false(ec_sg_has_edge(&fig, 1, 1, 9, 9));
	ec_sg_figure_free(&fig);
}

static void test_mask_outside_location(void **state)
{
	ec_sg_figure fig;
	unsigned char mask[9];
	double patch[9], v;
	ec_error err;

	(void)state;
	small_figure(&fig);
	ec_error_clear(&err);
	assert_int_equal(ec_sg_mask(&fig, 4, 1, mask, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "location (4,1) is outside the 3x3 image");
	assert_int_equal(ec_sg_mask(&fig, 0, 1, mask, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_patch(&fig, 1, 4, patch, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_response(&fig, 1, 0, true, false, &v, &err), EC_ERR_RANGE);
	ec_sg_figure_free(&fig);
}

static void test_response_zero_padding(void **state)
{
	ec_sg_figure fig;
	ec_error err;
	double v;
	size_t k;

	(void)state;
	small_figure(&fig);
	for (k = 0; k < 9; k++)
		fig.filter[k] = 1.0;
	/* at (1,1) the patch is [0 0 0; 0 1 2; 0 4 5]: sum 12 */
	assert_int_equal(ec_sg_response(&fig, 1, 1, false, false, &v, &err), EC_OK);
	assert_near(v, 12.0, 1e-12);
	/* masked, no edges: only the centre x11 = 1 */
	assert_int_equal(ec_sg_response(&fig, 1, 1, true, false, &v, &err), EC_OK);
	assert_near(v, 1.0, 1e-12);
	fig.self = false;
	assert_int_equal(ec_sg_response(&fig, 1, 1, true, false, &v, &err), EC_OK);
	assert_near(v, 0.0, 1e-12);
	ec_sg_figure_free(&fig);
}

static void test_response_flip(void **state)
{
	ec_sg_figure fig;
	ec_error err;
	double v;
	size_t k;

	(void)state;
	small_figure(&fig);
	for (k = 0; k < 9; k++)
		fig.filter[k] = (double)(k + 1);
	/* X = W = 1..9: sum i*i = 285; flipped sum i*(10-i) = 165 */
	assert_int_equal(ec_sg_response(&fig, 2, 2, false, false, &v, &err), EC_OK);
	assert_near(v, 285.0, 1e-12);
	assert_int_equal(ec_sg_response(&fig, 2, 2, false, true, &v, &err), EC_OK);
	assert_near(v, 165.0, 1e-12);
	/* masked with edges to (1,2) and (3,3): 5*5 + 2*2 + 9*9 = 110 */
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 1, 2, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 3, 3, 2, 2, &err), EC_OK);
	assert_int_equal(ec_sg_response(&fig, 2, 2, true, false, &v, &err), EC_OK);
	assert_near(v, 110.0, 1e-12);
	ec_sg_figure_free(&fig);
}

static void test_dot_mask_null(void **state)
{
	double p[3] = {1, 2, 3}, w[3] = {4, -5, 6};
	unsigned char m[3] = {1, 0, 1};

	(void)state;
	assert_near(ec_sg_dot(p, w, NULL, 3), 4.0 - 10.0 + 18.0, 1e-12);
	assert_near(ec_sg_dot(p, w, m, 3), 4.0 + 18.0, 1e-12);
}

static void test_rotate90_clockwise(void **state)
{
	double in[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, out[9];
	double want[9] = {7, 4, 1, 8, 5, 2, 9, 6, 3};
	unsigned char min[9] = {1, 1, 0, 0, 0, 0, 0, 0, 0}, mout[9];
	unsigned char mwant[9] = {0, 0, 1, 0, 0, 1, 0, 0, 0};
	size_t k;

	(void)state;
	ec_sg_rotate90(in, 3, out);
	for (k = 0; k < 9; k++)
		assert_near(out[k], want[k], 0);
	ec_sg_rotate90_mask(min, 3, mout);
	assert_memory_equal(mout, mwant, 9);
}

static void test_tie_weights_rotation_invariant(void **state)
{
	double w[9] = {1, -1, 1, 2, 1, -1, 1, 0, 2}, tied[9], rtied[9];
	double patch[9] = {1, 0, 3, 3, 1, 2, 2, 0, 1}, rpatch[9];
	unsigned char mask[9] = {0, 0, 1, 1, 1, 1, 1, 0, 0}, rmask[9];
	size_t k;

	(void)state;
	/* non-centre weights sum to 1-1+1+2-1+1+0+2 = 5, mean 0.625; centre stays 1 */
	ec_sg_tie_weights(w, 3, 3, tied);
	for (k = 0; k < 9; k++)
		assert_near(tied[k], k == 4 ? 1.0 : 0.625, 1e-15);
	ec_sg_rotate90(patch, 3, rpatch);
	ec_sg_rotate90_mask(mask, 3, rmask);
	/* untied: 3*1 + 3*2 + 1*1 + 2*(-1) + 2*1 = 10 before rotation;
	 * rotated patch [2 3 1; 0 1 0; 1 2 3], mask [1 1 0; 0 1 0; 0 1 1]:
	 * 2*1 + 3*(-1) + 1*1 + 2*0 + 3*2 = 6 */
	assert_near(ec_sg_dot(patch, w, mask, 9), 10.0, 1e-12);
	assert_near(ec_sg_dot(rpatch, w, rmask, 9), 6.0, 1e-12);
	/* tied: 1*1 + 0.625*(3+3+2+2) = 7.25 both ways */
	assert_near(ec_sg_dot(patch, tied, mask, 9), 7.25, 1e-12);
	assert_near(ec_sg_dot(rpatch, tied, rmask, 9), 7.25, 1e-12);
	ec_sg_tie_weights(tied, 3, 3, rtied);
	assert_memory_equal(tied, rtied, sizeof(tied));
}

/* ---- influence sets and layer counts ---- */

static void test_influence_chain_grows_one_hop(void **state)
{
	ec_sg_figure fig;
	unsigned char set[9];
	ec_error err;
	size_t k, p;
	/* snake order: 11 12 13 23 22 21 31 32 33 = pixels 0 1 2 5 4 3 6 7 8 */
	static const size_t order[9] = {0, 1, 2, 5, 4, 3, 6, 7, 8};

	(void)state;
	assert_int_equal(ec_sg_make_snake(&fig, 3, &err), EC_OK);
	for (k = 0; k <= 9; k++) {
		assert_int_equal(ec_sg_influence(&fig, 1, 1, k, set, &err), EC_OK);
		for (p = 0; p < 9; p++)
			assert_int_equal(set[order[p]], p <= k);
	}
	/* huge layer counts stop once the set is stable */
	assert_int_equal(ec_sg_influence(&fig, 1, 1, UINT64_MAX, set, &err), EC_OK);
	for (p = 0; p < 9; p++)
		assert_int_equal(set[p], 1);
	/* without self-connections: walks of exactly k edges, parity alternates */
	fig.self = false;
	assert_int_equal(ec_sg_influence(&fig, 1, 1, 1, set, &err), EC_OK);
	for (p = 0; p < 9; p++)
		assert_int_equal(set[order[p]], p == 1);
	assert_int_equal(ec_sg_influence(&fig, 1, 1, UINT64_MAX, set, &err), EC_OK);
	for (p = 0; p < 9; p++) /* odd walk length: odd positions on the path */
		assert_int_equal(set[order[p]], p % 2 == 1);
	assert_int_equal(ec_sg_influence(&fig, 1, 1, UINT64_MAX - 1, set, &err), EC_OK);
	for (p = 0; p < 9; p++)
		assert_int_equal(set[order[p]], p % 2 == 0);
	ec_sg_figure_free(&fig);
}

static void test_reach_compute_chains(void **state)
{
	ec_sg_figure fig;
	ec_sg_reach reach;
	ec_error err;
	size_t n;

	(void)state;
	/* a snake on n x n visits every pixel once: a path of n*n nodes, diameter n*n - 1 */
	for (n = 3; n <= 12; n += 3) {
		assert_int_equal(ec_sg_make_snake(&fig, n, &err), EC_OK);
		assert_int_equal(ec_sg_edge_count(&fig), n * n - 1);
		assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
		assert_int_equal(reach.components, 1);
		assert_int_equal(reach.diameter, n * n - 1);
		assert_int_equal(reach.radius, (n * n - 1 + 1) / 2);
		assert_int_equal(reach.layers, n * n - 1);
		assert_true(reach.covered);
		/* a path is bipartite: without self-connections never covered */
		fig.self = false;
		assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
		assert_false(reach.covered);
		ec_sg_figure_free(&fig);
	}
	assert_int_equal(ec_sg_make_snake(&fig, 5, &err), EC_OK);
	assert_int_equal(brute_diameter(&fig), 24);
	ec_sg_figure_free(&fig);
}

static void test_reach_compute_full_grid(void **state)
{
	ec_sg_figure fig;
	ec_sg_reach reach;
	ec_error err;
	size_t n;

	(void)state;
	/* with diagonals the hop distance is the Chebyshev distance: diameter n - 1 */
	for (n = 3; n <= 9; n += 2) {
		assert_int_equal(ec_sg_make_full(&fig, n, &err), EC_OK);
		/* edges: 2n(n-1) straight + 2(n-1)^2 diagonal */
		assert_int_equal(ec_sg_edge_count(&fig), 2 * n * (n - 1) + 2 * (n - 1) * (n - 1));
		assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
		assert_int_equal(reach.components, 1);
		assert_int_equal(reach.diameter, n - 1);
		assert_int_equal(reach.radius, (n - 1) / 2);
		assert_int_equal(reach.layers, n - 1);
		ec_sg_figure_free(&fig);
	}
	/*
	 * Full 3x3 without self-connections: 1 layer misses the node itself;
	 * 2 layers: a corner's neighbours 12, 21, 22 reach every pixel (22 is
	 * joined to all), and the centre's 8 neighbours reach it back: 2.
	 */
	assert_int_equal(ec_sg_make_full(&fig, 3, &err), EC_OK);
	fig.self = false;
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_true(reach.covered);
	assert_int_equal(reach.layers, 2);
	assert_int_equal(brute_layers(&fig, 20), 2);
	ec_sg_figure_free(&fig);
}

static void test_reach_compute_disconnected(void **state)
{
	ec_sg_figure fig;
	ec_sg_reach reach;
	uint64_t ecc, reached;
	ec_error err;

	(void)state;
	small_figure(&fig);
	/* components {11,12,13}, {31,32}, and 21, 22, 23, 33 alone: 6 */
	assert_int_equal(ec_sg_add_edge(&fig, 1, 1, 1, 2, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 1, 2, 1, 3, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 3, 1, 3, 2, &err), EC_OK);
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_int_equal(reach.nodes, 9);
	assert_int_equal(reach.components, 6);
	assert_int_equal(reach.diameter, 2);
	assert_int_equal(reach.radius, 0);
	assert_true(reach.covered);
	assert_int_equal(reach.layers, 2);
	assert_int_equal(ec_sg_eccentricity(&fig, 1, 1, &ecc, &reached, &err), EC_OK);
	assert_int_equal(ecc, 2);
	assert_int_equal(reached, 3);
	assert_int_equal(ec_sg_eccentricity(&fig, 2, 2, &ecc, &reached, &err), EC_OK);
	assert_int_equal(ecc, 0);
	assert_int_equal(reached, 1);
	assert_int_equal(ec_sg_eccentricity(&fig, 4, 2, &ecc, &reached, &err), EC_ERR_RANGE);
	/* isolated pixels never see anything without a self-connection */
	fig.self = false;
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_false(reach.covered);
	ec_sg_figure_free(&fig);

	/* no edges at all: 9 components, 1 layer suffices (each node sees itself) */
	small_figure(&fig);
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_int_equal(reach.components, 9);
	assert_int_equal(reach.diameter, 0);
	assert_int_equal(reach.layers, 1);
	ec_sg_figure_free(&fig);
}

static void test_reach_compute_matches_brute_force(void **state)
{
	uint64_t seed = UINT64_C(0x9e3779b97f4a7c15);
	int trial;

	(void)state;
	for (trial = 0; trial < 40; trial++) {
		ec_sg_figure fig;
		ec_sg_reach reach;
		ec_error err;
		size_t rows = 3 + (size_t)(trial % 3), cols = 3 + (size_t)(trial / 3 % 3);
		unsigned char *a, *pw;
		size_t n = rows * cols, p;

		random_figure(&fig, rows, cols, &seed, trial % 2 ? 2 : 1);
		fig.self = trial % 4 < 2;
		assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
		assert_int_equal(reach.diameter, brute_diameter(&fig));
		assert_int_equal(reach.covered ? reach.layers : 0, brute_layers(&fig, 4 * n));
		/* influence after 3 layers = row of A^3 */
		a = adjacency(&fig, fig.self);
		pw = calloc(n, 1);
		assert_non_null(pw);
		for (p = 0; p < n; p++) {
			unsigned char set[25], cur[25], next[25];
			size_t k, i, j;

			memset(cur, 0, n);
			cur[p] = 1;
			for (k = 0; k < 3; k++) {
				memset(next, 0, n);
				for (i = 0; i < n; i++)
					for (j = 0; j < n; j++)
						if (cur[i] && a[i * n + j])
							next[j] = 1;
				memcpy(cur, next, n);
			}
			assert_int_equal(ec_sg_influence(&fig, p / cols + 1, p % cols + 1, 3, set,
							 &err),
					 EC_OK);
			assert_memory_equal(set, cur, n);
		}
		free(a);
		free(pw);
		ec_sg_figure_free(&fig);
	}
}

/*
 * Diameter and radius come from a few bounded searches, not one search per
 * node; on sparse and dense random graphs, with 3x3 and 5x5 reach, they
 * must equal the largest and smallest all-pairs eccentricity, and every
 * single eccentricity must match its row of the distance matrix.
 */
static void test_reach_compute_matches_all_pairs(void **state)
{
	uint64_t seed = UINT64_C(0x2545f4914f6cdd1d);
	int trial;

	(void)state;
	for (trial = 0; trial < 60; trial++) {
		size_t rows = 5 + (size_t)(trial % 6), cols = 5 + (size_t)(trial / 6 % 6);
		size_t f = trial % 3 == 2 ? 5 : 3, n = rows * cols, p;
		uint64_t *ecc = malloc(n * sizeof(*ecc)), dmax = 0, rmin = UINT64_MAX, e, reached;
		ec_sg_figure fig;
		ec_sg_reach reach;
		ec_error err;

		assert_non_null(ecc);
		random_figure_reach(&fig, rows, cols, f, &seed, 1 + (unsigned)(trial % 4));
		assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
		assert_int_equal(reach.components, brute_eccentricities(&fig, ecc));
		for (p = 0; p < n; p++) {
			dmax = ecc[p] > dmax ? ecc[p] : dmax;
			rmin = ecc[p] < rmin ? ecc[p] : rmin;
			assert_int_equal(ec_sg_eccentricity(&fig, p / cols + 1, p % cols + 1, &e,
							    &reached, &err),
					 EC_OK);
			assert_int_equal(e, ecc[p]);
		}
		assert_int_equal(reach.nodes, n);
		assert_int_equal(reach.diameter, dmax);
		assert_int_equal(reach.radius, rmin);
		assert_int_equal(reach.layers, dmax > 0 ? dmax : 1);
		free(ecc);
		ec_sg_figure_free(&fig);
	}
}

/*
 * The sizes of q3.3.7's table. A snake on 48 x 48 is a path of 2304 nodes:
 * its ends are 2303 hops apart and its middle node (1152 hops from the far
 * end) is the most central. The full 48 x 48 grid measures hops by the
 * Chebyshev distance: corners are 47 apart, and a centre pixel such as
 * (24, 24) is at most max(23, 24) = 24 from every pixel (no pixel does
 * better, since rows 1 and 48 are 47 apart).
 */
static void test_reach_compute_large_examples(void **state)
{
	ec_sg_figure fig;
	ec_sg_reach reach;
	ec_error err;

	(void)state;
	assert_int_equal(ec_sg_make_snake(&fig, 48, &err), EC_OK);
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_int_equal(reach.nodes, 2304);
	assert_int_equal(reach.components, 1);
	assert_int_equal(reach.diameter, 2303);
	assert_int_equal(reach.radius, 1152);
	assert_int_equal(reach.layers, 2303);
	ec_sg_figure_free(&fig);
	assert_int_equal(ec_sg_make_full(&fig, 48, &err), EC_OK);
	assert_int_equal(ec_sg_reach_compute(&fig, &reach, &err), EC_OK);
	assert_int_equal(reach.components, 1);
	assert_int_equal(reach.diameter, 47);
	assert_int_equal(reach.radius, 24);
	assert_int_equal(reach.layers, 47);
	ec_sg_figure_free(&fig);
}

static void test_coarsen_snake(void **state)
{
	ec_sg_figure fig, coarse;
	ec_sg_reach reach;
	ec_error err;

	(void)state;
	/*
	 * Snake 6x6 pooled 2x2: each block row is a horizontal path; the
	 * snake's turns at column 1 (rows 2->3, 4->5) join block rows 1-2 and
	 * 2-3 in block column 1; its turns at column 6 stay inside a block.
	 * Coarse path (1,3)-(1,2)-(1,1)-(2,1)-(3,1)-(3,2)-(3,3): diameter 6,
	 * down from 35. Edges: 3 rows x 2 + 2 = 8.
	 */
	assert_int_equal(ec_sg_make_snake(&fig, 6, &err), EC_OK);
	fig.image[0] = 4.0;
	assert_int_equal(ec_sg_coarsen(&fig, 2, &coarse, &err), EC_OK);
	assert_int_equal(coarse.rows, 3);
	assert_int_equal(coarse.cols, 3);
	assert_int_equal(ec_sg_edge_count(&coarse), 8);
	assert_true(ec_sg_has_edge(&coarse, 1, 1, 2, 1));
	assert_false(ec_sg_has_edge(&coarse, 1, 3, 2, 3));
	assert_near(coarse.image[0], 1.0, 1e-15); /* mean of 4, 0, 0, 0 */
	assert_int_equal(ec_sg_reach_compute(&coarse, &reach, &err), EC_OK);
	assert_int_equal(reach.diameter, 6);
	ec_sg_figure_free(&coarse);
	ec_error_clear(&err);
	assert_int_equal(ec_sg_coarsen(&fig, 0, &coarse, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_coarsen(&fig, 3, &coarse, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "coarsening 6x6 by 3 leaves 2x2 blocks, fewer than 3x3");
	ec_sg_figure_free(&fig);
}

/* ---- text ---- */

static void test_render_small_grid(void **state)
{
	ec_sg_figure fig;
	ec_error err;
	char *text;

	(void)state;
	small_figure(&fig);
	assert_int_equal(ec_sg_add_edge(&fig, 1, 1, 1, 2, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 1, 1, 2, 1, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 1, 2, 2, 1, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 3, 3, &err), EC_OK);
	assert_int_equal(ec_sg_render(&fig, &text, &err), EC_OK);
	/* drawn by hand: nodes 4 columns apart, connectors in the middle of the gaps */
	assert_string_equal(text, "1 - 2   3\n"
				  "| /\n"
				  "4   5   6\n"
				  "      \\\n"
				  "7   8   9\n");
	free(text);
	ec_sg_figure_free(&fig);

	assert_int_equal(ec_sg_figure_init(&fig, 5, 5, 5, 5, &err), EC_OK);
	fig.image[0] = -1.5;
	assert_int_equal(ec_sg_add_edge(&fig, 3, 3, 1, 1, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 3, 3, 4, 4, &err), EC_OK);
	assert_int_equal(ec_sg_render(&fig, &text, &err), EC_OK);
	/* values padded to the width of "-1.5"; the 2-step edge is listed */
	assert_true(strncmp(text, "-1.5      0      0      0      0\n", 33) == 0);
	assert_non_null(strstr(text, "\nlonger edges: (1,1)-(3,3)\n"));
	/* (3,3)-(4,4): "\\" in the gap after column 3, 3 fields of 4 and 2 gaps of 3 + 1 */
	assert_non_null(strstr(text, "\n                   \\\n"));
	free(text);
	ec_sg_figure_free(&fig);
}

static void test_format_terms_parentheses(void **state)
{
	double p[3] = {1, -2, 3}, w[3] = {-1, 2, 0.5};
	unsigned char none[3] = {0, 0, 0}, last[3] = {0, 0, 1};
	char buf[64];
	ec_error err;

	(void)state;
	assert_int_equal(ec_sg_format_terms(p, w, NULL, 3, buf, sizeof(buf), &err), EC_OK);
	assert_string_equal(buf, "1*(-1) + (-2)*2 + 3*0.5");
	assert_int_equal(ec_sg_format_terms(p, w, none, 3, buf, sizeof(buf), &err), EC_OK);
	assert_string_equal(buf, "0");
	assert_int_equal(ec_sg_format_terms(p, w, last, 3, buf, sizeof(buf), &err), EC_OK);
	assert_string_equal(buf, "3*0.5");
	assert_int_equal(ec_sg_format_terms(p, w, NULL, 3, buf, 10, &err), EC_ERR_RANGE);
}

/* ---- bad arguments ---- */

static void test_figure_init_bad_sizes(void **state)
{
	ec_sg_figure fig;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sg_figure_init(&fig, 0, 5, 3, 3, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_figure_init(&fig, 65, 5, 3, 3, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_figure_init(&fig, 5, 5, 2, 3, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_figure_init(&fig, 5, 5, 9, 9, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_figure_init(&fig, 3, 5, 5, 5, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "filter 5x5 is larger than the image 3x5");
	assert_null(fig.image);
	assert_int_equal(ec_sg_make_snake(&fig, 2, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_make_full(&fig, 65, &err), EC_ERR_RANGE);
	ec_sg_figure_free(&fig);
}

static void test_add_edge_rejects(void **state)
{
	ec_sg_figure fig;
	ec_error err;

	(void)state;
	small_figure(&fig);
	ec_error_clear(&err);
	assert_int_equal(ec_sg_add_edge(&fig, 1, 1, 1, 3, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "edge (1,1)-(1,3) joins pixels 0 row(s) and 2 column(s) "
				     "apart, beyond the reach of the 3x3 filter");
	assert_int_equal(ec_sg_add_edge(&fig, 3, 3, 4, 3, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "edge (3,3)-(4,3): pixel (4,3) is outside the 3x3 image");
	assert_int_equal(ec_sg_add_edge(&fig, 0, 1, 1, 1, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 2, 2, &err), EC_ERR_RANGE);
	assert_int_equal(ec_sg_add_edge(&fig, 2, 2, 3, 3, &err), EC_OK);
	assert_int_equal(ec_sg_add_edge(&fig, 3, 3, 2, 2, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "edge (3,3)-(2,2) is listed twice");
	assert_int_equal(ec_sg_edge_count(&fig), 1);
	ec_sg_figure_free(&fig);
}

/* ---- the parser ---- */

static const char good_text[] = "# a comment\n"
				"image 3 3\n"
				"1 2 3   # trailing comment\n"
				"4 5 6\n"
				"7 8 9\n"
				"\n"
				"filter 3 3\n"
				"0 0.5 0\n"
				"-1 1 -1\n"
				"0 1e1 0\n"
				"edges\n"
				"1 1 2 2\n"
				"2 2 2 3\n"
				"at 2 2\n"
				"self 0\n";

static void test_parse_good(void **state)
{
	ec_sg_figure fig;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sg_parse(good_text, "g", &fig, &err), EC_OK);
	assert_int_equal(fig.rows, 3);
	assert_near(fig.image[8], 9.0, 0);
	assert_near(fig.filter[1], 0.5, 0);
	assert_near(fig.filter[7], 10.0, 0);
	assert_near(fig.filter[3], -1.0, 0);
	assert_true(ec_sg_has_edge(&fig, 2, 2, 1, 1));
	assert_true(ec_sg_has_edge(&fig, 2, 3, 2, 2));
	assert_int_equal(ec_sg_edge_count(&fig), 2);
	assert_int_equal(fig.at_row, 2);
	assert_int_equal(fig.at_col, 2);
	assert_false(fig.self);
	ec_sg_figure_free(&fig);
}

/* Every decimal form the format names is read: signs, a bare fraction, exponents. */
static void test_parse_decimal_forms(void **state)
{
	const char *text = "image 1 5\n+1 -0.5 .5 2.5E-1 -1e+2\n"
			   "filter 1 1\n007\nedges\nat 1 1\n";
	ec_sg_figure fig;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sg_parse(text, "f", &fig, &err), EC_OK);
	assert_near(fig.image[0], 1.0, 0);
	assert_near(fig.image[1], -0.5, 0);
	assert_near(fig.image[2], 0.5, 0);
	assert_near(fig.image[3], 0.25, 0);
	assert_near(fig.image[4], -100.0, 0);
	assert_near(fig.filter[0], 7.0, 0); /* a leading 0 is decimal, not octal */
	ec_sg_figure_free(&fig);
}

static void test_parse_at_before_filter_and_5x5_filter(void **state)
{
	const char *text = "image 5 5\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n"
			   "at 3 3\nself 1\n"
			   "filter 5 5\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n1 1 1 1 1\n"
			   "edges\n3 3 1 1\n3 3 5 4\n";
	ec_sg_figure fig;
	unsigned char mask[25];
	ec_error err;
	double v;
	size_t k;

	(void)state;
	assert_int_equal(ec_sg_parse(text, "f", &fig, &err), EC_OK);
	assert_int_equal(fig.at_row, 3);
	assert_true(fig.self);
	assert_int_equal(ec_sg_mask(&fig, 3, 3, mask, &err), EC_OK);
	/* 5x5 mask: (1,1) is offset (-2,-2) = index 0; (5,4) is (+2,+1) = 23; centre 12 */
	for (k = 0; k < 25; k++)
		assert_int_equal(mask[k], k == 0 || k == 12 || k == 23);
	assert_int_equal(ec_sg_response(&fig, 3, 3, true, false, &v, &err), EC_OK);
	assert_near(v, 3.0, 0);
	ec_sg_figure_free(&fig);
}

struct bad_case {
	const char *text;
	long line;
	const char *msg;
};

#define IMG3 "image 3 3\n1 2 3\n4 5 6\n7 8 9\n"
#define FIL3 "filter 3 3\n1 0 1\n0 1 0\n1 0 1\n"

static const struct bad_case bad_cases[] = {
	{"image 3 3\n1 2 3\n4 5\n", 3, "image row 2 has 2 number(s), expected 3"},
	{"image 3 3\n1 2 3\n4 5 6 7\n", 3, "image row 2 has 4 number(s), expected 3"},
	{"image 3 3\n1 2 x\n", 2, "image row 1, column 3: 'x' is not a decimal number"},
	{"image 3 3\n1 2 1e999\n", 2, "image row 1, column 3: '1e999' is not a finite number"},
	{"image 3 3\n1 2 nan\n", 2, "image row 1, column 3: 'nan' is not a decimal number"},
	/* strtod would read these; the format says decimal */
	{"image 3 3\n1 2 0x10\n", 2, "image row 1, column 3: '0x10' is not a decimal number"},
	{"image 3 3\n1 2 inf\n", 2, "image row 1, column 3: 'inf' is not a decimal number"},
	{"image 3 3\n1 2 -0X1p3\n", 2, "image row 1, column 3: '-0X1p3' is not a decimal number"},
	{"image 3 3\n1 2 1e\n", 2, "image row 1, column 3: '1e' is not a decimal number"},
	{"image 3 3\n1 2 +-1\n", 2, "image row 1, column 3: '+-1' is not a decimal number"},
	{"image 3 3\n1 2 .\n", 2, "image row 1, column 3: '.' is not a decimal number"},
	{IMG3 "filter 1 1\n0x1\n", 6, "filter row 1, column 1: '0x1' is not a decimal number"},
	{"image 3 3\n1 2 3\n4 5 6\n", 3, "image has 2 row(s), expected 3 at the end of the file"},
	{"image 3 3\n1 2 3\nfilter 3 3\n", 3, "image has 1 row(s), expected 3 before 'filter'"},
	{IMG3 "1 2 3\n", 5, "image has only 3 row(s) but '1' follows"},
	{IMG3 "filter 3 3\n1 0 1\n0 1\n", 7, "filter row 2 has 2 number(s), expected 3"},
	{IMG3 "filter 5 5\n", 5, "filter 5x5 is larger than the image 3x3"},
	{IMG3 "filter 2 3\n", 5, "filter 2x3: sides must be odd, from 1 to 7"},
	{IMG3 "filter 3\n", 5, "expected 'filter ROWS COLUMNS' with positive whole numbers"},
	{"image 0 3\n", 1, "expected 'image ROWS COLUMNS' with positive whole numbers"},
	{"image 65 3\n", 1, "image 65x3 is larger than 64x64"},
	{"filter 3 3\n", 1, "'filter' comes before 'image'"},
	{IMG3 "edges\n", 5, "'edges' comes before 'filter'"},
	{IMG3 IMG3, 5, "second 'image' line (the first is on line 1)"},
	{IMG3 FIL3 "edges\n1 1 4 1\n", 10, "edge (1,1)-(4,1): pixel (4,1) is outside the 3x3 image"},
	{IMG3 FIL3 "edges\n0 1 1 1\n", 10, "edge (0,1)-(1,1): pixel (0,1) is outside the 3x3 image"},
	{IMG3 FIL3 "edges\n1 1 3 1\n", 10,
	 "edge (1,1)-(3,1) joins pixels 2 row(s) and 0 column(s) apart, beyond the reach of the "
	 "3x3 filter"},
	{IMG3 FIL3 "edges\n1 1 1 1\n", 10,
	 "edge (1,1)-(1,1) joins a pixel to itself (use 'self 0' or 'self 1' instead)"},
	{IMG3 FIL3 "edges\n1 1 1 2\n1 2 1 1\n", 11, "edge (1,2)-(1,1) is listed twice"},
	{IMG3 FIL3 "edges\n1 1 1\n", 10, "an edge line needs 4 numbers 'r1 c1 r2 c2', found 3 field(s)"},
	{IMG3 FIL3 "edges\n1 1 -1 2\n", 10, "edge field 3: '-1' is not a row or column number"},
	{IMG3 FIL3 "edges\nat 4 1\n", 10, "'at 4 1' is outside the 3x3 image"},
	{IMG3 FIL3 "edges\nat 2\n", 10, "expected 'at ROW COLUMN' with whole numbers"},
	{IMG3 FIL3 "edges\nat 2 2\nat 2 2\n", 11, "second 'at' line (the first is on line 10)"},
	{IMG3 FIL3 "edges\nat 2 2\nself 2\n", 11, "expected 'self 0' or 'self 1'"},
	{IMG3 FIL3 "edges\nat 2 2\nfoo\n", 11,
	 "unexpected 'foo' (expected image, filter, edges, at or self)"},
	{IMG3 FIL3 "edges\n", 9, "missing 'at' section"},
	{IMG3 FIL3 "at 2 2\n", 9, "missing 'edges' section"},
	{IMG3 "at 2 2\n", 5, "missing 'filter' section"},
	{"# nothing\n\n", 2, "missing 'image' section"},
	{"", 1, "missing 'image' section"},
	{"at 1 1\n", 1, "'at' comes before 'image'"},
	{IMG3 FIL3 "edges x\n", 9, "'edges' takes no values; list the edges on the following lines"},
};

static void test_parse_bad_figures(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		ec_sg_figure fig;
		ec_error err;
		char buf[512];

		ec_error_clear(&err);
		if (ec_sg_parse(bad_cases[i].text, "bad.figure", &fig, &err) != EC_ERR_PARSE)
			fail_msg("case %zu: not rejected: %s", i, bad_cases[i].text);
		if (err.line != bad_cases[i].line || strcmp(err.msg, bad_cases[i].msg) != 0)
			fail_msg("case %zu: got '%s', expected line %ld '%s'", i,
				 ec_error_format(&err, buf, sizeof(buf)), bad_cases[i].line,
				 bad_cases[i].msg);
		assert_string_equal(err.file, "bad.figure");
		assert_null(fig.image);
		assert_null(fig.links);
	}
}

/* The good figure with a BOM, CRLF and lone-CR line ends reads the same. */
static void test_parse_bom_and_line_ends(void **state)
{
	const char text[] = "\xEF\xBB\xBF# a comment\r\n"
			    "image 3 3\r"
			    "1 2 3\r\n4 5 6\r7 8 9\n"
			    "filter 3 3\r\n0 0.5 0\r-1 1 -1\r\n0 1e1 0\r"
			    "edges\r\n1 1 2 2\r2 2 2 3\r\n"
			    "at 2 2\rself 0\r\n";
	const char bad[] = "image 2 2\r1 2\r3\r\n";
	ec_sg_figure fig;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sg_parse(text, "g", &fig, &err), EC_OK);
	assert_int_equal(fig.rows, 3);
	assert_near(fig.image[8], 9.0, 0);
	assert_near(fig.filter[7], 10.0, 0);
	assert_true(ec_sg_has_edge(&fig, 2, 3, 2, 2));
	assert_int_equal(ec_sg_edge_count(&fig), 2);
	assert_int_equal(fig.at_row, 2);
	assert_false(fig.self);
	ec_sg_figure_free(&fig);
	/* image row 2 ("3") is line 3: each lone CR ended a line */
	assert_int_equal(ec_sg_parse(bad, "g", &fig, &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "image row 2 has 1 number(s), expected 2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_influence_exam_statement_y11),
		cmocka_unit_test(test_influence_exam_statement_z11),
		cmocka_unit_test(test_response_shipped_figure),
		cmocka_unit_test(test_reach_compute_shipped_figure),
		cmocka_unit_test(test_mask_centre_and_edges),
		cmocka_unit_test(test_mask_outside_location),
		cmocka_unit_test(test_response_zero_padding),
		cmocka_unit_test(test_response_flip),
		cmocka_unit_test(test_dot_mask_null),
		cmocka_unit_test(test_rotate90_clockwise),
		cmocka_unit_test(test_tie_weights_rotation_invariant),
		cmocka_unit_test(test_influence_chain_grows_one_hop),
		cmocka_unit_test(test_reach_compute_chains),
		cmocka_unit_test(test_reach_compute_full_grid),
		cmocka_unit_test(test_reach_compute_disconnected),
		cmocka_unit_test(test_reach_compute_matches_brute_force),
		cmocka_unit_test(test_reach_compute_matches_all_pairs),
		cmocka_unit_test(test_reach_compute_large_examples),
		cmocka_unit_test(test_coarsen_snake),
		cmocka_unit_test(test_render_small_grid),
		cmocka_unit_test(test_format_terms_parentheses),
		cmocka_unit_test(test_figure_init_bad_sizes),
		cmocka_unit_test(test_add_edge_rejects),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_decimal_forms),
		cmocka_unit_test(test_parse_bom_and_line_ends),
		cmocka_unit_test(test_parse_at_before_filter_and_5x5_filter),
		cmocka_unit_test(test_parse_bad_figures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
