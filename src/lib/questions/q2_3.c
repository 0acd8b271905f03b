#include "answers.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"
#include "examcheck/ec_linear.h"

#define SIZES 4

enum growth { GROWTH_CONSTANT, GROWTH_LOG, GROWTH_LINEAR, GROWTH_OTHER };

static const char *const growth_names[] = {"O(1)", "O(log n)", "O(n)", "none of these"};

/*
 * How costs c[i] follow sizes n[i] (a geometric series, n[i+1] = 10 n[i]):
 * all equal is constant, proportional to n is linear, equal positive steps
 * from one size to the next is logarithmic.
 */
static enum growth classify(const uint64_t *c, const size_t *n, size_t count)
{
	int constant = 1, linear = 1, logarithmic = 1;
	size_t i;

	for (i = 1; i < count; i++) {
		if (c[i] != c[0])
			constant = 0;
		/* c[i] / n[i] == c[0] / n[0], cross-multiplied (exact for these sizes). */
		if ((double)c[i] * (double)n[0] != (double)c[0] * (double)n[i])
			linear = 0;
		if (c[i] <= c[i - 1] || c[i] - c[i - 1] != c[1] - c[0])
			logarithmic = 0;
	}
	return constant ? GROWTH_CONSTANT
	       : linear ? GROWTH_LINEAR
	       : logarithmic ? GROWTH_LOG
			     : GROWTH_OTHER;
}

static int measure(ec_actx *a, size_t n, const double *query, ec_knn_cost *knn,
		   uint64_t *svm, size_t *knn_label, size_t *svm_label)
{
	const ec_train_opts train = {{EC_LOSS_HINGE, 1, 0.001}, 0.0001, 10};
	ec_dataset ds = {0};
	ec_linear m = {0};
	double scores[10];
	ec_rng rng;
	int rc = -1;

	ec_rng_seed(&rng, 23);
	memset(knn, 0, sizeof(*knn));
	if (ec_dataset_digits(&ds, n / 10, 200, 60, &rng, &a->err) == EC_OK &&
	    ec_knn_predict(&ds, query, 1, EC_METRIC_L1, knn_label, knn, &a->err) == EC_OK &&
	    ec_linear_init(&m, ds.classes, ds.dim, &a->err) == EC_OK &&
	    ec_linear_train(&m, &ds, &train, NULL, &a->err) == EC_OK &&
	    ec_linear_predict_cost(m.classes, m.dim, svm, &a->err) == EC_OK) {
		ec_linear_scores(&m, query, scores);
		*svm_label = ec_argmax(scores, m.classes);
		rc = 0;
	}
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	return rc;
}

static const size_t sizes[SIZES] = {10, 100, 1000, 10000};

static const struct {
	char letter;
	enum growth knn, svm;
} options[] = {
	{'A', GROWTH_CONSTANT, GROWTH_CONSTANT}, {'B', GROWTH_LOG, GROWTH_CONSTANT},
	{'C', GROWTH_LINEAR, GROWTH_LINEAR},     {'D', GROWTH_CONSTANT, GROWTH_LINEAR},
	{'E', GROWTH_LINEAR, GROWTH_CONSTANT},
};

/* The options whose growth classes match the kNN terms and SVM multiplications. */
static void matching(const uint64_t *terms, const uint64_t *svm, enum growth *gk,
		     enum growth *gs, char letters[8])
{
	size_t i;

	*gk = classify(terms, sizes, SIZES);
	*gs = classify(svm, sizes, SIZES);
	memset(letters, 0, 8);
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (options[i].knn == *gk && options[i].svm == *gs)
			letters[strlen(letters)] = options[i].letter;
}

/*
 * The key alone: the same counts from the library's cost model (what a
 * 1-NN query and a linear prediction cost at each size), without building
 * data sets or training. The worked answer counts them while it runs.
 */
