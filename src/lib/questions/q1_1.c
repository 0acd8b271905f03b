/*
 * q1_1.c: Q1.1, true or false: a linear classifier can still predict well
 * when its classes are very unevenly represented. The key: the perceptron
 * separates a 190/10 set of two Gaussian blobs, minority included. The
 * worked answer also trains a softmax classifier on it by gradient descent
 * (the early bias towards the majority, then every sample right) and shows
 * overlapping blobs, where high accuracy hides a poor minority recall.
 */
#include "truefalse.h"

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

/* The imbalanced set: two blobs, the second the minority. */
#define SEED 11
#define SIGMA 0.5
static const double centers[2 * 2] = {0, 0, 3, 3};
static const size_t counts[2] = {190, 10};

/* The key's classifier: the perceptron, for at most this many epochs. */
#define PERCEPTRON_EPOCHS 100

/* The worked answer's gradient descent: its step and the steps it reports at. */
#define STEP 0.5
#define CHECKPOINTS 5
static const size_t at[CHECKPOINTS] = {0, 1, 10, 100, 1000};

/* The other reading: the same counts in overlapping blobs, trained as long. */
#define OVERLAP_SEED 2
#define OVERLAP_SIGMA 0.7
static const double near_centers[2 * 2] = {0, 0, 1, 1};

/* The minority class's samples predicted as it: confusion[true * 2 + predicted]. */
#define MINORITY_FOUND(confusion) ((confusion)[3])

struct solution {
	/* the key and the facts: the perceptron on the imbalanced set */
	size_t n;        /* samples */
	size_t correct;  /* samples it gets right */
	size_t minority; /* minority samples it gets right */
	bool holds;      /* every sample right, minority included */
	/* the worked answer: gradient descent from W = 0, b = 0 */
	double loss[CHECKPOINTS];
	size_t right[CHECKPOINTS], found[CHECKPOINTS];
	bool trained; /* every sample right after the last checkpoint */
	/* ... and on the overlapping blobs */
	size_t ov_n, ov_correct, ov_found;
};

static int separate(const ec_dataset *ds, struct solution *sol, ec_error *err)
{
	ec_linear m = {0};
	size_t epochs, confusion[4];
	bool separated;
	int rc = -1;

	if (ec_linear_init(&m, 2, 2, err) == EC_OK &&
	    ec_linear_perceptron(&m, ds, PERCEPTRON_EPOCHS, &epochs, &separated, err) == EC_OK &&
	    ec_linear_evaluate(&m, ds, &sol->correct, confusion, err) == EC_OK) {
		sol->n = ds->n;
		sol->minority = MINORITY_FOUND(confusion);
		sol->holds = sol->correct == ds->n && sol->minority == counts[1];
		rc = 0;
	}
	ec_linear_free(&m);
	return rc;
}

static int descend(const ec_dataset *ds, struct solution *sol, ec_error *err)
{
	ec_train_opts train = {{EC_LOSS_SOFTMAX, 0, 0}, STEP, 0};
	ec_linear m = {0};
	size_t i, done = 0, confusion[4];
	int rc = -1;

	if (ec_linear_init(&m, 2, 2, err) != EC_OK)
		goto done;
	for (i = 0; i < CHECKPOINTS; i++) {
		train.steps = at[i] - done;
		if (ec_linear_train(&m, ds, &train, &sol->loss[i], err) != EC_OK ||
		    ec_linear_evaluate(&m, ds, &sol->right[i], confusion, err) != EC_OK)
			goto done;
		sol->found[i] = MINORITY_FOUND(confusion);
		done = at[i];
	}
	/* "Accurate" is taken to mean: right on the minority class too, not only overall. */
	sol->trained = sol->right[CHECKPOINTS - 1] == ds->n && sol->found[CHECKPOINTS - 1] == counts[1];
	rc = 0;
done:
	ec_linear_free(&m);
	return rc;
}

