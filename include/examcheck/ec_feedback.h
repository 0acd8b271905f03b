/*
 * ec_feedback.h: feedback for each student of a graded roster: one
 * plain-text report per student (ec_feedback_write()) and the file names
 * such reports are kept under, safe and distinct (ec_feedback_name()).
 */
#ifndef EC_FEEDBACK_H
#define EC_FEEDBACK_H

#include <stdio.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_roster.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Most bytes of a safe name, a "-N" suffix included, ".txt" not. */
#define EC_FEEDBACK_NAME_MAX 100

/** Room for a feedback file name: a safe name, ".txt" and the NUL. */
#define EC_FEEDBACK_FILE_SIZE (EC_FEEDBACK_NAME_MAX + 5)

/**
 * The student id `id` (`len` bytes, any bytes) made a safe file name in
 * `out`: each byte other than A-Z, a-z, 0-9, '.', '_' and '-' becomes
 * '_' ('/', spaces, control characters, each byte of a UTF-8 character);
 * a leading '.' gets a '_' before it ("..", ".hidden" cannot name a
 * directory or a hidden file); an empty id is "_"; the result is cut at
 * EC_FEEDBACK_NAME_MAX bytes. Returns its length (NUL not counted).
 */
size_t ec_feedback_safe_name(const char *id, size_t len,
			     char out[EC_FEEDBACK_NAME_MAX + 1]);

/**
 * The names given so far, to tell students apart whose safe names are
 * the same. A hash set: each name's bytes and NUL in one growing text,
 * with the next suffix to try after each, and a table of 32-bit offsets
 * into it, at most half full: a student costs the name's length + 5 bytes
 * and 4 to 8 bytes of table (about 25 bytes for a 10-byte id), and a name
 * given k times costs k probes in all. Start with EC_FEEDBACK_NAMES_INIT;
 * the fields are ec_feedback_name()'s.
 */
typedef struct ec_feedback_names {
	char *text;       /**< the names, each NUL-terminated */
	size_t len, cap;
	uint32_t *slots;  /**< 0: empty, else 1 + a name's offset in text */
	size_t nslots;    /**< 0 or a power of two */
	size_t count;     /**< names held */
} ec_feedback_names;

#define EC_FEEDBACK_NAMES_INIT {NULL, 0, 0, NULL, 0, 0}

/**
 * The file name for student `id` (`len` bytes): its safe name
 * (ec_feedback_safe_name()) when no earlier call gave that name, else
 * the first of NAME-2, NAME-3, ... not given yet (NAME cut so that the
 * whole fits EC_FEEDBACK_NAME_MAX), then ".txt", into `out`. Names that
 * differ only in the case of their letters count as the same ("Ann",
 * then "ann" gives ann-2.txt), since a file system may not tell them
 * apart. The name is
 * remembered in `names`. Returns EC_OK; EC_ERR_NOMEM, or EC_ERR_OVERFLOW
 * past 4 GiB of names, with `names` unchanged.
 */
ec_status ec_feedback_name(ec_feedback_names *names, const char *id, size_t len,
			   char out[EC_FEEDBACK_FILE_SIZE]);

/** Release the names' memory; `names` is then as EC_FEEDBACK_NAMES_INIT. */
void ec_feedback_names_free(ec_feedback_names *names);

/**
 * Which worked answer covers item `id`: the longest of `questions[0..n)`
 * that is the id itself or a leading part of it ending before a '.'
 * ("3.2.1" for 3.2.1.1.dims, "2.1" for 2.1 but not for 2.10). NULL when
 * none does.
 */
const char *ec_feedback_question(const char *id, const char *const *questions, size_t n);

/**
 * A one-line reason why `answer` to item `item` of `g` earned `result`
 * (answer as read by ec_grader_read(); blank when the field is empty or
 * cannot be read), into `buf` of `size` bytes. Returns false when there is
 * no reason to give.
 */
typedef bool (*ec_feedback_reason_fn)(void *ctx, const ec_grader *g, size_t item,
				      const ec_value *answer, const ec_grade_result *result,
				      char *buf, size_t size);

