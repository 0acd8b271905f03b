/*
 * variant.h: variants of the exam. A variant is the exam with new numbers
 * in every computational question (ec_exam_params), drawn from a seed;
 * the answer modules answer it as they answer the original. Its question
 * sheet is written in the project's own words (ec_exam_text()).
 */
#ifndef EC_VARIANT_H
#define EC_VARIANT_H

#include <stdint.h>
#include <stdio.h>

#include "answers.h"
#include "examcheck/ec_buf.h"
#include "params.h"

/** Largest seed: 2^63 - 1. */
#define EC_VARIANT_SEED_MAX INT64_MAX

/**
 * Draw variant `seed` of the exam into *p. Seed 0 is the original exam
 * (ec_exam_original). Any other seed gives new numbers for 2.5, 2.7,
 * 2.8, 3.1.1, 3.1.2, 3.2 and 3.3, drawn with ec_xorshift from the seed
 * alone, so the same seed gives the same exam on every machine: integers
 * and fractions with a power of two below them, each question drawn again
 * until the library finds it valid (see variant.c). Returns 0, or
 * non-zero with `err` set (a seed above EC_VARIANT_SEED_MAX, a question
 * that stayed invalid after many draws).
 */
int ec_variant_draw(uint64_t seed, ec_exam_params *p, ec_error *err);

/**
 * Read a seed: a decimal integer from 0 to EC_VARIANT_SEED_MAX, or
 * "original" (0). Returns 0, or non-zero with `err` set.
 */
int ec_variant_seed_parse(const char *text, uint64_t *seed, ec_error *err);

/**
 * The text of question or group `q` (an entry of ec_questions[]) of the
 * exam `p`, in the project's own words, appended to `b`: paragraphs
 * separated by blank lines, option lists as lines "- A: ...", figures and
 * matrices as blocks indented by four spaces (so that the text reads as
 * plain text and as Markdown). A group's text is what its parts share
 * (instructions, the network of 3.2, the figure of 3.3). Returns 0, or
 * non-zero with `err` set.
 */
int ec_exam_text(const ec_exam_params *p, const ec_question *q, ec_buf *b, ec_error *err);

/**
 * Write the numbers of question or group `q` of the exam `p` to `f` as
 * one JSON object ("{}" when its text has none): 2.5 "runs"; 2.7
 * "volume", "hidden", "classes", "options"; 2.8 "layers" (notation of
 * 'examcheck rf') and "options"; 3.1.1 "graph" (the graph file),
 * "expression", "inputs"; 3.1.2 "X" and "K" (lists of rows) and "at"
 * ([row, column], from 1); 3.2 "input" ("3x8x64x64") and "layers"
 * ("CONV5-16-p2-s1", ...); 3.2.3 "rows" ({"input", "layer"}); 3.3
 * "figure" (the figure file). Returns 0, or non-zero with `err` set.
 */
int ec_exam_params_json(const ec_exam_params *p, const ec_question *q, FILE *f, ec_error *err);

#endif
