/*
 * roster_internal.h: the state of a roster run shared by its three files:
 * roster_input.c cuts the input into chunks, roster_rows.c reads, scores
 * and formats a chunk's records, roster.c runs the threads and hands the
 * results out in order.
 */
#ifndef EC_ROSTER_INTERNAL_H
#define EC_ROSTER_INTERNAL_H

#include <stdlib.h>
#include <threads.h>

#include "examcheck/ec_csv.h"
#include "examcheck/ec_roster.h"
#include "roster_dups.h"
#include "roster_score.h"
#include "roster_tally.h"

/*
 * Input read per chunk, chunks in flight, threads: 4 x 32 KiB keeps the
 * peak under 4.5 MB. When rows go to callbacks (statistics), handing them
 * out is most of this thread's work, and 8 chunks in flight let the
 * helper read and score ahead meanwhile (1.6 to 1.4 times the time of the
 * CSV alone, 10^6 students, make bench).
 */
#define DEFAULT_CHUNK (32u * 1024)
#define SLOTS 8
#define SLOTS_WRITING 4
#define MAX_THREADS 2

_Static_assert(MAX_THREADS == EC_ROSTER_CODERS, "a thread's tables number its answers");
_Static_assert(ROSTER_CODES == EC_ROSTER_CODES && ROSTER_UNCODED == EC_ROSTER_NO_CODE,
	       "the codes handed out are the tables'");

/* One record of a chunk as the ordered half needs it. */
typedef struct row_note {
	long line;
	double total;
	uint32_t first_msg, nmsgs;  /* its messages in the chunk's list */
	uint32_t flagged_cells;
	bool flagged, lost;         /* lost: the record could not be read */
	bool tallied;               /* counted in its thread's tally, not handed to on_row */
	size_t first_field;         /* with callbacks: its fields in the chunk's field list */
	size_t nfields;
	size_t flags_at;            /* with callbacks: its flagged text in the chunk's text */
	size_t spool_at;            /* its id's record in the chunk's spool */
	size_t id_len;
	uint64_t id_hash;           /* roster_id_hash() of the id */
	size_t key;                 /* the grader it was graded against (run.graders) */
} row_note;

typedef struct chunk {
	/* the input, filled by the reading thread */
	char *buf;
	size_t cap, start, end;
	long line;                  /* where buf[start] is */
	bool has_error;             /* no input: report `error` (a record too long to keep) */
	ec_error error;
	/* what processing gives */
	char *out;                  /* the output lines */
	size_t out_len, out_cap;
	row_note *rows;
	size_t nrows, rows_cap;
	ec_error *msgs;             /* messages, in order */
	size_t nmsgs, msgs_cap;
	/* with callbacks: each row's fields, flagged text, codes, subtotals (run.max_sections a
	   row) and uncoded results */
	char *text;
	size_t text_len, text_cap;
	size_t *field_at;           /* each kept field's offset in text */
	size_t nfields, fields_cap;
	uint8_t *codes;
	size_t codes_cap;
	double *sections;
	size_t sections_cap;
	ec_grade_result *aside;
	size_t naside, aside_cap;
	char *spool;                /* the students' ids, as roster_spool_record() writes them */
	size_t spool_len, spool_cap;
	const roster_scorer *by;    /* whose tables the codes index (one scorer a key) */
	unsigned coder;             /* and whose they are: the worker's index */
	ec_status fatal;            /* EC_ERR_NOMEM while processing */
	bool done;
} chunk;

