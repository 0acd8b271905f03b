/*
 * q2_2.c: Q2.2, properties of the multiclass hinge loss. Each claim is
 * tried on small score vectors (libexamcheck's ec_hinge_loss and linear
 * scores): a claim holds only if no example contradicts it. Every example
 * has true class 0.
 */
#include <string.h>

#include "examcheck/ec_linear.h"
#include "mc.h"

/* The options, as the exam writes them; NONE stays last. */
enum { MARGIN, BIAS, CLASSES, NONE, OPTIONS };

static const char *const option_text[OPTIONS] = {
	"as long as every example has L_i = 0, a larger margin leaves L_i as it is",
	"the bias b in the scores has no effect on L_i",
	"the more classes there are, the larger the hinge loss",
	"none of these",
};

/* The examples. */
static const double margin = 1, margin_wider = 2;
static const double s_a[3] = {3, 1.5, 0};
static const double s_a_wider[3] = {4, 1.5, 0};
static const double W[3 * 2] = {2, 0, 0, 1, 1, -1};
static const double x[2] = {1, 1};
static const double b_zero[3] = {0, 0, 0}, b_class[3] = {0, 1.5, 0}, b_same[3] = {1, 1, 1};
static const double s_c_low[4] = {3, 1.5, 0, -1}, s_c_high[4] = {3, 1.5, 0, 2.5};
static const double zeros[10] = {0};
enum { FEW = 3, MANY = 10 }; /* classes of the all-zero scores */

/* ---- the solution ---- */

struct solution {
	const ec_exam_params *p;
	/* what decides the options */
	double la1, la2;       /* s_a with the margin, and with the wider margin */
	double sb0[3], sb1[3]; /* W x + b_zero, W x + b_class */
	double lb0, lb1;
	double lc3, lc_low; /* s_a, and with a fourth class scored low */
	bool holds[OPTIONS];
	/* EC_DEPTH_WORKED: the other readings and the examples that decide nothing */
	double la_wide, sb2[3], lb2, lc_high, lz_few, lz_many;
};

static int hinge(const double *s, size_t k, double delta, double *loss, ec_error *err)
{
	return ec_hinge_loss(s, k, 0, delta, loss, err) == EC_OK ? 0 : -1;
}

static int solve(const ec_solving *s, void *out, ec_error *err)
{
	struct solution *sol = out;
	ec_linear m = {0};

	sol->p = s->p;
	if (hinge(s_a, 3, margin, &sol->la1, err) || hinge(s_a, 3, margin_wider, &sol->la2, err) ||
	    ec_linear_init(&m, 3, 2, err) != EC_OK)
		return -1;
	memcpy(m.W, W, sizeof(W));
	memcpy(m.b, b_zero, sizeof(b_zero));
	ec_linear_scores(&m, x, sol->sb0);
	memcpy(m.b, b_class, sizeof(b_class));
	ec_linear_scores(&m, x, sol->sb1);
	memcpy(m.b, b_same, sizeof(b_same));
	ec_linear_scores(&m, x, sol->sb2);
	ec_linear_free(&m);
	if (hinge(sol->sb0, 3, margin, &sol->lb0, err) ||
	    hinge(sol->sb1, 3, margin, &sol->lb1, err) || hinge(s_a, 3, margin, &sol->lc3, err) ||
	    hinge(s_c_low, 4, margin, &sol->lc_low, err))
		return -1;
	/* an option holds only if no computed example contradicts it */
	sol->holds[MARGIN] = !(sol->la1 == 0 && sol->la2 != sol->la1);
	sol->holds[BIAS] = sol->lb1 == sol->lb0;
	sol->holds[CLASSES] = sol->lc_low > sol->lc3;
	sol->holds[NONE] = !sol->holds[MARGIN] && !sol->holds[BIAS] && !sol->holds[CLASSES];
	if (s->depth < EC_DEPTH_WORKED)
		return 0;
	if (hinge(s_a_wider, 3, margin, &sol->la_wide, err) ||
	    hinge(sol->sb2, 3, margin, &sol->lb2, err) ||
	    hinge(s_c_high, 4, margin, &sol->lc_high, err) ||
	    hinge(zeros, FEW, margin, &sol->lz_few, err) ||
	    hinge(zeros, MANY, margin, &sol->lz_many, err))
		return -1;
	return 0;
}

