/*
 * explain_q2.c: option facts of 2.5, the multiple-choice question of part
 * 2 not yet written as a question module (2.7 and 2.8 are in
 * explain_q2_7_8.c): for each option, whether choosing it is right and a
 * one-line reason whose numbers come from libexamcheck, computed on the
 * data of the worked answer (q2_5.c).
 */
#include "examcheck/ec_optim.h"
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
