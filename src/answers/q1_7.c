#include "answers.h"

int ec_ans_1_7(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}
