#include "answers.h"

#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_knn.h"

static const ec_flip flips[3] = {EC_FLIP_H, EC_FLIP_V, EC_FLIP_HV};
static const char *const flip_names[3] = {"mirrored", "upside down", "both (180 deg)"};

/* What one flip of one digit turns into: the nearest template and its L1 distance. */
struct outcome {
	size_t nearest;
	double dist;
};

static void say_art(ec_actx *a, const ec_dataset *glyphs, int digit)
{
	double img[4][EC_DIGIT_PIXELS];
	size_t r, c, k;

	for (k = 0; k < 4; k++) {
		const double *src = glyphs->x + (size_t)digit * EC_DIGIT_PIXELS;

		if (k == 0)
			memcpy(img[0], src, sizeof(img[0]));
		else
			ec_image_flip(src, EC_DIGIT_HEIGHT, EC_DIGIT_WIDTH, flips[k - 1], img[k]);
	}
	ec_say(a, "  digit %d  original  mirrored  upside down  both\n", digit);
	for (r = 0; r < EC_DIGIT_HEIGHT; r++) {
		ec_say(a, "          ");
		for (k = 0; k < 4; k++) {
			for (c = 0; c < EC_DIGIT_WIDTH; c++)
				ec_say(a, "%c", img[k][r * EC_DIGIT_WIDTH + c] > 0.5 ? '#' : '.');
			ec_say(a, "%s", k == 3 ? "\n" : k == 2 ? "        " : "     ");
		}
	}
	ec_say(a, "\n");
}

static int demo(ec_actx *a, ec_dataset *glyphs)
{
	struct outcome out[10][3];
	size_t d, f, same = 0, other = 0, none = 0;
	int preserving = 1;

	if (ec_dataset_alloc(glyphs, 10, EC_DIGIT_PIXELS, 10, &a->err) != EC_OK)
		return -1;
	for (d = 0; d < 10; d++) {
		if (ec_digit_image((int)d, glyphs->x + d * EC_DIGIT_PIXELS, &a->err) != EC_OK)
			return -1;
		glyphs->y[d] = d;
	}
	for (d = 0; d < 10; d++) {
		for (f = 0; f < 3; f++) {
			double img[EC_DIGIT_PIXELS];

			ec_image_flip(glyphs->x + d * EC_DIGIT_PIXELS, EC_DIGIT_HEIGHT,
				      EC_DIGIT_WIDTH, flips[f], img);
			if (ec_knn_neighbors(glyphs, img, 1, EC_METRIC_L1, &out[d][f].nearest,
					     &out[d][f].dist, NULL, &a->err) != EC_OK)
				return -1;
			if (out[d][f].dist == 0 && out[d][f].nearest == d)
				same++;
			else if (out[d][f].dist == 0)
				other++;
			else
				none++;
			if (out[d][f].nearest != d)
				preserving = 0;
		}
	}

	ec_answer(a, "%s", preserving ? "True" : "False");
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
	say_art(a, glyphs, 2);
	say_art(a, glyphs, 6);
	ec_say(a, "Each flipped bitmap compared (L1 distance) with the ten unflipped ones:\n");
	ec_say(a, "  digit  %-17s %-17s %s\n", flip_names[0], flip_names[1], flip_names[2]);
	for (d = 0; d < 10; d++) {
		ec_say(a, "  %5zu ", d);
		for (f = 0; f < 3; f++) {
			char cell[32];

			if (out[d][f].dist == 0 && out[d][f].nearest == d)
				snprintf(cell, sizeof(cell), "same %zu", d);
			else if (out[d][f].dist == 0)
				snprintf(cell, sizeof(cell), "becomes %zu", out[d][f].nearest);
			else
				snprintf(cell, sizeof(cell), "no digit (~%zu, %g)", out[d][f].nearest,
					 out[d][f].dist);
			ec_say(a, f < 2 ? " %-17s" : " %s", cell);
		}
		ec_say(a, "\n");
	}
	ec_say(a, "\"no digit (~k, d)\": no bitmap matches; the closest is k at L1 distance d.\n");
	ec_say(a, "Of %zu flipped copies, %zu are unchanged duplicates, %zu turn into another\n"
		  "digit (wrong label) and %zu are not digits. So the statement is %s.\n",
	       same + other + none, same, other, none, preserving ? "true" : "false");
	if (ec_keyf(a, "1.4", EC_KEY_TF, 2, "%s", preserving ? "T" : "F"))
		return -1;
	return 0;
}

int ec_ans_1_4(ec_actx *a)
{
	ec_dataset glyphs = {0};
	int rc = demo(a, &glyphs);

	ec_dataset_free(&glyphs);
	return rc;
}
