#include "answers.h"

#include <string.h>

#include "examcheck/ec_optim.h"
#include "params.h"

#define ITERS 2000
#define RATIO 1e-6

/* The runs (loss, x0, step) are the exam's numbers: params.h. */
#define NRUNS EC_Q25_RUNS

/* Append letter to both the key form ("AB") and the answer form ("A, B"). */
int ec_ans_2_5(ec_actx *a)
{
	static double trace[ITERS + 1], loss[ITERS + 1];
	const ec_q25_run *runs = ec_params(a)->q25_runs;
	ec_gd_behaviour bx[NRUNS], bl[NRUNS];
	char key[11] = "", shown[31] = "", alt_key[11] = "", alt_shown[31] = "";
	size_t r, k;

	for (r = 0; r < NRUNS; r++) {
		if (ec_optim_gd_trace(runs[r].deriv, NULL, runs[r].x0, runs[r].step, ITERS, trace,
				      &a->err) != EC_OK ||
		    ec_optim_classify(trace, ITERS + 1, RATIO, &bx[r], &a->err) != EC_OK)
			return -1;
		if (bx[r] == EC_GD_CONVERGING)
			ec_option_add(key, shown, runs[r].letter);
		if (!ec_showing(a))
			continue;
		/* Shown only: the other reading, judged on the loss values. */
		for (k = 0; k <= ITERS; k++)
			loss[k] = runs[r].value(trace[k], NULL);
		if (ec_optim_classify(loss, ITERS + 1, RATIO, &bl[r], &a->err) != EC_OK)
			return -1;
		if (bl[r] == EC_GD_CONVERGING)
			ec_option_add(alt_key, alt_shown, runs[r].letter);
	}
	if (!ec_showing(a))
		return ec_keyf(a, "2.5", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
	ec_answer(a, "%s", shown[0] ? shown : "none");
	ec_say(a, "The question runs plain gradient descent, x <- x - step * L'(x), on two\n"
		  "convex losses whose minimum is at 0, and asks which of four runs (loss,\n"
		  "start x0, step) converge.\n\n");
	ec_say(a, "Reading taken: a run converges when its iterates x_k settle on a limit.\n"
		  "For |x| the derivative is sign(x), with sign(0) = 0 (a valid subgradient\n"
		  "that makes the minimiser a fixed point). Each run below is %d real\n"
		  "iterations; it is called converging when its last step |x_k+1 - x_k| is\n"
		  "below %g times its first, diverging when above %g times, and\n"
		  "oscillating otherwise.\n\n",
	       ITERS, RATIO, 1 / RATIO);
	ec_say(a, "  option  loss  x0  step  x_1       x_2       x_3       x_4       x_5       behaviour\n");
	for (r = 0; r < NRUNS; r++) {
		if (ec_optim_gd_trace(runs[r].deriv, NULL, runs[r].x0, runs[r].step, 5, trace,
				      &a->err) != EC_OK)
			return -1;
		ec_say(a, "  %c       %-4s  %-2g  %-4g ", runs[r].letter, runs[r].loss, runs[r].x0,
		       runs[r].step);
		for (k = 1; k <= 5; k++)
			ec_say(a, " %-9.6g", trace[k]);
		ec_say(a, " %s\n", ec_gd_behaviour_name(bx[r]));
	}
	ec_say(a, "\nWhy, option by option:\n");
	for (r = 0; r < NRUNS; r++) {
		if (ec_optim_gd_trace(runs[r].deriv, NULL, runs[r].x0, runs[r].step, 2, trace,
				      &a->err) != EC_OK)
			return -1;
		if (runs[r].deriv == ec_optim_abs_deriv)
			ec_say(a, "  %c: the subgradient of |x| is +-1 away from 0, so every move has length\n"
				  "     exactly %g; the run stops only if it lands on 0 exactly. From %g it\n"
				  "     goes to %g and back to %g: %s, %s.\n",
			       runs[r].letter, runs[r].step, runs[r].x0, trace[1], trace[2],
			       ec_gd_behaviour_name(bx[r]),
			       bx[r] == EC_GD_CONVERGING ? "correct" : "not converging");
		else
			ec_say(a, "  %c: on x^2 each step multiplies x by 1 - 2*step = %g; it converges\n"
				  "     exactly when that factor is below 1 in size. Here: %s, %s.\n",
			       runs[r].letter, trace[1] / trace[0], ec_gd_behaviour_name(bx[r]),
			       bx[r] == EC_GD_CONVERGING ? "correct" : "not converging");
	}
	ec_say(a, "\nOther reading: if \"the loss converges\" meant the sequence of loss values\n"
		  "L(x_k) has a limit (not necessarily the minimum), runs whose x bounces\n"
		  "between two points of equal loss would count. Classifying L(x_k) with the\n"
		  "same rule gives:");
	for (r = 0; r < NRUNS; r++)
		ec_say(a, " %c %s%s", runs[r].letter, ec_gd_behaviour_name(bl[r]),
		       r + 1 < NRUNS ? "," : ".\n");
	/* The loss of the first run whose loss settles while x does not. */
	for (r = 0; r + 1 < NRUNS && !(bl[r] == EC_GD_CONVERGING && bx[r] != EC_GD_CONVERGING); r++)
		;
	ec_say(a, "That reading would answer %s; the main answer keeps %s because a loss\n"
		  "stuck at %g while x jumps back and forth is not what optimisation calls\n"
		  "convergence.\n",
	       alt_shown[0] ? alt_shown : "none", shown[0] ? shown : "none",
	       runs[r].value(runs[r].x0, NULL));
	return ec_keyf(a, "2.5", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
}
