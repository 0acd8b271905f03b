/*
 * q3_2.c: Q3.2, a 3D conv net for video: the shapes and parameters of each
 * layer (3.2.1), the batch-norm parameters after each convolution (3.2.2)
 * and the multiplications of Table 3's convolutions (3.2.3). One module:
 * the three parts share the network. Every number comes from
 * ec_layers_walk() and the counts of ec_conv.h; each known mistake is the
 * same count recomputed with the mistake made (one input channel, a 2D
 * kernel, the layer walked without its padding or stride, ...).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "question.h"

#define LINE EC_EXPLAIN_LINE

/* Most layers of the network, INPUT included. */
#define MAX_LAYERS 9

/* ---- walking a layer list ---- */

struct walked {
	ec_layer_list list;
	ec_layer_stats *stats;
};

static int walk(const char *spec, struct walked *w, ec_error *err)
{
	w->stats = NULL;
	if (ec_layers_parse(spec, &w->list, err) != EC_OK)
		return -1;
	if (!(w->stats = calloc(w->list.count, sizeof(*w->stats)))) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	} else if (ec_layers_walk(&w->list, w->stats, err) == EC_OK) {
		return 0;
	}
	free(w->stats);
	ec_layers_free(&w->list);
	return -1;
}

static void unwalk(struct walked *w)
{
	free(w->stats);
	ec_layers_free(&w->list);
}

/*
 * Layer `l` walked alone on an input of shape dims[0..rank) (channels, then
 * the spatial sizes). Returns 0, or -1 when the walk fails (a mistake that
 * makes the window larger than its input is then not a value at all).
 */
static int walk_one(const uint64_t *dims, size_t rank, const ec_layer *l, ec_layer_stats *out)
{
	ec_layer layers[2];
	ec_layer_list list = {layers, 2};
	ec_layer_stats st[2];
	ec_error err;

	memset(layers, 0, sizeof(layers));
	layers[0].type = EC_LAYER_INPUT;
	snprintf(layers[0].name, sizeof(layers[0].name), "INPUT");
	layers[0].rank = rank;
	memcpy(layers[0].dims, dims, rank * sizeof(*dims));
	layers[1] = *l;
	ec_error_clear(&err);
	if (ec_layers_walk(&list, st, &err) != EC_OK)
		return -1;
	*out = st[1];
	return 0;
}

/* "16x8x64x64", or with another separator. */
static char *dims_str(char *buf, size_t size, size_t n, const uint64_t *v, const char *sep)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%" PRIu64, i ? sep : "", v[i]);

		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

/* The kernel's taps along the n spatial axes: "5x5x5". */
static char *taps_str(char *buf, size_t size, const ec_layer *l, size_t n)
{
	uint64_t k[EC_MAX_SPATIAL];
	size_t i;

	for (i = 0; i < n; i++)
		k[i] = l->window.kernel;
	return dims_str(buf, size, n, k, "x");
}

static const char *axis_name(size_t nspatial, size_t k)
{
	static const char *const names3[] = {"T", "H", "W"};
	static const char *const names2[] = {"H", "W"};

	return nspatial == 3 ? names3[k] : nspatial == 2 ? names2[k] : "L";
}

/* "each axis floor((n + 2x2 - 5) / 1) + 1: T 8 -> 8, H 64 -> 64, W 64 -> 64" */
static void axes_str(char *buf, size_t size, const ec_layer *l, const ec_layer_stats *in,
		     const ec_layer_stats *out)
{
	size_t k, n = in->rank - 1;
	int w = snprintf(buf, size, "each axis floor((n + 2x%" PRIu64 " - %" PRIu64 ") / %" PRIu64
			 ") + 1:",
			 l->window.pad, l->window.kernel, l->window.stride);
	size_t used = w > 0 ? (size_t)w : 0;

	for (k = 0; k < n && used < size; k++) {
		w = snprintf(buf + used, size - used, "%s %s %" PRIu64 " -> %" PRIu64, k ? "," : "",
			     axis_name(n, k), in->dims[1 + k], out->dims[1 + k]);
		used += w > 0 ? (size_t)w : 0;
	}
}

/* ---- the numbers ---- */

/* The original: the network, and Table 3's rows (input; layer). */
static const char original_net[] = "INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; "
				   "POOL2; CONV3-32-p1-s2; FC-256; FC-10";
static const char *const original_rows[3] = {
	"INPUT 3x64x64; CONV3-16-p1-s1",
	"INPUT 3x64x64; CONV5-32-p2-s1",
	"INPUT 3x8x64x64; CONV5-32-p2-s1",
};

/* The most weights of one layer of the original network. */
static uint64_t original_most(ec_error *err)
{
	struct walked w;
	uint64_t most = 0;
	size_t i;

	if (walk(original_net, &w, err) != 0)
		return 0;
	for (i = 0; i < w.list.count; i++)
		if (w.stats[i].weights > most)
			most = w.stats[i].weights;
	unwalk(&w);
	return most;
}

/*
 * Whether the layer list `spec` walks and makes a fair question: a pool
 * halves only even lengths (no floor to think about), a kernel is never
 * wider than the data along any axis (a 7-frame kernel over 1 frame
 * multiplies padding), and no layer has more than 4 times the weights of
 * the original network's largest (`most`).
 */
static bool sound(const char *spec, uint64_t most, ec_error *err)
{
	struct walked w;
	bool ok = true;
	size_t i, k;

	if (walk(spec, &w, err) != 0) {
		ec_error_clear(err);
		return false;
	}
	for (i = 1; i < w.list.count && ok; i++) {
		const ec_layer *l = &w.list.layers[i];
		const ec_layer_stats *in = &w.stats[i - 1];

		for (k = 1; k < in->rank && l->type != EC_LAYER_FC; k++) {
			if (l->type == EC_LAYER_POOL && in->dims[k] % 2 != 0)
				ok = false;
			if (l->type == EC_LAYER_CONV && l->window.kernel > in->dims[k])
				ok = false;
		}
		ok = ok && w.stats[i].weights <= 4 * most;
	}
	unwalk(&w);
	return ok;
}

