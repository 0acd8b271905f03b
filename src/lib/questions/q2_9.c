/*
 * q2_9.c: Q2.9, true statements about pooling layers. Each option is
 * checked by running pooling on a small deterministic input (libexamcheck's
 * ec_tensor.h and ec_layers.h): the input gradients of max and average
 * pooling, the parameter count of a pooling window, and output shapes.
 */
#include <inttypes.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "examcheck/ec_tensor.h"
#include "mc.h"

enum { N = 4, P = 2 };
static const uint64_t q29_seed = 2023;
static const uint64_t q29_window[2] = {P, P};
static const uint64_t q29_claimed_params = 4;
/* The usual pooling layer, and one that keeps height and width. */
static const char q29_pool[] = "INPUT 3x4x4; POOL2";
static const char q29_same[] = "INPUT 3x4x4; POOL3-s1-p1";

/* The options, as the exam writes them. */
enum { ZERO_GRADIENT, PARAMETERS, KEEPS_DEPTH, KEEPS_SIZE, OPTIONS };

/* Option k's text. */
static void option_text(size_t k, char *buf, size_t size)
{
	switch (k) {
	case ZERO_GRADIENT:
		snprintf(buf, size,
			 "the gradient with respect to some of its inputs is always zero");
		break;
	case PARAMETERS:
		snprintf(buf, size,
			 "a %" PRIu64 " x %" PRIu64 " pooling layer has %" PRIu64 " parameters",
			 q29_window[0], q29_window[1], q29_claimed_params);
		break;
	case KEEPS_DEPTH:
		snprintf(buf, size, "pooling keeps the depth (channels) of its input");
		break;
	default:
		snprintf(buf, size, "pooling keeps the height and width of its input");
		break;
	}
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	double xv[N * N], dmv[N * N], dav[N * N]; /* the input; dL/dx of max and average pooling */
	size_t zeros_max, zeros_avg;		  /* inputs whose gradient is 0 */
	uint64_t params;			  /* of a pooling window */
	ec_layer_stats pool[2], same[2];	  /* input and output of q29_pool, q29_same */
	bool holds[OPTIONS];
	bool max_only[OPTIONS]; /* the answer if 'pooling' meant max pooling only */
};

static int shape_of(const char *spec, ec_layer_stats st[2], ec_error *err)
{
	ec_layer_list list;
	int rc = -1;

	if (ec_layers_parse(spec, &list, err) != EC_OK)
		return -1;
	if (list.count != 2)
		ec_error_set(err, EC_ERR_INVALID, "q2.9: expected 2 layers in '%s'", spec);
	else if (ec_layers_walk(&list, st, err) == EC_OK)
		rc = 0;
	ec_layers_free(&list);
	return rc;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	double onesv[P * P];
	ec_mat x = {N, N, sol->xv}, ones = {P, P, onesv};
	ec_mat dm = {N, N, sol->dmv}, da = {N, N, sol->dav};
	ec_xorshift gen;
	size_t i;

	sol->p = s->p;
	for (i = 0; i < P * P; i++)
		onesv[i] = 1;
	ec_xorshift_seed(&gen, q29_seed);
	if (ec_mat_fill_ints(&x, &gen, 0, 99, err) != EC_OK ||
	    ec_maxpool2d_backward(&x, P, P, &ones, &dm, err) != EC_OK ||
	    ec_avgpool2d_backward(&ones, P, P, &da, err) != EC_OK ||
	    shape_of(q29_pool, sol->pool, err) != 0 || shape_of(q29_same, sol->same, err) != 0)
		return -1;
	sol->zeros_max = ec_mat_count_zeros(&dm);
	sol->zeros_avg = ec_mat_count_zeros(&da);
	sol->params = ec_pool_param_count(2, q29_window);
	sol->holds[ZERO_GRADIENT] = sol->zeros_max > 0 && sol->zeros_avg > 0;
	sol->holds[PARAMETERS] = sol->params == q29_claimed_params;
	sol->holds[KEEPS_DEPTH] = sol->pool[1].dims[0] == sol->pool[0].dims[0] &&
				  sol->same[1].dims[0] == sol->same[0].dims[0];
	sol->holds[KEEPS_SIZE] = sol->pool[1].dims[1] == sol->pool[0].dims[1] &&
				 sol->pool[1].dims[2] == sol->pool[0].dims[2];
	memcpy(sol->max_only, sol->holds, sizeof(sol->holds));
	sol->max_only[ZERO_GRADIENT] = sol->zeros_max > 0;
	return 0;
}

