/*
 * ec_optim.h: one-dimensional gradient descent traces and a rule that
 * classifies a trace as converging, oscillating or diverging.
 */
#ifndef EC_OPTIM_H
#define EC_OPTIM_H

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A derivative (or a chosen subgradient) L'(x); ctx is passed through. */
typedef double (*ec_deriv_fn)(double x, void *ctx);

/**
 * Subgradient of L(x) = |x|: sign(x), with sign(0) = 0 (the subgradient
 * that makes 0, the minimiser, a fixed point). ctx is unused.
 */
double ec_optim_abs_deriv(double x, void *ctx);

/** Derivative of L(x) = x^2: 2x. ctx is unused. */
double ec_optim_square_deriv(double x, void *ctx);

/** L(x) = |x|, in the form of an ec_deriv_fn so traces can be mapped through it. */
double ec_optim_abs_value(double x, void *ctx);

/** L(x) = x^2, in the form of an ec_deriv_fn. */
double ec_optim_square_value(double x, void *ctx);

/**
 * Gradient descent x_{k+1} = x_k - step * L'(x_k) from x0 for `iters`
 * steps; trace[0..iters] receives x_0 .. x_iters (iters + 1 values).
 * step must be finite and > 0, x0 finite. Iterates that overflow are
 * recorded as they are (inf or nan) and do not stop the run.
 */
ec_status ec_optim_gd_trace(ec_deriv_fn deriv, void *ctx, double x0, double step,
			    size_t iters, double *trace, ec_error *err);

/** What a trace does. */
typedef enum ec_gd_behaviour {
	EC_GD_CONVERGING,  /**< the steps die out */
	EC_GD_OSCILLATING, /**< the steps neither die out nor blow up */
	EC_GD_DIVERGING    /**< the steps blow up (or the iterates leave the doubles) */
} ec_gd_behaviour;

/** "converging", "oscillating" or "diverging". */
const char *ec_gd_behaviour_name(ec_gd_behaviour b);

/**
 * Classify a trace x_0 .. x_{len-1} (len >= 2) by its step lengths
 * d_k = |x_{k+1} - x_k|, with first = d_0 and last = d_{len-2}:
 *  - diverging   if any iterate is not finite, or last >= first / ratio;
 *  - converging  if last <= first * ratio (a run that stands still at a
 *    fixed point, first == last == 0, converges);
 *  - oscillating otherwise: the run keeps moving by steps of the same
 *    order as its first one (e.g. bouncing between two points).
 * ratio must be in (0, 1), e.g. 1e-6; with too short a trace a slow
 * convergence or divergence is reported as oscillating.
 */
ec_status ec_optim_classify(const double *trace, size_t len, double ratio,
			    ec_gd_behaviour *out, ec_error *err);

#ifdef __cplusplus
}
#endif

#endif
