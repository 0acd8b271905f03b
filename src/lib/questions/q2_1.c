/*
 * q2_1.c: Q2.1, which change cannot alter the accuracy of kNN with L1
 * distance. Each change is run on noisy digit images (libexamcheck's data
 * sets and kNN): more training images, a larger k, L2 distance, and every
 * image mirrored, which permutes the pixels of both sides alike and so
 * leaves every L1 distance as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"
#include "mc.h"

#define SIGMA	       120.0
#define INK	       200.0
#define POOL_PER_CLASS 20
#define TEST_PER_CLASS 10
#define N_BIG	       200
#define N_SMALL	       30
#define K_BASE	       1
#define K_BIG	       5
#define SEED	       21

/* The options, as the exam writes them; EACH_CHANGES stays last. */
enum { MORE_DATA, LARGER_K, L2, FLIPPED, EACH_CHANGES, OPTIONS };
#define CHANGES EACH_CHANGES

static const char *const option_text[OPTIONS] = {
	"a larger training set",
	"a larger k",
	"L2 distance instead of L1",
	"every training and test image flipped horizontally",
	"each of the changes above changes the accuracy",
};

/* ---- the solution: every change run once (the key needs them all) ---- */

struct solution {
	const ec_exam_params *p;
	size_t tests, small, big; /* test images; training images of the baseline and of A */
	size_t base;		  /* test images right at the baseline */
	size_t right[CHANGES];	  /* ... and with each change */
	size_t same_pred, same_dist, pairs; /* predictions and distances equal when mirrored */
	bool affects[CHANGES];
	bool holds[OPTIONS];
};

struct sets {
	ec_dataset pool, test, big, rest, small, unused, small_f, test_f, none1, none2;
};

static void free_sets(struct sets *s)
{
	ec_dataset *all[] = {&s->pool,	 &s->test,    &s->big,	  &s->rest,  &s->small,
			     &s->unused, &s->small_f, &s->test_f, &s->none1, &s->none2};
	size_t i;

	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		ec_dataset_free(all[i]);
}

/* The data sets, the five evaluations and the mirrored distances into sol. */
static int run(struct sets *s, struct solution *sol, ec_error *err)
{
	size_t i, j;
	ec_rng rng;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_digits(&s->pool, POOL_PER_CLASS, INK, SIGMA, &rng, err) != EC_OK ||
	    ec_dataset_digits(&s->test, TEST_PER_CLASS, INK, SIGMA, &rng, err) != EC_OK ||
	    ec_dataset_split(&s->pool, N_BIG, &rng, &s->big, &s->rest, err) != EC_OK ||
	    ec_dataset_split(&s->big, N_SMALL, NULL, &s->small, &s->unused, err) != EC_OK ||
	    ec_dataset_split(&s->small, s->small.n, NULL, &s->small_f, &s->none1, err) != EC_OK ||
	    ec_dataset_split(&s->test, s->test.n, NULL, &s->test_f, &s->none2, err) != EC_OK ||
	    ec_dataset_flip(&s->small_f, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, err) !=
		    EC_OK ||
	    ec_dataset_flip(&s->test_f, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, err) != EC_OK)
		return -1;
	if (ec_knn_evaluate(&s->small, &s->test, K_BASE, EC_METRIC_L1, &sol->base, NULL, err) ||
	    ec_knn_evaluate(&s->big, &s->test, K_BASE, EC_METRIC_L1, &sol->right[MORE_DATA], NULL,
			    err) ||
	    ec_knn_evaluate(&s->small, &s->test, K_BIG, EC_METRIC_L1, &sol->right[LARGER_K], NULL,
			    err) ||
	    ec_knn_evaluate(&s->small, &s->test, K_BASE, EC_METRIC_L2, &sol->right[L2], NULL,
			    err) ||
	    ec_knn_evaluate(&s->small_f, &s->test_f, K_BASE, EC_METRIC_L1, &sol->right[FLIPPED],
			    NULL, err))
		return -1;
	for (i = 0; i < s->test.n; i++) {
		const double *t = s->test.x + i * s->test.dim, *tf = s->test_f.x + i * s->test.dim;
		size_t p, pf;

		if (ec_knn_predict(&s->small, t, K_BASE, EC_METRIC_L1, &p, NULL, err) != EC_OK ||
		    ec_knn_predict(&s->small_f, tf, K_BASE, EC_METRIC_L1, &pf, NULL, err) != EC_OK)
			return -1;
		sol->same_pred += p == pf;
		for (j = 0; j < s->small.n; j++, sol->pairs++)
			sol->same_dist +=
				ec_distance(EC_METRIC_L1, t, s->small.x + j * s->small.dim,
					    s->small.dim) ==
				ec_distance(EC_METRIC_L1, tf, s->small_f.x + j * s->small.dim,
					    s->small.dim);
	}
	sol->tests = s->test.n;
	sol->small = s->small.n;
	sol->big = s->big.n;
	return 0;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	struct sets sets;
	size_t k;
	int rc;

	sol->p = s->p;
	memset(&sets, 0, sizeof(sets));
	rc = run(&sets, sol, err);
	free_sets(&sets);
	if (rc != 0)
		return -1;
	for (k = 0; k < CHANGES; k++)
		sol->affects[k] = sol->right[k] != sol->base;
	/* mirroring is judged by every distance and prediction, not by the accuracy alone */
	sol->affects[FLIPPED] = sol->affects[FLIPPED] || sol->same_pred != sol->tests ||
				sol->same_dist != sol->pairs;
	sol->holds[EACH_CHANGES] = true;
	for (k = 0; k < CHANGES; k++) {
		sol->holds[k] = !sol->affects[k];
		sol->holds[EACH_CHANGES] = sol->holds[EACH_CHANGES] && sol->affects[k];
	}
	return 0;
}

