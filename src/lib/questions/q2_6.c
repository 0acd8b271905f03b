/*
 * q2_6.c: Q2.6, choosing L1, L2 or an Lp penalty. L1 and L2 are each
 * fitted, lambda picked on validation data, to a sparse and a dense linear
 * model (libexamcheck's ec_regularize.h): each wins once, so neither is
 * always better. The penalty |t|^0.5 is shown not convex (a midpoint test)
 * and to give a penalised fit two local minima.
 */
#include <string.h>

#include "examcheck/ec_regularize.h"
#include "examcheck/ec_xorshift.h"
#include "mc.h"

#define D	10
#define NTR	20
#define NVA	200
#define NOISE	1.0
#define ITERS	5000
#define CD_TOL	1e-12
#define NLAMBDA 7
#define SEED	26
#define Z	1.0
#define LAM	0.6
#define GRID	401

static const double lambdas[NLAMBDA] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1};
static const double sparse_weights[2] = {3, -2}; /* then zeros */

/* The penalties |t|^p of the second demonstration; the first is option D's. */
enum { NPS = 3 };
static const double ps[NPS] = {0.5, 1, 2};

/* The options, as the exam writes them. */
enum { L1_BETTER, L2_BETTER, EACH_HAS_STRENGTHS, ANY_P, OPTIONS };

static const char *const option_text[OPTIONS] = {
	"L1 is always better than L2",
	"L2 is always better than L1",
	"each has its strengths; one may pick by trying both",
	"L_p(x)^p is a good regulariser whatever p is",
};

/* ---- the solution ---- */

/* L1 ([0]) and L2 ([1]) on one data set: the lambda kept, its validation error, zero weights. */
struct outcome {
	double lambda[2], mse[2];
	size_t zeros[2];
};

struct solution {
	const ec_exam_params *p;
	/*
	 * How the fits were made: by proximal gradient descent, as the worked
	 * answer describes (EC_DEPTH_WORKED), else by coordinate descent, which
	 * reaches the same minimisers (to about 1e-12 here) in tens of sweeps
	 * instead of thousands of steps.
	 */
	bool ista;
	double sparse[D], dense[D]; /* the true weights */
	struct outcome os, od;	    /* on the sparse and the dense data */
	size_t nps; /* penalties tried: option D's, or all NPS for the worked answer */
	size_t nmin[NPS];
	int convex[NPS];
	bool l1_wins, l2_wins; /* on one of the data sets */
	bool holds[OPTIONS];
};

static size_t count_zeros(const double *w)
{
	size_t j, n = 0;

	for (j = 0; j < D; j++)
		n += w[j] == 0;
	return n;
}

/* Fit L1 and L2 on data with true weights wt; pick lambda on validation. */
static int compare(const double *wt, uint64_t seed, bool ista, struct outcome *o, ec_error *err)
{
	double Xtr[NTR * D], ytr[NTR], Xva[NVA * D], yva[NVA], w[D];
	int k;

	if (ec_reg_make_data(NTR, D, wt, NOISE, seed, Xtr, ytr, err) != EC_OK ||
	    ec_reg_make_data(NVA, D, wt, NOISE, seed + 1, Xva, yva, err) != EC_OK)
		return -1;
	for (k = 0; k < 2; k++) {
		ec_reg_kind kind = k == 0 ? EC_REG_L1 : EC_REG_L2;
		ec_status st;

		if (ista)
			st = ec_reg_select(kind, Xtr, ytr, NTR, Xva, yva, NVA, D, lambdas, NLAMBDA,
					   ITERS, &o->lambda[k], &o->mse[k], w, err);
		else
			st = ec_reg_select_cd(kind, Xtr, ytr, NTR, Xva, yva, NVA, D, lambdas,
					      NLAMBDA, CD_TOL, ITERS, &o->lambda[k], &o->mse[k], w,
					      err);
		if (st != EC_OK)
			return -1;
		o->zeros[k] = count_zeros(w);
	}
	return 0;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double minima[4];
	ec_xorshift g;
	size_t k;

	sol->p = s->p;
	sol->ista = s->depth >= EC_DEPTH_WORKED;
	sol->nps = sol->ista ? NPS : 1;
	memcpy(sol->sparse, sparse_weights, sizeof(sparse_weights));
	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, sol->dense, D, -1, 1);
	if (compare(sol->sparse, SEED + 10, sol->ista, &sol->os, err) != 0 ||
	    compare(sol->dense, SEED + 20, sol->ista, &sol->od, err) != 0)
		return -1;
	for (k = 0; k < sol->nps; k++)
		if (ec_reg_count_local_minima(Z, LAM, ps[k], -1, 3, GRID, &sol->nmin[k], minima, 4,
					      err) != EC_OK ||
		    ec_reg_midpoint_convex(0, 1, ps[k], &sol->convex[k], err) != EC_OK)
			return -1;
	sol->l1_wins = sol->os.mse[0] < sol->os.mse[1] || sol->od.mse[0] < sol->od.mse[1];
	sol->l2_wins = sol->os.mse[1] < sol->os.mse[0] || sol->od.mse[1] < sol->od.mse[0];
	sol->holds[L1_BETTER] = !sol->l2_wins;
	sol->holds[L2_BETTER] = !sol->l1_wins;
	sol->holds[EACH_HAS_STRENGTHS] = sol->l1_wins && sol->l2_wins;
	sol->holds[ANY_P] = sol->nmin[0] == 1 && sol->convex[0];
	return 0;
}

