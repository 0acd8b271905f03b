/*
 * q1_3.c: Q1.3, true or false: a softmax classifier that gets every
 * example right keeps that accuracy with its weights doubled, and its
 * cross-entropy falls. The demonstration trains one on three blobs and
 * scores c W for a few c; the worked answer adds the other reading, a bias
 * kept apart from W, on a one-feature example where doubling W alone
 * costs accuracy.
 */
#include "truefalse.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

/* Three Gaussian blobs and the classifier trained on them from W = 0. */
#define SEED 13
#define SIGMA 0.7
static const double centers[3 * 2] = {0, 3, -3, -2, 3, -2};
static const size_t counts[3] = {10, 10, 10};
static const ec_train_opts train = {{EC_LOSS_SOFTMAX, 0, 0}, 0.5, 300};

/* The factors c of c W shown; the key compares W (ONE) with 2W (TWO). */
#define SCALES 4
static const double scales[SCALES] = {0.5, 1, 2, 4};
enum { ONE = 1, TWO = 2 };

/* The other reading, with a separate, unscaled bias: one feature, two classes. */
static const double tiny_x[2] = {1, 2};
static const size_t tiny_y[2] = {1, 0};
static const double tiny_W[2] = {1, 0}, tiny_b[2] = {0, 1.5};

struct solution {
	size_t n;                /* samples */
	size_t correct[SCALES];  /* of scales[k] W: at the key's depth ONE and TWO only */
	double loss[SCALES];     /* its cross-entropy, likewise */
	bool holds;              /* W all right, 2W as right with a lower loss */
	size_t tiny_correct[2];  /* the other reading: W, then 2W with the same b */
	double tiny_loss[2];
};

/* Accuracy (as a count) and unregularised cross-entropy of c W (and c b when with_bias). */
static int scaled(const ec_linear *m, const ec_dataset *ds, double c, bool with_bias,
		  size_t *correct, double *loss, ec_error *err)
{
	const ec_loss_opts ce = {EC_LOSS_SOFTMAX, 0, 0};
	ec_linear t = {0};
	int rc = -1;

	if (ec_linear_copy(&t, m, err) != EC_OK)
		return -1;
	ec_linear_scale(&t, c, with_bias);
	if (ec_linear_evaluate(&t, ds, correct, NULL, err) == EC_OK &&
	    ec_linear_loss(&t, ds, &ce, loss, NULL, err) == EC_OK)
		rc = 0;
	ec_linear_free(&t);
	return rc;
}

/* The other reading: W = tiny_W, b = tiny_b on the two samples, as W and as 2W. */
static int other_reading(struct solution *sol, ec_error *err)
{
	ec_dataset tiny = {0};
	ec_linear tm = {0};
	int rc = -1;

	if (ec_dataset_alloc(&tiny, 2, 1, 2, err) == EC_OK &&
	    ec_linear_init(&tm, 2, 1, err) == EC_OK) {
		memcpy(tiny.x, tiny_x, sizeof(tiny_x));
		memcpy(tiny.y, tiny_y, sizeof(tiny_y));
		memcpy(tm.W, tiny_W, sizeof(tiny_W));
		memcpy(tm.b, tiny_b, sizeof(tiny_b));
		if (scaled(&tm, &tiny, scales[ONE], false, &sol->tiny_correct[0], &sol->tiny_loss[0],
			   err) == 0 &&
		    scaled(&tm, &tiny, scales[TWO], false, &sol->tiny_correct[1], &sol->tiny_loss[1],
			   err) == 0)
			rc = 0;
	}
	ec_dataset_free(&tiny);
	ec_linear_free(&tm);
	return rc;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	bool all = s->depth >= EC_DEPTH_WORKED;
	ec_dataset ds = {0};
	ec_linear m = {0};
	ec_rng rng;
	size_t k;
	int rc = -1;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(&ds, 3, 2, centers, counts, SIGMA, &rng, err) != EC_OK ||
	    ec_linear_init(&m, 3, 2, err) != EC_OK ||
	    ec_linear_train(&m, &ds, &train, NULL, err) != EC_OK)
		goto done;
	sol->n = ds.n;
	for (k = 0; k < SCALES; k++)
		if ((all || k == ONE || k == TWO) &&
		    scaled(&m, &ds, scales[k], true, &sol->correct[k], &sol->loss[k], err) != 0)
			goto done;
	sol->holds = sol->correct[ONE] == ds.n && sol->correct[TWO] == sol->correct[ONE] &&
		     sol->loss[TWO] < sol->loss[ONE];
	if (all && other_reading(sol, err) != 0)
		goto done;
	rc = 0;
