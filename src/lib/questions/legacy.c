/*
 * legacy.c: the modules not yet written as question modules, each made a
 * module of its old answer and facts functions (which compute as they
 * print). Goes when the last of them does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "explain.h"
#include "variant.h"

/* The old sheet text, read back into blocks. */
static int old_text(const ec_solving *sv, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_exam_params *p = sv->p;
	ec_buf b = EC_BUF_INIT;
	const char *s, *end;

	if (ec_exam_text_old(p, q, &b, err) != 0) {
		ec_buf_free(&b);
		return -1;
	}
	s = ec_buf_str(&b);
	end = s + strlen(s);
	while (s < end) {
		const char *line = s;
		size_t n = strcspn(s, "\n");
		ec_buf block = EC_BUF_INIT;
		ec_text_kind kind;
		char letter = 0;

		if (n == 0) {
			s++;
			continue;
		}
		if (strncmp(line, "    ", 4) == 0) {
			kind = EC_TEXT_PRE;
			/* lines of four spaces' indent, and empty lines between them */
			while (s < end) {
				n = strcspn(s, "\n");
				if (n == 0 && s + 1 < end && strncmp(s + 1, "    ", 4) == 0) {
					ec_buf_append(&block, "\n");
					s++;
					continue;
				}
				if (n < 4 || strncmp(s, "    ", 4) != 0)
					break;
				ec_buf_appendf(&block, "%.*s\n", (int)(n - 4), s + 4);
				s += n + (s[n] == '\n');
			}
		} else if (line[0] == '-' && line[1] == ' ') {
			kind = EC_TEXT_ITEM;
			s += 2;
			if (s[0] >= 'A' && s[0] <= 'J' && s[1] == ':' && s[2] == ' ') {
				kind = EC_TEXT_OPTION;
				letter = s[0];
				s += 3;
			}
			n = strcspn(s, "\n");
			ec_buf_appendf(&block, "%.*s\n", (int)n, s);
			s += n + (s[n] == '\n');
			while (s < end && strncmp(s, "  ", 2) == 0 && s[2] != ' ') {
				n = strcspn(s, "\n");
				ec_buf_appendf(&block, "%.*s\n", (int)(n - 2), s + 2);
				s += n + (s[n] == '\n');
			}
		} else {
			kind = EC_TEXT_PARA;
			while (s < end && (n = strcspn(s, "\n")) > 0 && !(s[0] == '-' && s[1] == ' ') &&
			       strncmp(s, "    ", 4) != 0) {
				ec_buf_appendf(&block, "%.*s\n", (int)n, s);
				s += n + (s[n] == '\n');
			}
		}
		switch (kind) {
		case EC_TEXT_PARA:
			ec_text_para(t, "%s", ec_buf_str(&block));
			break;
		case EC_TEXT_ITEM:
			ec_text_item(t, "%s", ec_buf_str(&block));
			break;
		case EC_TEXT_OPTION:
			ec_text_option(t, letter, "%s", ec_buf_str(&block));
			break;
		case EC_TEXT_PRE:
			ec_text_pre(t, "%s", ec_buf_str(&block));
			break;
		}
		ec_buf_free(&block);
	}
	ec_buf_free(&b);
	return 0;
}

static int old_json(const ec_solving *sv, const ec_question *q, FILE *f, ec_error *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	int rc;

	if (!m) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		return -1;
	}
	rc = ec_exam_params_json_old(sv->p, q, m, err);
	if (fclose(m) != 0 && rc == 0) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		rc = -1;
	}
	/* the old object without its braces */
	if (rc == 0 && len >= 2)
		fwrite(text + 1, 1, len - 2, f);
	free(text);
	return rc;
}

#define LEGACY(name, qid, drawfn)                                                                  \
	int ec_ans_##name(ec_actx *a);                                                         \
	int ec_facts_##name(ec_explainer *ex, ec_error *err);                                  \
	static int show_##name(ec_actx *a, const void *sol)                                    \
	{                                                                                      \
		(void)sol;                                                                     \
		return ec_ans_##name(a);                                                       \
	}                                                                                      \
	static int facts_##name(ec_explainer *ex, const void *sol, ec_error *err)             \
	{                                                                                      \
		(void)sol;                                                                     \
		return ec_facts_##name(ex, err);                                               \
	}                                                                                      \
	const ec_module ec_module_##name = {.id = qid, .draw = drawfn, .text = old_text,     \
					    .json = old_json, .show = show_##name,             \
					    .facts = facts_##name};


LEGACY(2_1, "2.1", NULL)

LEGACY(2_2, "2.2", NULL)

LEGACY(2_3, "2.3", NULL)

LEGACY(2_4, "2.4", NULL)

LEGACY(2_5, "2.5", ec_draw_2_5)

LEGACY(2_6, "2.6", NULL)

LEGACY(2_7, "2.7", ec_draw_2_7)

LEGACY(2_8, "2.8", ec_draw_2_8)

LEGACY(2_9, "2.9", NULL)

LEGACY(2_10, "2.10", NULL)

LEGACY(3_1_2, "3.1.2", ec_draw_3_1_2)

/* 3.2: one network for 3.2.1-3.2.3. */
int ec_ans_3_2_1(ec_actx *a);
int ec_ans_3_2_2(ec_actx *a);
int ec_ans_3_2_3(ec_actx *a);

static int show_3_2(ec_actx *a, const void *sol)
{
	(void)sol;
	if (strcmp(a->q->id, "3.2.1") == 0)
		return ec_ans_3_2_1(a);
	if (strcmp(a->q->id, "3.2.2") == 0)
		return ec_ans_3_2_2(a);
	return ec_ans_3_2_3(a);
}

static int facts_3_2(ec_explainer *ex, const void *sol, ec_error *err)
{
	(void)sol;
	return ec_facts_3_2_1(ex, err) || ec_facts_3_2_2(ex, err) || ec_facts_3_2_3(ex, err) ? -1 : 0;
}

const ec_module ec_module_3_2 = {.id = "3.2", .draw = ec_draw_3_2, .text = old_text,
				 .json = old_json, .show = show_3_2, .facts = facts_3_2};

/* 3.3: one figure for 3.3.1-3.3.7. */
int ec_ans_3_3_1(ec_actx *a);
int ec_ans_3_3_2(ec_actx *a);
int ec_ans_3_3_3(ec_actx *a);
int ec_ans_3_3_4(ec_actx *a);
int ec_ans_3_3_5(ec_actx *a);
int ec_ans_3_3_6(ec_actx *a);
int ec_ans_3_3_7(ec_actx *a);

static int show_3_3(ec_actx *a, const void *sol)
{
	static const ec_answer_fn fns[] = {ec_ans_3_3_1, ec_ans_3_3_2, ec_ans_3_3_3, ec_ans_3_3_4,
					   ec_ans_3_3_5, ec_ans_3_3_6, ec_ans_3_3_7};
	int k = a->q->id[4] - '1';

	(void)sol;
	return fns[k](a);
}

static int facts_3_3(ec_explainer *ex, const void *sol, ec_error *err)
{
	(void)sol;
	return ec_facts_3_3(ex, err);
}

const ec_module ec_module_3_3 = {.id = "3.3", .draw = ec_draw_3_3, .text = old_text,
				 .json = old_json, .show = show_3_3, .facts = facts_3_3};
