#include "answers.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"

#define NSHAPES 4
#define NOPTS 6
#define EPS 1e-5
#define FD_STEP 1e-5
#define TOL 1e-7
#define SEED 2024

static const ec_norm_shape shapes[NSHAPES] = {
	{2, 1, 2, 3}, {3, 2, 2, 2}, {2, 2, 3, 2}, {3, 3, 1, 4},
};

/* Each option: which layer, and the formula (H W)^hw * C^c. */
static const struct {
	char letter;
	ec_norm_kind kind;
	unsigned hw, c;
	const char *formula;
} opts[NOPTS] = {
	{'A', EC_NORM_BATCH, 0, 1, "C"},
	{'B', EC_NORM_BATCH, 2, 1, "H^2 W^2 C"},
	{'C', EC_NORM_BATCH, 2, 2, "H^2 W^2 C^2"},
	{'D', EC_NORM_LAYER, 0, 1, "C"},
	{'E', EC_NORM_LAYER, 2, 1, "H^2 W^2 C"},
	{'F', EC_NORM_LAYER, 2, 2, "H^2 W^2 C^2"},
};

/* Largest count over all pairs i != j of the block dy_i/dx_j of J. */
static ec_status max_cross_count(ec_norm_shape s, const double *J, uint64_t *max, ec_error *err)
{
	size_t i, j;
	uint64_t n;
	ec_status st;

	*max = 0;
	for (i = 0; i < s.n; i++)
		for (j = 0; j < s.n; j++) {
			if (i == j)
				continue;
			if ((st = ec_norm_block_nonzeros(s, J, i, j, TOL, &n, err)) != EC_OK)
				return st;
			if (n > *max)
				*max = n;
		}
	return EC_OK;
}

/*
 * counts[shape][kind][0 = finite differences, 1 = analytic]. The options
 * are judged on the finite differences; the analytic counts are only
 * shown beside them, so they are computed only for the worked text.
 */
static int measure(ec_actx *a, uint64_t counts[NSHAPES][2][2])
{
	ec_xorshift g;
	size_t si, total;
	int kind, rc = 0;

	ec_xorshift_seed(&g, SEED);
	for (si = 0; si < NSHAPES && rc == 0; si++) {
		ec_norm_shape s = shapes[si];
		double *x, *gamma, *J;

		if (ec_norm_shape_count(s, &total, &a->err) != EC_OK)
			return -1;
		x = malloc(total * sizeof(double));
		gamma = malloc(s.c * sizeof(double));
		J = malloc(total * total * sizeof(double));
		if (!x || !gamma || !J) {
			ec_error_set(&a->err, EC_ERR_NOMEM, "out of memory for a Jacobian");
			rc = -1;
		}
		if (rc == 0) {
			ec_xorshift_fill(&g, x, total, -2, 2);
			ec_xorshift_fill(&g, gamma, s.c, 0.5, 1.5);
		}
		for (kind = EC_NORM_BATCH; kind <= EC_NORM_LAYER && rc == 0; kind++) {
			if (ec_norm_jacobian_fd((ec_norm_kind)kind, s, x, gamma, NULL, EPS, FD_STEP, J,
						&a->err) != EC_OK ||
			    max_cross_count(s, J, &counts[si][kind][0], &a->err) != EC_OK)
				rc = -1;
			else if (ec_showing(a) &&
				 (ec_norm_jacobian((ec_norm_kind)kind, s, x, gamma, EPS, J, &a->err) !=
					  EC_OK ||
				  max_cross_count(s, J, &counts[si][kind][1], &a->err) != EC_OK))
				rc = -1;
		}
		free(x);
		free(gamma);
		free(J);
	}
	return rc;
}

