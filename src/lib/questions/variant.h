/*
 * variant.h: what the modules not yet written as question modules still
 * share: their draws (variant.c) and their text (exam_text.c). Goes when
 * the last of them does.
 */
#ifndef EC_VARIANT_H
#define EC_VARIANT_H

#include <stdint.h>
#include <stdio.h>

#include "examcheck/ec_buf.h"
#include "question.h"

/** Largest seed: 2^63 - 1. */
#define EC_VARIANT_SEED_MAX INT64_MAX

/* The draws of 2.5, 2.7, 2.8, 3.1.1, 3.1.2, 3.2 and 3.3 (the original's when g is NULL). */
int ec_draw_3_3(ec_xorshift *g, ec_exam_params *p, ec_error *err);

/** ec_exam_seed_parse() as it was. */
int ec_variant_seed_parse(const char *text, uint64_t *seed, ec_error *err);

/** The text of question or group `q`, as plain text. */
int ec_exam_text_old(const ec_exam_params *p, const ec_question *q, ec_buf *b, ec_error *err);

/** The numbers of question or group `q` as JSON. */
int ec_exam_params_json_old(const ec_exam_params *p, const ec_question *q, FILE *f,
			    ec_error *err);

#endif
