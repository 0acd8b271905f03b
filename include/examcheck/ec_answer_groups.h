/*
 * ec_answer_groups.h: the distinct answers a class gave to each item, with
 * how many students gave each, what it scored and, once the roster is
 * read, the named mistake behind it. Answers are grouped as grading reads
 * them: "6,000", "6 000" and "6000" are one group, "(16, 8, 64, 64)" and
 * "16x8x64x64" another.
 *
 * Memory is bounded whatever the roster's size: at most
 * EC_ANSWER_GROUPS_MAX groups per item, each counted exactly. A group is
 * kept from the first student who gives its answer; when an item's table
 * is full, a new answer takes the place of the oldest group that only one
 * student gave so far (that student goes to "other"); when every kept
 * group has two or more students, the new answer goes to "other". An
 * answer once sent to "other" stays there (a fixed-size filter remembers
 * it, and may also send there an answer it never saw). So a count shown
 * is always the exact number of students who gave that answer, the
 * groups' counts and "other" add up to the students graded, and an answer
 * that recurs before EC_ANSWER_GROUPS_MAX rarer ones push it out is kept.
 */
#ifndef EC_ANSWER_GROUPS_H
#define EC_ANSWER_GROUPS_H

#include "examcheck/ec_common.h"
#include "examcheck/ec_grade.h"
#include "examcheck/ec_roster.h"

/** Most answer groups kept per item. */
#define EC_ANSWER_GROUPS_MAX 48
/** Room for a group's answer text, its NUL included. */
#define EC_ANSWER_TEXT 96
/** Room for a group's mistake, its NUL included. */
#define EC_ANSWER_MISTAKE 160

/** What the report says of a group that is right by another reading. */
#define EC_ANSWER_OTHER_READING "the rubric's other reading"
/** What the report says of a group that could not be read. */
#define EC_ANSWER_UNREADABLE "unreadable"

/** One group: an answer, its students, its score and why it is wrong. */
typedef struct ec_answer_group {
	char answer[EC_ANSWER_TEXT]; /**< in key form (ec_value_format(); a decimal with the
				       figures written, "33.30"); "" blank; an unreadable
				       answer as written, blanks around it trimmed (cut to
				       fit); a mark given by hand as its points */
	uint64_t count;              /**< students who gave it */
	double points;               /**< what it scores */
	ec_verdict verdict;
	char mistake[EC_ANSWER_MISTAKE]; /**< after ec_answer_groups_finish(): the known
					   mistakes that give it (ec_mistake_fn), or
					   EC_ANSWER_OTHER_READING for a right answer that is
					   not the key's, or EC_ANSWER_UNREADABLE; "" none */
	bool acceptable;             /**< --accept ID=ANSWER could give it full credit: a
				       readable answer, not blank, not fully right, of an item
				       scored automatically */
} ec_answer_group;

/**
 * Name the mistake behind `answer` (as read) to item `item` of `g`, a
 * wrong or partly right answer: write its name to `buf` (`size` bytes)
 * and return true, or return false when none is known.
 */
typedef bool (*ec_mistake_fn)(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			      char *buf, size_t size);

/** The answer groups of one grader's items. Opaque. */
typedef struct ec_answer_groups ec_answer_groups;

/**
 * Prepare to group the answers to the items the roster header `h` (as
 * handed to ec_roster_options.on_header) has a column for, graded by `g`
 * (which must outlive the groups). EC_ERR_NOMEM.
 */
ec_status ec_answer_groups_new(ec_answer_groups **out, const ec_grader *g,
			       const ec_roster_header *h, ec_error *err);

/**
 * Count the answers of one graded student, a row of `g` (row->grader is
 * not looked at: give each grader's rows to its own groups). Never fails:
 * should memory run out for an item's table, its answers go to "other".
 */
void ec_answer_groups_add(ec_answer_groups *a, const ec_roster_row *row);

/**
 * Count the students a roster run counted (ec_roster_tally of `a`'s
 * grader and header), as if each row had been added: each item's answers
 * in order of how many gave them, the most first, so that when an item
 * has more answers than EC_ANSWER_GROUPS_MAX the rarest go to "other".
 */
void ec_answer_groups_add_tally(ec_answer_groups *a, const ec_roster_tally *t);

/**
 * Once every row is added: name each group's mistake (fn may be NULL:
 * none named; it is called once per wrong or partly right group) and sort
 * each item's groups by count, the largest first, ties by answer text.
 */
void ec_answer_groups_finish(ec_answer_groups *a, ec_mistake_fn fn, void *ctx);

/**
 * The groups of item `item` (an index into g->items): sets *groups to
 * them and *other to the students counted as other, and returns how many
 * there are; 0 (and *groups NULL, *other 0) for an item the roster has no
 * column for.
 */
size_t ec_answer_groups_item(const ec_answer_groups *a, size_t item,
			     const ec_answer_group **groups, uint64_t *other);

/** The students added. */
uint64_t ec_answer_groups_students(const ec_answer_groups *a);

/** Release the groups (NULL is fine). */
void ec_answer_groups_free(ec_answer_groups *a);

#endif
