#include "answers.h"

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

#define DEPTH 20
#define WIDTH 4
#define SEED 110
/* A ratio beyond this (either way) counts as vanishing or exploding. */
#define FACTOR 1e3

static const struct {
	ec_act act;
	double scale;
} cases[] = {
	{EC_ACT_SIGMOID, 1.0},
	{EC_ACT_TANH, 0.5},
	{EC_ACT_LINEAR, 2.0},
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

int ec_ans_1_10(ec_actx *a)
{
	double w[DEPTH * WIDTH * WIDTH], x0[WIDTH], gout[WIDTH], norms[NCASES][DEPTH + 1];
	int vanishing = 0, exploding = 0;
	ec_xorshift g;
	size_t c, k;
	int l;

	for (c = 0; c < NCASES; c++) {
		ec_xorshift_seed(&g, SEED);
		ec_xorshift_fill(&g, w, DEPTH * WIDTH * WIDTH, -cases[c].scale, cases[c].scale);
		ec_xorshift_fill(&g, x0, WIDTH, -1, 1);
		ec_xorshift_fill(&g, gout, WIDTH, -1, 1);
		if (ec_gradflow_chain(cases[c].act, DEPTH, WIDTH, w, x0, gout, norms[c], &a->err) !=
		    EC_OK)
			return -1;
		if (norms[c][0] < norms[c][DEPTH] / FACTOR)
			vanishing = 1;
		if (norms[c][0] > norms[c][DEPTH] * FACTOR)
			exploding = 1;
	}
	ec_answer(a, "%s", vanishing || exploding ? "False" : "True");
	ec_say(a, "The claim: vanishing and exploding gradients are a problem of recurrent\n"
		  "networks only.\n\n");
	ec_say(a, "Why not. Backpropagation through any deep chain multiplies one Jacobian\n"
		  "per layer, W_l^T diag(f'(z_l)). An RNN unrolled in time is such a chain\n"
		  "with the same W at every step, which makes the effect especially plain,\n"
		  "but a deep feed-forward net has the same product: when its factors are\n"
		  "mostly smaller than 1 in size (sigmoid' <= 1/4, small weights) the\n"
		  "gradient shrinks geometrically with depth; when larger, it grows.\n\n");
	ec_say(a, "Demonstration: feed-forward chains h_l = f(W_l h_(l-1)), no recurrence,\n"
		  "%d layers of width %d, every W_l different, entries uniform in\n"
		  "[-s, s] (xorshift, seed %d). The table gives the norm of dL/dh_l for\n"
		  "L = g . h_%d, from the output (l = %d) back to the input (l = 0).\n\n",
	       DEPTH, WIDTH, SEED, DEPTH, DEPTH);
	ec_say(a, "  activation  s   ");
	for (l = DEPTH; l >= 0; l -= 5)
		ec_say(a, "  l = %-6d", l);
	ec_say(a, "  input/output\n");
	for (c = 0; c < NCASES; c++) {
		ec_say(a, "  %-10s %3g  ", ec_act_name(cases[c].act), cases[c].scale);
		for (l = DEPTH; l >= 0; l -= 5)
			ec_say(a, "  %-10.3g", norms[c][l]);
		ec_say(a, "  %.3g\n", norms[c][0] / norms[c][DEPTH]);
	}
	ec_say(a, "\n");
	for (c = 0; c < NCASES; c++) {
		k = norms[c][0] < norms[c][DEPTH] / FACTOR ? 1 : norms[c][0] > norms[c][DEPTH] * FACTOR ? 2 : 0;
		ec_say(a, "  %s, s = %g: %s\n", ec_act_name(cases[c].act), cases[c].scale,
		       k == 1 ? "the gradient vanishes on its way to the input"
		       : k == 2 ? "the gradient explodes on its way to the input"
				: "the gradient keeps its size");
	}
	ec_say(a, "\nGradients vanish and explode in non-recurrent networks too (which is\n"
		  "why initialisation schemes, ReLU, normalisation and residual connections\n"
		  "exist): the claim is false.\n");
	return ec_keyf(a, "1.10", EC_KEY_TF, 2, "%s", vanishing || exploding ? "F" : "T");
}
