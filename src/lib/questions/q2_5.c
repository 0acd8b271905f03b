/*
 * q2_5.c: Q2.5, gradient descent on |x| and x^2: which of four runs (a
 * loss, a start x0, a step) converge. Each run is 2000 real iterations of
 * ec_optim_gd_trace(), classified by ec_optim_classify().
 */
#include <math.h>
#include <string.h>

#include "examcheck/ec_optim.h"
#include "question.h"

#define ID "2.5"
#define ITERS 2000
#define RATIO 1e-6

/* ---- the numbers ---- */

static void set_run(ec_q25_run *run, bool square, double x0, double step)
{
	run->loss = square ? "x^2" : "|x|";
	run->value = square ? ec_optim_square_value : ec_optim_abs_value;
	run->deriv = square ? ec_optim_square_deriv : ec_optim_abs_deriv;
	run->x0 = x0;
	run->step = step;
}

/*
 * How run `run` behaves over ITERS steps: its iterates x_k (*bx) and, the
 * other reading, its losses L(x_k) (*bl, when not NULL); x[0..6) its
 * first iterates, x0 first.
 */
static int behaviour(const ec_q25_run *run, ec_gd_behaviour *bx, ec_gd_behaviour *bl,
		     double x[6], ec_error *err)
{
	static double trace[ITERS + 1], loss[ITERS + 1];
	size_t k;

	if (ec_optim_gd_trace(run->deriv, NULL, run->x0, run->step, ITERS, trace, err) != EC_OK ||
	    ec_optim_classify(trace, ITERS + 1, RATIO, bx, err) != EC_OK)
		return -1;
	if (x)
		memcpy(x, trace, 6 * sizeof(*x));
	if (!bl)
		return 0;
	for (k = 0; k <= ITERS; k++)
		loss[k] = run->value(trace[k], NULL);
	return ec_optim_classify(loss, ITERS + 1, RATIO, bl, err) == EC_OK ? 0 : -1;
}

/*
 * The original: |x| from 1 with steps 2 and 2.01, x^2 from 1 with steps 1
 * and 0.99. A variant: each run |x| or x^2 from a start of 1 to 3 (either
 * sign). |x| moves by exactly `step` each time: with step = |x0| / m (m = 1,
 * 2 or 4) it lands on 0 and stays (converging); with step > |x0| it jumps
 * over 0 and back to x0 (the worked answer's words), so it never
 * converges, and with step = 2|x0| its loss stays put. Either kind is as
 * likely, so that a |x| run's answer cannot be told from its loss. x^2
 * multiplies x by 1 - 2 step: steps of 1/4 to 5/4 give factors 1/2, 0,
 * -1/2 (converging), -1 (bouncing, the loss stays put) and -3/2
 * (diverging). Drawn again until some runs converge and some do not, one's
 * loss stays put while x does not, and no two runs are the same.
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	static const double abs_extra[] = {0.5, 1, 1.5, 2, 2.5};
	static const double abs_parts[] = {1, 2, 4};
	static const double square_steps[] = {0.25, 0.5, 0.75, 1, 1.25};
	int t;

	if (!g) {
		set_run(&p->q25_runs[0], false, 1, 2);
		set_run(&p->q25_runs[1], true, 1, 1);
		set_run(&p->q25_runs[2], false, 1, 2.01);
		set_run(&p->q25_runs[3], true, 1, 0.99);
		return 0;
	}
	for (t = 0; t < EC_DRAW_TRIES; t++) {
		size_t r, k, converging = 0, bouncing = 0, same = 0;

		for (r = 0; r < EC_Q25_RUNS; r++) {
			ec_q25_run *run = &p->q25_runs[r];
			double x0 = ec_draw_int(g, 1, 3) * (ec_draw_chance(g, 1, 3) ? -1 : 1);
			double ax = x0 < 0 ? -x0 : x0;
			ec_gd_behaviour bx, bl;

			if (ec_draw_chance(g, 1, 2) && ec_draw_chance(g, 1, 2))
				set_run(run, false, x0, ax / EC_DRAW_PICK(g, abs_parts));
			else if (ec_draw_chance(g, 1, 2))
				set_run(run, false, x0,
					ax + (ec_draw_chance(g, 1, 3) ? ax : EC_DRAW_PICK(g, abs_extra)));
			else
				set_run(run, true, x0, EC_DRAW_PICK(g, square_steps));
			if (behaviour(run, &bx, &bl, NULL, err) != 0)
				return -1;
			converging += bx == EC_GD_CONVERGING;
			bouncing += bx != EC_GD_CONVERGING && bl == EC_GD_CONVERGING;
			for (k = 0; k < r; k++)
				same += p->q25_runs[k].deriv == run->deriv &&
					p->q25_runs[k].x0 == run->x0 && p->q25_runs[k].step == run->step;
		}
		if (converging >= 1 && converging < EC_Q25_RUNS && bouncing >= 1 && !same)
			return 0;
	}
	return ec_draw_gave_up(err, ID, p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	ec_gd_behaviour bx[EC_Q25_RUNS]; /* by run, as the module writes them: its iterates */
	ec_gd_behaviour bl[EC_Q25_RUNS]; /* the other reading: its losses (facts and worked) */
	double x[EC_Q25_RUNS][6];        /* x0 and the first five iterates */
	char key[11], shown[31];         /* the runs that converge: "BD", "B, D" */
	char alt_key[11], alt_shown[31]; /* those whose loss does (facts and worked) */
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	bool worked = s->depth >= EC_DEPTH_FACTS; /* the other reading too */
	size_t pos;

	sol->p = p;
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		size_t r = ec_option_at(p, ID, pos);
		char letter = (char)('A' + pos);

		if (behaviour(&p->q25_runs[r], &sol->bx[r], worked ? &sol->bl[r] : NULL, sol->x[r],
			      err) != 0)
			return -1;
		if (sol->bx[r] == EC_GD_CONVERGING)
			ec_option_add(sol->key, sol->shown, letter);
		if (worked && sol->bl[r] == EC_GD_CONVERGING)
			ec_option_add(sol->alt_key, sol->alt_shown, letter);
	}
	return 0;
}

