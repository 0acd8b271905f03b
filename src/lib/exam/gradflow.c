#include "examcheck/ec_gradflow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *ec_act_name(ec_act act)
{
	switch (act) {
	case EC_ACT_LINEAR:
		return "linear";
	case EC_ACT_SIGMOID:
		return "sigmoid";
	case EC_ACT_TANH:
		return "tanh";
	}
	return "unknown";
}

static double sigmoid(double z)
{
	return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

double ec_act_value(ec_act act, double z)
{
	switch (act) {
	case EC_ACT_SIGMOID:
		return sigmoid(z);
	case EC_ACT_TANH:
		return tanh(z);
	case EC_ACT_LINEAR:
		break;
	}
	return z;
}

double ec_act_deriv(ec_act act, double z)
{
	double f;

	switch (act) {
	case EC_ACT_SIGMOID:
		f = sigmoid(z);
		return f * (1 - f);
	case EC_ACT_TANH:
		f = tanh(z);
		return 1 - f * f;
	case EC_ACT_LINEAR:
		break;
	}
	return 1.0;
}

static double norm2(const double *v, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i] * v[i];
	return sqrt(s);
}

ec_status ec_gradflow_chain(ec_act act, size_t depth, size_t width, const double *weights,
			    const double *x0, const double *g_out, double *norms, ec_error *err)
{
	uint64_t nz, wsz;
	double *z, *h, *g, *gp;
	size_t l, r, c;

	if (!weights || !x0 || !g_out || !norms)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (depth == 0 || width == 0)
		return ec_error_set(err, EC_ERR_INVALID, "chain of depth %zu and width %zu is empty",
				    depth, width);
	if (!ec_u64_mul(depth, width, &nz) || !ec_u64_add(nz, width, &wsz) ||
	    !ec_u64_mul(wsz, 2 * sizeof(double), &wsz) || wsz > SIZE_MAX)
		return ec_error_set(err, EC_ERR_OVERFLOW, "chain of depth %zu and width %zu is too large",
				    depth, width);
	z = malloc((size_t)wsz + 2 * width * sizeof(double));
	if (!z)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for a chain of depth %zu", depth);
	h = z + depth * width; /* h[l * width ..] for l = 0..depth; z[(l-1) * width ..] */
	g = h + (depth + 1) * width;
	gp = g + width;
	memcpy(h, x0, width * sizeof(double));
	for (l = 1; l <= depth; l++) {
		const double *W = weights + (l - 1) * width * width;

		for (r = 0; r < width; r++) {
			double s = 0;

			for (c = 0; c < width; c++)
				s += W[r * width + c] * h[(l - 1) * width + c];
			z[(l - 1) * width + r] = s;
			h[l * width + r] = ec_act_value(act, s);
		}
	}
	memcpy(g, g_out, width * sizeof(double));
	norms[depth] = norm2(g, width);
	for (l = depth; l >= 1; l--) {
		const double *W = weights + (l - 1) * width * width;

		for (r = 0; r < width; r++)
			g[r] *= ec_act_deriv(act, z[(l - 1) * width + r]);
		for (c = 0; c < width; c++) {
			double s = 0;

			for (r = 0; r < width; r++)
				s += W[r * width + c] * g[r];
			gp[c] = s;
		}
		memcpy(g, gp, width * sizeof(double));
		norms[l - 1] = norm2(g, width);
	}
	free(z);
	return EC_OK;
}

ec_status ec_gradflow_rnn_scalar(ec_act act, double w, double u, double h0, const double *x,
				 size_t steps, double *h, double *dh, ec_error *err)
{
	size_t t;

	if ((steps > 0 && !x) || !h || !dh)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (!isfinite(w) || !isfinite(u) || !isfinite(h0))
		return ec_error_set(err, EC_ERR_INVALID, "recurrent weight, input weight and h0 must be finite");
	h[0] = h0;
	for (t = 1; t <= steps; t++)
		h[t] = ec_act_value(act, w * h[t - 1] + u * x[t - 1]);
	dh[steps] = 1.0;
	for (t = steps; t >= 1; t--)
		dh[t - 1] = dh[t] * w * ec_act_deriv(act, w * h[t - 1] + u * x[t - 1]);
	return EC_OK;
}

