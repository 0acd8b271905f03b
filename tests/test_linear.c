#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_linear.h"

static void test_softmax_hand(void **state)
{
	/* exp(0), exp(ln 2), exp(ln 3) = 1, 2, 3: probabilities 1/6, 2/6, 3/6. */
	const double z[3] = {0, log(2.0), log(3.0)};
	double p[3];

	(void)state;
	assert_int_equal(ec_softmax(z, 3, p, NULL), EC_OK);
	assert_near(p[0], 1.0 / 6, 1e-15);
	assert_near(p[1], 2.0 / 6, 1e-15);
	assert_near(p[2], 3.0 / 6, 1e-15);
}

static void test_softmax_shift_keeps_scale_changes(void **state)
{
	const double z[2] = {0, log(2.0)};
	double zs[2], p[2], q[2];

	(void)state;
	/* s(z) = (1/3, 2/3). */
	assert_int_equal(ec_softmax(z, 2, p, NULL), EC_OK);
	assert_near(p[0], 1.0 / 3, 1e-15);
	/* Shift by 100: the same (1/3, 2/3). */
	zs[0] = z[0] + 100;
	zs[1] = z[1] + 100;
	assert_int_equal(ec_softmax(zs, 2, q, NULL), EC_OK);
	assert_near(q[0], 1.0 / 3, 1e-14);
	assert_near(q[1], 2.0 / 3, 1e-14);
	/* Scale by 2: exp(0), exp(2 ln 2) = 1, 4: (1/5, 4/5), not (1/3, 2/3). */
	zs[0] = 2 * z[0];
	zs[1] = 2 * z[1];
	assert_int_equal(ec_softmax(zs, 2, q, NULL), EC_OK);
	assert_near(q[0], 1.0 / 5, 1e-15);
	assert_near(q[1], 4.0 / 5, 1e-15);
	/* Scale by 0: uniform. */
	zs[0] = zs[1] = 0;
	assert_int_equal(ec_softmax(zs, 2, q, NULL), EC_OK);
	assert_near(q[0], 0.5, 0);
}

