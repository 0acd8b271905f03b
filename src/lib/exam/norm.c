#include "examcheck/ec_norm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *ec_norm_kind_name(ec_norm_kind kind)
{
	return kind == EC_NORM_BATCH ? "batch" : "layer";
}

ec_status ec_norm_shape_count(ec_norm_shape s, size_t *count, ec_error *err)
{
	uint64_t t;

	if (s.n == 0 || s.h == 0 || s.w == 0 || s.c == 0)
		return ec_error_set(err, EC_ERR_INVALID,
				    "shape (%zu, %zu, %zu, %zu) has a zero dimension",
				    s.n, s.h, s.w, s.c);
	if (!ec_u64_mul(s.n, s.h, &t) || !ec_u64_mul(t, s.w, &t) ||
	    !ec_u64_mul(t, s.c, &t) || t > SIZE_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "shape (%zu, %zu, %zu, %zu) has too many elements",
				    s.n, s.h, s.w, s.c);
	*count = (size_t)t;
	return EC_OK;
}

static ec_status check_eps(double eps, ec_error *err)
{
	if (!isfinite(eps) || eps < 0)
		return ec_error_set(err, EC_ERR_INVALID, "eps %g is not a finite value >= 0", eps);
	return EC_OK;
}

/* Group of element k and the group's size. */
static size_t group_of(ec_norm_kind kind, ec_norm_shape s, size_t k)
{
	return kind == EC_NORM_BATCH ? k % s.c : k / (s.h * s.w * s.c);
}

static size_t group_count(ec_norm_kind kind, ec_norm_shape s)
{
	return kind == EC_NORM_BATCH ? s.c : s.n;
}

/* mean[g] and biased var[g] of each group (arrays sized by group_count). */
static void group_stats(ec_norm_kind kind, ec_norm_shape s, size_t total, const double *x,
			double *mean, double *var)
{
	size_t g, k, ng = group_count(kind, s), m = total / ng;

	for (g = 0; g < ng; g++)
		mean[g] = var[g] = 0;
	for (k = 0; k < total; k++)
		mean[group_of(kind, s, k)] += x[k];
	for (g = 0; g < ng; g++)
		mean[g] /= (double)m;
	for (k = 0; k < total; k++) {
		double d = x[k] - mean[group_of(kind, s, k)];

		var[group_of(kind, s, k)] += d * d;
	}
	for (g = 0; g < ng; g++)
		var[g] /= (double)m;
}

static ec_status check_args(ec_norm_shape s, const void *x, const void *y, size_t *total,
			    ec_error *err)
{
	if (!x || !y)
		return ec_error_set(err, EC_ERR_INVALID, "missing data array");
	return ec_norm_shape_count(s, total, err);
}

/* Forward pass with statistics computed from x; no argument checks. */
static ec_status forward(ec_norm_kind kind, ec_norm_shape s, size_t total, const double *x,
			 const double *gamma, const double *beta, double eps, double *y,
			 ec_error *err)
{
	size_t ng = group_count(kind, s), k, g;
	double *mean = malloc(2 * ng * sizeof(double));
	double *var;

	if (!mean)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu statistics", ng);
	var = mean + ng;
	group_stats(kind, s, total, x, mean, var);
	for (g = 0; g < ng; g++) {
		if (!(var[g] + eps > 0)) {
			free(mean);
			return ec_error_set(err, EC_ERR_RANGE,
					    "%s norm: %s %zu has zero variance and eps is 0",
					    ec_norm_kind_name(kind),
					    kind == EC_NORM_BATCH ? "channel" : "sample", g);
		}
	}
	for (k = 0; k < total; k++) {
		size_t c = k % s.c;

		g = group_of(kind, s, k);
		y[k] = (x[k] - mean[g]) / sqrt(var[g] + eps);
		y[k] = (gamma ? gamma[c] : 1.0) * y[k] + (beta ? beta[c] : 0.0);
	}
	free(mean);
	return EC_OK;
}

ec_status ec_norm_forward(ec_norm_kind kind, ec_norm_shape s, const double *x,
			  const double *gamma, const double *beta, double eps, double *y,
			  ec_error *err)
{
	size_t total = 0;
	ec_status st;

	if ((st = check_args(s, x, y, &total, err)) != EC_OK || (st = check_eps(eps, err)) != EC_OK)
		return st;
	return forward(kind, s, total, x, gamma, beta, eps, y, err);
}

ec_status ec_norm_batch_stats(ec_norm_shape s, const double *x, double *mean, double *var,
			      ec_error *err)
{
	size_t total = 0;
	ec_status st;

	if (!mean || !var)
		return ec_error_set(err, EC_ERR_INVALID, "missing statistics array");
	if ((st = check_args(s, x, x, &total, err)) != EC_OK)
		return st;
	group_stats(EC_NORM_BATCH, s, total, x, mean, var);
	return EC_OK;
}

