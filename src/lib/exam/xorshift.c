#include "examcheck/ec_xorshift.h"

void ec_xorshift_seed(ec_xorshift *g, uint64_t seed)
{
	g->state = seed ? seed : UINT64_C(0x9E3779B97F4A7C15);
}

uint64_t ec_xorshift_next(ec_xorshift *g)
{
	uint64_t x = g->state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	g->state = x;
	return x;
}

double ec_xorshift_uniform(ec_xorshift *g, double lo, double hi)
{
	double u = (double)(ec_xorshift_next(g) >> 11) * 0x1p-53;

	return lo + (hi - lo) * u;
}

void ec_xorshift_fill(ec_xorshift *g, double *x, size_t n, double lo, double hi)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = ec_xorshift_uniform(g, lo, hi);
}
