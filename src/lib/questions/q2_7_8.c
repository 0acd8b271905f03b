/*
 * q2_7_8.c: Q2.7 (fully-connected layers as convolutions) and Q2.8
 * (receptive fields of a five-layer net). The exam's numbers are data
 * below; every result comes from libexamcheck.
 */
#include <inttypes.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_rf.h"
#include "params.h"

static int fail(ec_actx *a, const ec_error *err)
{
	a->err = *err;
	return -1;
}

/* "AC" -> "A, C" for the Answer line. */
static void spaced_letters(const char *letters, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; letters[i] && n + 3 < size; i++) {
		if (i) {
			buf[n++] = ',';
			buf[n++] = ' ';
		}
		buf[n++] = letters[i];
		buf[n] = '\0';
	}
}

/* Q2.7: a volume H x W x C, then FC-hidden, then FC-classes (params.h). */

/* Why a proposed filter width is not the computed one, from what it equals. */
static const char *q27_why(uint64_t proposed, const ec_fc_conv *c, uint64_t positions)
{
	if (proposed == positions && positions != c->kernel[0])
		return "the number of input positions (H x W), not the filter width";
	if (proposed == c->filters)
		return "the number of filters (neurons), not the filter width";
	if (proposed == c->depth)
		return "the filter depth (input channels), not its width";
	return "not the width of the input";
}

