#include "answers.h"

#include <string.h>

#include "examcheck/ec_linear.h"

static void say_vec(ec_actx *a, const double *v, size_t n)
{
	size_t i;

	ec_say(a, "(");
	for (i = 0; i < n; i++)
		ec_say(a, "%s%g", i ? ", " : "", v[i]);
	ec_say(a, ")");
}

static int hinge(ec_actx *a, const double *s, size_t k, double margin, double *loss)
{
	return ec_hinge_loss(s, k, 0, margin, loss, &a->err) == EC_OK ? 0 : -1;
}

int ec_ans_2_2(ec_actx *a)
{
	/* Every example has true class 0. */
	static const double s_a[3] = {3, 1.5, 0};
	static const double s_a_wider[3] = {4, 1.5, 0};
	static const double W[3 * 2] = {2, 0, 0, 1, 1, -1};
	static const double x[2] = {1, 1};
	static const double b_zero[3] = {0, 0, 0}, b_class[3] = {0, 1.5, 0}, b_same[3] = {1, 1, 1};
	static const double s_c_low[4] = {3, 1.5, 0, -1}, s_c_high[4] = {3, 1.5, 0, 2.5};
	static const double zeros[10] = {0};
	ec_linear m;
	double la1, la2, la_wide, sb0[3], sb1[3], sb2[3], lb0, lb1, lb2, lc3, lc_low, lc_high;
	double lz3, lz10;
	int true_a, true_b, true_c;
	char letters[8] = "";

	if (hinge(a, s_a, 3, 1, &la1) || hinge(a, s_a, 3, 2, &la2))
		return -1;
	if (ec_linear_init(&m, 3, 2, &a->err) != EC_OK)
		return -1;
	memcpy(m.W, W, sizeof(W));
	memcpy(m.b, b_zero, sizeof(b_zero));
	ec_linear_scores(&m, x, sb0);
	memcpy(m.b, b_class, sizeof(b_class));
	ec_linear_scores(&m, x, sb1);
	memcpy(m.b, b_same, sizeof(b_same));
	ec_linear_scores(&m, x, sb2);
	ec_linear_free(&m);
	if (hinge(a, sb0, 3, 1, &lb0) || hinge(a, sb1, 3, 1, &lb1))
		return -1;
	if (hinge(a, s_a, 3, 1, &lc3) || hinge(a, s_c_low, 4, 1, &lc_low))
		return -1;

	/* An option is true only if no computed example contradicts it. */
	true_a = !(la1 == 0 && la2 != la1);
	true_b = lb1 == lb0;
	true_c = lc_low > lc3;
	if (true_a)
		strcat(letters, "A");
	if (true_b)
		strcat(letters, "B");
	if (true_c)
		strcat(letters, "C");
	if (!letters[0])
		strcat(letters, "D");
	if (!ec_showing(a))
		return ec_keyf(a, "2.2", EC_KEY_MC, 4, "%s", letters) ? -1 : 0;
	/* Shown only: the other readings and the examples that do not decide an option. */
	if (hinge(a, s_a_wider, 3, 1, &la_wide) || hinge(a, sb2, 3, 1, &lb2) ||
	    hinge(a, s_c_high, 4, 1, &lc_high) || hinge(a, zeros, 3, 1, &lz3) ||
	    hinge(a, zeros, 10, 1, &lz10))
		return -1;

	ec_answer(a, "%s", letters);
	ec_say(a, "The multiclass hinge loss of one input is L = sum over wrong classes j of\n"
		  "max(0, s_j - s_y + delta): a wrong class costs nothing once its score is\n"
		  "at least delta below the true class's score. Every example below has\n"
		  "true class y = 0 (the first score).\n\n");

	ec_say(a, "A: (if every L_i is 0, raising the margin delta leaves L_i unchanged)\n");
	ec_say(a, "   Scores ");
	say_vec(a, s_a, 3);
	ec_say(a, ": delta = 1 gives L = %g; delta = 2 gives L = %g.\n", la1, la2);
	ec_say(a, "   L = 0 only says every gap s_y - s_j is at least delta; a gap between\n"
		  "   the old and the new delta becomes a positive term. %s.\n",
		  true_a ? "True" : "False");
	ec_say(a, "   Other reading: if \"margin\" means the gap s_y - s_j between the\n"
		  "   scores, widening it keeps L = 0 (scores ");
	say_vec(a, s_a_wider, 3);
	ec_say(a, " give L = %g), and A\n   would be true.\n\n", la_wide);

	ec_say(a, "B: (the bias b does not affect L_i)\n");
	ec_say(a, "   s = W x + b with W rows ");
	say_vec(a, W, 2);
	ec_say(a, ", ");
	say_vec(a, W + 2, 2);
	ec_say(a, ", ");
	say_vec(a, W + 4, 2);
	ec_say(a, " and x = ");
	say_vec(a, x, 2);
	ec_say(a, ":\n");
	ec_say(a, "   b = ");
	say_vec(a, b_zero, 3);
	ec_say(a, " gives s = ");
	say_vec(a, sb0, 3);
	ec_say(a, ", L = %g;\n   b = ", lb0);
	say_vec(a, b_class, 3);
	ec_say(a, " gives s = ");
	say_vec(a, sb1, 3);
	ec_say(a, ", L = %g.\n", lb1);
	ec_say(a, "   Each class has its own bias, so b changes the score differences. %s.\n",
		  true_b ? "True" : "False");
	ec_say(a, "   (Only a bias equal for every class cancels: b = ");
	say_vec(a, b_same, 3);
	ec_say(a, " gives L = %g.)\n\n", lb2);

	ec_say(a, "C: (more classes means a higher hinge loss)\n");
	ec_say(a, "   Scores ");
	say_vec(a, s_a, 3);
	ec_say(a, " give L = %g. A fourth class scored %g,\n   ", lc3, s_c_low[3]);
	say_vec(a, s_c_low, 4);
	ec_say(a, ", gives L = %g; scored %g, ", lc_low, s_c_high[3]);
	say_vec(a, s_c_high, 4);
	ec_say(a, ", gives L = %g.\n", lc_high);
	ec_say(a, "   A new class adds a term that is never negative but is zero when the\n"
		  "   class is scored low enough, so the loss need not rise. %s.\n",
		  true_c ? "True" : "False");
	ec_say(a, "   Other reading: as a tendency C holds, e.g. with all scores 0 (a fresh\n"
		  "   classifier) L = (K - 1) delta: %g for K = 3, %g for K = 10.\n\n", lz3,
	       lz10);

	ec_say(a, "D: (none of the above) %s, since A, B and C are all %s.\n",
		  letters[0] == 'D' ? "True" : "False",
		  letters[0] == 'D' ? "false" : "not false");
	if (ec_keyf(a, "2.2", EC_KEY_MC, 4, "%s", letters))
		return -1;
	return 0;
}