struct q32_conv {
	int kernel, count, pad, stride;
};

/*
 * A variant: an input of 1 or 3 channels, 4 to 16 frames and 32 to 128
 * pixels a side; three convolutions (their filter counts never falling)
 * with one to three POOL2 among them, then one or two FC layers; Table 3's
 * rows are the second convolution in 2D and the first one's window with
 * the third one's filters in 2D and in 3D, as in the exam. Drawn again
 * until the network and every row are sound().
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	if (!g) {
		snprintf(p->q32_net, sizeof(p->q32_net), "%s", original_net);
		for (size_t r = 0; r < 3; r++)
			snprintf(p->q323_rows[r], sizeof(p->q323_rows[r]), "%s", original_rows[r]);
		return 0;
	}

	static const int depths[] = {1, 3, 3, 3};
	static const int frames[] = {4, 8, 8, 16};
	static const int sides[] = {32, 48, 64, 64, 96, 112, 128};
	static const int kernels[] = {1, 3, 3, 3, 5, 5, 7};
	static const int counts[] = {8, 16, 16, 24, 32, 32, 48, 64};
	static const int hidden[] = {64, 128, 256, 512};
	static const int classes[] = {5, 10, 10, 20, 50, 100};
	uint64_t most = original_most(err);
	int t;

	if (!most)
		return -1;
	for (t = 0; t < EC_DRAW_TRIES; t++) {
		struct q32_conv conv[3];
		int c = EC_DRAW_PICK(g, depths), tt = EC_DRAW_PICK(g, frames), hw = EC_DRAW_PICK(g, sides);
		int nlayers = ec_draw_int(g, 6, 8), nfc = nlayers == 8 ? 2 : ec_draw_int(g, 1, 2);
		int npool = nlayers - 3 - nfc, i, r;
		bool pool_after[3] = {false, false, false};
		size_t used;

		if (npool < 1 || npool > 3)
			continue;
		for (i = 0; i < 3; i++) {
			conv[i].kernel = EC_DRAW_PICK(g, kernels);
			conv[i].count = EC_DRAW_PICK(g, counts);
			conv[i].pad = ec_draw_chance(g, 4, 5) ? (conv[i].kernel - 1) / 2 : 0;
			conv[i].stride = ec_draw_chance(g, 1, 4) ? 2 : 1;
		}
		/* Table 3's first two rows differ in their kernels, as in the exam. */
		if (conv[0].kernel == conv[1].kernel)
			continue;
		/* Filter counts grow (or stay) along the net. */
		for (i = 1; i < 3; i++)
			if (conv[i].count < conv[i - 1].count)
				conv[i].count = conv[i - 1].count;
		for (i = 0; i < npool;) {
			r = ec_draw_int(g, 0, 2);
			if (!pool_after[r]) {
				pool_after[r] = true;
				i++;
			}
		}
		used = (size_t)snprintf(p->q32_net, sizeof(p->q32_net), "INPUT %dx%dx%dx%d", c, tt, hw,
					hw);
		for (i = 0; i < 3; i++) {
			used += (size_t)snprintf(p->q32_net + used, sizeof(p->q32_net) - used,
						 "; CONV%d-%d-p%d-s%d", conv[i].kernel, conv[i].count,
						 conv[i].pad, conv[i].stride);
			if (pool_after[i])
				used += (size_t)snprintf(p->q32_net + used, sizeof(p->q32_net) - used,
							 "; POOL2");
		}
		if (nfc == 2)
			used += (size_t)snprintf(p->q32_net + used, sizeof(p->q32_net) - used,
						 "; FC-%d", EC_DRAW_PICK(g, hidden));
		snprintf(p->q32_net + used, sizeof(p->q32_net) - used, "; FC-%d", EC_DRAW_PICK(g, classes));
		/* Table 3: the second convolution in 2D; the first one's window with the
		 * third one's filters, in 2D and then in 3D (the exam's rows). */
		snprintf(p->q323_rows[0], sizeof(p->q323_rows[0]), "INPUT %dx%dx%d; CONV%d-%d-p%d-s%d",
			 c, hw, hw, conv[1].kernel, conv[1].count, conv[1].pad, conv[1].stride);
		snprintf(p->q323_rows[1], sizeof(p->q323_rows[1]), "INPUT %dx%dx%d; CONV%d-%d-p%d-s%d",
			 c, hw, hw, conv[0].kernel, conv[2].count, conv[0].pad, conv[0].stride);
		snprintf(p->q323_rows[2], sizeof(p->q323_rows[2]),
			 "INPUT %dx%dx%dx%d; CONV%d-%d-p%d-s%d", c, tt, hw, hw, conv[0].kernel,
			 conv[2].count, conv[0].pad, conv[0].stride);
		if (sound(p->q32_net, most, err) && sound(p->q323_rows[0], most, err) &&
		    sound(p->q323_rows[1], most, err) && sound(p->q323_rows[2], most, err))
			return 0;
	}
	return ec_draw_gave_up(err, "3.2", p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	struct walked net;          /* the network of 3.2.1 and 3.2.2 */
	struct walked rows[3];      /* Table 3's rows */
	uint64_t per_output[3];     /* a row's multiplications per output element */
	uint64_t running[MAX_LAYERS]; /* per conv layer: its running statistics (the other
					 reading of 3.2.2) */
	bool walked_net;
	size_t walked_rows;
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	size_t i, r, k;

	sol->p = p;
	if (walk(p->q32_net, &sol->net, err) != 0)
		return -1;
	sol->walked_net = true;
	if (sol->net.list.count < 2 || sol->net.list.count > MAX_LAYERS) {
		ec_error_set(err, EC_ERR_INVALID, "q3.2.1: expected 2 to %d layers", MAX_LAYERS);
		return -1;
	}
	for (i = 0; i < sol->net.list.count; i++)
		if (sol->net.list.layers[i].type == EC_LAYER_CONV &&
		    ec_bn_param_count(sol->net.list.layers[i].count, NULL, &sol->running[i], err) !=
			    EC_OK)
			return -1;
	for (r = 0; r < 3; r++) {
		struct walked *w = &sol->rows[r];
		const ec_layer *conv;
		uint64_t kernel[EC_MAX_SPATIAL], check;
		size_t n;

		if (walk(p->q323_rows[r], w, err) != 0)
			return -1;
		sol->walked_rows++;
		conv = &w->list.layers[1];
		n = w->stats[0].rank - 1;
		for (k = 0; k < n; k++)
			kernel[k] = conv->window.kernel;
		if (ec_conv_weight_count(w->stats[0].dims[0], 1, n, kernel, &sol->per_output[r],
					 err) != EC_OK)
			return -1;
		if (!ec_u64_mul(sol->per_output[r], w->stats[1].elements, &check) ||
		    check != w->stats[1].macs) {
			ec_error_set(err, EC_ERR_INVALID, "q3.2.3: inconsistent counts");
			return -1;
		}
	}
	return 0;
}

