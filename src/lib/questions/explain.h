/*
 * explain.h: the facts functions of the modules not yet written as
 * question modules (question.h). Goes when the last of them does.
 */
#ifndef EC_EXPLAIN_COMPAT_H
#define EC_EXPLAIN_COMPAT_H

#include "question.h"

typedef int (*ec_facts_fn)(ec_explainer *ex, ec_error *err);

int ec_facts_2_1(ec_explainer *ex, ec_error *err);
int ec_facts_2_2(ec_explainer *ex, ec_error *err);
int ec_facts_2_3(ec_explainer *ex, ec_error *err);
int ec_facts_2_4(ec_explainer *ex, ec_error *err);
int ec_facts_2_5(ec_explainer *ex, ec_error *err);
int ec_facts_2_6(ec_explainer *ex, ec_error *err);
int ec_facts_2_7(ec_explainer *ex, ec_error *err);
int ec_facts_2_8(ec_explainer *ex, ec_error *err);
int ec_facts_2_9(ec_explainer *ex, ec_error *err);
int ec_facts_2_10(ec_explainer *ex, ec_error *err);
int ec_facts_3_1_2(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_1(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_2(ec_explainer *ex, ec_error *err);
int ec_facts_3_2_3(ec_explainer *ex, ec_error *err);
int ec_facts_3_3(ec_explainer *ex, ec_error *err);

#endif
