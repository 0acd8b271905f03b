/*
 * q2_8.c: Q2.8, the receptive fields of a five-layer conv net: which of
 * the options' claims about a layer's field (its side, or its area as a
 * multiple of the layer before's) hold. The fields come from
 * ec_layers_rf().
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "examcheck/ec_layers.h"
#include "examcheck/ec_rf.h"
#include "mc.h"
#include "question.h"

#define ID "2.8"

/* ---- the numbers ---- */

/* The original: the five layers, and the claims of options A-F. */
static const char original_net[] = "conv3s1 conv3s2 conv3s2 conv3s1 pool2s2";
static const ec_q28_option original_options[EC_Q28_OPTIONS] = {
	{EC_Q28_SIDE_IS, 2, 0, 6},    {EC_Q28_AREA_TIMES, 3, 2, 4}, {EC_Q28_SIDE_IS, 4, 0, 17},
	{EC_Q28_AREA_TIMES, 5, 4, 4}, {EC_Q28_SIDE_IS, 5, 0, 33},   {EC_Q28_NONE_ABOVE, 0, 0, 0},
};

/* Receptive field sides and areas of the five layers of `net` ('examcheck rf' notation). */
static int q28_fields(const char *net, uint64_t side[EC_Q28_LAYERS],
		      uint64_t area[EC_Q28_LAYERS], ec_error *err)
{
	ec_layer_list list;
	ec_layer_rf rf[EC_Q28_LAYERS];
	size_t i;

	if (ec_layers_parse(net, &list, err) != EC_OK)
		return -1;
	if (list.count != EC_Q28_LAYERS || ec_layers_rf(&list, rf, err) != EC_OK) {
		ec_layers_free(&list);
		return -1;
	}
	ec_layers_free(&list);
	for (i = 0; i < EC_Q28_LAYERS; i++) {
		uint64_t sides[2] = {rf[i].rf[0].size, rf[i].rf[1].size};

		side[i] = sides[0];
		if (ec_rf_area(2, sides, &area[i], err) != EC_OK)
			return -1;
	}
	return 0;
}

/*
 * A false side for layer l: a mistake someone could make (every stride
 * ignored, the next or previous layer's field, one off, twice the side).
 */
static uint64_t q28_wrong_side(ec_xorshift *g, const uint64_t *side, const int *kernel, size_t l)
{
	uint64_t cand[6], naive = 1;
	size_t i, n = 0;

	for (i = 0; i < l; i++)
		naive += (uint64_t)kernel[i] - 1;
	cand[n++] = naive;
	if (l > 1)
		cand[n++] = side[l - 2];
	if (l < EC_Q28_LAYERS)
		cand[n++] = side[l];
	cand[n++] = side[l - 1] + 1;
	cand[n++] = side[l - 1] - 1;
	cand[n++] = 2 * side[l - 1];
	for (;;) {
		uint64_t v = cand[ec_xorshift_below(g, n)];

		if (v != side[l - 1] && v >= 2)
			return v;
	}
}

static bool q28_same_claim(const ec_q28_option *a, const ec_q28_option *b)
{
	return a->claim == b->claim && a->layer == b->layer && a->other == b->other &&
	       a->value == b->value;
}

/*
 * A variant: five layers (a convolution first, then convolutions or
 * pools) drawn again until no area grows by exactly 4 from one layer to
 * the next (the worked answer says it never does), then 0 to 3 true
 * claims among five drawn ones; the last option is "none of these". Its
 * truth must not show on a claim's face: a claim is about an area ratio
 * as often when true as when false (when some layer's area is a whole
 * factor of the last's), a false ratio is a whole ratio of another net
 * drawn alike (the same factors, 9, 16, 25, ..., as often as true ones),
 * and a false side is a mistake someone could make.
 */
