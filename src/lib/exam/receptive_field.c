#include "examcheck/ec_rf.h"

#include <string.h>

ec_rf ec_rf_identity(void)
{
	ec_rf rf = {1, 1, 0};

	return rf;
}

ec_status ec_rf_step(const ec_rf *in, const ec_window *w, ec_rf *out, ec_error *err)
{
	uint64_t grow, shift;
	ec_rf r;

	if (w->kernel == 0)
		return ec_error_set(err, EC_ERR_INVALID, "kernel size 0 is not positive");
	if (w->stride == 0)
		return ec_error_set(err, EC_ERR_INVALID, "stride 0 is not positive");
	if (w->dilation == 0)
		return ec_error_set(err, EC_ERR_INVALID, "dilation 0 is not positive");
	if (!ec_u64_mul(w->kernel - 1, w->dilation, &grow) ||
	    !ec_u64_mul(grow, in->jump, &grow) || !ec_u64_add(in->size, grow, &r.size))
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "receptive field size does not fit in 64 bits");
	if (!ec_u64_mul(in->jump, w->stride, &r.jump))
		return ec_error_set(err, EC_ERR_OVERFLOW, "jump does not fit in 64 bits");
	if (!ec_u64_mul(w->pad, in->jump, &shift) || shift > (uint64_t)INT64_MAX ||
	    in->first < INT64_MIN + (int64_t)shift)
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "receptive field offset does not fit in 64 bits");
	r.first = in->first - (int64_t)shift;
	*out = r;
	return EC_OK;
}

ec_status ec_rf_compute(const ec_window *w, size_t n, ec_rf *out, ec_error *err)
{
	ec_rf cur = ec_rf_identity();
	size_t i;
	ec_status st;

	for (i = 0; i < n; i++) {
		if ((st = ec_rf_step(&cur, &w[i], &out[i], err)) != EC_OK)
			return st;
		cur = out[i];
	}
	return EC_OK;
}

ec_status ec_rf_start2(const ec_rf *rf, int64_t *twice, ec_error *err)
{
	int64_t first = rf->first, span;

	if (rf->size == 0 || rf->size - 1 > (uint64_t)INT64_MAX ||
	    first > INT64_MAX / 2 || first < INT64_MIN / 2)
		goto overflow;
	span = (int64_t)(rf->size - 1);
	if (2 * first > INT64_MAX - span)
		goto overflow;
	*twice = 2 * first + span;
	return EC_OK;
overflow:
	return ec_error_set(err, EC_ERR_OVERFLOW,
			    "receptive field centre does not fit in 64 bits");
}

ec_status ec_rf_area(size_t nspatial, const uint64_t *size, uint64_t *area, ec_error *err)
{
	if (ec_u64_product(nspatial, size, area, NULL) != EC_OK)
		return ec_error_set(err, EC_ERR_OVERFLOW,
				    "receptive field area does not fit in 64 bits");
	return EC_OK;
}

ec_status ec_fc_as_conv(size_t nspatial, const uint64_t *in_spatial, uint64_t channels,
			uint64_t neurons, ec_fc_conv *out, ec_error *err)
{
	ec_fc_conv c;
	uint64_t volume;
	size_t i;

	if (nspatial == 0 || nspatial > EC_MAX_SPATIAL)
		return ec_error_set(err, EC_ERR_INVALID,
				    "%zu spatial dimensions (1 to %d are supported)", nspatial,
				    EC_MAX_SPATIAL);
	if (channels == 0 || neurons == 0)
		return ec_error_set(err, EC_ERR_INVALID, "%s 0 is not positive",
				    channels == 0 ? "channel count" : "neuron count");
	memset(&c, 0, sizeof(c));
	c.nspatial = nspatial;
	for (i = 0; i < nspatial; i++) {
		if (in_spatial[i] == 0)
			return ec_error_set(err, EC_ERR_INVALID, "input size 0 is not positive");
		c.kernel[i] = in_spatial[i];
	}
	c.depth = channels;
	c.filters = neurons;
	if (ec_u64_product(nspatial, c.kernel, &volume, NULL) != EC_OK ||
	    !ec_u64_mul(volume, channels, &c.weights) ||
	    !ec_u64_mul(c.weights, neurons, &c.weights))
		return ec_error_set(err, EC_ERR_OVERFLOW, "weight count does not fit in 64 bits");
	*out = c;
	return EC_OK;
}
