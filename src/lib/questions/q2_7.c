/*
 * q2_7.c: Q2.7, fully connected layers rewritten as convolutions: a
 * volume H x W x C, then FC-hidden, then FC-classes; which filter widths
 * (hidden, output) compute the same. The widths come from ec_fc_as_conv().
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "examcheck/ec_conv.h"
#include "examcheck/ec_layers.h"
#include "mc.h"
#include "question.h"

#define ID "2.7"

/* ---- the numbers ---- */

/* The original: an 8x8x1024 volume, FC-4096, FC-200, and the options' (F hidden, F output). */
static const uint64_t original_spatial = 8, original_channels = 1024;
static const uint64_t original_hidden = 4096, original_classes = 200;
static const uint64_t original_options[EC_Q27_OPTIONS][2] = {
	{64, 200}, {64, 1}, {4096, 200}, {8, 1}, {8, 200},
};

/* The two layers as convolutions: filter widths, the hidden layer's output, H x W. */
struct widths {
	ec_fc_conv hidden, output;
	uint64_t after[2];  /* the hidden layer's output, H x W (1 x 1) */
	uint64_t positions; /* H x W of the volume */
};

static int widths_of(const ec_exam_params *p, struct widths *w, ec_error *err)
{
	ec_window whole[2];
	size_t i;

	if (ec_fc_as_conv(2, p->q27_spatial, p->q27_channels, p->q27_hidden, &w->hidden, err) !=
	    EC_OK)
		return -1;
	for (i = 0; i < 2; i++)
		whole[i] = (ec_window){w->hidden.kernel[i], 1, 0, 1};
	if (ec_conv_output_shape(2, p->q27_spatial, whole, w->after, err) != EC_OK ||
	    ec_fc_as_conv(2, w->after, w->hidden.filters, p->q27_classes, &w->output, err) !=
		    EC_OK ||
	    ec_u64_product(2, p->q27_spatial, &w->positions, err) != EC_OK)
		return -1;
	return 0;
}

/*
 * A variant: a square volume of 2 to 16 and a choice of channels, hidden
 * neurons and classes, drawn again until every wrong width an option can
 * hold (H x W, the neurons, the classes, the channels) differs from the
 * right ones and each other; the options are the exam's five forms (H x W
 * or F for the hidden layer, the classes or 1 for the output) in a drawn
 * order.
 */