/**
 * What every student's report needs to know of the roster: its items and
 * where they are in a record. Fill with ec_feedback_init(), free with
 * ec_feedback_free().
 */
typedef struct ec_feedback {
	const ec_grader *grader;  /**< not owned */
	size_t nitems;
	size_t *items;            /**< the items the roster has a column for, in key order */
	size_t *column;           /**< per one of those: its field in a record */
	const char **question;    /**< per one of those: its worked answer's id, or NULL */
	double *section_max;      /**< g->nsections: the points of all the section's items */
	double max;               /**< the points of every item, marks given by hand included */
	ec_feedback_reason_fn reason; /**< NULL (as ec_feedback_init() leaves it), or what gives
					   the "why:" line of an item not fully right */
	void *reason_ctx;         /**< passed to `reason` */
	char worked[64];          /**< what comes before a question's id in the command of its
				       worked answer: "examcheck q" (as ec_feedback_init() sets
				       it), "examcheck variant --seed 7 " for a variant */
	char **correct;           /**< per item: its "key:" text, ec_grade_item_correct() once */
} ec_feedback;

/**
 * Prepare reports for the roster whose header is `h` (as handed to
 * ec_roster_options.on_header; it need not outlive `fb`), graded with
 * `g`. `questions[0..nquestions)` are the ids of the worked answers
 * `examcheck q<id>` prints (ec_feedback_question()); they and `g` must
 * outlive `fb`. Returns EC_OK or EC_ERR_NOMEM (nothing to free then).
 */
ec_status ec_feedback_init(ec_feedback *fb, const ec_grader *g, const ec_roster_header *h,
			   const char *const *questions, size_t nquestions, ec_error *err);

/** Release what ec_feedback_init() allocated. */
void ec_feedback_free(ec_feedback *fb);

/**
 * Write the report of the student `row` to `f`, plain text: the student
 * id as read ("(blank)" when empty), the total and each section's points
 * out of their maxima, what the row has flagged, then a block per item
 * the roster has a column for, in key order:
 *
 *     Student: ann
 *     Total: 12.5/22
 *     Section 1: 2/4
 *     ...
 *     Flagged: 2.1                   (only when something is flagged)
 *
 *     2.1: 0/4, unreadable [flagged]
 *       answer: AZ
 *       key: AB
 *       why: A is true: ...       (when fb->reason gives one)
 *       worked answer: examcheck q2.1    (fb->worked, then the id)
 *
 * Maxima count every item, those graded by hand and those the roster has
 * no column for included; sections with no points are left out. An item
 * shows its points out of the item's (ec_points_format()) and its verdict
 * ("unreadable [flagged]" when the cell could not be read); "answer:" and
 * the field as written ("(blank)" when empty); "key:" and
 * ec_grade_item_correct(); and, unless the item is fully right, "why:"
 * and the reason fb->reason gives (when it is set and gives one) and the
 * command that prints its worked answer (when one covers it). An item
 * graded by hand shows "graded by hand" (no mark yet: "-/1, graded by
 * hand, no mark yet"), "mark:" and the field ("(none)" when empty), and
 * "key:" with what the key says a grader looks for. Bytes below 0x20 and
 * 0x7f in what students wrote are written \xNN (two lower-case hex
 * digits), and format characters (ec_utf8_is_format(): the bidirectional
 * controls such as U+202E, which would make a line read otherwise)
 * \uXXXX (four to five upper-case hex digits), so that a report is safe
 * to print on a terminal. The report is built whole, then written at
 * once. Returns EC_OK; EC_ERR_NOMEM (nothing written); EC_ERR_IO when
 * fwrite() fails (more on the stream: ferror(f)).
 */
ec_status ec_feedback_write(FILE *f, const ec_feedback *fb, const ec_roster_row *row);

/**
 * The report ec_feedback_write() writes, appended to `out` instead.
 * Returns EC_OK or EC_ERR_NOMEM (the text appended so far is incomplete).
 */
ec_status ec_feedback_format(ec_buf *out, const ec_feedback *fb, const ec_roster_row *row);

#ifdef __cplusplus
}
#endif

#endif