/* ---- the worked answer and the key ---- */

static void say_mat(ec_actx *a, const double *v)
{
	size_t r, c;

	for (r = 0; r < N; r++) {
		ec_say(a, "     ");
		for (c = 0; c < N; c++)
			ec_say(a, " %5g", v[r * N + c]);
		ec_say(a, "\n");
	}
}

static const char *yes(bool b)
{
	return b ? "true" : "false";
}

static void say_option(ec_actx *a, const struct solution *sol, size_t k, char letter)
{
	const ec_layer_stats *pool = sol->pool, *same = sol->same;
	char key[11], alt[31];

	switch (k) {
	case ZERO_GRADIENT:
		ec_mc_answer(a->params, "2.9", OPTIONS, sol->max_only, key, alt);
		ec_say(a,
		       "%c. Gradients w.r.t. the input, with dL/dy = 1 for every output:\n"
		       "   max pooling (only each window's maximum receives the gradient):\n",
		       letter);
		say_mat(a, sol->dmv);
		ec_say(a, "   -> %zu of %d inputs get 0.\n", sol->zeros_max, N * N);
		ec_say(a, "   average pooling (every input receives dL/dy / %d):\n", P * P);
		say_mat(a, sol->dav);
		ec_say(a, "   -> %zu of %d inputs get 0.\n", sol->zeros_avg, N * N);
		ec_say(a, "   Max pooling: %s; average pooling: %s; so for pooling layers: %s.\n",
		       yes(sol->zeros_max > 0), yes(sol->zeros_avg > 0), yes(sol->holds[k]));
		ec_say(a,
		       "   Other reading: if 'pooling' means max pooling only, %c is %s and the\n"
		       "   answer would be %s.\n",
		       letter, yes(sol->max_only[k]), alt[0] ? alt : "(none)");
		break;
	case PARAMETERS:
		ec_say(a,
		       "%c. A %" PRIu64 "x%" PRIu64 " pooling window learns %" PRIu64
		       " parameters (it only takes a max or a\n   mean), claimed %" PRIu64
		       ": %s.\n",
		       letter, q29_window[0], q29_window[1], sol->params, q29_claimed_params,
		       yes(sol->holds[k]));
		break;
	case KEEPS_DEPTH:
		ec_say(a,
		       "%c. Pooling acts on each channel separately: '%s' gives\n   %" PRIu64
		       "x%" PRIu64 "x%" PRIu64 " from %" PRIu64 "x%" PRIu64 "x%" PRIu64
		       " (depth %" PRIu64 " kept): %s.\n",
		       letter, q29_pool, pool[1].dims[0], pool[1].dims[1], pool[1].dims[2],
		       pool[0].dims[0], pool[0].dims[1], pool[0].dims[2], pool[1].dims[0],
		       yes(sol->holds[k]));
		break;
	default:
		/* "the same" layer as the depth option's, when that was shown first */
		ec_say(a,
		       "%c. %s'%s' %s %" PRIu64 "x%" PRIu64 " to %" PRIu64 "x%" PRIu64
		       ": %s.\n   (A stride-1 padded pool, '%s', keeps %" PRIu64 "x%" PRIu64
		       ", but pooling layers\n   in general do change height and width.)\n",
		       letter,
		       ec_option_letter(a->params, "2.9", KEEPS_DEPTH) < letter ? "The same " : "",
		       q29_pool, sol->holds[k] ? "keeps" : "shrinks", pool[0].dims[1],
		       pool[0].dims[2], pool[1].dims[1], pool[1].dims[2], yes(sol->holds[k]),
		       q29_same, same[1].dims[1], same[1].dims[2]);
		break;
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	char key[11], shown[31];
	size_t pos;

	ec_mc_answer(a->params, "2.9", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.9", EC_KEY_MC, 4, "%s", key);
	ec_answer(a, "%s", shown[0] ? shown : "(none)");
	ec_say(a,
	       "Reading: 'a pooling layer' means any pooling layer, max or average, so a\n"
	       "statement must hold for both. Each option is checked on a %dx%d input drawn\n"
	       "from a xorshift64 generator (seed %" PRIu64 "), pooled %dx%d with stride %d:\n",
	       N, N, q29_seed, P, P, P);
	say_mat(a, sol->xv);
	ec_say(a, "\n");
	for (pos = 0; pos < OPTIONS; pos++)
		say_option(a, sol, ec_option_at(a->params, "2.9", pos), (char)('A' + pos));
	return ec_keyf(a, "2.9", EC_KEY_MC, 4, "%s", key);
}

/* ---- the facts ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_layer_stats *st = sol->pool;
	ec_item_facts *f;
	ec_option_fact *o;
	size_t pos;

	if (!(f = ec_facts_add(ex, "2.9", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.9", pos);
		char letter = (char)('A' + pos);

		switch (k) {
		case ZERO_GRADIENT:
			o = ec_facts_option(
				f, letter, sol->holds[k],
				"max pooling zeroes the gradient of %zu of %d inputs, but "
				"average pooling passes dL/dy / %d to every input (%zu of %d "
				"get 0)",
				sol->zeros_max, N * N, P * P, sol->zeros_avg, N * N);
			if (o && !sol->holds[k] && sol->max_only[k]) {
				snprintf(o->mistake, sizeof(o->mistake),
					 "pooling taken as max pooling only");
				snprintf(o->mistake_detail, sizeof(o->mistake_detail),
					 "average pooling is a pooling layer too, and it zeroes "
					 "%zu of "
					 "%d input gradients",
					 sol->zeros_avg, N * N);
			}
			break;
		case PARAMETERS:
			ec_facts_option(f, letter, sol->holds[k],
					"a %" PRIu64 "x%" PRIu64
					" pooling window only takes a max or a "
					"mean: %" PRIu64 " parameters",
					q29_window[0], q29_window[1], sol->params);
			break;
		case KEEPS_DEPTH:
			ec_facts_option(f, letter, sol->holds[k],
					"pooling acts on each channel alone: '%s' maps %" PRIu64
					"x%" PRIu64 "x%" PRIu64 " to %" PRIu64 "x%" PRIu64
					"x%" PRIu64 ", depth %s",
					q29_pool, st[0].dims[0], st[0].dims[1], st[0].dims[2],
					st[1].dims[0], st[1].dims[1], st[1].dims[2],
					st[1].dims[0] == st[0].dims[0] ? "kept" : "changed");
			break;
		default:
			ec_facts_option(f, letter, sol->holds[k],
					"'%s' %s height and width from %" PRIu64 "x%" PRIu64
					" to %" PRIu64 "x%" PRIu64,
					q29_pool, sol->holds[k] ? "keeps" : "shrinks",
					st[0].dims[1], st[0].dims[2], st[1].dims[1], st[1].dims[2]);
			break;
		}
	}
	ec_mc_facts_answer(f);
	{
		char alt_key[11], alt_shown[31];

		ec_mc_answer(sol->p, "2.9", OPTIONS, sol->max_only, alt_key, alt_shown);
		ec_facts_reading(f, "'pooling' read as max pooling only", alt_key,
				 "max pooling zeroes the gradient of some inputs, so %s then",
				 alt_shown[0] ? alt_shown : "none");
	}
	return 0;
}

/* ---- the text ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	char option[96];
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t, "Which statements about pooling layers hold?");
	for (pos = 0; pos < OPTIONS; pos++) {
		option_text(ec_option_at(s->p, "2.9", pos), option, sizeof(option));
		ec_text_option(t, (char)('A' + pos), "%s", option);
	}
	return 0;
}

const ec_module ec_module_2_9 = {
	.id = "2.9",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
