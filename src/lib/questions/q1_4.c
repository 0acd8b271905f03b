/*
 * q1_4.c: Q1.4, true or false: flipped copies are a good way to enlarge a
 * small set of handwritten digits. The demonstration flips the library's
 * digit bitmaps (ec_digit_image()) three ways and matches each flipped
 * copy with the ten unflipped ones: most are no digit, some another one.
 */
#include "truefalse.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"

#define DIGITS EC_DIGIT_CLASSES
#define FLIPS 3
static const ec_flip flips[FLIPS] = {EC_FLIP_H, EC_FLIP_V, EC_FLIP_HV};
static const char *const flip_names[FLIPS] = {"mirrored", "upside down", "both (180 deg)"};

/* The digits the worked answer draws, unflipped and flipped. */
static const int drawn[] = {2, 6};

struct solution {
	/* each digit's bitmap: [0] as drawn, [1 + f] under flips[f] */
	double image[DIGITS][1 + FLIPS][EC_DIGIT_PIXELS];
	/* what each flipped copy matches best: a digit and its L1 distance */
	size_t nearest[DIGITS][FLIPS];
	double dist[DIGITS][FLIPS];
	size_t same, other, none; /* flipped copies: duplicates, other digits, no digit */
	size_t from, to;          /* the first that is another digit (DIGITS when none) */
	bool preserving;          /* every flipped copy is its own digit */
};

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	ec_dataset glyphs = {0};
	size_t d, f;
	int rc = -1;

	(void)s;
	if (ec_dataset_alloc(&glyphs, DIGITS, EC_DIGIT_PIXELS, DIGITS, err) != EC_OK)
		return -1;
	for (d = 0; d < DIGITS; d++) {
		if (ec_digit_image((int)d, sol->image[d][0], err) != EC_OK)
			goto done;
		memcpy(glyphs.x + d * EC_DIGIT_PIXELS, sol->image[d][0], sizeof(sol->image[d][0]));
		glyphs.y[d] = d;
	}
	sol->from = sol->to = DIGITS;
	sol->preserving = true;
	for (d = 0; d < DIGITS; d++)
		for (f = 0; f < FLIPS; f++) {
			ec_image_flip(sol->image[d][0], EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, flips[f],
				      sol->image[d][1 + f]);
			if (ec_knn_neighbors(&glyphs, sol->image[d][1 + f], 1, EC_METRIC_L1,
					     &sol->nearest[d][f], &sol->dist[d][f], NULL, err) != EC_OK)
				goto done;
			if (sol->dist[d][f] == 0 && sol->nearest[d][f] == d) {
				sol->same++;
			} else if (sol->dist[d][f] == 0) {
				sol->other++;
				if (sol->from == DIGITS) {
					sol->from = d;
					sol->to = sol->nearest[d][f];
				}
			} else {
				sol->none++;
			}
			sol->preserving = sol->preserving && sol->nearest[d][f] == d;
		}
	rc = 0;
done:
	ec_dataset_free(&glyphs);
	return rc;
}

static void say_art(ec_actx *a, const struct solution *sol, int digit)
{
	size_t r, c, k;

	ec_say(a, "  digit %d  original  mirrored  upside down  both\n", digit);
	for (r = 0; r < EC_DIGIT_HEIGHT; r++) {
		ec_say(a, "          ");
		for (k = 0; k < 1 + FLIPS; k++) {
			for (c = 0; c < EC_DIGIT_WIDTH; c++)
				ec_say(a, "%c",
				       sol->image[digit][k][r * EC_DIGIT_WIDTH + c] > 0.5 ? '#' : '.');
			ec_say(a, "%s", k == FLIPS ? "\n" : k == FLIPS - 1 ? "        " : "     ");
		}
	}
	ec_say(a, "\n");
}

