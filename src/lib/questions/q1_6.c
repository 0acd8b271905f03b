#include "answers.h"

#include <math.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

/* Values within rounding of zero print as 0, not -0.0000. */
static double shown(double v)
{
	return fabs(v) < 1e-12 ? 0.0 : v;
}

static double max_abs(const ec_linear *m)
{
	double best = 0;
	size_t i;

	for (i = 0; i < m->classes * m->dim; i++)
		if (fabs(m->W[i]) > best)
			best = fabs(m->W[i]);
	return best;
}

static void say_matrix(ec_actx *a, const ec_linear *m)
{
	size_t c, j;

	for (c = 0; c < m->classes; c++) {
		ec_say(a, "  class %zu: W = (", c);
		for (j = 0; j < m->dim; j++)
			ec_say(a, "%s%8.4f", j ? ", " : "", shown(m->W[c * m->dim + j]));
		ec_say(a, ")  b = %8.4f\n", shown(m->b[c]));
	}
}

/* Number of distinct values among the entries of W (exact comparison). */
static size_t distinct_entries(const ec_linear *m)
{
	size_t i, j, n = m->classes * m->dim, count = 0;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (m->W[j] == m->W[i])
				break;
		count += j == i;
	}
	return count;
}

static int demo(ec_actx *a, ec_dataset *ds, ec_linear *m, ec_linear *g, ec_linear *m0)
{
	static const double centers[3 * 2] = {0, 3, -3, -2, 3, -2};
	static const size_t counts[3] = {10, 10, 10};
	const ec_train_opts svm = {{EC_LOSS_HINGE, 1, 0.01}, 0.1, 100};
	const ec_train_opts svm0 = {{EC_LOSS_HINGE, 0, 0.01}, 0.1, 100};
	double loss0, loss, loss_flat;
	size_t distinct, correct, distinct0;
	ec_rng rng;
	int claim;

	ec_rng_seed(&rng, 6);
	if (ec_dataset_blobs(ds, 3, 2, centers, counts, 0.7, &rng, &a->err) != EC_OK ||
	    ec_linear_init(m, 3, 2, &a->err) != EC_OK ||
	    ec_linear_init(g, 3, 2, &a->err) != EC_OK ||
	    ec_linear_init(m0, 3, 2, &a->err) != EC_OK)
		return -1;
	/* Shown only: the gradient at W = 0 (taken before training moves m). */
	if (ec_showing(a) && ec_linear_loss(m, ds, &svm.loss, &loss0, g, &a->err) != EC_OK)
		return -1;
	if (ec_linear_train(m, ds, &svm, &loss, &a->err) != EC_OK)
		return -1;
	distinct = distinct_entries(m);
	claim = distinct == 1;
	if (!ec_showing(a))
		return ec_keyf(a, "1.6", EC_KEY_TF, 2, "%s", claim ? "T" : "F") ? -1 : 0;
	if (ec_linear_evaluate(m, ds, &correct, NULL, &a->err) != EC_OK ||
	    ec_linear_train(m0, ds, &svm0, &loss_flat, &a->err) != EC_OK)
		return -1;
	distinct0 = distinct_entries(m0);

	ec_answer(a, "%s", claim ? "True" : "False");
	ec_say(a, "Claim: when a (multiclass) SVM starts from W = 0 and b = 0, training\n"
		  "always ends with every entry of W equal.\n\n");
	ec_say(a, "Starting at zero is harmless for a linear SVM. At W = 0 all scores are 0,\n"
		  "so with margin delta > 0 every wrong-class term max(0, s_j - s_y + delta)\n"
		  "is active, and the gradient of row j is (1/n) times the sum of x over\n"
		  "samples of other classes minus (K - 1) times the sum over samples of\n"
		  "class j. It depends on the data, so the rows and their entries move\n"
		  "apart from the first step. The symmetry problem of zero initialisation\n"
		  "belongs to the hidden units of a neural network, which all receive the\n"
		  "same gradient; a linear model has no hidden units.\n\n");
	ec_say(a, "Demonstration: %zu points in 3 Gaussian blobs (sigma 0.7), hinge loss\n"
		  "with delta = %g and L2 strength %g, W = 0 and b = 0, %zu full-batch\n"
		  "subgradient steps of size %g.\n",
	       ds->n, svm.loss.margin, svm.loss.reg, svm.steps, svm.rate);
	ec_say(a, "Gradient at the start (loss %.4f):\n", loss0);
	say_matrix(a, g);
	ec_say(a, "Learned weights (loss %.4f, %zu/%zu correct):\n", loss, correct, ds->n);
	say_matrix(a, m);
	ec_say(a, "W has %zu distinct entries out of %zu, so the statement is %s.\n\n",
	       distinct, m->classes * m->dim, claim ? "true" : "false");
	ec_say(a, "Degenerate case: with delta = 0 every term at W = 0 is max(0, 0) and the\n"
		  "subgradient used (slope 0 at the kink) is zero, so W never moves: after\n"
		  "the same %zu steps W has %zu distinct entr%s (largest |W| = %g, loss %g).\n"
		  "Only under that reading would all entries stay equal; an SVM normally\n"
		  "uses delta > 0.\n",
	       svm0.steps, distinct0, distinct0 == 1 ? "y" : "ies", max_abs(m0), loss_flat);
	if (ec_keyf(a, "1.6", EC_KEY_TF, 2, "%s", claim ? "T" : "F"))
		return -1;
	return 0;
}

int ec_ans_1_6(ec_actx *a)
{
	ec_dataset ds = {0};
	ec_linear m = {0}, g = {0}, m0 = {0};
	int rc = demo(a, &ds, &m, &g, &m0);

	ec_dataset_free(&ds);
	ec_linear_free(&m);
	ec_linear_free(&g);
	ec_linear_free(&m0);
	return rc;
}
