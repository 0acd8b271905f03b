#include "answers.h"

int ec_ans_2_3(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}
