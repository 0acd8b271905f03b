/*
 * fuzz_figure.c: figure files of question 3.3 (ec_spatial_graph.h). The
 * input, as a C string (it ends at its first NUL), is parsed with
 * ec_sg_parse(); a figure that parses is used as `examcheck graphconv`
 * uses it: patch, mask and responses at the marked location, the picture
 * (ec_sg_render()), the terms of the dot products and, for images of at
 * most 16x16 pixels (the searches are quadratic), the reach, the
 * eccentricity and influence at the marked location and the coarsened
 * graph of a 3x3 filter.
 */
#include "fuzz.h"

#include <math.h>

#include "examcheck/ec_spatial_graph.h"

#define CELLS (EC_SG_MAX_FILTER * EC_SG_MAX_FILTER)

static void use(const ec_sg_figure *fig)
{
	double patch[CELLS], plain, masked;
	unsigned char mask[CELLS];
	char terms[4096];
	char *art = NULL;
	size_t r = fig->at_row, c = fig->at_col, n = fig->frows * fig->fcols;
	ec_error err;

	ec_error_clear(&err);
	FUZZ_CHECK(fig->rows >= 1 && fig->rows <= EC_SG_MAX_SIDE);
	FUZZ_CHECK(fig->cols >= 1 && fig->cols <= EC_SG_MAX_SIDE);
	FUZZ_CHECK(fig->frows % 2 == 1 && fig->frows <= EC_SG_MAX_FILTER);
	FUZZ_CHECK(fig->fcols % 2 == 1 && fig->fcols <= EC_SG_MAX_FILTER);
	FUZZ_CHECK(r >= 1 && r <= fig->rows && c >= 1 && c <= fig->cols);
	FUZZ_CHECK(ec_sg_patch(fig, r, c, patch, &err) == EC_OK);
	FUZZ_CHECK(ec_sg_mask(fig, r, c, mask, &err) == EC_OK);
	FUZZ_CHECK(ec_sg_response(fig, r, c, false, false, &plain, &err) == EC_OK);
	FUZZ_CHECK(ec_sg_response(fig, r, c, true, true, &masked, &err) == EC_OK);
	(void)ec_sg_format_terms(patch, fig->filter, NULL, n, terms, sizeof(terms), &err);
	(void)ec_sg_format_terms(patch, fig->filter, mask, n, terms, sizeof(terms), &err);
	if (ec_sg_render(fig, &art, &err) == EC_OK) {
		FUZZ_CHECK(art != NULL);
		free(art);
	}
	if (fig->rows * fig->cols <= 256) {
		ec_sg_reach reach;
		ec_sg_figure coarse;
		uint64_t ecc, reached;
		unsigned char set[256];

		FUZZ_CHECK(ec_sg_reach_compute(fig, &reach, &err) == EC_OK);
		FUZZ_CHECK(reach.nodes == fig->rows * fig->cols);
		FUZZ_CHECK(reach.components >= 1 && reach.components <= reach.nodes);
		FUZZ_CHECK(ec_sg_eccentricity(fig, r, c, &ecc, &reached, &err) == EC_OK);
		FUZZ_CHECK(ecc <= reach.diameter && reached >= 1 && reached <= reach.nodes);
		FUZZ_CHECK(ec_sg_influence(fig, r, c, 3, set, &err) == EC_OK);
		memset(&coarse, 0, sizeof(coarse));
		if (ec_sg_coarsen(fig, 2, &coarse, &err) == EC_OK)
			ec_sg_figure_free(&coarse);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_sg_figure fig;
	ec_error err;
	char *text = fuzz_strndup(data, size, 0);

	if (!text)
		return 0;
	memset(&fig, 0, sizeof(fig));
	ec_error_clear(&err);
	if (ec_sg_parse(text, "fuzz.figure", &fig, &err) == EC_OK)
		use(&fig);
	else
		FUZZ_CHECK(err.line >= 0 && fig.image == NULL && fig.links == NULL);
	ec_sg_figure_free(&fig);
	free(text);
	return 0;
}