static int key_only(ec_actx *a)
{
	uint64_t terms[SIZES], svm[SIZES];
	enum growth gk, gs;
	char letters[8];
	size_t i;

	for (i = 0; i < SIZES; i++) {
		ec_knn_cost knn = {0, 0};

		if (ec_knn_query_cost(sizes[i], EC_DIGIT_PIXELS, &knn, &a->err) != EC_OK ||
		    ec_linear_predict_cost(EC_DIGIT_CLASSES, EC_DIGIT_PIXELS, &svm[i], &a->err) !=
			    EC_OK)
			return -1;
		terms[i] = knn.terms;
	}
	matching(terms, svm, &gk, &gs, letters);
	return ec_keyf(a, "2.3", EC_KEY_MC, 4, "%s", letters) ? -1 : 0;
}

int ec_ans_2_3(ec_actx *a)
{
	ec_knn_cost knn[SIZES];
	uint64_t terms[SIZES], svm[SIZES];
	size_t knn_label[SIZES], svm_label[SIZES], i;
	double query[EC_DIGIT_PIXELS];
	enum growth gk, gs;
	char letters[8];

	if (!ec_showing(a))
		return key_only(a);
	if (ec_digit_image(3, query, &a->err) != EC_OK)
		return -1;
	for (i = 0; i < EC_DIGIT_PIXELS; i++)
		query[i] *= 200;
	for (i = 0; i < SIZES; i++) {
		if (measure(a, sizes[i], query, &knn[i], &svm[i], &knn_label[i], &svm_label[i]))
			return -1;
		terms[i] = knn[i].terms;
	}
	matching(terms, svm, &gk, &gs, letters);

	ec_answer(a, "%s", letters[0] ? letters : "(no option matches)");
	ec_say(a, "Question: as the number n of training samples grows, how does the cost of\n"
		  "classifying one test input grow for kNN and for a linear SVM?\n\n");
	ec_say(a, "kNN does no work at training time (it stores the data) and pays at test\n"
		  "time: the query is compared with all n stored samples, O(n d) for d\n"
		  "features, i.e. O(n) for fixed d. A linear SVM pays at training time and\n"
		  "then keeps only W (K x d) and b: a prediction is K dot products, O(K d),\n"
		  "which does not depend on n at all, i.e. O(1).\n\n");
	ec_say(a, "Demonstration: noisy 5x7 digit images (10 classes, %d features); for each\n"
		  "n the same query image (a clean 3) is classified by brute-force 1-NN (work\n"
		  "counted while it runs) and by a linear SVM trained on the same n samples.\n",
	       EC_DIGIT_PIXELS);
	ec_say(a, "  n        kNN distances   kNN terms   SVM multiplications   labels (kNN, SVM)\n");
	for (i = 0; i < SIZES; i++)
		ec_say(a, "  %-7zu  %13llu   %9llu   %19llu   %zu, %zu\n", sizes[i],
		       (unsigned long long)knn[i].distances, (unsigned long long)knn[i].terms,
		       (unsigned long long)svm[i], knn_label[i], svm_label[i]);
	ec_say(a, "kNN work grows as %s (terms / n = %llu each time); the SVM's stays at\n"
		  "%llu, %s.\n\n",
	       growth_names[gk], (unsigned long long)(terms[0] / sizes[0]),
	       (unsigned long long)svm[0], growth_names[gs]);
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		ec_say(a, "%c: kNN %s, SVM %s: %s.\n", options[i].letter,
		       growth_names[options[i].knn],
		       growth_names[options[i].svm],
		       options[i].knn == gk && options[i].svm == gs ? "matches" : "does not match");
	ec_say(a, "\nO(log n) for kNN would need an index such as a k-d tree, whose exact\n"
		  "search is only fast on average in low dimension and still O(n) in the\n"
		  "worst case; plain kNN, as taught, scans all n samples.\n");
	if (ec_keyf(a, "2.3", EC_KEY_MC, 4, "%s", letters))
		return -1;
	return 0;
}
