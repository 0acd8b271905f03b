/*
 * q3_2.c: Q3.2, a 3D conv net for video: shapes and parameters (3.2.1),
 * batch-norm parameters (3.2.2) and multiplications (3.2.3). The networks
 * are written below in the exam's notation; every number comes from
 * ec_layers_walk() and the counts of ec_conv.h.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "params.h"

/* The network and Table 3's rows (input; layer) are the exam's numbers: params.h. */

/* Most layers of the network, INPUT included. */
#define Q32_MAX_LAYERS 9

struct walked {
	ec_layer_list list;
	ec_layer_stats *stats;
};

static int walk(ec_actx *a, const char *spec, struct walked *w)
{
	ec_error err;

	ec_error_clear(&err);
	w->stats = NULL;
	if (ec_layers_parse(spec, &w->list, &err) != EC_OK) {
		a->err = err;
		return -1;
	}
	if (!(w->stats = calloc(w->list.count, sizeof(*w->stats)))) {
		ec_error_set(&err, EC_ERR_NOMEM, "out of memory");
	} else if (ec_layers_walk(&w->list, w->stats, &err) == EC_OK) {
		return 0;
	}
	free(w->stats);
	ec_layers_free(&w->list);
	a->err = err;
	return -1;
}

static void unwalk(struct walked *w)
{
	free(w->stats);
	ec_layers_free(&w->list);
}

/* "16x8x64x64", or with a separator such as " x ". */
static void dims_str(char *buf, size_t size, size_t n, const uint64_t *v, const char *sep)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%" PRIu64, i ? sep : "", v[i]);

		used += w > 0 ? (size_t)w : 0;
	}
}

static const char *axis_name(size_t nspatial, size_t k)
{
	static const char *const names3[] = {"T", "H", "W"};
	static const char *const names2[] = {"H", "W"};

	if (nspatial == 3)
		return names3[k];
	if (nspatial == 2)
		return names2[k];
	return "L";
}

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

int ec_ans_3_2_1(ec_actx *a)
{
	double pts;
	struct walked w;
	char dims[Q32_MAX_LAYERS - 1][64], head[512], id[40], buf[96];
	size_t i, used, nl;
	int fc_seen = 0;

	if (walk(a, ec_params(a)->q32_net, &w) != 0)
		return -1;
	nl = w.list.count;
	if (nl < 2 || nl > Q32_MAX_LAYERS) {
		unwalk(&w);
		ec_error_set(&a->err, EC_ERR_INVALID, "q3.2.1: expected 2 to %d layers",
			     Q32_MAX_LAYERS);
		return -1;
	}
	/* 6 points over the table's cells: 3 a row (7 rows in the exam: 2/7 each). */
	pts = 6.0 / (double)(3 * (nl - 1));
	used = 0;
	for (i = 1; i < nl; i++) {
		dims_str(dims[i - 1], sizeof(dims[0]), w.stats[i].rank, w.stats[i].dims, "x");
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%s", i > 1 ? ", " : "",
					 dims[i - 1]);
	}
	used += (size_t)snprintf(head + used, sizeof(head) - used, "; weights");
	for (i = 1; i < nl; i++)
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s %" PRIu64,
					 i > 1 ? "," : "", w.stats[i].weights);
	used += (size_t)snprintf(head + used, sizeof(head) - used, "; biases");
	for (i = 1; i < nl; i++)
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s %" PRIu64,
					 i > 1 ? "," : "", w.stats[i].biases);
	ec_answer(a, "%s", head);
	ec_say(a, "Shapes are C x T x H x W (channels, frames, height, width). Along each axis\n"
		  "a window of k with padding p and stride s maps a length n to\n"
		  "floor((n + 2p - k) / s) + 1. A convolution has one k x k x k x C_in filter\n"
		  "and one bias per output channel; pooling learns nothing; an FC layer\n"
		  "flattens its input and has one weight per input per neuron.\n\n");
	for (i = 1; i < nl; i++) {
		const ec_layer *l = &w.list.layers[i];
		const ec_layer_stats *in = &w.stats[i - 1], *s = &w.stats[i];
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
	dims_str(buf, sizeof(buf), w.stats[0].rank, w.stats[0].dims, "x");
	ec_say(a, "  %-16s %-14s %10s %8s\n", w.list.layers[0].name, buf, "n/a", "n/a");
	for (i = 1; i < nl; i++)
		ec_say(a, "  %-16s %-14s %10" PRIu64 " %8" PRIu64 "\n", w.list.layers[i].name,
		       dims[i - 1], w.stats[i].weights, w.stats[i].biases);
	ec_say(a, "\nReadings: pooling rows may be written 'none' or 'N/A' instead of 0. An FC\n"
		  "layer's activation is a vector:");
	for (i = 1; i < nl; i++)
		if (w.list.layers[i].type == EC_LAYER_FC)
			ec_say(a, "%s %s", fc_seen++ ? " and" : "", dims[i - 1]);
	ec_say(a, " in the key. Written as a volume\nC x T x H x W,");
	for (i = 1, fc_seen = 0; i < nl; i++) {
		if (w.list.layers[i].type != EC_LAYER_FC)
			continue;
		ec_say(a, "%s %s", fc_seen++ ? " and" : "", dims[i - 1]);
		for (size_t k = 1; k < w.stats[0].rank; k++)
			ec_say(a, "x1");
	}
	/* the built-in rubric names the exam's own FC rows; a variant's are not in it */
	ec_say(a, ec_params(a)->seed ? " would read the same, but only the key's form is\n"
				       "graded right for a variant.\n"
				     : " are accepted too (data/rubric).\n");
	for (i = 1; i < nl; i++) {
		snprintf(id, sizeof(id), "3.2.1.%zu.dims", i);
		if (ec_keyf(a, id, EC_KEY_DIMS, pts, "%s", dims[i - 1]))
			goto failed;
		snprintf(id, sizeof(id), "3.2.1.%zu.weights", i);
		if (ec_keyf(a, id, EC_KEY_COUNT, pts, "%" PRIu64, w.stats[i].weights))
			goto failed;
		snprintf(id, sizeof(id), "3.2.1.%zu.biases", i);
		if (ec_keyf(a, id, EC_KEY_COUNT, pts, "%" PRIu64, w.stats[i].biases))
			goto failed;
	}
	unwalk(&w);
	return 0;
failed:
	unwalk(&w);
	return -1;
}