/* Five layers, a convolution first, then convolutions or pools, into net. */
static void draw_net(ec_xorshift *g, char *net, size_t size, int kernel[EC_Q28_LAYERS])
{
	static const int conv_kernels[] = {2, 3, 3, 3, 4, 5};
	size_t i, used = 0;

	for (i = 0; i < EC_Q28_LAYERS; i++) {
		bool conv = i == 0 || ec_draw_chance(g, 2, 3);
		int stride;

		kernel[i] = conv ? EC_DRAW_PICK(g, conv_kernels) : ec_draw_int(g, 2, 3);
		stride = conv ? ec_draw_int(g, 1, 2) : (ec_draw_chance(g, 3, 4) ? 2 : 1);
		used += (size_t)snprintf(net + used, size - used, "%s%s%ds%d", i ? " " : "",
					 conv ? "conv" : "pool", kernel[i], stride);
	}
}

/* Whether some layer's area is exactly 4 times the one before (the worked answer says never). */
static bool grows_by_four(const uint64_t *area)
{
	size_t i;

	for (i = 1; i < EC_Q28_LAYERS; i++)
		if (area[i] == 4 * area[i - 1])
			return true;
	return false;
}

/*
 * A false area factor for a claim whose true ratio is `not` (0 when the
 * ratio is not whole): a whole ratio between two neighbouring layers of
 * another net drawn as the exam's are, so that false factors come from the
 * same set, and as often, as true ones.
 */
static int decoy_factor(ec_xorshift *g, uint64_t not, uint64_t *value, ec_error *err)
{
	int t;

	for (t = 0; t < EC_DRAW_TRIES; t++) {
		char net[128];
		int kernel[EC_Q28_LAYERS];
		uint64_t side[EC_Q28_LAYERS], area[EC_Q28_LAYERS], whole[EC_Q28_LAYERS];
		size_t i, n = 0;

		draw_net(g, net, sizeof(net), kernel);
		if (q28_fields(net, side, area, err) != 0)
			return -1;
		if (grows_by_four(area))
			continue;
		for (i = 1; i < EC_Q28_LAYERS; i++)
			if (area[i] % area[i - 1] == 0 && area[i] > area[i - 1] &&
			    area[i] / area[i - 1] != not)
				whole[n++] = area[i] / area[i - 1];
		if (n) {
			*value = whole[ec_xorshift_below(g, n)];
			return 0;
		}
	}
	ec_error_set(err, EC_ERR_INVALID, "q2.8: no decoy factor after %d draws", EC_DRAW_TRIES);
	return -1;
}

