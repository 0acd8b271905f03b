/*
 * q2_10.c: Q2.10, statements about recurrent networks. A scalar linear RNN
 * backpropagated through time (libexamcheck's ec_gradflow.h) shows the
 * gradient exploding for |w| > 1 and vanishing for |w| < 1, clipping by
 * norm scaling the first down and leaving the second as it is; one tanh
 * RNN reads sequences of several lengths.
 */
#include <math.h>
#include <string.h>

#include "examcheck/ec_gradflow.h"
#include "examcheck/ec_xorshift.h"
#include "mc.h"

#define T      20
#define SEED   210
#define U      1.0
#define H0     0.5
#define CLIP   1.0
#define FACTOR 1e3

static const double ws[2] = {0.5, 1.5};
static const size_t lengths[3] = {3, 5, 8};

/* The options, as the exam writes them; NONE stays last. */
enum { EXPLODING, LENGTHS, CLIPPING, NONE, OPTIONS };

static const char *const option_text[OPTIONS] = {
	"exploding gradients can get in the way of training them",
	("unlike plain feed-forward networks, they can learn from sequences of\n"
	 "different lengths"),
	"gradient clipping can help an RNN that suffers from vanishing gradients",
	"none of these",
};

/* ---- the solution (small enough to compute whole for the key) ---- */

struct solution {
	const ec_exam_params *p;
	double dh[2][T + 1];	      /* dh_T/dh_t of the linear RNN for each w */
	double before[2], clipped[2]; /* dh_T/dh_0 before and after clipping */
	double last[3];		      /* the tanh RNN's final state for each length */
	bool explodes, vanishes, clip_grows_small;
	bool holds[OPTIONS];
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double x[T], h[T + 1], dv[T + 1];
	bool every_length = true;
	ec_xorshift g;
	size_t k;

	sol->p = s->p;
	ec_xorshift_seed(&g, SEED);
	ec_xorshift_fill(&g, x, T, -1, 1);
	for (k = 0; k < 2; k++) {
		if (ec_gradflow_rnn_scalar(EC_ACT_LINEAR, ws[k], U, H0, x, T, h, sol->dh[k], err) !=
		    EC_OK)
			return -1;
		sol->clipped[k] = sol->dh[k][0];
		if (ec_gradflow_clip_by_norm(&sol->clipped[k], 1, CLIP, &sol->before[k], err) !=
		    EC_OK)
			return -1;
		if (sol->before[k] > FACTOR)
			sol->explodes = true;
		if (sol->before[k] < 1 / FACTOR) {
			sol->vanishes = true;
			if (sol->clipped[k] > sol->before[k])
				sol->clip_grows_small = true;
		}
	}
	/* one network, the same two weights, every length */
	for (k = 0; k < 3; k++) {
		if (ec_gradflow_rnn_scalar(EC_ACT_TANH, ws[0], U, 0, x, lengths[k], h, dv, err) !=
		    EC_OK)
			return -1;
		sol->last[k] = h[lengths[k]];
		every_length = every_length && isfinite(sol->last[k]);
	}
	sol->holds[EXPLODING] = sol->explodes;
	sol->holds[LENGTHS] = every_length;
	sol->holds[CLIPPING] = sol->vanishes && sol->clip_grows_small;
	sol->holds[NONE] = !sol->holds[EXPLODING] && !sol->holds[LENGTHS] && !sol->holds[CLIPPING];
	return 0;
}

/* ---- the worked answer and the key ---- */

