#include "answers.h"

#include <string.h>

#include "examcheck/ec_regularize.h"
#include "examcheck/ec_xorshift.h"

#define D 10
#define NTR 20
#define NVA 200
#define NOISE 1.0
#define ITERS 5000
#define CD_TOL 1e-12
#define NLAMBDA 7
#define SEED 26
#define Z 1.0
#define LAM 0.6

static const double lambdas[NLAMBDA] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1};

struct outcome {
	double lambda[2], mse[2];
	size_t zeros[2];
};

static size_t count_zeros(const double *w)
{
	size_t j, n = 0;

	for (j = 0; j < D; j++)
		n += w[j] == 0;
	return n;
}

/*
 * Fit L1 and L2 on one data set with true weights wt; pick lambda on
 * validation. The worked answer fits by ISTA, as its text describes. The
 * key alone fits by coordinate descent, which reaches the same minimisers
 * (to about 1e-12 here) in tens of sweeps instead of thousands of steps;
 * only which penalty validates better enters the key.
 */
static int compare(ec_actx *a, const double *wt, uint64_t seed, struct outcome *o)
{
	static double Xtr[NTR * D], ytr[NTR], Xva[NVA * D], yva[NVA];
	double w[D];
	int k;

	if (ec_reg_make_data(NTR, D, wt, NOISE, seed, Xtr, ytr, &a->err) != EC_OK ||
	    ec_reg_make_data(NVA, D, wt, NOISE, seed + 1, Xva, yva, &a->err) != EC_OK)
		return -1;
	for (k = 0; k < 2; k++) {
		ec_reg_kind kind = k == 0 ? EC_REG_L1 : EC_REG_L2;
		ec_status st;

		if (ec_showing(a))
			st = ec_reg_select(kind, Xtr, ytr, NTR, Xva, yva, NVA, D, lambdas, NLAMBDA,
					   ITERS, &o->lambda[k], &o->mse[k], w, &a->err);
		else
			st = ec_reg_select_cd(kind, Xtr, ytr, NTR, Xva, yva, NVA, D, lambdas,
					      NLAMBDA, CD_TOL, ITERS, &o->lambda[k], &o->mse[k], w,
					      &a->err);
		if (st != EC_OK)
			return -1;
		o->zeros[k] = count_zeros(w);
	}
	return 0;
}

static void say_outcome(ec_actx *a, const char *name, const struct outcome *o)
{
	int k;

	for (k = 0; k < 2; k++)
		ec_say(a, "  %-7s %s  %-8g  %10.4f  %2zu of %d%s\n", k == 0 ? name : "", k == 0 ? "L1" : "L2",
		       o->lambda[k], o->mse[k], o->zeros[k], D,
		       o->mse[k] < o->mse[1 - k] ? "   <- better" : "");
}

int ec_ans_2_6(ec_actx *a)
{
	double sparse[D] = {0}, dense[D], minima[4];
	struct outcome os, od;
	size_t nmin[3];
	const double ps[3] = {0.5, 1, 2};
	int l1_wins, l2_wins, convex[3], k;
	char key[8] = "", shown[24] = "";
	ec_xorshift g;

	sparse[0] = 3;
	sparse[1] = -2;
	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, dense, D, -1, 1);
	if (compare(a, sparse, SEED + 10, &os) != 0 || compare(a, dense, SEED + 20, &od) != 0)
		return -1;
	for (k = 0; k < 3; k++)
		if (ec_reg_count_local_minima(Z, LAM, ps[k], -1, 3, 401, &nmin[k], minima, 4,
					      &a->err) != EC_OK ||
		    ec_reg_midpoint_convex(0, 1, ps[k], &convex[k], &a->err) != EC_OK)
			return -1;
	l1_wins = os.mse[0] < os.mse[1] || od.mse[0] < od.mse[1];
	l2_wins = os.mse[1] < os.mse[0] || od.mse[1] < od.mse[0];
	if (!l2_wins) {
		strcat(key, "A");
		strcat(shown, "A");
	}
	if (!l1_wins) {
		strcat(key, "B");
		strcat(shown, shown[0] ? ", B" : "B");
	}
	if (l1_wins && l2_wins) {
		strcat(key, "C");
		strcat(shown, shown[0] ? ", C" : "C");
	}
	if (nmin[0] == 1 && convex[0]) {
		strcat(key, "D");
		strcat(shown, shown[0] ? ", D" : "D");
	}
	ec_answer(a, "%s", shown[0] ? shown : "none");
	ec_say(a, "The question: with L_p(x)^p = sum |x_i|^p as the penalty (p = 1: L1,\n"
		  "p = 2: L2), which statement about choosing a regulariser is right?\n\n");
	ec_say(a, "Why. L1 pulls small weights to exactly 0 (sparse, feature-selecting\n"
		  "models), L2 shrinks all weights smoothly and keeps them (better when many\n"
		  "features each matter a little; smooth and easy to optimise). Which helps\n"
		  "depends on the data, so it is usually chosen by validation. For p < 1 the\n"
		  "penalty is no longer convex (and L_p no longer a norm): a penalised fit\n"
		  "can have several local minima.\n\n");
	ec_say(a, "Demonstration 1: linear regression, %d features, %d training and %d\n"
		  "validation points in [-1, 1]^%d, noise uniform in [-%g, %g] (xorshift),\n"
		  "fitted by proximal gradient descent (%d steps) with each lambda of\n",
	       D, NTR, NVA, D, NOISE, NOISE, ITERS);
	for (k = 0; k < NLAMBDA; k++)
		ec_say(a, "%s%g", k ? ", " : "{", lambdas[k]);
	ec_say(a, "};\nthe lambda with the lowest validation error is kept. \"sparse\": true\n"
		  "weights (%g, %g, 0, ..., 0); \"dense\": all %d drawn in [-1, 1].\n\n",
	       sparse[0], sparse[1], D);
	ec_say(a, "  truth   pen lambda    val. MSE  zero weights\n");
	say_outcome(a, "sparse", &os);
	say_outcome(a, "dense", &od);
	ec_say(a, "\nDemonstration 2: f(t) = (t - %g)^2 / 2 + %g |t|^p on a grid of 401 points\n"
		  "in [-1, 3], and the midpoint test |1/2|^p <= (|0|^p + |1|^p) / 2:\n",
	       Z, LAM);
	for (k = 0; k < 3; k++)
		ec_say(a, "  p = %-3g  local minima %zu   midpoint test %s\n", ps[k], nmin[k],
		       convex[k] ? "passes" : "fails (not convex)");
	ec_say(a, "\nOptions:\n");
	ec_say(a, "  A: %s: L2 did better on the %s set.\n", l2_wins ? "false" : "true",
	       od.mse[1] < od.mse[0] ? "dense" : "sparse");
	ec_say(a, "  B: %s: L1 did better on the %s set.\n", l1_wins ? "false" : "true",
	       os.mse[0] < os.mse[1] ? "sparse" : "dense");
	ec_say(a, "  C: %s: each won once, and the choice was made by trying both.\n",
	       l1_wins && l2_wins ? "true" : "false");
	ec_say(a, "  D: %s: p = %g gives %zu local minima and fails the convexity test;\n"
		  "     p <= 0 is not a usable penalty at all.\n",
	       nmin[0] == 1 && convex[0] ? "true" : "false", ps[0], nmin[0]);
	return ec_keyf(a, "2.6", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
}
