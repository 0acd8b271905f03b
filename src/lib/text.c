/*
 * text.c: a question's text as blocks (paragraphs, list items, options,
 * preformatted lines), which each writer of the question sheet lays out
 * in its own way, and their plain-text form.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_text.h"

static void add(ec_text *t, ec_text_kind kind, char letter, const char *fmt, va_list ap)
{
	ec_text_block *b;
	va_list again;
	int n;

	if (t->failed)
		return;
	if (t->count == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		ec_text_block *grown = realloc(t->blocks, cap * sizeof(*grown));

		if (!grown) {
			t->failed = true;
			return;
		}
		t->blocks = grown;
		t->cap = cap;
	}
	b = &t->blocks[t->count];
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || !(b->text = malloc((size_t)n + 1))) {
		va_end(again);
		t->failed = true;
		return;
	}
	vsnprintf(b->text, (size_t)n + 1, fmt, again);
	va_end(again);
	/* a block holds its lines without the last newline */
	while (n > 0 && b->text[n - 1] == '\n')
		b->text[--n] = '\0';
	b->kind = kind;
	b->letter = letter;
	t->count++;
}

void ec_text_para(ec_text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(t, EC_TEXT_PARA, 0, fmt, ap);
	va_end(ap);
}

void ec_text_item(ec_text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(t, EC_TEXT_ITEM, 0, fmt, ap);
	va_end(ap);
}

void ec_text_option(ec_text *t, char letter, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(t, EC_TEXT_OPTION, letter, fmt, ap);
	va_end(ap);
}

void ec_text_pre(ec_text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add(t, EC_TEXT_PRE, 0, fmt, ap);
	va_end(ap);
}

void ec_text_free(ec_text *t)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		free(t->blocks[i].text);
	free(t->blocks);
	memset(t, 0, sizeof(*t));
}

static bool listed(ec_text_kind k)
{
	return k == EC_TEXT_ITEM || k == EC_TEXT_OPTION;
}

/* Each line of `s` after `first` on the first line and `indent` on the others. */
static void lines(ec_buf *b, const char *first, const char *indent, const char *s)
{
	bool start = true;

	while (*s || start) {
		size_t n = strcspn(s, "\n");

		ec_buf_appendf(b, n ? "%s%.*s\n" : "\n", start ? first : indent, (int)n, s);
		start = false;
		s += n + (s[n] == '\n');
		if (!*s)
			break;
	}
}

ec_status ec_text_render(const ec_text *t, ec_buf *b)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		const ec_text_block *k = &t->blocks[i];
		char head[8];

		if (i > 0 && !(listed(k->kind) && listed(t->blocks[i - 1].kind)))
			ec_buf_append(b, "\n");
		switch (k->kind) {
		case EC_TEXT_PARA:
			lines(b, "", "", k->text);
			break;
		case EC_TEXT_ITEM:
			lines(b, "- ", "  ", k->text);
			break;
		case EC_TEXT_OPTION:
			snprintf(head, sizeof(head), "- %c: ", k->letter);
			lines(b, head, "  ", k->text);
			break;
		case EC_TEXT_PRE:
			lines(b, "    ", "    ", k->text);
			break;
		}
	}
	return b->data || t->count == 0 ? EC_OK : EC_ERR_NOMEM;
}
