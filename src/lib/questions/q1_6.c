/*
 * q1_6.c: Q1.6, true or false: an SVM trained from W = 0, b = 0 always
 * ends with all entries of W equal. The demonstration trains a multiclass
 * SVM from zero on three blobs and counts the distinct entries of W; the
 * worked answer also shows the gradient at the start and the degenerate
 * margin 0, where W never moves.
 */
#include "truefalse.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

/* Three Gaussian blobs in the plane. */
#define CLASSES 3
#define DIM 2
#define SEED 6
#define SIGMA 0.7
static const double centers[CLASSES * DIM] = {0, 3, -3, -2, 3, -2};
static const size_t counts[CLASSES] = {10, 10, 10};

/* The SVM (margin 1), and the degenerate one with margin 0, trained alike. */
static const ec_train_opts svm = {{EC_LOSS_HINGE, 1, 0.01}, 0.1, 100};
static const ec_train_opts svm0 = {{EC_LOSS_HINGE, 0, 0.01}, 0.1, 100};

/* W and b of a classifier (or of a gradient). */
struct weights {
	double W[CLASSES * DIM], b[CLASSES];
};

struct solution {
	/* the key and the facts */
	size_t distinct; /* distinct entries of the trained W */
	bool holds;      /* all equal */
	/* the worked answer */
	size_t n;              /* samples */
	double loss0;          /* the loss at W = 0 ... */
	struct weights start;  /* ... and its gradient */
	double loss;           /* the loss after training ... */
	struct weights learned; /* ... the weights ... */
	size_t correct;        /* ... and the samples they get right */
	double loss_flat;      /* margin 0: the loss after training, */
	size_t distinct0;      /* the distinct entries of W */
	double max_abs0;       /* and the largest |W| */
};

/* The number of distinct values among the entries of W (exact comparison). */
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

static double max_abs(const ec_linear *m)
{
	double best = 0;
	size_t i;

	for (i = 0; i < m->classes * m->dim; i++)
		if (fabs(m->W[i]) > best)
			best = fabs(m->W[i]);
	return best;
}

static void keep(struct weights *w, const ec_linear *m)
{
	memcpy(w->W, m->W, sizeof(w->W));
	memcpy(w->b, m->b, sizeof(w->b));
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	bool all = s->depth >= EC_DEPTH_WORKED;
	ec_dataset ds = {0};
	ec_linear m = {0}, g = {0}, m0 = {0};
	ec_rng rng;
	int rc = -1;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(&ds, CLASSES, DIM, centers, counts, SIGMA, &rng, err) != EC_OK ||
	    ec_linear_init(&m, CLASSES, DIM, err) != EC_OK)
		goto done;
	/* Shown only: the gradient at W = 0 (taken before training moves m). */
	if (all && (ec_linear_init(&g, CLASSES, DIM, err) != EC_OK ||
		    ec_linear_loss(&m, &ds, &svm.loss, &sol->loss0, &g, err) != EC_OK))
		goto done;
	if (ec_linear_train(&m, &ds, &svm, &sol->loss, err) != EC_OK)
		goto done;
	sol->distinct = distinct_entries(&m);
	sol->holds = sol->distinct == 1;
	if (all) {
		if (ec_linear_evaluate(&m, &ds, &sol->correct, NULL, err) != EC_OK ||
		    ec_linear_init(&m0, CLASSES, DIM, err) != EC_OK ||
		    ec_linear_train(&m0, &ds, &svm0, &sol->loss_flat, err) != EC_OK)
			goto done;
		sol->n = ds.n;
		keep(&sol->start, &g);
		keep(&sol->learned, &m);
		sol->distinct0 = distinct_entries(&m0);
		sol->max_abs0 = max_abs(&m0);
	}
	rc = 0;
done:
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	ec_linear_free(&g);
	ec_linear_free(&m0);
	return rc;
}

/* Values within rounding of zero print as 0, not -0.0000. */
static double shown(double v)
{
	return fabs(v) < 1e-12 ? 0.0 : v;
}

static void say_matrix(ec_actx *a, const struct weights *w)
{
	size_t c, j;

	for (c = 0; c < CLASSES; c++) {
		ec_say(a, "  class %zu: W = (", c);
		for (j = 0; j < DIM; j++)
			ec_say(a, "%s%8.4f", j ? ", " : "", shown(w->W[c * DIM + j]));
		ec_say(a, ")  b = %8.4f\n", shown(w->b[c]));
	}
}

static void worked(ec_actx *a, const struct solution *sol)
{
	ec_answer(a, "%s", sol->holds ? "True" : "False");
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
	ec_say(a, "Demonstration: %zu points in %d Gaussian blobs (sigma %g), hinge loss\n"
		  "with delta = %g and L2 strength %g, W = 0 and b = 0, %zu full-batch\n"
		  "subgradient steps of size %g.\n",
	       sol->n, CLASSES, SIGMA, svm.loss.margin, svm.loss.reg, svm.steps, svm.rate);
	ec_say(a, "Gradient at the start (loss %.4f):\n", sol->loss0);
	say_matrix(a, &sol->start);
	ec_say(a, "Learned weights (loss %.4f, %zu/%zu correct):\n", sol->loss, sol->correct,
	       sol->n);
	say_matrix(a, &sol->learned);
	ec_say(a, "W has %zu distinct entries out of %d, so the statement is %s.\n\n",
	       sol->distinct, CLASSES * DIM, sol->holds ? "true" : "false");
	ec_say(a, "Degenerate case: with delta = 0 every term at W = 0 is max(0, 0) and the\n"
		  "subgradient used (slope 0 at the kink) is zero, so W never moves: after\n"
		  "the same %zu steps W has %zu distinct entr%s (largest |W| = %g, loss %g).\n"
		  "Only under that reading would all entries stay equal; an SVM normally\n"
		  "uses delta > 0.\n",
	       svm0.steps, sol->distinct0, sol->distinct0 == 1 ? "y" : "ies", sol->max_abs0,
	       sol->loss_flat);
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
	ec_item_facts *f = ec_tf_facts(ex, "1.6", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "at W = 0 every margin term is active and the gradient of each row depends "
			 "on the data, so the rows move apart: after %zu steps W has %zu distinct "
			 "entries out of %d",
		      svm.steps, sol->distinct, CLASSES * DIM);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "An SVM classifier trained from W = 0 and b = 0 always ends with all entries\n"
			"of the learned W equal.");
	return 0;
}

const ec_module ec_module_1_6 = {
	.id = "1.6",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
