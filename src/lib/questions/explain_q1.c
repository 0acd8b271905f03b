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