static int draw(ec_xorshift *g, ec_exam_params *p, ec_error *err)
{
	static const uint64_t channels[] = {64, 128, 256, 512, 1024, 2048};
	static const uint64_t hidden[] = {256, 512, 1024, 2048, 4096};
	static const uint64_t classes[] = {10, 20, 50, 100, 200, 1000};
	int t;

	if (!g) {
		p->q27_spatial[0] = p->q27_spatial[1] = original_spatial;
		p->q27_channels = original_channels;
		p->q27_hidden = original_hidden;
		p->q27_classes = original_classes;
		for (size_t i = 0; i < EC_Q27_OPTIONS; i++) {
			p->q27_options[i].f_hidden = original_options[i][0];
			p->q27_options[i].f_output = original_options[i][1];
		}
		return 0;
	}
	for (t = 0; t < EC_DRAW_TRIES; t++) {
		struct widths w;
		uint64_t v[6];
		size_t i, j;
		bool distinct = true;

		p->q27_spatial[0] = p->q27_spatial[1] = (uint64_t)ec_draw_int(g, 2, 16);
		p->q27_channels = EC_DRAW_PICK(g, channels);
		p->q27_hidden = EC_DRAW_PICK(g, hidden);
		p->q27_classes = EC_DRAW_PICK(g, classes);
		if (widths_of(p, &w, err) != 0)
			return -1;
		v[0] = w.hidden.kernel[0], v[1] = w.output.kernel[0], v[2] = w.positions;
		v[3] = p->q27_hidden, v[4] = p->q27_classes, v[5] = p->q27_channels;
		for (i = 0; i < 6; i++)
			for (j = 0; j < i; j++)
				distinct = distinct && v[i] != v[j];
		if (!distinct)
			continue;
		{
			const uint64_t pairs[EC_Q27_OPTIONS][2] = {
				{w.positions, p->q27_classes}, {w.positions, w.output.kernel[0]},
				{p->q27_hidden, p->q27_classes}, {w.hidden.kernel[0], w.output.kernel[0]},
				{w.hidden.kernel[0], p->q27_classes},
			};
			size_t order[EC_Q27_OPTIONS] = {0, 1, 2, 3, 4};

			for (i = EC_Q27_OPTIONS; i-- > 1;) {
				size_t k = (size_t)ec_xorshift_below(g, i + 1), s = order[i];

				order[i] = order[k];
				order[k] = s;
			}
			for (i = 0; i < EC_Q27_OPTIONS; i++) {
				p->q27_options[i].f_hidden = pairs[order[i]][0];
				p->q27_options[i].f_output = pairs[order[i]][1];
			}
		}
		return 0;
	}
	return ec_draw_gave_up(err, ID, p->seed);
}

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	struct widths w;
	uint64_t fc_inputs, fc_weights; /* the fully connected hidden layer's, to check the conv */
	bool holds[EC_Q27_OPTIONS];     /* by option, as the module writes them */
	char letters[EC_Q27_OPTIONS + 1]; /* the key: the letters of the options that hold */
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	const ec_exam_params *p = s->p;
	const uint64_t volume[3] = {p->q27_spatial[0], p->q27_spatial[1], p->q27_channels};
	size_t pos, n = 0;

	sol->p = p;
	if (widths_of(p, &sol->w, err) != 0 ||
	    ec_u64_product(3, volume, &sol->fc_inputs, err) != EC_OK ||
	    ec_fc_weight_count(sol->fc_inputs, p->q27_hidden, &sol->fc_weights, err) != EC_OK)
		return -1;
	for (pos = 0; pos < EC_Q27_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);

		sol->holds[k] = p->q27_options[k].f_hidden == sol->w.hidden.kernel[0] &&
				p->q27_options[k].f_output == sol->w.output.kernel[0];
		if (sol->holds[k])
			sol->letters[n++] = (char)('A' + pos);
	}
	return 0;
}

/* What a proposed filter width is instead of the computed one. */
enum wrong { NOT_WIDTH, POSITIONS, FILTERS, DEPTH };

/* Its name in the facts (NULL: nothing known), and why it is wrong in the worked answer. */
static const char *const wrong_name[] = {NULL, "the number of input positions (H x W)",
					 "the number of filters (neurons)",
					 "the filter depth (input channels)"};
static const char *const wrong_why[] = {
	"not the width of the input",
	"the number of input positions (H x W), not the filter width",
	"the number of filters (neurons), not the filter width",
	"the filter depth (input channels), not its width",
};

static enum wrong wrong_of(uint64_t proposed, const ec_fc_conv *c, uint64_t positions)
{
	if (proposed == positions && positions != c->kernel[0])
		return POSITIONS;
	if (proposed == c->filters)
		return FILTERS;
	if (proposed == c->depth)
		return DEPTH;
	return NOT_WIDTH;
}

static const char *what_it_is(uint64_t proposed, const ec_fc_conv *c, uint64_t positions)
{
	return wrong_name[wrong_of(proposed, c, positions)];
}