int ec_ans_3_2_2(ec_actx *a)
{
	struct walked w;
	char head[128], alt[128] = "", id[16];
	size_t i, used = 0, alt_used = 0, r = 0;

	if (walk(a, ec_params(a)->q32_net, &w) != 0)
		return -1;
	for (i = 0; i < w.list.count; i++)
		if (w.list.layers[i].type == EC_LAYER_CONV)
			used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%" PRIu64,
						 used ? ", " : "", w.stats[i].bn_params);
	ec_answer(a, "%s", head);
	ec_say(a, "Spatiotemporal batch norm keeps one mean and variance per channel, taken\n"
		  "over N, T, H and W, and learns one scale (gamma) and one shift (beta) per\n"
		  "channel: 2 x C parameters after a convolution with C output channels.\n\n");
	for (i = 0; i < w.list.count; i++) {
		const ec_layer *l = &w.list.layers[i];
		uint64_t running, both;
		ec_error err;

		if (l->type != EC_LAYER_CONV)
			continue;
		/* Shown only: the other reading, counting the running statistics too. */
		if (ec_showing(a)) {
			ec_error_clear(&err);
			if (ec_bn_param_count(l->count, NULL, &running, &err) != EC_OK ||
			    !ec_u64_add(running, w.stats[i].bn_params, &both)) {
				ec_error_set(&err, EC_ERR_OVERFLOW, "batch-norm count does not fit");
				a->err = err;
				goto failed;
			}
			alt_used += (size_t)snprintf(alt + alt_used, sizeof(alt) - alt_used,
						     "%s%" PRIu64, alt_used ? ", " : "", both);
			ec_say(a, "  %-16s C = %-4" PRIu64 " 2 x %" PRIu64 " = %" PRIu64
				  " (plus %" PRIu64 " running statistics)\n",
			       l->name, l->count, l->count, w.stats[i].bn_params, running);
		}
		snprintf(id, sizeof(id), "3.2.2.%zu", ++r);
		if (ec_keyf(a, id, EC_KEY_COUNT, 1, "%" PRIu64, w.stats[i].bn_params))
			goto failed;
	}
	ec_say(a, "\nOther reading: counting the running mean and variance as parameters too\n"
		  "gives %s; they are buffers updated by averaging, not learned.\n", alt);
	unwalk(&w);
	return 0;
failed:
	unwalk(&w);
	return -1;
}

int ec_ans_3_2_3(ec_actx *a)
{
	struct walked w[3];
	uint64_t per_output[3], check;
	char head[128], out[64], taps[64], id[16];
	size_t r, k, used = 0;
	int rc = -1, walked = 0;

	for (r = 0; r < 3; r++, walked++) {
		const ec_layer *conv;
		uint64_t kernel[EC_MAX_SPATIAL];
		size_t n;

		if (walk(a, ec_params(a)->q323_rows[r], &w[r]) != 0)
			goto done;
		conv = &w[r].list.layers[1];
		n = w[r].stats[0].rank - 1;
		for (k = 0; k < n; k++)
			kernel[k] = conv->window.kernel;
		if (ec_conv_weight_count(w[r].stats[0].dims[0], 1, n, kernel, &per_output[r],
					 &a->err) != EC_OK)
			goto done;
		if (!ec_u64_mul(per_output[r], w[r].stats[1].elements, &check) ||
		    check != w[r].stats[1].macs) {
			ec_error_set(&a->err, EC_ERR_INVALID, "q3.2.3: inconsistent counts");
			goto done;
		}
		used += (size_t)snprintf(head + used, sizeof(head) - used, "%s%" PRIu64,
					 r ? ", " : "", w[r].stats[1].macs);
	}
	ec_answer(a, "%s", head);
	ec_say(a, "As a matrix multiplication (im2col), each output element is the dot\n"
		  "product of one filter (C_in x k x ... x k values) with one input patch:\n"
		  "multiplications = (output elements) x (C_in x k^d), with d = 2 for 2D and\n"
		  "d = 3 for 3D convolution. Padded zeros are multiplied too; bias additions\n"
		  "are not multiplications; batch of 1.\n\n");
	for (r = 0; r < 3; r++) {
		const ec_layer_stats *in = &w[r].stats[0], *s = &w[r].stats[1];
		const ec_layer *conv = &w[r].list.layers[1];
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
		       s->elements, per_output[r], s->macs);
		ec_say(a, "   (as FLOPs, counting the additions too: %" PRIu64 ")\n", s->flops);
		snprintf(id, sizeof(id), "3.2.3.%zu", r + 1);
		if (ec_keyf(a, id, EC_KEY_COUNT, 1, "%" PRIu64, s->macs))
			goto done;
	}
	rc = 0;
done:
	for (r = 0; r < (size_t)walked; r++)
		unwalk(&w[r]);
	return rc;
}
