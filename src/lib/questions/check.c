/*
 * check.c: answers checked against an exam (what `examcheck check`
 * prints) and the one-line reasons graded sheets and feedback give, both
 * from the facts of the exam the key is of.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question.h"

/* Whether `id` is an item below group `prefix` ("3.2.1" for 3.2.1.1.dims). */
static bool below(const char *prefix, const char *id)
{
	size_t n = strlen(prefix);

	return strncmp(prefix, id, n) == 0 && id[n] == '.';
}

/* "unknown item 'X' (closest: A, B; see 'examcheck key')": item ids and question ids. */
static ec_status unknown_item(const ec_grader *g, const char *id, ec_error *err)
{
	const char **cand;
	size_t i, n = 0, best = (size_t)-1, shown = 0;
	char list[256] = "";

	cand = malloc((g->count + ec_question_count) * sizeof(*cand));
	if (!cand)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (i = 0; i < g->count; i++)
		cand[n++] = g->items[i].key.id;
	for (i = 0; i < ec_question_count; i++)
		if (ec_grader_find(g, ec_questions[i].id, strlen(ec_questions[i].id)) < 0)
			cand[n++] = ec_questions[i].id;
	for (i = 0; i < n; i++)
		if (ec_edit_distance(id, cand[i]) < best)
			best = ec_edit_distance(id, cand[i]);
	for (i = 0; i < n && shown < 4; i++) {
		size_t used = strlen(list);

		if (ec_edit_distance(id, cand[i]) != best)
			continue;
		snprintf(list + used, sizeof(list) - used, "%s%s", shown++ ? ", " : "", cand[i]);
	}
	free(cand);
	return ec_error_set(err, EC_ERR_NOTFOUND, "unknown item '%.60s' (closest: %s; see 'examcheck key')",
			    id, list[0] ? list : "none");
}

/*
 * The items `id` names into items[] (g->count room): the item itself, or
 * the auto-graded items of the group.
 */
static ec_status select_items(const ec_exam *x, const ec_grader *g, const char *id,
			      size_t *items, size_t *count, bool *group, ec_error *err)
{
	long at = ec_grader_find(g, id, strlen(id));
	char worked[96];
	size_t i;

	*count = 0;
	*group = at < 0;
	if (at >= 0) {
		if (g->items[at].rule.scheme == EC_SCHEME_MANUAL)
			return ec_error_set(err, EC_ERR_USAGE,
					    "%s is graded by hand; its worked answer says what a grader "
					    "looks for: %s",
					    id, ec_exam_worked_command(x, id, worked, sizeof(worked)));
		items[(*count)++] = (size_t)at;
		return EC_OK;
	}
	for (i = 0; i < g->count; i++)
		if (below(id, g->items[i].key.id) && g->items[i].rule.scheme != EC_SCHEME_MANUAL)
			items[(*count)++] = i;
	if (*count > 0)
		return EC_OK;
	for (i = 0; i < g->count; i++)
		if (below(id, g->items[i].key.id))
			return ec_error_set(err, EC_ERR_USAGE, "the items of %s are graded by hand; see %s",
					    id, ec_exam_worked_command(x, id, worked, sizeof(worked)));
	return unknown_item(g, id, err);
}

/* "check: 3.2.1 takes 21 answers, one per item in key order (...), not 3" */
static ec_status count_error(const ec_grader *g, const char *id, const size_t *items,
			     size_t count, size_t given, ec_error *err)
{
	char names[512] = "";
	size_t i, used = 0;

	for (i = 0; i < count && used + 1 < sizeof(names); i++) {
		int w = snprintf(names + used, sizeof(names) - used, "%s%s", i ? " " : "",
				 g->items[items[i]].key.id);

		used += w > 0 ? (size_t)w : 0;
	}
	if (used >= sizeof(names) - 1)
		memcpy(names + sizeof(names) - 5, " ...", 5);
	return ec_error_set(err, EC_ERR_USAGE,
			    "%s takes %zu answer%s, one per item in key order (%.300s), not %zu", id,
			    count, count == 1 ? "" : "s", names, given);
}

/*
 * Which questions' reasons the key of `g` may have: a question whose
 * numbers a variant draws gets none when the key answers one of its items
 * otherwise than the exam, nor when the key does so in two such questions
 * or more, for it is then another exam's key (a variant's without its
 * "# variant N" line) whose reasons would name the wrong numbers even
 * where an answer happens to agree. A question whose numbers never change
 * keeps the per-item rule of ec_explain_agrees(). `why` names an item that
 * differs. EC_OK or EC_ERR_NOMEM.
 */
typedef struct key_fit {
	bool differs[64];  /* per module of ec_modules[] */
	size_t ndiffer;    /* modules with numbers whose items differ */
	char why[200];
} key_fit;

