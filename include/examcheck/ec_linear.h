/*
 * ec_linear.h: linear classifiers s = W x + b: scores, a numerically stable
 * softmax, cross-entropy and multiclass hinge losses, accuracy, and
 * training by full-batch (sub)gradient descent from a given start.
 */
#ifndef EC_LINEAR_H
#define EC_LINEAR_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A linear classifier over `dim` features and `classes` classes: W is
 * classes x dim row-major (row c holds the weights of class c), b has one
 * bias per class. The score of class c for x is W[c] . x + b[c].
 */
typedef struct ec_linear {
	size_t classes;
	size_t dim;
	double *W;
	double *b;
} ec_linear;

/**
 * Allocate a classifier with W = 0 and b = 0. EC_ERR_INVALID when classes or
 * dim is 0, EC_ERR_OVERFLOW / EC_ERR_NOMEM when it does not fit.
 */
ec_status ec_linear_init(ec_linear *m, size_t classes, size_t dim, ec_error *err);

/** Release a classifier and zero it. Safe on a zeroed classifier. */
void ec_linear_free(ec_linear *m);

/**
 * Make `dst` (zeroed or freed) an independent copy of `src`. Errors as
 * ec_linear_init().
 */
ec_status ec_linear_copy(ec_linear *dst, const ec_linear *src, ec_error *err);

/**
 * Multiply the weights by c in place: W = c W, and b = c b as well when
 * with_bias is true (as when the bias is stored as a column of W).
 */
void ec_linear_scale(ec_linear *m, double c, bool with_bias);

/** Scores of x: scores[c] = W[c] . x + b[c] for each of m->classes classes. */
void ec_linear_scores(const ec_linear *m, const double *x, double *scores);

/** Index of the largest of v[0..n-1]; the lowest index wins a tie. n must be > 0. */
size_t ec_argmax(const double *v, size_t n);

/**
 * Softmax p_i = exp(z_i) / sum_j exp(z_j), computed as exp(z_i - max z) /
 * sum exp(z_j - max z) so that large inputs do not overflow.
 * EC_ERR_INVALID when n is 0 or an input is not finite.
 */
ec_status ec_softmax(const double *z, size_t n, double *p, ec_error *err);

/**
 * Cross-entropy loss of scores s[0..k-1] for true class y, in nats:
 * -log softmax(s)_y = logsumexp(s) - s_y (stable form).
 * EC_ERR_RANGE when y >= k, EC_ERR_INVALID when k is 0 or a score is not finite.
 */
ec_status ec_cross_entropy(const double *s, size_t k, size_t y, double *loss,
			   ec_error *err);

/**
 * Multiclass hinge loss sum_{j != y} max(0, s_j - s_y + margin) of scores
 * s[0..k-1] for true class y. EC_ERR_RANGE when y >= k, EC_ERR_INVALID when k
 * is 0, the margin is negative or a value is not finite.
 */
ec_status ec_hinge_loss(const double *s, size_t k, size_t y, double margin,
			double *loss, ec_error *err);

/** Which data loss a linear classifier is trained with. */
typedef enum ec_loss_kind {
	EC_LOSS_SOFTMAX, /**< cross-entropy of the softmax of the scores */
	EC_LOSS_HINGE    /**< multiclass SVM hinge loss with a margin */
} ec_loss_kind;

/**
 * The training objective: mean data loss over the samples plus
 * reg * sum of W^2 (b is not regularised). `margin` is used by the hinge loss.
 */
typedef struct ec_loss_opts {
	ec_loss_kind kind;
	double margin;
	double reg;
} ec_loss_opts;

/**
 * The objective of `m` on `ds` into *loss and, when grad is not NULL (a
 * classifier of the same shape), its gradient with respect to W and b. For
 * the hinge loss this is the subgradient that takes a term max(0, t) to
 * have slope 0 at t = 0 (only strictly positive terms count).
 * EC_ERR_INVALID when shapes disagree, options are out of range or the set
 * is empty; EC_ERR_RANGE for a bad label.
 */
ec_status ec_linear_loss(const ec_linear *m, const ec_dataset *ds,
			 const ec_loss_opts *opts, double *loss, ec_linear *grad,
			 ec_error *err);

/**
 * Predict each sample (argmax of scores, lowest class on a tie) and count:
 * *correct the right predictions and, when confusion is not NULL,
 * confusion[t * classes + p] the samples of true class t predicted as p.
 * EC_ERR_INVALID when shapes disagree, EC_ERR_RANGE for a bad label.
 */
ec_status ec_linear_evaluate(const ec_linear *m, const ec_dataset *ds, size_t *correct,
			     size_t *confusion, ec_error *err);

/** Settings of full-batch gradient descent. */
typedef struct ec_train_opts {
	ec_loss_opts loss;
	double rate;  /**< step size, > 0 */
	size_t steps; /**< number of full-batch updates */
} ec_train_opts;

/**
 * Train `m` in place from its current W and b: `steps` updates
 * W -= rate * dW, b -= rate * db on the whole set. *final_loss (may be NULL)
 * is the objective after the last step. Errors as ec_linear_loss(), and
 * EC_ERR_INVALID when rate is not positive or the loss stops being finite.
 */
ec_status ec_linear_train(ec_linear *m, const ec_dataset *ds, const ec_train_opts *opts,
			  double *final_loss, ec_error *err);

/**
 * Look for weights that classify every sample of `ds` correctly, by the
 * multiclass perceptron rule from m's current W and b: in sample order,
 * each misclassified sample x of class y (prediction p = argmax of the
 * scores, lowest class on a tie, as ec_linear_evaluate() predicts) adds x
 * to row y of W and 1 to b_y, and subtracts them from row p and b_p. A
 * pass over the data without a mistake ends the search: *separated is
 * true and every sample is right. When the classes can be separated by
 * linear scores that pass comes after finitely many updates (Novikoff);
 * *separated false means none came within max_epochs passes. *epochs
 * gets the passes made. Errors as ec_linear_evaluate().
 */
ec_status ec_linear_perceptron(ec_linear *m, const ec_dataset *ds, size_t max_epochs,
			       size_t *epochs, bool *separated, ec_error *err);

/**
 * Multiplications one prediction costs: classes * dim (one dot product per
 * class; the bias additions are not counted). It does not depend on how many
 * samples the classifier was trained on. EC_ERR_OVERFLOW when it does not fit.
 */
ec_status ec_linear_predict_cost(size_t classes, size_t dim, uint64_t *mults,
				 ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
