/*
 * grade_fixture.h: a small key and rubric in the exam's id scheme, shared
 * by the grading tests (test_grade.c, test_roster.c).
 */
#ifndef EC_GRADE_FIXTURE_H
#define EC_GRADE_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "examcheck/ec_grade.h"

static const char rubric_text[] = "rule 1.* tf wrong=-1 blank=0\n"
				  "rule 2.* mc per-error=2 options=A-D\n"
				  "rule 3.* exact rel=1e-6\n";

/* A small key in the exam's id scheme; item i of the key is item i of the grader. */
enum { T11, MC_AB, MC_C, NUM, DIMS, COUNT, MASK, MANUAL, NITEMS };

static void make_key(ec_key *key)
{
	ec_error err;

	memset(key, 0, sizeof(*key));
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "2.1", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "2.2", EC_KEY_MC, 4, "C", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.1.2", EC_KEY_NUMBER, 5, "-0.25", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.2.1.1.dims", EC_KEY_DIMS, 6.0 / 21, "16x8x64x64", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.2.1.1.weights", EC_KEY_COUNT, 6.0 / 21, "6000", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.3.3", EC_KEY_MASK, 2, "010111010", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.3.4", EC_KEY_MANUAL, 1, "centre is connected", &err), EC_OK);
}

static ec_status make_grader(ec_grader *g, const char *extra, ec_error *err)
{
	char text[1024];
	ec_rubric r = {0};
	ec_key key;
	ec_status st;

	make_key(&key);
	snprintf(text, sizeof(text), "%s%s", rubric_text, extra);
	ec_error_clear(err);
	assert_int_equal(ec_rubric_parse(&r, text, strlen(text), "rub", err), EC_OK);
	st = ec_grader_init(g, &key, &r, err);
	ec_rubric_free(&r);
	ec_key_free(&key);
	return st;
}

#endif
