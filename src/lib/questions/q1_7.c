/*
 * q1_7.c: Q1.7, true or false: when accuracy is all that counts, training
 * on accuracy itself could beat binary cross-entropy. The demonstration
 * trains a logistic model both ways from the same start: accuracy's
 * gradient is zero (a step function), so that run never moves.
 */
#include "truefalse.h"

#include <string.h>

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

/* NPTS points uniform in [-SPAN, SPAN]^DIM, labelled 1 when x1 + LEAN x2 > CUT. */
#define NPTS 40
#define DIM 2
#define SEED 17
#define SPAN 1
#define LEAN 0.5
#define CUT 0.2

/* The start (w, b), and gradient descent from there (accuracy's gradient by differences). */
static const double start[DIM + 1] = {-0.5, 0.3, 0.0};
#define LR 1.0
#define ITERS 300
#define FD_STEP 1e-6

struct solution {
	/* the key */
	double err_a, moved_a; /* trained on 1 - accuracy: its error, how far it moved */
	double err_b, moved_b; /* trained on cross-entropy, likewise */
	bool holds;            /* accuracy trained to the better accuracy */
	/* the facts: at the start, 1 - accuracy and its gradient */
	double err0, acc_grad0[DIM + 1];
	/* the worked answer: at the start, cross-entropy and its gradient */
	double bce0, bce_grad0[DIM + 1];
};

static int solve(const ec_solving *s, void *out, ec_error *e)
{
	struct solution *sol = out;
	double x[NPTS * DIM], y[NPTS], grad[DIM + 1], ta[DIM + 1], tb[DIM + 1];
	ec_xorshift g;
	size_t i;

	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, NPTS * DIM, -SPAN, SPAN);
	for (i = 0; i < NPTS; i++)
		y[i] = x[i * DIM] + LEAN * x[i * DIM + 1] > CUT ? 1 : 0;
	memcpy(ta, start, sizeof(ta));
	memcpy(tb, start, sizeof(tb));
	if (ec_gradflow_logistic_train(EC_SCORE_ACCURACY, x, y, NPTS, DIM, ta, LR, ITERS, FD_STEP,
				       &sol->moved_a, e) != EC_OK ||
	    ec_gradflow_logistic_train(EC_SCORE_BCE, x, y, NPTS, DIM, tb, LR, ITERS, FD_STEP,
				       &sol->moved_b, e) != EC_OK ||
	    ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, ta, FD_STEP, &sol->err_a, grad,
				 e) != EC_OK ||
	    ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, tb, FD_STEP, &sol->err_b, grad,
				 e) != EC_OK)
		return -1;
	sol->holds = 1 - sol->err_a > 1 - sol->err_b;
	if (s->depth >= EC_DEPTH_FACTS &&
	    ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, start, FD_STEP, &sol->err0,
				 sol->acc_grad0, e) != EC_OK)
		return -1;
	if (s->depth >= EC_DEPTH_WORKED &&
	    ec_gradflow_logistic(EC_SCORE_BCE, x, y, NPTS, DIM, start, FD_STEP, &sol->bce0,
				 sol->bce_grad0, e) != EC_OK)
		return -1;
	return 0;
}

static void worked(ec_actx *a, const struct solution *sol)
{
	ec_answer(a, "%s", sol->holds ? "True" : "False");
	ec_say(a, "The claim: for a binary classifier judged only by accuracy, training\n"
		  "directly on accuracy, count(round(y_hat) = y) / N, could work better than\n"
		  "training on binary cross-entropy.\n\n");
	ec_say(a, "Why not. round() makes accuracy a step function of the model's\n"
		  "parameters: a small change of a weight flips no prediction, so the\n"
		  "accuracy does not change and its gradient is 0 almost everywhere (and\n"
		  "undefined where a prediction crosses 0.5). Gradient descent on it never\n"
		  "moves. Cross-entropy changes smoothly with every prediction and gives a\n"
		  "useful gradient, mean((p - y) x), even for points already right.\n\n");
	ec_say(a, "Demonstration: logistic model p = sigmoid(w . x + b) on %d points of\n"
		  "[%g, %g]^%d drawn by a xorshift generator (seed %d), label 1 when\n"
		  "x1 + %g x2 > %g (separable). Start (w, b) = (%g, %g, %g).\n\n",
	       NPTS, (double)-SPAN, (double)SPAN, DIM, SEED, LEAN, CUT, start[0], start[1],
	       start[2]);
	ec_say(a, "  at the start: accuracy %.3f, cross-entropy %.4f\n", 1 - sol->err0, sol->bce0);
	ec_say(a, "  gradient of cross-entropy (analytic):            (%.4f, %.4f, %.4f)\n",
	       sol->bce_grad0[0], sol->bce_grad0[1], sol->bce_grad0[2]);
	ec_say(a, "  gradient of 1 - accuracy (central differences, step %g): (%g, %g, %g)\n\n",
	       FD_STEP, sol->acc_grad0[0], sol->acc_grad0[1], sol->acc_grad0[2]);
	ec_say(a, "  %d steps of gradient descent, learning rate %g:\n", ITERS, LR);
	ec_say(a, "    loss 1 - accuracy: parameters moved %.4f, accuracy %.3f\n", sol->moved_a,
	       1 - sol->err_a);
	ec_say(a, "    cross-entropy:     parameters moved %.4f, accuracy %.3f\n\n", sol->moved_b,
	       1 - sol->err_b);
	ec_say(a, "Training on accuracy is stuck where it started; cross-entropy reaches the\n"
		  "better accuracy. Accuracy stays the right metric to report, but it is a\n"
		  "poor loss: the claim is false.\n");
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
	ec_item_facts *f = ec_tf_facts(ex, "1.7", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "accuracy is a step function of the weights: its gradient at the start is "
			 "(%g, %g, %g), so %d steps on it move the parameters %.4f (accuracy stays "
			 "%.3f), while cross-entropy reaches %.3f",
		      sol->acc_grad0[0], sol->acc_grad0[1], sol->acc_grad0[2], ITERS, sol->moved_a,
		      1 - sol->err_a, 1 - sol->err_b);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "In binary classification, when accuracy is the only measure that counts,\n"
			"training with accuracy itself as the loss, instead of binary cross-entropy,\n"
			"could give better results. Accuracy is the fraction of the N examples whose\n"
			"prediction in [0, 1], rounded, equals the label in {0, 1}.");
	return 0;
}

const ec_module ec_module_1_7 = {
	.id = "1.7",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
