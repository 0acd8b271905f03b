#include "answers.h"

#include <math.h>

#include "examcheck/ec_linear.h"

#define N 3

static void say_vec(ec_actx *a, const double *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ec_say(a, "%s%.4f", i ? " " : "", v[i]);
}

static double max_diff(const double *p, const double *q, size_t n)
{
	double m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (fabs(p[i] - q[i]) > m)
			m = fabs(p[i] - q[i]);
	return m;
}

int ec_ans_1_8(ec_actx *a)
{
	static const double z[N] = {1, 2, 3};
	static const double scales[] = {2, 0.5, 0, -1};
	static const double shifts[] = {10, -5};
	double base[N], in[N], out[N], worst_scale = 0, worst_shift = 0;
	size_t i, j;
	int claim;

	if (ec_softmax(z, N, base, &a->err) != EC_OK)
		return -1;
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++) {
		for (j = 0; j < N; j++)
			in[j] = scales[i] * z[j];
		if (ec_softmax(in, N, out, &a->err) != EC_OK)
			return -1;
		if (max_diff(out, base, N) > worst_scale)
			worst_scale = max_diff(out, base, N);
	}
	/* The claim holds only if no scaling moved any probability beyond rounding. */
	claim = worst_scale <= 1e-12;
	if (!ec_showing(a))
		return ec_keyf(a, "1.8", EC_KEY_TF, 2, "%s", claim ? "T" : "F") ? -1 : 0;
	for (i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		for (j = 0; j < N; j++)
			in[j] = z[j] + shifts[i];
		if (ec_softmax(in, N, out, &a->err) != EC_OK)
			return -1;
		if (max_diff(out, base, N) > worst_shift)
			worst_shift = max_diff(out, base, N);
	}

	ec_answer(a, "%s", claim ? "True" : "False");
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
	ec_say(a, "):\n  %-10s softmax\n  %-10s ", "input", "z");
	say_vec(a, base, N);
	ec_say(a, "\n");
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++) {
		char label[32];

		for (j = 0; j < N; j++)
			in[j] = scales[i] * z[j];
		ec_softmax(in, N, out, NULL);
		snprintf(label, sizeof(label), "%g * z", scales[i]);
		ec_say(a, "  %-10s ", label);
		say_vec(a, out, N);
		ec_say(a, "\n");
	}
	for (i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		char label[32];

		for (j = 0; j < N; j++)
			in[j] = z[j] + shifts[i];
		ec_softmax(in, N, out, NULL);
		snprintf(label, sizeof(label), "z %c %g", shifts[i] < 0 ? '-' : '+', fabs(shifts[i]));
		ec_say(a, "  %-10s ", label);
		say_vec(a, out, N);
		ec_say(a, "\n");
	}
	ec_say(a, "\nLargest change of a probability: %.4f under scaling, %.1e under\n"
		  "shifting (rounding only). The output depends on the scale of the input,\n"
		  "so the statement is %s.\n",
		  worst_scale, worst_shift, claim ? "true" : "false");
	if (ec_keyf(a, "1.8", EC_KEY_TF, 2, "%s", claim ? "T" : "F"))
		return -1;
	return 0;
}
