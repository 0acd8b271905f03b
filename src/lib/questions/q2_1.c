#include "answers.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"

#define SIGMA 120.0
#define INK 200.0
#define POOL_PER_CLASS 20
#define TEST_PER_CLASS 10
#define N_BIG 200
#define N_SMALL 30
#define K_BIG 5

struct sets {
	ec_dataset pool, test, big, rest, small, unused, small_f, test_f;
};

static void free_sets(struct sets *s)
{
	ec_dataset_free(&s->pool);
	ec_dataset_free(&s->test);
	ec_dataset_free(&s->big);
	ec_dataset_free(&s->rest);
	ec_dataset_free(&s->small);
	ec_dataset_free(&s->unused);
	ec_dataset_free(&s->small_f);
	ec_dataset_free(&s->test_f);
}

static int copy_set(ec_actx *a, const ec_dataset *src, ec_dataset *dst)
{
	ec_dataset none;

	if (ec_dataset_split(src, src->n, NULL, dst, &none, &a->err) != EC_OK)
		return -1;
	ec_dataset_free(&none);
	return 0;
}

static double pct(size_t right, size_t n)
{
	return 100.0 * (double)right / (double)n;
}

static void say_row(ec_actx *a, const char *option, const char *what, size_t right, size_t n)
{
	char text[64];

	snprintf(text, sizeof(text), "%s%s%s", option, what[0] ? "  " : "", what);
	ec_say(a, "  %-36s %3zu/%zu   %5.1f%%\n", text, right, n, pct(right, n));
}

