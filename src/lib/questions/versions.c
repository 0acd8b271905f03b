/*
 * class.c: the exams of a class that sat several versions of the exam,
 * each with its key and grader, made when a roster's key column first
 * names it.
 */
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_roster.h"
#include "question.h"

struct version {
	uint64_t seed;
	ec_exam *exam;
	ec_grader grader;
	const ec_grader *g; /* &grader, or the class's seed-0 grader */
	bool owned;
	ec_reasons reasons; /* for ec_versions_mistake(), made when first needed */
	bool reasons_made;
};

struct ec_versions {
	char *data_dir;
	ec_rubric rubric;   /* a shallow copy, its requested answers made optional */
	ec_rubric_alt *alts;
	struct version v[EC_ROSTER_GRADERS_MAX + 1]; /* one more than a roster takes, which it
							 then reports at the line naming it */
	size_t n;
};

ec_status ec_versions_open(ec_exam *exam0, const ec_grader *g0, const char *data_dir,
			const ec_rubric *r, ec_versions **out, ec_error *err)
{
	ec_versions *c = calloc(1, sizeof(*c));
	size_t i;

	*out = NULL;
	if (!c || (data_dir && *data_dir && !(c->data_dir = strdup(data_dir))) ||
	    (r->nalts && !(c->alts = malloc(r->nalts * sizeof(*c->alts))))) {
		ec_versions_free(c);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	c->rubric = *r;
	if (r->nalts)
		memcpy(c->alts, r->alts, r->nalts * sizeof(*c->alts));
	c->rubric.alts = c->alts;
	/* an answer accepted on the command line applies to every version that has the item */
	for (i = 0; i < r->nalts; i++)
		if (c->alts[i].requested)
			c->alts[i].optional = true;
	c->v[0].seed = 0;
	c->v[0].exam = exam0;
	c->v[0].g = g0;
	c->n = 1;
	*out = c;
	return EC_OK;
}

void ec_versions_free(ec_versions *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		ec_reasons_free(&c->v[i].reasons);
		if (c->v[i].owned) {
			ec_grader_free(&c->v[i].grader);
			ec_exam_free(c->v[i].exam);
		}
	}
	free(c->alts);
	free(c->data_dir);
	free(c);
}

static struct version *find(ec_versions *c, uint64_t seed)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].seed == seed)
			return &c->v[i];
	return NULL;
}

ec_status ec_versions_get(ec_versions *c, uint64_t seed, const ec_grader **g, ec_exam **exam,
		       ec_error *err)
{
	struct version *v = find(c, seed);
	ec_key key = {0};
	ec_status st;

	if (!v) {
		if (c->n == EC_ROSTER_GRADERS_MAX + 1)
			return ec_error_set(err, EC_ERR_RANGE,
					    "a run grades at most %d versions of the exam",
					    EC_ROSTER_GRADERS_MAX);
		v = &c->v[c->n];
		memset(v, 0, sizeof(*v));
		v->seed = seed;
		st = ec_exam_open(seed, c->data_dir, &v->exam, err);
		if (st == EC_OK)
			st = ec_exam_key(v->exam, &key, err);
		if (st == EC_OK)
			st = ec_grader_init(&v->grader, &key, &c->rubric, err);
		ec_key_free(&key);
		if (st != EC_OK) {
			ec_exam_free(v->exam);
			return st;
		}
		v->g = &v->grader;
		v->owned = true;
		c->n++;
	}
	if (g)
		*g = v->g;
	if (exam)
		*exam = v->exam;
	return EC_OK;
}

ec_exam *ec_versions_exam_of(const ec_versions *c, const ec_grader *g)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].g == g)
			return c->v[i].exam;
	return NULL;
}

/* The seed a cell names: blank, 0 or "original" (any case) the exam's own, else N. */
static bool cell_seed(const char *cell, size_t len, uint64_t *seed, ec_error *why)
{
	char text[24];
	size_t i;
	ec_error sub;

	while (len > 0 && (*cell == ' ' || *cell == '\t'))
		cell++, len--;
	while (len > 0 && (cell[len - 1] == ' ' || cell[len - 1] == '\t'))
		len--;
	for (i = 0; i < len && i < sizeof(text) - 1; i++)
		text[i] = cell[i] >= 'A' && cell[i] <= 'Z' ? (char)(cell[i] - 'A' + 'a') : cell[i];
	text[i] = '\0';
	*seed = 0;
	if (len == 0)
		return true;
	if (len < sizeof(text) && ec_exam_seed_parse(text, seed, &sub) == EC_OK)
		return true;
	ec_error_set(why, EC_ERR_PARSE,
		     "'%.*s' names no variant (blank, 0 or original for the exam itself, or a seed "
		     "from 1 to 2^63 - 1); graded against the exam's own key",
		     (int)(len > 40 ? 40 : len), cell);
	return false;
}

const ec_grader *ec_versions_grader_of(void *ctx, const char *cell, size_t len, ec_error *why)
{
	ec_versions *c = ctx;
	const ec_grader *g;
	uint64_t seed;
	ec_error err;

	if (!cell_seed(cell, len, &seed, why))
		return NULL;
	ec_error_clear(&err);
	if (ec_versions_get(c, seed, &g, NULL, &err) != EC_OK) {
		ec_error_set(why, err.status, "the key of variant %llu could not be made: %s",
			     (unsigned long long)seed, err.msg);
		return NULL;
	}
	return g;
}

bool ec_versions_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			 char *buf, size_t size)
{
	ec_versions *c = ctx;
	struct version *v = NULL;
	ec_error err;
	size_t i;

	for (i = 0; i < c->n && !v; i++)
		if (c->v[i].g == g)
			v = &c->v[i];
	if (!v)
		return false;
	if (!v->reasons_made) {
		ec_error_clear(&err);
		if (ec_reasons_init(&v->reasons, v->exam, v->g, &err) != EC_OK)
			return false;
		v->reasons_made = true;
	}
	return ec_reasons_mistake(&v->reasons, g, item, answer, buf, size);
}

bool ec_versions_has(const ec_versions *c, uint64_t seed)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].g->seed == seed)
			return true;
	return false;
}
