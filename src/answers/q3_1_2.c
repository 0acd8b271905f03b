#include "answers.h"

int ec_ans_3_1_2(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