ec_status ec_gradflow_clip_by_norm(double *g, size_t n, double max_norm, double *norm_before,
				   ec_error *err)
{
	double nb;
	size_t i;

	if (!g && n > 0)
		return ec_error_set(err, EC_ERR_INVALID, "missing gradient");
	if (!isfinite(max_norm) || max_norm <= 0)
		return ec_error_set(err, EC_ERR_INVALID, "clipping norm %g is not positive", max_norm);
	nb = norm2(g, n);
	if (norm_before)
		*norm_before = nb;
	if (nb > max_norm)
		for (i = 0; i < n; i++)
			g[i] *= max_norm / nb;
	return EC_OK;
}

ec_status ec_gradflow_act_stats(ec_act act, const double *z, size_t n, double threshold,
				ec_act_stats *out, ec_error *err)
{
	double d0 = ec_act_deriv(act, 0), sum_d = 0, sum_f = 0, sum_ff = 0, mean_f;
	size_t i, sat = 0;

	if (!z || !out)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "no pre-activations");
	if (!(threshold > 0 && threshold < 1))
		return ec_error_set(err, EC_ERR_INVALID, "threshold %g is not between 0 and 1", threshold);
	for (i = 0; i < n; i++) {
		double d = ec_act_deriv(act, z[i]), f = ec_act_value(act, z[i]);

		if (d < threshold * d0)
			sat++;
		sum_d += d;
		sum_f += f;
	}
	mean_f = sum_f / (double)n;
	for (i = 0; i < n; i++) {
		double f = ec_act_value(act, z[i]) - mean_f;

		sum_ff += f * f;
	}
	out->frac_saturated = (double)sat / (double)n;
	out->mean_deriv = sum_d / (double)n;
	out->act_std = sqrt(sum_ff / (double)n);
	return EC_OK;
}

static ec_status check_labels(const double *p, const double *y, size_t n, ec_error *err)
{
	size_t i;

	if (!p || !y)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (n == 0)
		return ec_error_set(err, EC_ERR_INVALID, "no predictions");
	for (i = 0; i < n; i++) {
		if (!(p[i] >= 0 && p[i] <= 1))
			return ec_error_set(err, EC_ERR_INVALID, "prediction %zu (%g) is outside [0, 1]",
					    i, p[i]);
		if (y[i] != 0 && y[i] != 1)
			return ec_error_set(err, EC_ERR_INVALID, "label %zu (%g) is not 0 or 1", i, y[i]);
	}
	return EC_OK;
}

ec_status ec_gradflow_accuracy(const double *p, const double *y, size_t n, double *acc,
			       ec_error *err)
{
	size_t i, right = 0;
	ec_status st;

	if ((st = check_labels(p, y, n, err)) != EC_OK)
		return st;
	for (i = 0; i < n; i++)
		right += (p[i] >= 0.5 ? 1.0 : 0.0) == y[i];
	*acc = (double)right / (double)n;
	return EC_OK;
}

ec_status ec_gradflow_bce(const double *p, const double *y, size_t n, double *loss,
			  ec_error *err)
{
	double s = 0;
	size_t i;
	ec_status st;

	if ((st = check_labels(p, y, n, err)) != EC_OK)
		return st;
	for (i = 0; i < n; i++) {
		double q = fmin(fmax(p[i], 1e-12), 1 - 1e-12);

		s -= y[i] * log(q) + (1 - y[i]) * log(1 - q);
	}
	*loss = s / (double)n;
	return EC_OK;
}

/* Score of theta; p is scratch of n values. */
static ec_status logistic_value(ec_score score, const double *x, const double *y, size_t n,
				size_t d, const double *theta, double *p, double *value,
				ec_error *err)
{
	size_t i, j;
	ec_status st;

	for (i = 0; i < n; i++) {
		double s = theta[d];

		for (j = 0; j < d; j++)
			s += theta[j] * x[i * d + j];
		p[i] = sigmoid(s);
	}
	if (score == EC_SCORE_BCE)
		return ec_gradflow_bce(p, y, n, value, err);
	if ((st = ec_gradflow_accuracy(p, y, n, value, err)) == EC_OK)
		*value = 1 - *value;
	return st;
}

