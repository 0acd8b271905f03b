#include "answers.h"

#include <string.h>

#include "examcheck/ec_dataset.h"

#define DIM 2
#define TOTAL 12
#define NTRAIN 8

/* The first training sample after normalising with statistics of rows [0, rows) of all->x. */
static int first_normalised(ec_actx *a, const ec_dataset *all, size_t rows, double *out,
			    double *mean, double *std)
{
	memcpy(out, all->x, DIM * sizeof(double));
	if (ec_feature_stats(all->x, rows, DIM, mean, std, &a->err) != EC_OK ||
	    ec_feature_normalize(out, 1, DIM, mean, std, &a->err) != EC_OK)
		return -1;
	return 0;
}

static int demo(ec_actx *a, ec_dataset *all)
{
	static const double center[DIM] = {5, -2};
	static const size_t count[1] = {TOTAL};
	const double bump = 100;
	double mean_all[DIM], std_all[DIM], mean_tr[DIM], std_tr[DIM], m2[DIM], s2[DIM];
	double v_all[DIM], v_tr[DIM], v_all2[DIM], v_tr2[DIM];
	ec_rng rng;
	int leak;

	ec_rng_seed(&rng, 2);
	if (ec_dataset_blobs(all, 1, DIM, center, count, 2, &rng, &a->err) != EC_OK ||
	    first_normalised(a, all, TOTAL, v_all, mean_all, std_all) ||
	    first_normalised(a, all, NTRAIN, v_tr, mean_tr, std_tr))
		return -1;
	all->x[NTRAIN * DIM] += bump;
	if (first_normalised(a, all, TOTAL, v_all2, m2, s2) ||
	    first_normalised(a, all, NTRAIN, v_tr2, m2, s2))
		return -1;
	all->x[NTRAIN * DIM] -= bump;
	leak = v_all2[0] != v_all[0] && v_tr2[0] == v_tr[0];

	ec_answer(a, "%s", leak ? "False" : "True");
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
		  "sigma 2, i.i.d.), the first %d for training and the last %d for testing.\n",
	       TOTAL, DIM, center[0], center[1], NTRAIN, TOTAL - NTRAIN);
	ec_say(a, "  statistics from    mean              std\n");
	ec_say(a, "  all %2d samples     (%7.4f, %7.4f)  (%6.4f, %6.4f)\n", TOTAL, mean_all[0],
	       mean_all[1], std_all[0], std_all[1]);
	ec_say(a, "  %2d training only   (%7.4f, %7.4f)  (%6.4f, %6.4f)\n", NTRAIN, mean_tr[0],
	       mean_tr[1], std_tr[0], std_tr[1]);
	ec_say(a, "Now add %g to feature 0 of one test sample and normalise again. The first\n"
		  "training sample becomes:\n", bump);
	ec_say(a, "  statistics from    before              after\n");
	ec_say(a, "  all samples        (%7.4f, %7.4f)  (%7.4f, %7.4f)\n", v_all[0], v_all[1],
	       v_all2[0], v_all2[1]);
	ec_say(a, "  training only      (%7.4f, %7.4f)  (%7.4f, %7.4f)\n", v_tr[0], v_tr[1],
	       v_tr2[0], v_tr2[1]);
	ec_say(a, "With whole-set statistics a training input %s when only a test\n"
		  "sample changed: test data leaks into training. With training-only\n"
		  "statistics it %s. So the statement is %s.\n",
	       v_all2[0] != v_all[0] ? "changes" : "does not change",
	       v_tr2[0] == v_tr[0] ? "does not" : "does", leak ? "false" : "true");
	if (ec_keyf(a, "1.2", EC_KEY_TF, 2, "%s", leak ? "F" : "T"))
		return -1;
	return 0;
}

int ec_ans_1_2(ec_actx *a)
{
	ec_dataset all = {0};
	int rc = demo(a, &all);

	ec_dataset_free(&all);
	return rc;
}