ec_status ec_norm_batch_apply(ec_norm_shape s, const double *x, const double *mean,
			      const double *var, const double *gamma, const double *beta,
			      double eps, double *y, ec_error *err)
{
	size_t total, k, c;
	ec_status st;

	if (!mean || !var)
		return ec_error_set(err, EC_ERR_INVALID, "missing statistics array");
	if ((st = check_args(s, x, y, &total, err)) != EC_OK || (st = check_eps(eps, err)) != EC_OK)
		return st;
	for (c = 0; c < s.c; c++)
		if (!(var[c] + eps > 0))
			return ec_error_set(err, EC_ERR_RANGE,
					    "batch norm: channel %zu has variance %g + eps %g <= 0",
					    c, var[c], eps);
	for (k = 0; k < total; k++) {
		c = k % s.c;
		y[k] = (gamma ? gamma[c] : 1.0) * (x[k] - mean[c]) / sqrt(var[c] + eps) +
		       (beta ? beta[c] : 0.0);
	}
	return EC_OK;
}

ec_status ec_norm_batch_inverse(size_t channels, const double *mean, const double *var,
				double eps, double *gamma, double *beta, ec_error *err)
{
	size_t c;
	ec_status st;

	if (!mean || !var || !gamma || !beta)
		return ec_error_set(err, EC_ERR_INVALID, "missing statistics array");
	if ((st = check_eps(eps, err)) != EC_OK)
		return st;
	for (c = 0; c < channels; c++) {
		if (!(var[c] + eps > 0))
			return ec_error_set(err, EC_ERR_RANGE,
					    "batch norm: channel %zu has variance %g + eps %g <= 0",
					    c, var[c], eps);
		gamma[c] = sqrt(var[c] + eps);
		beta[c] = mean[c];
	}
	return EC_OK;
}

static ec_status square_count(size_t total, ec_error *err)
{
	uint64_t t2;

	if (!ec_u64_mul(total, total, &t2) || t2 > SIZE_MAX / sizeof(double))
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "a Jacobian of %zu x %zu entries does not fit in memory",
				    total, total);
	return EC_OK;
}

ec_status ec_norm_jacobian(ec_norm_kind kind, ec_norm_shape s, const double *x,
			   const double *gamma, double eps, double *J, ec_error *err)
{
	size_t total, ng, m, k, l;
	double *mean, *var, *xh;
	ec_status st;

	if ((st = check_args(s, x, J, &total, err)) != EC_OK || (st = check_eps(eps, err)) != EC_OK ||
	    (st = square_count(total, err)) != EC_OK)
		return st;
	ng = group_count(kind, s);
	m = total / ng;
	mean = malloc((2 * ng + total) * sizeof(double));
	if (!mean)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for a Jacobian");
	var = mean + ng;
	xh = var + ng;
	if ((st = forward(kind, s, total, x, NULL, NULL, eps, xh, err)) != EC_OK) {
		free(mean);
		return st;
	}
	group_stats(kind, s, total, x, mean, var);
	for (k = 0; k < total; k++) {
		size_t g = group_of(kind, s, k);
		double scale = (gamma ? gamma[k % s.c] : 1.0) / sqrt(var[g] + eps);

		for (l = 0; l < total; l++) {
			double v = 0;

			if (group_of(kind, s, l) == g)
				v = scale * ((k == l) - 1.0 / (double)m - xh[k] * xh[l] / (double)m);
			J[k * total + l] = v;
		}
	}
	free(mean);
	return EC_OK;
}

ec_status ec_norm_jacobian_fd(ec_norm_kind kind, ec_norm_shape s, const double *x,
			      const double *gamma, const double *beta, double eps, double h,
			      double *J, ec_error *err)
{
	size_t total, k, l;
	double *xp, *yp, *ym;
	ec_status st = EC_OK;

	if ((st = check_args(s, x, J, &total, err)) != EC_OK || (st = check_eps(eps, err)) != EC_OK ||
	    (st = square_count(total, err)) != EC_OK)
		return st;
	if (!isfinite(h) || h <= 0)
		return ec_error_set(err, EC_ERR_INVALID, "finite-difference step %g is not positive", h);
	xp = malloc(3 * total * sizeof(double));
	if (!xp)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for a Jacobian");
	yp = xp + total;
	ym = yp + total;
	memcpy(xp, x, total * sizeof(double));
	for (l = 0; l < total && st == EC_OK; l++) {
		xp[l] = x[l] + h;
		st = forward(kind, s, total, xp, gamma, beta, eps, yp, err);
		xp[l] = x[l] - h;
		if (st == EC_OK)
			st = forward(kind, s, total, xp, gamma, beta, eps, ym, err);
		xp[l] = x[l];
		for (k = 0; k < total && st == EC_OK; k++)
			J[k * total + l] = (yp[k] - ym[k]) / (2 * h);
	}
	free(xp);
	return st;
}

