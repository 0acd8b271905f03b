/*
 * q2_3.c: Q2.3, how the test-time cost of kNN and of a linear SVM grows
 * with the number n of training samples. The key and the facts take the
 * library's cost model (what a 1-NN query and a linear prediction cost at
 * each n); the worked answer counts the same work while brute-force 1-NN
 * and a trained linear SVM classify one query at each n.
 */
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"
#include "examcheck/ec_linear.h"
#include "mc.h"

#define SIZES	    4
#define SEED	    23
#define INK	    200.0
#define SIGMA	    60.0
#define QUERY_DIGIT 3

static const size_t sizes[SIZES] = {10, 100, 1000, 10000};

enum growth { GROWTH_CONSTANT, GROWTH_LOG, GROWTH_LINEAR, GROWTH_OTHER };

static const char *const growth_names[] = {"O(1)", "O(log n)", "O(n)", "none of these"};

/* The options, as the exam writes them: the growth of kNN's cost, then the SVM's. */
enum { OPTIONS = 5 };

static const struct {
	enum growth knn, svm;
} options[OPTIONS] = {
	{GROWTH_CONSTANT, GROWTH_CONSTANT}, {GROWTH_LOG, GROWTH_CONSTANT},
	{GROWTH_LINEAR, GROWTH_LINEAR},	    {GROWTH_CONSTANT, GROWTH_LINEAR},
	{GROWTH_LINEAR, GROWTH_CONSTANT},
};

/*
 * How costs c[i] follow sizes n[i] (a geometric series, n[i+1] = 10 n[i]):
 * all equal is constant, proportional to n is linear, equal positive steps
 * from one size to the next is logarithmic.
 */
static enum growth classify(const uint64_t *c, const size_t *n, size_t count)
{
	bool constant = true, linear = true, logarithmic = true;
	size_t i;

	for (i = 1; i < count; i++) {
		if (c[i] != c[0])
			constant = false;
		/* c[i] / n[i] == c[0] / n[0], cross-multiplied (exact for these sizes). */
		if ((double)c[i] * (double)n[0] != (double)c[0] * (double)n[i])
			linear = false;
		if (c[i] <= c[i - 1] || c[i] - c[i - 1] != c[1] - c[0])
			logarithmic = false;
	}
	return constant	     ? GROWTH_CONSTANT
	       : linear	     ? GROWTH_LINEAR
	       : logarithmic ? GROWTH_LOG
			     : GROWTH_OTHER;
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	bool ran;	       /* counted while running (EC_DEPTH_WORKED), else the cost model */
	uint64_t terms[SIZES]; /* kNN: difference terms of one query */
	uint64_t svm[SIZES];   /* the SVM: multiplications of one prediction */
	enum growth gk, gs;
	bool holds[OPTIONS];
	/* when ran */
	uint64_t distances[SIZES];
	size_t knn_label[SIZES], svm_label[SIZES];
};

/* One size n: brute-force 1-NN and a linear SVM trained on the same n noisy digits. */
static int run(struct solution *sol, size_t i, const double *query, ec_error *err)
{
	const ec_train_opts train = {{EC_LOSS_HINGE, 1, 0.001}, 0.0001, 10};
	ec_knn_cost knn = {0, 0};
	ec_dataset ds = {0};
	ec_linear m = {0};
	double scores[EC_DIGIT_CLASSES];
	ec_rng rng;
	int rc = -1;

	ec_rng_seed(&rng, SEED);
	if (ec_dataset_digits(&ds, sizes[i] / EC_DIGIT_CLASSES, INK, SIGMA, &rng, err) == EC_OK &&
	    ec_knn_predict(&ds, query, 1, EC_METRIC_L1, &sol->knn_label[i], &knn, err) == EC_OK &&
	    ec_linear_init(&m, ds.classes, ds.dim, err) == EC_OK &&
	    ec_linear_train(&m, &ds, &train, NULL, err) == EC_OK &&
	    ec_linear_predict_cost(m.classes, m.dim, &sol->svm[i], err) == EC_OK) {
		ec_linear_scores(&m, query, scores);
		sol->svm_label[i] = ec_argmax(scores, m.classes);
		sol->distances[i] = knn.distances;
		sol->terms[i] = knn.terms;
		rc = 0;
	}
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	return rc;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double query[EC_DIGIT_PIXELS];
	size_t i;

	sol->p = s->p;
	sol->ran = s->depth >= EC_DEPTH_WORKED;
	if (sol->ran && ec_digit_image(QUERY_DIGIT, query, err) != EC_OK)
		return -1;
	for (i = 0; sol->ran && i < EC_DIGIT_PIXELS; i++)
		query[i] *= INK;
	for (i = 0; i < SIZES; i++) {
		ec_knn_cost knn = {0, 0};

		if (sol->ran) {
			if (run(sol, i, query, err) != 0)
				return -1;
			continue;
		}
		if (ec_knn_query_cost(sizes[i], EC_DIGIT_PIXELS, &knn, err) != EC_OK ||
		    ec_linear_predict_cost(EC_DIGIT_CLASSES, EC_DIGIT_PIXELS, &sol->svm[i], err) !=
			    EC_OK)
			return -1;
		sol->terms[i] = knn.terms;
	}
	sol->gk = classify(sol->terms, sizes, SIZES);
	sol->gs = classify(sol->svm, sizes, SIZES);
	for (i = 0; i < OPTIONS; i++)
		sol->holds[i] = options[i].knn == sol->gk && options[i].svm == sol->gs;
	return 0;
}

