#include "examcheck/ec_layers.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_utf8.h"

static int is_sep(char c)
{
	return c == ';' || c == ',' || isspace((unsigned char)c);
}

static int lower(char c)
{
	return tolower((unsigned char)c);
}

static int starts_with(const char *s, size_t n, const char *word)
{
	size_t i, k = strlen(word);

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (lower(s[i]) != word[i])
			return 0;
	return 1;
}

static void set_name(ec_layer *l, const char *s, size_t n)
{
	size_t cap = sizeof(l->name) - 1;

	if (n > cap) {
		size_t keep = ec_utf8_boundary(s, n, cap - 3);

		memcpy(l->name, s, keep);
		memcpy(l->name + keep, "...", 4);
	} else {
		memcpy(l->name, s, n);
		l->name[n] = '\0';
	}
}

static ec_status layer_error(ec_error *err, ec_status st, size_t index, const ec_layer *l,
			     const char *fmt, ...)
{
	char msg[200], name[4 * sizeof(l->name)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ec_utf8_quote(l->name, strlen(l->name), sizeof(l->name), name, sizeof(name));
	return ec_error_set(err, st, "layer %zu ('%s'): %s", index + 1, name, msg);
}

/* The length of a 'x', 'X' or U+00D7 multiplication sign at s[i] (< n), or 0. */
static size_t times_len(const char *s, size_t n, size_t i)
{
	size_t t = strlen(EC_UTF8_TIMES);

	if (lower(s[i]) == 'x')
		return 1;
	return n - i >= t && memcmp(s + i, EC_UTF8_TIMES, t) == 0 ? t : 0;
}

/* The character at s[i] (< n) as a message quotes it: 'x', '×', '\xFF'. */
static const char *char_at(const char *s, size_t n, size_t i, char *buf, size_t size)
{
	return ec_utf8_char_text(s + i, n - i, NULL, buf, size);
}

/* Digits at s[*i] (< n) into *v. 0 when no digit, -1 when too large. */
static int read_u64(const char *s, size_t n, size_t *i, uint64_t *v)
{
	uint64_t x = 0;
	size_t start = *i;

	while (*i < n && isdigit((unsigned char)s[*i])) {
		if (!ec_u64_mul(x, 10, &x) || !ec_u64_add(x, (uint64_t)(s[*i] - '0'), &x))
			return -1;
		++*i;
	}
	if (*i == start)
		return 0;
	*v = x;
	return 1;
}

static ec_status parse_shape(const char *s, size_t n, size_t index, ec_layer *l,
			     ec_error *err)
{
	size_t i = 0, t;
	int r;
	char c[20];

	l->rank = 0;
	for (;;) {
		uint64_t v;

		if (l->rank == 1 + EC_MAX_SPATIAL)
			return layer_error(err, EC_ERR_PARSE, index, l,
					   "a shape has channels and 1 to %d spatial sizes",
					   EC_MAX_SPATIAL);
		r = read_u64(s, n, &i, &v);
		if (r < 0)
			return layer_error(err, EC_ERR_OVERFLOW, index, l,
					   "a size does not fit in 64 bits");
		if (r == 0)
			return layer_error(err, EC_ERR_PARSE, index, l,
					   "expected a shape such as 3x64x64");
		if (v == 0)
			return layer_error(err, EC_ERR_INVALID, index, l,
					   "size 0 is not positive");
		l->dims[l->rank++] = v;
		if (i == n)
			break;
		if ((t = times_len(s, n, i)) == 0)
			return layer_error(err, EC_ERR_PARSE, index, l,
					   "unexpected '%s' in the shape",
					   char_at(s, n, i, c, sizeof(c)));
		i += t;
	}
	if (l->rank < 2)
		return layer_error(err, EC_ERR_PARSE, index, l,
				   "a shape has channels and 1 to %d spatial sizes, e.g. 3x64x64",
				   EC_MAX_SPATIAL);
	return EC_OK;
}

/* Attributes after a conv or pool kernel size: [-]<n>, [-]p<n>, [-]s<n>, [-]d<n>. */
static ec_status parse_attrs(const char *s, size_t n, size_t i, size_t index, ec_layer *l,
			     ec_error *err)
{
	int have_count = 0, have_p = 0, have_s = 0, have_d = 0;

	while (i < n) {
		uint64_t v;
		char key = 'n';
		int r, *seen;

		if (s[i] == '-')
			i++;
		if (i < n && s[i] != '\0' && strchr("psd", lower(s[i])))
			key = (char)lower(s[i++]);
		r = read_u64(s, n, &i, &v);
		if (r < 0)
			return layer_error(err, EC_ERR_OVERFLOW, index, l,
					   "a number does not fit in 64 bits");
		if (r == 0) {
			char c[20];

			if (i < n)
				return layer_error(err, EC_ERR_PARSE, index, l,
						   "unexpected '%s' (expected -N, pN, sN or dN)",
						   char_at(s, n, i, c, sizeof(c)));
			return layer_error(err, EC_ERR_PARSE, index, l,
					   "expected a number at the end");
		}
		seen = key == 'p' ? &have_p : key == 's' ? &have_s : key == 'd' ? &have_d
										: &have_count;
		if (*seen)
			return layer_error(err, EC_ERR_PARSE, index, l, "%s given twice",
					   key == 'p' ? "padding" : key == 's' ? "stride"
					   : key == 'd' ? "dilation" : "filter count");
		*seen = 1;
		switch (key) {
		case 'p':
			l->window.pad = v;
			break;
		case 's':
			if (v == 0)
				return layer_error(err, EC_ERR_INVALID, index, l,
						   "stride 0 is not positive");
			l->window.stride = v;
			break;
		case 'd':
			if (v == 0)
				return layer_error(err, EC_ERR_INVALID, index, l,
						   "dilation 0 is not positive");
			l->window.dilation = v;
			break;
		default:
			if (l->type == EC_LAYER_POOL)
				return layer_error(err, EC_ERR_PARSE, index, l,
						   "a pooling layer takes no filter count");
			if (v == 0)
				return layer_error(err, EC_ERR_INVALID, index, l,
						   "filter count 0 is not positive");
			l->count = v;
			break;
		}
	}
	return EC_OK;
}

static ec_status parse_window_layer(const char *s, size_t n, size_t skip, size_t index,
				    ec_layer *l, ec_error *err)
{
	size_t i = skip;
	int r;

	r = read_u64(s, n, &i, &l->window.kernel);
	if (r < 0)
		return layer_error(err, EC_ERR_OVERFLOW, index, l,
				   "kernel size does not fit in 64 bits");
	if (r == 0)
		return layer_error(err, EC_ERR_PARSE, index, l,
				   "expected a kernel size after '%.*s'", (int)skip, s);
	if (l->window.kernel == 0)
		return layer_error(err, EC_ERR_INVALID, index, l, "kernel size 0 is not positive");
	l->window.stride = l->type == EC_LAYER_POOL ? l->window.kernel : 1;
	l->window.pad = 0;
	l->window.dilation = 1;
	return parse_attrs(s, n, i, index, l, err);
}

static ec_status parse_fc(const char *s, size_t n, size_t index, ec_layer *l, ec_error *err)
{
	size_t i = 2;
	int r;

	if (i < n && s[i] == '-')
		i++;
	r = read_u64(s, n, &i, &l->count);
	if (r < 0)
		return layer_error(err, EC_ERR_OVERFLOW, index, l,
				   "neuron count does not fit in 64 bits");
	if (r == 0 || i != n)
		return layer_error(err, EC_ERR_PARSE, index, l,
				   "expected a neuron count such as FC-256");
	if (l->count == 0)
		return layer_error(err, EC_ERR_INVALID, index, l,
				   "neuron count 0 is not positive");
	return EC_OK;
}

static ec_status push(ec_layer_list *list, size_t *cap, const ec_layer *l, ec_error *err)
{
	if (list->count == *cap) {
		size_t ncap = *cap ? 2 * *cap : 8;
		ec_layer *grown;

		if (ncap > SIZE_MAX / sizeof(*grown) ||
		    !(grown = realloc(list->layers, ncap * sizeof(*grown))))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		list->layers = grown;
		*cap = ncap;
	}
	list->layers[list->count++] = *l;
	return EC_OK;
}

ec_status ec_layers_parse(const char *spec, ec_layer_list *list, ec_error *err)
{
	ec_layer_list out = {NULL, 0};
	size_t cap = 0, pos = 0, len = strlen(spec);
	ec_status st = EC_OK;

	while (st == EC_OK) {
		size_t start, n;
		ec_layer l;

		while (pos < len && is_sep(spec[pos]))
			pos++;
		if (pos == len)
			break;
		start = pos;
		while (pos < len && !is_sep(spec[pos]))
			pos++;
		n = pos - start;
		memset(&l, 0, sizeof(l));
		set_name(&l, spec + start, n);
		if (starts_with(spec + start, n, "input")) {
			size_t skip = 5;

			l.type = EC_LAYER_INPUT;
			if (n == 5) {
				size_t first = start;

				while (pos < len && isspace((unsigned char)spec[pos]))
					pos++;
				start = pos;
				while (pos < len && !is_sep(spec[pos]))
					pos++;
				set_name(&l, spec + first, pos - first);
				skip = 0;
				n = pos - start;
			} else if (spec[start + 5] == '-' || spec[start + 5] == ':') {
				skip = 6;
			}
			st = parse_shape(spec + start + skip, n - skip, out.count, &l, err);
		} else if (starts_with(spec + start, n, "conv")) {
			l.type = EC_LAYER_CONV;
			st = parse_window_layer(spec + start, n, 4, out.count, &l, err);
		} else if (starts_with(spec + start, n, "pool")) {
			l.type = EC_LAYER_POOL;
			st = parse_window_layer(spec + start, n, 4, out.count, &l, err);
		} else if (starts_with(spec + start, n, "fc")) {
			l.type = EC_LAYER_FC;
			st = parse_fc(spec + start, n, out.count, &l, err);
		} else {
			st = layer_error(err, EC_ERR_PARSE, out.count, &l,
					 "unknown layer (expected INPUT, CONV, POOL or FC)");
		}
		if (st == EC_OK)
			st = push(&out, &cap, &l, err);
	}
	if (st == EC_OK && out.count == 0)
		st = ec_error_set(err, EC_ERR_PARSE, "empty layer list");
	if (st != EC_OK) {
		free(out.layers);
		return st;
	}
	*list = out;
	return EC_OK;
}

void ec_layers_free(ec_layer_list *list)
{
	free(list->layers);
	list->layers = NULL;
	list->count = 0;
}

/* The spatial part of the activation between layers. */
struct shape {
	int known;     /* sizes known (the list starts with INPUT) */
	int flat;      /* after an FC layer */
	size_t nspatial;
	uint64_t size[EC_MAX_SPATIAL];
};

static ec_status window_step(const ec_layer_list *list, size_t i, struct shape *sh,
			     ec_error *err)
{
	const ec_layer *l = &list->layers[i];
	const char *what = l->type == EC_LAYER_CONV ? "convolution" : "pooling";
	ec_window w[EC_MAX_SPATIAL];
	uint64_t out[EC_MAX_SPATIAL];
	ec_error local;
	ec_status st;
	size_t k;

	if (sh->flat)
		return layer_error(err, EC_ERR_INVALID, i, l,
				   "%s needs a spatial input, but layer %zu is fully connected",
				   what, i);
	if (!sh->known)
		return EC_OK;
	for (k = 0; k < sh->nspatial; k++)
		w[k] = l->window;
	ec_error_clear(&local);
	st = ec_conv_output_shape(sh->nspatial, sh->size, w, out, &local);
	if (st != EC_OK)
		return layer_error(err, st, i, l, "%s %s", what, local.msg);
	memcpy(sh->size, out, sizeof(out[0]) * sh->nspatial);
	return EC_OK;
}

static ec_status first_input(const ec_layer_list *list, size_t i, ec_error *err)
{
	return layer_error(err, EC_ERR_INVALID, i, &list->layers[i],
			   i == 0 ? "the list must start with INPUT, e.g. 'INPUT 3x64x64'"
				  : "INPUT may only come first");
}

static ec_status overflow_at(ec_error *err, size_t i, const ec_layer *l, const char *what)
{
	return layer_error(err, EC_ERR_OVERFLOW, i, l, "%s does not fit in 64 bits", what);
}

ec_status ec_layers_walk(const ec_layer_list *list, ec_layer_stats *stats, ec_error *err)
{
	struct shape sh;
	uint64_t channels = 0;
	size_t i;
	ec_status st;

	if (list->count == 0)
		return ec_error_set(err, EC_ERR_INVALID, "empty layer list");
	memset(&sh, 0, sizeof(sh));
	for (i = 0; i < list->count; i++) {
		const ec_layer *l = &list->layers[i];
		ec_layer_stats *s = &stats[i];
		ec_error local;

		memset(s, 0, sizeof(*s));
		ec_error_clear(&local);
		if ((i == 0) != (l->type == EC_LAYER_INPUT))
			return first_input(list, i, err);
		switch (l->type) {
		case EC_LAYER_INPUT:
			sh.known = 1;
			sh.nspatial = l->rank - 1;
			memcpy(sh.size, l->dims + 1, sizeof(sh.size[0]) * sh.nspatial);
			channels = l->dims[0];
			break;
		case EC_LAYER_CONV:
		case EC_LAYER_POOL: {
			uint64_t kernel[EC_MAX_SPATIAL];
			size_t k;

			if (l->type == EC_LAYER_CONV && l->count == 0)
				return layer_error(err, EC_ERR_INVALID, i, l,
						   "a convolution needs a filter count, e.g. CONV3-16");
			if ((st = window_step(list, i, &sh, err)) != EC_OK)
				return st;
			if (l->type == EC_LAYER_POOL)
				break;
			for (k = 0; k < sh.nspatial; k++)
				kernel[k] = l->window.kernel;
			if (ec_conv_weight_count(channels, l->count, sh.nspatial, kernel,
						 &s->weights, &local) != EC_OK)
				return overflow_at(err, i, l, "weight count");
			s->biases = ec_conv_bias_count(l->count);
			if (ec_bn_param_count(l->count, &s->bn_params, NULL, &local) != EC_OK)
				return overflow_at(err, i, l, "batch-norm parameter count");
			if (ec_conv_macs(channels, l->count, sh.nspatial, kernel, sh.size,
					 &s->macs, &local) != EC_OK)
				return overflow_at(err, i, l, "multiplication count");
			channels = l->count;
			break;
		}
		case EC_LAYER_FC: {
			uint64_t n_in;

			if (ec_u64_product(sh.nspatial, sh.size, &n_in, NULL) != EC_OK ||
			    !ec_u64_mul(n_in, channels, &n_in))
				return overflow_at(err, i, l, "input size");
			if (ec_fc_weight_count(n_in, l->count, &s->weights, &local) != EC_OK)
				return overflow_at(err, i, l, "weight count");
			s->biases = ec_fc_bias_count(l->count);
			if (ec_fc_macs(n_in, l->count, &s->macs, &local) != EC_OK)
				return overflow_at(err, i, l, "multiplication count");
			sh.flat = 1;
			sh.nspatial = 0;
			channels = l->count;
			break;
		}
		}
		if (ec_flops_from_macs(s->macs, &s->flops, &local) != EC_OK)
			return overflow_at(err, i, l, "flop count");
		s->rank = 1 + sh.nspatial;
		s->dims[0] = channels;
		memcpy(s->dims + 1, sh.size, sizeof(sh.size[0]) * sh.nspatial);
		if (ec_u64_product(s->rank, s->dims, &s->elements, NULL) != EC_OK)
			return overflow_at(err, i, l, "activation size");
	}
	return EC_OK;
}

ec_status ec_layers_totals(const ec_layer_stats *stats, size_t n, ec_layer_stats *total,
			   ec_error *err)
{
	ec_layer_stats t;
	size_t i;

	memset(&t, 0, sizeof(t));
	for (i = 0; i < n; i++)
		if (!ec_u64_add(t.weights, stats[i].weights, &t.weights) ||
		    !ec_u64_add(t.biases, stats[i].biases, &t.biases) ||
		    !ec_u64_add(t.bn_params, stats[i].bn_params, &t.bn_params) ||
		    !ec_u64_add(t.macs, stats[i].macs, &t.macs) ||
		    !ec_u64_add(t.flops, stats[i].flops, &t.flops))
			return ec_error_set(err, EC_ERR_OVERFLOW,
					    "a total over the layers does not fit in 64 bits");
	*total = t;
	return EC_OK;
}

ec_status ec_layers_rf(const ec_layer_list *list, ec_layer_rf *out, ec_error *err)
{
	struct shape sh;
	ec_rf cur[EC_MAX_SPATIAL];
	size_t i, k;
	ec_status st;

	memset(&sh, 0, sizeof(sh));
	sh.nspatial = 2;
	for (k = 0; k < EC_MAX_SPATIAL; k++)
		cur[k] = ec_rf_identity();
	for (i = 0; i < list->count; i++) {
		const ec_layer *l = &list->layers[i];
		ec_layer_rf *r = &out[i];

		memset(r, 0, sizeof(*r));
		if (l->type == EC_LAYER_INPUT) {
			if (i != 0)
				return first_input(list, i, err);
			sh.known = 1;
			sh.nspatial = l->rank - 1;
			memcpy(sh.size, l->dims + 1, sizeof(sh.size[0]) * sh.nspatial);
		} else if (l->type == EC_LAYER_FC) {
			if (!sh.known)
				return layer_error(err, EC_ERR_INVALID, i, l,
						   "the filter size of an FC layer is the size of "
						   "its input: start the list with INPUT");
			for (k = 0; k < sh.nspatial; k++) {
				r->window[k].kernel = sh.size[k];
				r->window[k].stride = 1;
				r->window[k].dilation = 1;
				sh.size[k] = 1;
			}
			sh.flat = 1;
		} else {
			if ((st = window_step(list, i, &sh, err)) != EC_OK)
				return st;
			for (k = 0; k < sh.nspatial; k++)
				r->window[k] = l->window;
		}
		r->nspatial = sh.nspatial;
		for (k = 0; k < sh.nspatial; k++) {
			ec_error local;

			ec_error_clear(&local);
			if (l->type != EC_LAYER_INPUT &&
			    (st = ec_rf_step(&cur[k], &r->window[k], &cur[k], &local)) != EC_OK)
				return layer_error(err, st, i, l, "%s", local.msg);
			r->rf[k] = cur[k];
		}
	}
	return EC_OK;
}
