/*
 * q1_2.c: Q1.2, true or false: the normalisation statistics are usually
 * taken over the whole data set, before it is split. The demonstration
 * normalises a small split set both ways and moves one test sample: with
 * whole-set statistics a training input moves too (a leak), with
 * training-only statistics it does not.
 */
#include "truefalse.h"

#include <string.h>

#include "examcheck/ec_dataset.h"

/* One Gaussian blob of TOTAL samples; the first NTRAIN train, the rest test. */
#define DIM 2
#define TOTAL 12
#define NTRAIN 8
#define SEED 2
#define SIGMA 2
static const double center[DIM] = {5, -2};
static const size_t count[1] = {TOTAL};

/* Added to feature 0 of the first test sample. */
#define BUMP 100

struct solution {
	double mean_all[DIM], std_all[DIM]; /* statistics of all samples */
	double mean_tr[DIM], std_tr[DIM];   /* of the training samples only */
	/* the first training sample normalised with each, before and after the bump */
	double v_all[DIM], v_tr[DIM], v_all2[DIM], v_tr2[DIM];
	bool leak; /* whole-set statistics move it, training-only ones do not */
};

/* The first training sample after normalising with statistics of rows [0, rows) of all->x. */
static int first_normalised(const ec_dataset *all, size_t rows, double *out, double *mean,
			    double *std, ec_error *err)
{
	memcpy(out, all->x, DIM * sizeof(double));
	if (ec_feature_stats(all->x, rows, DIM, mean, std, err) != EC_OK ||
	    ec_feature_normalize(out, 1, DIM, mean, std, err) != EC_OK)
		return -1;
	return 0;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double mean[DIM], std[DIM];
	ec_dataset all = {0};
	ec_rng rng;
	int rc = -1;

	(void)s;
	ec_rng_seed(&rng, SEED);
	if (ec_dataset_blobs(&all, 1, DIM, center, count, SIGMA, &rng, err) != EC_OK ||
	    first_normalised(&all, TOTAL, sol->v_all, sol->mean_all, sol->std_all, err) ||
	    first_normalised(&all, NTRAIN, sol->v_tr, sol->mean_tr, sol->std_tr, err))
		goto done;
	all.x[NTRAIN * DIM] += BUMP;
	if (first_normalised(&all, TOTAL, sol->v_all2, mean, std, err) ||
	    first_normalised(&all, NTRAIN, sol->v_tr2, mean, std, err))
		goto done;
	sol->leak = sol->v_all2[0] != sol->v_all[0] && sol->v_tr2[0] == sol->v_tr[0];
	rc = 0;
done:
	ec_dataset_free(&all);
	return rc;
}

static void worked(ec_actx *a, const struct solution *sol)
{
	ec_answer(a, "%s", sol->leak ? "False" : "True");
	ec_say(a, "Claim: the usual practice is to compute the normalisation mean and\n"
		  "standard deviation on the whole data set and only then split it into\n"
		  "training, validation and test sets.\n\n");
	ec_say(a, "It is the other way round: split first, compute the statistics on the\n"
		  "training split only, and apply those same numbers to validation and\n"
		  "test data. Statistics of the whole set carry information about the test\n"
		  "samples into the training inputs (a leak): the model is tuned on data\n"
		  "shaped by the test set, and the test score no longer measures how it\n"
		  "does on unseen data.\n\n");
	ec_say(a, "Demonstration: %d samples of %d features (Gaussian around (%g, %g),\n"
		  "sigma %g, i.i.d.), the first %d for training and the last %d for testing.\n",
	       TOTAL, DIM, center[0], center[1], (double)SIGMA, NTRAIN, TOTAL - NTRAIN);
	ec_say(a, "  statistics from    mean              std\n");
	ec_say(a, "  all %2d samples     (%7.4f, %7.4f)  (%6.4f, %6.4f)\n", TOTAL, sol->mean_all[0],
	       sol->mean_all[1], sol->std_all[0], sol->std_all[1]);
	ec_say(a, "  %2d training only   (%7.4f, %7.4f)  (%6.4f, %6.4f)\n", NTRAIN, sol->mean_tr[0],
	       sol->mean_tr[1], sol->std_tr[0], sol->std_tr[1]);
	ec_say(a, "Now add %g to feature 0 of one test sample and normalise again. The first\n"
		  "training sample becomes:\n", (double)BUMP);
	ec_say(a, "  statistics from    before              after\n");
	ec_say(a, "  all samples        (%7.4f, %7.4f)  (%7.4f, %7.4f)\n", sol->v_all[0],
	       sol->v_all[1], sol->v_all2[0], sol->v_all2[1]);
	ec_say(a, "  training only      (%7.4f, %7.4f)  (%7.4f, %7.4f)\n", sol->v_tr[0], sol->v_tr[1],
	       sol->v_tr2[0], sol->v_tr2[1]);
	ec_say(a, "With whole-set statistics a training input %s when only a test\n"
		  "sample changed: test data leaks into training. With training-only\n"
		  "statistics it %s. So the statement is %s.\n",
	       sol->v_all2[0] != sol->v_all[0] ? "changes" : "does not change",
	       sol->v_tr2[0] == sol->v_tr[0] ? "does not" : "does", sol->leak ? "false" : "true");
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;

	if (ec_showing(a))
		worked(a, sol);
	return ec_tf_key(a, !sol->leak);
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f = ec_tf_facts(ex, "1.2", !sol->leak, err);

	if (!f)
		return -1;
	ec_facts_line(f, "split first and take the statistics of the training split only: with "
			 "whole-set statistics, adding %g to one test sample moves a training input "
			 "from %.4f to %.4f (test data leaks in); with training-only statistics it "
			 "stays %.4f",
		      (double)BUMP, sol->v_all[0], sol->v_all2[0], sol->v_tr2[0]);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "To normalise data (subtract the mean, divide by the standard deviation), one\n"
			"usually computes the mean and standard deviation over the whole data set, and\n"
			"only then splits it into training, validation and test sets.");
	return 0;
}

const ec_module ec_module_1_2 = {
	.id = "1.2",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