ec_status ec_norm_block_nonzeros(ec_norm_shape s, const double *J, size_t i, size_t j,
				 double tol, uint64_t *count, ec_error *err)
{
	size_t total, per, r, q;
	uint64_t n = 0;
	ec_status st;

	if ((st = check_args(s, J, count, &total, err)) != EC_OK)
		return st;
	if (!(tol >= 0))
		return ec_error_set(err, EC_ERR_INVALID, "tolerance %g is negative", tol);
	if (i >= s.n || j >= s.n)
		return ec_error_set(err, EC_ERR_RANGE, "sample pair (%zu, %zu) is outside 0..%zu",
				    i, j, s.n - 1);
	per = total / s.n;
	for (r = 0; r < per; r++)
		for (q = 0; q < per; q++)
			if (fabs(J[(i * per + r) * total + j * per + q]) > tol)
				n++;
	*count = n;
	return EC_OK;
}

ec_status ec_norm_monomial(ec_norm_shape s, unsigned hw_power, unsigned c_power,
			   uint64_t *out, ec_error *err)
{
	uint64_t v = 1;
	unsigned p;

	for (p = 0; p < hw_power; p++)
		if (!ec_u64_mul(v, s.h, &v) || !ec_u64_mul(v, s.w, &v))
			goto overflow;
	for (p = 0; p < c_power; p++)
		if (!ec_u64_mul(v, s.c, &v))
			goto overflow;
	*out = v;
	return EC_OK;
overflow:
	return ec_error_set(err, EC_ERR_OVERFLOW,
			    "(H*W)^%u * C^%u for (H, W, C) = (%zu, %zu, %zu) does not fit in 64 bits",
			    hw_power, c_power, s.h, s.w, s.c);
}

ec_status ec_norm_block_nonzeros_formula(ec_norm_kind kind, ec_norm_shape s, size_t i,
					 size_t j, uint64_t *count, ec_error *err)
{
	size_t total = 0;
	ec_status st;

	if ((st = ec_norm_shape_count(s, &total, err)) != EC_OK)
		return st;
	if (i >= s.n || j >= s.n)
		return ec_error_set(err, EC_ERR_RANGE, "sample pair (%zu, %zu) is outside 0..%zu",
				    i, j, s.n - 1);
	if (total / group_count(kind, s) == 1 || (kind == EC_NORM_LAYER && i != j)) {
		*count = 0;
		return EC_OK;
	}
	return ec_norm_monomial(s, 2, kind == EC_NORM_BATCH ? 1 : 2, count, err);
}

ec_status ec_norm_fit_affine(ec_norm_shape s, const double *y, const double *x, double *gamma,
			     double *beta, double *rms, ec_error *err)
{
	size_t total, per, k, c;
	ec_status st;

	if (!gamma || !beta || !rms)
		return ec_error_set(err, EC_ERR_INVALID, "missing output array");
	if ((st = check_args(s, y, x, &total, err)) != EC_OK)
		return st;
	per = total / s.c;
	for (c = 0; c < s.c; c++) {
		double my = 0, mx = 0, syy = 0, syx = 0;

		for (k = c; k < total; k += s.c) {
			my += y[k];
			mx += x[k];
		}
		my /= (double)per;
		mx /= (double)per;
		for (k = c; k < total; k += s.c) {
			syy += (y[k] - my) * (y[k] - my);
			syx += (y[k] - my) * (x[k] - mx);
		}
		gamma[c] = syy > 0 ? syx / syy : 0.0;
		beta[c] = mx - gamma[c] * my;
	}
	return ec_norm_affine_residual(s, y, x, gamma, beta, rms, err);
}

ec_status ec_norm_affine_residual(ec_norm_shape s, const double *y, const double *x,
				  const double *gamma, const double *beta, double *rms,
				  ec_error *err)
{
	size_t total, k;
	double sum = 0;
	ec_status st;

	if (!gamma || !beta || !rms)
		return ec_error_set(err, EC_ERR_INVALID, "missing parameter array");
	if ((st = check_args(s, y, x, &total, err)) != EC_OK)
		return st;
	for (k = 0; k < total; k++) {
		double d = gamma[k % s.c] * y[k] + beta[k % s.c] - x[k];

		sum += d * d;
	}
	*rms = sqrt(sum / (double)total);
	return EC_OK;
}