/* ---- the worked answer and the key ---- */

static void say_outcome(ec_actx *a, const char *name, const struct outcome *o)
{
	int k;

	for (k = 0; k < 2; k++)
		ec_say(a, "  %-7s %s  %-8g  %10.4f  %2zu of %d%s\n", k == 0 ? name : "",
		       k == 0 ? "L1" : "L2", o->lambda[k], o->mse[k], o->zeros[k], D,
		       o->mse[k] < o->mse[1 - k] ? "   <- better" : "");
}

/* The data set penalty `k` (0 L1, 1 L2) validated better on: "sparse", "dense", or NULL. */
static const char *won_on(const struct solution *sol, int k)
{
	return sol->od.mse[k] < sol->od.mse[1 - k]   ? "dense"
	       : sol->os.mse[k] < sol->os.mse[1 - k] ? "sparse"
						     : NULL;
}

static void say_option(ec_actx *a, const struct solution *sol, size_t k, char letter)
{
	const char *verdict = sol->holds[k] ? "true" : "false";
	const char *set;

	switch (k) {
	case L1_BETTER:
	case L2_BETTER:
		set = won_on(sol, k == L1_BETTER ? 1 : 0);
		if (set)
			ec_say(a, "  %c: %s: %s did better on the %s set.\n", letter, verdict,
			       k == L1_BETTER ? "L2" : "L1", set);
		else
			ec_say(a, "  %c: %s: %s did better on neither set.\n", letter, verdict,
			       k == L1_BETTER ? "L2" : "L1");
		break;
	case EACH_HAS_STRENGTHS:
		ec_say(a, "  %c: %s: each won once, and the choice was made by trying both.\n",
		       letter, verdict);
		break;
	default:
		ec_say(a,
		       "  %c: %s: p = %g gives %zu local minima and %s the convexity test;\n"
		       "     p <= 0 is not a usable penalty at all.\n",
		       letter, verdict, ps[0], sol->nmin[0], sol->convex[0] ? "passes" : "fails");
		break;
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	char key[11], shown[31];
	size_t k, pos;

	ec_mc_answer(a->params, "2.6", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.6", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
	ec_answer(a, "%s", shown[0] ? shown : "none");
	ec_say(a, "The question: with L_p(x)^p = sum |x_i|^p as the penalty (p = 1: L1,\n"
		  "p = 2: L2), which statement about choosing a regulariser is right?\n\n");
	ec_say(a, "Why. L1 pulls small weights to exactly 0 (sparse, feature-selecting\n"
		  "models), L2 shrinks all weights smoothly and keeps them (better when many\n"
		  "features each matter a little; smooth and easy to optimise). Which helps\n"
		  "depends on the data, so it is usually chosen by validation. For p < 1 the\n"
		  "penalty is no longer convex (and L_p no longer a norm): a penalised fit\n"
		  "can have several local minima.\n\n");
	ec_say(a,
	       "Demonstration 1: linear regression, %d features, %d training and %d\n"
	       "validation points in [-1, 1]^%d, noise uniform in [-%g, %g] (xorshift),\n"
	       "fitted by %s (%d %s) with each lambda of\n",
	       D, NTR, NVA, D, NOISE, NOISE,
	       sol->ista ? "proximal gradient descent" : "coordinate descent", ITERS,
	       sol->ista ? "steps" : "sweeps at most");
	for (k = 0; k < NLAMBDA; k++)
		ec_say(a, "%s%g", k ? ", " : "{", lambdas[k]);
	ec_say(a,
	       "};\nthe lambda with the lowest validation error is kept. \"sparse\": true\n"
	       "weights (%g, %g, 0, ..., 0); \"dense\": all %d drawn in [-1, 1].\n\n",
	       sol->sparse[0], sol->sparse[1], D);
	ec_say(a, "  truth   pen lambda    val. MSE  zero weights\n");
	say_outcome(a, "sparse", &sol->os);
	say_outcome(a, "dense", &sol->od);
	ec_say(a,
	       "\nDemonstration 2: f(t) = (t - %g)^2 / 2 + %g |t|^p on a grid of %d points\n"
	       "in [-1, 3], and the midpoint test |1/2|^p <= (|0|^p + |1|^p) / 2:\n",
	       Z, LAM, GRID);
	for (k = 0; k < sol->nps; k++)
		ec_say(a, "  p = %-3g  local minima %zu   midpoint test %s\n", ps[k], sol->nmin[k],
		       sol->convex[k] ? "passes" : "fails (not convex)");
	ec_say(a, "\nOptions:\n");
	for (pos = 0; pos < OPTIONS; pos++)
		say_option(a, sol, ec_option_at(a->params, "2.6", pos), (char)('A' + pos));
	return ec_keyf(a, "2.6", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
}

/* ---- the facts ---- */

/* Why option k (L1_BETTER or L2_BETTER) holds or not: where the other penalty won. */
static void always_better(ec_item_facts *f, const struct solution *sol, size_t k, char letter)
{
	int other = k == L1_BETTER ? 1 : 0; /* the penalty that would have to lose everywhere */
	const char *set = won_on(sol, other);
	const struct outcome *o = set && strcmp(set, "dense") == 0 ? &sol->od : &sol->os;

	if (set)
		ec_facts_option(
			f, letter, sol->holds[k],
			"%s validated better on %s true weights (MSE %.4f against %s's %.4f)",
			other ? "L2" : "L1", set, o->mse[other], other ? "L1" : "L2",
			o->mse[1 - other]);
	else
		ec_facts_option(f, letter, sol->holds[k],
				"%s validated better on neither data set (sparse: L1 %.4f vs L2 "
				"%.4f; dense: L1 %.4f vs L2 %.4f)",
				other ? "L2" : "L1", sol->os.mse[0], sol->os.mse[1], sol->od.mse[0],
				sol->od.mse[1]);
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f;
	size_t pos;

	if (!(f = ec_facts_add(ex, "2.6", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.6", pos);
		char letter = (char)('A' + pos);

		switch (k) {
		case L1_BETTER:
		case L2_BETTER:
			always_better(f, sol, k, letter);
			break;
		case EACH_HAS_STRENGTHS:
			ec_facts_option(
				f, letter, sol->holds[k],
				"%s (sparse: L1 %.4f vs L2 %.4f; dense: L1 %.4f vs L2 %.4f), so "
				"the choice is made by trying both on validation data",
				sol->holds[k] ? "each won on one data set"
					      : "one penalty won on both data sets",
				sol->os.mse[0], sol->os.mse[1], sol->od.mse[0], sol->od.mse[1]);
			break;
		default:
			ec_facts_option(
				f, letter, sol->holds[k],
				"p = %g is %sconvex (the midpoint test %s) and (t - %g)^2 / 2 + "
				"%g |t|^%g has %zu local minima; p <= 0 is no penalty at all",
				ps[0], sol->convex[0] ? "" : "not ",
				sol->convex[0] ? "passes" : "fails", Z, LAM, ps[0], sol->nmin[0]);
			break;
		}
	}
	ec_mc_facts_answer(f);
	return 0;
}

/* ---- the text ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t,
		     "The p-norm of a vector x with k entries is L_p(x) = (sum of |x_i|^p)^(1/p):\n"
		     "L_1 is the sum of the |x_i|, L_2 the Euclidean length, L_0.5 the square of\n"
		     "the sum of the sqrt(|x_i|), and L_inf the largest |x_i|. With p = 1 and\n"
		     "p = 2, L_p(x)^p is the L1 and the L2 regulariser. What is right about\n"
		     "choosing a regulariser?");
	for (pos = 0; pos < OPTIONS; pos++)
		ec_text_option(t, (char)('A' + pos), "%s",
			       option_text[ec_option_at(s->p, "2.6", pos)]);
	return 0;
}

const ec_module ec_module_2_6 = {
	.id = "2.6",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