/* ---- the worked answer and the key ---- */

static double pct(size_t right, size_t n)
{
	return 100.0 * (double)right / (double)n;
}

/* The changes that leave the accuracy as it was: "D", "A and D". */
static size_t unchanged(const ec_exam_params *p, const struct solution *sol, char *buf, size_t size)
{
	bool pick[OPTIONS] = {false};
	size_t k;

	for (k = 0; k < CHANGES; k++)
		pick[k] = !sol->affects[k];
	return ec_mc_letters(p, "2.1", OPTIONS, pick, ", ", " and ", buf, size);
}

/* The demonstration's setting for change k: "200 training images". */
static void setting(const struct solution *sol, size_t k, char *buf, size_t size)
{
	switch (k) {
	case MORE_DATA:
		snprintf(buf, size, "%zu training images", sol->big);
		break;
	case LARGER_K:
		snprintf(buf, size, "k = %d", K_BIG);
		break;
	case L2:
		snprintf(buf, size, "L2 distance");
		break;
	default:
		snprintf(buf, size, "train and test images mirrored");
		break;
	}
}

static void say_row(ec_actx *a, char letter, const char *what, size_t right, size_t n)
{
	char text[64];

	if (letter)
		snprintf(text, sizeof(text), "%c  %s", letter, what);
	else
		snprintf(text, sizeof(text), "%s", what);
	ec_say(a, "  %-36s %3zu/%zu   %5.1f%%\n", text, right, n, pct(right, n));
}