static int overlap(struct solution *sol, ec_error *err)
{
	const ec_train_opts long_run = {{EC_LOSS_SOFTMAX, 0, 0}, STEP, at[CHECKPOINTS - 1]};
	ec_dataset ov = {0};
	ec_linear m = {0};
	size_t confusion[4];
	double loss;
	ec_rng rng;
	int rc = -1;

	ec_rng_seed(&rng, OVERLAP_SEED);
	if (ec_dataset_blobs(&ov, 2, 2, near_centers, counts, OVERLAP_SIGMA, &rng, err) == EC_OK &&
	    ec_linear_init(&m, 2, 2, err) == EC_OK &&
	    ec_linear_train(&m, &ov, &long_run, &loss, err) == EC_OK &&
	    ec_linear_evaluate(&m, &ov, &sol->ov_correct, confusion, err) == EC_OK) {
		sol->ov_n = ov.n;
		sol->ov_found = MINORITY_FOUND(confusion);
		rc = 0;
	}
	ec_dataset_free(&ov);
	ec_linear_free(&m);
	return rc;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	ec_dataset ds = {0};
	ec_rng rng;
	int rc = -1;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(&ds, 2, 2, centers, counts, SIGMA, &rng, err) == EC_OK &&
	    separate(&ds, sol, err) == 0 &&
	    (s->depth < EC_DEPTH_WORKED || (descend(&ds, sol, err) == 0 && overlap(sol, err) == 0)))
		rc = 0;
	ec_dataset_free(&ds);
	return rc;
}

static void worked(ec_actx *a, const struct solution *sol)
{
	size_t i, last = CHECKPOINTS - 1;

	ec_answer(a, "%s", sol->holds ? "True" : "False");
	ec_say(a, "Claim: a linear classifier can still predict well when the classes of the\n"
		  "data set are unevenly represented.\n\n");
	ec_say(a, "Imbalance does not stop a linear classifier from working: if the classes\n"
		  "can be separated by a hyperplane, training drives the loss down until\n"
		  "every sample, including every minority sample, is on the right side.\n"
		  "What imbalance does is bias the early model towards the majority class\n"
		  "and make plain accuracy flattering (always answering the majority class\n"
		  "already scores well), so the minority-class recall is the number to\n"
		  "watch; reweighting or resampling helps when the classes overlap.\n\n");
	ec_say(a, "Demonstration: two Gaussian blobs (sigma %g) with %zu and %zu samples\n"
		  "(%.0f%% / %.0f%%), softmax classifier from W = 0, b = 0, full-batch\n"
		  "gradient descent with step %g.\n",
	       SIGMA, counts[0], counts[1], 100.0 * (double)counts[0] / (double)sol->n,
	       100.0 * (double)counts[1] / (double)sol->n, STEP);
	ec_say(a, "  steps   loss      accuracy        minority recall\n");
	for (i = 0; i < CHECKPOINTS; i++)
		ec_say(a, "  %5zu   %.4f   %3zu/%zu (%5.1f%%)   %2zu/%zu\n", at[i], sol->loss[i],
		       sol->right[i], sol->n, 100.0 * (double)sol->right[i] / (double)sol->n,
		       sol->found[i], counts[1]);
	ec_say(a, "At step 0 every score is 0 and the tie goes to class 0: the majority\n"
		  "answer alone is %.0f%% accurate with no minority sample found. After\n"
		  "training the classifier gets %zu/%zu, minority included, so the\n"
		  "statement is %s.\n",
	       100.0 * (double)sol->right[0] / (double)sol->n, sol->right[last], sol->n,
	       sol->trained ? "true" : "false");
	ec_say(a, "\nReading taken: \"can\" means it is possible, which one example shows.\n"
		  "Read as \"imbalance never hurts\", the claim would be false: with the\n"
		  "blob centres moved to (%g, %g) and (%g, %g) so that the classes overlap,\n"
		  "%zu steps give %zu/%zu (%.1f%%) overall but only %zu/%zu of the minority\n"
		  "class: the high accuracy hides a poor minority recall.\n",
	       near_centers[0], near_centers[1], near_centers[2], near_centers[3], at[last],
	       sol->ov_correct, sol->ov_n, 100.0 * (double)sol->ov_correct / (double)sol->ov_n,
	       sol->ov_found, counts[1]);
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
	ec_item_facts *f = ec_tf_facts(ex, "1.1", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "a linear classifier gets %zu/%zu of a %zu/%zu (%.0f%%/%.0f%%) set right, "
			 "%zu of the %zu minority samples included; imbalance does not stop it",
		      sol->correct, sol->n, counts[0], counts[1],
		      100.0 * (double)counts[0] / (double)sol->n,
		      100.0 * (double)counts[1] / (double)sol->n, sol->minority, counts[1]);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "A linear classifier can still predict accurately when the classes of the\n"
			"data set are represented very unevenly.");
	return 0;
}

const ec_module ec_module_1_1 = {
	.id = "1.1",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
