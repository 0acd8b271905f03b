/*
 * mc.h: what the multiple-choice modules share. A module knows its options
 * in the order the original exam writes them (k = 0, 1, ...); an exam shows
 * option k at some position, lettered 'A' + position (ec_option_at()). These
 * walk the positions, so that every letter a module writes is the one its
 * exam shows. Private to src/lib/questions/.
 */
#ifndef EC_MC_H
#define EC_MC_H

#include <stdbool.h>
#include <stddef.h>

#include "question.h"

/**
 * The options k (of the n of question `id`) with holds[k], in the order the
 * exam shows them: `key` as the key writes them ("AC"), `shown` as the
 * Answer line does ("A, C"); both "" when none holds.
 */
void ec_mc_answer(const ec_exam_params *p, const char *id, size_t n, const bool *holds,
		  char key[static 11], char shown[static 31]);

/**
 * The letters of the options k with pick[k], in the order shown, joined by
 * `sep` and the last two by `last` (", " and " and ": "A, B and C") into buf.
 * Returns how many there are.
 */
size_t ec_mc_letters(const ec_exam_params *p, const char *id, size_t n, const bool *pick,
		     const char *sep, const char *last, char *buf, size_t size);

/**
 * ec_mc_letters() of the options other than `none` (an option "none of
 * these"): all of them, or with `holding` those that hold (holds[k]).
 */
size_t ec_mc_others(const ec_exam_params *p, const char *id, size_t n, size_t none,
		    const bool *holds, bool holding, const char *sep, const char *last, char *buf,
		    size_t size);

/** Set the facts' answer (key form) to the letters of the options that hold, in order. */
void ec_mc_facts_answer(ec_item_facts *f);

#endif