done:
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	return rc;
}

static void worked(ec_actx *a, const struct solution *sol)
{
	size_t k;

	ec_answer(a, "%s", sol->holds ? "True" : "False");
	ec_say(a, "Claim: if a softmax classifier with weights W classifies every training\n"
		  "sample correctly, then 2W keeps that accuracy and has a lower\n"
		  "(unregularised) cross-entropy loss.\n\n");
	ec_say(a, "Reading taken: W holds all parameters (the bias is a column of W, or\n"
		  "there is none), so 2W doubles every score. The predicted class is the\n"
		  "largest score, which doubling does not change. The loss of a sample is\n"
		  "log(1 + sum_{j != y} exp(s_j - s_y)); with 100%% accuracy every s_j - s_y\n"
		  "is negative, doubling makes it more negative, so every term shrinks.\n\n");
	ec_say(a, "Demonstration: %zu points in 3 Gaussian blobs (sigma %g), softmax\n"
		  "classifier trained from W = 0 by %zu full-batch gradient steps of size %g.\n",
	       sol->n, SIGMA, train.steps, train.rate);
	ec_say(a, "  scale c   accuracy of cW   cross-entropy of cW\n");
	for (k = 0; k < SCALES; k++)
		ec_say(a, "  %-7g   %3zu/%zu           %.4g\n", scales[k], sol->correct[k], sol->n,
		       sol->loss[k]);
	ec_say(a, "Doubling keeps %zu/%zu correct and lowers the loss from %.4g to %.4g,\n"
		  "so the statement is %s.\n\n",
	       sol->correct[TWO], sol->n, sol->loss[ONE], sol->loss[TWO],
	       sol->holds ? "true" : "false");
	ec_say(a, "Other reading: if b is kept apart from W and only W is doubled, the\n"
		  "decision boundaries move and accuracy can drop. One feature, two classes,\n"
		  "W = (%g, %g), b = (%g, %g), samples x = %g (class %zu) and x = %g (class %zu):\n",
	       tiny_W[0], tiny_W[1], tiny_b[0], tiny_b[1], tiny_x[0], tiny_y[0], tiny_x[1],
	       tiny_y[1]);
	ec_say(a, "W gives %zu/%zu correct (loss %.4f); 2W with the same b gives %zu/%zu\n"
		  "(loss %.4f). Under that reading the statement would be false.\n",
	       sol->tiny_correct[0], sizeof(tiny_y) / sizeof(tiny_y[0]), sol->tiny_loss[0],
	       sol->tiny_correct[1], sizeof(tiny_y) / sizeof(tiny_y[0]), sol->tiny_loss[1]);
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
	ec_item_facts *f = ec_tf_facts(ex, "1.3", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "2W doubles every score, so the largest stays the largest and every "
			 "wrong-class gap widens: %zu/%zu stay right and the cross-entropy "
			 "falls from %.4g to %.4g",
		      sol->correct[TWO], sol->n, sol->loss[ONE], sol->loss[TWO]);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "A softmax classifier with weights W gets every example of its data set\n"
			"right. With the weights doubled to 2W it keeps that accuracy and its\n"
			"cross-entropy loss (no regularisation) becomes smaller.");
	return 0;
}

const ec_module ec_module_1_3 = {
	.id = "1.3",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
