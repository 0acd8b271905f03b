#include "answers.h"

int ec_ans_2_7(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_2_8(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

