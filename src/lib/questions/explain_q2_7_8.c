/*
 * explain_q2_7_8.c: option facts of Q2.7 (fully-connected layers as
 * convolutions) and Q2.8 (receptive fields). The exam's numbers are data
 * below, as in q2_7_8.c; every fact comes from libexamcheck.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_rf.h"
#include "explain.h"

/* Q2.7: an 8x8x1024 volume, then FC-4096, then FC-200; the options' (F hidden, F output). */
static const uint64_t q27_spatial[2] = {8, 8};
static const uint64_t q27_channels = 1024;
static const uint64_t q27_hidden = 4096;
static const uint64_t q27_classes = 200;

static const struct {
	char letter;
	uint64_t f_hidden, f_output;
} q27_options[] = {
	{'A', 64, 200}, {'B', 64, 1}, {'C', 4096, 200}, {'D', 8, 1}, {'E', 8, 200},
};

/* What a proposed width is instead of the filter width, or NULL. */
static const char *q27_what(uint64_t proposed, const ec_fc_conv *c, uint64_t positions)
{
	if (proposed == positions && positions != c->kernel[0])
		return "the number of input positions (H x W)";
	if (proposed == c->filters)
		return "the number of filters (neurons)";
	if (proposed == c->depth)
		return "the filter depth (input channels)";
	return NULL;
}

/* "hidden layer: F = 8 (its input is 8x8), not 64, the number of ..." appended at *n. */
static void q27_part(char *buf, size_t size, size_t *n, const char *layer, uint64_t proposed,
		     const ec_fc_conv *c, uint64_t positions)
{
	const char *what = q27_what(proposed, c, positions);
	int w;

	w = snprintf(buf + *n, size - *n,
		     "%s%s layer: F = %" PRIu64 " (its input is %" PRIu64 "x%" PRIu64 "), not %" PRIu64
		     "%s%s",
		     *n ? "; " : "", layer, c->kernel[0], c->kernel[0], c->kernel[1], proposed,
		     what ? ", " : "", what ? what : "");
	if (w > 0 && (size_t)w < size - *n)
		*n += (size_t)w;
}

int ec_facts_2_7(ec_explainer *ex, ec_error *err)
{
	ec_fc_conv hidden, output;
	ec_window whole[2];
	uint64_t after[2], positions;
	ec_item_facts *f;
	char letters[8] = "";
	size_t i, k = 0;

	if (ec_fc_as_conv(2, q27_spatial, q27_channels, q27_hidden, &hidden, err) != EC_OK)
		return -1;
	for (i = 0; i < 2; i++) {
		whole[i].kernel = hidden.kernel[i];
		whole[i].stride = 1;
		whole[i].pad = 0;
		whole[i].dilation = 1;
	}
	if (ec_conv_output_shape(2, q27_spatial, whole, after, err) != EC_OK ||
	    ec_fc_as_conv(2, after, hidden.filters, q27_classes, &output, err) != EC_OK ||
	    ec_u64_product(2, q27_spatial, &positions, err) != EC_OK)
		return -1;
	if (!(f = ec_facts_add(ex, "2.7", EC_KEY_MC, err)))
		return -1;
	for (i = 0; i < sizeof(q27_options) / sizeof(q27_options[0]); i++) {
		uint64_t fh = q27_options[i].f_hidden, fo = q27_options[i].f_output;
		bool holds = fh == hidden.kernel[0] && fo == output.kernel[0];
		char why[EC_EXPLAIN_LINE] = "";
		size_t n = 0;
		ec_option_fact *o;

		if (holds) {
			snprintf(why, sizeof(why),
				 "each neuron becomes one filter as large as its layer's whole input: "
				 "F = %" PRIu64 " on the %" PRIu64 "x%" PRIu64 "x%" PRIu64
				 " volume, then F = %" PRIu64 " on the %" PRIu64 "x%" PRIu64
				 "x%" PRIu64 " output",
				 hidden.kernel[0], q27_spatial[0], q27_spatial[1], q27_channels,
				 output.kernel[0], after[0], after[1], hidden.filters);
			letters[k++] = q27_options[i].letter;
		} else {
			if (fh != hidden.kernel[0])
				q27_part(why, sizeof(why), &n, "hidden", fh, &hidden, positions);
			if (fo != output.kernel[0])
				q27_part(why, sizeof(why), &n, "output", fo, &output, 1);
		}
		o = ec_facts_option(f, q27_options[i].letter, holds, "%s", why);
		if (o && !holds) {
			bool in_hidden = fh != hidden.kernel[0];
			const ec_fc_conv *c = in_hidden ? &hidden : &output;
			uint64_t proposed = in_hidden ? fh : fo;
			const char *what = q27_what(proposed, c, in_hidden ? positions : 1);

			if (what) {
				snprintf(o->mistake, sizeof(o->mistake), "%s taken as the filter width",
					 what);
				snprintf(o->mistake_detail, sizeof(o->mistake_detail),
					 "%" PRIu64 " is %s of the %s layer; its filters are as wide as "
					 "its input, F = %" PRIu64,
					 proposed, what, in_hidden ? "hidden" : "output", c->kernel[0]);
			}
		}
	}
	ec_facts_answer(f, "%s", letters);
	return 0;
}

