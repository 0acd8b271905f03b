#include "examcheck/ec_regularize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_xorshift.h"

static ec_status check_p(double p, ec_error *err)
{
	if (!(isfinite(p) && p > 0))
		return ec_error_set(err, EC_ERR_INVALID, "exponent p = %g is not a positive number", p);
	return EC_OK;
}

ec_status ec_reg_lp_penalty(const double *w, size_t n, double p, double *out, ec_error *err)
{
	double s = 0;
	size_t i;
	ec_status st;

	if ((!w && n > 0) || !out)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if ((st = check_p(p, err)) != EC_OK)
		return st;
	for (i = 0; i < n; i++)
		s += pow(fabs(w[i]), p);
	*out = s;
	return EC_OK;
}

ec_status ec_reg_lp_grad(const double *w, size_t n, double p, double *g, ec_error *err)
{
	size_t i;
	ec_status st;

	if ((!w || !g) && n > 0)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if ((st = check_p(p, err)) != EC_OK)
		return st;
	for (i = 0; i < n; i++)
		g[i] = w[i] == 0 ? 0.0 : p * pow(fabs(w[i]), p - 1) * (w[i] > 0 ? 1.0 : -1.0);
	return EC_OK;
}

ec_status ec_reg_midpoint_convex(double a, double b, double p, int *convex_here, ec_error *err)
{
	ec_status st;

	if (!convex_here)
		return ec_error_set(err, EC_ERR_INVALID, "missing result");
	if ((st = check_p(p, err)) != EC_OK)
		return st;
	if (!isfinite(a) || !isfinite(b))
		return ec_error_set(err, EC_ERR_INVALID, "points %g and %g must be finite", a, b);
	*convex_here = pow(fabs((a + b) / 2), p) <= (pow(fabs(a), p) + pow(fabs(b), p)) / 2;
	return EC_OK;
}

const char *ec_reg_kind_name(ec_reg_kind kind)
{
	return kind == EC_REG_L1 ? "L1" : "L2";
}

static ec_status check_data(const double *X, const double *y, size_t n, size_t d,
			    const double *w, ec_error *err)
{
	uint64_t nd;

	if (!X || !y || !w)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (n == 0 || d == 0)
		return ec_error_set(err, EC_ERR_INVALID, "regression with %zu points of dimension %zu",
				    n, d);
	if (!ec_u64_mul(n, d, &nd) || nd > SIZE_MAX / sizeof(double))
		return ec_error_set(err, EC_ERR_OVERFLOW, "%zu x %zu design matrix is too large", n, d);
	return EC_OK;
}

