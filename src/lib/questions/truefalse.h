/*
 * truefalse.h: what the true/false modules 1.1-1.10 (q1_N.c) share: the
 * key item and the facts' item of a statement. Private to
 * src/lib/questions/.
 */
#ifndef EC_TRUEFALSE_H
#define EC_TRUEFALSE_H

#include "question.h"

/**
 * The key item of true/false leaf a->q, worth its points: "T" when the
 * statement holds, else "F". 0, or -1 with a->err set.
 */
static inline int ec_tf_key(ec_actx *a, bool holds)
{
	return ec_keyf(a, a->q->id, EC_KEY_TF, a->q->points, "%s", holds ? "T" : "F") ? -1 : 0;
}

/**
 * The facts of true/false item `id`, leading to "T" when the statement
 * holds, else "F"; the deciding fact is for the caller to add
 * (ec_facts_line()). NULL with err set on failure.
 */
static inline ec_item_facts *ec_tf_facts(ec_explainer *ex, const char *id, bool holds,
					 ec_error *err)
{
	ec_item_facts *f = ec_facts_add(ex, id, EC_KEY_TF, err);

	if (f)
		ec_facts_answer(f, "%s", holds ? "T" : "F");
	return f;
}

#endif