static void worked(ec_actx *a, const struct solution *sol)
{
	size_t d, f, i;

	ec_answer(a, "%s", sol->preserving ? "True" : "False");
	ec_say(a, "Claim: for a small, balanced set of handwritten digits 0-9, it is a good\n"
		  "idea to enlarge the training set with copies of each image flipped\n"
		  "horizontally and vertically.\n\n");
	ec_say(a, "Augmentation helps only when the transformed image is still a valid\n"
		  "example of the same label. Digits are not symmetric: most flipped\n"
		  "digits are no digit at all, and a 6 flipped both ways (turned by 180\n"
		  "degrees) is a 9, so the added copies are junk or carry the wrong label,\n"
		  "while symmetric digits such as 0 and 8 only gain duplicates. Small shifts,\n"
		  "rotations of a few degrees or scaling are the sensible augmentations here.\n"
		  "Both readings of the claim (each flip on its own, or both flips together,\n"
		  "i.e. a 180-degree rotation) lead to the same conclusion.\n\n");
	ec_say(a, "Demonstration with %dx%d bitmaps ('#' = ink):\n\n", EC_DIGIT_WIDTH,
	       EC_DIGIT_HEIGHT);
	for (i = 0; i < sizeof(drawn) / sizeof(drawn[0]); i++)
		say_art(a, sol, drawn[i]);
	ec_say(a, "Each flipped bitmap compared (L1 distance) with the ten unflipped ones:\n");
	ec_say(a, "  digit  %-17s %-17s %s\n", flip_names[0], flip_names[1], flip_names[2]);
	for (d = 0; d < DIGITS; d++) {
		ec_say(a, "  %5zu ", d);
		for (f = 0; f < FLIPS; f++) {
			char cell[32];

			if (sol->dist[d][f] == 0 && sol->nearest[d][f] == d)
				snprintf(cell, sizeof(cell), "same %zu", d);
			else if (sol->dist[d][f] == 0)
				snprintf(cell, sizeof(cell), "becomes %zu", sol->nearest[d][f]);
			else
				snprintf(cell, sizeof(cell), "no digit (~%zu, %g)", sol->nearest[d][f],
					 sol->dist[d][f]);
			ec_say(a, f + 1 < FLIPS ? " %-17s" : " %s", cell);
		}
		ec_say(a, "\n");
	}
	ec_say(a, "\"no digit (~k, d)\": no bitmap matches; the closest is k at L1 distance d.\n");
	ec_say(a, "Of %zu flipped copies, %zu are unchanged duplicates, %zu turn into another\n"
		  "digit (wrong label) and %zu are not digits. So the statement is %s.\n",
	       sol->same + sol->other + sol->none, sol->same, sol->other, sol->none,
	       sol->preserving ? "true" : "false");
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;

	if (ec_showing(a))
		worked(a, sol);
	return ec_tf_key(a, sol->preserving);
}

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f = ec_tf_facts(ex, "1.4", sol->preserving, err);

	if (!f)
		return -1;
	if (sol->from < DIGITS)
		ec_facts_line(f, "a flipped digit is mostly no digit or another one: of %zu flipped "
				 "copies %zu are no digit, %zu another digit (a %zu flipped is a %zu) "
				 "and %zu duplicates",
			      sol->same + sol->other + sol->none, sol->none, sol->other, sol->from,
			      sol->to, sol->same);
	else
		ec_facts_line(f, "a flipped digit is mostly no digit: of %zu flipped copies %zu are "
				 "no digit and %zu duplicates",
			      sol->same + sol->other + sol->none, sol->none, sol->same);
	return 0;
}

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	(void)s;
	(void)q;
	(void)err;
	ec_text_para(t, "A small data set holds handwritten digits 0 to 9, equally many images of\n"
			"each. To train a digit recogniser, it is a good idea to enlarge it with\n"
			"copies of its images flipped at random, horizontally and vertically.");
	return 0;
}

const ec_module ec_module_1_4 = {
	.id = "1.4",
	.size = sizeof(struct solution),
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
