/*
 * ec_text.h: text as blocks (paragraphs, list items, options of a
 * multiple-choice question, preformatted lines), so that each writer lays
 * a question out in its own way: plain text and Markdown, LaTeX, JSON.
 */
#ifndef EC_TEXT_H
#define EC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A block of a question's text. */
typedef enum ec_text_kind {
	EC_TEXT_PARA,   /**< a paragraph; lines end at '\n' */
	EC_TEXT_ITEM,   /**< an item of a list (a layer, a definition) */
	EC_TEXT_OPTION, /**< an option of a multiple-choice question, with its letter */
	EC_TEXT_PRE     /**< preformatted lines: a matrix, a figure, a table */
} ec_text_kind;

typedef struct ec_text_block {
	ec_text_kind kind;
	char letter;    /**< EC_TEXT_OPTION: 'A', 'B', ... */
	char *text;     /**< no trailing newline */
} ec_text_block;

/** Text as blocks. Zero-initialise; free with ec_text_free(). */
typedef struct ec_text {
	ec_text_block *blocks;
	size_t count, cap;
	bool failed;    /**< memory ran out while it was written */
} ec_text;

/** Release the blocks; `t` is then empty. */
void ec_text_free(ec_text *t);

/**
 * Append `t` as plain text (which also reads as Markdown) to `b`: blocks
 * separated by a blank line (the items of one list are not); an item
 * "- TEXT", an option "- A: TEXT", their later lines indented by two
 * spaces; preformatted lines indented by four. EC_ERR_NOMEM.
 */
ec_status ec_text_render(const ec_text *t, ec_buf *b);

/** Append a paragraph (printf; lines end at '\n'; trailing newlines dropped). */
void ec_text_para(ec_text *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Append an item of a list. */
void ec_text_item(ec_text *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Append option `letter` of a multiple-choice question. */
void ec_text_option(ec_text *t, char letter, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Append preformatted lines (a matrix, a table). */
void ec_text_pre(ec_text *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#ifdef __cplusplus
}
#endif

#endif