/* Q2.8: the five layers, and the claims of the options, as in q2_7_8.c. */
static const char q28_net[] = "conv3s1 conv3s2 conv3s2 conv3s1 pool2s2";
static const char *const q28_roman[] = {"i", "ii", "iii", "iv", "v"};

enum q28_claim { SIDE_IS, AREA_TIMES, NONE_ABOVE };

static const struct {
	char letter;
	enum q28_claim claim;
	size_t layer, other; /* 1-based layers of the net (i = 1) */
	uint64_t value;      /* side length, or area ratio */
} q28_options[] = {
	{'A', SIDE_IS, 2, 0, 6},    {'B', AREA_TIMES, 3, 2, 4}, {'C', SIDE_IS, 4, 0, 17},
	{'D', AREA_TIMES, 5, 4, 4}, {'E', SIDE_IS, 5, 0, 33},   {'F', NONE_ABOVE, 0, 0, 0},
};

#define Q28_OPTIONS (sizeof(q28_options) / sizeof(q28_options[0]))

/* Whether option i's claim holds for the sides side[0..4]; NONE_ABOVE needs `others`. */
static bool q28_holds(size_t i, const uint64_t *side, bool others)
{
	size_t l = q28_options[i].layer, o = q28_options[i].other;
	uint64_t a, b, times;

	switch (q28_options[i].claim) {
	case SIDE_IS:
		return side[l - 1] == q28_options[i].value;
	case AREA_TIMES:
		return ec_u64_mul(side[l - 1], side[l - 1], &a) &&
		       ec_u64_mul(side[o - 1], side[o - 1], &b) &&
		       ec_u64_mul(b, q28_options[i].value, &times) && a == times;
	case NONE_ABOVE:
		return !others;
	}
	return false;
}

/* The claim of option i tested on the sides side[], in words. */
static void q28_say(char *buf, size_t size, size_t i, const uint64_t *side, bool holds,
		    const char *field)
{
	size_t l = q28_options[i].layer, o = q28_options[i].other;
	uint64_t v = q28_options[i].value;
	double ratio;

	switch (q28_options[i].claim) {
	case SIDE_IS:
		if (holds)
			snprintf(buf, size, "the %s at layer (%s) is %" PRIu64 "x%" PRIu64, field,
				 q28_roman[l - 1], side[l - 1], side[l - 1]);
		else
			snprintf(buf, size,
				 "the %s at layer (%s) is %" PRIu64 "x%" PRIu64 ", not %" PRIu64
				 "x%" PRIu64,
				 field, q28_roman[l - 1], side[l - 1], side[l - 1], v, v);
		break;
	case AREA_TIMES:
		ratio = (double)(side[l - 1] * side[l - 1]) / (double)(side[o - 1] * side[o - 1]);
		snprintf(buf, size,
			 "%s area (%s) / area (%s) = %" PRIu64 "^2 / %" PRIu64 "^2 = %.4g, %s %" PRIu64,
			 field, q28_roman[l - 1], q28_roman[o - 1], side[l - 1], side[o - 1], ratio,
			 holds ? "as claimed," : "not", v);
		break;
	case NONE_ABOVE:
		snprintf(buf, size, "%s", holds ? "no other option holds" : "another option holds");
		break;
	}
}