ec_status ec_gradflow_logistic(ec_score score, const double *x, const double *y, size_t n,
			       size_t d, const double *theta, double h, double *value,
			       double *grad, ec_error *err)
{
	double *p, *tp;
	size_t i, j;
	ec_status st;

	if (!x || !y || !theta || !value || !grad)
		return ec_error_set(err, EC_ERR_INVALID, "missing array");
	if (n == 0 || d == 0)
		return ec_error_set(err, EC_ERR_INVALID, "logistic model with %zu points of dimension %zu",
				    n, d);
	if (score == EC_SCORE_ACCURACY && !(isfinite(h) && h > 0))
		return ec_error_set(err, EC_ERR_INVALID, "finite-difference step %g is not positive", h);
	if (n > SIZE_MAX / sizeof(double) - d - 1)
		return ec_error_set(err, EC_ERR_OVERFLOW, "%zu points are too many", n);
	p = malloc((n + d + 1) * sizeof(double));
	if (!p)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu points", n);
	tp = p + n;
	if ((st = logistic_value(score, x, y, n, d, theta, p, value, err)) != EC_OK)
		goto done;
	if (score == EC_SCORE_BCE) {
		for (j = 0; j <= d; j++)
			grad[j] = 0;
		for (i = 0; i < n; i++) {
			for (j = 0; j < d; j++)
				grad[j] += (p[i] - y[i]) * x[i * d + j] / (double)n;
			grad[d] += (p[i] - y[i]) / (double)n;
		}
		goto done;
	}
	memcpy(tp, theta, (d + 1) * sizeof(double));
	for (j = 0; j <= d && st == EC_OK; j++) {
		double up = 0, down = 0;

		tp[j] = theta[j] + h;
		st = logistic_value(score, x, y, n, d, tp, p, &up, err);
		tp[j] = theta[j] - h;
		if (st == EC_OK)
			st = logistic_value(score, x, y, n, d, tp, p, &down, err);
		tp[j] = theta[j];
		grad[j] = (up - down) / (2 * h);
	}
done:
	free(p);
	return st;
}

ec_status ec_gradflow_logistic_train(ec_score score, const double *x, const double *y,
				     size_t n, size_t d, double *theta, double lr, size_t iters,
				     double h, double *moved, ec_error *err)
{
	double *start, *grad, *prev, value, dist = 0;
	size_t k, j;
	ec_status st = EC_OK;

	if (!theta)
		return ec_error_set(err, EC_ERR_INVALID, "missing parameters");
	if (!(isfinite(lr) && lr > 0))
		return ec_error_set(err, EC_ERR_INVALID, "learning rate %g is not positive", lr);
	if (d > SIZE_MAX / (2 * sizeof(double)) - 1)
		return ec_error_set(err, EC_ERR_OVERFLOW, "dimension %zu is too large", d);
	start = malloc(3 * (d + 1) * sizeof(double));
	if (!start)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory for %zu parameters", d + 1);
	grad = start + d + 1;
	prev = grad + d + 1;
	memcpy(start, theta, (d + 1) * sizeof(double));
	for (k = 0; k < iters && st == EC_OK; k++) {
		memcpy(prev, theta, (d + 1) * sizeof(double));
		st = ec_gradflow_logistic(score, x, y, n, d, theta, h, &value, grad, err);
		for (j = 0; j <= d && st == EC_OK; j++)
			theta[j] -= lr * grad[j];
		/* A step that leaves theta as it was (a zero gradient) is repeated by every later step. */
		if (st == EC_OK && memcmp(prev, theta, (d + 1) * sizeof(double)) == 0)
			break;
	}
	for (j = 0; j <= d; j++)
		dist += (theta[j] - start[j]) * (theta[j] - start[j]);
	if (moved && st == EC_OK)
		*moved = sqrt(dist);
	free(start);
	return st;
}
