/*
 * explain_q3_2.c: facts of Q3.2 (a 3D conv net for video): the derivation
 * of every shape and count, and the known mistakes, each the same count
 * recomputed by libexamcheck with the mistake made (one input channel, a
 * 2D kernel, the layer walked without its padding or stride, ...). The
 * networks are written in the exam's notation, as in q3_2.c.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "explain.h"

static const char q32_net[] = "INPUT 3x8x64x64; CONV5-16-p2-s1; POOL2; CONV3-16-p1-s1; "
			      "POOL2; CONV3-32-p1-s2; FC-256; FC-10";

/* Table 3: input and layer of each row. */
static const char *const q323_rows[] = {
	"INPUT 3x64x64; CONV3-16-p1-s1",
	"INPUT 3x64x64; CONV5-32-p2-s1",
	"INPUT 3x8x64x64; CONV5-32-p2-s1",
};

#define LINE EC_EXPLAIN_LINE

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

int ec_facts_3_2_1(ec_explainer *ex, ec_error *err)
{
	struct walked w;
	char id[40];
	size_t i;
	int rc = 0;

	if (walk(q32_net, &w, err) != 0)
		return -1;
	for (i = 1; i < w.list.count && rc == 0; i++) {
		const ec_layer *l = &w.list.layers[i];

		snprintf(id, sizeof(id), "3.2.1.%zu.dims", i);
		rc = facts_dims(ex, id, l, &w.stats[i - 1], &w.stats[i], err);
		snprintf(id, sizeof(id), "3.2.1.%zu.weights", i);
		if (rc == 0)
			rc = facts_weights(ex, id, l, &w.stats[i - 1], &w.stats[i], err);
		snprintf(id, sizeof(id), "3.2.1.%zu.biases", i);
		if (rc == 0)
			rc = facts_biases(ex, id, l, &w.stats[i], err);
	}
	unwalk(&w);
	return rc;
}

int ec_facts_3_2_2(ec_explainer *ex, ec_error *err)
{
	struct walked w;
	char id[16], d[LINE];
	size_t i, r = 0;
	int rc = 0;

	if (walk(q32_net, &w, err) != 0)
		return -1;
	for (i = 1; i < w.list.count && rc == 0; i++) {
		const ec_layer *l = &w.list.layers[i];
		const ec_layer_stats *s = &w.stats[i], *in = &w.stats[i - 1];
		uint64_t running, both, per_activation, of_input;
		ec_item_facts *f;

		if (l->type != EC_LAYER_CONV)
			continue;
		snprintf(id, sizeof(id), "3.2.2.%zu", ++r);
		if (!(f = ec_facts_add(ex, id, EC_KEY_COUNT, err)) ||
		    ec_bn_param_count(l->count, NULL, &running, err) != EC_OK ||
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
	unwalk(&w);
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

int ec_facts_3_2_3(ec_explainer *ex, ec_error *err)
{
	size_t r;

	for (r = 0; r < sizeof(q323_rows) / sizeof(q323_rows[0]); r++) {
		struct walked w;
		int rc;

		if (walk(q323_rows[r], &w, err) != 0)
			return -1;
		rc = facts_macs(ex, r, &w, err);
		unwalk(&w);
		if (rc != 0)
			return -1;
	}
	return 0;
}