static void release(void *out)
{
	struct solution *sol = out;
	size_t r;

	if (sol->walked_net)
		unwalk(&sol->net);
	for (r = 0; r < sol->walked_rows; r++)
		unwalk(&sol->rows[r]);
}

/* ---- the worked answers and the key ---- */

static void say_window_axes(ec_actx *a, const ec_layer *l, const ec_layer_stats *in,
			    const ec_layer_stats *out)
{
	size_t k, n = in->rank - 1;

	for (k = 0; k < n; k++) {
		ec_say(a, "    %s: floor((%" PRIu64 " + 2x%" PRIu64 " - ", axis_name(n, k),
		       in->dims[1 + k], l->window.pad);
		if (l->window.dilation == 1)
			ec_say(a, "%" PRIu64, l->window.kernel);
		else
			ec_say(a, "(%" PRIu64 "x(%" PRIu64 " - 1) + 1)", l->window.dilation,
			       l->window.kernel);
		ec_say(a, ") / %" PRIu64 ") + 1 = %" PRIu64 "\n", l->window.stride,
		       out->dims[1 + k]);
	}
}

static int show_3_2_1(ec_actx *a, const struct solution *sol)
{
	const struct walked *w = &sol->net;
	char dims[MAX_LAYERS - 1][64], head[512], id[40], buf[96];
	size_t i, used, nl = w->list.count;
	int fc_seen = 0;
	/* the points over the table's cells, 3 a row (7 rows in the exam: 2/7 each) */
	double pts = a->q->points / (double)(3 * (nl - 1));

	used = 0;
	for (i = 1; i < nl; i++) {
		dims_str(dims[i - 1], sizeof(dims[0]), w->stats[i].rank, w->stats[i].dims, "x");
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%s", i > 1 ? ", " : "",
					 dims[i - 1]);
	}
	used += (size_t)snprintf(head + used, sizeof(head) - used, "; weights");
	for (i = 1; i < nl; i++)
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s %" PRIu64,
					 i > 1 ? "," : "", w->stats[i].weights);
	used += (size_t)snprintf(head + used, sizeof(head) - used, "; biases");
	for (i = 1; i < nl; i++)
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s %" PRIu64,
					 i > 1 ? "," : "", w->stats[i].biases);
	ec_answer(a, "%s", head);
	ec_say(a, "Shapes are C x T x H x W (channels, frames, height, width). Along each axis\n"
		  "a window of k with padding p and stride s maps a length n to\n"
		  "floor((n + 2p - k) / s) + 1. A convolution has one k x k x k x C_in filter\n"
		  "and one bias per output channel; pooling learns nothing; an FC layer\n"
		  "flattens its input and has one weight per input per neuron.\n\n");
	for (i = 1; i < nl; i++) {
		const ec_layer *l = &w->list.layers[i];
		const ec_layer_stats *in = &w->stats[i - 1], *s = &w->stats[i];
		char prod[64];

		dims_str(buf, sizeof(buf), in->rank, in->dims, "x");
		ec_say(a, "%zu. %s, on %s:\n", i, l->name, buf);
		dims_str(prod, sizeof(prod), s->rank, s->dims, " x ");
		switch (l->type) {
		case EC_LAYER_CONV:
			say_window_axes(a, l, in, s);
			ec_say(a, "    output %s\n", prod);
			ec_say(a, "    weights %" PRIu64 " x %" PRIu64, l->count, in->dims[0]);
			for (size_t k = 1; k < in->rank; k++)
				ec_say(a, " x %" PRIu64, l->window.kernel);
			ec_say(a, " = %" PRIu64 "; biases %" PRIu64 "\n", s->weights, s->biases);
			break;
		case EC_LAYER_POOL:
			say_window_axes(a, l, in, s);
			ec_say(a, "    output %s (channels unchanged)\n", prod);
			ec_say(a, "    weights %" PRIu64 ", biases %" PRIu64
				  " (the table's 'none': pooling has no parameters)\n",
			       s->weights, s->biases);
			break;
		default:
			ec_say(a, "    flattened input %" PRIu64 " values; output %s\n", in->elements,
			       prod);
			ec_say(a, "    weights %" PRIu64 " x %" PRIu64 " = %" PRIu64 "; biases %" PRIu64
				  "\n",
			       in->elements, l->count, s->weights, s->biases);
			break;
		}
	}
	ec_say(a, "\n  %-16s %-14s %10s %8s\n", "layer", "activation", "weights", "biases");
	dims_str(buf, sizeof(buf), w->stats[0].rank, w->stats[0].dims, "x");
	ec_say(a, "  %-16s %-14s %10s %8s\n", w->list.layers[0].name, buf, "n/a", "n/a");
	for (i = 1; i < nl; i++)
		ec_say(a, "  %-16s %-14s %10" PRIu64 " %8" PRIu64 "\n", w->list.layers[i].name,
		       dims[i - 1], w->stats[i].weights, w->stats[i].biases);
	ec_say(a, "\nReadings: pooling rows may be written 'none' or 'N/A' instead of 0. An FC\n"
		  "layer's activation is a vector:");
	for (i = 1; i < nl; i++)
		if (w->list.layers[i].type == EC_LAYER_FC)
			ec_say(a, "%s %s", fc_seen++ ? " and" : "", dims[i - 1]);
	ec_say(a, " in the key. Written as a volume\nC x T x H x W,");
	for (i = 1, fc_seen = 0; i < nl; i++) {
		if (w->list.layers[i].type != EC_LAYER_FC)
			continue;
		ec_say(a, "%s %s", fc_seen++ ? " and" : "", dims[i - 1]);
		for (size_t k = 1; k < w->stats[0].rank; k++)
			ec_say(a, "x1");
	}
	/* the built-in rubric names the exam's own FC rows; a variant's are not in it */
	ec_say(a, a->params->seed ? " would read the same, but only the key's form is\n"
				    "graded right for a variant.\n"
				  : " are accepted too (data/rubric).\n");
	for (i = 1; i < nl; i++) {
		snprintf(id, sizeof(id), "3.2.1.%zu.dims", i);
		if (ec_keyf(a, id, EC_KEY_DIMS, pts, "%s", dims[i - 1]))
			return -1;
		snprintf(id, sizeof(id), "3.2.1.%zu.weights", i);
		if (ec_keyf(a, id, EC_KEY_COUNT, pts, "%" PRIu64, w->stats[i].weights))
			return -1;
		snprintf(id, sizeof(id), "3.2.1.%zu.biases", i);
		if (ec_keyf(a, id, EC_KEY_COUNT, pts, "%" PRIu64, w->stats[i].biases))
			return -1;
	}
	return 0;
}