static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	static const size_t true_counts[] = {0, 1, 1, 1, 2, 2, 2, 3};
	int t;

	if (!g) {
		snprintf(p->q28_net, sizeof(p->q28_net), "%s", original_net);
		memcpy(p->q28_options, original_options, sizeof(original_options));
		return 0;
	}
	for (t = 0; t < EC_DRAW_TRIES; t++) {
		int kernel[EC_Q28_LAYERS];
		uint64_t side[EC_Q28_LAYERS], area[EC_Q28_LAYERS];
		size_t i, ntrue;
		bool want[EC_Q28_OPTIONS - 1] = {false};

		draw_net(g, p->q28_net, sizeof(p->q28_net), kernel);
		if (q28_fields(p->q28_net, side, area, err) != 0)
			return -1;
		if (grows_by_four(area))
			continue;
		ntrue = EC_DRAW_PICK(g, true_counts);
		while (ntrue > 0) {
			size_t k = (size_t)ec_xorshift_below(g, EC_Q28_OPTIONS - 1);

			ntrue -= !want[k];
			want[k] = true;
		}
		for (i = 0; i + 1 < EC_Q28_OPTIONS; i++) {
			ec_q28_option *o = &p->q28_options[i];
			size_t k;
			bool repeated;

			do {
				uint64_t whole[EC_Q28_LAYERS];
				size_t l, nwhole = 0;

				/* the layers after which the area grows by a whole factor */
				for (l = 2; l <= EC_Q28_LAYERS; l++)
					if (area[l - 1] % area[l - 2] == 0)
						whole[nwhole++] = l;
				/* a claim's kind, true or false alike, so that it gives nothing away */
				o->claim = nwhole && ec_draw_chance(g, 2, 5) ? EC_Q28_AREA_TIMES
									    : EC_Q28_SIDE_IS;
				if (o->claim == EC_Q28_SIDE_IS) {
					o->layer = (size_t)ec_draw_int(g, 1, EC_Q28_LAYERS);
					o->other = 0;
					o->value = want[i] ? side[o->layer - 1]
							   : q28_wrong_side(g, side, kernel, o->layer);
				} else if (want[i]) {
					/* a true claim: a layer whose area is a whole factor of the last */
					o->layer = (size_t)whole[ec_xorshift_below(g, nwhole)];
					o->other = o->layer - 1;
					o->value = area[o->layer - 1] / area[o->other - 1];
				} else {
					/*
					 * a false claim: mostly about a layer whose area is no whole
					 * factor of the last's, so that any whole factor is false
					 * and the decoys are as the true factors are
					 */
					uint64_t a, b;

					o->layer = (size_t)ec_draw_int(g, 2, EC_Q28_LAYERS);
					for (l = 0; l < 8 && area[o->layer - 1] % area[o->layer - 2] == 0; l++)
						o->layer = (size_t)ec_draw_int(g, 2, EC_Q28_LAYERS);
					o->other = o->layer - 1;
					a = area[o->layer - 1];
					b = area[o->other - 1];
					if (decoy_factor(g, a % b ? 0 : a / b, &o->value, err) != 0)
						return -1;
				}
				for (repeated = false, k = 0; k < i; k++)
					repeated = repeated || q28_same_claim(o, &p->q28_options[k]);
			} while (repeated);
		}
		p->q28_options[EC_Q28_OPTIONS - 1] = (ec_q28_option){EC_Q28_NONE_ABOVE, 0, 0, 0};
		return 0;
	}
	return ec_draw_gave_up(err, ID, p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	char names[EC_Q28_LAYERS][48];   /* the layers as the notation names them: conv3s1 */
	uint64_t kernel[EC_Q28_LAYERS], jump[EC_Q28_LAYERS];
	uint64_t side[EC_Q28_LAYERS], area[EC_Q28_LAYERS]; /* the field after each layer */
	/* the mistake of a field scaled by the strides alone: first kernel x jump */
	uint64_t naive[EC_Q28_LAYERS];
	bool holds[EC_Q28_OPTIONS], naive_holds[EC_Q28_OPTIONS]; /* by option as written */
	char letters[EC_Q28_OPTIONS + 1]; /* the key */
};