static ec_status fit_key(ec_exam *x, const ec_grader *g, key_fit *kf)
{
	ec_key mine = {0};
	ec_error err;
	size_t i, m;

	memset(kf, 0, sizeof(*kf));
	ec_error_clear(&err);
	if (ec_exam_key(x, &mine, &err) != EC_OK)
		return err.status == EC_ERR_NOMEM ? EC_ERR_NOMEM : EC_OK; /* the facts say why */
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];
		const ec_module *mod = ec_module_of(it->key.id);
		const ec_key_item *k = ec_key_find(&mine, it->key.id);
		ec_value v;

		if (!mod || !mod->draw || it->rule.scheme == EC_SCHEME_MANUAL || !it->naccepted)
			continue;
		for (m = 0; m < ec_module_count && ec_modules[m] != mod; m++)
			;
		ec_error_clear(&err);
		if (m < 64 && !kf->differs[m] &&
		    (!k || ec_value_parse(k->kind, k->answer, strlen(k->answer), &v, &err) != EC_OK ||
		     !ec_value_matches(&it->accepted[0], &v, NULL))) {
			kf->differs[m] = true;
			if (!kf->ndiffer++)
				snprintf(kf->why, sizeof(kf->why), "its %.40s is %.60s, this exam's %.60s",
					 it->key.id, it->key.answer, k ? k->answer : "no item");
		}
	}
	ec_key_free(&mine);
	return EC_OK;
}

/* Whether the key may have the reasons of item `id` (fit_key()). */
static bool fits(const key_fit *kf, const char *id)
{
	const ec_module *mod = ec_module_of(id);
	size_t m;

	if (!mod || !mod->draw)
		return true;
	for (m = 0; m < ec_module_count && ec_modules[m] != mod; m++)
		;
	return kf->ndiffer < 2 && !(m < 64 && kf->differs[m]);
}

/* Score and explain `answer` to item i into *out. */
static ec_status check_item(ec_exam *x, const ec_grader *g, size_t i, const char *answer,
			    const key_fit *kf, ec_check_item *out)
{
	const ec_grade_item *gi = &g->items[i];
	const ec_item_facts *f = NULL;
	ec_value v;
	ec_error err, why;
	bool readable;

	memset(out, 0, sizeof(*out));
	snprintf(out->id, sizeof(out->id), "%s", gi->key.id);
	snprintf(out->answer, sizeof(out->answer), "%s", answer);
	out->max = gi->key.points;
	ec_exam_worked_command(x, gi->key.id, out->worked, sizeof(out->worked));
	ec_error_clear(&err);
	readable = ec_grader_read(g, i, answer, strlen(answer), &v, &err) == EC_OK;
	if (readable) {
		out->points = ec_grader_score(g, i, &v, &out->verdict);
	} else {
		snprintf(out->unreadable, sizeof(out->unreadable), "%s", err.msg);
		out->points = 0;
		out->verdict = EC_VERDICT_UNREADABLE;
	}
	ec_error_clear(&why);
	if (ec_exam_facts(x, gi->key.id, &f, &why) != EC_OK) {
		if (why.status == EC_ERR_NOMEM)
			return EC_ERR_NOMEM;
		ec_check_line(out, "No explanation: the facts of %s could not be computed (%.200s).",
		     gi->key.id, why.msg);
	} else if (!f) {
		ec_check_line(out, "No explanation is computed for %s.", gi->key.id);
	} else if (!fits(kf, gi->key.id)) {
		ec_check_line(out, "No explanation: the key's numbers are not this exam's (%s); a variant's "
			  "key names it in a line '# variant N', or give --variant N.",
		     kf->why);
	} else if (!ec_explain_agrees(f, &gi->accepted[0])) {
		ec_check_line(out, "No explanation: the key answers %.60s, the worked answer %.60s.",
		     gi->key.answer, f->answer);
	} else if (readable && ec_grader_match(g, i, &v) == EC_MATCH_TOLERANCE) {
		/* explained as the key's value, then how far the answer lies from it */
		ec_explain_answer(f, &gi->accepted[0], out->verdict, out);
		ec_check_note_tolerance(out, g, i, &v);
	} else {
		ec_explain_answer(f, readable ? &v : NULL, out->verdict, out);
	}
	return EC_OK;
}

