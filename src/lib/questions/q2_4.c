/*
 * q2_4.c: Q2.4, how many entries of the cross-sample Jacobian block
 * dy_i/dx_j (i != j) of batch and layer normalisation can be nonzero. The
 * Jacobians of a few small shapes are taken by finite differences (and,
 * for the worked answer, analytically: libexamcheck's ec_norm.h); an
 * option holds when its formula equals the largest count for every shape.
 */
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_norm.h"
#include "examcheck/ec_xorshift.h"
#include "mc.h"

#define NSHAPES 4
#define EPS	1e-5
#define FD_STEP 1e-5
#define TOL	1e-7
#define SEED	2024

static const ec_norm_shape shapes[NSHAPES] = {
	{2, 1, 2, 3},
	{3, 2, 2, 2},
	{2, 2, 3, 2},
	{3, 3, 1, 4},
};

/* The options, as the exam writes them: a layer, and the formula (H W)^hw * C^c. */
enum { OPTIONS = 6 };

static const struct {
	ec_norm_kind kind;
	unsigned hw, c;
	const char *formula;
} options[OPTIONS] = {
	{EC_NORM_BATCH, 0, 1, "C"},	      {EC_NORM_BATCH, 2, 1, "H^2 W^2 C"},
	{EC_NORM_BATCH, 2, 2, "H^2 W^2 C^2"}, {EC_NORM_LAYER, 0, 1, "C"},
	{EC_NORM_LAYER, 2, 1, "H^2 W^2 C"},   {EC_NORM_LAYER, 2, 2, "H^2 W^2 C^2"},
};

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	/* [shape][kind][0 = finite differences, 1 = analytic (EC_DEPTH_WORKED)] */
	uint64_t counts[NSHAPES][2][2];
	uint64_t formula[NSHAPES][OPTIONS]; /* each option's formula at each shape */
	bool exact[OPTIONS]; /* the formula is the count for every shape: the answer */
	bool bound[OPTIONS]; /* ... or at least the count (the other reading) */
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
 * The counts of every shape and kind. The options are judged on the finite
 * differences; the analytic counts are only shown beside them.
 */
static int measure(struct solution *sol, bool analytic, ec_error *err)
{
	ec_xorshift g;
	size_t si, total;
	int kind, rc = 0;

	ec_xorshift_seed(&g, SEED);
	for (si = 0; si < NSHAPES && rc == 0; si++) {
		ec_norm_shape s = shapes[si];
		double *x, *gamma, *J;

		if (ec_norm_shape_count(s, &total, err) != EC_OK)
			return -1;
		x = malloc(total * sizeof(double));
		gamma = malloc(s.c * sizeof(double));
		J = malloc(total * total * sizeof(double));
		if (!x || !gamma || !J) {
			ec_error_set(err, EC_ERR_NOMEM, "out of memory for a Jacobian");
			rc = -1;
		}
		if (rc == 0) {
			ec_xorshift_fill(&g, x, total, -2, 2);
			ec_xorshift_fill(&g, gamma, s.c, 0.5, 1.5);
		}
		for (kind = EC_NORM_BATCH; kind <= EC_NORM_LAYER && rc == 0; kind++) {
			uint64_t *c = sol->counts[si][kind];

			if (ec_norm_jacobian_fd((ec_norm_kind)kind, s, x, gamma, NULL, EPS, FD_STEP,
						J, err) != EC_OK ||
			    max_cross_count(s, J, &c[0], err) != EC_OK)
				rc = -1;
			else if (analytic && (ec_norm_jacobian((ec_norm_kind)kind, s, x, gamma, EPS,
							       J, err) != EC_OK ||
					      max_cross_count(s, J, &c[1], err) != EC_OK))
				rc = -1;
		}
		free(x);
		free(gamma);
		free(J);
	}
	return rc;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	size_t si, k;

	sol->p = s->p;
	if (measure(sol, s->depth >= EC_DEPTH_WORKED, err) != 0)
		return -1;
	for (k = 0; k < OPTIONS; k++) {
		sol->exact[k] = sol->bound[k] = true;
		for (si = 0; si < NSHAPES; si++) {
			uint64_t got = sol->counts[si][options[k].kind][0];

			if (ec_norm_monomial(shapes[si], options[k].hw, options[k].c,
					     &sol->formula[si][k], err) != EC_OK)
				return -1;
			sol->exact[k] = sol->exact[k] && got == sol->formula[si][k];
			sol->bound[k] = sol->bound[k] && got <= sol->formula[si][k];
		}
	}
	return 0;
}

