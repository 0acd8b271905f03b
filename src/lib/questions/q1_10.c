/*
 * q1_10.c: Q1.10, true or false: vanishing and exploding gradients are
 * problems of recurrent networks only. The demonstration backpropagates
 * through deep feed-forward chains (no recurrence) of three kinds and
 * measures how the gradient's norm changes from the output to the input.
 */
#include "truefalse.h"

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

/* Chains of DEPTH layers of WIDTH units, W_l uniform in [-s, s]; the same draws for each. */
#define DEPTH 20
#define WIDTH 4
#define SEED 110
/* A ratio beyond this (either way) counts as vanishing or exploding. */
#define FACTOR 1e3

static const struct {
	ec_act act;
	double scale; /* s */
} cases[] = {
	{EC_ACT_SIGMOID, 1.0},
	{EC_ACT_TANH, 0.5},
	{EC_ACT_LINEAR, 2.0},
};

#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* What happens to the gradient on its way to the input. */
enum fate { KEEPS, VANISHES, EXPLODES };

struct solution {
	double norms[NCASES][DEPTH + 1]; /* |dL/dh_l| of each case, l = 0 (input) to DEPTH */
	double ratio[NCASES];            /* input's norm / output's */
	enum fate fate[NCASES];
	size_t low, high; /* the cases of the smallest and the largest ratio */
	bool holds;       /* no case vanishes or explodes */
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double w[DEPTH * WIDTH * WIDTH], x0[WIDTH], gout[WIDTH];
	ec_xorshift g;
	size_t c;

	(void)s;
	sol->holds = true;
	for (c = 0; c < NCASES; c++) {
		double *norms = sol->norms[c];

		ec_xorshift_seed(&g, SEED);
		ec_xorshift_fill(&g, w, DEPTH * WIDTH * WIDTH, -cases[c].scale, cases[c].scale);
		ec_xorshift_fill(&g, x0, WIDTH, -1, 1);
		ec_xorshift_fill(&g, gout, WIDTH, -1, 1);
		if (ec_gradflow_chain(cases[c].act, DEPTH, WIDTH, w, x0, gout, norms, err) != EC_OK)
			return -1;
		sol->ratio[c] = norms[0] / norms[DEPTH];
		sol->fate[c] = norms[0] < norms[DEPTH] / FACTOR   ? VANISHES
			       : norms[0] > norms[DEPTH] * FACTOR ? EXPLODES
								  : KEEPS;
		sol->holds = sol->holds && sol->fate[c] == KEEPS;
		if (sol->ratio[c] < sol->ratio[sol->low])
			sol->low = c;
		if (sol->ratio[c] > sol->ratio[sol->high])
			sol->high = c;
	}
	return 0;
}

static void worked(ec_actx *a, const struct solution *sol)
{
	static const char *const said[] = {
		[KEEPS] = "the gradient keeps its size",
		[VANISHES] = "the gradient vanishes on its way to the input",
		[EXPLODES] = "the gradient explodes on its way to the input",
	};
	size_t c;
	int l;

	ec_answer(a, "%s", sol->holds ? "True" : "False");
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
			ec_say(a, "  %-10.3g", sol->norms[c][l]);
		ec_say(a, "  %.3g\n", sol->ratio[c]);
	}
	ec_say(a, "\n");
	for (c = 0; c < NCASES; c++)
		ec_say(a, "  %s, s = %g: %s\n", ec_act_name(cases[c].act), cases[c].scale,
		       said[sol->fate[c]]);
	ec_say(a, "\nGradients vanish and explode in non-recurrent networks too (which is\n"
		  "why initialisation schemes, ReLU, normalisation and residual connections\n"
		  "exist): the claim is false.\n");
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;

	if (ec_showing(a))
		worked(a, sol);
	return ec_tf_key(a, sol->holds);
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f = ec_tf_facts(ex, "1.10", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "backpropagation through any deep chain multiplies a Jacobian per layer: in "
			 "a %d-layer feed-forward chain (no recurrence) the input gradient is %.3g "
			 "times the output's with %s units (s = %g) and %.3g times with %s (s = %g)",
		      DEPTH, sol->ratio[sol->low], ec_act_name(cases[sol->low].act),
		      cases[sol->low].scale, sol->ratio[sol->high], ec_act_name(cases[sol->high].act),
		      cases[sol->high].scale);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "Vanishing and exploding gradients are problems of recurrent networks only.");
	return 0;
}

const ec_module ec_module_1_10 = {
	.id = "1.10",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
