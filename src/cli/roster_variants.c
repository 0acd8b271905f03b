#include "roster_variants.h"

#include <stdio.h>
#include <string.h>

#include "../lib/questions/variant.h"

void rv_init(rv_set *s)
{
	memset(s, 0, sizeof(*s));
	s->n = 1; /* seeds[0] = 0: the exam itself */
}

bool rv_parse(const char *cell, size_t len, uint64_t *seed, ec_error *why)
{
	char text[24];
	size_t i;
	ec_error sub;

	while (len > 0 && (*cell == ' ' || *cell == '\t'))
		cell++, len--;
	while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t'))
		len--;
	for (i = 0; i < len && i < sizeof(text) - 1; i++)
		text[i] = cell[i] >= 'A' && cell[i] <= 'Z' ? (char)(cell[i] - 'A' + 'a') : cell[i];
	text[i] = '\0';
	*seed = 0;
	if (len == 0)
		return true;
	if (len < sizeof(text) && ec_variant_seed_parse(text, seed, &sub) == 0)
		return true;
	ec_error_set(why, EC_ERR_PARSE,
		     "'%.*s' names no variant (blank, 0 or original for the exam itself, or a seed "
		     "from 1 to 2^63 - 1)",
		     (int)(len > 40 ? 40 : len), cell);
	return false;
}

/* The index of `seed` in the set, or -1. */
static long find(const rv_set *s, uint64_t seed)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->seeds[i] == seed)
			return (long)i;
	return -1;
}

bool rv_note(void *set, const char *cell, size_t len, long line)
{
	rv_set *s = set;
	uint64_t seed;
	ec_error why;
	size_t i;

	if (!rv_parse(cell, len, &seed, &why) || find(s, seed) >= 0)
		return true;
	if (s->n == EC_ROSTER_GRADERS_MAX) {
		s->too_many = line;
		s->extra = seed;
		return false;
	}
	for (i = s->n++; i > 1 && s->seeds[i - 1] > seed; i--)
		s->seeds[i] = s->seeds[i - 1];
	s->seeds[i] = seed;
	return true;
}

long rv_pick(const rv_set *s, const char *cell, size_t len, ec_error *why)
{
	uint64_t seed;
	long k;
	size_t n;

	if (!rv_parse(cell, len, &seed, why)) {
		n = strlen(why->msg);
		snprintf(why->msg + n, sizeof(why->msg) - n, "; graded against the exam's own key");
		return -1;
	}
	k = find(s, seed);
	if (k < 0)
		ec_error_set(why, EC_ERR_PARSE,
			     "variant %llu was not found when the roster was first read; graded "
			     "against the exam's own key",
			     (unsigned long long)seed);
	return k;
}