int ec_facts_2_8(ec_explainer *ex, ec_error *err)
{
	ec_layer_list list;
	ec_layer_rf rf[5];
	uint64_t side[5], naive[5];
	bool holds[Q28_OPTIONS], naive_holds[Q28_OPTIONS], any = false, naive_any = false;
	char letters[8] = "";
	ec_item_facts *f;
	size_t i, k = 0;

	if (ec_layers_parse(q28_net, &list, err) != EC_OK)
		return -1;
	if (list.count != 5 || ec_layers_rf(&list, rf, err) != EC_OK) {
		ec_layers_free(&list);
		if (err->status == EC_OK)
			ec_error_set(err, EC_ERR_INVALID, "q2.8: expected 5 layers");
		return -1;
	}
	ec_layers_free(&list);
	/*
	 * The mistake: the field scaled by the strides alone, the first kernel
	 * times the jump (the product of the strides so far), instead of growing
	 * by (k - 1) x jump at each layer.
	 */
	for (i = 0; i < 5; i++) {
		side[i] = rf[i].rf[0].size;
		if (!ec_u64_mul(rf[0].rf[0].size, rf[i].rf[0].jump, &naive[i])) {
			ec_error_set(err, EC_ERR_OVERFLOW, "q2.8: a receptive field does not fit");
			return -1;
		}
	}
	for (i = 0; i < Q28_OPTIONS; i++) {
		holds[i] = q28_holds(i, side, any);
		naive_holds[i] = q28_holds(i, naive, naive_any);
		any = any || holds[i];
		naive_any = naive_any || naive_holds[i];
	}
	if (!(f = ec_facts_add(ex, "2.8", EC_KEY_MC, err)))
		return -1;
	for (i = 0; i < Q28_OPTIONS; i++) {
		char why[EC_EXPLAIN_LINE];
		ec_option_fact *o;

		q28_say(why, sizeof(why), i, side, holds[i], "receptive field");
		if (q28_options[i].claim == SIDE_IS) {
			size_t l = q28_options[i].layer;
			size_t len = strlen(why);

			snprintf(why + len, sizeof(why) - len,
				 " (rf = %" PRIu64 " + (%" PRIu64 " - 1) x %" PRIu64 ")",
				 l > 1 ? side[l - 2] : 1, rf[l - 1].window[0].kernel,
				 l > 1 ? rf[l - 2].rf[0].jump : 1);
		}
		o = ec_facts_option(f, q28_options[i].letter, holds[i], "%s", why);
		if (holds[i])
			letters[k++] = q28_options[i].letter;
		else if (o && naive_holds[i] && q28_options[i].claim != NONE_ABOVE) {
			size_t l = q28_options[i].layer;

			snprintf(o->mistake, sizeof(o->mistake),
				 "a receptive field from the stride product alone");
			snprintf(o->mistake_detail, sizeof(o->mistake_detail),
				 "first kernel x strides so far gives %" PRIu64 " at layer (%s) "
				 "(%" PRIu64 " x %" PRIu64 "), but each layer adds (k - 1) x jump",
				 naive[l - 1], q28_roman[l - 1], rf[0].rf[0].size, rf[l - 1].rf[0].jump);
		}
	}
	ec_facts_answer(f, "%s", letters);
	return 0;
}
