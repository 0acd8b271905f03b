/*
 * roster_score.h: the private half of roster grading: a plan compiled once
 * from the roster's header, and per-thread answer tables that turn an
 * answer's text into a small code, the code into points and the points
 * into output text.
 */
#ifndef EC_ROSTER_SCORE_H
#define EC_ROSTER_SCORE_H

#include <string.h>

#include "examcheck/ec_grade.h"

/* Answers longer than this are read every time instead of looked up. */
#define ROSTER_TEXT_MAX 16
/* Slots of a column's table (a power of two) and codes it hands out. */
#define ROSTER_SLOT_BITS 6
#define ROSTER_SLOTS (1u << ROSTER_SLOT_BITS)
#define ROSTER_CODES 48
/* The code of an answer that is not in its table: its result is kept aside. */
#define ROSTER_UNCODED 255
/* The 8 readable bytes of an empty text (a field a short record lacks). */
extern const char roster_empty[16];
/* Longest points text kept with a code: a comma and the points. */
#define ROSTER_POINTS_TEXT 16

_Static_assert(ROSTER_CODES < ROSTER_UNCODED, "codes fit below ROSTER_UNCODED");
_Static_assert(ROSTER_CODES < ROSTER_SLOTS, "a table never fills its slots");

/* One term of a row's sums, in key order: a column's answer, or the fixed score of an absent item. */
typedef struct roster_term {
	long column;         /* -1: an item without a column, scoring `points` */
	size_t section;
	double points;
} roster_term;

/* What the header says, compiled for the rows. Read-only once built. */
typedef struct roster_plan {
	const ec_grader *g;
	size_t ncols;        /* fields a record should have (trailing empty headers left out) */
	long *item;          /* item of each column, or EC_ROSTER_COLUMN_DATA (item[0]: the student
				id), or EC_ROSTER_COLUMN_OTHER (another key's item) */
	bool *mark;          /* the column holds marks given by hand */
	size_t nmarks;       /* such columns: the output then has a column `pending` listing
				those whose mark is not given yet */
	roster_term *terms;  /* the sums' terms in key order */
	size_t nterms;
	size_t *written;     /* item columns written, in key order */
	size_t nwritten;
	size_t *data;        /* data columns after the student id, in order */
	size_t ndata;
	size_t *section;     /* the section of each item column */
	size_t id_col;       /* the student id's column (0 unless ec_roster_options.id_column) */
	bool in_order;       /* every column after the id an item, in key order, and no other
				term: the sums and the output follow the columns */
	char *header;        /* the output's header line */
	size_t header_len;
} roster_plan;

/*
 * With several keys: the output's columns, the union of what the keys'
 * plans map (whose data columns are the same: a column one key maps is
 * EC_ROSTER_COLUMN_OTHER in the others). Read-only once built.
 */
typedef struct roster_union {
	size_t *items;       /* the columns some key maps to an item, in header order */
	size_t nitems;
	bool pending;        /* some key's plan has a column of marks: a column `pending` */
	size_t nsections;    /* the keys' sections, in order of first appearance */
	long *section_at;    /* [k * nsections + s]: key k's index of section s, or -1 */
	char *header;        /* the output's header line */
	size_t header_len;
} roster_union;

/* One column's answers seen so far by one thread. */
typedef struct roster_table {
	uint64_t w0[ROSTER_SLOTS], w1[ROSTER_SLOTS];
	uint8_t len[ROSTER_SLOTS];   /* text length + 1; 0: empty slot */
	uint8_t code[ROSTER_SLOTS];
	ec_grade_result result[ROSTER_CODES];
	char text[ROSTER_CODES][ROSTER_POINTS_TEXT]; /* ",2" */
	uint8_t text_len[ROSTER_CODES];              /* 0: format when written */
	unsigned ncodes;
} roster_table;

/* A cache of formatted totals: ",57.5" found by the value's bits. */
#define ROSTER_TOTAL_SLOTS 256
typedef struct roster_total_cache {
	double value[ROSTER_TOTAL_SLOTS];
	char text[ROSTER_TOTAL_SLOTS][ROSTER_POINTS_TEXT];
	uint8_t len[ROSTER_TOTAL_SLOTS];
} roster_total_cache;

/* Everything one thread needs to score rows: a table per column. */
typedef struct roster_scorer {
	const roster_plan *plan;
	roster_table *tables;    /* plan->ncols of them (the student's is unused) */
	roster_total_cache totals;
	ec_value scratch;
} roster_scorer;

