/*
 * test_truefalse.c: the true/false modules 1.1-1.10 (src/lib/questions/
 * q1_N.c). Each solves its demonstration once, as far as it is asked to:
 * the facts must not depend on how far that was (a solution solved for
 * the worked answers serves the facts too), and they must lead to the
 * key's answer. Two deciding facts are checked by a second method: 1.8's
 * softmax by exp() directly, 1.4's flipped digits by flipping the bitmaps
 * with index arithmetic and comparing them pixel by pixel.
 */
#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_dataset.h"
#include "examcheck/ec_exam.h"

static const char *const ids[] = {"1.1", "1.2", "1.3", "1.4", "1.5",
				  "1.6", "1.7", "1.8", "1.9", "1.10"};
#define NIDS (sizeof(ids) / sizeof(ids[0]))

/* A copy of the facts of `id` of the original exam; with `worked`, after its worked answers. */
static ec_item_facts facts_of(const char *id, int worked)
{
	ec_item_facts copy;
	const ec_item_facts *f = NULL;
	ec_exam *x;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, NULL, &x, &err), EC_OK);
	if (worked) {
		FILE *out = tmpfile();

		assert_non_null(out);
		if (ec_exam_worked(x, "1", out, &err) != EC_OK)
			fail_msg("worked: %s", err.msg);
		assert_true(ftell(out) > 0);
		fclose(out);
	}
	if (ec_exam_facts(x, id, &f, &err) != EC_OK)
		fail_msg("facts of %s: %s", id, err.msg);
	if (!f)
		fail_msg("no facts for %s", id);
	copy = *f;
	ec_exam_free(x);
	return copy;
}

static void test_truefalse_facts_same_at_every_depth(void **state)
{
	ec_key key = {0};
	ec_exam *x;
	ec_error err;
	size_t i, j, k;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_exam_open(0, NULL, &x, &err), EC_OK);
	assert_int_equal(ec_exam_key(x, &key, &err), EC_OK);
	for (i = 0; i < NIDS; i++) {
		ec_item_facts alone = facts_of(ids[i], 0), after = facts_of(ids[i], 1);
		const char *answer = NULL;

		assert_int_equal(alone.kind, EC_KEY_TF);
		assert_int_equal(alone.nfacts, 1);
		assert_string_equal(alone.answer, after.answer);
		assert_int_equal(alone.nfacts, after.nfacts);
		for (j = 0; j < alone.nfacts; j++)
			if (strcmp(alone.facts[j], after.facts[j]) != 0)
				fail_msg("%s: the facts alone say '%s', after the worked answer '%s'",
					 ids[i], alone.facts[j], after.facts[j]);
		for (k = 0; k < key.count; k++)
			if (strcmp(key.items[k].id, ids[i]) == 0)
				answer = key.items[k].answer;
		if (!answer)
			fail_msg("no key item %s", ids[i]);
		assert_string_equal(alone.answer, answer);
	}
	ec_key_free(&key);
	ec_exam_free(x);
}

/*
 * 1.8: s(z)_i = e^(z_i) / sum_j e^(z_j) for z = (1, 2, 3), and for 2z
 * (e^2, e^4, e^6) / (e^2 + e^4 + e^6): about (0.0900, 0.2447, 0.6652) and
 * (0.0159, 0.1173, 0.8668). Scaling moved them, so the statement is false.
 */
static void test_truefalse_1_8_softmax_by_exp(void **state)
{
	ec_item_facts f = facts_of("1.8", 0);
	double e1 = exp(1), e2 = exp(2), e3 = exp(3), e4 = exp(4), e6 = exp(6);
	double s1 = e1 + e2 + e3, s2 = e2 + e4 + e6;
	char want[160];

	(void)state;
	assert_string_equal(f.answer, "F");
	snprintf(want, sizeof(want), "s(z) = (%.4f, %.4f, %.4f) but s(2z) = (%.4f, %.4f, %.4f)",
		 e1 / s1, e2 / s1, e3 / s1, e2 / s2, e4 / s2, e6 / s2);
	if (!strstr(f.facts[0], want))
		fail_msg("1.8: '%s' does not say '%s'", f.facts[0], want);
	assert_non_null(strstr(want, "(0.0900, 0.2447, 0.6652) but s(2z) = (0.0159, 0.1173, 0.8668)"));
}

/*
 * 1.4: each digit flipped left-right (column c to W-1-c), upside down (row
 * r to H-1-r) and both, compared pixel by pixel with the ten digits: a
 * duplicate (its own digit), another digit, or no digit.
 */
static void test_truefalse_1_4_flips_by_hand(void **state)
{
	enum { H = EC_DIGIT_HEIGHT, W = EC_DIGIT_WIDTH, P = EC_DIGIT_PIXELS, D = 10 };
	ec_item_facts f = facts_of("1.4", 0);
	double img[D][P], flip[P];
	size_t same = 0, other = 0, none = 0, a, b;
	bool pairs[D][D] = {{false}};
	int d, k, r, c, e;
	char want[160];
	const char *at;
	ec_error err;

	(void)state;
	for (d = 0; d < D; d++)
		assert_int_equal(ec_digit_image(d, img[d], &err), EC_OK);
	for (d = 0; d < D; d++)
		for (k = 1; k <= 3; k++) {
			int match = -1;

			for (r = 0; r < H; r++)
				for (c = 0; c < W; c++)
					flip[r * W + c] = img[d][(k & 2 ? H - 1 - r : r) * W +
								 (k & 1 ? W - 1 - c : c)];
			for (e = 0; e < D && match < 0; e++)
				if (memcmp(flip, img[e], sizeof(flip)) == 0)
					match = e;
			if (match == d) {
				same++;
			} else if (match >= 0) {
				other++;
				pairs[d][match] = true;
			} else {
				none++;
			}
		}
	/* the glyphs' own promise (ec_digit_image): 9 is 6 turned by 180 degrees */
	assert_true(pairs[6][9]);
	assert_true(none + other > 0);
	assert_string_equal(f.answer, "F");
	snprintf(want, sizeof(want), "of %zu flipped copies %zu are no digit, %zu another digit",
		 same + other + none, none, other);
	if (!strstr(f.facts[0], want))
		fail_msg("1.4: '%s' does not say '%s'", f.facts[0], want);
	snprintf(want, sizeof(want), "and %zu duplicates", same);
	if (!strstr(f.facts[0], want))
		fail_msg("1.4: '%s' does not say '%s'", f.facts[0], want);
	at = strstr(f.facts[0], "(a ");
	assert_non_null(at);
	assert_int_equal(sscanf(at, "(a %zu flipped is a %zu)", &a, &b), 2);
	assert_true(a < D && b < D && pairs[a][b]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truefalse_facts_same_at_every_depth),
		cmocka_unit_test(test_truefalse_1_8_softmax_by_exp),
		cmocka_unit_test(test_truefalse_1_4_flips_by_hand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