static int show_3_2_2(ec_actx *a, const struct solution *sol)
{
	const struct walked *w = &sol->net;
	char head[128], alt[128] = "", id[16];
	size_t i, used = 0, alt_used = 0, r = 0;

	for (i = 0; i < w->list.count; i++)
		if (w->list.layers[i].type == EC_LAYER_CONV)
			used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%" PRIu64,
						 used ? ", " : "", w->stats[i].bn_params);
	ec_answer(a, "%s", head);
	ec_say(a, "Spatiotemporal batch norm keeps one mean and variance per channel, taken\n"
		  "over N, T, H and W, and learns one scale (gamma) and one shift (beta) per\n"
		  "channel: 2 x C parameters after a convolution with C output channels.\n\n");
	for (i = 0; i < w->list.count; i++) {
		const ec_layer *l = &w->list.layers[i];
		uint64_t both;

		if (l->type != EC_LAYER_CONV)
			continue;
		/* Shown only: the other reading, counting the running statistics too. */
		if (ec_showing(a)) {
			if (!ec_u64_add(sol->running[i], w->stats[i].bn_params, &both)) {
				ec_error_set(&a->err, EC_ERR_OVERFLOW, "batch-norm count does not fit");
				return -1;
			}
			alt_used += (size_t)snprintf(alt + alt_used, sizeof(alt) - alt_used,
						     "%s%" PRIu64, alt_used ? ", " : "", both);
			ec_say(a, "  %-16s C = %-4" PRIu64 " 2 x %" PRIu64 " = %" PRIu64
				  " (plus %" PRIu64 " running statistics)\n",
			       l->name, l->count, l->count, w->stats[i].bn_params, sol->running[i]);
		}
		snprintf(id, sizeof(id), "3.2.2.%zu", ++r);
		if (ec_keyf(a, id, EC_KEY_COUNT, 1, "%" PRIu64, w->stats[i].bn_params))
			return -1;
	}
	ec_say(a, "\nOther reading: counting the running mean and variance as parameters too\n"
		  "gives %s; they are buffers updated by averaging, not learned.\n", alt);
	return 0;
}

static int show_3_2_3(ec_actx *a, const struct solution *sol)
{
	char head[128], out[64], taps[64], id[16];
	size_t r, k, used = 0;

	for (r = 0; r < 3; r++)
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%" PRIu64,
					 r ? ", " : "", sol->rows[r].stats[1].macs);
	ec_answer(a, "%s", head);
	ec_say(a, "As a matrix multiplication (im2col), each output element is the dot\n"
		  "product of one filter (C_in x k x ... x k values) with one input patch:\n"
		  "multiplications = (output elements) x (C_in x k^d), with d = 2 for 2D and\n"
		  "d = 3 for 3D convolution. Padded zeros are multiplied too; bias additions\n"
		  "are not multiplications; batch of 1.\n\n");
	for (r = 0; r < 3; r++) {
		const ec_layer_stats *in = &sol->rows[r].stats[0], *s = &sol->rows[r].stats[1];
		const ec_layer *conv = &sol->rows[r].list.layers[1];
		char buf[64];
		uint64_t filt[1 + EC_MAX_SPATIAL];

		dims_str(buf, sizeof(buf), in->rank, in->dims, "x");
		dims_str(out, sizeof(out), s->rank, s->dims, " x ");
		filt[0] = in->dims[0];
		for (k = 1; k < in->rank; k++)
			filt[k] = conv->window.kernel;
		dims_str(taps, sizeof(taps), in->rank, filt, " x ");
		ec_say(a, "%zu. %s on %s (%zuD): output %s\n", r + 1, conv->name, buf, in->rank - 1,
		       out);
		ec_say(a, "   (%s) x (%s) = %" PRIu64 " x %" PRIu64 " = %" PRIu64 "\n", out, taps,
		       s->elements, sol->per_output[r], s->macs);
		ec_say(a, "   (as FLOPs, counting the additions too: %" PRIu64 ")\n", s->flops);
		snprintf(id, sizeof(id), "3.2.3.%zu", r + 1);
		if (ec_keyf(a, id, EC_KEY_COUNT, 1, "%" PRIu64, s->macs))
			return -1;
	}
	return 0;
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;

	if (strcmp(a->q->id, "3.2.1") == 0)
		return show_3_2_1(a, sol);
	if (strcmp(a->q->id, "3.2.2") == 0)
		return show_3_2_2(a, sol);
	return show_3_2_3(a, sol);
}

/* ---- the facts: each count's derivation, and its known mistakes recomputed ---- */

