#include "answers.h"

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"

#define NPTS 40
#define DIM 2
#define SEED 17
#define LR 1.0
#define ITERS 300
#define FD_STEP 1e-6

int ec_ans_1_7(ec_actx *a)
{
	double x[NPTS * DIM], y[NPTS], grad[DIM + 1];
	const double start[DIM + 1] = {-0.5, 0.3, 0.0};
	double ta[DIM + 1], tb[DIM + 1], err0, bce0, err_a, err_b, moved_a, moved_b, v;
	ec_error *e = &a->err;
	ec_xorshift g;
	size_t i, j;
	int claim;

	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, NPTS * DIM, -1, 1);
	for (i = 0; i < NPTS; i++)
		y[i] = x[i * DIM] + 0.5 * x[i * DIM + 1] > 0.2 ? 1 : 0;
	for (j = 0; j <= DIM; j++)
		ta[j] = tb[j] = start[j];
	if (ec_gradflow_logistic_train(EC_SCORE_ACCURACY, x, y, NPTS, DIM, ta, LR, ITERS, FD_STEP,
				       &moved_a, e) != EC_OK ||
	    ec_gradflow_logistic_train(EC_SCORE_BCE, x, y, NPTS, DIM, tb, LR, ITERS, FD_STEP,
				       &moved_b, e) != EC_OK ||
	    ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, ta, FD_STEP, &err_a, grad,
				 e) != EC_OK ||
	    ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, tb, FD_STEP, &err_b, grad,
				 e) != EC_OK)
		return -1;
	claim = 1 - err_a > 1 - err_b;
	if (!ec_showing(a))
		return ec_keyf(a, "1.7", EC_KEY_TF, 2, "%s", claim ? "T" : "F");
	if (ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, start, FD_STEP, &err0, grad,
				 e) != EC_OK)
		return -1;

	ec_answer(a, "%s", claim ? "True" : "False");
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
		  "[-1, 1]^2 drawn by a xorshift generator (seed %d), label 1 when\n"
		  "x1 + 0.5 x2 > 0.2 (separable). Start (w, b) = (%g, %g, %g).\n\n",
	       NPTS, SEED, start[0], start[1], start[2]);
	if (ec_gradflow_logistic(EC_SCORE_BCE, x, y, NPTS, DIM, start, FD_STEP, &bce0, grad, e) !=
	    EC_OK)
		return -1;
	ec_say(a, "  at the start: accuracy %.3f, cross-entropy %.4f\n", 1 - err0, bce0);
	ec_say(a, "  gradient of cross-entropy (analytic):            (%.4f, %.4f, %.4f)\n",
	       grad[0], grad[1], grad[2]);
	if (ec_gradflow_logistic(EC_SCORE_ACCURACY, x, y, NPTS, DIM, start, FD_STEP, &v, grad, e) !=
	    EC_OK)
		return -1;
	ec_say(a, "  gradient of 1 - accuracy (central differences, step %g): (%g, %g, %g)\n\n",
	       FD_STEP, grad[0], grad[1], grad[2]);
	ec_say(a, "  %d steps of gradient descent, learning rate %g:\n", ITERS, LR);
	ec_say(a, "    loss 1 - accuracy: parameters moved %.4f, accuracy %.3f\n", moved_a, 1 - err_a);
	ec_say(a, "    cross-entropy:     parameters moved %.4f, accuracy %.3f\n\n", moved_b,
	       1 - err_b);
	ec_say(a, "Training on accuracy is stuck where it started; cross-entropy reaches the\n"
		  "better accuracy. Accuracy stays the right metric to report, but it is a\n"
		  "poor loss: the claim is false.\n");
	return ec_keyf(a, "1.7", EC_KEY_TF, 2, "%s", claim ? "T" : "F");
}