/*
 * Build the plan from the header's fields and their columns
 * (ec_grade_roster_columns()), the student id in column id_col. EC_ERR_NOMEM.
 */
ec_status roster_plan_init(roster_plan *p, const ec_grader *g, char *const *names,
			   const long *item, size_t ncols, size_t id_col, ec_error *err);
void roster_plan_free(roster_plan *p);

/* Build the union of the plans of `nkeys` keys over the header `names`. EC_ERR_NOMEM. */
ec_status roster_union_init(roster_union *u, const roster_plan *plans, size_t nkeys,
			    char *const *names, ec_error *err);
void roster_union_free(roster_union *u);

ec_status roster_scorer_init(roster_scorer *s, const roster_plan *p, ec_error *err);
void roster_scorer_free(roster_scorer *s);

/*
 * The code of column c's answer (len bytes at text, EC_CSV_READABLE bytes
 * readable from text), adding it to the table when new. An answer too long
 * or too many for the table gets ROSTER_UNCODED and its result in *aside.
 * EC_ERR_PARSE (message without location) when the item cannot read it.
 */
ec_status roster_code(roster_scorer *s, size_t c, const char *text, size_t len,
		      uint8_t *code, ec_grade_result *aside, ec_error *err);

/* Eight 0xFF bytes then eight zeros: 8 bytes from here + 8 - n keep a word's first n bytes. */
extern const unsigned char roster_ones[16];

/*
 * A text of at most ROSTER_TEXT_MAX bytes as two words that, with its
 * length, only equal texts share: its first 8 bytes (fewer: the rest
 * zeroed) and, when longer than 8, its last 8. No branch on the length;
 * 8 bytes must be readable from text.
 */
static inline void roster_text_words(const char *text, size_t len, uint64_t w[2])
{
	size_t head = len < 8 ? len : 8, tail = len > 8 ? len - 8 : 0;
	uint64_t keep, last;

	memcpy(&w[0], text, 8);
	memcpy(&keep, roster_ones + 8 - head, 8);
	w[0] &= keep;
	memcpy(&last, text + tail, 8);
	w[1] = len > 8 ? last : 0;
}

/* A text's home slot (a table never fills: a probe always ends at an empty slot). */
static inline unsigned roster_slot(const uint64_t w[2], size_t len)
{
	uint64_t h = (w[0] ^ (w[1] * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ len) * UINT64_C(0x9E3779B97F4A7C15);

	return (unsigned)(h >> (64 - ROSTER_SLOT_BITS));
}

/*
 * The code of a text already in table t, found inline; false when it is
 * not there. A text of at most 8 bytes (most answers) is one word: its
 * hash and comparison skip the second (zero for such texts).
 */
static inline bool roster_find(const roster_table *t, const char *text, size_t len, uint8_t *code)
{
	uint64_t w[2];
	unsigned at;

	if (len <= 8) {
		uint64_t keep;

		memcpy(&w[0], text, 8);
		memcpy(&keep, roster_ones + 8 - len, 8);
		w[0] &= keep;
		w[1] = 0;
		at = roster_slot(w, len);
		for (;; at = (at + 1) & (ROSTER_SLOTS - 1)) {
			if (t->len[at] == 0)
				return false;
			if (t->w0[at] == w[0] && t->len[at] == len + 1) {
				*code = t->code[at];
				return true;
			}
		}
	}
	if (len > ROSTER_TEXT_MAX)
		return false;
	roster_text_words(text, len, w);
	at = roster_slot(w, len);
	for (;; at = (at + 1) & (ROSTER_SLOTS - 1)) {
		if (t->len[at] == 0)
			return false;
		if (t->len[at] == len + 1 && t->w0[at] == w[0] && t->w1[at] == w[1]) {
			*code = t->code[at];
			return true;
		}
	}
}

/*
 * Append "," and the points of `res` to p (room for 33 bytes): nothing
 * after the comma for a mark not given yet (EC_VERDICT_MANUAL), which is
 * no 0. Returns the new end.
 */
static inline char *roster_put_result(char *p, const ec_grade_result *res)
{
	*p++ = ',';
	if (res->verdict == EC_VERDICT_MANUAL)
		return p;
	return p + ec_points_format_len(res->points, p);
}

/* Append ",<points>" for v to p (room for 33 bytes); returns the new end. */
char *roster_put_total(roster_scorer *s, char *p, double v);

#endif
