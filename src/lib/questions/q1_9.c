#include "answers.h"

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"

#define NS 64
#define IN 4
#define UNITS 3
#define SEED 19
#define EPS 1e-5
#define THRESHOLD 0.1
#define BIG 20.0
#define TINY 0.01

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

static void say_stats(ec_actx *a, const char *what, double scale, const ec_act_stats *st)
{
	char label[64];

	snprintf(label, sizeof(label), what, scale);
	ec_say(a, "  %-34s %5.1f%%  %9.4f  %9.6f\n", label, 100 * st->frac_saturated,
	       st->mean_deriv, st->act_std);
}

int ec_ans_1_9(ec_actx *a)
{
	const ec_norm_shape s = {NS, 1, 1, UNITS};
	double x[NS * IN], w[UNITS * IN], z[NS * UNITS], zn[NS * UNITS];
	ec_act_stats big, big_n, tiny, tiny_n;
	ec_error *e = &a->err;
	ec_xorshift g;
	int helps;

	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, NS * IN, -1, 1);
	ec_xorshift_fill(&g, w, UNITS * IN, -1, 1);
	preact(x, w, BIG, z);
	if (ec_gradflow_act_stats(EC_ACT_TANH, z, NS * UNITS, THRESHOLD, &big, e) != EC_OK ||
	    ec_norm_forward(EC_NORM_BATCH, s, z, NULL, NULL, EPS, zn, e) != EC_OK ||
	    ec_gradflow_act_stats(EC_ACT_TANH, zn, NS * UNITS, THRESHOLD, &big_n, e) != EC_OK)
		return -1;
	preact(x, w, TINY, z);
	if (ec_gradflow_act_stats(EC_ACT_TANH, z, NS * UNITS, THRESHOLD, &tiny, e) != EC_OK ||
	    ec_norm_forward(EC_NORM_BATCH, s, z, NULL, NULL, EPS, zn, e) != EC_OK ||
	    ec_gradflow_act_stats(EC_ACT_TANH, zn, NS * UNITS, THRESHOLD, &tiny_n, e) != EC_OK)
		return -1;
	helps = big_n.frac_saturated < big.frac_saturated && big_n.mean_deriv > big.mean_deriv &&
		tiny_n.act_std > tiny.act_std;

	ec_answer(a, "%s", helps ? "True" : "False");
	ec_say(a, "The claim: when activations saturate or collapse to zero, a learned\n"
		  "normalisation (batch norm, layer norm, ...) inserted before the\n"
		  "nonlinearity eases training, without touching the weight matrices.\n\n");
	ec_say(a, "Why. Saturation means the pre-activations z = W x sit far out on the flat\n"
		  "parts of tanh or sigmoid, where the derivative (and so every gradient\n"
		  "through the unit) is nearly 0; collapse means z is so small that all units\n"
		  "output nearly the same value. A normalisation rescales z to zero mean and\n"
		  "unit variance whatever the scale of W, and its learned gamma, beta then\n"
		  "choose the working range. W itself is left as it is.\n\n");
	ec_say(a, "Demonstration: %d samples of %d inputs in [-1, 1] and a %d x %d weight\n"
		  "matrix W in [-1, 1] (xorshift, seed %d), tanh units. A unit counts as\n"
		  "saturated when tanh'(z) < %g (tanh'(0) = 1). Batch norm over the %d\n"
		  "samples, gamma 1, beta 0, eps %g. The weights %g W (too large) and\n"
		  "%g W (too small) stay as they are; batch norm is only inserted after them.\n\n",
	       NS, IN, UNITS, IN, SEED, THRESHOLD, NS, EPS, BIG, TINY);
	ec_say(a, "  pre-activation                    saturated  mean tanh'  std of output\n");
	say_stats(a, "z = %g W x", BIG, &big);
	say_stats(a, "batch norm of z = %g W x", BIG, &big_n);
	say_stats(a, "z = %g W x", TINY, &tiny);
	say_stats(a, "batch norm of z = %g W x", TINY, &tiny_n);
	ec_say(a, "\nWith large weights most units are saturated and gradients through them\n"
		  "nearly vanish; after normalisation few are, and the mean derivative\n"
		  "recovers. With tiny weights the outputs collapse (almost no spread);\n"
		  "normalised, they spread again. The claim holds.\n");
	return ec_keyf(a, "1.9", EC_KEY_TF, 2, "%s", helps ? "T" : "F");
}
