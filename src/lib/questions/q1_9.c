/*
 * q1_9.c: Q1.9, true or false: a learned normalisation eases saturated or
 * collapsed activations without changing the weights. The demonstration
 * feeds tanh units pre-activations from weights far too large and far too
 * small, with and without batch norm in between, W left as it is.
 */
#include "truefalse.h"

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"

/* NS samples of IN inputs and a UNITS x IN matrix W, all uniform in [-SPAN, SPAN]. */
#define NS 64
#define IN 4
#define UNITS 3
#define SEED 19
#define SPAN 1
/* W scaled by BIG and by TINY; batch norm with gamma 1, beta 0 and EPS. */
#define BIG 20.0
#define TINY 0.01
#define EPS 1e-5
/* A unit is saturated when tanh'(z) < THRESHOLD tanh'(0). */
#define THRESHOLD 0.1

struct solution {
	ec_act_stats big, big_n;   /* tanh of BIG W x, and of its batch norm */
	ec_act_stats tiny, tiny_n; /* tanh of TINY W x, and of its batch norm */
	bool helps; /* fewer saturated and a larger mean derivative with BIG, more spread with TINY */
};

/* z = s * W x for every sample: NS x UNITS, row-major. */
static void preact(const double *x, const double *w, double s, double *z)
{
	size_t n, u, i;

	for (n = 0; n < NS; n++)
		for (u = 0; u < UNITS; u++) {
			double v = 0;

			for (i = 0; i < IN; i++)
				v += s * w[u * IN + i] * x[n * IN + i];
			z[n * UNITS + u] = v;
		}
}

/* The tanh statistics of s W x, before (*raw) and after batch norm (*normed). */
static int stats(const double *x, const double *w, double s, ec_act_stats *raw,
		 ec_act_stats *normed, ec_error *e)
{
	const ec_norm_shape shape = {NS, 1, 1, UNITS};
	double z[NS * UNITS], zn[NS * UNITS];

	preact(x, w, s, z);
	if (ec_gradflow_act_stats(EC_ACT_TANH, z, NS * UNITS, THRESHOLD, raw, e) != EC_OK ||
	    ec_norm_forward(EC_NORM_BATCH, shape, z, NULL, NULL, EPS, zn, e) != EC_OK ||
	    ec_gradflow_act_stats(EC_ACT_TANH, zn, NS * UNITS, THRESHOLD, normed, e) != EC_OK)
		return -1;
	return 0;
}

static int solve(const ec_solving *s, void *out, ec_error *e)
{
	struct solution *sol = out;
	double x[NS * IN], w[UNITS * IN];
	ec_xorshift g;

	(void)s;
	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, NS * IN, -SPAN, SPAN);
	ec_xorshift_fill(&g, w, UNITS * IN, -SPAN, SPAN);
	if (stats(x, w, BIG, &sol->big, &sol->big_n, e) != 0 ||
	    stats(x, w, TINY, &sol->tiny, &sol->tiny_n, e) != 0)
		return -1;
	sol->helps = sol->big_n.frac_saturated < sol->big.frac_saturated &&
		     sol->big_n.mean_deriv > sol->big.mean_deriv &&
		     sol->tiny_n.act_std > sol->tiny.act_std;
	return 0;
}

static void say_stats(ec_actx *a, const char *what, double scale, const ec_act_stats *st)
{
	char label[64];

	snprintf(label, sizeof(label), what, scale);
	ec_say(a, "  %-34s %5.1f%%  %9.4f  %9.6f\n", label, 100 * st->frac_saturated,
	       st->mean_deriv, st->act_std);
}

static void worked(ec_actx *a, const struct solution *sol)
{
	ec_answer(a, "%s", sol->helps ? "True" : "False");
	ec_say(a, "The claim: when activations saturate or collapse to zero, a learned\n"
		  "normalisation (batch norm, layer norm, ...) inserted before the\n"
		  "nonlinearity eases training, without touching the weight matrices.\n\n");
	ec_say(a, "Why. Saturation means the pre-activations z = W x sit far out on the flat\n"
		  "parts of tanh or sigmoid, where the derivative (and so every gradient\n"
		  "through the unit) is nearly 0; collapse means z is so small that all units\n"
		  "output nearly the same value. A normalisation rescales z to zero mean and\n"
		  "unit variance whatever the scale of W, and its learned gamma, beta then\n"
		  "choose the working range. W itself is left as it is.\n\n");
	ec_say(a, "Demonstration: %d samples of %d inputs in [%g, %g] and a %d x %d weight\n"
		  "matrix W in [%g, %g] (xorshift, seed %d), tanh units. A unit counts as\n"
		  "saturated when tanh'(z) < %g (tanh'(0) = 1). Batch norm over the %d\n"
		  "samples, gamma 1, beta 0, eps %g. The weights %g W (too large) and\n"
		  "%g W (too small) stay as they are; batch norm is only inserted after them.\n\n",
	       NS, IN, (double)-SPAN, (double)SPAN, UNITS, IN, (double)-SPAN, (double)SPAN, SEED,
	       THRESHOLD, NS, EPS, BIG, TINY);
	ec_say(a, "  pre-activation                    saturated  mean tanh'  std of output\n");
	say_stats(a, "z = %g W x", BIG, &sol->big);
	say_stats(a, "batch norm of z = %g W x", BIG, &sol->big_n);
	say_stats(a, "z = %g W x", TINY, &sol->tiny);
	say_stats(a, "batch norm of z = %g W x", TINY, &sol->tiny_n);
	ec_say(a, "\nWith large weights most units are saturated and gradients through them\n"
		  "nearly vanish; after normalisation few are, and the mean derivative\n"
		  "recovers. With tiny weights the outputs collapse (almost no spread);\n"
		  "normalised, they spread again. The claim holds.\n");
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;

	if (ec_showing(a))
		worked(a, sol);
	return ec_tf_key(a, sol->helps);
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f = ec_tf_facts(ex, "1.9", sol->helps, err);

	if (!f)
		return -1;
	ec_facts_line(f, "a normalisation rescales z = W x whatever the scale of W, which it leaves "
			 "as it is: with %g W, batch norm cuts the saturated tanh units from %.1f%% to "
			 "%.1f%%; with %g W it spreads the collapsed outputs from std %.6f to %.6f",
		      BIG, 100 * sol->big.frac_saturated, 100 * sol->big_n.frac_saturated, TINY,
		      sol->tiny.act_std, sol->tiny_n.act_std);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "Activations that saturate or collapse to zero make learning hard. A learned\n"
			"normalisation (batch norm, layer norm and the like) can relieve this without\n"
			"changing the weights of the convolutional or fully connected layer.");
	return 0;
}

const ec_module ec_module_1_9 = {
	.id = "1.9",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