/* ---- the worked answer and the key ---- */

/* A formula without its spaces: "H^2W^2C". */
static const char *squeezed(const char *formula, char *buf, size_t size)
{
	size_t n = 0;

	for (; *formula && n + 1 < size; formula++)
		if (*formula != ' ')
			buf[n++] = *formula;
	buf[n] = '\0';
	return buf;
}

/* The letters of the options on layer `kind`: "A-C" when they run in a row, else "A, C, E". */
static void letters_of(const ec_exam_params *p, ec_norm_kind kind, char *buf, size_t size)
{
	bool pick[OPTIONS];
	size_t k, pos, first = OPTIONS, last = 0, n = 0;

	for (k = 0; k < OPTIONS; k++)
		pick[k] = options[k].kind == kind;
	for (pos = 0; pos < OPTIONS; pos++)
		if (pick[ec_option_at(p, "2.4", pos)]) {
			first = first < pos ? first : pos;
			last = pos;
			n++;
		}
	if (n > 2 && last - first + 1 == n)
		snprintf(buf, size, "%c-%c", (char)('A' + first), (char)('A' + last));
	else
		ec_mc_letters(p, "2.4", OPTIONS, pick, ", ", ", ", buf, size);
}

static void say_table(ec_actx *a, const struct solution *sol)
{
	char f[3][16];
	size_t si, k;

	for (k = 0; k < 3; k++)
		squeezed(options[k].formula, f[k], sizeof(f[k]));
	ec_say(a, "  shape (N,H,W,C)  batch fd/analytic  layer fd/analytic %5s  %7s  %9s\n", f[0],
	       f[1], f[2]);
	for (si = 0; si < NSHAPES; si++) {
		const uint64_t(*c)[2] = sol->counts[si];
		char sh[48];

		snprintf(sh, sizeof(sh), "(%zu,%zu,%zu,%zu)", shapes[si].n, shapes[si].h,
			 shapes[si].w, shapes[si].c);
		ec_say(a, "  %-15s  %7llu / %-7llu  %7llu / %-7llu  %5llu  %7llu  %9llu\n", sh,
		       (unsigned long long)c[EC_NORM_BATCH][0],
		       (unsigned long long)c[EC_NORM_BATCH][1],
		       (unsigned long long)c[EC_NORM_LAYER][0],
		       (unsigned long long)c[EC_NORM_LAYER][1],
		       (unsigned long long)sol->formula[si][0],
		       (unsigned long long)sol->formula[si][1],
		       (unsigned long long)sol->formula[si][2]);
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	char key[11], shown[31], alt_key[11], alt_shown[31], batch[24], layer[24];
	size_t pos;

	ec_mc_answer(a->params, "2.4", OPTIONS, sol->exact, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.4", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
	ec_mc_answer(a->params, "2.4", OPTIONS, sol->bound, alt_key, alt_shown);
	letters_of(a->params, EC_NORM_BATCH, batch, sizeof(batch));
	letters_of(a->params, EC_NORM_LAYER, layer, sizeof(layer));
	ec_answer(a, "%s", shown[0] ? shown : "none");
	ec_say(a,
	       "A normalisation layer maps inputs x_1..x_N (each H x W x C) to outputs\n"
	       "y_1..y_N. For two different samples i != j, the block dy_i/dx_j is an\n"
	       "(H W C) x (H W C) matrix; the options bound how many of its entries can be\n"
	       "nonzero, for batch norm (%s) and for layer norm (%s).\n\n",
	       batch, layer);
	ec_say(a, "Reasoning. Batch norm takes one mean and variance per channel over all N\n"
		  "samples and all H W positions, so output (h, w, c) of sample i depends on\n"
		  "the H W inputs of channel c in sample j (through that mean and variance)\n"
		  "and on nothing of the other channels: H W rows times H W columns in each of\n"
		  "C channels, H^2 W^2 C entries. Layer norm takes its statistics inside one\n"
		  "sample, so y_i does not depend on x_j at all: every entry is 0.\n\n");
	ec_say(a,
	       "Demonstration. The full Jacobian dy/dx was computed by central finite\n"
	       "differences (step %g) and analytically, on inputs drawn uniformly from\n"
	       "[-2, 2] by a xorshift generator (seed %d), per-channel gamma in [0.5, 1.5],\n"
	       "eps %g. Entries above %g in size count as nonzero; the table shows the\n"
	       "largest count over all pairs i != j.\n\n",
	       FD_STEP, SEED, EPS, TOL);
	say_table(a, sol);
	ec_say(a, "\nReading taken: \"up to N nonzero terms\" means the largest possible\n"
		  "number is N. Judged against the finite-difference counts:\n");
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(a->params, "2.4", pos);

		ec_say(a, "  %c: %s norm, %-11s: ", (char)('A' + pos),
		       ec_norm_kind_name(options[k].kind), options[k].formula);
		if (sol->exact[k])
			ec_say(a, "true, equals the count for every shape\n");
		else if (options[k].kind == EC_NORM_LAYER && sol->counts[0][EC_NORM_LAYER][0] == 0)
			ec_say(a, "false, layer norm has no nonzero cross-sample entry\n");
		else
			ec_say(a, "false, it gives %llu for (%zu,%zu,%zu,%zu), the count is %llu\n",
			       (unsigned long long)sol->formula[0][k], shapes[0].n, shapes[0].h,
			       shapes[0].w, shapes[0].c,
			       (unsigned long long)sol->counts[0][options[k].kind][0]);
	}
	ec_say(a,
	       "\nOther reading: if \"up to N\" only promised an upper bound (at most N),\n"
	       "every option whose formula is at least the count would hold, and layer\n"
	       "norm's 0 is below any bound. That reading answers %s.\n",
	       alt_shown[0] ? alt_shown : "none");
	return ec_keyf(a, "2.4", EC_KEY_MC, 4, "%s", key[0] ? key : "-");
}

/* ---- the facts ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_norm_shape *s0 = &shapes[0];
	ec_item_facts *f;
	size_t pos;

	if (!(f = ec_facts_add(ex, "2.4", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.4", pos);
		const char *name = ec_norm_kind_name(options[k].kind);
		uint64_t count = sol->counts[0][options[k].kind][0];
		char letter = (char)('A' + pos), formula[16];

		squeezed(options[k].formula, formula, sizeof(formula));
		if (sol->exact[k])
			ec_facts_option(f, letter, true,
					"%s norm: %s is the largest count of nonzero entries of "
					"dy_i/dx_j for every shape tried (%llu for (N,H,W,C) = "
					"(%zu,%zu,%zu,%zu), by finite differences)",
					name, formula, (unsigned long long)sol->formula[0][k],
					s0->n, s0->h, s0->w, s0->c);
		else if (count == 0)
			ec_facts_option(
				f, letter, false,
				"%s norm takes its statistics inside one sample: dy_i/dx_j has "
				"%llu nonzero entries, not %s",
				name, (unsigned long long)count, formula);
		else
			ec_facts_option(
				f, letter, false,
				"%s norm: %s gives %llu for (N,H,W,C) = (%zu,%zu,%zu,%zu), "
				"but dy_i/dx_j has %llu nonzero entries (finite differences)",
				name, formula, (unsigned long long)sol->formula[0][k], s0->n, s0->h,
				s0->w, s0->c, (unsigned long long)count);
	}
	ec_mc_facts_answer(f);
	{
		char alt_key[11], alt_shown[31];

		ec_mc_answer(sol->p, "2.4", OPTIONS, sol->bound, alt_key, alt_shown);
		ec_facts_reading(f, "'up to N' read as an upper bound (at most N)", alt_key,
				 "every formula at least the count found holds then: %s",
				 alt_shown[0] ? alt_shown : "none");
	}
	return 0;
}

/* ---- the text ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t,
		     "A normalisation layer maps inputs x_1, ..., x_N to outputs y_1, ..., y_N,\n"
		     "each of shape (H, W, C): height, width, channels; N is the batch size. For\n"
		     "i != j, how many entries of the Jacobian dy_i / dx_j can be nonzero?");
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(s->p, "2.4", pos);

		ec_text_option(t, (char)('A' + pos), "%s normalisation: up to %s",
			       ec_norm_kind_name(options[k].kind), options[k].formula);
	}
	return 0;
}

const ec_module ec_module_2_4 = {
	.id = "2.4",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