int ec_ans_2_4(ec_actx *a)
{
	uint64_t counts[NSHAPES][2][2], f[NSHAPES][NOPTS];
	int exact[NOPTS], bound[NOPTS];
	char key[11] = "", shown[31] = "", alt_key[11] = "", alt_shown[31] = "";
	size_t si, o;

	if (measure(a, counts) != 0)
		return -1;
	for (o = 0; o < NOPTS; o++) {
		exact[o] = bound[o] = 1;
		for (si = 0; si < NSHAPES; si++) {
			uint64_t got = counts[si][opts[o].kind][0];

			if (ec_norm_monomial(shapes[si], opts[o].hw, opts[o].c, &f[si][o], &a->err) != EC_OK)
				return -1;
			if (got != f[si][o])
				exact[o] = 0;
			if (got > f[si][o])
				bound[o] = 0;
		}
		if (exact[o])
			ec_option_add(key, shown, opts[o].letter);
		if (bound[o])
			ec_option_add(alt_key, alt_shown, opts[o].letter);
	}
	if (!ec_showing(a))
		return ec_keyf(a, "2.4", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
	ec_answer(a, "%s", shown[0] ? shown : "none");
	ec_say(a, "A normalisation layer maps inputs x_1..x_N (each H x W x C) to outputs\n"
		  "y_1..y_N. For two different samples i != j, the block dy_i/dx_j is an\n"
		  "(H W C) x (H W C) matrix; the options bound how many of its entries can be\n"
		  "nonzero, for batch norm (A-C) and for layer norm (D-F).\n\n");
	ec_say(a, "Reasoning. Batch norm takes one mean and variance per channel over all N\n"
		  "samples and all H W positions, so output (h, w, c) of sample i depends on\n"
		  "the H W inputs of channel c in sample j (through that mean and variance)\n"
		  "and on nothing of the other channels: H W rows times H W columns in each of\n"
		  "C channels, H^2 W^2 C entries. Layer norm takes its statistics inside one\n"
		  "sample, so y_i does not depend on x_j at all: every entry is 0.\n\n");
	ec_say(a, "Demonstration. The full Jacobian dy/dx was computed by central finite\n"
		  "differences (step %g) and analytically, on inputs drawn uniformly from\n"
		  "[-2, 2] by a xorshift generator (seed %d), per-channel gamma in [0.5, 1.5],\n"
		  "eps %g. Entries above %g in size count as nonzero; the table shows the\n"
		  "largest count over all pairs i != j.\n\n",
	       FD_STEP, SEED, EPS, TOL);
	ec_say(a, "  shape (N,H,W,C)  batch fd/analytic  layer fd/analytic     C  H^2W^2C  H^2W^2C^2\n");
	for (si = 0; si < NSHAPES; si++) {
		char sh[48];

		snprintf(sh, sizeof(sh), "(%zu,%zu,%zu,%zu)", shapes[si].n, shapes[si].h, shapes[si].w,
			 shapes[si].c);
		ec_say(a, "  %-15s  %7llu / %-7llu  %7llu / %-7llu  %5llu  %7llu  %9llu\n", sh,
		       (unsigned long long)counts[si][EC_NORM_BATCH][0],
		       (unsigned long long)counts[si][EC_NORM_BATCH][1],
		       (unsigned long long)counts[si][EC_NORM_LAYER][0],
		       (unsigned long long)counts[si][EC_NORM_LAYER][1], (unsigned long long)f[si][0],
		       (unsigned long long)f[si][1], (unsigned long long)f[si][2]);
	}
	ec_say(a, "\nReading taken: \"up to N nonzero terms\" means the largest possible\n"
		  "number is N. Judged against the finite-difference counts:\n");
	for (o = 0; o < NOPTS; o++) {
		ec_say(a, "  %c: %s norm, %-11s: ", opts[o].letter, ec_norm_kind_name(opts[o].kind),
		       opts[o].formula);
		if (exact[o])
			ec_say(a, "true, equals the count for every shape\n");
		else if (opts[o].kind == EC_NORM_LAYER)
			ec_say(a, "false, layer norm has no nonzero cross-sample entry\n");
		else
			ec_say(a, "false, it gives %llu for (%zu,%zu,%zu,%zu), the count is %llu\n",
			       (unsigned long long)f[0][o], shapes[0].n, shapes[0].h, shapes[0].w,
			       shapes[0].c,
			       (unsigned long long)counts[0][opts[o].kind][0]);
	}
	ec_say(a, "\nOther reading: if \"up to N\" only promised an upper bound (at most N),\n"
		  "every option whose formula is at least the count would hold, and layer\n"
		  "norm's 0 is below any bound. That reading answers %s.\n",
	       alt_shown[0] ? alt_shown : "none");
	return ec_keyf(a, "2.4", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
}