/* ---- the worked answer and the key ---- */

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	const ec_q25_run *run;
	size_t pos, r, k;

	if (!ec_showing(a))
		return ec_keyf(a, ID, EC_KEY_MC, 4, "%s", sol->key[0] ? sol->key : "-");
	ec_answer(a, "%s", sol->shown[0] ? sol->shown : "none");
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
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		r = ec_option_at(p, ID, pos);
		run = &p->q25_runs[r];
		ec_say(a, "  %c       %-4s  %-2g  %-4g ", (char)('A' + pos), run->loss, run->x0,
		       run->step);
		for (k = 1; k <= 5; k++)
			ec_say(a, " %-9.6g", sol->x[r][k] + 0.0); /* + 0.0: never "-0" */
		ec_say(a, " %s\n", ec_gd_behaviour_name(sol->bx[r]));
	}
	ec_say(a, "\nWhy, option by option:\n");
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		r = ec_option_at(p, ID, pos);
		run = &p->q25_runs[r];
		if (run->deriv == ec_optim_abs_deriv && sol->bx[r] == EC_GD_CONVERGING)
			ec_say(a, "  %c: the subgradient of |x| is +-1 away from 0, so every move has length\n"
				  "     exactly %g; the run stops only if it lands on 0 exactly. From %g,\n"
				  "     %g steps of %g reach 0, where sign(0) = 0 keeps it: %s, correct.\n",
			       (char)('A' + pos), run->step, run->x0, fabs(run->x0) / run->step,
			       run->step, ec_gd_behaviour_name(sol->bx[r]));
		else if (run->deriv == ec_optim_abs_deriv)
			ec_say(a, "  %c: the subgradient of |x| is +-1 away from 0, so every move has length\n"
				  "     exactly %g; the run stops only if it lands on 0 exactly. From %g it\n"
				  "     goes to %g and back to %g: %s, %s.\n",
			       (char)('A' + pos), run->step, run->x0, sol->x[r][1], sol->x[r][2],
			       ec_gd_behaviour_name(sol->bx[r]),
			       sol->bx[r] == EC_GD_CONVERGING ? "correct" : "not converging");
		else
			ec_say(a, "  %c: on x^2 each step multiplies x by 1 - 2*step = %g; it converges\n"
				  "     exactly when that factor is below 1 in size. Here: %s, %s.\n",
			       (char)('A' + pos), 1 - 2 * run->step + 0.0,
			       ec_gd_behaviour_name(sol->bx[r]),
			       sol->bx[r] == EC_GD_CONVERGING ? "correct" : "not converging");
	}
	ec_say(a, "\nOther reading: if \"the loss converges\" meant the sequence of loss values\n"
		  "L(x_k) has a limit (not necessarily the minimum), runs whose x bounces\n"
		  "between two points of equal loss would count. Classifying L(x_k) with the\n"
		  "same rule gives:");
	for (pos = 0; pos < EC_Q25_RUNS; pos++)
		ec_say(a, " %c %s%s", (char)('A' + pos),
		       ec_gd_behaviour_name(sol->bl[ec_option_at(p, ID, pos)]),
		       pos + 1 < EC_Q25_RUNS ? "," : ".\n");
	/* The loss of the first run whose loss settles while x does not. */
	for (pos = 0; pos + 1 < EC_Q25_RUNS; pos++) {
		r = ec_option_at(p, ID, pos);
		if (sol->bl[r] == EC_GD_CONVERGING && sol->bx[r] != EC_GD_CONVERGING)
			break;
	}
	run = &p->q25_runs[ec_option_at(p, ID, pos)];
	ec_say(a, "That reading would answer %s; the main answer keeps %s because a loss\n"
		  "stuck at %g while x jumps back and forth is not what optimisation calls\n"
		  "convergence.\n",
	       sol->alt_shown[0] ? sol->alt_shown : "none", sol->shown[0] ? sol->shown : "none",
	       run->value(run->x0, NULL));
	return ec_keyf(a, ID, EC_KEY_MC, 4, "%s", sol->key[0] ? sol->key : "-");
}