/* ---- the worked answer and the key ---- */

static void say_vec(ec_actx *a, const double *v, size_t n)
{
	size_t i;

	ec_say(a, "(");
	for (i = 0; i < n; i++)
		ec_say(a, "%s%g", i ? ", " : "", v[i]);
	ec_say(a, ")");
}

static void say_option(ec_actx *a, const struct solution *sol, size_t k, char letter)
{
	const char *verdict = sol->holds[k] ? "True" : "False";
	char some[32];
	size_t n;

	switch (k) {
	case MARGIN:
		ec_say(a,
		       "%c: (if every L_i is 0, raising the margin delta leaves L_i unchanged)\n",
		       letter);
		ec_say(a, "   Scores ");
		say_vec(a, s_a, 3);
		ec_say(a, ": delta = %g gives L = %g; delta = %g gives L = %g.\n", margin, sol->la1,
		       margin_wider, sol->la2);
		ec_say(a,
		       "   L = 0 only says every gap s_y - s_j is at least delta; a gap between\n"
		       "   the old and the new delta becomes a positive term. %s.\n",
		       verdict);
		ec_say(a, "   Other reading: if \"margin\" means the gap s_y - s_j between the\n"
			  "   scores, widening it keeps L = 0 (scores ");
		say_vec(a, s_a_wider, 3);
		ec_say(a, " give L = %g), and %c\n   would be true.\n\n", sol->la_wide, letter);
		break;
	case BIAS:
		ec_say(a, "%c: (the bias b does not affect L_i)\n", letter);
		ec_say(a, "   s = W x + b with W rows ");
		say_vec(a, W, 2);
		ec_say(a, ", ");
		say_vec(a, W + 2, 2);
		ec_say(a, ", ");
		say_vec(a, W + 4, 2);
		ec_say(a, " and x = ");
		say_vec(a, x, 2);
		ec_say(a, ":\n   b = ");
		say_vec(a, b_zero, 3);
		ec_say(a, " gives s = ");
		say_vec(a, sol->sb0, 3);
		ec_say(a, ", L = %g;\n   b = ", sol->lb0);
		say_vec(a, b_class, 3);
		ec_say(a, " gives s = ");
		say_vec(a, sol->sb1, 3);
		ec_say(a, ", L = %g.\n", sol->lb1);
		ec_say(a,
		       "   Each class has its own bias, so b changes the score differences. %s.\n",
		       verdict);
		ec_say(a, "   (Only a bias equal for every class cancels: b = ");
		say_vec(a, b_same, 3);
		ec_say(a, " gives L = %g.)\n\n", sol->lb2);
		break;
	case CLASSES:
		ec_say(a, "%c: (more classes means a higher hinge loss)\n", letter);
		ec_say(a, "   Scores ");
		say_vec(a, s_a, 3);
		ec_say(a, " give L = %g. A fourth class scored %g,\n   ", sol->lc3, s_c_low[3]);
		say_vec(a, s_c_low, 4);
		ec_say(a, ", gives L = %g; scored %g, ", sol->lc_low, s_c_high[3]);
		say_vec(a, s_c_high, 4);
		ec_say(a, ", gives L = %g.\n", sol->lc_high);
		ec_say(a,
		       "   A new class adds a term that is never negative but is zero when the\n"
		       "   class is scored low enough, so the loss need not rise. %s.\n",
		       verdict);
		ec_say(a,
		       "   Other reading: as a tendency %c holds, e.g. with all scores 0 (a fresh\n"
		       "   classifier) L = (K - 1) delta: %g for K = %d, %g for K = %d.\n\n",
		       letter, sol->lz_few, FEW, sol->lz_many, MANY);
		break;
	default:
		if (sol->holds[k]) {
			ec_mc_others(a->params, "2.2", OPTIONS, NONE, sol->holds, false, ", ",
				     " and ", some, sizeof(some));
			ec_say(a, "%c: (none of the above) True, since %s are all false.\n", letter,
			       some);
		} else {
			n = ec_mc_others(a->params, "2.2", OPTIONS, NONE, sol->holds, true, ", ",
					 " and ", some, sizeof(some));
			ec_say(a, "%c: (none of the above) False, since %s hold%s.\n", letter, some,
			       n == 1 ? "s" : "");
		}
		break;
	}
}

