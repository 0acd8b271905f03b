/*
 * q1_8.c: Q1.8, true or false: softmax ignores the scale of its input,
 * s(z) = s(cz). The demonstration takes softmax of one z scaled by a few
 * c (the key: does any probability move?) and, for contrast, shifted by a
 * constant, which softmax does ignore.
 */
#include "truefalse.h"

#include <math.h>

#include "examcheck/ec_linear.h"

#define N 3
static const double z[N] = {1, 2, 3};
#define SCALES 4
static const double scales[SCALES] = {2, 0.5, 0, -1};
#define SHIFTS 2
static const double shifts[SHIFTS] = {10, -5};
/* A change of a probability up to this is rounding. */
#define ROUNDING 1e-12

struct solution {
	/* the key and the facts */
	double base[N];           /* s(z) */
	double scaled[SCALES][N]; /* s(c z) for each of scales */
	double worst_scale;       /* the largest change of a probability under scaling */
	bool holds;               /* none beyond rounding */
	/* the worked answer */
	double shifted[SHIFTS][N]; /* s(z + c) for each of shifts */
	double worst_shift;        /* the largest change under shifting */
};

static double max_diff(const double *p, const double *q, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (fabs(p[i] - q[i]) > m)
			m = fabs(p[i] - q[i]);
	return m;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double in[N];
	size_t i, j;

	if (ec_softmax(z, N, sol->base, err) != EC_OK)
		return -1;
	for (i = 0; i < SCALES; i++) {
		for (j = 0; j < N; j++)
			in[j] = scales[i] * z[j];
		if (ec_softmax(in, N, sol->scaled[i], err) != EC_OK)
			return -1;
		if (max_diff(sol->scaled[i], sol->base, N) > sol->worst_scale)
			sol->worst_scale = max_diff(sol->scaled[i], sol->base, N);
	}
	/* The claim holds only if no scaling moved any probability beyond rounding. */
	sol->holds = sol->worst_scale <= ROUNDING;
	if (s->depth < EC_DEPTH_WORKED)
		return 0;
	for (i = 0; i < SHIFTS; i++) {
		for (j = 0; j < N; j++)
			in[j] = z[j] + shifts[i];
		if (ec_softmax(in, N, sol->shifted[i], err) != EC_OK)
			return -1;
		if (max_diff(sol->shifted[i], sol->base, N) > sol->worst_shift)
			sol->worst_shift = max_diff(sol->shifted[i], sol->base, N);
	}
	return 0;
}

/* One row of the table: its label, then the probabilities. */
static void say_row(ec_actx *a, const char *label, const double *v)
{
	size_t i;

	ec_say(a, "  %-10s ", label);
	for (i = 0; i < N; i++)
		ec_say(a, "%s%.4f", i ? " " : "", v[i]);
	ec_say(a, "\n");
}

static void worked(ec_actx *a, const struct solution *sol)
{
	char label[32];
	size_t i, j;

	ec_answer(a, "%s", sol->holds ? "True" : "False");
	ec_say(a, "Claim: since softmax outputs a probability distribution, multiplying its\n"
		  "input vector by any real c leaves the output unchanged: s(z) = s(cz).\n\n");
	ec_say(a, "Softmax is invariant to adding the same constant to every input, because\n"
		  "exp(z_i + c) / sum_j exp(z_j + c) = exp(z_i) / sum_j exp(z_j): the factor\n"
		  "exp(c) cancels. Scaling does not cancel: s(cz)_i is proportional to\n"
		  "exp(z_i)^c, so c > 1 sharpens the distribution, 0 < c < 1 flattens it,\n"
		  "c = 0 makes it uniform and c < 0 reverses the order of the classes.\n"
		  "(Only an input with all entries equal, or c = 1, escapes the change.)\n\n");
	ec_say(a, "Demonstration, z = (");
	for (j = 0; j < N; j++)
		ec_say(a, "%s%g", j ? ", " : "", z[j]);
	ec_say(a, "):\n  %-10s softmax\n", "input");
	say_row(a, "z", sol->base);
	for (i = 0; i < SCALES; i++) {
		snprintf(label, sizeof(label), "%g * z", scales[i]);
		say_row(a, label, sol->scaled[i]);
	}
	for (i = 0; i < SHIFTS; i++) {
		snprintf(label, sizeof(label), "z %c %g", shifts[i] < 0 ? '-' : '+', fabs(shifts[i]));
		say_row(a, label, sol->shifted[i]);
	}
	ec_say(a, "\nLargest change of a probability: %.4f under scaling, %.1e under\n"
		  "shifting (rounding only). The output depends on the scale of the input,\n"
		  "so the statement is %s.\n",
	       sol->worst_scale, sol->worst_shift, sol->holds ? "true" : "false");
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
	ec_item_facts *f = ec_tf_facts(ex, "1.8", sol->holds, err);

	if (!f)
		return -1;
	ec_facts_line(f, "softmax ignores adding a constant, not scaling: for z = (%g, %g, %g), "
			 "s(z) = (%.4f, %.4f, %.4f) but s(%gz) = (%.4f, %.4f, %.4f)",
		      z[0], z[1], z[2], sol->base[0], sol->base[1], sol->base[2], scales[0],
		      sol->scaled[0][0], sol->scaled[0][1], sol->scaled[0][2]);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "Softmax turns scores into a probability distribution, so scaling its input\n"
			"leaves its output unchanged: s(z) = s(cz) for every vector z and every real\n"
			"number c.");
	return 0;
}

const ec_module ec_module_1_8 = {
	.id = "1.8",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