static void say_option(ec_actx *a, const struct solution *sol, size_t k, char letter)
{
	const char *verdict = sol->holds[k] ? "true" : "false";
	char some[32];
	size_t n;

	switch (k) {
	case EXPLODING:
		ec_say(a,
		       "  %c: %s: with |w| > 1 the gradient grows as w^T (%.4g after %d steps);\n"
		       "     such gradients make updates blow up.\n",
		       letter, verdict, sol->before[1], T);
		break;
	case LENGTHS:
		ec_say(a,
		       "  %c: %s: the recurrence applies the same weights at every step, so\n"
		       "     a sequence of any length is processed; a feed-forward net has a\n"
		       "     fixed input size.\n",
		       letter, verdict);
		break;
	case CLIPPING:
		ec_say(a,
		       "  %c: %s: clipping only scales a gradient down when it is too large;\n"
		       "     the vanishing %.4g stays %.4g. Vanishing gradients need other\n"
		       "     remedies (gated cells such as LSTM/GRU, careful initialisation).\n",
		       letter, verdict, sol->before[0], sol->clipped[0]);
		break;
	default:
		if (sol->holds[k]) {
			ec_mc_others(a->params, "2.10", OPTIONS, NONE, sol->holds, false, ", ",
				     ", ", some, sizeof(some));
			ec_say(a, "  %c: true: none of %s holds.\n", letter, some);
		} else {
			n = ec_mc_others(a->params, "2.10", OPTIONS, NONE, sol->holds, true, ", ",
					 ", ", some, sizeof(some));
			ec_say(a, "  %c: false: %s hold%s.\n", letter, some, n == 1 ? "s" : "");
		}
		break;
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_exam_params *p = a->params;
	char key[11], shown[31];
	size_t k, t, pos;

	ec_mc_answer(p, "2.10", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.10", EC_KEY_MC, 4, "%s", key);
	ec_answer(a, "%s", shown);
	ec_say(a,
	       "The question asks which statements about recurrent networks hold:\n"
	       "exploding gradients can hamper training (%c), RNNs handle inputs of\n"
	       "varying length (%c), clipping helps against vanishing gradients (%c),\n"
	       "or none (%c).\n\n",
	       ec_option_letter(p, "2.10", EXPLODING), ec_option_letter(p, "2.10", LENGTHS),
	       ec_option_letter(p, "2.10", CLIPPING), ec_option_letter(p, "2.10", NONE));
	ec_say(a,
	       "Demonstration: the scalar RNN h_t = w h_(t-1) + u x_t (linear, u = %g,\n"
	       "h_0 = %g, %d inputs in [-1, 1] from xorshift seed %d). Backpropagation\n"
	       "through time gives dh_%d/dh_t = w^(%d - t):\n\n",
	       U, H0, T, SEED, T, T);
	ec_say(a, "  w     ");
	for (t = T + 1; t-- > 0;)
		if (t % 5 == 0) {
			char label[32];

			snprintf(label, sizeof(label), "t = %zu", t);
			ec_say(a, "  %14s", label);
		}
	ec_say(a, "\n");
	for (k = 0; k < 2; k++) {
		ec_say(a, "  %-4g  ", ws[k]);
		for (t = T + 1; t-- > 0;)
			if (t % 5 == 0)
				ec_say(a, "  %14.4g", sol->dh[k][t]);
		ec_say(a, "\n");
	}
	ec_say(a, "\nGradient clipping to norm %g of dh_%d/dh_0:\n", CLIP, T);
	for (k = 0; k < 2; k++)
		ec_say(a, "  w = %-4g  %-12.4g -> %-12.4g %s\n", ws[k], sol->before[k],
		       sol->clipped[k],
		       sol->clipped[k] < sol->before[k] ? "(scaled down)" : "(unchanged)");
	ec_say(a,
	       "\nThe same two weights (w = %g, u = %g, tanh units) read sequences of\n"
	       "different lengths, one step per element:\n",
	       ws[0], U);
	for (k = 0; k < 3; k++)
		ec_say(a, "  length %zu: final state %.6f\n", lengths[k], sol->last[k]);
	ec_say(a, "\nOptions:\n");
	for (pos = 0; pos < OPTIONS; pos++)
		say_option(a, sol, ec_option_at(p, "2.10", pos), (char)('A' + pos));
	return ec_keyf(a, "2.10", EC_KEY_MC, 4, "%s", key);
}

/* ---- the facts ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f;
	char some[32];
	size_t pos, n;

	if (!(f = ec_facts_add(ex, "2.10", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.10", pos);
		char letter = (char)('A' + pos);

		switch (k) {
		case EXPLODING:
			ec_facts_option(
				f, letter, sol->holds[k],
				"backpropagation through time multiplies by w at each step: "
				"with w = %g, dh_%d/dh_0 = %.4g, and such gradients make updates "
				"blow up",
				ws[1], T, sol->before[1]);
			break;
		case LENGTHS:
			ec_facts_option(f, letter, sol->holds[k],
					"the same weights apply at every step, so sequences of any "
					"length are read (lengths %zu, %zu and %zu run through one "
					"network)",
					lengths[0], lengths[1], lengths[2]);
			break;
		case CLIPPING:
			ec_facts_option(
				f, letter, sol->holds[k],
				"clipping only scales a gradient down when it is too large: the "
				"vanishing %.4g (w = %g) stays %.4g",
				sol->before[0], ws[0], sol->clipped[0]);
			break;
		default:
			if (sol->holds[k]) {
				ec_mc_others(sol->p, "2.10", OPTIONS, NONE, sol->holds, false, ", ",
					     " and ", some, sizeof(some));
				ec_facts_option(f, letter, true, "none of %s holds", some);
			} else {
				n = ec_mc_others(sol->p, "2.10", OPTIONS, NONE, sol->holds, true,
						 ", ", " and ", some, sizeof(some));
				ec_facts_option(f, letter, false, "%s hold%s", some,
						n == 1 ? "s" : "");
			}
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
	ec_text_para(t, "Which statements about recurrent neural networks hold?");
	for (pos = 0; pos < OPTIONS; pos++)
		ec_text_option(t, (char)('A' + pos), "%s",
			       option_text[ec_option_at(s->p, "2.10", pos)]);
	return 0;
}

const ec_module ec_module_2_10 = {
	.id = "2.10",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.last_stays = true,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