static int demo(ec_actx *a, struct sets *s)
{
	size_t base, more, bigk, l2, flipped, i, j, same_pred = 0, same_dist = 0, pairs = 0;
	ec_rng rng;
	char letters[8] = "", label[40];
	int affects[4];

	ec_rng_seed(&rng, 21);
	if (ec_dataset_digits(&s->pool, POOL_PER_CLASS, INK, SIGMA, &rng, &a->err) != EC_OK ||
	    ec_dataset_digits(&s->test, TEST_PER_CLASS, INK, SIGMA, &rng, &a->err) != EC_OK ||
	    ec_dataset_split(&s->pool, N_BIG, &rng, &s->big, &s->rest, &a->err) != EC_OK ||
	    ec_dataset_split(&s->big, N_SMALL, NULL, &s->small, &s->unused, &a->err) != EC_OK ||
	    copy_set(a, &s->small, &s->small_f) || copy_set(a, &s->test, &s->test_f) ||
	    ec_dataset_flip(&s->small_f, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, &a->err) ||
	    ec_dataset_flip(&s->test_f, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, EC_FLIP_H, &a->err))
		return -1;
	if (ec_knn_evaluate(&s->small, &s->test, 1, EC_METRIC_L1, &base, NULL, &a->err) ||
	    ec_knn_evaluate(&s->big, &s->test, 1, EC_METRIC_L1, &more, NULL, &a->err) ||
	    ec_knn_evaluate(&s->small, &s->test, K_BIG, EC_METRIC_L1, &bigk, NULL, &a->err) ||
	    ec_knn_evaluate(&s->small, &s->test, 1, EC_METRIC_L2, &l2, NULL, &a->err) ||
	    ec_knn_evaluate(&s->small_f, &s->test_f, 1, EC_METRIC_L1, &flipped, NULL, &a->err))
		return -1;
	for (i = 0; i < s->test.n; i++) {
		size_t p, pf;

		if (ec_knn_predict(&s->small, s->test.x + i * s->test.dim, 1, EC_METRIC_L1, &p,
				   NULL, &a->err) ||
		    ec_knn_predict(&s->small_f, s->test_f.x + i * s->test.dim, 1, EC_METRIC_L1,
				   &pf, NULL, &a->err))
			return -1;
		same_pred += p == pf;
		for (j = 0; j < s->small.n; j++, pairs++)
			same_dist += ec_distance(EC_METRIC_L1, s->test.x + i * s->test.dim,
						 s->small.x + j * s->small.dim, s->small.dim) ==
				     ec_distance(EC_METRIC_L1, s->test_f.x + i * s->test.dim,
						 s->small_f.x + j * s->small.dim, s->small.dim);
	}
	affects[0] = more != base;
	affects[1] = bigk != base;
	affects[2] = l2 != base;
	affects[3] = !(flipped == base && same_pred == s->test.n && same_dist == pairs);
	for (i = 0; i < 4; i++)
		if (!affects[i])
			letters[strlen(letters)] = (char)('A' + i);
	if (!letters[0])
		strcpy(letters, "E");

	ec_answer(a, "%s", letters);
	ec_say(a, "Question: for kNN with L1 distance on images, which change cannot alter\n"
		  "the prediction accuracy?\n\n");
	ec_say(a, "Demonstration: noisy %dx%d digit images (ink %g, Gaussian pixel noise\n"
		  "sigma %g, integer pixels in 0..255), %zu test images; baseline %zu\n"
		  "training images, k = 1, L1. Ties in a vote go to the class of the\n"
		  "nearest neighbour among the tied classes.\n",
	       EC_DIGIT_WIDTH, EC_DIGIT_HEIGHT, INK, SIGMA, s->test.n, s->small.n);
	ec_say(a, "  setting                              correct   accuracy\n");
	say_row(a, "baseline", "", base, s->test.n);
	snprintf(label, sizeof(label), "%zu training images", s->big.n);
	say_row(a, "A", label, more, s->test.n);
	snprintf(label, sizeof(label), "k = %d", K_BIG);
	say_row(a, "B", label, bigk, s->test.n);
	say_row(a, "C", "L2 distance", l2, s->test.n);
	say_row(a, "D", "train and test images mirrored", flipped, s->test.n);
	ec_say(a, "\n");
	ec_say(a, "A: %s. More training images give more candidates to be near a test\n"
		  "   image; here accuracy moved from %.1f%% to %.1f%%.\n",
	       affects[0] ? "affects" : "did not affect", pct(base, s->test.n),
	       pct(more, s->test.n));
	ec_say(a, "B: %s. A larger k lets farther neighbours vote (smoother but blurrier\n"
		  "   boundaries); here %.1f%% became %.1f%%.\n",
	       affects[1] ? "affects" : "did not affect", pct(base, s->test.n),
	       pct(bigk, s->test.n));
	ec_say(a, "C: %s. L2 weighs large pixel differences more than L1, so the\n"
		  "   neighbour order changes; here %.1f%% became %.1f%%.\n",
	       affects[2] ? "affects" : "did not affect", pct(base, s->test.n),
	       pct(l2, s->test.n));
	ec_say(a, "D: %s. Flipping both images permutes their pixels the same way, and\n"
		  "   a sum of |differences| does not depend on the order of its terms, so\n"
		  "   every distance, every neighbour and every prediction stays the same\n"
		  "   (a vertical flip likewise):\n"
		  "   %zu of %zu test-training distances and %zu of %zu predictions equal.\n",
	       affects[3] ? "affects" : "cannot affect", same_dist, pairs, same_pred, s->test.n);
	ec_say(a, "E: %s.\n", strcmp(letters, "E") == 0
				  ? "true: every option above affects the accuracy"
				  : "false, since D leaves the accuracy unchanged");
	ec_say(a, "(A, B and C are judged by \"can change the accuracy\": on some data sets\n"
		  "they may happen to leave it equal, but unlike D nothing guarantees it.)\n");
	if (ec_keyf(a, "2.1", EC_KEY_MC, 4, "%s", letters))
		return -1;
	return 0;
}

int ec_ans_2_1(ec_actx *a)
{
	struct sets s;
	int rc;

	memset(&s, 0, sizeof(s));
	rc = demo(a, &s);
	free_sets(&s);
	return rc;
}
