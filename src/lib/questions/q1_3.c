#include "answers.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

/* Accuracy (as a count) and unregularised cross-entropy of c * W (and c * b when with_bias). */
static int scaled(ec_actx *a, const ec_linear *m, const ec_dataset *ds, double c,
		  bool with_bias, size_t *correct, double *loss)
{
	const ec_loss_opts ce = {EC_LOSS_SOFTMAX, 0, 0};
	ec_linear t;
	int rc = -1;

	if (ec_linear_copy(&t, m, &a->err) != EC_OK)
		return -1;
	ec_linear_scale(&t, c, with_bias);
	if (ec_linear_evaluate(&t, ds, correct, NULL, &a->err) == EC_OK &&
	    ec_linear_loss(&t, ds, &ce, loss, NULL, &a->err) == EC_OK)
		rc = 0;
	ec_linear_free(&t);
	return rc;
}

static int demo(ec_actx *a, ec_dataset *ds, ec_dataset *tiny, ec_linear *m, ec_linear *tm)
{
	static const double centers[3 * 2] = {0, 3, -3, -2, 3, -2};
	static const size_t counts[3] = {10, 10, 10};
	static const double scales[] = {0.5, 1, 2, 4};
	/* Reading with a separate, unscaled bias: one feature, two classes. */
	static const double tiny_x[2] = {1, 2};
	static const size_t tiny_y[2] = {1, 0};
	static const double tiny_W[2] = {1, 0}, tiny_b[2] = {0, 1.5};
	const ec_train_opts train = {{EC_LOSS_SOFTMAX, 0, 0}, 0.5, 300};
	size_t correct[4], c1, c2, i, tc1, tc2;
	double loss[4], l1, l2, tl1, tl2;
	ec_rng rng;
	int claim;

	ec_rng_seed(&rng, 13);
	if (ec_dataset_blobs(ds, 3, 2, centers, counts, 0.7, &rng, &a->err) != EC_OK ||
	    ec_linear_init(m, 3, 2, &a->err) != EC_OK ||
	    ec_linear_train(m, ds, &train, NULL, &a->err) != EC_OK)
		return -1;
	if (scaled(a, m, ds, 1, true, &c1, &l1) || scaled(a, m, ds, 2, true, &c2, &l2))
		return -1;
	claim = c1 == ds->n && c2 == c1 && l2 < l1;
	if (!ec_showing(a))
		return ec_keyf(a, "1.3", EC_KEY_TF, 2, "%s", claim ? "T" : "F") ? -1 : 0;
	for (i = 0; i < 4; i++)
		if (scaled(a, m, ds, scales[i], true, &correct[i], &loss[i]))
			return -1;
	if (ec_dataset_alloc(tiny, 2, 1, 2, &a->err) != EC_OK ||
	    ec_linear_init(tm, 2, 1, &a->err) != EC_OK)
		return -1;
	memcpy(tiny->x, tiny_x, sizeof(tiny_x));
	memcpy(tiny->y, tiny_y, sizeof(tiny_y));
	memcpy(tm->W, tiny_W, sizeof(tiny_W));
	memcpy(tm->b, tiny_b, sizeof(tiny_b));
	if (scaled(a, tm, tiny, 1, false, &tc1, &tl1) || scaled(a, tm, tiny, 2, false, &tc2, &tl2))
		return -1;

	ec_answer(a, "%s", claim ? "True" : "False");
	ec_say(a, "Claim: if a softmax classifier with weights W classifies every training\n"
		  "sample correctly, then 2W keeps that accuracy and has a lower\n"
		  "(unregularised) cross-entropy loss.\n\n");
	ec_say(a, "Reading taken: W holds all parameters (the bias is a column of W, or\n"
		  "there is none), so 2W doubles every score. The predicted class is the\n"
		  "largest score, which doubling does not change. The loss of a sample is\n"
		  "log(1 + sum_{j != y} exp(s_j - s_y)); with 100%% accuracy every s_j - s_y\n"
		  "is negative, doubling makes it more negative, so every term shrinks.\n\n");
	ec_say(a, "Demonstration: %zu points in 3 Gaussian blobs (sigma 0.7), softmax\n"
		  "classifier trained from W = 0 by %zu full-batch gradient steps of size %g.\n",
	       ds->n, train.steps, train.rate);
	ec_say(a, "  scale c   accuracy of cW   cross-entropy of cW\n");
	for (i = 0; i < 4; i++)
		ec_say(a, "  %-7g   %3zu/%zu           %.4g\n", scales[i], correct[i], ds->n,
		       loss[i]);
	ec_say(a, "Doubling keeps %zu/%zu correct and lowers the loss from %.4g to %.4g,\n"
		  "so the statement is %s.\n\n",
	       c2, ds->n, l1, l2, claim ? "true" : "false");
	ec_say(a, "Other reading: if b is kept apart from W and only W is doubled, the\n"
		  "decision boundaries move and accuracy can drop. One feature, two classes,\n"
		  "W = (%g, %g), b = (%g, %g), samples x = %g (class %zu) and x = %g (class %zu):\n",
	       tiny_W[0], tiny_W[1], tiny_b[0], tiny_b[1], tiny_x[0], tiny_y[0], tiny_x[1],
	       tiny_y[1]);
	ec_say(a, "W gives %zu/%zu correct (loss %.4f); 2W with the same b gives %zu/%zu\n"
		  "(loss %.4f). Under that reading the statement would be false.\n",
	       tc1, tiny->n, tl1, tc2, tiny->n, tl2);
	if (ec_keyf(a, "1.3", EC_KEY_TF, 2, "%s", claim ? "T" : "F"))
		return -1;
	return 0;
}

int ec_ans_1_3(ec_actx *a)
{
	ec_dataset ds = {0}, tiny = {0};
	ec_linear m = {0}, tm = {0};
	int rc = demo(a, &ds, &tiny, &m, &tm);

	ec_dataset_free(&ds);
	ec_dataset_free(&tiny);
	ec_linear_free(&m);
	ec_linear_free(&tm);
	return rc;
}