static void test_softmax_large_inputs_and_bad(void **state)
{
	const double big[2] = {1000, 1000}, bad[2] = {1, NAN};
	double p[2];
	ec_error err;

	(void)state;
	assert_int_equal(ec_softmax(big, 2, p, &err), EC_OK);
	assert_near(p[0], 0.5, 0);
	assert_near(p[1], 0.5, 0);
	assert_int_equal(ec_softmax(bad, 2, p, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "softmax: value 1 is not finite");
	assert_int_equal(ec_softmax(big, 0, p, &err), EC_ERR_INVALID);
}

static void test_cross_entropy_hand(void **state)
{
	const double s[3] = {0, log(2.0), log(3.0)};
	const double two[2] = {2, 0};
	double l1, l2;
	ec_error err;

	(void)state;
	/* p_2 = 1/2: loss ln 2. */
	assert_int_equal(ec_cross_entropy(s, 3, 2, &l1, &err), EC_OK);
	assert_near(l1, log(2.0), 1e-15);
	/* Scores (2, 0), y = 0: ln(1 + e^-2); doubled (4, 0): ln(1 + e^-4), smaller. */
	assert_int_equal(ec_cross_entropy(two, 2, 0, &l1, &err), EC_OK);
	assert_near(l1, log1p(exp(-2.0)), 1e-15);
	{
		const double four[2] = {4, 0};

		assert_int_equal(ec_cross_entropy(four, 2, 0, &l2, &err), EC_OK);
		assert_near(l2, log1p(exp(-4.0)), 1e-15);
		assert_true(l2 < l1);
	}
	assert_int_equal(ec_cross_entropy(s, 3, 3, &l1, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "cross-entropy: true class 3 is not below 3 classes");
}

static void test_hinge_loss_hand(void **state)
{
	const double s[3] = {3.2, 5.1, -1.7};
	double l;
	ec_error err;

	(void)state;
	/* y = 0, delta = 1: max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0. */
	assert_int_equal(ec_hinge_loss(s, 3, 0, 1, &l, &err), EC_OK);
	assert_near(l, 2.9, 1e-12);
	/* y = 1: max(0, 3.2 - 5.1 + 1) + max(0, -1.7 - 5.1 + 1) = 0. */
	assert_int_equal(ec_hinge_loss(s, 3, 1, 1, &l, &err), EC_OK);
	assert_near(l, 0, 0);
	/* y = 1 with delta = 2: max(0, 0.1) = 0.1 (the larger margin makes it positive). */
	assert_int_equal(ec_hinge_loss(s, 3, 1, 2, &l, &err), EC_OK);
	assert_near(l, 0.1, 1e-12);
	/* y = 2, delta = 0: (3.2 + 1.7) + (5.1 + 1.7) = 11.7. */
	assert_int_equal(ec_hinge_loss(s, 3, 2, 0, &l, &err), EC_OK);
	assert_near(l, 11.7, 1e-12);
	assert_int_equal(ec_hinge_loss(s, 3, 0, -1, &l, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "hinge loss: margin -1 is not a finite non-negative number");
	assert_int_equal(ec_hinge_loss(s, 3, 5, 1, &l, &err), EC_ERR_RANGE);
}

static void test_linear_scores_scale_argmax(void **state)
{
	static const double W[4] = {1, 2, 3, 4}, b[2] = {0.5, -1}, x[2] = {1, -1};
	static const double tie[3] = {1, 3, 3};
	double s[2];
	ec_linear m;

	(void)state;
	assert_int_equal(ec_linear_init(&m, 2, 2, NULL), EC_OK);
	memcpy(m.W, W, sizeof(W));
	memcpy(m.b, b, sizeof(b));
	/* (1 - 2 + 0.5, 3 - 4 - 1) = (-0.5, -2). */
	ec_linear_scores(&m, x, s);
	assert_near(s[0], -0.5, 0);
	assert_near(s[1], -2, 0);
	ec_linear_scale(&m, 2, false); /* W doubled, b kept: (-2 + 0.5, -2 - 1) */
	ec_linear_scores(&m, x, s);
	assert_near(s[0], -1.5, 0);
	assert_near(s[1], -3, 0);
	ec_linear_scale(&m, 0.5, true); /* back to W, b halved: (-1 + 0.25, -1 - 0.5) */
	ec_linear_scores(&m, x, s);
	assert_near(s[0], -0.75, 0);
	assert_near(s[1], -1.5, 0);
	assert_int_equal(ec_argmax(tie, 3), 1);
	ec_linear_free(&m);
}

static void random_problem(ec_dataset *ds, ec_linear *m, uint64_t seed)
{
	ec_rng r;
	size_t i;

	ec_rng_seed(&r, seed);
	assert_int_equal(ec_dataset_alloc(ds, 6, 3, 4, NULL), EC_OK);
	assert_int_equal(ec_linear_init(m, 4, 3, NULL), EC_OK);
	for (i = 0; i < 6 * 3; i++)
		ds->x[i] = ec_rng_normal(&r);
	for (i = 0; i < 6; i++)
		ds->y[i] = i % 4;
	for (i = 0; i < 4 * 3; i++)
		m->W[i] = ec_rng_normal(&r);
	for (i = 0; i < 4; i++)
		m->b[i] = ec_rng_normal(&r);
}

/* Compare the analytic gradient with central differences (step h) at every parameter. */
static void check_gradient(const ec_loss_opts *o, uint64_t seed)
{
	ec_dataset ds;
	ec_linear m, g;
	double loss, lp, lm, h = 1e-6;
	size_t i;

	random_problem(&ds, &m, seed);
	assert_int_equal(ec_linear_init(&g, 4, 3, NULL), EC_OK);
	assert_int_equal(ec_linear_loss(&m, &ds, o, &loss, &g, NULL), EC_OK);
	for (i = 0; i < 4 * 3 + 4; i++) {
		double *p = i < 12 ? &m.W[i] : &m.b[i - 12];
		double analytic = i < 12 ? g.W[i] : g.b[i - 12], keep = *p;

		*p = keep + h;
		ec_linear_loss(&m, &ds, o, &lp, NULL, NULL);
		*p = keep - h;
		ec_linear_loss(&m, &ds, o, &lm, NULL, NULL);
		*p = keep;
		assert_near(analytic, (lp - lm) / (2 * h), 1e-6);
	}
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	ec_linear_free(&g);
}

static void test_linear_loss_softmax_gradient_fd(void **state)
{
	const ec_loss_opts o = {EC_LOSS_SOFTMAX, 0, 0.3};

	(void)state;
	check_gradient(&o, 1);
	check_gradient(&o, 2);
}

static void test_linear_loss_hinge_gradient_fd(void **state)
{
	const ec_loss_opts o = {EC_LOSS_HINGE, 1, 0.3};
	ec_dataset ds;
	ec_linear m;
	double s[4];
	size_t i, j;

	(void)state;
	/* The finite difference is only valid away from kinks: check every margin term. */
	random_problem(&ds, &m, 3);
	for (i = 0; i < ds.n; i++) {
		ec_linear_scores(&m, ds.x + 3 * i, s);
		for (j = 0; j < 4; j++)
			if (j != ds.y[i])
				assert_true(fabs(s[j] - s[ds.y[i]] + 1) > 1e-3);
	}
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	check_gradient(&o, 3);
}

static void test_linear_loss_hinge_at_zero_hand(void **state)
{
	/* x0 = (1, 0) class 0, x1 = (0, 2) class 1, W = 0, b = 0, delta = 1.
	 * Each sample has one active term (0 - 0 + 1 = 1): loss = (1 + 1)/2 = 1.
	 * d/ds: sample 0 (-1, +1), sample 1 (+1, -1), so
	 * dW_0 = (-(1,0) + (0,2))/2 = (-0.5, 1), dW_1 = (0.5, -1), db = (0, 0). */
	static const double x[4] = {1, 0, 0, 2};
	const ec_loss_opts o = {EC_LOSS_HINGE, 1, 0}, flat = {EC_LOSS_HINGE, 0, 0};
	static const double want[4] = {-0.5, 1, 0.5, -1};
	ec_dataset ds;
	ec_linear m, g;
	double loss;
	int i;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 2, 2, 2, NULL), EC_OK);
	memcpy(ds.x, x, sizeof(x));
	ds.y[1] = 1;
	assert_int_equal(ec_linear_init(&m, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&g, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_loss(&m, &ds, &o, &loss, &g, NULL), EC_OK);
	assert_near(loss, 1, 0);
	for (i = 0; i < 4; i++)
		assert_near(g.W[i], want[i], 0);
	assert_near(g.b[0], 0, 0);
	assert_near(g.b[1], 0, 0);
	/* delta = 0: every term is max(0, 0), slope 0 by convention: no loss, no gradient. */
	assert_int_equal(ec_linear_loss(&m, &ds, &flat, &loss, &g, NULL), EC_OK);
	assert_near(loss, 0, 0);
	for (i = 0; i < 4; i++)
		assert_near(g.W[i], 0, 0);
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	ec_linear_free(&g);
}

/*
 * Seven classes (a block of four, a pair and a single class inside
 * ec_linear_scores and the paired scoring of the loss) and five samples
 * (an unpaired last one), against plain loops written from the
 * definitions: scores b_c + sum_j W_cj x_j summed in feature order, the
 * hinge loss and its subgradient (1/n) sum_i g_ic x_i. Both sum in the
 * same order, so they must agree to the last bit.
 */
static void test_linear_scores_and_loss_match_plain_loops(void **state)
{
	enum { K = 7, D = 5, N = 5 };
	const ec_loss_opts o = {EC_LOSS_HINGE, 1, 0.25};
	double s[K], gw[K * D] = {0}, gb[K] = {0}, total = 0, penalty = 0, loss;
	ec_dataset ds;
	ec_linear m, g;
	ec_rng r;
	size_t i, c, j;

	(void)state;
	ec_rng_seed(&r, 77);
	assert_int_equal(ec_dataset_alloc(&ds, N, D, K, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&m, K, D, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&g, K, D, NULL), EC_OK);
	for (i = 0; i < N * D; i++)
		ds.x[i] = ec_rng_normal(&r);
	for (i = 0; i < N; i++)
		ds.y[i] = (3 * i) % K;
	for (i = 0; i < K * D; i++)
		m.W[i] = 0.3 * ec_rng_normal(&r);
	for (i = 0; i < K; i++)
		m.b[i] = 0.3 * ec_rng_normal(&r);
	for (i = 0; i < N; i++) {
		const double *x = ds.x + i * D;
		double plain[K], gs[K] = {0};
		size_t y = ds.y[i];

		for (c = 0; c < K; c++) {
			plain[c] = m.b[c];
			for (j = 0; j < D; j++)
				plain[c] += m.W[c * D + j] * x[j];
		}
		ec_linear_scores(&m, x, s);
		for (c = 0; c < K; c++)
			assert_true(s[c] == plain[c]);
		for (c = 0; c < K; c++) {
			double t = plain[c] - plain[y] + 1;

			if (c != y && t > 0) {
				total += t;
				gs[c] += 1;
				gs[y] -= 1;
			}
		}
		for (c = 0; c < K; c++) {
			if (gs[c] == 0)
				continue;
			gb[c] += gs[c] / N;
			for (j = 0; j < D; j++)
				gw[c * D + j] += gs[c] * x[j] / N;
		}
	}
	for (i = 0; i < K * D; i++) {
		penalty += m.W[i] * m.W[i];
		gw[i] += 2 * 0.25 * m.W[i];
	}
	assert_int_equal(ec_linear_loss(&m, &ds, &o, &loss, &g, NULL), EC_OK);
	assert_true(loss == total / N + 0.25 * penalty);
	for (i = 0; i < K * D; i++)
		assert_true(g.W[i] == gw[i]);
	for (i = 0; i < K; i++)
		assert_true(g.b[i] == gb[i]);
	ec_dataset_free(&ds);
	ec_linear_free(&m);
	ec_linear_free(&g);
}

static void test_linear_train_separable_blobs(void **state)
{
	static const double centers[3 * 2] = {0, 4, -4, -3, 4, -3};
	static const size_t counts[3] = {8, 8, 8};
	const ec_train_opts softmax = {{EC_LOSS_SOFTMAX, 0, 0}, 0.5, 200};
	const ec_train_opts svm = {{EC_LOSS_HINGE, 1, 0.001}, 0.1, 200};
	ec_dataset ds;
	ec_linear m;
	ec_rng r;
	double loss0, loss;
	size_t correct, confusion[9], i;

	(void)state;
	ec_rng_seed(&r, 12);
	/* Blobs 7 apart with sigma 0.5 (14 sigma): separable by a wide margin. */
	assert_int_equal(ec_dataset_blobs(&ds, 3, 2, centers, counts, 0.5, &r, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&m, 3, 2, NULL), EC_OK);
	/* At W = 0 every class has probability 1/3: loss ln 3. */
	assert_int_equal(ec_linear_loss(&m, &ds, &softmax.loss, &loss0, NULL, NULL), EC_OK);
	assert_near(loss0, log(3.0), 1e-15);
	assert_int_equal(ec_linear_train(&m, &ds, &softmax, &loss, NULL), EC_OK);
	assert_true(loss < 0.05);
	assert_int_equal(ec_linear_evaluate(&m, &ds, &correct, confusion, NULL), EC_OK);
	assert_int_equal(correct, 24);
	for (i = 0; i < 9; i++)
		assert_int_equal(confusion[i], i % 4 == 0 ? 8 : 0);
	ec_linear_free(&m);
	assert_int_equal(ec_linear_init(&m, 3, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_train(&m, &ds, &svm, &loss, NULL), EC_OK);
	assert_int_equal(ec_linear_evaluate(&m, &ds, &correct, NULL, NULL), EC_OK);
	assert_int_equal(correct, 24);
	ec_linear_free(&m);
	ec_dataset_free(&ds);
}

/*
 * By hand, one feature: x = 2 of class 1, x = -1 of class 0, from W = 0.
 * Pass 1: x = 2 scores (0, 0), the tie predicts 0: W = (-2, 2), b = (-1, 1).
 * x = -1 then scores (2 - 1, -2 + 1) = (1, -1): class 0, right.
 * Pass 2: x = 2 scores (-5, 5), x = -1 scores (1, -1): no mistake.
 */
static void test_linear_perceptron_hand(void **state)
{
	static const double x[2] = {2, -1};
	static const size_t y[2] = {1, 0};
	ec_dataset ds;
	ec_linear m;
	size_t epochs;
	bool separated;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 2, 1, 2, NULL), EC_OK);
	memcpy(ds.x, x, sizeof(x));
	memcpy(ds.y, y, sizeof(y));
	assert_int_equal(ec_linear_init(&m, 2, 1, NULL), EC_OK);
	assert_int_equal(ec_linear_perceptron(&m, &ds, 10, &epochs, &separated, NULL), EC_OK);
	assert_true(separated);
	assert_int_equal(epochs, 2);
	assert_near(m.W[0], -2, 0);
	assert_near(m.W[1], 2, 0);
	assert_near(m.b[0], -1, 0);
	assert_near(m.b[1], 1, 0);
	/* Separated already: one pass without a mistake, nothing changes. */
	assert_int_equal(ec_linear_perceptron(&m, &ds, 10, &epochs, &separated, NULL), EC_OK);
	assert_true(separated);
	assert_int_equal(epochs, 1);
	assert_near(m.W[1], 2, 0);
	ec_linear_free(&m);
	ec_dataset_free(&ds);
}

/*
 * XOR, (0,0) and (1,1) class 0, (1,0) and (0,1) class 1: linear scores
 * s_1 - s_0 = a x1 + b x2 + c would need c <= 0, a + b + c <= 0, a + c > 0
 * and b + c > 0; adding the last two gives a + b + 2c > 0, so a + b + c >
 * -c >= 0, a contradiction. No pass is ever free of mistakes. Blobs 7
 * apart (14 sigma) are separated, and every sample is then right.
 */
static void test_linear_perceptron_xor_and_blobs(void **state)
{
	static const double x[8] = {0, 0, 1, 1, 1, 0, 0, 1};
	static const size_t y[4] = {0, 0, 1, 1};
	static const double centers[3 * 2] = {0, 4, -4, -3, 4, -3};
	static const size_t counts[3] = {20, 3, 9};
	ec_dataset ds;
	ec_linear m;
	size_t epochs, correct;
	bool separated;
	ec_rng r;

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 4, 2, 2, NULL), EC_OK);
	memcpy(ds.x, x, sizeof(x));
	memcpy(ds.y, y, sizeof(y));
	assert_int_equal(ec_linear_init(&m, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_perceptron(&m, &ds, 50, &epochs, &separated, NULL), EC_OK);
	assert_false(separated);
	assert_int_equal(epochs, 50);
	ec_linear_free(&m);
	ec_dataset_free(&ds);

	ec_rng_seed(&r, 5);
	assert_int_equal(ec_dataset_blobs(&ds, 3, 2, centers, counts, 0.5, &r, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&m, 3, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_perceptron(&m, &ds, 100, &epochs, &separated, NULL), EC_OK);
	assert_true(separated);
	assert_true(epochs < 100);
	assert_int_equal(ec_linear_evaluate(&m, &ds, &correct, NULL, NULL), EC_OK);
	assert_int_equal(correct, 32);
	ec_linear_free(&m);
	ec_dataset_free(&ds);
}

static void test_linear_evaluate_confusion_hand(void **state)
{
	/* Scores (x, -x): class 0 when x >= 0 (tie to class 0 at x = 0), else class 1. */
	static const double W[2] = {1, -1}, x[4] = {2, -1, 0, 3};
	static const size_t y[4] = {0, 1, 1, 1};
	ec_dataset ds;
	ec_linear m;
	size_t correct, conf[4];

	(void)state;
	assert_int_equal(ec_dataset_alloc(&ds, 4, 1, 2, NULL), EC_OK);
	memcpy(ds.x, x, sizeof(x));
	memcpy(ds.y, y, sizeof(y));
	assert_int_equal(ec_linear_init(&m, 2, 1, NULL), EC_OK);
	memcpy(m.W, W, sizeof(W));
	/* Predictions 0, 1, 0, 0 against truth 0, 1, 1, 1. */
	assert_int_equal(ec_linear_evaluate(&m, &ds, &correct, conf, NULL), EC_OK);
	assert_int_equal(correct, 2);
	assert_int_equal(conf[0], 1); /* true 0, predicted 0 */
	assert_int_equal(conf[1], 0);
	assert_int_equal(conf[2], 2); /* true 1, predicted 0 */
	assert_int_equal(conf[3], 1);
	ec_linear_free(&m);
	ec_dataset_free(&ds);
}

static void test_linear_predict_cost(void **state)
{
	uint64_t mults;
	ec_error err;

	(void)state;
	assert_int_equal(ec_linear_predict_cost(10, 35, &mults, &err), EC_OK);
	assert_true(mults == 350);
	assert_int_equal(ec_linear_predict_cost(SIZE_MAX, 3, &mults, &err), EC_ERR_OVERFLOW);
}

static void test_linear_bad_inputs(void **state)
{
	const ec_loss_opts ok = {EC_LOSS_SOFTMAX, 0, 0}, neg = {EC_LOSS_SOFTMAX, 0, -1};
	const ec_loss_opts badm = {EC_LOSS_HINGE, -0.5, 0};
	const ec_train_opts zero_rate = {{EC_LOSS_SOFTMAX, 0, 0}, 0, 5};
	const ec_train_opts huge = {{EC_LOSS_SOFTMAX, 0, 0}, 1e308, 5};
	ec_dataset ds, empty;
	ec_linear m, other, copy;
	ec_error err;
	double loss;

	(void)state;
	assert_int_equal(ec_linear_init(&m, 0, 2, &err), EC_ERR_INVALID);
	assert_int_equal(ec_linear_init(&m, SIZE_MAX, 4, &err), EC_ERR_OVERFLOW);
	assert_int_equal(ec_dataset_alloc(&ds, 2, 2, 2, NULL), EC_OK);
	ds.x[0] = 1e3;
	ds.y[1] = 1;
	assert_int_equal(ec_linear_init(&m, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_init(&other, 2, 3, NULL), EC_OK);
	assert_int_equal(ec_linear_loss(&other, &ds, &ok, &loss, NULL, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "linear classifier takes 3 features, the data set has 2");
	assert_int_equal(ec_linear_loss(&m, &ds, &ok, &loss, &other, &err), EC_ERR_INVALID);
	assert_int_equal(ec_linear_loss(&m, &ds, &neg, &loss, NULL, &err), EC_ERR_INVALID);
	assert_int_equal(ec_linear_loss(&m, &ds, &badm, &loss, NULL, &err), EC_ERR_INVALID);
	assert_int_equal(ec_linear_train(&m, &ds, &zero_rate, &loss, &err), EC_ERR_INVALID);
	assert_string_equal(err.msg, "training: step size 0 is not positive");
	/* A step of 1e308 sends the weights to infinity: reported, not returned as a number. */
	assert_int_equal(ec_linear_train(&m, &ds, &huge, &loss, &err), EC_ERR_INVALID);
	ec_linear_free(&m);
	assert_int_equal(ec_linear_init(&m, 2, 2, NULL), EC_OK);
	ds.y[0] = 4;
	assert_int_equal(ec_linear_loss(&m, &ds, &ok, &loss, NULL, &err), EC_ERR_RANGE);
	assert_string_equal(err.msg, "sample 0: label 4 is not below 2 classes");
	assert_int_equal(ec_dataset_alloc(&empty, 0, 2, 2, NULL), EC_OK);
	assert_int_equal(ec_linear_loss(&m, &empty, &ok, &loss, NULL, &err), EC_ERR_INVALID);
	assert_int_equal(ec_linear_copy(&copy, &m, &err), EC_OK);
	assert_true(copy.W != m.W && copy.classes == 2 && copy.dim == 2);
	ec_linear_free(&copy);
	ec_linear_free(&m);
	ec_linear_free(&other);
	ec_dataset_free(&ds);
	ec_dataset_free(&empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_softmax_hand),
		cmocka_unit_test(test_softmax_shift_keeps_scale_changes),
		cmocka_unit_test(test_softmax_large_inputs_and_bad),
		cmocka_unit_test(test_cross_entropy_hand),
		cmocka_unit_test(test_hinge_loss_hand),
		cmocka_unit_test(test_linear_scores_scale_argmax),
		cmocka_unit_test(test_linear_loss_softmax_gradient_fd),
		cmocka_unit_test(test_linear_loss_hinge_gradient_fd),
		cmocka_unit_test(test_linear_loss_hinge_at_zero_hand),
		cmocka_unit_test(test_linear_scores_and_loss_match_plain_loops),
		cmocka_unit_test(test_linear_train_separable_blobs),
		cmocka_unit_test(test_linear_evaluate_confusion_hand),
		cmocka_unit_test(test_linear_perceptron_hand),
		cmocka_unit_test(test_linear_perceptron_xor_and_blobs),
		cmocka_unit_test(test_linear_predict_cost),
		cmocka_unit_test(test_linear_bad_inputs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