/* Whether claim o holds for the sides side[] (areas side^2); NONE_ABOVE needs `others`. */
static bool claim_holds(const ec_q28_option *o, const uint64_t *side, bool others)
{
	uint64_t a, b, times;

	switch (o->claim) {
	case EC_Q28_SIDE_IS:
		return side[o->layer - 1] == o->value;
	case EC_Q28_AREA_TIMES:
		return ec_u64_mul(side[o->layer - 1], side[o->layer - 1], &a) &&
		       ec_u64_mul(side[o->other - 1], side[o->other - 1], &b) &&
		       ec_u64_mul(b, o->value, &times) && a == times;
	case EC_Q28_NONE_ABOVE:
		return !others;
	}
	return false;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	ec_layer_list list;
	ec_layer_rf rf[EC_Q28_LAYERS];
	bool any = false, naive_any = false;
	size_t i, pos, n = 0;

	sol->p = p;
	if (ec_layers_parse(p->q28_net, &list, err) != EC_OK)
		return -1;
	if (list.count != EC_Q28_LAYERS || ec_layers_rf(&list, rf, err) != EC_OK) {
		ec_layers_free(&list);
		if (err->status == EC_OK)
			ec_error_set(err, EC_ERR_INVALID, "q2.8: expected 5 layers");
		return -1;
	}
	for (i = 0; i < EC_Q28_LAYERS; i++) {
		uint64_t sides[2] = {rf[i].rf[0].size, rf[i].rf[1].size};

		snprintf(sol->names[i], sizeof(sol->names[i]), "%s", list.layers[i].name);
		sol->kernel[i] = rf[i].window[0].kernel;
		sol->jump[i] = rf[i].rf[0].jump;
		sol->side[i] = rf[i].rf[0].size;
		if (ec_rf_area(2, sides, &sol->area[i], err) != EC_OK) {
			ec_layers_free(&list);
			return -1;
		}
		if (!ec_u64_mul(rf[0].rf[0].size, sol->jump[i], &sol->naive[i])) {
			ec_layers_free(&list);
			ec_error_set(err, EC_ERR_OVERFLOW, "q2.8: a receptive field does not fit");
			return -1;
		}
	}
	ec_layers_free(&list);
	/* the claims about the fields first, then "none of these" */
	for (i = 0; i < EC_Q28_OPTIONS; i++) {
		if (p->q28_options[i].claim == EC_Q28_NONE_ABOVE)
			continue;
		sol->holds[i] = claim_holds(&p->q28_options[i], sol->side, false);
		sol->naive_holds[i] = claim_holds(&p->q28_options[i], sol->naive, false);
		any = any || sol->holds[i];
		naive_any = naive_any || sol->naive_holds[i];
	}
	for (i = 0; i < EC_Q28_OPTIONS; i++)
		if (p->q28_options[i].claim == EC_Q28_NONE_ABOVE) {
			sol->holds[i] = !any;
			sol->naive_holds[i] = !naive_any;
		}
	for (pos = 0; pos < EC_Q28_OPTIONS; pos++)
		if (sol->holds[ec_option_at(p, ID, pos)])
			sol->letters[n++] = (char)('A' + pos);
	return 0;
}

/* ---- the worked answer and the key ---- */

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	char key[11], shown[31];
	size_t i, pos;

	ec_mc_answer(p, ID, EC_Q28_OPTIONS, sol->holds, key, shown);
	ec_answer(a, "%s", shown);
	ec_say(a, "Receptive field (in input pixels, per side) after each layer, by the\n"
		  "recurrence rf = rf_prev + (k - 1) x jump_prev, jump = jump_prev x stride,\n"
		  "starting from rf = 1, jump = 1 at the input:\n\n");
	for (i = 0; i < EC_Q28_LAYERS; i++) {
		uint64_t rprev = i ? sol->side[i - 1] : 1, jprev = i ? sol->jump[i - 1] : 1;

		ec_say(a, "  (%s) %-8s rf = %" PRIu64 " + (%" PRIu64 " - 1) x %" PRIu64 " = %" PRIu64
			  "  -> %" PRIu64 "x%" PRIu64 ", area %" PRIu64 "; jump %" PRIu64 "\n",
		       ec_roman[i], sol->names[i], rprev, sol->kernel[i], jprev, sol->side[i],
		       sol->side[i], sol->side[i], sol->area[i], sol->jump[i]);
	}
	ec_say(a, "\n");
	for (pos = 0; pos < EC_Q28_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);
		const ec_q28_option *o = &p->q28_options[k];
		size_t l = o->layer, m = o->other;
		bool yes = sol->holds[k];

		switch (o->claim) {
		case EC_Q28_SIDE_IS:
			ec_say(a, "  %c: layer (%s) is %" PRIu64 "x%" PRIu64 ", claimed %" PRIu64 "x%" PRIu64
				  ": %s.\n",
			       (char)('A' + pos), ec_roman[l - 1], sol->side[l - 1], sol->side[l - 1],
			       o->value, o->value, yes ? "true" : "false");
			break;
		case EC_Q28_AREA_TIMES:
			ec_say(a, "  %c: area (%s) / area (%s) = %" PRIu64 " / %" PRIu64
				  " = %.4g, claimed %" PRIu64 ": %s.\n",
			       (char)('A' + pos), ec_roman[l - 1], ec_roman[m - 1], sol->area[l - 1],
			       sol->area[m - 1], (double)sol->area[l - 1] / (double)sol->area[m - 1],
			       o->value, yes ? "true" : "false");
			break;
		case EC_Q28_NONE_ABOVE:
			ec_say(a, "  %c: %s, since %s.\n", (char)('A' + pos), yes ? "true" : "false",
			       yes ? "no other option holds" : "another option holds");
			break;
		}
	}
	ec_say(a, "\nThe side grows by (k - 1) x jump_prev, so the area ratio between layers is\n"
		  "(rf + (k - 1) jump)^2 / rf^2, never a fixed factor of 4 here; a stride-2\n"
		  "layer doubles the jump of the layers after it, not the field itself.\n");
	return ec_keyf(a, ID, EC_KEY_MC, 4, "%s", sol->letters);
}

