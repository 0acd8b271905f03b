/*
 * ec_xorshift.h: a tiny deterministic pseudo-random generator for the
 * demonstrations, so that every data set is the same on every run and
 * every machine (rand() is neither).
 */
#ifndef EC_XORSHIFT_H
#define EC_XORSHIFT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** State of Marsaglia's xorshift64 generator (shifts 13, 7, 17). */
typedef struct ec_xorshift {
	uint64_t state;
} ec_xorshift;

/**
 * Start a generator from `seed`. Seed 0 (a fixed point of xorshift) is
 * replaced by the constant 0x9E3779B97F4A7C15.
 */
void ec_xorshift_seed(ec_xorshift *g, uint64_t seed);

/**
 * Start a generator from SplitMix64's first output for `seed` (state
 * seed + 0x9E3779B97F4A7C15, then its mixing function), so that nearby
 * seeds give unrelated streams: with ec_xorshift_seed() they would not,
 * since xorshift is linear (seed 1 ^ 2 gives the XOR of the streams of
 * seeds 1 and 2). Seed 0 starts from 0xE220A8397B1DCDAF.
 */
void ec_xorshift_seed_mixed(ec_xorshift *g, uint64_t seed);

/**
 * Advance the state (x ^= x << 13; x ^= x >> 7; x ^= x << 17) and return
 * the new state. From state 1 the first value is 1082269761.
 */
uint64_t ec_xorshift_next(ec_xorshift *g);

/**
 * A double uniform in [lo, hi): the top 53 bits of the next value scaled
 * by 2^-53, then mapped affinely onto the interval.
 */
double ec_xorshift_uniform(ec_xorshift *g, double lo, double hi);

/**
 * An integer uniform in [0, n) for n >= 1 (0 when n is 0): the next value
 * modulo n, drawing again while it falls in the incomplete last block of
 * n values, so that no result is favoured.
 */
uint64_t ec_xorshift_below(ec_xorshift *g, uint64_t n);

/** Fill x[0..n) with ec_xorshift_uniform(g, lo, hi) in order. */
void ec_xorshift_fill(ec_xorshift *g, double *x, size_t n, double lo, double hi);

#ifdef __cplusplus
}
#endif

#endif