int ec_ans_2_7(ec_actx *a)
{
	const ec_exam_params *p = ec_params(a);
	ec_fc_conv hidden, output;
	ec_window whole[2];
	const uint64_t volume[3] = {p->q27_spatial[0], p->q27_spatial[1], p->q27_channels};
	uint64_t after_hidden[2], positions, fc_inputs, fc_weights;
	char letters[8] = "", shown[24];
	size_t i, n = 0;
	ec_error err;

	ec_error_clear(&err);
	if (ec_fc_as_conv(2, p->q27_spatial, p->q27_channels, p->q27_hidden, &hidden, &err) != EC_OK)
		return fail(a, &err);
	for (i = 0; i < 2; i++) {
		whole[i].kernel = hidden.kernel[i];
		whole[i].stride = 1;
		whole[i].pad = 0;
		whole[i].dilation = 1;
	}
	if (ec_conv_output_shape(2, p->q27_spatial, whole, after_hidden, &err) != EC_OK ||
	    ec_fc_as_conv(2, after_hidden, hidden.filters, p->q27_classes, &output, &err) != EC_OK)
		return fail(a, &err);
	for (i = 0; i < sizeof(p->q27_options) / sizeof(p->q27_options[0]); i++)
		if (p->q27_options[i].f_hidden == hidden.kernel[0] &&
		    p->q27_options[i].f_output == output.kernel[0] && n + 1 < sizeof(letters)) {
			letters[n++] = p->q27_options[i].letter;
			letters[n] = '\0';
		}
	if (!ec_showing(a))
		return ec_keyf(a, "2.7", EC_KEY_MC, 4, "%s", letters);
	/* Shown only: the check against the fully-connected layer's weight count. */
	if (ec_u64_product(2, p->q27_spatial, &positions, &err) != EC_OK ||
	    ec_u64_product(3, volume, &fc_inputs, &err) != EC_OK ||
	    ec_fc_weight_count(fc_inputs, p->q27_hidden, &fc_weights, &err) != EC_OK)
		return fail(a, &err);
	spaced_letters(letters, shown, sizeof(shown));
	ec_answer(a, "%s", shown);
	ec_say(a, "A fully-connected layer becomes a convolution whose filters are as large as\n"
		  "its whole input, applied once (stride 1, no padding): one filter per neuron.\n\n");
	ec_say(a, "Hidden layer: its input is %" PRIu64 "x%" PRIu64 "x%" PRIu64
		  " (H x W x C), so each of its %" PRIu64 " neurons\n"
		  "becomes one %" PRIu64 "x%" PRIu64 "x%" PRIu64 " filter: F = %" PRIu64 ".\n",
	       p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, hidden.filters, hidden.kernel[0],
	       hidden.kernel[1], hidden.depth, hidden.kernel[0]);
	ec_say(a, "  Check: conv weights %" PRIu64 "x%" PRIu64 "x%" PRIu64 "x%" PRIu64 " = %" PRIu64
		  ", FC weights %" PRIu64 "x%" PRIu64 " = %" PRIu64 " (%s).\n",
	       hidden.kernel[0], hidden.kernel[1], hidden.depth, hidden.filters, hidden.weights,
	       fc_inputs, p->q27_hidden, fc_weights,
	       hidden.weights == fc_weights ? "equal" : "DIFFERENT");
	ec_say(a, "  The %" PRIu64 "x%" PRIu64 " filter fits the %" PRIu64 "x%" PRIu64
		  " input once: output %" PRIu64 "x%" PRIu64 "x%" PRIu64 ".\n",
	       hidden.kernel[0], hidden.kernel[1], p->q27_spatial[0], p->q27_spatial[1], after_hidden[0],
	       after_hidden[1], hidden.filters);
	ec_say(a, "Output layer: its input is %" PRIu64 "x%" PRIu64 "x%" PRIu64
		  ", so each of its %" PRIu64 " neurons becomes one\n"
		  "%" PRIu64 "x%" PRIu64 "x%" PRIu64 " filter: F = %" PRIu64 ".\n\n",
	       after_hidden[0], after_hidden[1], output.depth, output.filters, output.kernel[0],
	       output.kernel[1], output.depth, output.kernel[0]);
	ec_say(a, "So F = %" PRIu64 " and %" PRIu64 ".\n", hidden.kernel[0], output.kernel[0]);
	for (i = 0; i < sizeof(p->q27_options) / sizeof(p->q27_options[0]); i++) {
		uint64_t fh = p->q27_options[i].f_hidden, fo = p->q27_options[i].f_output;

		if (fh == hidden.kernel[0] && fo == output.kernel[0]) {
			ec_say(a, "  %c (%" PRIu64 ", %" PRIu64 "): correct.\n", p->q27_options[i].letter,
			       fh, fo);
			continue;
		}
		ec_say(a, "  %c (%" PRIu64 ", %" PRIu64 "): wrong.\n", p->q27_options[i].letter, fh, fo);
		if (fh != hidden.kernel[0])
			ec_say(a, "      hidden: %" PRIu64 " is %s.\n", fh,
			       q27_why(fh, &hidden, positions));
		if (fo != output.kernel[0])
			ec_say(a, "      output: %" PRIu64 " is %s.\n", fo, q27_why(fo, &output, 1));
	}
	return ec_keyf(a, "2.7", EC_KEY_MC, 4, "%s", letters);
}

/* Q2.8: the five layers and the claims of the options are params.h's. */
static const char *const q28_roman[] = {"i", "ii", "iii", "iv", "v"};

