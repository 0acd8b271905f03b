#include "answers.h"

int ec_ans_3_3_1(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_2(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_3(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_4(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_5(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_6(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

int ec_ans_3_3_7(ec_actx *a)
{
	ec_answer(a, "(not yet written)");
	return 0;
}

