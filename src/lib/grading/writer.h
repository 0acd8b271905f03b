/*
 * writer.h: what the built-in writers share (private to the library).
 */
#ifndef EC_LIB_WRITER_H
#define EC_LIB_WRITER_H

#include "examcheck/ec_report.h"
#include "examcheck/ec_buf.h"
#include "examcheck/ec_sheet.h"
#include "examcheck/ec_writer.h"

/* One per file, write_<name>.c; writer.c's table lists them by ec_format. */
extern const ec_writer ec_writer_text;
extern const ec_writer ec_writer_tsv;
extern const ec_writer ec_writer_csv;
extern const ec_writer ec_writer_json;
extern const ec_writer ec_writer_gradescope;
extern const ec_writer ec_writer_md;
extern const ec_writer ec_writer_latex;

/*
 * A paper's title, summary and questions as plain text, with `hashes`
 * (Markdown headings) or without (text).
 */
ec_status write_paper_begin(ec_write_ctx *w, const ec_paper *p, bool hashes);
ec_status write_paper_question(ec_write_ctx *w, const ec_paper *p, size_t i, bool hashes);

extern const ec_writer ec_writer_svg;
extern const ec_writer ec_writer_html;

/*
 * Room for a student's answer in key form (ec_value_format()). Every
 * answer fits: the longest is a mask of EC_MASK_MAX digits (a shape has
 * at most 27 digits and 7 'x', its product fitting in 64 bits).
 */
#define WRITE_ANSWER_SIZE 96
_Static_assert(WRITE_ANSWER_SIZE > EC_MASK_MAX, "a mask's digits fit in an answer");

/*
 * Room for an item's correct answers (ec_grade_item_correct()): the key's
 * answer and its alternatives are cut at 199 bytes, as they always were.
 */
#define WRITE_CORRECT_SIZE 200

/*
 * Item i's answer on a graded sheet as shown to a reader, into buf (size
 * bytes): in the key's form (ec_value_format()), or, for an answer that
 * could not be read, as written (control characters as '?', cut to fit),
 * so that it is never shown as a blank. "" when there is none.
 */
char *write_sheet_answer(const ec_sheet_report *r, size_t i, char *buf, size_t size);

/*
 * The answer letters listed for a statistics item, NUL-terminated in the
 * order shown: for mc its options and any other letter chosen ("ABCDE"),
 * for tf "TF", else "". Returns `letters`.
 */
char *write_stats_letters(const ec_stats_item *it, char letters[27]);

/*
 * The answer groups of ec_write_stats_groups() (write_groups.c), when
 * w->groups is set: json's `, "answers": [...], "answers_other": n` inside
 * an item object; text's and csv's table after the items.
 */
void write_groups_json(ec_write_ctx *w, const ec_stats_item *it);
void write_groups_text(ec_write_ctx *w, const ec_stats *s);
void write_groups_csv(ec_write_ctx *w, const ec_stats *s);

/*
 * `s` as ec_write_json_string() writes it, quotes included, appended to
 * b: write_json_escape() always escaping, write_json_string_buf() taking
 * a plain string as it is. False when memory runs out.
 */
bool write_json_escape(ec_buf *b, const char *s);
bool write_json_string_buf(ec_buf *b, const char *s);

/*
 * What a writer keeps in ec_write_ctx.scratch between calls: a block that
 * starts with this, so that ec_write_ctx_free() can release it.
 */
typedef struct write_scratch {
	void (*release)(void *self);
} write_scratch;

#endif
