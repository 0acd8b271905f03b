#include "answers.h"

#include <string.h>

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

#define T 20
#define SEED 210
#define U 1.0
#define H0 0.5
#define CLIP 1.0
#define FACTOR 1e3

static const double ws[2] = {0.5, 1.5};
static const size_t lengths[3] = {3, 5, 8};

int ec_ans_2_10(ec_actx *a)
{
	double x[T], h[T + 1], dh[2][T + 1], dv[T + 1], clipped[2], before[2], last[3];
	int explodes = 0, vanishes = 0, clip_grows_small = 0;
	char key[11] = "", shown[31] = "";
	ec_xorshift g;
	size_t k, t;

	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, T, -1, 1);
	for (k = 0; k < 2; k++) {
		if (ec_gradflow_rnn_scalar(EC_ACT_LINEAR, ws[k], U, H0, x, T, h, dh[k], &a->err) != EC_OK)
			return -1;
		clipped[k] = dh[k][0];
		if (ec_gradflow_clip_by_norm(&clipped[k], 1, CLIP, &before[k], &a->err) != EC_OK)
			return -1;
		if (before[k] > FACTOR)
			explodes = 1;
		if (before[k] < 1 / FACTOR) {
			vanishes = 1;
			if (clipped[k] > before[k])
				clip_grows_small = 1;
		}
	}
	if (explodes)
		ec_option_add(key, shown, 'A');
	ec_option_add(key, shown, 'B'); /* every length below is processed by the same weights */
	if (vanishes && clip_grows_small)
		ec_option_add(key, shown, 'C');
	if (!key[0])
		ec_option_add(key, shown, 'D');
	if (!ec_showing(a))
		return ec_keyf(a, "2.10", EC_KEY_MC, 4, "%s", key);
	for (k = 0; k < 3; k++) {
		if (ec_gradflow_rnn_scalar(EC_ACT_TANH, ws[0], U, 0, x, lengths[k], h, dv, &a->err) !=
		    EC_OK)
			return -1;
		last[k] = h[lengths[k]];
	}

	ec_answer(a, "%s", shown);
	ec_say(a, "The question asks which statements about recurrent networks hold:\n"
		  "exploding gradients can hamper training (A), RNNs handle inputs of\n"
		  "varying length (B), clipping helps against vanishing gradients (C),\n"
		  "or none (D).\n\n");
	ec_say(a, "Demonstration: the scalar RNN h_t = w h_(t-1) + u x_t (linear, u = %g,\n"
		  "h_0 = %g, %d inputs in [-1, 1] from xorshift seed %d). Backpropagation\n"
		  "through time gives dh_%d/dh_t = w^(%d - t):\n\n",
	       U, H0, T, SEED, T, T);
	ec_say(a, "  w     ");
	for (t = T + 1; t-- > 0;)
		if (t % 5 == 0) {
			char label[32];

			snprintf(label, sizeof(label), "t = %zu", t);
			ec_say(a, "  %14s", label);
		}
	ec_say(a, "\n");
	for (k = 0; k < 2; k++) {
		ec_say(a, "  %-4g  ", ws[k]);
		for (t = T + 1; t-- > 0;)
			if (t % 5 == 0)
				ec_say(a, "  %14.4g", dh[k][t]);
		ec_say(a, "\n");
	}
	ec_say(a, "\nGradient clipping to norm %g of dh_%d/dh_0:\n", CLIP, T);
	for (k = 0; k < 2; k++)
		ec_say(a, "  w = %-4g  %-12.4g -> %-12.4g %s\n", ws[k], before[k], clipped[k],
		       clipped[k] < before[k] ? "(scaled down)" : "(unchanged)");
	ec_say(a, "\nThe same two weights (w = %g, u = %g, tanh units) read sequences of\n"
		  "different lengths, one step per element:\n",
	       ws[0], U);
	for (k = 0; k < 3; k++)
		ec_say(a, "  length %zu: final state %.6f\n", lengths[k], last[k]);
	ec_say(a, "\nOptions:\n");
	ec_say(a, "  A: %s: with |w| > 1 the gradient grows as w^T (%.4g after %d steps);\n"
		  "     such gradients make updates blow up.\n",
	       explodes ? "true" : "false", before[1], T);
	ec_say(a, "  B: %s: the recurrence applies the same weights at every step, so\n"
		  "     a sequence of any length is processed; a feed-forward net has a\n"
		  "     fixed input size.\n",
	       "true");
	ec_say(a, "  C: %s: clipping only scales a gradient down when it is too large;\n"
		  "     the vanishing %.4g stays %.4g. Vanishing gradients need other\n"
		  "     remedies (gated cells such as LSTM/GRU, careful initialisation).\n",
	       vanishes && clip_grows_small ? "true" : "false", before[0], clipped[0]);
	if (key[0] == 'D')
		ec_say(a, "  D: true: none of A, B, C holds.\n");
	else
		ec_say(a, "  D: false: %s hold%s.\n", shown, strlen(key) == 1 ? "s" : "");
	return ec_keyf(a, "2.10", EC_KEY_MC, 4, "%s", key);
}