int ec_ans_2_8(ec_actx *a)
{
	const ec_exam_params *p = ec_params(a);
	ec_layer_list list;
	ec_layer_rf rf[5];
	uint64_t area[5];
	char letters[8] = "", shown[24];
	size_t i, n = 0, any = 0;
	ec_error err;

	ec_error_clear(&err);
	if (ec_layers_parse(p->q28_net, &list, &err) != EC_OK)
		return fail(a, &err);
	if (list.count != 5 || ec_layers_rf(&list, rf, &err) != EC_OK) {
		ec_layers_free(&list);
		if (err.status == EC_OK)
			ec_error_set(&err, EC_ERR_INVALID, "q2.8: expected 5 layers");
		return fail(a, &err);
	}
	for (i = 0; i < 5; i++) {
		uint64_t side[2] = {rf[i].rf[0].size, rf[i].rf[1].size};

		if (ec_rf_area(2, side, &area[i], &err) != EC_OK) {
			ec_layers_free(&list);
			return fail(a, &err);
		}
	}
	for (i = 0; i < sizeof(p->q28_options) / sizeof(p->q28_options[0]); i++) {
		int holds = 0;
		uint64_t times;

		switch (p->q28_options[i].claim) {
		case EC_Q28_SIDE_IS:
			holds = rf[p->q28_options[i].layer - 1].rf[0].size == p->q28_options[i].value;
			break;
		case EC_Q28_AREA_TIMES:
			holds = ec_u64_mul(area[p->q28_options[i].other - 1], p->q28_options[i].value,
					   &times) &&
				area[p->q28_options[i].layer - 1] == times;
			break;
		case EC_Q28_NONE_ABOVE:
			holds = any == 0;
			break;
		}
		any += (size_t)holds;
		if (holds && n + 1 < sizeof(letters)) {
			letters[n++] = p->q28_options[i].letter;
			letters[n] = '\0';
		}
	}
	spaced_letters(letters, shown, sizeof(shown));
	ec_answer(a, "%s", shown);
	ec_say(a, "Receptive field (in input pixels, per side) after each layer, by the\n"
		  "recurrence rf = rf_prev + (k - 1) x jump_prev, jump = jump_prev x stride,\n"
		  "starting from rf = 1, jump = 1 at the input:\n\n");
	for (i = 0; i < 5; i++) {
		const ec_rf *prev = i ? &rf[i - 1].rf[0] : NULL;
		uint64_t rprev = prev ? prev->size : 1, jprev = prev ? prev->jump : 1;

		ec_say(a, "  (%s) %-8s rf = %" PRIu64 " + (%" PRIu64 " - 1) x %" PRIu64 " = %" PRIu64
			  "  -> %" PRIu64 "x%" PRIu64 ", area %" PRIu64 "; jump %" PRIu64 "\n",
		       q28_roman[i], list.layers[i].name, rprev, rf[i].window[0].kernel, jprev,
		       rf[i].rf[0].size, rf[i].rf[0].size, rf[i].rf[1].size, area[i],
		       rf[i].rf[0].jump);
	}
	ec_say(a, "\n");
	for (i = 0; i < sizeof(p->q28_options) / sizeof(p->q28_options[0]); i++) {
		size_t l = p->q28_options[i].layer, o = p->q28_options[i].other;
		int yes = strchr(letters, p->q28_options[i].letter) != NULL;

		switch (p->q28_options[i].claim) {
		case EC_Q28_SIDE_IS:
			ec_say(a, "  %c: layer (%s) is %" PRIu64 "x%" PRIu64 ", claimed %" PRIu64 "x%" PRIu64
				  ": %s.\n",
			       p->q28_options[i].letter, q28_roman[l - 1], rf[l - 1].rf[0].size,
			       rf[l - 1].rf[1].size, p->q28_options[i].value, p->q28_options[i].value,
			       yes ? "true" : "false");
			break;
		case EC_Q28_AREA_TIMES:
			ec_say(a, "  %c: area (%s) / area (%s) = %" PRIu64 " / %" PRIu64
				  " = %.4g, claimed %" PRIu64 ": %s.\n",
			       p->q28_options[i].letter, q28_roman[l - 1], q28_roman[o - 1], area[l - 1],
			       area[o - 1], (double)area[l - 1] / (double)area[o - 1],
			       p->q28_options[i].value, yes ? "true" : "false");
			break;
		case EC_Q28_NONE_ABOVE:
			ec_say(a, "  %c: %s, since %s.\n", p->q28_options[i].letter,
			       yes ? "true" : "false",
			       yes ? "no other option holds" : "another option holds");
			break;
		}
	}
	ec_say(a, "\nThe side grows by (k - 1) x jump_prev, so the area ratio between layers is\n"
		  "(rf + (k - 1) jump)^2 / rf^2, never a fixed factor of 4 here; a stride-2\n"
		  "layer doubles the jump of the layers after it, not the field itself.\n");
	ec_layers_free(&list);
	return ec_keyf(a, "2.8", EC_KEY_MC, 4, "%s", letters);
}
