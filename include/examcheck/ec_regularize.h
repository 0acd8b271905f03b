/*
 * ec_regularize.h: Lp penalties sum |w_i|^p, their gradients, linear
 * regression fitted with an L1 or L2 penalty, and what p < 1 does.
 */
#ifndef EC_REGULARIZE_H
#define EC_REGULARIZE_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The penalty sum_i |w_i|^p (= L_p(w)^p) into *out; p must be finite and
 * > 0 (p = 1: L1, p = 2: squared L2).
 */
ec_status ec_reg_lp_penalty(const double *w, size_t n, double p, double *out, ec_error *err);

/**
 * Its (sub)gradient g_i = p |w_i|^(p-1) sign(w_i). At w_i = 0 the value 0
 * is used: a subgradient for p = 1, the derivative for p > 1; for p < 1
 * the derivative is unbounded there and 0 is only a convention.
 */
ec_status ec_reg_lp_grad(const double *w, size_t n, double p, double *g, ec_error *err);

/**
 * Whether t -> |t|^p passes the midpoint test of convexity on the pair
 * (a, b): *convex_here is 1 when |m|^p <= (|a|^p + |b|^p) / 2 for
 * m = (a + b) / 2, else 0 (p < 1 fails on a = 0, b = 1).
 */
ec_status ec_reg_midpoint_convex(double a, double b, double p, int *convex_here, ec_error *err);

/** Penalty used by ec_reg_fit(). */
typedef enum ec_reg_kind {
	EC_REG_L1, /**< lambda * sum |w_i| */
	EC_REG_L2  /**< lambda * sum w_i^2 */
} ec_reg_kind;

/** "L1" or "L2". */
const char *ec_reg_kind_name(ec_reg_kind kind);

/**
 * Fit w[0..d) minimising (1 / 2n) |X w - y|^2 + penalty(w) (no intercept)
 * on X (row-major n x d) by proximal gradient descent (ISTA) from w = 0,
 * `iters` steps of size 1 / trace(X^T X / n). The L1 proximal step is
 * soft-thresholding, which sets weights exactly to 0; the L2 one divides
 * by 1 + 2 step lambda, which shrinks but keeps them nonzero.
 * lambda must be >= 0. Once a step returns its input (or the input of the
 * step before) the remaining steps are known and are not run: the result
 * is that of all `iters` steps, to the last bit.
 */
ec_status ec_reg_fit(ec_reg_kind kind, const double *X, const double *y, size_t n, size_t d,
		     double lambda, size_t iters, double *w, ec_error *err);

/**
 * Minimise the objective of ec_reg_fit() by cyclic coordinate descent from
 * w = 0: each sweep sets w_0, ..., w_(d-1) in turn to the exact minimiser
 * along that axis (with z_j = |X_j|^2 / n and rho_j = X_j . r / n + z_j w_j
 * for the residual r = y - X w: soft-thresholding S(rho_j, lambda) / z_j
 * for L1, rho_j / (z_j + 2 lambda) for L2). Stops after the first sweep
 * that moves no weight by more than tol, or after max_sweeps sweeps;
 * *sweeps (may be NULL) gets the number run. Small problems reach the
 * minimiser in tens of sweeps where ISTA needs thousands of steps.
 * lambda and tol must be >= 0.
 */
ec_status ec_reg_fit_cd(ec_reg_kind kind, const double *X, const double *y, size_t n,
			size_t d, double lambda, double tol, size_t max_sweeps, double *w,
			size_t *sweeps, ec_error *err);

/** Mean squared error (1/n) |X w - y|^2 of w on (X, y). */
ec_status ec_reg_mse(const double *X, const double *y, size_t n, size_t d, const double *w,
		     double *mse, ec_error *err);

/**
 * A deterministic regression set: X[n x d] uniform in [-1, 1] and
 * y = X w_true + noise * (uniform in [-1, 1]), drawn from ec_xorshift
 * seeded with `seed` (X row by row, then the noise).
 */
ec_status ec_reg_make_data(size_t n, size_t d, const double *w_true, double noise,
			   uint64_t seed, double *X, double *y, ec_error *err);

/**
 * Fit with each lambda of lambdas[0..count) on the training set and keep
 * the one with the lowest validation MSE: *best_lambda, *best_mse and its
 * weights w[0..d). Ties keep the first lambda.
 */
ec_status ec_reg_select(ec_reg_kind kind, const double *Xtr, const double *ytr, size_t ntr,
			const double *Xva, const double *yva, size_t nva, size_t d,
			const double *lambdas, size_t count, size_t iters, double *best_lambda,
			double *best_mse, double *w, ec_error *err);

/** ec_reg_select() with each fit by ec_reg_fit_cd(tol, max_sweeps). */
ec_status ec_reg_select_cd(ec_reg_kind kind, const double *Xtr, const double *ytr, size_t ntr,
			   const double *Xva, const double *yva, size_t nva, size_t d,
			   const double *lambdas, size_t count, double tol, size_t max_sweeps,
			   double *best_lambda, double *best_mse, double *w, ec_error *err);

/**
 * Count the local minima of the one-dimensional penalised problem
 * f(t) = (t - z)^2 / 2 + lambda |t|^p on the grid of `points` >= 3 equally
 * spaced values from lo to hi (lo < hi): grid points strictly below both
 * neighbours (an end point: below its one neighbour). minima[0..max) gets
 * their positions (may be NULL). Convex penalties (p >= 1) give one
 * minimum; p < 1 can give two (one at 0).
 */
ec_status ec_reg_count_local_minima(double z, double lambda, double p, double lo, double hi,
				    size_t points, size_t *count, double *minima, size_t max,
				    ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