/* ---- the facts: each claim tested, and the stride-product mistake behind a false one ---- */

/* Claim o tested on the sides side[], in words. */
static void say_claim(char *buf, size_t size, const ec_q28_option *o, const uint64_t *side,
		      bool holds, const char *field)
{
	size_t l = o->layer, m = o->other;
	double ratio;

	switch (o->claim) {
	case EC_Q28_SIDE_IS:
		if (holds)
			snprintf(buf, size, "the %s at layer (%s) is %" PRIu64 "x%" PRIu64, field,
				 ec_roman[l - 1], side[l - 1], side[l - 1]);
		else
			snprintf(buf, size,
				 "the %s at layer (%s) is %" PRIu64 "x%" PRIu64 ", not %" PRIu64
				 "x%" PRIu64,
				 field, ec_roman[l - 1], side[l - 1], side[l - 1], o->value, o->value);
		break;
	case EC_Q28_AREA_TIMES:
		ratio = (double)(side[l - 1] * side[l - 1]) / (double)(side[m - 1] * side[m - 1]);
		snprintf(buf, size,
			 "%s area (%s) / area (%s) = %" PRIu64 "^2 / %" PRIu64 "^2 = %.4g, %s %" PRIu64,
			 field, ec_roman[l - 1], ec_roman[m - 1], side[l - 1], side[m - 1], ratio,
			 holds ? "as claimed," : "not", o->value);
		break;
	case EC_Q28_NONE_ABOVE:
		snprintf(buf, size, "%s", holds ? "no other option holds" : "another option holds");
		break;
	}
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	ec_item_facts *f;
	size_t pos;

	if (!(f = ec_facts_add(ex, ID, EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < EC_Q28_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);
		const ec_q28_option *o = &p->q28_options[k];
		char why[EC_EXPLAIN_LINE];
		ec_option_fact *opt;

		say_claim(why, sizeof(why), o, sol->side, sol->holds[k], "receptive field");
		if (o->claim == EC_Q28_SIDE_IS) {
			size_t l = o->layer, len = strlen(why);

			snprintf(why + len, sizeof(why) - len,
				 " (rf = %" PRIu64 " + (%" PRIu64 " - 1) x %" PRIu64 ")",
				 l > 1 ? sol->side[l - 2] : 1, sol->kernel[l - 1],
				 l > 1 ? sol->jump[l - 2] : 1);
		}
		opt = ec_facts_option(f, (char)('A' + pos), sol->holds[k], "%s", why);
		if (opt && !sol->holds[k] && sol->naive_holds[k] && o->claim != EC_Q28_NONE_ABOVE) {
			size_t l = o->layer;

			snprintf(opt->mistake, sizeof(opt->mistake),
				 "a receptive field from the stride product alone");
			snprintf(opt->mistake_detail, sizeof(opt->mistake_detail),
				 "first kernel x strides so far gives %" PRIu64 " at layer (%s) "
				 "(%" PRIu64 " x %" PRIu64 "), but each layer adds (k - 1) x jump",
				 sol->naive[l - 1], ec_roman[l - 1], sol->side[0], sol->jump[l - 1]);
		}
	}
	ec_facts_answer(f, "%s", sol->letters);
	return 0;
}

/* ---- the text and its numbers ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_exam_params *p = s->p;
	ec_layer_list list;
	size_t i, pos;

	(void)q;
	if (ec_layers_parse(p->q28_net, &list, err) != EC_OK)
		return -1;
	ec_text_para(t, "A conv net has %zu layers (their input and output sizes do not matter\n"
			"here, and there is no dilation):",
		     list.count);
	for (i = 0; i < list.count && i < EC_Q28_LAYERS; i++) {
		const ec_layer *l = &list.layers[i];

		ec_text_item(t, "(%s) %s %" PRIu64 " x %" PRIu64 ", stride %" PRIu64, ec_roman[i],
			     l->type == EC_LAYER_POOL ? "Pool" : "Conv", l->window.kernel,
			     l->window.kernel, l->window.stride);
	}
	ec_layers_free(&list);
	ec_text_para(t, "The effective receptive field of a neuron in a layer's output is the set\n"
			"of input pixels that affect it. Which statements hold?");
	for (pos = 0; pos < EC_Q28_OPTIONS; pos++) {
		const ec_q28_option *o = &p->q28_options[ec_option_at(p, ID, pos)];
		char letter = (char)('A' + pos);

		switch (o->claim) {
		case EC_Q28_SIDE_IS:
			ec_text_option(t, letter,
				       "at layer (%s) the receptive field is %" PRIu64 " x %" PRIu64,
				       ec_roman[o->layer - 1], o->value, o->value);
			break;
		case EC_Q28_AREA_TIMES:
			ec_text_option(t, letter,
				       "the receptive field's area at layer (%s) is %" PRIu64
				       " times its area at layer (%s)",
				       ec_roman[o->layer - 1], o->value, ec_roman[o->other - 1]);
			break;
		case EC_Q28_NONE_ABOVE:
			ec_text_option(t, letter, "none of these");
			break;
		}
	}
	return 0;
}

/* "layers" (notation of 'examcheck rf'), "options": [{"option", "claim", ...}]. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	const ec_exam_params *p = s->p;
	ec_layer_list list;
	size_t i, pos;

	(void)q;
	if (ec_layers_parse(p->q28_net, &list, err) != EC_OK)
		return -1;
	fputs("\"layers\": [", f);
	for (i = 0; i < list.count; i++) {
		if (i)
			fputs(", ", f);
		ec_write_json_string(f, list.layers[i].name);
	}
	putc(']', f);
	ec_layers_free(&list);
	fputs(", \"options\": [", f);
	for (pos = 0; pos < EC_Q28_OPTIONS; pos++) {
		const ec_q28_option *o = &p->q28_options[ec_option_at(p, ID, pos)];

		fprintf(f, "%s{\"option\": \"%c\", ", pos ? ", " : "", (char)('A' + pos));
		switch (o->claim) {
		case EC_Q28_SIDE_IS:
			fprintf(f, "\"claim\": \"side\", \"layer\": %zu, \"value\": %" PRIu64 "}",
				o->layer, o->value);
			break;
		case EC_Q28_AREA_TIMES:
			fprintf(f,
				"\"claim\": \"area_times\", \"layer\": %zu, \"other\": %zu, "
				"\"value\": %" PRIu64 "}",
				o->layer, o->other, o->value);
			break;
		case EC_Q28_NONE_ABOVE:
			fputs("\"claim\": \"none\"}", f);
			break;
		}
	}
	putc(']', f);
	return 0;
}

const ec_module ec_module_2_8 = {
	.id = ID,
	.size = sizeof(struct solution),
	.options = EC_Q28_OPTIONS,
	.last_stays = true,
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.show = show,
	.facts = facts,
};
