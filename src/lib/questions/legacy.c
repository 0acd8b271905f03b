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
					    .show = show_##name,             \
					    .facts = facts_##name};

LEGACY(1_1, "1.1", NULL)

LEGACY(1_2, "1.2", NULL)

LEGACY(1_3, "1.3", NULL)

LEGACY(1_4, "1.4", NULL)

LEGACY(1_5, "1.5", NULL)

LEGACY(1_6, "1.6", NULL)

LEGACY(1_7, "1.7", NULL)

LEGACY(1_8, "1.8", NULL)

LEGACY(1_9, "1.9", NULL)

LEGACY(1_10, "1.10", NULL)

