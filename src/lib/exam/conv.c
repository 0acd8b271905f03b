#include "examcheck/ec_conv.h"

#include <inttypes.h>

static ec_status overflow(ec_error *err, const char *what)
{
	return ec_error_set(err, EC_ERR_OVERFLOW, "%s does not fit in 64 bits", what);
}

ec_status ec_u64_product(size_t n, const uint64_t *v, uint64_t *out, ec_error *err)
{
	uint64_t p = 1;
	size_t i;

	for (i = 0; i < n; i++)
		if (!ec_u64_mul(p, v[i], &p))
			return overflow(err, "product");
	*out = p;
	return EC_OK;
}

ec_status ec_conv_output_size(uint64_t in, const ec_window *w, uint64_t *out,
			      ec_error *err)
{
	uint64_t span, padded, twopad;

	if (in == 0)
		return ec_error_set(err, EC_ERR_INVALID, "input size 0 is not positive");
	if (w->kernel == 0)
		return ec_error_set(err, EC_ERR_INVALID, "kernel size 0 is not positive");
	if (w->stride == 0)
		return ec_error_set(err, EC_ERR_INVALID, "stride 0 is not positive");
	if (w->dilation == 0)
		return ec_error_set(err, EC_ERR_INVALID, "dilation 0 is not positive");
	if (!ec_u64_mul(w->dilation, w->kernel - 1, &span) || !ec_u64_add(span, 1, &span))
		return overflow(err, "dilated window");
	if (!ec_u64_mul(w->pad, 2, &twopad) || !ec_u64_add(in, twopad, &padded))
		return overflow(err, "padded input");
	if (span > padded) {
		if (w->pad)
			return ec_error_set(err, EC_ERR_RANGE,
					    "window %" PRIu64 " is larger than padded input %" PRIu64,
					    span, padded);
		return ec_error_set(err, EC_ERR_RANGE,
				    "window %" PRIu64 " is larger than input %" PRIu64, span, in);
	}
	*out = (padded - span) / w->stride + 1;
	return EC_OK;
}

ec_status ec_conv_output_shape(size_t nspatial, const uint64_t *in,
			       const ec_window *w, uint64_t *out, ec_error *err)
{
	size_t i;
	ec_status st;

	if (nspatial == 0 || nspatial > EC_MAX_SPATIAL)
		return ec_error_set(err, EC_ERR_INVALID,
				    "%zu spatial dimensions (1 to %d are supported)", nspatial,
				    EC_MAX_SPATIAL);
	for (i = 0; i < nspatial; i++)
		if ((st = ec_conv_output_size(in[i], &w[i], &out[i], err)) != EC_OK)
			return st;
	return EC_OK;
}

ec_status ec_conv_weight_count(uint64_t c_in, uint64_t c_out, size_t nspatial,
			       const uint64_t *kernel, uint64_t *out, ec_error *err)
{
	uint64_t taps = 0, n = 0;

	if (nspatial == 0 || nspatial > EC_MAX_SPATIAL)
		return ec_error_set(err, EC_ERR_INVALID,
				    "%zu spatial dimensions (1 to %d are supported)", nspatial,
				    EC_MAX_SPATIAL);
	if (ec_u64_product(nspatial, kernel, &taps, NULL) != EC_OK ||
	    !ec_u64_mul(taps, c_in, &n) || !ec_u64_mul(n, c_out, &n))
		return overflow(err, "weight count");
	*out = n;
	return EC_OK;
}

uint64_t ec_conv_bias_count(uint64_t c_out)
{
	return c_out;
}

ec_status ec_fc_weight_count(uint64_t n_in, uint64_t n_out, uint64_t *out, ec_error *err)
{
	if (!ec_u64_mul(n_in, n_out, out))
		return overflow(err, "weight count");
	return EC_OK;
}

uint64_t ec_fc_bias_count(uint64_t n_out)
{
	return n_out;
}

ec_status ec_bn_param_count(uint64_t channels, uint64_t *learned, uint64_t *running,
			    ec_error *err)
{
	uint64_t two_c;

	if (!ec_u64_mul(channels, 2, &two_c))
		return overflow(err, "batch-norm parameter count");
	if (learned)
		*learned = two_c;
	if (running)
		*running = two_c;
	return EC_OK;
}

uint64_t ec_pool_param_count(size_t nspatial, const uint64_t *window)
{
	(void)nspatial;
	(void)window;
	return 0;
}

ec_status ec_conv_macs(uint64_t c_in, uint64_t c_out, size_t nspatial,
		       const uint64_t *kernel, const uint64_t *out_spatial,
		       uint64_t *macs, ec_error *err)
{
	uint64_t weights = 0, positions = 0, n = 0;
	ec_status st;

	if ((st = ec_conv_weight_count(c_in, c_out, nspatial, kernel, &weights, err)) != EC_OK)
		return st;
	if (ec_u64_product(nspatial, out_spatial, &positions, NULL) != EC_OK ||
	    !ec_u64_mul(weights, positions, &n))
		return overflow(err, "multiplication count");
	*macs = n;
	return EC_OK;
}

ec_status ec_fc_macs(uint64_t n_in, uint64_t n_out, uint64_t *macs, ec_error *err)
{
	if (!ec_u64_mul(n_in, n_out, macs))
		return overflow(err, "multiplication count");
	return EC_OK;
}

ec_status ec_flops_from_macs(uint64_t macs, uint64_t *flops, ec_error *err)
{
	if (!ec_u64_mul(macs, 2, flops))
		return overflow(err, "flop count");
	return EC_OK;
}