static int show(ec_actx *a, const void *out)
{
	const struct solution *sol = out;
	char key[11], shown[31];
	size_t pos;

	ec_mc_answer(a->params, "2.2", OPTIONS, sol->holds, key, shown);
	if (!ec_showing(a))
		return ec_keyf(a, "2.2", EC_KEY_MC, 4, "%s", key);
	ec_answer(a, "%s", shown);
	ec_say(a, "The multiclass hinge loss of one input is L = sum over wrong classes j of\n"
		  "max(0, s_j - s_y + delta): a wrong class costs nothing once its score is\n"
		  "at least delta below the true class's score. Every example below has\n"
		  "true class y = 0 (the first score).\n\n");
	for (pos = 0; pos < OPTIONS; pos++)
		say_option(a, sol, ec_option_at(a->params, "2.2", pos), (char)('A' + pos));
	return ec_keyf(a, "2.2", EC_KEY_MC, 4, "%s", key);
}

/* ---- the facts ---- */

static int facts(ec_explainer *ex, const void *out, ec_error *err)
{
	const struct solution *sol = out;
	ec_item_facts *f;
	char some[32];
	size_t pos, n;

	if (!(f = ec_facts_add(ex, "2.2", EC_KEY_MC, err)))
		return -1;
	for (pos = 0; pos < OPTIONS; pos++) {
		size_t k = ec_option_at(sol->p, "2.2", pos);
		char letter = (char)('A' + pos);

		switch (k) {
		case MARGIN:
			ec_facts_option(
				f, letter, sol->holds[k],
				"L = 0 only says each gap s_y - s_j is at least the margin: "
				"scores (%g, %g, %g) give L = %g with margin %g but L = %g with "
				"margin %g",
				s_a[0], s_a[1], s_a[2], sol->la1, margin, sol->la2, margin_wider);
			break;
		case BIAS:
			ec_facts_option(
				f, letter, sol->holds[k],
				"each class has its own bias, which moves the score gaps: b = "
				"(%g, %g, %g) gives L = %g, b = (%g, %g, %g) gives L = %g",
				b_zero[0], b_zero[1], b_zero[2], sol->lb0, b_class[0], b_class[1],
				b_class[2], sol->lb1);
			break;
		case CLASSES:
			ec_facts_option(
				f, letter, sol->holds[k],
				"a new class adds a term that is 0 when it scores low enough: "
				"scores (%g, %g, %g) give L = %g, and a fourth class scored %g "
				"still gives L = %g",
				s_a[0], s_a[1], s_a[2], sol->lc3, s_c_low[3], sol->lc_low);
			break;
		default:
			if (sol->holds[k]) {
				ec_mc_others(sol->p, "2.2", OPTIONS, NONE, sol->holds, false, ", ",
					     " and ", some, sizeof(some));
				ec_facts_option(f, letter, true, "%s are all false", some);
			} else {
				n = ec_mc_others(sol->p, "2.2", OPTIONS, NONE, sol->holds, true,
						 ", ", " and ", some, sizeof(some));
				ec_facts_option(f, letter, false, "%s hold%s", some,
						n == 1 ? "s" : "");
			}
			break;
		}
	}
	ec_mc_facts_answer(f);
	return 0;
}

/* ---- the text ---- */

static int text(const ec_solving *s, const ec_question *q, ec_text *t, ec_error *err)
{
	size_t pos;

	(void)q;
	(void)err;
	ec_text_para(t,
		     "The multiclass hinge loss L_i of example i is the sum, over the classes j\n"
		     "other than its label y_i, of max(0, s_j - s_(y_i) + delta), where s_j is "
		     "the\nscore of class j and the margin delta is at least 0. Which statements "
		     "hold?");
	for (pos = 0; pos < OPTIONS; pos++)
		ec_text_option(t, (char)('A' + pos), "%s",
			       option_text[ec_option_at(s->p, "2.2", pos)]);
	return 0;
}

const ec_module ec_module_2_2 = {
	.id = "2.2",
	.size = sizeof(struct solution),
	.options = OPTIONS,
	.last_stays = true,
	.text = text,
	.solve = solve,
	.show = show,
	.facts = facts,
};