/* ---- the worked answer and the key ---- */

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	char key[11], shown[31];
	size_t i, pos;

	ec_mc_answer(a->params, "2.3", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.3", EC_KEY_MC, 4, "%s", key);
	ec_answer(a, "%s", shown[0] ? shown : "(no option matches)");
	ec_say(a, "Question: as the number n of training samples grows, how does the cost of\n"
		  "classifying one test input grow for kNN and for a linear SVM?\n\n");
	ec_say(a, "kNN does no work at training time (it stores the data) and pays at test\n"
		  "time: the query is compared with all n stored samples, O(n d) for d\n"
		  "features, i.e. O(n) for fixed d. A linear SVM pays at training time and\n"
		  "then keeps only W (K x d) and b: a prediction is K dot products, O(K d),\n"
		  "which does not depend on n at all, i.e. O(1).\n\n");
	ec_say(a,
	       "Demonstration: noisy %dx%d digit images (%d classes, %d features); for each\n"
	       "n the same query image (a clean %d) is classified by brute-force 1-NN (work\n"
	       "counted while it runs) and by a linear SVM trained on the same n samples.\n",
	       EC_DIGIT_WIDTH, EC_DIGIT_HEIGHT, EC_DIGIT_CLASSES, EC_DIGIT_PIXELS, QUERY_DIGIT);
	ec_say(a,
	       "  n        kNN distances   kNN terms   SVM multiplications   labels (kNN, SVM)\n");
	for (i = 0; i < SIZES; i++)
		ec_say(a, "  %-7zu  %13llu   %9llu   %19llu   %zu, %zu\n", sizes[i],
		       (unsigned long long)sol->distances[i], (unsigned long long)sol->terms[i],
		       (unsigned long long)sol->svm[i], sol->knn_label[i], sol->svm_label[i]);
	ec_say(a,
	       "kNN work grows as %s (terms / n = %llu each time); the SVM's stays at\n"
	       "%llu, %s.\n\n",
	       growth_names[sol->gk], (unsigned long long)(sol->terms[0] / sizes[0]),
	       (unsigned long long)sol->svm[0], growth_names[sol->gs]);
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(a->params, "2.3", pos);

		ec_say(a, "%c: kNN %s, SVM %s: %s.\n", (char)('A' + pos),
		       growth_names[options[k].knn], growth_names[options[k].svm],
		       sol->holds[k] ? "matches" : "does not match");
	}
	ec_say(a, "\nO(log n) for kNN would need an index such as a k-d tree, whose exact\n"
		  "search is only fast on average in low dimension and still O(n) in the\n"
		  "worst case; plain kNN, as taught, scans all n samples.\n");
	return ec_keyf(a, "2.3", EC_KEY_MC, 4, "%s", key);
}

/* ---- the facts ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f;
	char knn_says[160], svm_says[120];
	size_t pos;

	snprintf(knn_says, sizeof(knn_says),
		 "kNN compares the query with all n stored samples, %s (%llu terms at n = %zu, "
		 "%llu at n = %zu)",
		 growth_names[sol->gk], (unsigned long long)sol->terms[0], sizes[0],
		 (unsigned long long)sol->terms[SIZES - 1], sizes[SIZES - 1]);
	snprintf(svm_says, sizeof(svm_says),
		 "a linear SVM's prediction costs %llu multiplications whatever n, %s",
		 (unsigned long long)sol->svm[0], growth_names[sol->gs]);
	if (!(f = ec_facts_add(ex, "2.3", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.3", pos);
		char letter = (char)('A' + pos);
		bool k_ok = options[k].knn == sol->gk, s_ok = options[k].svm == sol->gs;

		if (k_ok && s_ok)
			ec_facts_option(f, letter, true, "%s; %s", knn_says, svm_says);
		else if (!k_ok && !s_ok)
			ec_facts_option(f, letter, false, "%s, not %s; %s, not %s", knn_says,
					growth_names[options[k].knn], svm_says,
					growth_names[options[k].svm]);
		else if (!k_ok)
			ec_facts_option(f, letter, false, "%s, not %s", knn_says,
					growth_names[options[k].knn]);
		else
			ec_facts_option(f, letter, false, "%s, not %s", svm_says,
					growth_names[options[k].svm]);
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
	ec_text_para(t, "With n examples in the data set, what does predicting one test example "
			"cost\nwith kNN and with a linear SVM, in that order?");
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(s->p, "2.3", pos);

		ec_text_option(t, (char)('A' + pos), "%s, %s", growth_names[options[k].knn],
			       growth_names[options[k].svm]);
	}
	return 0;
}

const ec_module ec_module_2_3 = {
	.id = "2.3",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
