#include "answers.h"

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

#define CHECKPOINTS 5
#define SEED 11
#define SIGMA 0.5
#define PERCEPTRON_EPOCHS 100

static const double centers[2 * 2] = {0, 0, 3, 3};
static const size_t counts[2] = {190, 10};

/*
 * The key alone: the claim holds when some linear classifier gets every
 * sample of the imbalanced set right, minority included. The perceptron
 * finds one when the classes are linearly separable; the worked answer
 * shows gradient descent on the softmax loss reaching the same, which takes
 * far longer.
 */
static int key_only(ec_actx *a, ec_dataset *ds, ec_linear *m)
{
	size_t epochs, correct, confusion[4];
	bool separated;
	ec_rng rng;
	int claim;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(ds, 2, 2, centers, counts, SIGMA, &rng, &a->err) != EC_OK ||
	    ec_linear_init(m, 2, 2, &a->err) != EC_OK ||
	    ec_linear_perceptron(m, ds, PERCEPTRON_EPOCHS, &epochs, &separated, &a->err) != EC_OK ||
	    ec_linear_evaluate(m, ds, &correct, confusion, &a->err) != EC_OK)
		return -1;
	claim = correct == ds->n && confusion[3] == counts[1];
	return ec_keyf(a, "1.1", EC_KEY_TF, 2, "%s", claim ? "T" : "F") ? -1 : 0;
}

static int demo(ec_actx *a, ec_dataset *ds, ec_linear *m, ec_dataset *ov, ec_linear *om)
{
	static const double near_centers[2 * 2] = {0, 0, 1, 1};
	const ec_train_opts long_run = {{EC_LOSS_SOFTMAX, 0, 0}, 0.5, 1000};
	size_t ov_correct, ov_confusion[4];
	double ov_loss;
	static const size_t at[CHECKPOINTS] = {0, 1, 10, 100, 1000};
	ec_train_opts train = {{EC_LOSS_SOFTMAX, 0, 0}, 0.5, 0};
	size_t confusion[CHECKPOINTS][4], correct[CHECKPOINTS], i, done = 0;
	double loss[CHECKPOINTS];
	ec_rng rng;
	int claim;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(ds, 2, 2, centers, counts, SIGMA, &rng, &a->err) != EC_OK ||
	    ec_linear_init(m, 2, 2, &a->err) != EC_OK)
		return -1;
	for (i = 0; i < CHECKPOINTS; i++) {
		train.steps = at[i] - done;
		if (ec_linear_train(m, ds, &train, &loss[i], &a->err) != EC_OK ||
		    ec_linear_evaluate(m, ds, &correct[i], confusion[i], &a->err) != EC_OK)
			return -1;
		done = at[i];
	}
	ec_rng_seed(&rng, 2);
	if (ec_dataset_blobs(ov, 2, 2, near_centers, counts, 0.7, &rng, &a->err) != EC_OK ||
	    ec_linear_init(om, 2, 2, &a->err) != EC_OK ||
	    ec_linear_train(om, ov, &long_run, &ov_loss, &a->err) != EC_OK ||
	    ec_linear_evaluate(om, ov, &ov_correct, ov_confusion, &a->err) != EC_OK)
		return -1;
	i = CHECKPOINTS - 1;
	/* "Accurate" is taken to mean: right on the minority class too, not only overall. */
	claim = correct[i] == ds->n && confusion[i][3] == counts[1];

	ec_answer(a, "%s", claim ? "True" : "False");
	ec_say(a, "Claim: a linear classifier can still predict well when the classes of the\n"
		  "data set are unevenly represented.\n\n");
	ec_say(a, "Imbalance does not stop a linear classifier from working: if the classes\n"
		  "can be separated by a hyperplane, training drives the loss down until\n"
		  "every sample, including every minority sample, is on the right side.\n"
		  "What imbalance does is bias the early model towards the majority class\n"
		  "and make plain accuracy flattering (always answering the majority class\n"
		  "already scores well), so the minority-class recall is the number to\n"
		  "watch; reweighting or resampling helps when the classes overlap.\n\n");
	ec_say(a, "Demonstration: two Gaussian blobs (sigma 0.5) with %zu and %zu samples\n"
		  "(%.0f%% / %.0f%%), softmax classifier from W = 0, b = 0, full-batch\n"
		  "gradient descent with step %g.\n",
	       counts[0], counts[1], 100.0 * (double)counts[0] / (double)ds->n,
	       100.0 * (double)counts[1] / (double)ds->n, train.rate);
	ec_say(a, "  steps   loss      accuracy        minority recall\n");
	for (i = 0; i < CHECKPOINTS; i++)
		ec_say(a, "  %5zu   %.4f   %3zu/%zu (%5.1f%%)   %2zu/%zu\n", at[i], loss[i],
		       correct[i], ds->n, 100.0 * (double)correct[i] / (double)ds->n,
		       confusion[i][3], counts[1]);
	ec_say(a, "At step 0 every score is 0 and the tie goes to class 0: the majority\n"
		  "answer alone is %.0f%% accurate with no minority sample found. After\n"
		  "training the classifier gets %zu/%zu, minority included, so the\n"
		  "statement is %s.\n",
	       100.0 * (double)correct[0] / (double)ds->n, correct[CHECKPOINTS - 1], ds->n,
	       claim ? "true" : "false");
	ec_say(a, "\nReading taken: \"can\" means it is possible, which one example shows.\n"
		  "Read as \"imbalance never hurts\", the claim would be false: with the\n"
		  "blob centres moved to (%g, %g) and (%g, %g) so that the classes overlap,\n"
		  "%zu steps give %zu/%zu (%.1f%%) overall but only %zu/%zu of the minority\n"
		  "class: the high accuracy hides a poor minority recall.\n",
	       near_centers[0], near_centers[1], near_centers[2], near_centers[3],
	       long_run.steps, ov_correct, ov->n, 100.0 * (double)ov_correct / (double)ov->n,
	       ov_confusion[3], counts[1]);
	if (ec_keyf(a, "1.1", EC_KEY_TF, 2, "%s", claim ? "T" : "F"))
		return -1;
	return 0;
}

int ec_ans_1_1(ec_actx *a)
{
	ec_dataset ds = {0}, ov = {0};
	ec_linear m = {0}, om = {0};
	int rc = ec_showing(a) ? demo(a, &ds, &m, &ov, &om) : key_only(a, &ds, &m);

	ec_dataset_free(&ds);
	ec_dataset_free(&ov);
	ec_linear_free(&m);
	ec_linear_free(&om);
	return rc;
}