ec_status ec_reg_fit(ec_reg_kind kind, const double *X, const double *y, size_t n, size_t d,
		     double lambda, size_t iters, double *w, ec_error *err)
{
	double *r, *g, *prev, *prev2, tr = 0, step;
	size_t i, j, k;
	ec_status st;

	if ((st = check_data(X, y, n, d, w, err)) != EC_OK)
		return st;
	if (!(isfinite(lambda) && lambda >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "lambda %g is not a number >= 0", lambda);
	for (i = 0; i < n * d; i++)
		tr += X[i] * X[i];
	tr /= (double)n;
	for (j = 0; j < d; j++)
		w[j] = 0;
	if (tr == 0)
		return EC_OK;
	step = 1 / tr;
	r = malloc((n + 3 * d) * sizeof(double));
	if (!r)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu residuals", n);
	g = r + n;
	prev = g + d;
	prev2 = prev + d;
	for (k = 0; k < iters; k++) {
		for (i = 0; i < n; i++) {
			double s = -y[i];

			for (j = 0; j < d; j++)
				s += X[i * d + j] * w[j];
			r[i] = s;
		}
		for (j = 0; j < d; j++) {
			double s = 0;

			for (i = 0; i < n; i++)
				s += X[i * d + j] * r[i];
			g[j] = s / (double)n;
		}
		memcpy(prev2, prev, d * sizeof(double));
		memcpy(prev, w, d * sizeof(double));
		for (j = 0; j < d; j++) {
			double v = w[j] - step * g[j];

			if (kind == EC_REG_L1)
				w[j] = v > step * lambda ? v - step * lambda
				       : v < -step * lambda ? v + step * lambda : 0.0;
			else
				w[j] = v / (1 + 2 * step * lambda);
		}
		/*
		 * A step is a fixed function of w. Once it returns its input bit
		 * for bit, every later step does too; once it returns the
		 * input of the step before, the iterates alternate between two
		 * vectors. Either way the remaining steps are known without
		 * running them, and the result is the same to the last bit.
		 */
		if (memcmp(w, prev, d * sizeof(double)) == 0)
			break;
		if (k >= 1 && memcmp(w, prev2, d * sizeof(double)) == 0) {
			if ((iters - 1 - k) % 2 == 1)
				memcpy(w, prev, d * sizeof(double));
			break;
		}
	}
	free(r);
	return EC_OK;
}

/* Cyclic coordinate descent on the objective of ec_reg_fit(); see ec_reg_fit_cd(). */
static ec_status fit_cd(ec_reg_kind kind, const double *X, const double *y, size_t n, size_t d,
			double lambda, double tol, size_t max_sweeps, double *w, size_t *sweeps,
			ec_error *err)
{
	double *r, *z;
	size_t i, j, k;

	r = malloc((n + d) * sizeof(double));
	if (!r)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu residuals", n);
	z = r + n;
	for (i = 0; i < n; i++)
		r[i] = y[i];
	for (j = 0; j < d; j++) {
		double s = 0;

		for (i = 0; i < n; i++)
			s += X[i * d + j] * X[i * d + j];
		z[j] = s / (double)n;
		w[j] = 0;
	}
	for (k = 0; k < max_sweeps; k++) {
		double moved = 0;

		for (j = 0; j < d; j++) {
			double rho = 0, next, delta;

			if (z[j] == 0)
				continue;
			for (i = 0; i < n; i++)
				rho += X[i * d + j] * r[i];
			rho = rho / (double)n + z[j] * w[j];
			if (kind == EC_REG_L1)
				next = rho > lambda ? (rho - lambda) / z[j]
				       : rho < -lambda ? (rho + lambda) / z[j] : 0.0;
			else
				next = rho / (z[j] + 2 * lambda);
			delta = next - w[j];
			if (delta == 0)
				continue;
			for (i = 0; i < n; i++)
				r[i] -= X[i * d + j] * delta;
			w[j] = next;
			if (fabs(delta) > moved)
				moved = fabs(delta);
		}
		if (moved <= tol) {
			k++;
			break;
		}
	}
	if (sweeps)
		*sweeps = k;
	free(r);
	return EC_OK;
}

ec_status ec_reg_fit_cd(ec_reg_kind kind, const double *X, const double *y, size_t n,
			size_t d, double lambda, double tol, size_t max_sweeps, double *w,
			size_t *sweeps, ec_error *err)
{
	ec_status st;

	if ((st = check_data(X, y, n, d, w, err)) != EC_OK)
		return st;
	if (!(isfinite(lambda) && lambda >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "lambda %g is not a number >= 0", lambda);
	if (!(isfinite(tol) && tol >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "tolerance %g is not a number >= 0", tol);
	return fit_cd(kind, X, y, n, d, lambda, tol, max_sweeps, w, sweeps, err);
}

ec_status ec_reg_mse(const double *X, const double *y, size_t n, size_t d, const double *w,
		     double *mse, ec_error *err)
{
	double s = 0;
	size_t i, j;
	ec_status st;

	if ((st = check_data(X, y, n, d, w, err)) != EC_OK)
		return st;
	if (!mse)
		return ec_error_set(err, EC_ERR_INVALID, "missing result");
	for (i = 0; i < n; i++) {
		double e = -y[i];

		for (j = 0; j < d; j++)
			e += X[i * d + j] * w[j];
		s += e * e;
	}
	*mse = s / (double)n;
	return EC_OK;
}

ec_status ec_reg_make_data(size_t n, size_t d, const double *w_true, double noise,
			   uint64_t seed, double *X, double *y, ec_error *err)
{
	ec_xorshift g;
	size_t i, j;
	ec_status st;

	if ((st = check_data(X, y, n, d, w_true, err)) != EC_OK)
		return st;
	if (!(isfinite(noise) && noise >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "noise %g is not a number >= 0", noise);
	ec_xorshift_seed(&g, seed);
	ec_xorshift_fill(&g, X, n * d, -1, 1);
	for (i = 0; i < n; i++) {
		double s = 0;

		for (j = 0; j < d; j++)
			s += X[i * d + j] * w_true[j];
		y[i] = s + noise * ec_xorshift_uniform(&g, -1, 1);
	}
	return EC_OK;
}

/* How select_lambda() fits: ISTA for `iters` steps, or coordinate descent to `tol`. */
struct solver {
	bool coordinate;
	size_t iters;
	double tol;
};

static ec_status select_lambda(ec_reg_kind kind, const double *Xtr, const double *ytr,
			       size_t ntr, const double *Xva, const double *yva, size_t nva,
			       size_t d, const double *lambdas, size_t count,
			       const struct solver *how, double *best_lambda, double *best_mse,
			       double *w, ec_error *err)
{
	double *cand, mse;
	size_t k, j;
	ec_status st = EC_OK;

	if (!lambdas || count == 0 || !best_lambda || !best_mse || !w)
		return ec_error_set(err, EC_ERR_INVALID, "no lambda to try");
	if ((st = check_data(Xva, yva, nva, d, w, err)) != EC_OK)
		return st;
	cand = malloc(d * sizeof(double));
	if (!cand)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu weights", d);
	for (k = 0; k < count && st == EC_OK; k++) {
		if (how->coordinate)
			st = ec_reg_fit_cd(kind, Xtr, ytr, ntr, d, lambdas[k], how->tol, how->iters,
					   cand, NULL, err);
		else
			st = ec_reg_fit(kind, Xtr, ytr, ntr, d, lambdas[k], how->iters, cand, err);
		if (st == EC_OK)
			st = ec_reg_mse(Xva, yva, nva, d, cand, &mse, err);
		if (st == EC_OK && (k == 0 || mse < *best_mse)) {
			*best_mse = mse;
			*best_lambda = lambdas[k];
			for (j = 0; j < d; j++)
				w[j] = cand[j];
		}
	}
	free(cand);
	return st;
}

ec_status ec_reg_select(ec_reg_kind kind, const double *Xtr, const double *ytr, size_t ntr,
			const double *Xva, const double *yva, size_t nva, size_t d,
			const double *lambdas, size_t count, size_t iters, double *best_lambda,
			double *best_mse, double *w, ec_error *err)
{
	const struct solver ista = {false, iters, 0};

	return select_lambda(kind, Xtr, ytr, ntr, Xva, yva, nva, d, lambdas, count, &ista,
			     best_lambda, best_mse, w, err);
}

ec_status ec_reg_select_cd(ec_reg_kind kind, const double *Xtr, const double *ytr, size_t ntr,
			   const double *Xva, const double *yva, size_t nva, size_t d,
			   const double *lambdas, size_t count, double tol, size_t max_sweeps,
			   double *best_lambda, double *best_mse, double *w, ec_error *err)
{
	const struct solver cd = {true, max_sweeps, tol};

	return select_lambda(kind, Xtr, ytr, ntr, Xva, yva, nva, d, lambdas, count, &cd,
			     best_lambda, best_mse, w, err);
}

ec_status ec_reg_count_local_minima(double z, double lambda, double p, double lo, double hi,
				    size_t points, size_t *count, double *minima, size_t max,
				    ec_error *err)
{
	double prev, cur, next, t;
	size_t k, found = 0;
	ec_status st;

	if (!count)
		return ec_error_set(err, EC_ERR_INVALID, "missing result");
	if ((st = check_p(p, err)) != EC_OK)
		return st;
	if (!(isfinite(z) && isfinite(lambda) && lambda >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "z %g and lambda %g must be finite, lambda >= 0",
				    z, lambda);
	if (!(isfinite(lo) && isfinite(hi) && lo < hi) || points < 3)
		return ec_error_set(err, EC_ERR_INVALID, "grid [%g, %g] with %zu points is empty",
				    lo, hi, points);
#define F(t) (((t) - z) * ((t) - z) / 2 + lambda * pow(fabs(t), p))
#define T(k) (lo + (hi - lo) * (double)(k) / (double)(points - 1))
	prev = INFINITY;
	cur = F(T(0));
	for (k = 0; k < points; k++) {
		t = T(k);
		next = k + 1 < points ? F(T(k + 1)) : INFINITY;
		if (cur < prev && cur < next) {
			if (minima && found < max)
				minima[found] = t;
			found++;
		}
		prev = cur;
		cur = next;
	}
#undef F
#undef T
	*count = found;
	return EC_OK;
}