/* ---- the facts: each run's first moves and behaviour ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	ec_item_facts *f;
	size_t pos;

	if (!(f = ec_facts_add(ex, ID, EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		size_t r = ec_option_at(p, ID, pos);
		const ec_q25_run *run = &p->q25_runs[r];
		const double *x = sol->x[r];
		bool holds = sol->bx[r] == EC_GD_CONVERGING;

		if (run->deriv == ec_optim_abs_deriv)
			ec_facts_option(f, (char)('A' + pos), holds,
					"on |x| every step moves by the step, %g, so x goes %g, %g, %g, "
					"...: %s",
					run->step, x[0], x[1] + 0.0, x[2] + 0.0,
					ec_gd_behaviour_name(sol->bx[r]));
		else
			ec_facts_option(f, (char)('A' + pos), holds,
					"on x^2 each step multiplies x by 1 - 2 x %g = %g, so x goes "
					"%g, %g, %g, ...: %s",
					run->step, 1 - 2 * run->step + 0.0, x[0], x[1] + 0.0, x[2] + 0.0,
					ec_gd_behaviour_name(sol->bx[r]));
	}
	ec_facts_answer(f, "%s", sol->key);
	ec_facts_reading(f, "'converges' read as the loss L(x_k) settling", sol->alt_key,
			 "classified by its losses, %s %s; a loss stuck while x bounces is not what "
			 "optimisation calls convergence",
			 sol->alt_shown[0] ? sol->alt_shown : "none",
			 strchr(sol->alt_shown, ',') ? "converge" : "converges");
	return 0;
}

/* ---- the text and its numbers ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_exam_params *p = s->p;
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t, "Gradient descent minimises a loss L with the update\n"
			"x_new = x_old - step * L'(x_old). For which of these runs, a loss with a\n"
			"starting point x0 and a step size, does it converge? Mark all that do.");
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		const ec_q25_run *run = &p->q25_runs[ec_option_at(p, ID, pos)];

		ec_text_option(t, (char)('A' + pos), "L(x) = %s, x0 = %g, step = %g", run->loss,
			       run->x0, run->step);
	}
	return 0;
}

/* "runs": [{"option", "loss", "x0", "step"}]. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	const ec_exam_params *p = s->p;
	size_t pos;

	(void)q;
	(void)err;
	fputs("\"runs\": [", f);
	for (pos = 0; pos < EC_Q25_RUNS; pos++) {
		const ec_q25_run *run = &p->q25_runs[ec_option_at(p, ID, pos)];

		fprintf(f, "%s{\"option\": \"%c\", \"loss\": ", pos ? ", " : "", (char)('A' + pos));
		ec_write_json_string(f, run->loss);
		fputs(", \"x0\": ", f);
		ec_json_number(f, run->x0);
		fputs(", \"step\": ", f);
		ec_json_number(f, run->step);
		putc('}', f);
	}
	putc(']', f);
	return 0;
}

const ec_module ec_module_2_5 = {
	.id = ID,
	.size = sizeof(struct solution),
	.options = EC_Q25_RUNS,
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.show = show,
	.facts = facts,
};
