/*
 * explain_q2.c: option facts of the multiple-choice questions 2.1-2.6,
 * 2.9 and 2.10 (2.7 and 2.8 are in explain_q2_7_8.c): for each option,
 * whether choosing it is right and a one-line reason whose numbers come
 * from libexamcheck, computed on the data of the worked answer (q2_N.c:
 * same seeds and settings; where the key takes a cheaper route to the same
 * fact, so do these).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_knn.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_linear.h"
#include "examcheck/ec_norm.h"
#include "examcheck/ec_optim.h"
#include "examcheck/ec_regularize.h"
#include "examcheck/ec_tensor.h"
#include "examcheck/ec_xorshift.h"
#include "explain.h"

/* The key form of the options that hold, in order. */
static void set_answer(ec_item_facts *f)
{
	char letters[EC_EXPLAIN_OPTIONS + 1];
	size_t i, n = 0;

	for (i = 0; i < f->noptions; i++)
		if (f->options[i].holds)
			letters[n++] = f->options[i].letter;
	letters[n] = '\0';
	ec_facts_answer(f, "%s", letters);
}

/* ---- 2.5: which gradient-descent runs converge; q2_5.c's runs ---- */

int ec_facts_2_5(ec_explainer *ex, ec_error *err)
{
	enum { ITERS = 2000 };
	static const struct {
		char letter;
		const char *loss;
		ec_deriv_fn deriv;
		double x0, step;
	} runs[] = {
		{'A', "|x|", ec_optim_abs_deriv, 1, 2},
		{'B', "x^2", ec_optim_square_deriv, 1, 1},
		{'C', "|x|", ec_optim_abs_deriv, 1, 2.01},
		{'D', "x^2", ec_optim_square_deriv, 1, 0.99},
	};
	static double trace[ITERS + 1];
	ec_gd_behaviour b;
	ec_item_facts *f;
	size_t r;

	if (!(f = ec_facts_add(ex, "2.5", EC_KEY_MC, err)))
		return -1;
	for (r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
		if (ec_optim_gd_trace(runs[r].deriv, NULL, runs[r].x0, runs[r].step, ITERS, trace,
				      err) != EC_OK ||
		    ec_optim_classify(trace, ITERS + 1, 1e-6, &b, err) != EC_OK)
			return -1;
		if (runs[r].deriv == ec_optim_abs_deriv)
			ec_facts_option(f, runs[r].letter, b == EC_GD_CONVERGING,
					"on |x| every step moves by the step, %g, so x goes %g, %g, %g, "
					"...: %s",
					runs[r].step, trace[0], trace[1], trace[2],
					ec_gd_behaviour_name(b));
		else
			ec_facts_option(f, runs[r].letter, b == EC_GD_CONVERGING,
					"on x^2 each step multiplies x by 1 - 2 x %g = %g, so x goes "
					"%g, %g, %g, ...: %s",
					runs[r].step, trace[1] / trace[0], trace[0], trace[1], trace[2],
					ec_gd_behaviour_name(b));
	}
	set_answer(f);
	return 0;
}

/* ---- 2.10: recurrent networks; q2_10.c's scalar RNN ---- */

int ec_facts_2_10(ec_explainer *ex, ec_error *err)
{
	enum { T = 20 };
	static const double ws[2] = {0.5, 1.5};
	static const size_t lengths[3] = {3, 5, 8};
	double x[T], h[T + 1], dh[T + 1], clipped[2], before[2];
	bool explodes = false, vanishes = false, clip_grows = false, a, c;
	ec_item_facts *f;
	ec_xorshift g;
	size_t k;

	ec_xorshift_seed(&g, 210);
	ec_xorshift_fill(&g, x, T, -1, 1);
	for (k = 0; k < 2; k++) {
		if (ec_gradflow_rnn_scalar(EC_ACT_LINEAR, ws[k], 1.0, 0.5, x, T, h, dh, err) != EC_OK)
			return -1;
		clipped[k] = dh[0];
		if (ec_gradflow_clip_by_norm(&clipped[k], 1, 1.0, &before[k], err) != EC_OK)
			return -1;
		explodes = explodes || before[k] > 1e3;
		if (before[k] < 1e-3) {
			vanishes = true;
			clip_grows = clip_grows || clipped[k] > before[k];
		}
	}
	for (k = 0; k < 3; k++)
		if (ec_gradflow_rnn_scalar(EC_ACT_TANH, ws[0], 1.0, 0, x, lengths[k], h, dh, err) !=
		    EC_OK)
			return -1;
	a = explodes;
	c = vanishes && clip_grows;
	if (!(f = ec_facts_add(ex, "2.10", EC_KEY_MC, err)))
		return -1;
	ec_facts_option(f, 'A', a,
			"backpropagation through time multiplies by w at each step: with w = %g, "
			"dh_%d/dh_0 = %.4g, and such gradients make updates blow up",
			ws[1], T, before[1]);
	ec_facts_option(f, 'B', true,
			"the same weights apply at every step, so sequences of any length are read "
			"(lengths %zu, %zu and %zu run through one network)",
			lengths[0], lengths[1], lengths[2]);
	ec_facts_option(f, 'C', c,
			"clipping only scales a gradient down when it is too large: the vanishing "
			"%.4g (w = %g) stays %.4g",
			before[0], ws[0], clipped[0]);
	ec_facts_option(f, 'D', !a && !c, "%s",
			a ? "A and B hold" : "B holds");
	set_answer(f);
	return 0;
}
