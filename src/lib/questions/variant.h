/*
 * variant.h: the text of the modules not yet written as question modules
 * (exam_text.c). Goes when the last of them does.
 */
#ifndef EC_VARIANT_H
#define EC_VARIANT_H

#include <stdint.h>
#include <stdio.h>

#include "examcheck/ec_buf.h"
#include "question.h"

/** The text of question or group `q`, as plain text. */
int ec_exam_text_old(const ec_exam_params *p, const ec_question *q, ec_buf *b, ec_error *err);


#endif