/* What option k says about the demonstration, under its letter. */
static void say_option(ec_actx *a, const struct solution *sol, size_t k, char letter)
{
	const char *verdict = k < CHANGES && sol->affects[k] ? "affects" : "did not affect";
	double base = pct(sol->base, sol->tests);
	char which[32];

	switch (k) {
	case MORE_DATA:
		ec_say(a,
		       "%c: %s. More training images give more candidates to be near a test\n"
		       "   image; here accuracy moved from %.1f%% to %.1f%%.\n",
		       letter, verdict, base, pct(sol->right[k], sol->tests));
		break;
	case LARGER_K:
		ec_say(a,
		       "%c: %s. A larger k lets farther neighbours vote (smoother but blurrier\n"
		       "   boundaries); here %.1f%% became %.1f%%.\n",
		       letter, verdict, base, pct(sol->right[k], sol->tests));
		break;
	case L2:
		ec_say(a,
		       "%c: %s. L2 weighs large pixel differences more than L1, so the\n"
		       "   neighbour order changes; here %.1f%% became %.1f%%.\n",
		       letter, verdict, base, pct(sol->right[k], sol->tests));
		break;
	case FLIPPED:
		ec_say(a,
		       "%c: %s. Flipping both images permutes their pixels the same way, and\n"
		       "   a sum of |differences| does not depend on the order of its terms, so\n"
		       "   every distance, every neighbour and every prediction stays the same\n"
		       "   (a vertical flip likewise):\n"
		       "   %zu of %zu test-training distances and %zu of %zu predictions equal.\n",
		       letter, sol->affects[k] ? "affects" : "cannot affect", sol->same_dist,
		       sol->pairs, sol->same_pred, sol->tests);
		break;
	default:
		if (sol->holds[k])
			ec_say(a, "%c: true: every option above affects the accuracy.\n", letter);
		else {
			size_t n = unchanged(a->params, sol, which, sizeof(which));

			ec_say(a, "%c: false, since %s leave%s the accuracy unchanged.\n", letter,
			       which, n == 1 ? "s" : "");
		}
		break;
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const bool can_change[OPTIONS] = {true, true, true, false, false};
	char key[11], shown[31], some[32], label[40];
	size_t pos;

	ec_mc_answer(a->params, "2.1", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.1", EC_KEY_MC, 4, "%s", key);
	ec_answer(a, "%s", shown);
	ec_say(a, "Question: for kNN with L1 distance on images, which change cannot alter\n"
		  "the prediction accuracy?\n\n");
	ec_say(a,
	       "Demonstration: noisy %dx%d digit images (ink %g, Gaussian pixel noise\n"
	       "sigma %g, integer pixels in 0..255), %zu test images; baseline %zu\n"
	       "training images, k = %d, L1. Ties in a vote go to the class of the\n"
	       "nearest neighbour among the tied classes.\n",
	       EC_DIGIT_WIDTH, EC_DIGIT_HEIGHT, INK, SIGMA, sol->tests, sol->small, K_BASE);
	ec_say(a, "  setting                              correct   accuracy\n");
	say_row(a, 0, "baseline", sol->base, sol->tests);
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(a->params, "2.1", pos);

		if (k == EACH_CHANGES)
			continue;
		setting(sol, k, label, sizeof(label));
		say_row(a, (char)('A' + pos), label, sol->right[k], sol->tests);
	}
	ec_say(a, "\n");
	for (pos = 0; pos < OPTIONS; pos++)
		say_option(a, sol, ec_option_at(a->params, "2.1", pos), (char)('A' + pos));
	ec_mc_letters(a->params, "2.1", OPTIONS, can_change, ", ", " and ", some, sizeof(some));
	ec_say(a,
	       "(%s are judged by \"can change the accuracy\": on some data sets\n"
	       "they may happen to leave it equal, but unlike %c nothing guarantees it.)\n",
	       some, ec_option_letter(a->params, "2.1", FLIPPED));
	return ec_keyf(a, "2.1", EC_KEY_MC, 4, "%s", key);
}

/* ---- the facts: each option's truth, with the demonstration's numbers ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	double base = pct(sol->base, sol->tests);
	ec_item_facts *f;
	char which[32];
	size_t pos;

	if (!(f = ec_facts_add(ex, "2.1", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.1", pos);
		char letter = (char)('A' + pos);
		double now = k < CHANGES ? pct(sol->right[k], sol->tests) : 0;

		switch (k) {
		case MORE_DATA:
			ec_facts_option(
				f, letter, sol->holds[k],
				"more training images give other neighbours: accuracy %.1f%% "
				"with %zu images, %.1f%% with %zu (the worked answer's noisy "
				"digits)",
				base, sol->small, now, sol->big);
			break;
		case LARGER_K:
			ec_facts_option(
				f, letter, sol->holds[k],
				"a larger k lets farther neighbours vote: accuracy %.1f%% with "
				"k = %d, %.1f%% with k = %d",
				base, K_BASE, now, K_BIG);
			break;
		case L2:
			ec_facts_option(
				f, letter, sol->holds[k],
				"L2 weighs large pixel differences more than L1, so the "
				"neighbours change: accuracy %.1f%% with L1, %.1f%% with L2",
				base, now);
			break;
		case FLIPPED:
			ec_facts_option(
				f, letter, sol->holds[k],
				"flipping train and test images permutes their pixels alike "
				"and an L1 sum does not depend on the order of its terms: %zu "
				"of %zu distances and %zu of %zu predictions stay the same",
				sol->same_dist, sol->pairs, sol->same_pred, sol->tests);
			break;
		default:
			if (sol->holds[k])
				ec_facts_option(f, letter, true,
						"every change affects the accuracy");
			else {
				size_t n = unchanged(sol->p, sol, which, sizeof(which));

				ec_facts_option(f, letter, false,
						"%s leave%s the accuracy unchanged", which,
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
	ec_text_para(t, "A k-nearest-neighbour classifier with L1 distance labels images. Which "
			"change\nwould NOT change its accuracy?");
	for (pos = 0; pos < OPTIONS; pos++)
		ec_text_option(t, (char)('A' + pos), "%s",
			       option_text[ec_option_at(s->p, "2.1", pos)]);
	return 0;
}

const ec_module ec_module_2_1 = {
	.id = "2.1",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.last_stays = true,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
