/*
 * variant.c: drawing a variant of the exam from a seed. Each question has
 * its own generator, started from the seed's stream in exam order, so
 * that a change to one question's draw leaves the others as they were.
 * Numbers are integers or fractions over 2, 4 or 8 (exact in binary, so
 * the answers print the same everywhere), and each question is drawn
 * again until the library finds it valid and the worked answer's words
 * fit it: 2.5 keeps converging and non-converging runs, 2.8 no area ratio
 * of exactly 4, 3.1.2 a single maximum, and so on.
 */
#include "variant.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_expr.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_optim.h"
#include "examcheck/ec_rf.h"
#include "examcheck/ec_spatial_graph.h"
#include "examcheck/ec_tensor.h"
#include "examcheck/ec_xorshift.h"

/* Draws of one question before giving up (none comes near: see tests/test_variant.c). */
#define TRIES 2000

/* Gradient descent as 2.5's answer runs it. */
#define Q25_ITERS 2000
#define Q25_RATIO 1e-6

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(g, a) ((a)[ec_xorshift_below((g), COUNT(a))])

/* An integer in [lo, hi]. */
static int pick(ec_xorshift *g, int lo, int hi)
{
	return lo + (int)ec_xorshift_below(g, (uint64_t)(hi - lo + 1));
}

/* True with probability num / den. */
static bool chance(ec_xorshift *g, unsigned num, unsigned den)
{
	return ec_xorshift_below(g, den) < num;
}

static int gave_up(ec_error *err, const char *id, uint64_t seed)
{
	ec_error_set(err, EC_ERR_INVALID, "variant %" PRIu64 ": no valid q%s after %d draws", seed,
		     id, TRIES);
	return -1;
}

/* ---- 3.3: a spatial graph ---- */

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
	for (extra = pick(g, 1, 4); extra > 0;) {
		size_t a = (size_t)ec_xorshift_below(g, 25);
		int r = (int)(a / 5) + pick(g, -1, 1), c = (int)(a % 5) + pick(g, -1, 1);
		size_t b = (size_t)(r * 5 + c);

		if (r < 0 || r >= 5 || c < 0 || c >= 5 || a == b || edge[a][b])
			continue;
		edge[a][b] = edge[b][a] = true;
		extra--;
	}
}

int ec_draw_3_3(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	if (!g) {
		memcpy(&p->q33_figure, &ec_exam_original.q33_figure, sizeof(p->q33_figure));
		memcpy(&p->q33_y11, &ec_exam_original.q33_y11, sizeof(p->q33_y11));
		memcpy(&p->q33_z11, &ec_exam_original.q33_z11, sizeof(p->q33_z11));
		return 0;
	}

	int t;

	for (t = 0; t < TRIES; t++) {
		bool edge[25][25];
		ec_buf b = EC_BUF_INIT;
		ec_sg_figure fig;
		unsigned char one[25], two[25], mask[9], self[25] = {1};
		double patch[9], plain, masked;
		size_t i, j, r = (size_t)pick(g, 2, 4), c = (size_t)pick(g, 2, 4);
		bool ok;

		q33_edges(g, edge);
		ec_buf_appendf(&b, "# Variant %" PRIu64 " of question 3.3: a 5x5 image X, a 3x3 filter W,\n"
				   "# the graph's edges and the dotted location. Format of\n"
				   "# data/q3.3.figure; rows and columns count from 1.\n\nimage 5 5\n",
			       p->seed);
		for (i = 0; i < 25; i++)
			ec_buf_appendf(&b, "%d%s", pick(g, 0, 3), i % 5 == 4 ? "\n" : " ");
		ec_buf_append(&b, "\nfilter 3 3\n");
		for (i = 0; i < 9; i++)
			ec_buf_appendf(&b, "%2d%s", i == 4 ? pick(g, 1, 2) : pick(g, -2, 2),
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
	return gave_up(err, "3.3", p->seed);
}

int ec_variant_seed_parse(const char *text, uint64_t *seed, ec_error *err)
{
	uint64_t v = 0;
	const char *s;

	if (strcmp(text, "original") == 0) {
		*seed = 0;
		return 0;
	}
	for (s = text; *s >= '0' && *s <= '9'; s++) {
		if (v > ((uint64_t)EC_VARIANT_SEED_MAX - (uint64_t)(*s - '0')) / 10) {
			ec_error_set(err, EC_ERR_RANGE,
				     "seed '%s' is above 2^63 - 1 (9223372036854775807)", text);
			return -1;
		}
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (s == text || *s) {
		ec_error_set(err, EC_ERR_PARSE,
			     "seed '%s' is not 'original' or a whole number from 0 to 2^63 - 1", text);
		return -1;
	}
	*seed = v;
	return 0;
}
