#include "examcheck/ec_xorshift.h"

void ec_xorshift_seed(ec_xorshift *g, uint64_t seed)
{
	g->state = seed ? seed : UINT64_C(0x9E3779B97F4A7C15);
}

void ec_xorshift_seed_mixed(ec_xorshift *g, uint64_t seed)
{
	uint64_t z = seed + UINT64_C(0x9E3779B97F4A7C15);

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	ec_xorshift_seed(g, z ^ (z >> 31));
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

uint64_t ec_xorshift_below(ec_xorshift *g, uint64_t n)
{
	uint64_t limit, x;

	if (n == 0)
		return 0;
	/* The largest multiple of n that fits, minus one: values above it are drawn again. */
	limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
	do
		x = ec_xorshift_next(g);
	while (x > limit);
	return x % n;
}

void ec_xorshift_fill(ec_xorshift *g, double *x, size_t n, double lo, double hi)
{
	size_t i;

	for (i = 0; i < n; i++)
		x[i] = ec_xorshift_uniform(g, lo, hi);
}
