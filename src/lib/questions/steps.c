/*
 * steps.c: the worked answer of a question as steps, for hints: the
 * paragraphs ec_exam_worked() prints after the Answer line and heading,
 * and in them each numbered step ("1. ...").
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_exam.h"

/* Whether the line at `s` starts a numbered step: "1. ", "12. " at its start. */
static bool numbered(const char *s)
{
	if (*s < '1' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return s[0] == '.' && s[1] == ' ';
}

/*
 * Add the steps of `s` to `t`, each as preformatted lines: its paragraphs
 * (separated by empty lines), a paragraph of numbered steps cut before
 * each of its lines that starts with a number and ". ".
 */
static void paragraphs(const char *s, ec_text *t)
{
	while (*s) {
		const char *end;

		while (*s == '\n')
			s++;
		for (end = s; *end && !(end[0] == '\n' && (end[1] == '\n' || numbered(end + 1)));
		     end++)
			;
		if (end > s)
			ec_text_pre(t, "%.*s", (int)(end - s), s);
		s = end;
	}
}

ec_status ec_exam_steps(ec_exam *exam, const char *id, ec_text *steps, ec_error *err)
{
	const ec_question *q = ec_question_find(id);
	const char *body;
	char *text = NULL;
	size_t len = 0;
	ec_status st;
	FILE *f;

	ec_text_free(steps);
	if (!q || !q->leaf)
		return ec_error_set(err, EC_ERR_NOTFOUND, "'%s' is not a question with a worked answer",
				    id);
	if (!(f = open_memstream(&text, &len)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	st = ec_exam_worked(exam, q->id, f, err);
	if (fclose(f) != 0 && st == EC_OK)
		st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	if (st == EC_OK) {
		body = strstr(text, "\n\n"); /* after "Answer: ..." and the heading */
		paragraphs(body ? body : "", steps);
		if (steps->failed)
			st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	free(text);
	if (st != EC_OK)
		ec_text_free(steps);
	return st;
}