/* ---- the worked answer and the key ---- */

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	const ec_fc_conv *h = &sol->w.hidden, *o = &sol->w.output;
	char key[11], shown[31];
	size_t pos;

	if (!ec_showing(a))
		return ec_keyf(a, ID, EC_KEY_MC, 4, "%s", sol->letters);
	ec_mc_answer(p, ID, EC_Q27_OPTIONS, sol->holds, key, shown);
	ec_answer(a, "%s", shown);
	ec_say(a, "A fully-connected layer becomes a convolution whose filters are as large as\n"
		  "its whole input, applied once (stride 1, no padding): one filter per neuron.\n\n");
	ec_say(a, "Hidden layer: its input is %" PRIu64 "x%" PRIu64 "x%" PRIu64
		  " (H x W x C), so each of its %" PRIu64 " neurons\n"
		  "becomes one %" PRIu64 "x%" PRIu64 "x%" PRIu64 " filter: F = %" PRIu64 ".\n",
	       p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, h->filters, h->kernel[0],
	       h->kernel[1], h->depth, h->kernel[0]);
	ec_say(a, "  Check: conv weights %" PRIu64 "x%" PRIu64 "x%" PRIu64 "x%" PRIu64 " = %" PRIu64
		  ", FC weights %" PRIu64 "x%" PRIu64 " = %" PRIu64 " (%s).\n",
	       h->kernel[0], h->kernel[1], h->depth, h->filters, h->weights, sol->fc_inputs,
	       p->q27_hidden, sol->fc_weights, h->weights == sol->fc_weights ? "equal" : "DIFFERENT");
	ec_say(a, "  The %" PRIu64 "x%" PRIu64 " filter fits the %" PRIu64 "x%" PRIu64
		  " input once: output %" PRIu64 "x%" PRIu64 "x%" PRIu64 ".\n",
	       h->kernel[0], h->kernel[1], p->q27_spatial[0], p->q27_spatial[1], sol->w.after[0],
	       sol->w.after[1], h->filters);
	ec_say(a, "Output layer: its input is %" PRIu64 "x%" PRIu64 "x%" PRIu64
		  ", so each of its %" PRIu64 " neurons becomes one\n"
		  "%" PRIu64 "x%" PRIu64 "x%" PRIu64 " filter: F = %" PRIu64 ".\n\n",
	       sol->w.after[0], sol->w.after[1], o->depth, o->filters, o->kernel[0], o->kernel[1],
	       o->depth, o->kernel[0]);
	ec_say(a, "So F = %" PRIu64 " and %" PRIu64 ".\n", h->kernel[0], o->kernel[0]);
	for (pos = 0; pos < EC_Q27_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);
		uint64_t fh = p->q27_options[k].f_hidden, fo = p->q27_options[k].f_output;
		if (sol->holds[k]) {
			ec_say(a, "  %c (%" PRIu64 ", %" PRIu64 "): correct.\n", (char)('A' + pos), fh,
			       fo);
			continue;
		}
		ec_say(a, "  %c (%" PRIu64 ", %" PRIu64 "): wrong.\n", (char)('A' + pos), fh, fo);
		if (fh != h->kernel[0])
			ec_say(a, "      hidden: %" PRIu64 " is %s.\n", fh,
			       wrong_why[wrong_of(fh, h, sol->w.positions)]);
		if (fo != o->kernel[0])
			ec_say(a, "      output: %" PRIu64 " is %s.\n", fo, wrong_why[wrong_of(fo, o, 1)]);
	}
	return ec_keyf(a, ID, EC_KEY_MC, 4, "%s", sol->letters);
}

/* ---- the facts: each option's truth, and the mistake behind a wrong width ---- */

