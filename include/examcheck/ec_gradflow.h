/*
 * ec_gradflow.h: how gradients flow (or fail to) through deep chains and
 * recurrences, what saturation does to them, clipping by norm, and why
 * accuracy gives no gradient while binary cross-entropy does.
 */
#ifndef EC_GRADFLOW_H
#define EC_GRADFLOW_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An elementwise activation. */
typedef enum ec_act {
	EC_ACT_LINEAR,  /**< f(z) = z */
	EC_ACT_SIGMOID, /**< f(z) = 1 / (1 + e^-z), f' = f (1 - f) <= 1/4 */
	EC_ACT_TANH     /**< f(z) = tanh z, f' = 1 - f^2 <= 1 */
} ec_act;

/** "linear", "sigmoid" or "tanh". */
const char *ec_act_name(ec_act act);

/** f(z) for the activation. */
double ec_act_value(ec_act act, double z);

/** f'(z) for the activation. */
double ec_act_deriv(ec_act act, double z);

/**
 * A deep feed-forward chain h_0 = x0, h_l = f(W_l h_{l-1}) for l = 1..depth,
 * every layer `width` wide, no biases; W_l is weights[(l-1)*width*width ..]
 * row-major (row = output unit). For the scalar loss L = g_out . h_depth,
 * norms[l] receives the Euclidean norm of dL/dh_l for l = 0..depth
 * (depth + 1 values): norms[depth] = |g_out|, norms[0] is what reaches the
 * input. EC_ERR_INVALID for a zero depth or width.
 */
ec_status ec_gradflow_chain(ec_act act, size_t depth, size_t width, const double *weights,
			    const double *x0, const double *g_out, double *norms,
			    ec_error *err);

/**
 * A scalar recurrent net h_t = f(w h_{t-1} + u x_t), t = 1..T, from h_0.
 * h[0..T] receives the states, dh[0..T] the derivatives dh_T / dh_t
 * (dh[T] = 1, dh[t-1] = dh[t] * w * f'(w h_{t-1} + u x_t)); with a linear
 * f this is w^(T-t). x holds x_1..x_T at x[0..T-1].
 */
ec_status ec_gradflow_rnn_scalar(ec_act act, double w, double u, double h0, const double *x,
				 size_t steps, double *h, double *dh, ec_error *err);

/**
 * Clip a gradient by its Euclidean norm: when |g| > max_norm, scale g in
 * place by max_norm / |g| (direction kept); otherwise leave it. *norm_before
 * receives |g| (may be NULL). max_norm must be > 0. Clipping only ever
 * shrinks a gradient: it cannot enlarge a vanishing one.
 */
ec_status ec_gradflow_clip_by_norm(double *g, size_t n, double max_norm, double *norm_before,
				   ec_error *err);

/** Activation statistics of a set of pre-activations. */
typedef struct ec_act_stats {
	double frac_saturated; /**< share of units with f'(z) < threshold * f'(0) */
	double mean_deriv;     /**< mean of f'(z) */
	double act_std;        /**< standard deviation (biased) of f(z) */
} ec_act_stats;

/**
 * Statistics of f over pre-activations z[0..n): how many units are
 * saturated (derivative below threshold times its value at 0; threshold in
 * (0, 1)), the mean derivative and the spread of the outputs (near 0 when
 * activations collapse to one value).
 */
ec_status ec_gradflow_act_stats(ec_act act, const double *z, size_t n, double threshold,
				ec_act_stats *out, ec_error *err);

/**
 * Accuracy count(round(p_i) == y_i) / n of probabilities p in [0, 1]
 * against labels y in {0, 1}; round(p) = 1 when p >= 0.5.
 * EC_ERR_INVALID for n == 0, a p outside [0, 1] or a label not 0 or 1.
 */
ec_status ec_gradflow_accuracy(const double *p, const double *y, size_t n, double *acc,
			       ec_error *err);

/**
 * Mean binary cross-entropy -(y log p + (1 - y) log(1 - p)) over n items,
 * p clamped to [1e-12, 1 - 1e-12]. Same argument checks as accuracy.
 */
ec_status ec_gradflow_bce(const double *p, const double *y, size_t n, double *loss,
			  ec_error *err);

/** Which quantity a logistic model is scored by. */
typedef enum ec_score {
	EC_SCORE_BCE,     /**< mean binary cross-entropy (a loss) */
	EC_SCORE_ACCURACY /**< accuracy (used as a loss: 1 - accuracy) */
} ec_score;

/**
 * A logistic model p_i = sigmoid(theta[0..d) . x_i + theta[d]) on n points
 * x (row-major n x d) with labels y: *value receives the mean BCE or
 * 1 - accuracy for theta, and grad[0..d] (d + 1 values) its gradient with
 * respect to theta. For BCE the gradient is analytic,
 * mean((p_i - y_i) [x_i, 1]); for accuracy it is the central finite
 * difference with step h > 0 (accuracy is piecewise constant, so this is
 * 0 unless a point lies within h of the decision boundary).
 */
ec_status ec_gradflow_logistic(ec_score score, const double *x, const double *y, size_t n,
			       size_t d, const double *theta, double h, double *value,
			       double *grad, ec_error *err);

/**
 * Plain gradient descent on ec_gradflow_logistic() for `iters` steps of
 * size lr > 0, theta updated in place. *moved receives the Euclidean
 * distance between the first and last theta (may be NULL). A step that
 * leaves theta unchanged (bit for bit) would be repeated by every later
 * step, so training stops there with the same result.
 */
ec_status ec_gradflow_logistic_train(ec_score score, const double *x, const double *y,
				     size_t n, size_t d, double *theta, double lr, size_t iters,
				     double h, double *moved, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