/* Shape mistakes of a conv or pool row: padding or stride left out, axes reordered or missing. */
static void dims_mistakes(ec_item_facts *f, const ec_layer *l, const ec_layer_stats *in,
			  const ec_layer_stats *s)
{
	char d[LINE], shape[64], axes[LINE - 40];
	ec_layer_stats m;
	ec_layer changed;
	uint64_t fewer[1 + EC_MAX_SPATIAL];
	size_t k;

	if (l->window.pad > 0) {
		changed = *l;
		changed.window.pad = 0;
		if (walk_one(in->dims, in->rank, &changed, &m) == 0) {
			axes_str(axes, sizeof(axes), &changed, in, &m);
			snprintf(d, sizeof(d), "with padding 0, %s", axes);
			ec_facts_mistake_dims(f, "shape with the padding ignored", m.rank, m.dims, false,
					      d);
		}
	}
	if (l->window.stride > 1) {
		changed = *l;
		changed.window.stride = 1;
		if (walk_one(in->dims, in->rank, &changed, &m) == 0) {
			axes_str(axes, sizeof(axes), &changed, in, &m);
			snprintf(d, sizeof(d), "with stride 1, %s", axes);
			ec_facts_mistake_dims(f, "shape with the stride ignored", m.rank, m.dims, false,
					      d);
		}
	}
	snprintf(d, sizeof(d), "the table's order is C x T x H x W = %s",
		 dims_str(shape, sizeof(shape), s->rank, s->dims, "x"));
	ec_facts_mistake_dims(f, "shape in a different axis order", s->rank, s->dims, true, d);
	snprintf(d, sizeof(d), "the %" PRIu64 " channels (C) are the first factor of %s",
		 s->dims[0], shape);
	ec_facts_mistake_dims(f, "shape missing the channel axis", s->rank - 1, s->dims + 1, false,
			      d);
	if (s->rank == 4) {
		fewer[0] = s->dims[0];
		for (k = 2; k < s->rank; k++)
			fewer[k - 1] = s->dims[k];
		snprintf(d, sizeof(d), "a video activation keeps its %" PRIu64 " frames (T) after C: %s",
			 s->dims[1], shape);
		ec_facts_mistake_dims(f, "shape missing the temporal axis", s->rank - 1, fewer, false,
				      d);
	}
}

static int facts_dims(ec_explainer *ex, const char *id, const ec_layer *l,
		      const ec_layer_stats *in, const ec_layer_stats *s, ec_error *err)
{
	ec_item_facts *f = ec_facts_add(ex, id, EC_KEY_DIMS, err);
	char shape[64], axes[LINE], input[64];

	if (!f)
		return -1;
	ec_facts_answer(f, "%s", dims_str(shape, sizeof(shape), s->rank, s->dims, "x"));
	dims_str(input, sizeof(input), in->rank, in->dims, "x");
	switch (l->type) {
	case EC_LAYER_CONV:
		axes_str(axes, sizeof(axes), l, in, s);
		ec_facts_line(f, "C x T x H x W: %s on %s gives %" PRIu64 " channels (one per filter); %s",
			      l->name, input, s->dims[0], axes);
		dims_mistakes(f, l, in, s);
		break;
	case EC_LAYER_POOL:
		axes_str(axes, sizeof(axes), l, in, s);
		ec_facts_line(f, "C x T x H x W: %s on %s keeps the %" PRIu64 " channels; %s", l->name,
			      input, s->dims[0], axes);
		dims_mistakes(f, l, in, s);
		break;
	default:
		if (in->rank > 1)
			ec_facts_line(f, "%s flattens its %s input and gives one value per neuron: "
					 "%" PRIu64,
				      l->name, input, s->dims[0]);
		else
			ec_facts_line(f, "%s gives one value per neuron: %" PRIu64, l->name,
				      s->dims[0]);
		break;
	}
	return 0;
}

static int facts_weights(ec_explainer *ex, const char *id, const ec_layer *l,
			 const ec_layer_stats *in, const ec_layer_stats *s, ec_error *err)
{
	ec_item_facts *f = ec_facts_add(ex, id, EC_KEY_COUNT, err);
	size_t n = in->rank - 1;
	uint64_t kernel[EC_MAX_SPATIAL], v, sum;
	char taps[64], d[LINE], input[64];
	size_t k;

	if (!f)
		return -1;
	ec_facts_answer(f, "%" PRIu64, s->weights);
	dims_str(input, sizeof(input), in->rank, in->dims, "x");
	for (k = 0; k < EC_MAX_SPATIAL; k++)
		kernel[k] = l->window.kernel;
	taps_str(taps, sizeof(taps), l, n);
	switch (l->type) {
	case EC_LAYER_CONV:
		ec_facts_line(f, "%" PRIu64 " filters x %" PRIu64 " input channels x %s taps = %" PRIu64
				 " (%s on %s)",
			      l->count, in->dims[0], taps, s->weights, l->name, input);
		if (ec_conv_weight_count(1, l->count, n, kernel, &v, err) != EC_OK)
			return -1;
		snprintf(d, sizeof(d), "%" PRIu64 " filters x %s taps = %" PRIu64, l->count, taps, v);
		ec_facts_mistake_count(f, "weight count without the input channels", v, d);
		if (n > 1) {
			char flat[64];

			if (ec_conv_weight_count(in->dims[0], l->count, n - 1, kernel, &v, err) != EC_OK)
				return -1;
			taps_str(flat, sizeof(flat), l, n - 1);
			snprintf(d, sizeof(d),
				 "%" PRIu64 " x %" PRIu64 " x %s, a 2D kernel: the 3D one also spans %" PRIu64
				 " frames",
				 l->count, in->dims[0], flat, l->window.kernel);
			ec_facts_mistake_count(f,
					       "weight count without the kernel's temporal extent",
					       v, d);
		}
		if (ec_conv_weight_count(in->dims[0], 1, n, kernel, &v, err) != EC_OK)
			return -1;
		snprintf(d, sizeof(d), "%" PRIu64 " input channels x %s taps = %" PRIu64
			 ", but each of the %" PRIu64 " filters has its own",
			 in->dims[0], taps, v, l->count);
		ec_facts_mistake_count(f, "weight count of one filter only", v, d);
		break;
	case EC_LAYER_POOL:
		ec_facts_line(f, "%s takes a max over its window and learns nothing: %" PRIu64
				 " weights",
			      l->name, s->weights);
		if (ec_u64_product(n, kernel, &v, err) != EC_OK)
			return -1;
		snprintf(d, sizeof(d), "%s = %" PRIu64 " positions of the window, which has no weights",
			 taps, v);
		ec_facts_mistake_count(f, "pooling window's size counted as weights", v, d);
		break;
	default: {
		uint64_t spatial;

		if (in->rank > 1)
			ec_facts_line(f, "%" PRIu64 " inputs (%s flattened) x %" PRIu64 " neurons = %" PRIu64,
				      in->elements, input, l->count, s->weights);
		else
			ec_facts_line(f, "%" PRIu64 " inputs x %" PRIu64 " neurons = %" PRIu64,
				      in->elements, l->count, s->weights);
		if (in->rank > 1) {
			if (ec_u64_product(in->rank - 1, in->dims + 1, &spatial, err) != EC_OK ||
			    ec_fc_weight_count(spatial, l->count, &v, err) != EC_OK)
				return -1;
			snprintf(d, sizeof(d), "%" PRIu64 " positions x %" PRIu64 " neurons = %" PRIu64
				 ", but every one of the %" PRIu64 " channels is an input",
				 spatial, l->count, v, in->dims[0]);
			ec_facts_mistake_count(f, "weight count without the input channels", v, d);
		}
		break;
	}
	}
	if (s->biases && ec_u64_add(s->weights, s->biases, &sum)) {
		snprintf(d, sizeof(d), "%" PRIu64 " weights + %" PRIu64 " biases = %" PRIu64, s->weights,
			 s->biases, sum);
		ec_facts_mistake_count(f, "count with the biases counted as weights", sum, d);
		snprintf(d, sizeof(d), "one bias per %s; the weights are %" PRIu64,
			 l->type == EC_LAYER_FC ? "neuron" : "filter", s->weights);
		ec_facts_mistake_count(f, "bias count, not the weights", s->biases, d);
	}
	return 0;
}

