/*
 * share.c: what the modules' texts and numbers write alike: layer names,
 * the exam's fractions, JSON numbers.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "examcheck/ec_expr.h"
#include "question.h"

const char *const ec_roman[5] = {"i", "ii", "iii", "iv", "v"};

void ec_fraction(double v, char *buf, size_t size)
{
	int den;

	for (den = 1; den <= 64; den *= 2) {
		double num = v * den;

		if (num == floor(num)) {
			if (den == 1)
				snprintf(buf, size, "%.0f", num);
			else
				snprintf(buf, size, "%.0f/%d", num, den);
			return;
		}
	}
	ec_expr_format_number(v, buf, size);
}

void ec_json_number(FILE *f, double v)
{
	char buf[32];

	fputs(ec_expr_format_number(v, buf, sizeof(buf)), f);
}

void ec_json_rows(FILE *f, const double *v, size_t rows, size_t cols)
{
	size_t r, c;

	putc('[', f);
	for (r = 0; r < rows; r++) {
		fputs(r ? ", [" : "[", f);
		for (c = 0; c < cols; c++) {
			if (c)
				fputs(", ", f);
			ec_json_number(f, v[r * cols + c]);
		}
		putc(']', f);
	}
	putc(']', f);
}

int ec_draw_int(ec_xorshift *g, int lo, int hi)
{
	return lo + (int)ec_xorshift_below(g, (uint64_t)(hi - lo + 1));
}

bool ec_draw_chance(ec_xorshift *g, unsigned num, unsigned den)
{
	return ec_xorshift_below(g, den) < num;
}

int ec_draw_gave_up(ec_error *err, const char *id, uint64_t seed)
{
	ec_error_set(err, EC_ERR_INVALID, "variant %" PRIu64 ": no valid q%s after %d draws", seed,
		     id, EC_DRAW_TRIES);
	return -1;
}

static const ec_option_order *order_of(const ec_exam_params *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->norders; i++)
		if (strcmp(p->orders[i].id, id) == 0)
			return &p->orders[i];
	return NULL;
}

size_t ec_option_at(const ec_exam_params *p, const char *id, size_t pos)
{
	const ec_option_order *o = order_of(p, id);

	return o && pos < o->n ? o->shown[pos] : pos;
}

char ec_option_letter(const ec_exam_params *p, const char *id, size_t k)
{
	const ec_option_order *o = order_of(p, id);
	size_t pos;

	for (pos = 0; o && pos < o->n; pos++)
		if (o->shown[pos] == k)
			return (char)('A' + pos);
	return (char)('A' + k);
}
