#include "examcheck/ec_optim.h"

#include <math.h>

double ec_optim_abs_deriv(double x, void *ctx)
{
	(void)ctx;
	return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
}

double ec_optim_square_deriv(double x, void *ctx)
{
	(void)ctx;
	return 2 * x;
}

double ec_optim_abs_value(double x, void *ctx)
{
	(void)ctx;
	return fabs(x);
}

double ec_optim_square_value(double x, void *ctx)
{
	(void)ctx;
	return x * x;
}

ec_status ec_optim_gd_trace(ec_deriv_fn deriv, void *ctx, double x0, double step,
			    size_t iters, double *trace, ec_error *err)
{
	size_t k;

	if (!deriv || !trace)
		return ec_error_set(err, EC_ERR_INVALID, "missing derivative or trace array");
	if (!isfinite(step) || step <= 0)
		return ec_error_set(err, EC_ERR_INVALID, "step %g is not a positive number", step);
	if (!isfinite(x0))
		return ec_error_set(err, EC_ERR_INVALID, "start %g is not a finite number", x0);
	trace[0] = x0;
	for (k = 0; k < iters; k++)
		trace[k + 1] = trace[k] - step * deriv(trace[k], ctx);
	return EC_OK;
}

const char *ec_gd_behaviour_name(ec_gd_behaviour b)
{
	switch (b) {
	case EC_GD_CONVERGING:
		return "converging";
	case EC_GD_OSCILLATING:
		return "oscillating";
	case EC_GD_DIVERGING:
		return "diverging";
	}
	return "unknown";
}

ec_status ec_optim_classify(const double *trace, size_t len, double ratio,
			    ec_gd_behaviour *out, ec_error *err)
{
	double first, last;
	size_t k;

	if (!trace || !out)
		return ec_error_set(err, EC_ERR_INVALID, "missing trace or result");
	if (len < 2)
		return ec_error_set(err, EC_ERR_INVALID, "a trace of %zu iterate%s has no step",
				    len, len == 1 ? "" : "s");
	if (!(ratio > 0 && ratio < 1))
		return ec_error_set(err, EC_ERR_INVALID, "ratio %g is not between 0 and 1", ratio);
	for (k = 0; k < len; k++) {
		if (!isfinite(trace[k])) {
			*out = EC_GD_DIVERGING;
			return EC_OK;
		}
	}
	first = fabs(trace[1] - trace[0]);
	last = fabs(trace[len - 1] - trace[len - 2]);
	if (last <= first * ratio)
		*out = EC_GD_CONVERGING;
	else if (last >= first / ratio)
		*out = EC_GD_DIVERGING;
	else
		*out = EC_GD_OSCILLATING;
	return EC_OK;
}