static int facts_biases(ec_explainer *ex, const char *id, const ec_layer *l,
			const ec_layer_stats *s, ec_error *err)
{
	ec_item_facts *f = ec_facts_add(ex, id, EC_KEY_COUNT, err);
	char d[LINE];

	if (!f)
		return -1;
	ec_facts_answer(f, "%" PRIu64, s->biases);
	if (l->type == EC_LAYER_CONV)
		ec_facts_line(f, "one bias per filter of %s: %" PRIu64, l->name, s->biases);
	else if (l->type == EC_LAYER_FC)
		ec_facts_line(f, "one bias per neuron of %s: %" PRIu64, l->name, s->biases);
	else
		ec_facts_line(f, "%s learns nothing: %" PRIu64 " biases", l->name, s->biases);
	if (s->weights) {
		snprintf(d, sizeof(d), "%" PRIu64 " weights; the biases are one per %s", s->weights,
			 l->type == EC_LAYER_FC ? "neuron" : "filter");
		ec_facts_mistake_count(f, "weight count, not the biases", s->weights, d);
	}
	return 0;
}

static int facts_3_2_1(ec_explainer *ex, const struct solution *sol, ec_error *err)
{
	const struct walked *w = &sol->net;
	char id[40];
	size_t i;

	for (i = 1; i < w->list.count; i++) {
		const ec_layer *l = &w->list.layers[i];

		snprintf(id, sizeof(id), "3.2.1.%zu.dims", i);
		if (facts_dims(ex, id, l, &w->stats[i - 1], &w->stats[i], err) != 0)
			return -1;
		snprintf(id, sizeof(id), "3.2.1.%zu.weights", i);
		if (facts_weights(ex, id, l, &w->stats[i - 1], &w->stats[i], err) != 0)
			return -1;
		snprintf(id, sizeof(id), "3.2.1.%zu.biases", i);
		if (facts_biases(ex, id, l, &w->stats[i], err) != 0)
			return -1;
	}
	return 0;
}

static int facts_3_2_2(ec_explainer *ex, const struct solution *sol, ec_error *err)
{
	const struct walked *w = &sol->net;
	char id[16], d[LINE];
	size_t i, r = 0;
	int rc = 0;

	for (i = 1; i < w->list.count && rc == 0; i++) {
		const ec_layer *l = &w->list.layers[i];
		const ec_layer_stats *s = &w->stats[i], *in = &w->stats[i - 1];
		uint64_t running, both, per_activation, of_input;
		ec_item_facts *f;

		if (l->type != EC_LAYER_CONV)
			continue;
		snprintf(id, sizeof(id), "3.2.2.%zu", ++r);
		running = sol->running[i];
		if (!(f = ec_facts_add(ex, id, EC_KEY_COUNT, err)) ||
		    ec_bn_param_count(s->elements, &per_activation, NULL, err) != EC_OK ||
		    ec_bn_param_count(in->dims[0], &of_input, NULL, err) != EC_OK) {
			rc = -1;
			break;
		}
		ec_facts_answer(f, "%" PRIu64, s->bn_params);
		ec_facts_line(f, "a learned scale gamma and shift beta per channel: 2 x %" PRIu64
				 " = %" PRIu64 " (after %s; the running mean and variance are not learned)",
			      l->count, s->bn_params, l->name);
		if (ec_u64_add(s->bn_params, running, &both)) {
			snprintf(d, sizeof(d), "%" PRIu64 " gamma and beta + %" PRIu64
				 " running mean and variance = %" PRIu64,
				 s->bn_params, running, both);
			ec_facts_mistake_count(f, "count with the running statistics", both, d);
		}
		snprintf(d, sizeof(d), "one per channel, but each of the %" PRIu64
			 " channels has both a gamma and a beta",
			 l->count);
		ec_facts_mistake_count(f, "count of gamma (or beta) alone", l->count, d);
		snprintf(d, sizeof(d), "2 x %" PRIu64 " activations; the statistics and parameters are "
			 "per channel, shared over N, T, H and W",
			 s->elements);
		ec_facts_mistake_count(f, "count per activation, not per channel", per_activation, d);
		snprintf(d, sizeof(d), "2 x %" PRIu64 " channels of the layer's input; the norm after it "
			 "sees its %" PRIu64 " output channels",
			 in->dims[0], l->count);
		ec_facts_mistake_count(f, "count for the input channels", of_input, d);
	}
	return rc;
}