/* "hidden layer: F = 8 (its input is 8x8), not 64, the number of ..." appended at *n. */
static void part(char *buf, size_t size, size_t *n, const char *layer, uint64_t proposed,
		 const ec_fc_conv *c, uint64_t positions)
{
	const char *what = what_it_is(proposed, c, positions);
	int w;

	w = snprintf(buf + *n, size - *n,
		     "%s%s layer: F = %" PRIu64 " (its input is %" PRIu64 "x%" PRIu64 "), not %" PRIu64
		     "%s%s",
		     *n ? "; " : "", layer, c->kernel[0], c->kernel[0], c->kernel[1], proposed,
		     what ? ", " : "", what ? what : "");
	if (w > 0 && (size_t)w < size - *n)
		*n += (size_t)w;
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	const ec_exam_params *p = sol->p;
	const ec_fc_conv *h = &sol->w.hidden, *o = &sol->w.output;
	ec_item_facts *f;
	size_t pos;

	if (!(f = ec_facts_add(ex, ID, EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < EC_Q27_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos), n = 0;
		uint64_t fh = p->q27_options[k].f_hidden, fo = p->q27_options[k].f_output;
		char why[EC_EXPLAIN_LINE] = "";
		ec_option_fact *opt;

		if (sol->holds[k]) {
			snprintf(why, sizeof(why),
				 "each neuron becomes one filter as large as its layer's whole input: "
				 "F = %" PRIu64 " on the %" PRIu64 "x%" PRIu64 "x%" PRIu64
				 " volume, then F = %" PRIu64 " on the %" PRIu64 "x%" PRIu64
				 "x%" PRIu64 " output",
				 h->kernel[0], p->q27_spatial[0], p->q27_spatial[1], p->q27_channels,
				 o->kernel[0], sol->w.after[0], sol->w.after[1], h->filters);
		} else {
			if (fh != h->kernel[0])
				part(why, sizeof(why), &n, "hidden", fh, h, sol->w.positions);
			if (fo != o->kernel[0])
				part(why, sizeof(why), &n, "output", fo, o, 1);
		}
		opt = ec_facts_option(f, (char)('A' + pos), sol->holds[k], "%s", why);
		if (opt && !sol->holds[k]) {
			bool in_hidden = fh != h->kernel[0];
			const ec_fc_conv *c = in_hidden ? h : o;
			uint64_t proposed = in_hidden ? fh : fo;
			const char *what = what_it_is(proposed, c, in_hidden ? sol->w.positions : 1);

			if (what) {
				snprintf(opt->mistake, sizeof(opt->mistake), "%s taken as the filter width",
					 what);
				snprintf(opt->mistake_detail, sizeof(opt->mistake_detail),
					 "%" PRIu64 " is %s of the %s layer; its filters are as wide as "
					 "its input, F = %" PRIu64,
					 proposed, what, in_hidden ? "hidden" : "output", c->kernel[0]);
			}
		}
	}
	ec_facts_answer(f, "%s", sol->letters);
	return 0;
}

/* ---- the text and its numbers ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_exam_params *p = s->p;
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t,
		     "After its convolution and pooling layers a CNN outputs a volume of\n"
		     "(H, W, C) = (%" PRIu64 ", %" PRIu64 ", %" PRIu64 "). The volume is flattened "
		     "and fed to a hidden\n"
		     "fully connected layer of %" PRIu64 " neurons, then to an output layer of %" PRIu64
		     "\n"
		     "neurons (%" PRIu64 " classes). Both fully connected layers are to be rewritten "
		     "as\n"
		     "convolutions with square F x F filters that compute exactly the same. What\n"
		     "is F for the hidden layer and for the output layer, in that order?",
		     p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, p->q27_hidden,
		     p->q27_classes, p->q27_classes);
	for (pos = 0; pos < EC_Q27_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);

		ec_text_option(t, (char)('A' + pos), "%" PRIu64 ", %" PRIu64,
			       p->q27_options[k].f_hidden, p->q27_options[k].f_output);
	}
	return 0;
}

/* "volume", "hidden", "classes", "options": [{"option", "hidden", "output"}]. */
static int json(const ec_solving *s, const ec_question *q, FILE *f, ec_error *err)
{
	const ec_exam_params *p = s->p;
	size_t pos;

	(void)q;
	(void)err;
	fprintf(f,
		"\"volume\": [%" PRIu64 ", %" PRIu64 ", %" PRIu64 "], \"hidden\": %" PRIu64
		", \"classes\": %" PRIu64 ", \"options\": [",
		p->q27_spatial[0], p->q27_spatial[1], p->q27_channels, p->q27_hidden,
		p->q27_classes);
	for (pos = 0; pos < EC_Q27_OPTIONS; pos++) {
		size_t k = ec_option_at(p, ID, pos);

		fprintf(f, "%s{\"option\": \"%c\", \"hidden\": %" PRIu64 ", \"output\": %" PRIu64 "}",
			pos ? ", " : "", (char)('A' + pos), p->q27_options[k].f_hidden,
			p->q27_options[k].f_output);
	}
	putc(']', f);
	return 0;
}

const ec_module ec_module_2_7 = {
	.id = ID,
	.size = sizeof(struct solution),
	.options = EC_Q27_OPTIONS,
	.draw = draw,
	.text = text,
	.json = json,
	.solve = solve,
	.show = show,
	.facts = facts,
};
