/*
 * paper.c: an exam's question paper as plain data for the writers: its
 * title, a summary of its sections' points, and every question and group
 * with its text and numbers, and each leaf's blanks (the kinds of answer
 * its key items take, never the answers).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "question.h"

/* "100 points: true or false 20, multiple choice 40, short answers 40." */
static void summary(ec_paper *p)
{
	const char *sep = " ";
	size_t i, used;
	double total = 0;

	for (i = 0; i < ec_question_count; i++)
		if (!strchr(ec_questions[i].id, '.'))
			total += ec_questions[i].points;
	used = (size_t)snprintf(p->summary, sizeof(p->summary), "%g points:", total);
	for (i = 0; i < ec_question_count && used < sizeof(p->summary); i++) {
		const char *phrase = ec_section_phrase(ec_questions[i].id);

		if (!phrase || strchr(ec_questions[i].id, '.'))
			continue;
		used += (size_t)snprintf(p->summary + used, sizeof(p->summary) - used, "%s%s %g", sep,
					 phrase, ec_questions[i].points);
		sep = ", ";
	}
	if (used + 1 < sizeof(p->summary))
		strcat(p->summary, ".");
}

/*
 * The blanks of leaf `q`: the items of `key` that the outline puts under
 * it (ec_question_of()), their answers left out.
 */
static ec_status blanks(ec_paper_question *q, const ec_key *key, ec_error *err)
{
	size_t i, n = 0;

	for (i = 0; i < key->count; i++) {
		const char *of = ec_question_of(key->items[i].id);

		if (!of || strcmp(of, q->id) != 0)
			continue;
		if (n % 8 == 0) {
			ec_paper_blank *more = realloc(q->blanks, (n + 8) * sizeof(*more));

			if (!more)
				return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
			q->blanks = more;
		}
		memset(&q->blanks[n], 0, sizeof(q->blanks[n]));
		snprintf(q->blanks[n].id, sizeof(q->blanks[n].id), "%s", key->items[i].id);
		q->blanks[n].kind = key->items[i].kind;
		q->blanks[n].points = key->items[i].points;
		if (key->items[i].kind == EC_KEY_MASK)
			q->blanks[n].cells = strlen(key->items[i].answer);
		q->nblanks = ++n;
	}
	return EC_OK;
}

ec_status ec_exam_paper(ec_exam *x, ec_paper *p, ec_error *err)
{
	uint64_t seed = ec_exam_seed(x);
	ec_buf params = EC_BUF_INIT;
	ec_key own = {0};
	size_t i;
	ec_status st = EC_OK;

	memset(p, 0, sizeof(*p));
	p->seed = seed;
	if (seed)
		snprintf(p->title, sizeof(p->title), "Deep learning practice midterm, variant %" PRIu64,
			 seed);
	else
		snprintf(p->title, sizeof(p->title), "Deep learning practice midterm, the original exam");
	summary(p);
	/* the blanks to answer in: the key's items, without their answers */
	if ((st = ec_exam_key(x, &own, err)) != EC_OK)
		return st;
	if (!(p->questions = calloc(ec_question_count, sizeof(*p->questions)))) {
		ec_key_free(&own);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < ec_question_count && st == EC_OK; i++) {
		ec_paper_question *q = &p->questions[i];

		q->id = ec_questions[i].id;
		q->title = ec_questions[i].title;
		q->points = ec_questions[i].points;
		q->leaf = ec_questions[i].leaf;
		p->count++;
		ec_buf_clear(&params);
		st = ec_exam_text(x, &ec_questions[i], &q->text, err);
		if (st == EC_OK)
			st = ec_exam_params_json(x, &ec_questions[i], &params, err);
		if (st == EC_OK && !(q->params = strdup(ec_buf_str(&params))))
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		if (st == EC_OK && q->leaf)
			st = blanks(q, &own, err);
	}
	ec_buf_free(&params);
	ec_key_free(&own);
	if (st != EC_OK)
		ec_paper_free(p);
	return st;
}

void ec_paper_free(ec_paper *p)
{
	size_t i;

	for (i = 0; i < p->count; i++) {
		ec_text_free(&p->questions[i].text);
		free(p->questions[i].params);
		free(p->questions[i].blanks);
	}
	free(p->questions);
	memset(p, 0, sizeof(*p));
}