static int facts_macs(ec_explainer *ex, size_t r, const struct walked *w, ec_error *err)
{
	const ec_layer *conv = &w->list.layers[1];
	const ec_layer_stats *in = &w->stats[0], *s = &w->stats[1];
	size_t n = in->rank - 1;
	uint64_t kernel[EC_MAX_SPATIAL], per_output, flops, v, v2;
	char id[16], out[64], taps[64], filt[64], d[LINE];
	ec_item_facts *f;
	ec_layer_stats m;
	ec_layer changed;
	size_t k;

	snprintf(id, sizeof(id), "3.2.3.%zu", r + 1);
	if (!(f = ec_facts_add(ex, id, EC_KEY_COUNT, err)))
		return -1;
	for (k = 0; k < EC_MAX_SPATIAL; k++)
		kernel[k] = conv->window.kernel;
	if (ec_conv_weight_count(in->dims[0], 1, n, kernel, &per_output, err) != EC_OK ||
	    ec_flops_from_macs(s->macs, &flops, err) != EC_OK)
		return -1;
	dims_str(out, sizeof(out), s->rank, s->dims, " x ");
	dims_str(filt, sizeof(filt), 1, in->dims, "");
	taps_str(taps, sizeof(taps), conv, n);
	ec_facts_answer(f, "%" PRIu64, s->macs);
	ec_facts_line(f, "(%s outputs) x (%s input channels x %s taps) = %" PRIu64 " x %" PRIu64
			 " = %" PRIu64 " (bias additions are not multiplications)",
		      out, filt, taps, s->elements, per_output, s->macs);
	snprintf(d, sizeof(d), "2 x %" PRIu64 " = %" PRIu64 ", multiplications and additions",
		 s->macs, flops);
	ec_facts_mistake_count(f, "count of FLOPs (x2), not multiplications", flops, d);
	if (ec_u64_add(s->macs, s->elements, &v)) {
		snprintf(d, sizeof(d), "%" PRIu64 " + %" PRIu64 " bias additions (one per output) = %" PRIu64,
			 s->macs, s->elements, v);
		ec_facts_mistake_count(f, "count with the bias additions", v, d);
	}
	if (ec_u64_add(flops, s->elements, &v2)) {
		snprintf(d, sizeof(d), "%" PRIu64 " FLOPs + %" PRIu64 " bias additions = %" PRIu64, flops,
			 s->elements, v2);
		ec_facts_mistake_count(f, "count of FLOPs with the bias additions", v2, d);
	}
	if (ec_conv_macs(1, conv->count, n, kernel, s->dims + 1, &v, err) != EC_OK)
		return -1;
	snprintf(d, sizeof(d), "(%s outputs) x (%s taps) = %" PRIu64 ", but each tap spans all %s "
		 "input channels",
		 out, taps, v, filt);
	ec_facts_mistake_count(f, "count without the input channels", v, d);
	if (conv->window.pad > 0) {
		changed = *conv;
		changed.window.pad = 0;
		if (walk_one(in->dims, in->rank, &changed, &m) == 0) {
			dims_str(out, sizeof(out), m.rank, m.dims, " x ");
			snprintf(d, sizeof(d), "with padding 0 the output is %s: %" PRIu64, out, m.macs);
			ec_facts_mistake_count(f, "count with the padding ignored", m.macs, d);
		}
	}
	if (n == 3) {
		uint64_t flat[EC_MAX_SPATIAL];

		flat[0] = in->dims[0];
		flat[1] = in->dims[2];
		flat[2] = in->dims[3];
		if (walk_one(flat, 3, conv, &m) == 0) {
			snprintf(d, sizeof(d), "%s on %" PRIu64 "x%" PRIu64 "x%" PRIu64
				 " (no frames, a %s kernel) gives %" PRIu64
				 "; the 3D kernel also slides over the %" PRIu64 " frames",
				 conv->name, flat[0], flat[1], flat[2],
				 taps_str(taps, sizeof(taps), conv, 2), m.macs, in->dims[1]);
			ec_facts_mistake_count(f, "2D count where the 3D one was asked", m.macs, d);
		}
	}
	snprintf(d, sizeof(d), "%" PRIu64 " weights, but each is used at every one of the %" PRIu64
		 " output positions",
		 s->weights, s->elements / conv->count);
	ec_facts_mistake_count(f, "weight count, not the multiplications", s->weights, d);
	return 0;
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	size_t r;

	if (facts_3_2_1(ex, sol, err) != 0 || facts_3_2_2(ex, sol, err) != 0)
		return -1;
	for (r = 0; r < 3; r++)
		if (facts_macs(ex, r, &sol->rows[r], err) != 0)
			return -1;
	return 0;
}

/* ---- the text and its numbers ---- */

/* "3 x 8 x 64 x 64" */
static void dims_text(ec_buf *b, size_t n, const uint64_t *v)
{
	size_t i;

	for (i = 0; i < n; i++)
		ec_buf_appendf(b, "%s%" PRIu64, i ? " x " : "", v[i]);
}

