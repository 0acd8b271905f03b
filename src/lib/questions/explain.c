/*
 * explain.c: the explainer: which question modules to run, and how an
 * answer is explained from the facts they computed.
 */
#include "question.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void ec_explainer_free(ec_explainer *ex)
{
	free(ex->items);
	memset(ex, 0, sizeof(*ex));
}

const ec_item_facts *ec_explainer_find(const ec_explainer *ex, const char *id)
{
	size_t i;

	for (i = 0; i < ex->count; i++)
		if (strcmp(ex->items[i].id, id) == 0)
			return &ex->items[i];
	return NULL;
}

/* ---- building facts ---- */

ec_item_facts *ec_facts_add(ec_explainer *ex, const char *id, ec_key_kind kind, ec_error *err)
{
	ec_item_facts *f;

	if (ex->count == ex->cap) {
		size_t cap = ex->cap ? 2 * ex->cap : 16;
		ec_item_facts *grown = realloc(ex->items, cap * sizeof(*grown));

		if (!grown) {
			ec_error_set(err, EC_ERR_NOMEM, "out of memory");
			return NULL;
		}
		ex->items = grown;
		ex->cap = cap;
	}
	f = &ex->items[ex->count++];
	memset(f, 0, sizeof(*f));
	snprintf(f->id, sizeof(f->id), "%s", id);
	f->kind = kind;
	return f;
}

void ec_facts_answer(ec_item_facts *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->answer, sizeof(f->answer), fmt, ap);
	va_end(ap);
}

void ec_facts_line(ec_item_facts *f, const char *fmt, ...)
{
	va_list ap;

	if (f->nfacts == EC_EXPLAIN_FACTS)
		return;
	va_start(ap, fmt);
	vsnprintf(f->facts[f->nfacts++], EC_EXPLAIN_LINE, fmt, ap);
	va_end(ap);
}

ec_option_fact *ec_facts_option(ec_item_facts *f, char letter, bool holds, const char *fmt, ...)
{
	ec_option_fact *o;
	va_list ap;

	if (f->noptions == EC_EXPLAIN_OPTIONS)
		return NULL;
	o = &f->options[f->noptions++];
	memset(o, 0, sizeof(*o));
	o->letter = letter;
	o->holds = holds;
	va_start(ap, fmt);
	vsnprintf(o->reason, sizeof(o->reason), fmt, ap);
	va_end(ap);
	return o;
}

/* Whether the factors of a and b are the same numbers in another order. */
static bool dims_reordered(const ec_value *a, const ec_value *b)
{
	bool used[EC_DIMS_MAX] = {false};
	size_t i, j;

	if (a->ndims != b->ndims)
		return false;
	for (i = 0; i < a->ndims; i++) {
		for (j = 0; j < b->ndims; j++)
			if (!used[j] && b->dims[j] == a->dims[i])
				break;
		if (j == b->ndims)
			return false;
		used[j] = true;
	}
	return true;
}

/*
 * Whether the answer v is the value m as grading reads it by default
 * (ec_value_matches()), or, for a reordered shape, has its factors.
 */
static bool same_value(const ec_value *v, const ec_value *m, bool reordered)
{
	if (reordered && !v->blank && !m->blank && v->kind == EC_KEY_DIMS && m->kind == EC_KEY_DIMS)
		return dims_reordered(v, m);
	return ec_value_matches(v, m, NULL);
}

/* The facts' own answer, read as its kind. */
static bool answer_value(const ec_item_facts *f, ec_value *v)
{
	ec_error err;

	return f->answer[0] &&
	       ec_value_parse(f->kind, f->answer, strlen(f->answer), v, &err) == EC_OK && !v->blank;
}

/*
 * Add a mistake unless it is there already or gives the right answer
 * (for a reordered shape: unless its factors are the right ones in the
 * right order only, which matching leaves out).
 */
