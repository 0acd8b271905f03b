/*
 * answers.h: what the modules not yet written as question modules
 * (question.h) still use. Goes when the last of them does.
 */
#ifndef EC_ANSWERS_H
#define EC_ANSWERS_H

#include "question.h"

typedef int (*ec_answer_fn)(ec_actx *a);

/** The numbers `a` answers. */
static inline const ec_exam_params *ec_params(const ec_actx *a)
{
	return a->params;
}

#endif