ec_status ec_exam_check(ec_exam *x, const ec_grader *g, const char *id,
			const char *const *answers, size_t n, ec_check_report *report,
			ec_error *err)
{
	size_t *items, count = 0, i;
	ec_buf words = EC_BUF_INIT;
	key_fit *kf = calloc(1, sizeof(*kf));
	bool group;
	ec_status st;

	memset(report, 0, sizeof(*report));
	ec_error_clear(err);
	items = malloc((g->count ? g->count : 1) * sizeof(*items));
	if (!items || !kf) {
		free(items);
		free(kf);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	st = select_items(x, g, id, items, &count, &group, err);
	if (st == EC_OK && (n == 0 || (group && n != count))) {
		if (group)
			st = count_error(g, id, items, count, n, err);
		else
			st = ec_error_set(err, EC_ERR_USAGE,
					  "give the answer to %s after its id: examcheck check %s ANSWER",
					  id, id);
	}
	if (st == EC_OK && !(report->items = calloc(count, sizeof(*report->items))))
		st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	if (st != EC_OK) {
		free(items);
		free(kf);
		return st;
	}
	snprintf(report->id, sizeof(report->id), "%s", id);
	report->group = group;
	report->count = count;
	ec_exam_worked_command(x, id, report->worked, sizeof(report->worked));
	st = fit_key(x, g, kf);
	for (i = 0; !group && i < n; i++)
		ec_buf_appendf(&words, "%s%s", i ? " " : "", answers[i]);
	if (!group && !words.data)
		st = EC_ERR_NOMEM;
	for (i = 0; i < count && st == EC_OK; i++) {
		st = check_item(x, g, items[i], group ? answers[i] : ec_buf_str(&words), kf,
				&report->items[i]);
		report->total += report->items[i].points;
		report->max += report->items[i].max;
	}
	report->total = ec_points_round(report->total); /* 21 x 2/7 is 6 */
	report->max = ec_points_round(report->max);
	free(items);
	free(kf);
	ec_buf_free(&words);
	if (st != EC_OK) {
		ec_check_report_free(report);
		return ec_error_set(err, st, "out of memory");
	}
	return EC_OK;
}

void ec_check_report_free(ec_check_report *report)
{
	free(report->items);
	memset(report, 0, sizeof(*report));
}

/* ---- reasons ---- */

ec_status ec_reasons_init(ec_reasons *r, ec_exam *x, const ec_grader *g, ec_error *err)
{
	key_fit kf;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->facts = calloc(g->count ? g->count : 1, sizeof(*r->facts));
	if (!r->facts)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	r->count = g->count;
	/* the facts first: solved that deep, the key below reuses the solutions */
	for (i = 0; i < g->count; i++) {
		const ec_grade_item *it = &g->items[i];
		const ec_item_facts *f = NULL;
		ec_error why;

		ec_error_clear(&why);
		if (ec_exam_facts(x, it->key.id, &f, &why) != EC_OK && why.status == EC_ERR_NOMEM) {
			ec_reasons_free(r);
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		}
		if (f && it->naccepted && ec_explain_agrees(f, &it->accepted[0]))
			r->facts[i] = f;
	}
	if (fit_key(x, g, &kf) != EC_OK) {
		ec_reasons_free(r);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < g->count; i++)
		if (r->facts[i] && !fits(&kf, g->items[i].key.id))
			r->facts[i] = NULL;
	return EC_OK;
}

bool ec_reasons_mistake(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			char *buf, size_t size)
{
	const ec_reasons *r = ctx;

	(void)g;
	if (size)
		buf[0] = '\0';
	if (item >= r->count || !r->facts[item])
		return false;
	return ec_explain_mistakes(r->facts[item], answer, buf, size);
}

void ec_reasons_free(ec_reasons *r)
{
	free(r->facts);
	free(r->lines);
	free(r->ptrs);
	memset(r, 0, sizeof(*r));
}

bool ec_reasons_brief(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
		      const ec_grade_result *result, char *buf, size_t size)
{
	const ec_reasons *r = ctx;

	(void)g;
	if (item >= r->count || !r->facts[item] || result->verdict == EC_VERDICT_RIGHT ||
	    result->verdict == EC_VERDICT_MANUAL)
		return false;
	ec_explain_brief(r->facts[item], answer, result->verdict, buf, size);
	return buf[0] != '\0';
}

ec_status ec_reasons_sheet(ec_reasons *r, ec_sheet_report *rep, ec_error *err)
{
	size_t i, n = rep->grader->count;

	free(r->lines);
	free(r->ptrs);
	r->lines = calloc(n ? n : 1, sizeof(*r->lines));
	r->ptrs = calloc(n ? n : 1, sizeof(*r->ptrs));
	if (!r->lines || !r->ptrs)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		const ec_value *v = rep->results[i].verdict == EC_VERDICT_UNREADABLE ? NULL
										 : &rep->values[i];

		if (ec_reasons_brief(r, rep->grader, i, v, &rep->results[i], r->lines[i],
				     sizeof(r->lines[i])))
			r->ptrs[i] = r->lines[i];
	}
	rep->reasons = r->ptrs;
	return EC_OK;
}