static void add_mistake(ec_item_facts *f, const char *name, const ec_value *value,
			bool reordered, const char *detail)
{
	ec_mistake *m;
	ec_value right, mine = *value;
	size_t i;

	mine.kind = f->kind;
	mine.blank = false;
	if (f->nmistakes == EC_EXPLAIN_MISTAKES)
		return;
	for (i = 0; i < f->nmistakes; i++)
		if (strcmp(f->mistakes[i].name, name) == 0 &&
		    same_value(&mine, &f->mistakes[i].value, false))
			return;
	/* a right answer is never a mistake: drop one that gives the right value */
	if (!reordered && answer_value(f, &right) && same_value(&right, &mine, false))
		return;
	m = &f->mistakes[f->nmistakes++];
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	snprintf(m->detail, sizeof(m->detail), "%s", detail);
	m->value = mine;
	m->reordered = reordered;
}

void ec_facts_mistake(ec_item_facts *f, const char *name, const ec_value *value,
		      const char *fmt, ...)
{
	char detail[EC_EXPLAIN_LINE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	add_mistake(f, name, value, false, detail);
}

void ec_facts_reading(ec_item_facts *f, const char *name, const char *answer, const char *fmt,
		      ...)
{
	ec_mistake *m;
	ec_value v, right;
	ec_error err;
	va_list ap;

	ec_error_clear(&err);
	if (f->nreadings == EC_EXPLAIN_READINGS || !answer[0] ||
	    ec_value_parse(f->kind, answer, strlen(answer), &v, &err) != EC_OK || v.blank ||
	    (answer_value(f, &right) && same_value(&right, &v, false)))
		return;
	m = &f->readings[f->nreadings++];
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->value = v;
	va_start(ap, fmt);
	vsnprintf(m->detail, sizeof(m->detail), fmt, ap);
	va_end(ap);
}

void ec_facts_mistake_count(ec_item_facts *f, const char *name, uint64_t value,
			    const char *detail)
{
	ec_value v;

	memset(&v, 0, sizeof(v));
	v.count = value;
	ec_facts_mistake(f, name, &v, "%s", detail);
}

void ec_facts_mistake_number(ec_item_facts *f, const char *name, double value,
			     const char *detail)
{
	ec_value v;

	memset(&v, 0, sizeof(v));
	v.number = value;
	ec_facts_mistake(f, name, &v, "%s", detail);
}

void ec_facts_mistake_dims(ec_item_facts *f, const char *name, size_t n, const uint64_t *dims,
			   bool reordered, const char *detail)
{
	ec_value v;

	memset(&v, 0, sizeof(v));
	if (n > EC_DIMS_MAX)
		return;
	memcpy(v.dims, dims, n * sizeof(*dims));
	v.ndims = n;
	add_mistake(f, name, &v, reordered, detail);
}

void ec_facts_mistake_mask(ec_item_facts *f, const char *name, const char *mask,
			   const char *detail)
{
	ec_value v;

	memset(&v, 0, sizeof(v));
	snprintf(v.mask, sizeof(v.mask), "%s", mask);
	ec_facts_mistake(f, name, &v, "%s", detail);
}

/* ---- explaining an answer ---- */

bool ec_explain_agrees(const ec_item_facts *f, const ec_value *key)
{
	ec_value mine;

	return key && answer_value(f, &mine) && same_value(key, &mine, false);
}

void ec_check_line(ec_check_item *it, const char *fmt, ...)
{
	va_list ap;

	if (it->nlines == EC_CHECK_LINES)
		return;
	va_start(ap, fmt);
	vsnprintf(it->lines[it->nlines++], EC_CHECK_LINE, fmt, ap);
	va_end(ap);
}

static bool chosen(const ec_value *v, char letter)
{
	return v && !v->blank && ((v->letters >> (letter - 'A')) & 1u);
}

static bool is_answer(const ec_item_facts *f, const ec_value *v)
{
	ec_value mine;

	return v && !v->blank && answer_value(f, &mine) && same_value(v, &mine, false);
}

/* The mistakes the answer matches, names joined by " or ", details by "; ". */
static bool matching_mistakes(const ec_item_facts *f, const ec_value *v, ec_verdict verdict,
			      char *names, size_t nsize, char *details, size_t dsize)
{
	size_t i, nn = 0, nd = 0;

	names[0] = details[0] = '\0';
	if (!v || v->blank || verdict == EC_VERDICT_RIGHT)
		return false;
	for (i = 0; i < f->nmistakes; i++) {
		const ec_mistake *m = &f->mistakes[i];
		int w;

		if (!same_value(v, &m->value, m->reordered) ||
		    (m->reordered && same_value(v, &m->value, false)))
			continue;
		w = snprintf(names + nn, nsize - nn, "%s%s", nn ? " or the " : "", m->name);
		nn += w > 0 && (size_t)w < nsize - nn ? (size_t)w : 0;
		w = snprintf(details + nd, dsize - nd, "%s%s", nd ? "; " : "", m->detail);
		nd += w > 0 && (size_t)w < dsize - nd ? (size_t)w : 0;
	}
	return nn > 0;
}

/* The other reading `answer` is, or NULL. */
static const ec_mistake *reading_of(const ec_item_facts *f, const ec_value *answer)
{
	size_t k;

	for (k = 0; answer && !answer->blank && k < f->nreadings; k++)
		if (same_value(answer, &f->readings[k].value, false))
			return &f->readings[k];
	return NULL;
}

static void explain_tf(const ec_item_facts *f, ec_check_item *it)
{
	size_t k;

	if (f->nfacts == 0)
		return;
	ec_check_line(it, "The statement is %s: %s", strcmp(f->answer, "T") == 0 ? "true" : "false",
		 f->facts[0]);
	for (k = 1; k < f->nfacts; k++)
		ec_check_line(it, "%s", f->facts[k]);
}

static void explain_mc(const ec_item_facts *f, const ec_value *v, ec_verdict verdict,
		       ec_check_item *it)
{
	size_t k;

	for (k = 0; k < f->noptions; k++) {
		const ec_option_fact *o = &f->options[k];
		bool c = chosen(v, o->letter);

		if (c || o->holds)
			ec_check_line(it, "%c (%s): %s: %s", o->letter, c ? "chosen" : "not chosen",
				 o->holds ? "true" : "false", o->reason);
	}
	/* an answer that is another reading is said to be one, not a mistake */
	if (verdict == EC_VERDICT_RIGHT || reading_of(f, v))
		return;
	for (k = 0; k < f->noptions; k++) {
		const ec_option_fact *o = &f->options[k];

		if (chosen(v, o->letter) && !o->holds && o->mistake[0]) {
			ec_check_line(it, "Mistake: %s, which leads to %c: %s", o->mistake, o->letter,
				 o->mistake_detail);
			snprintf(it->mistake, sizeof(it->mistake), "%s", o->mistake);
			return;
		}
	}
}

static void explain_value(const ec_item_facts *f, const ec_value *v, ec_verdict verdict,
			  ec_check_item *it)
{
	char names[sizeof(it->mistake)], details[EC_CHECK_LINE], written[96];

	ec_check_line(it, "The answer is %s: %s", f->answer, f->nfacts ? f->facts[0] : "");
	if (f->nfacts > 1)
		ec_check_line(it, "%s", f->facts[1]);
	if (!matching_mistakes(f, v, verdict, names, sizeof(names), details, sizeof(details)))
		return;
	ec_value_format(v, written, sizeof(written));
	ec_check_line(it, "Mistake: %s is the %s: %s", written, names, details);
	snprintf(it->mistake, sizeof(it->mistake), "%s", names);
}

void ec_explain_answer(const ec_item_facts *f, const ec_value *answer, ec_verdict verdict,
		       ec_check_item *it)
{
	const ec_mistake *reading;

	it->nlines = 0;
	it->mistake[0] = '\0';
	switch (f->kind) {
	case EC_KEY_TF:
		explain_tf(f, it);
		break;
	case EC_KEY_MC:
		explain_mc(f, answer, verdict, it);
		break;
	case EC_KEY_MANUAL:
		return;
	default:
		explain_value(f, answer, verdict, it);
		break;
	}
	reading = reading_of(f, answer);
	if (verdict == EC_VERDICT_RIGHT && answer && !is_answer(f, answer)) {
		if (reading)
			ec_check_line(it, "Accepted by the rubric as another reading (%s: %s); the worked "
				     "answer's reading gives %s.",
				 reading->name, reading->detail, f->answer);
		else
			ec_check_line(it, "Accepted by the rubric as another reading; the worked answer's "
				     "reading gives %s.", f->answer);
	} else if (reading && verdict != EC_VERDICT_RIGHT) {
		char written[96];

		ec_value_format(answer, written, sizeof(written));
		ec_check_line(it, "Another reading: %s is what the question gives with %s (%s); the "
			     "rubric here keeps the worked answer's reading (%s), and a rubric's "
			     "'alt %s %s' or --accept %s=%s accepts it.",
			 written, reading->name, reading->detail, f->answer, f->id, written, f->id,
			 written);
	}
}

bool ec_explain_mistakes(const ec_item_facts *f, const ec_value *answer, char *names,
			 size_t size)
{
	char details[EC_CHECK_LINE];
	size_t k;

	if (size == 0)
		return false;
	names[0] = '\0';
	if (!answer || answer->blank || is_answer(f, answer))
		return false;
	if (f->kind != EC_KEY_MC &&
	    matching_mistakes(f, answer, EC_VERDICT_WRONG, names, size, details, sizeof(details)))
		return true;
	for (k = 0; f->kind == EC_KEY_MC && k < f->noptions; k++) {
		const ec_option_fact *o = &f->options[k];

		if (chosen(answer, o->letter) && !o->holds && o->mistake[0]) {
			snprintf(names, size, "%s", o->mistake);
			return true;
		}
	}
	/* not a mistake: the answer under the question's other reading */
	if (reading_of(f, answer)) {
		snprintf(names, size, "the other reading: %s", reading_of(f, answer)->name);
		return true;
	}
	names[0] = '\0';
	return false;
}

char *ec_explain_brief(const ec_item_facts *f, const ec_value *answer, ec_verdict verdict,
		       char *buf, size_t size)
{
	char names[160], details[EC_CHECK_LINE], written[96];
	size_t k, n = 0;
	int w;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	switch (f->kind) {
	case EC_KEY_TF:
		snprintf(buf, size, "the statement is %s: %s",
			 strcmp(f->answer, "T") == 0 ? "true" : "false", f->nfacts ? f->facts[0] : "");
		break;
	case EC_KEY_MC:
		for (k = 0; k < f->noptions; k++) {
			const ec_option_fact *o = &f->options[k];

			if (chosen(answer, o->letter) == o->holds)
				continue;
			w = snprintf(buf + n, size - n, "%s%c is %s: %s%s%s%s", n ? "; " : "",
				     o->letter, o->holds ? "true" : "false", o->reason,
				     o->mistake[0] ? " (the mistake behind it: " : "", o->mistake,
				     o->mistake[0] ? ")" : "");
			if (w < 0 || (size_t)w >= size - n)
				break;
			n += (size_t)w;
		}
		if (reading_of(f, answer) && n < size) {
			ec_value_format(answer, written, sizeof(written));
			snprintf(buf + n, size - n, "; %s is the answer under another reading (%s)",
				 written, reading_of(f, answer)->name);
		}
		break;
	case EC_KEY_MANUAL:
		break;
	default:
		if (reading_of(f, answer)) {
			ec_value_format(answer, written, sizeof(written));
			snprintf(buf, size, "%s is the answer under another reading (%s); the answer is "
				 "%s: %s", written, reading_of(f, answer)->name, f->answer,
				 f->nfacts ? f->facts[0] : "");
		} else if (matching_mistakes(f, answer, verdict, names, sizeof(names), details,
				      sizeof(details))) {
			ec_value_format(answer, written, sizeof(written));
			snprintf(buf, size, "%s is the %s (%s); the answer is %s: %s", written, names,
				 details, f->answer, f->nfacts ? f->facts[0] : "");
		} else {
			snprintf(buf, size, "the answer is %s: %s", f->answer,
				 f->nfacts ? f->facts[0] : "");
		}
		break;
	}
	return buf;
}

bool ec_explain_mistake(const ec_item_facts *f, const ec_value *answer, char *buf, size_t size)
{
	char details[EC_CHECK_LINE];
	size_t k;

	if (size == 0)
		return false;
	buf[0] = '\0';
	if (f->kind == EC_KEY_MC) {
		for (k = 0; k < f->noptions; k++) {
			const ec_option_fact *o = &f->options[k];

			if (chosen(answer, o->letter) && !o->holds && o->mistake[0]) {
				snprintf(buf, size, "%s", o->mistake);
				return true;
			}
		}
		return false;
	}
	return matching_mistakes(f, answer, EC_VERDICT_WRONG, buf, size, details, sizeof(details));
}
