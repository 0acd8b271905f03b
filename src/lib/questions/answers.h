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

/** A variant's own data (`given`), else the exam's data file `name`. */
int ec_params_data(ec_actx *a, const char *given, const char *name, char **text,
		   const char **origin);

/** The exam's data file `name`. */
int ec_data_load(ec_actx *a, const char *name, char **text, const char **origin);

/** The data file `name` of EXAMCHECK_DATA, else the built-in copy. */
int ec_data_lookup(const char *name, char **text, const char **origin, ec_error *err);

/** Release text returned by the loaders above. */
void ec_data_free(char *text);

#endif