/* A thread's tools: a CSV reader over chunks and its answer tables. */
typedef struct worker {
	ec_csv_reader rd;
	roster_scorer *sc;          /* a scorer a key, made when the key first grades a row */
	size_t key;                 /* the current row's grader */
	double *sections;           /* the current row's subtotals */
	uint8_t *codes;             /* its answers' codes, per column */
	ec_grade_result *aside;     /* its results of ROSTER_UNCODED answers, per column */
	char *items;                /* with a plan in order: its items' output text, ",2,0" */
	size_t items_len;           /* 0: not written yet */
	char *flags;                /* its flagged field's text */
	size_t flags_len, flags_cap;
	char *pending;              /* the items of its marks not given yet, "3.3.4 3.3.5" */
	size_t pending_len, pending_cap;
	roster_tally tally;         /* with r->tally: the students this thread counted */
	struct run *r;
} worker;

#include "roster_column.h"

typedef struct run {
	const ec_grader *const *graders; /* one, or keys->graders */
	const roster_keys *keys;    /* several keys, or NULL */
	size_t nkeys;
	const ec_grader *g;         /* the one grader, without opts->graders */
	const ec_roster_options *o;
	const char *file;
	FILE *in;
	const char *head;           /* opts->head, not read yet */
	size_t head_left;
	char *peeked;               /* the start of the input read to find its separator, then read
				       again (it holds what was left of the head too) */
	char sep;                   /* the input's separator: ',', ';' or '\t' */
	bool keyed;                 /* keys: a column picks each row's key */
	roster_plan *plans;         /* a plan a key */
	roster_union layout;        /* with several keys: the output's columns */
	size_t key_col;             /* with several keys: the column that picks */
	size_t id_col;              /* the student id's column (ec_roster_options.id_column) */
	size_t max_sections, max_count; /* the most of the graders' sections and items */
	bool keep_rows;             /* callbacks want results */
	bool fieldless;             /* ... but not the fields of rows read in one pass
				       (rows_without_fields, or fields_for_text_only and no
				       item column whose answer is text) */
	bool tally;                 /* ... and rows that can be are counted (on_tally) */
	size_t chunk_bytes;
	chunk slots[SLOTS];
	size_t nslots;              /* in use: SLOTS with callbacks, SLOTS_WRITING without */
	uint64_t next_read, next_take, next_emit;
	bool input_done, finished;
	worker workers[MAX_THREADS];
	mtx_t lock;
	cnd_t changed;
	/* the reading thread's state */
	char *carry;
	size_t carry_len, carry_cap;
	long line;
	uint64_t bytes, warnings;
	bool eof, io_error;
	roster_dups dups;           /* the ids seen (the ordered half) */
} run;

/*
 * Does a header kept as data look like a mistyped item id: a Q, blanks,
 * then digits and dots with a dot ("Q 1.3", "1.3a", "7.7"), none of its
 * parts 0 or starting with 0 ("2.0 pts" is a number)? Then `like` (size
 * bytes) gets that id when `g` has it, else "" (roster_header.c).
 */
bool roster_header_suspect(const ec_grader *g, const char *field, char *like, size_t size);

/* Does a header field name the column `name` (any case, blanks around it ignored)? (roster_column.c) */
bool roster_column_is(const char *field, const char *name);

/*
 * The column of the record as read whose field stands at `k` in the record
 * handed to callbacks, which has the student id (column id_col) first.
 */
static inline size_t roster_column_at(size_t id_col, size_t k)
{
	return k == 0 ? id_col : k <= id_col ? k - 1 : k;
}

/* Grow *p (of *cap elements of `size` bytes) to hold `need`; false when memory runs out. */
static inline bool roster_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}


/*
 * Set r->sep: opts->delimiter, or the separator the header uses
 * (ec_csv_detect_separator()), read from the input and kept to be read
 * again. EC_ERR_NOMEM (roster_input.c).
 */
ec_status roster_find_separator(run *r, ec_error *err);

/*
 * Fill ck with the next whole records of the input (roster_input.c).
 * Returns false when nothing is left (and on errors: r->io_error, *nomem).
 */
bool roster_fill_chunk(run *r, chunk *ck, bool *nomem);

/* Read, score and format all of ck's records with w's tools (roster_rows.c). */
void roster_process_chunk(run *r, worker *w, chunk *ck);

#endif
