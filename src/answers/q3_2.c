#include "answers.h"

int ec_ans_3_2_1(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_2_2(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_2_3(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

