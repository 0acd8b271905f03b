/*
 * explain_q3_3.c: facts of Q3.3 (convolution on spatial graphs), parts 1-3
 * and the count of part 7, from the figure file data/q3.3.figure as
 * q3_3.c reads it. The mistakes are the same responses, masks and counts
 * recomputed by libexamcheck with the mistake made: W flipped, the mask
 * left out or applied, the self-connection dropped, the filter moved the
 * wrong way, an eccentricity or the radius instead of the diameter.
 */
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "examcheck/ec_spatial_graph.h"
#include "explain.h"

#define LINE EC_EXPLAIN_LINE
#define CELLS (EC_SG_MAX_FILTER * EC_SG_MAX_FILTER)

static void mask_digits(const unsigned char *m, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = m[i] ? '1' : '0';
	out[n] = '\0';
}

/* 3.3.1 and 3.3.2: the plain and the masked response at the dotted location. */
static int responses(ec_explainer *ex, ec_sg_figure *fig, ec_error *err)
{
	size_t r = fig->at_row, c = fig->at_col, n = fig->frows * fig->fcols;
	bool self = fig->self;
	double patch[CELLS], plain, masked, flipped, masked_flipped, no_self;
	unsigned char mask[CELLS];
	char terms[LINE], mterms[LINE], digits[CELLS + 1], d[LINE];
	ec_item_facts *f;

	if (ec_sg_patch(fig, r, c, patch, err) != EC_OK || ec_sg_mask(fig, r, c, mask, err) != EC_OK ||
	    ec_sg_response(fig, r, c, false, false, &plain, err) != EC_OK ||
	    ec_sg_response(fig, r, c, true, false, &masked, err) != EC_OK ||
	    ec_sg_response(fig, r, c, false, true, &flipped, err) != EC_OK ||
	    ec_sg_response(fig, r, c, true, true, &masked_flipped, err) != EC_OK ||
	    ec_sg_format_terms(patch, fig->filter, NULL, n, terms, sizeof(terms), err) != EC_OK ||
	    ec_sg_format_terms(patch, fig->filter, mask, n, mterms, sizeof(mterms), err) != EC_OK)
		return -1;
	fig->self = false;
	if (ec_sg_response(fig, r, c, true, false, &no_self, err) != EC_OK)
		return -1;
	fig->self = self;
	mask_digits(mask, n, digits);

	if (!(f = ec_facts_add(ex, "3.3.1", EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%.15g", plain);
	ec_facts_line(f, "X~ . W at x_%zu%zu, edges ignored and W not flipped: %s = %g", r, c, terms,
		      plain);
	snprintf(d, sizeof(d), "W rotated by 180 degrees first (a textbook convolution) gives %g; "
		 "the exam's operation is the dot product X~ . W",
		 flipped);
	ec_facts_mistake_number(f, "response with W flipped", flipped, d);
	snprintf(d, sizeof(d), "X~ . (W (.) M_%zu%zu) = %g is part 2's question; part 1 ignores the "
		 "edges",
		 r, c, masked);
	ec_facts_mistake_number(f, "masked response (part 2)", masked, d);

	if (!(f = ec_facts_add(ex, "3.3.2", EC_KEY_NUMBER, err)))
		return -1;
	ec_facts_answer(f, "%.15g", masked);
	ec_facts_line(f, "X~ . (W (.) M_%zu%zu) with M_%zu%zu = %s (%sthe nodes joined to x_%zu%zu): "
			 "%s = %g",
		      r, c, r, c, digits, self ? "the centre and " : "", r, c, mterms, masked);
	snprintf(d, sizeof(d), "X~ . W = %g leaves out the mask M_%zu%zu", plain, r, c);
	ec_facts_mistake_number(f, "response without the mask", plain, d);
	snprintf(d, sizeof(d), "W rotated by 180 degrees first gives %g", masked_flipped);
	ec_facts_mistake_number(f, "masked response with W flipped", masked_flipped, d);
	if (self) {
		snprintf(d, sizeof(d), "with a 0 at the centre of M_%zu%zu the response is %g; x_%zu%zu "
			 "is connected to itself",
			 r, c, no_self, r, c);
		ec_facts_mistake_number(f, "masked response without the self-connection", no_self, d);
	}
	return 0;
}

/* 3.3.3: the mask one pixel to the left of the dotted location. */
static int left_mask(ec_explainer *ex, ec_sg_figure *fig, ec_error *err)
{
	size_t r = fig->at_row, c = fig->at_col, n = fig->frows * fig->fcols;
	unsigned char m[CELLS];
	char left[CELLS + 1], other[CELLS + 1], d[LINE];
	ec_item_facts *f;

	if (c < 2) {
		ec_error_set(err, EC_ERR_RANGE, "q3.3.3: no pixel left of x_%zu%zu", r, c);
		return -1;
	}
	if (ec_sg_mask(fig, r, c - 1, m, err) != EC_OK)
		return -1;
	mask_digits(m, n, left);
	if (!(f = ec_facts_add(ex, "3.3.3", EC_KEY_MASK, err)))
		return -1;
	ec_facts_answer(f, "%s", left);
	ec_facts_line(f, "M_%zu%zu, row-major: a 1 %sat every node an edge joins to x_%zu%zu", r,
		      c - 1, fig->self ? "at the centre (the node itself) and " : "", r, c - 1);
	if (ec_sg_mask(fig, r, c, m, err) != EC_OK)
		return -1;
	mask_digits(m, n, other);
	snprintf(d, sizeof(d), "%s is M_%zu%zu, the mask before the move", other, r, c);
	ec_facts_mistake_mask(f, "mask of the dotted location (not moved)", other, d);
	if (c < fig->cols) {
		if (ec_sg_mask(fig, r, c + 1, m, err) != EC_OK)
			return -1;
		mask_digits(m, n, other);
		snprintf(d, sizeof(d), "%s is M_%zu%zu, one pixel to the right", other, r, c + 1);
		ec_facts_mistake_mask(f, "mask moved to the right", other, d);
	}
	if (!fig->self)
		return 0;
	fig->self = false;
	if (ec_sg_mask(fig, r, c - 1, m, err) != EC_OK)
		return -1;
	fig->self = true;
	mask_digits(m, n, other);
	snprintf(d, sizeof(d), "%s has a 0 at the centre, but a node is connected to itself", other);
	ec_facts_mistake_mask(f, "mask without the self-connection", other, d);
	return 0;
}

/* 3.3.7: the layers that cover the graph: its diameter. */
static int layers(ec_explainer *ex, ec_sg_figure *fig, ec_error *err)
{
	ec_sg_reach reach;
	uint64_t ecc_at, ecc_11, reached;
	char d[LINE];
	ec_item_facts *f;

	if (ec_sg_reach_compute(fig, &reach, err) != EC_OK ||
	    ec_sg_eccentricity(fig, fig->at_row, fig->at_col, &ecc_at, &reached, err) != EC_OK ||
	    ec_sg_eccentricity(fig, 1, 1, &ecc_11, &reached, err) != EC_OK)
		return -1;
	if (!reach.covered) {
		ec_error_set(err, EC_ERR_RANGE, "q3.3.7: no number of layers covers the graph");
		return -1;
	}
	if (!(f = ec_facts_add(ex, "3.3.7", EC_KEY_COUNT, err)))
		return -1;
	ec_facts_answer(f, "%llu", (unsigned long long)reach.layers);
	ec_facts_line(f, "each layer reaches one more hop, so every node sees all %llu once the stack "
			 "is as deep as the graph's diameter: %llu hops (breadth-first search from "
			 "every node)",
		      (unsigned long long)reach.nodes, (unsigned long long)reach.diameter);
	snprintf(d, sizeof(d), "%llu hops from x_%zu%zu to its farthest node; every node has to see "
		 "the whole graph",
		 (unsigned long long)ecc_at, fig->at_row, fig->at_col);
	ec_facts_mistake_count(f, "eccentricity of the dotted node", ecc_at, d);
	snprintf(d, sizeof(d), "%llu hops from x_11 to its farthest node; every node has to see the "
		 "whole graph",
		 (unsigned long long)ecc_11);
	ec_facts_mistake_count(f, "eccentricity of x_11, the exam's example", ecc_11, d);
	snprintf(d, sizeof(d), "%llu, the smallest eccentricity, is enough for one node only",
		 (unsigned long long)reach.radius);
	ec_facts_mistake_count(f, "radius, not the diameter", reach.radius, d);
	snprintf(d, sizeof(d), "%llu layers after the first; the first layer counts too",
		 (unsigned long long)(reach.layers - 1));
	ec_facts_mistake_count(f, "count without the first layer", reach.layers - 1, d);
	return 0;
}

int ec_facts_3_3(ec_explainer *ex, ec_error *err)
{
	ec_sg_figure fig;
	const char *origin;
	char *text;
	int rc;

	if (ec_data_lookup("q3.3.figure", &text, &origin, err) != 0)
		return -1;
	if (ec_sg_parse(text, origin, &fig, err) != EC_OK) {
		ec_data_free(text);
		return -1;
	}
	ec_data_free(text);
	if (fig.at_row == 0) {
		ec_error_set(err, EC_ERR_INVALID, "%s: no dotted location ('at')", origin);
		ec_sg_figure_free(&fig);
		return -1;
	}
	rc = responses(ex, &fig, err);
	if (rc == 0)
		rc = left_mask(ex, &fig, err);
	if (rc == 0)
		rc = layers(ex, &fig, err);
	ec_sg_figure_free(&fig);
	return rc;
}
