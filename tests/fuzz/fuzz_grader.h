/*
 * fuzz_grader.h: the small key and rubric of tests/grade_fixture.h (one
 * item of each kind, in the exam's id scheme, with an accepted
 * alternative), built without cmocka for the harnesses that grade.
 */
#ifndef EC_FUZZ_GRADER_H
#define EC_FUZZ_GRADER_H

#include "fuzz.h"

#include "examcheck/ec_grade.h"

static const char fuzz_rubric_text[] = "total 25.5714285714\n"
				       "rule 1.* tf wrong=-1 blank=0\n"
				       "rule 2.* mc per-error=2 options=A-D\n"
				       "rule 3.* exact rel=1e-6\n"
				       "rule 3.2.* exact\n"
				       "alt 2.2 D\n";

/* Fill `key` with the fixture's items; EC_OK or the first failure. */
static inline ec_status fuzz_make_key(ec_key *key, ec_error *err)
{
	static const struct {
		const char *id;
		ec_key_kind kind;
		double points;
		const char *answer;
	} items[] = {
		{"1.1", EC_KEY_TF, 2, "T"},
		{"2.1", EC_KEY_MC, 4, "AB"},
		{"2.2", EC_KEY_MC, 4, "C"},
		{"3.1.2", EC_KEY_NUMBER, 5, "-0.25"},
		{"3.2.1.1.dims", EC_KEY_DIMS, 6.0 / 21, "16x8x64x64"},
		{"3.2.1.1.weights", EC_KEY_COUNT, 6.0 / 21, "6000"},
		{"3.3.3", EC_KEY_MASK, 2, "010111010"},
		{"3.3.4", EC_KEY_MANUAL, 1, "centre is connected"},
	};
	ec_status st = EC_OK;

	memset(key, 0, sizeof(*key));
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]) && st == EC_OK; i++)
		st = ec_key_add(key, items[i].id, items[i].kind, items[i].points, items[i].answer,
				err);
	return st;
}

/* Join the fixture's key and rubric into `g`; on failure nothing is left to free. */
static inline ec_status fuzz_make_grader(ec_grader *g, ec_error *err)
{
	ec_rubric r;
	ec_key key;
	ec_status st;

	memset(&r, 0, sizeof(r));
	memset(g, 0, sizeof(*g));
	ec_error_clear(err);
	st = fuzz_make_key(&key, err);
	if (st == EC_OK)
		st = ec_rubric_parse(&r, fuzz_rubric_text, sizeof(fuzz_rubric_text) - 1, "rubric",
				     err);
	if (st == EC_OK)
		st = ec_grader_init(g, &key, &r, err);
	ec_rubric_free(&r);
	ec_key_free(&key);
	return st;
}

#endif
