/*
 * q2_9.c: Q2.9, true statements about pooling layers. Each option is
 * checked by running pooling on a small deterministic input: gradients of
 * max and average pooling, the parameter count, and output shapes.
 */
#include <inttypes.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_tensor.h"

enum { N = 4, P = 2 };
static const uint64_t q29_seed = 2023;
static const uint64_t q29_window[2] = {2, 2};
static const uint64_t q29_claimed_params = 4;
/* The usual pooling layer, and one that keeps height and width. */
static const char q29_pool[] = "INPUT 3x4x4; POOL2";
static const char q29_same[] = "INPUT 3x4x4; POOL3-s1-p1";

/* "A, C" from option flags a..d. */
static void spaced(char *buf, size_t size, const int flags[4])
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < 4; i++)
		if (flags[i] && used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%c", used ? ", " : "",
						 (char)('A' + i));
	if (!buf[0])
		snprintf(buf, size, "(none)");
}

static void say_mat(ec_actx *a, const ec_mat *m)
{
	size_t r, c;

	for (r = 0; r < m->rows; r++) {
		ec_say(a, "     ");
		for (c = 0; c < m->cols; c++)
			ec_say(a, " %5g", EC_AT(m, r, c));
		ec_say(a, "\n");
	}
}

static int shape_of(ec_actx *a, const char *spec, ec_layer_stats st[2])
{
	ec_layer_list list;
	ec_error err;

	ec_error_clear(&err);
	if (ec_layers_parse(spec, &list, &err) != EC_OK)
		goto failed;
	if (list.count != 2) {
		ec_layers_free(&list);
		ec_error_set(&err, EC_ERR_INVALID, "q2.9: expected 2 layers in '%s'", spec);
		goto failed;
	}
	if (ec_layers_walk(&list, st, &err) != EC_OK) {
		ec_layers_free(&list);
		goto failed;
	}
	ec_layers_free(&list);
	return 0;
failed:
	a->err = err;
	return -1;
}

static const char *yes(int b)
{
	return b ? "true" : "false";
}

int ec_ans_2_9(ec_actx *a)
{
	double xv[N * N], ymv[P * P], yav[P * P], onesv[P * P], dmv[N * N], dav[N * N];
	ec_mat x = {N, N, xv}, ym = {P, P, ymv}, ya = {P, P, yav}, ones = {P, P, onesv};
	ec_mat dm = {N, N, dmv}, da = {N, N, dav};
	ec_layer_stats pool[2], same[2];
	ec_xorshift gen;
	uint64_t params;
	size_t zeros_max, zeros_avg, i;
	int a_max, a_avg, opt_a, opt_b, opt_c, opt_d;
	char letters[8] = "", shown[16], alt[16];
	ec_error err;

	ec_error_clear(&err);
	for (i = 0; i < P * P; i++)
		onesv[i] = 1;
	ec_xorshift_seed(&gen, q29_seed);
	if (ec_mat_fill_ints(&x, &gen, 0, 99, &err) != EC_OK ||
	    ec_maxpool2d(&x, P, P, &ym, NULL, &err) != EC_OK ||
	    ec_maxpool2d_backward(&x, P, P, &ones, &dm, &err) != EC_OK ||
	    ec_avgpool2d(&x, P, P, &ya, &err) != EC_OK ||
	    ec_avgpool2d_backward(&ones, P, P, &da, &err) != EC_OK) {
		a->err = err;
		return -1;
	}
	if (shape_of(a, q29_pool, pool) || shape_of(a, q29_same, same))
		return -1;
	zeros_max = ec_mat_count_zeros(&dm);
	zeros_avg = ec_mat_count_zeros(&da);
	params = ec_pool_param_count(2, q29_window);
	a_max = zeros_max > 0;
	a_avg = zeros_avg > 0;
	opt_a = a_max && a_avg;
	opt_b = params == q29_claimed_params;
	opt_c = pool[1].dims[0] == pool[0].dims[0] && same[1].dims[0] == same[0].dims[0];
	opt_d = pool[1].dims[1] == pool[0].dims[1] && pool[1].dims[2] == pool[0].dims[2];
	if (opt_a)
		strcat(letters, "A");
	if (opt_b)
		strcat(letters, "B");
	if (opt_c)
		strcat(letters, "C");
	if (opt_d)
		strcat(letters, "D");
	{
		int flags[4] = {opt_a, opt_b, opt_c, opt_d};
		int max_flags[4] = {a_max, opt_b, opt_c, opt_d};

		spaced(shown, sizeof(shown), flags);
		spaced(alt, sizeof(alt), max_flags);
	}

	ec_answer(a, "%s", shown);
	ec_say(a, "Reading: 'a pooling layer' means any pooling layer, max or average, so a\n"
		  "statement must hold for both. Each option is checked on a %dx%d input drawn\n"
		  "from a xorshift64 generator (seed %" PRIu64 "), pooled %dx%d with stride %d:\n",
	       N, N, q29_seed, P, P, P);
	say_mat(a, &x);
	ec_say(a, "\nA. Gradients w.r.t. the input, with dL/dy = 1 for every output:\n"
		  "   max pooling (only each window's maximum receives the gradient):\n");
	say_mat(a, &dm);
	ec_say(a, "   -> %zu of %d inputs get 0.\n", zeros_max, N * N);
	ec_say(a, "   average pooling (every input receives dL/dy / %d):\n", P * P);
	say_mat(a, &da);
	ec_say(a, "   -> %zu of %d inputs get 0.\n", zeros_avg, N * N);
	ec_say(a, "   Max pooling: %s; average pooling: %s; so for pooling layers: %s.\n",
	       yes(a_max), yes(a_avg), yes(opt_a));
	ec_say(a, "   Other reading: if 'pooling' means max pooling only, A is %s and the\n"
		  "   answer would be %s.\n", yes(a_max), alt);
	ec_say(a, "B. A %" PRIu64 "x%" PRIu64 " pooling window learns %" PRIu64
		  " parameters (it only takes a max or a\n   mean), claimed %" PRIu64 ": %s.\n",
	       q29_window[0], q29_window[1], params, q29_claimed_params, yes(opt_b));
	ec_say(a, "C. Pooling acts on each channel separately: '%s' gives\n   %" PRIu64
		  "x%" PRIu64 "x%" PRIu64 " from %" PRIu64 "x%" PRIu64 "x%" PRIu64
		  " (depth %" PRIu64 " kept): %s.\n",
	       q29_pool, pool[1].dims[0], pool[1].dims[1], pool[1].dims[2], pool[0].dims[0],
	       pool[0].dims[1], pool[0].dims[2], pool[1].dims[0], yes(opt_c));
	ec_say(a, "D. The same '%s' shrinks %" PRIu64 "x%" PRIu64 " to %" PRIu64 "x%" PRIu64
		  ": %s.\n   (A stride-1 padded pool, '%s', keeps %" PRIu64 "x%" PRIu64
		  ", but pooling layers\n   in general do change height and width.)\n",
	       q29_pool, pool[0].dims[1], pool[0].dims[2], pool[1].dims[1], pool[1].dims[2],
	       yes(opt_d), q29_same, same[1].dims[1], same[1].dims[2]);
	return ec_keyf(a, "2.9", EC_KEY_MC, 4, "%s", letters);
}
