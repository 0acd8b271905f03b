/*
 * explain_q1.c: the deciding fact of each true/false question 1.1-1.10,
 * with the numbers of a demonstration. Each runs the core of its worked
 * answer's demonstration (same data, seeds and settings as q1_N.c, which
 * prints the whole of it) and states the fact in one or two lines.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_dataset.h"
#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_knn.h"
#include "examcheck/ec_linear.h"
#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"
#include "explain.h"

static ec_item_facts *tf_item(ec_explainer *ex, const char *id, bool truth, ec_error *err)
{
	ec_item_facts *f = ec_facts_add(ex, id, EC_KEY_TF, err);

	if (f)
		ec_facts_answer(f, "%s", truth ? "T" : "F");
	return f;
}

/* 1.9: q1_9.c's tanh units before and after batch norm, W left as it is. */
enum { NS9 = 64, IN9 = 4, UNITS9 = 3 };

static void preact(const double *x, const double *w, double s, double *z)
{
	size_t n, u, i;

	for (n = 0; n < NS9; n++)
		for (u = 0; u < UNITS9; u++) {
			double v = 0;

			for (i = 0; i < IN9; i++)
				v += s * w[u * IN9 + i] * x[n * IN9 + i];
			z[n * UNITS9 + u] = v;
		}
}

int ec_facts_1_9(ec_explainer *ex, ec_error *err)
{
	const ec_norm_shape s = {NS9, 1, 1, UNITS9};
	const double big = 20.0, tiny = 0.01, eps = 1e-5, threshold = 0.1;
	double x[NS9 * IN9], w[UNITS9 * IN9], z[NS9 * UNITS9], zn[NS9 * UNITS9];
	ec_act_stats b, bn, t, tn;
	ec_item_facts *f;
	ec_xorshift g;

	ec_xorshift_seed(&g, 19);
	ec_xorshift_fill(&g, x, NS9 * IN9, -1, 1);
	ec_xorshift_fill(&g, w, UNITS9 * IN9, -1, 1);
	preact(x, w, big, z);
	if (ec_gradflow_act_stats(EC_ACT_TANH, z, NS9 * UNITS9, threshold, &b, err) != EC_OK ||
	    ec_norm_forward(EC_NORM_BATCH, s, z, NULL, NULL, eps, zn, err) != EC_OK ||
	    ec_gradflow_act_stats(EC_ACT_TANH, zn, NS9 * UNITS9, threshold, &bn, err) != EC_OK)
		return -1;
	preact(x, w, tiny, z);
	if (ec_gradflow_act_stats(EC_ACT_TANH, z, NS9 * UNITS9, threshold, &t, err) != EC_OK ||
	    ec_norm_forward(EC_NORM_BATCH, s, z, NULL, NULL, eps, zn, err) != EC_OK ||
	    ec_gradflow_act_stats(EC_ACT_TANH, zn, NS9 * UNITS9, threshold, &tn, err) != EC_OK)
		return -1;
	if (!(f = tf_item(ex, "1.9",
			  bn.frac_saturated < b.frac_saturated && bn.mean_deriv > b.mean_deriv &&
				  tn.act_std > t.act_std,
			  err)))
		return -1;
	ec_facts_line(f, "a normalisation rescales z = W x whatever the scale of W, which it leaves "
			 "as it is: with %g W, batch norm cuts the saturated tanh units from %.1f%% to "
			 "%.1f%%; with %g W it spreads the collapsed outputs from std %.6f to %.6f",
		      big, 100 * b.frac_saturated, 100 * bn.frac_saturated, tiny, t.act_std,
		      tn.act_std);
	return 0;
}

/* 1.10: q1_10.c's deep feed-forward chains, no recurrence. */
int ec_facts_1_10(ec_explainer *ex, ec_error *err)
{
	enum { DEPTH = 20, WIDTH = 4 };
	static const struct {
		ec_act act;
		double scale;
	} cases[] = {{EC_ACT_SIGMOID, 1.0}, {EC_ACT_TANH, 0.5}, {EC_ACT_LINEAR, 2.0}};
	double w[DEPTH * WIDTH * WIDTH], x0[WIDTH], gout[WIDTH], norms[DEPTH + 1];
	double ratio[3];
	bool vanishing = false, exploding = false;
	size_t c, low = 0, high = 0;
	ec_item_facts *f;
	ec_xorshift g;

	for (c = 0; c < 3; c++) {
		ec_xorshift_seed(&g, 110);
		ec_xorshift_fill(&g, w, DEPTH * WIDTH * WIDTH, -cases[c].scale, cases[c].scale);
		ec_xorshift_fill(&g, x0, WIDTH, -1, 1);
		ec_xorshift_fill(&g, gout, WIDTH, -1, 1);
		if (ec_gradflow_chain(cases[c].act, DEPTH, WIDTH, w, x0, gout, norms, err) != EC_OK)
			return -1;
		ratio[c] = norms[0] / norms[DEPTH];
		vanishing = vanishing || norms[0] < norms[DEPTH] / 1e3;
		exploding = exploding || norms[0] > norms[DEPTH] * 1e3;
		if (ratio[c] < ratio[low])
			low = c;
		if (ratio[c] > ratio[high])
			high = c;
	}
	if (!(f = tf_item(ex, "1.10", !(vanishing || exploding), err)))
		return -1;
	ec_facts_line(f, "backpropagation through any deep chain multiplies a Jacobian per layer: in "
			 "a %d-layer feed-forward chain (no recurrence) the input gradient is %.3g "
			 "times the output's with %s units (s = %g) and %.3g times with %s (s = %g)",
		      DEPTH, ratio[low], ec_act_name(cases[low].act), cases[low].scale, ratio[high],
		      ec_act_name(cases[high].act), cases[high].scale);
	return 0;
}