static int text_3_2(const ec_exam_params *p, ec_text *t, ec_error *err)
{
	ec_layer_list list;
	const ec_layer *in;
	ec_buf b = EC_BUF_INIT;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	in = &list.layers[0];
	ec_text_para(t, "Convolutional networks for images extend to video, a sequence of frames:\n"
			"one video is a tensor of channels C, time T, height H and width W. A 3D\n"
			"convolution slides its kernel along time as well as height and width: it\n"
			"takes C x T x H x W inputs and 3D kernels, where a 2D convolution takes\n"
			"C x H x W inputs and 2D kernels.");
	ec_text_para(t, "Layer names:");
	ec_text_item(t, "CONVk-N-pP-sS: a convolution with N kernels of k x k x k, padding P and\n"
			"stride S along T, H and W, followed by a ReLU (CONV5-16-p2-s1: 16 kernels\n"
			"of 5 x 5 x 5, padding 2, stride 1)");
	ec_text_item(t, "POOL2: 2 x 2 x 2 max pooling, stride 2, no padding");
	ec_text_item(t, "FC-N: a fully connected layer of N neurons, followed by a ReLU");
	ec_text_para(t, "The network below takes %" PRIu64 " frames of %" PRIu64 " by %" PRIu64
			" pixels with %" PRIu64 " channel%s%s:",
		     in->dims[1], in->dims[2], in->dims[3], in->dims[0], in->dims[0] == 1 ? "" : "s",
		     in->dims[0] == 3 ? " (RGB)" : "");
	for (size_t i = 0; i < list.count; i++)
		ec_buf_appendf(&b, "%s%s", i ? (i % 4 == 0 ? ";\n" : "; ") : "", list.layers[i].name);
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_1(const ec_exam_params *p, ec_text *t, ec_error *err)
{
	ec_layer_list list;
	ec_buf dims = EC_BUF_INIT, b = EC_BUF_INIT;
	size_t i;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	dims_text(&dims, list.layers[0].rank, list.layers[0].dims);
	ec_text_para(t, "For each layer, give the shape of its output (the activation volume), its\n"
			"number of weights and its number of biases. Write shapes as products, such\n"
			"as 128 x 128 x 128.");
	ec_buf_appendf(&b, "%-16s %-22s %-10s %s\n", "Layer", "Activation volume", "# Weights",
		       "# Biases");
	ec_buf_appendf(&b, "%-16s %-22s %-10s %s\n", "INPUT", ec_buf_str(&dims), "N/A", "N/A");
	for (i = 1; i < list.count; i++)
		ec_buf_appendf(&b, "%s\n", list.layers[i].name);
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	ec_buf_free(&dims);
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_2(const ec_exam_params *p, ec_text *t, ec_error *err)
{
	ec_layer_list list;
	ec_buf b = EC_BUF_INIT;
	size_t i;

	if (ec_layers_parse(p->q32_net, &list, err) != EC_OK)
		return -1;
	ec_text_para(t, "Spatiotemporal batch normalisation works on batches of shape\n"
			"N x C x T x H x W and normalises over N, T, H and W. One such layer is\n"
			"added after each convolution of the network. How many parameters does each\n"
			"of them add?");
	ec_buf_appendf(&b, "%-16s %s\n", "Layer", "# BN parameters");
	for (i = 0; i < list.count; i++)
		if (list.layers[i].type == EC_LAYER_CONV)
			ec_buf_appendf(&b, "%s\n", list.layers[i].name);
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	ec_layers_free(&list);
	return 0;
}

static int text_3_2_3(const ec_exam_params *p, ec_text *t, ec_error *err)
{
	ec_buf b = EC_BUF_INIT;
	size_t r;

	ec_text_para(t, "A 3D convolution costs more than a 2D one. Count the floating-point\n"
			"multiplications of each convolution below, computed as a matrix\n"
			"multiplication (leave aside FFT or Winograd methods): first the 2D ones,\n"
			"then the 3D one. Write each count as a product, such as 128 x 128 x 128.");
	ec_buf_appendf(&b, "%-18s %-46s %s\n", "Input", "Convolution", "# Multiplications");
	for (r = 0; r < 3; r++) {
		ec_layer_list list;
		ec_buf in = EC_BUF_INIT, conv = EC_BUF_INIT;
		const ec_layer *l;
		size_t d, k;

		if (ec_layers_parse(p->q323_rows[r], &list, err) != EC_OK) {
			ec_buf_free(&b);
			return -1;
		}
		l = &list.layers[1];
		d = list.layers[0].rank - 1;
		dims_text(&in, list.layers[0].rank, list.layers[0].dims);
		ec_buf_appendf(&conv, "%zuD, N = %" PRIu64 ", kernel ", d, l->count);
		for (k = 0; k < d; k++)
			ec_buf_appendf(&conv, "%s%" PRIu64, k ? " x " : "", l->window.kernel);
		ec_buf_appendf(&conv, ", pad %" PRIu64 ", stride %" PRIu64, l->window.pad,
			       l->window.stride);
		ec_buf_appendf(&b, "%-18s %s\n", ec_buf_str(&in), ec_buf_str(&conv));
		ec_buf_free(&in);
		ec_buf_free(&conv);
		ec_layers_free(&list);
	}
	ec_text_pre(t, "%s", ec_buf_str(&b));
	ec_buf_free(&b);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	if (strcmp(q->id, "3.2") == 0)
		return text_3_2(s->p, t, err);
	if (strcmp(q->id, "3.2.1") == 0)
		return text_3_2_1(s->p, t, err);
	if (strcmp(q->id, "3.2.2") == 0)
		return text_3_2_2(s->p, t, err);
	return text_3_2_3(s->p, t, err);
}

/* 3.2: "input" ("3x8x64x64") and "layers"; 3.2.3: "rows" [{"input", "layer"}]. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	ec_layer_list list;
	size_t r, i;

	if (strcmp(q->id, "3.2") == 0) {
		if (ec_layers_parse(s->p->q32_net, &list, err) != EC_OK)
			return -1;
		fputs("\"input\": \"", f);
		for (i = 0; i < list.layers[0].rank; i++)
			fprintf(f, "%s%" PRIu64, i ? "x" : "", list.layers[0].dims[i]);
		fputs("\", \"layers\": [", f);
		for (i = 1; i < list.count; i++) {
			if (i > 1)
				fputs(", ", f);
			ec_write_json_string(f, list.layers[i].name);
		}
		putc(']', f);
		ec_layers_free(&list);
		return 0;
	}
	if (strcmp(q->id, "3.2.3") != 0)
		return 0;
	fputs("\"rows\": [", f);
	for (r = 0; r < 3; r++) {
		if (ec_layers_parse(s->p->q323_rows[r], &list, err) != EC_OK)
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

const ec_module ec_module_3_2 = {
	.id = "3.2",
	.size = sizeof(struct solution),
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.release = release,
	.show = show,
	.facts = facts,
};
