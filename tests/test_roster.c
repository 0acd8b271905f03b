#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_csv.h"
#include "examcheck/ec_roster.h"
#include "examcheck/ec_sheet.h"
#include "examcheck/ec_writer.h"
#include "grade_fixture.h"
#include "roster_column.h"

/* What a run gave: the output, the bad-row messages, the status and the counts. */
typedef struct outcome {
	char *out;
	size_t out_len;
	char msgs[1 << 16];
	size_t msgs_len;
	ec_status status;
	ec_error err;
	ec_roster_summary sum;
} outcome;

static void collect_bad(void *ctx, const ec_error *err)
{
	outcome *o = ctx;
	char line[600];
	int n = snprintf(o->msgs + o->msgs_len, sizeof(o->msgs) - o->msgs_len, "%s\n",
			 ec_error_format(err, line, sizeof(line)));

	/* the first 64 KiB of messages are kept; the count is in o->sum.bad */
	if (n > 0 && (size_t)n < sizeof(o->msgs) - o->msgs_len)
		o->msgs_len += (size_t)n;
	else
		o->msgs[o->msgs_len] = '\0';
}

/* The separator grade_text() gives (0: found from the header), the id column and the map. */
static char delimiter;
static const char *id_column;
static const ec_column_map *column_map;

/* Grade `text` with `threads` and `chunk` bytes per read; the caller frees o->out. */
static void grade_text(const ec_grader *g, const char *text, size_t len, unsigned threads,
		       size_t chunk, ec_roster_row_fn on_row, void *row_ctx, outcome *o)
{
	ec_roster_options opts;
	FILE *in = fmemopen((void *)text, len ? len : 1, "rb");
	FILE *out;

	assert_non_null(in);
	if (len == 0)
		fgetc(in); /* fmemopen wants a size; an empty input is one read byte */
	memset(o, 0, sizeof(*o));
	out = open_memstream(&o->out, &o->out_len);
	assert_non_null(out);
	memset(&opts, 0, sizeof(opts));
	opts.out = out;
	opts.on_report = collect_bad;
	opts.on_row = on_row;
	opts.ctx = row_ctx ? row_ctx : o; /* a row context starts with its outcome */
	opts.threads = threads;
	opts.chunk_bytes = chunk;
	opts.delimiter = delimiter;
	opts.id_column = id_column;
	opts.map = column_map;
	ec_error_clear(&o->err);
	o->status = ec_roster_grade(g, in, "r.csv", &opts, &o->sum, &o->err);
	fclose(out);
	fclose(in);
}

/*
 * The exam's rules by hand (fixture rubric: tf +2 / -1 / 0, mc 4 points
 * less 2 per wrong or missing option, a one-option mc all or nothing,
 * numbers within 1e-6 relative; 3.3.4 is scored by hand, 1 point):
 *   ann   T 2, "b a" = AB 4, -1/4 5, mark 1     total 12, sections 2 4 6
 *   Smith F -1, A (one missing) 2, 0.25 0, no mark yet   total 1
 *   bob   only 3 fields: T 2, the rest blank   total 2, flagged "fields"
 *   (blank id) T 2, AB 4, 1 0, mark x unreadable   total 6
 *   cat   T 2, AZ unreadable 0, 1 0, mark 2 > 1 unreadable   total 2
 *   multi-line id, all blank                    total 0
 *   dee   true 2, abd (one extra) 2, -0.25 5, mark 0.5, an extra field
 *         that is not empty: total 9.5, sections 2 2 5.5, flagged "fields"
 * A mark not given yet (Smith, bob, the multi-line id) is an empty field,
 * not 0, and its item is listed in the column pending; a mark that cannot
 * be read is flagged and scores 0.
 * The email column is data, kept before the total; the header's two
 * trailing empty fields are ignored, and so are empty fields under them.
 * 2.2 and the others have no column: blank, 0, and no column in the output.
 */
static const char small_roster[] = "student,email,Q1.1,2.1,3.1.2,3.3.4,,\r\n"
				   "ann,a@x,T,b a,-1/4,1,,\r\n"
				   "\"Smith, Carol\",s@x,F,A,0.25,\n"
				   "bob,b@x,T\n"
				   " ,c@x,T,AB,1,x\n"
				   "cat,d@x,T,AZ,1,2\n"
				   "\"multi\nline\",,,,,\n"
				   "dee,e@x,true,abd,-0.25,0.5,extra\n";
static const char small_graded[] =
	"student,email,total,section.1,section.2,section.3,1.1,2.1,3.1.2,3.3.4,pending,flagged\n"
	"ann,a@x,12,2,4,6,2,4,5,1,,\n"
	"\"Smith, Carol\",s@x,1,-1,2,0,-1,2,0,,3.3.4,\n"
	"bob,b@x,2,2,0,0,2,0,0,,3.3.4,fields\n"
	" ,c@x,6,2,4,0,2,4,0,0,,student 3.3.4\n"
	"cat,d@x,2,2,0,0,2,0,0,0,,2.1 3.3.4\n"
	"\"multi\nline\",,0,0,0,0,0,0,0,,3.3.4,\n"
	"dee,e@x,9.5,2,2,5.5,2,2,5,0.5,,fields\n";
static const char small_messages[] =
	"r.csv:4: row has 3 fields, the header 6 (graded with the missing ones blank)\n"
	"r.csv:5: the student id is empty (graded all the same)\n"
	"r.csv:5: column '3.3.4': 'x' is not a mark from 0 to 1\n"
	"r.csv:6: column '2.1': 'AZ' is not an option of 2.1\n"
	"r.csv:6: column '3.3.4': '2' is not a mark from 0 to 1\n"
	"r.csv:9: row has 7 fields, the header 6 (graded without the extra ones)\n";

static void test_roster_grade_small_by_hand(void **state)
{
	static const size_t chunks[] = {0, 1, 2, 3, 5, 8, 13, 40, 100};
	ec_grader g;
	ec_error err;
	size_t c;
	unsigned t;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (t = 1; t <= 2; t++) {
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			outcome o;

			grade_text(&g, small_roster, sizeof(small_roster) - 1, t, chunks[c], NULL, NULL, &o);
			assert_int_equal(o.status, EC_OK);
			assert_string_equal(o.out, small_graded);
			assert_string_equal(o.msgs, small_messages);
			assert_int_equal(o.sum.graded, 7);
			assert_int_equal(o.sum.flagged_rows, 4);
			assert_int_equal(o.sum.flagged_cells, 3);
			assert_int_equal(o.sum.lost, 0);
			free(o.out);
		}
	}
	ec_grader_free(&g);
}

/*
 * The roster above with ';' between its fields, as a spreadsheet of many
 * locales exports it ("Smith, Carol" keeps its comma, inside quotes): the
 * same output and messages, at every chunk size, with the separator found
 * from the header and with it given.
 */
static const char small_roster_semicolons[] = "student;email;Q1.1;2.1;3.1.2;3.3.4;;\r\n"
					      "ann;a@x;T;b a;-1/4;1;;\r\n"
					      "\"Smith, Carol\";s@x;F;A;0.25;\n"
					      "bob;b@x;T\n"
					      " ;c@x;T;AB;1;x\n"
					      "cat;d@x;T;AZ;1;2\n"
					      "\"multi\nline\";;;;;\n"
					      "dee;e@x;true;abd;-0.25;0.5;extra\n";

static void test_roster_grade_semicolons_by_hand(void **state)
{
	static const size_t chunks[] = {0, 1, 2, 3, 5, 8, 13, 40, 100};
	static const char given[] = {0, ';'};
	ec_grader g;
	ec_error err;
	size_t c, k;
	unsigned t;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (k = 0; k < 2; k++) {
		for (t = 1; t <= 2; t++) {
			for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
				outcome o;

				delimiter = given[k];
				grade_text(&g, small_roster_semicolons, sizeof(small_roster_semicolons) - 1, t,
					   chunks[c], NULL, NULL, &o);
				delimiter = 0;
				assert_int_equal(o.status, EC_OK);
				assert_string_equal(o.out, small_graded);
				assert_string_equal(o.msgs, small_messages);
				free(o.out);
			}
		}
	}
	ec_grader_free(&g);
}

/*
 * Headers as course systems write them: an item id at the start followed by
 * a blank, ':', ')', '-' or ',' names the item; a number such as "2.0" (a
 * points column) and an id with letters glued to it name none.
 */
static void test_roster_columns_leading_ids(void **state)
{
	char *fields[] = {"Name", "1.1: True or false? (2.0 pts)", "Q2.1 Options", "3.1.2 - gradient",
			  "3.2.1.1.dims. Shape", "2.0", "2.2x", "3.3.3) mask", "q3.3.4,why"};
	const long want[] = {EC_ROSTER_COLUMN_DATA, T11, MC_AB, NUM, DIMS, EC_ROSTER_COLUMN_DATA,
			     EC_ROSTER_COLUMN_DATA, MASK, MANUAL};
	long cols[9];
	ec_grader g;
	ec_error err;
	size_t c;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_grade_roster_columns(&g, fields, 9, 0, NULL, "r.csv", 1, cols, &err), EC_OK);
	for (c = 0; c < 9; c++)
		if (cols[c] != want[c])
			fail_msg("column %zu ('%s'): %ld, expected %ld", c, fields[c], cols[c], want[c]);
	/* the id in column 5: "2.0" is the id, "Name" data */
	assert_int_equal(ec_grade_roster_columns(&g, fields, 9, 5, NULL, "r.csv", 1, cols, &err), EC_OK);
	assert_int_equal(cols[0], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[5], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(cols[1], T11);
	ec_grader_free(&g);
}

/* Parse a column map from a C string. */
static ec_status map_of(ec_column_map *m, const char *text, ec_error *err)
{
	ec_error_clear(err);
	return ec_column_map_parse(m, text, strlen(text), "map.csv", err);
}

/*
 * A column map: "header,item" records (a heading skipped; ';' found like a
 * roster's), a header matched whole in any case or as the start before a
 * ':' (Canvas's "1409981: ..."); bad lines refused at their line.
 */
static void test_column_map_parse_and_find(void **state)
{
	ec_column_map m;
	ec_error err;

	(void)state;
	assert_int_equal(map_of(&m, "header,item\n\"Whitening, then PCA?\",Q1.1\n 1409981 ,2.1\n", &err),
			 EC_OK);
	assert_int_equal(m.count, 2);
	assert_string_equal(m.entries[0].header, "Whitening, then PCA?");
	assert_string_equal(m.entries[0].id, "1.1");
	assert_int_equal(m.entries[0].line, 2);
	assert_string_equal(m.entries[1].header, "1409981");
	assert_int_equal(ec_column_map_find(&m, " whitening, THEN pca? "), 0);
	assert_int_equal(ec_column_map_find(&m, "1409981: <p>Which options hold?</p>"), 1);
	assert_int_equal(ec_column_map_find(&m, "14099812: other"), -1);
	assert_int_equal(ec_column_map_find(&m, "Whitening"), -1);
	assert_int_equal(ec_column_map_find(NULL, "x"), -1);
	ec_column_map_free(&m);
	/* no heading, ';' */
	assert_int_equal(map_of(&m, "Antwort 1;1.1\r\nAntwort 2;2.1\r\n", &err), EC_OK);
	assert_int_equal(m.count, 2);
	assert_string_equal(m.entries[1].header, "Antwort 2");
	ec_column_map_free(&m);
	assert_int_equal(map_of(&m, "a,1.1\nb,2.1,x\n", &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "a line of a column map has two fields: a header and an item id");
	assert_int_equal(map_of(&m, "a,1.1\n ,2.1\n", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "the header text is empty");
	assert_int_equal(map_of(&m, "a,1.1\nb,\n", &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'' is not an item id");
	/* headers match in any case: "A" is "a" again */
	assert_int_equal(map_of(&m, "a,1.1\nb,2.1\nA,2.2\n", &err), EC_ERR_PARSE);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "header 'a' is also mapped on line 1");
	assert_int_equal(map_of(&m, "header,item\n", &err), EC_ERR_PARSE);
	assert_int_equal(m.count, 0);
}

/*
 * A Google Forms-like export graded by hand: the id is the third column
 * ("Email"), two answers are named by the map, one header starts with its
 * id. ann: T 2, "A, B" = AB 4, -1/4 5: 11; bob: F -1, A 2, 0.25 0: 1. The
 * output has the id first, then the data columns in their order. "Q 2.2"
 * looks like 2.2 mistyped: a warning naming it; the map's line for a
 * question the form lacks, another.
 */
static void test_roster_grade_id_column_and_map(void **state)
{
	static const char roster[] = "Timestamp,Score,Email,Is it true?,Which hold?,3.1.2 (a fraction),Q 2.2\n"
				     "t1,0,ann@x,True,\"A, B\",-1/4,\n"
				     "t2,0,bob@x,F,A,0.25,C\n";
	static const char graded[] =
		"Email,Timestamp,Score,Q 2.2,total,section.1,section.2,section.3,1.1,2.1,3.1.2,flagged\n"
		"ann@x,t1,0,,11,2,4,5,2,4,5,\n"
		"bob@x,t2,0,C,1,-1,2,0,-1,2,0,\n";
	static const char messages[] =
		"map.csv:4: no column of r.csv is 'Not asked'; the line is not used\n"
		"r.csv:1:7: column 'Q 2.2' names no item of the key (is it 2.2?); it is kept as data\n";
	static const size_t chunks[] = {0, 1, 7, 100};
	ec_column_map m;
	ec_grader g;
	ec_error err;
	size_t c;
	unsigned t;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(map_of(&m, "header,item\nIs it true?,1.1\nWhich hold?,2.1\nNot asked,1.1\n",
				&err), EC_OK);
	for (t = 1; t <= 2; t++) {
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			outcome o;

			id_column = "email";
			column_map = &m;
			grade_text(&g, roster, sizeof(roster) - 1, t, chunks[c], NULL, NULL, &o);
			assert_int_equal(o.status, EC_OK);
			assert_string_equal(o.out, graded);
			assert_string_equal(o.msgs, messages);
			free(o.out);
			/* an id column the header lacks; a map naming an item of no key */
			id_column = "sid";
			grade_text(&g, roster, sizeof(roster) - 1, t, chunks[c], NULL, NULL, &o);
			assert_int_equal(o.status, EC_ERR_PARSE);
			assert_string_equal(o.err.msg, "no column of the header is 'sid' (the student id "
						       "column asked for)");
			free(o.out);
			id_column = NULL;
			column_map = NULL;
		}
	}
	ec_column_map_free(&m);
	assert_int_equal(map_of(&m, "Is it true?,3.9\n", &err), EC_OK);
	column_map = &m;
	{
		outcome o;

		grade_text(&g, roster, sizeof(roster) - 1, 1, 0, NULL, NULL, &o);
		assert_int_equal(o.status, EC_ERR_PARSE);
		assert_string_equal(o.err.file, "map.csv");
		assert_int_equal(o.err.line, 1);
		assert_string_equal(o.err.msg, "'3.9' is not an item of the key");
		free(o.out);
	}
	column_map = NULL;
	ec_column_map_free(&m);
	ec_grader_free(&g);
}

/* The callbacks see the student id first, in the header and in every row. */
static bool id_first(void *ctx, const ec_roster_row *row)
{
	outcome *o = ctx;

	if (row->nfields < 2 || strncmp(row->fields[0], "ann", 3) != 0 || strcmp(row->fields[1], "t") != 0)
		o->sum.lost = 99;
	return true;
}

static void test_roster_grade_id_column_in_rows(void **state)
{
	static const char roster[] = "when,1.1,sid\nt,T,ann\nt,F,ann2\n";
	ec_grader g;
	ec_error err;
	outcome o;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	id_column = "SID";
	grade_text(&g, roster, sizeof(roster) - 1, 1, 0, id_first, NULL, &o);
	id_column = NULL;
	assert_int_equal(o.status, EC_OK);
	assert_int_equal(o.sum.graded, 2);
	assert_int_equal(o.sum.lost, 0);
	assert_string_equal(o.out, "sid,when,total,section.1,section.2,section.3,1.1,flagged\n"
				   "ann,t,2,2,0,0,2,\n"
				   "ann2,t,-1,-1,0,0,-1,\n");
	free(o.out);
	ec_grader_free(&g);
}

/* The results handed to on_row are the row's, by hand as above. */
typedef struct seen {
	outcome o;
	int rows;
	double totals[8];
	long lines[8];
	double s3[8];
	ec_grade_result r21[8], r334[8];
	char flagged[8][32];
	bool header_seen;
} seen;

static bool remember(void *ctx, const ec_roster_row *row)
{
	seen *s = ctx;

	assert_true(s->header_seen);
	assert_true(s->rows < 8);
	s->totals[s->rows] = row->total;
	s->lines[s->rows] = row->line;
	s->s3[s->rows] = row->sections[2];
	s->r21[s->rows] = row->results[MC_AB];
	s->r334[s->rows] = row->results[MANUAL];
	snprintf(s->flagged[s->rows], sizeof(s->flagged[0]), "%s", row->flagged);
	assert_int_equal(row->results[MC_C].verdict, EC_VERDICT_BLANK); /* no column */
	if (s->rows == 1) {
		assert_string_equal(row->fields[0], "Smith, Carol");
		assert_int_equal(row->lens[0], 12);
		assert_string_equal(row->fields[1], "s@x");
		assert_int_equal(row->nfields, 6);
	}
	s->rows++;
	return true;
}

static bool check_header(void *ctx, const ec_roster_header *h)
{
	seen *s = ctx;

	assert_int_equal(s->rows, 0); /* before any row */
	assert_int_equal(h->nnames, 6); /* the two empty names at the end left out */
	assert_string_equal(h->names[1], "email");
	assert_int_equal(h->item[1], EC_ROSTER_COLUMN_DATA);
	assert_int_equal(h->item[2], T11);
	assert_int_equal(h->nitems, 4);
	assert_int_equal(h->items[0], T11);
	assert_int_equal(h->items[1], MC_AB);
	assert_int_equal(h->items[2], NUM);
	assert_int_equal(h->items[3], MANUAL);
	s->header_seen = true;
	return true;
}

static void test_roster_grade_on_row(void **state)
{
	static const double totals[] = {12, 1, 2, 6, 2, 0, 9.5};
	static const long lines[] = {2, 3, 4, 5, 6, 7, 9};
	ec_roster_options opts;
	ec_roster_summary sum;
	ec_grader g;
	ec_error err;
	seen s;
	FILE *in;
	int i;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	memset(&s, 0, sizeof(s));
	in = fmemopen((void *)small_roster, sizeof(small_roster) - 1, "rb");
	memset(&opts, 0, sizeof(opts));
	opts.on_row = remember;
	opts.on_header = check_header;
	opts.on_report = collect_bad;
	opts.ctx = &s; /* collect_bad writes into s.o, its first member */
	opts.chunk_bytes = 7;
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	assert_true(s.header_seen);
	assert_int_equal(s.rows, 7);
	for (i = 0; i < 7; i++) {
		assert_true(s.totals[i] == totals[i]);
		assert_int_equal(s.lines[i], lines[i]);
	}
	assert_true(s.s3[0] == 6 && s.s3[6] == 5.5);
	assert_int_equal(s.r21[0].verdict, EC_VERDICT_RIGHT);
	assert_int_equal(s.r21[0].letters, 3); /* A and B */
	assert_int_equal(s.r21[1].verdict, EC_VERDICT_PARTIAL);
	assert_int_equal(s.r21[2].verdict, EC_VERDICT_BLANK);
	assert_int_equal(s.r21[4].verdict, EC_VERDICT_UNREADABLE);
	assert_int_equal(s.r334[0].verdict, EC_VERDICT_RIGHT);  /* 1 of 1 */
	assert_int_equal(s.r334[1].verdict, EC_VERDICT_MANUAL); /* no mark yet */
	assert_int_equal(s.r334[4].verdict, EC_VERDICT_UNREADABLE);
	assert_int_equal(s.r334[6].verdict, EC_VERDICT_PARTIAL);
	assert_string_equal(s.flagged[0], "");
	assert_string_equal(s.flagged[3], "student 3.3.4");
	assert_string_equal(s.o.msgs, small_messages);
	ec_grader_free(&g);
}

/*
 * Every way a record can meet a chunk's end: quoted line breaks, CRLF, a
 * lone CR, doubled quotes, empty lines, bad rows and, last, a quote that
 * is never closed. Whatever the chunk size and the number of threads, the
 * output and the messages are those of one thread reading it whole.
 */
static const char tricky_roster[] =
	"\xEF\xBB\xBFstudent,1.1,2.1,3.1.2\n"
	"\"a\nb\",T,\"A,B\",-0.25\r\n"
	"\r\n"
	"c,F,\"B\",1\r"
	"\"say \"\"hi\"\"\",true,abd,0.25\n"
	"d,T,AZ,1\n"
	"e,T\n"
	"\n\n"
	"\"f\r\ng\",,\"\",\n"
	"h,x,A,1\n"
	"i,T,A,-1/4\n"
	"j,\"T\"x,A,1\n"
	"k,F,D,0\n"
	"l,T,\"A\nZ\",2\n"
	"o,T\"x,A,1\n"
	"p,\"T\"q\"\",A,1\n"
	"m,\"T,A,1\n"
	"n,F,A,1\n";

static void test_roster_grade_every_chunk_boundary(void **state)
{
	outcome want, got;
	ec_grader g;
	ec_error err;
	size_t chunk;
	unsigned t;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	grade_text(&g, tricky_roster, sizeof(tricky_roster) - 1, 1, 1 << 20, NULL, NULL, &want);
	assert_int_equal(want.status, EC_OK);
	/*
	 * By hand: every record is graded; d (AZ), e (two fields), h (x) and l
	 * (Z) with a flag, and j (text after a closing quote), o (a quote in an
	 * unquoted field: no quoting, the line ends the record) and p (text
	 * after a closing quote, the rest of the line read with its quotes as
	 * text) with 1.1 unreadable: 0, A (one missing) 2, 1 not -0.25: 0,
	 * total 2. c: F -1, B (one missing) 2, 1 is not -0.25: 0. m's quote is
	 * never closed: its record ends with its line, 1.1 unreadable (0, its
	 * flag), 2.1 and 3.1.2 blank (0); n, on the line after, is a student of
	 * its own: F -1, A (one missing) 2, 1 not -0.25: 0, total 1.
	 */
	assert_int_equal(want.sum.graded, 15);
	assert_int_equal(want.sum.lost, 0);
	assert_int_equal(want.sum.flagged_rows, 8);
	assert_string_equal(want.out,
			    "student,total,section.1,section.2,section.3,1.1,2.1,3.1.2,flagged\n"
			    "\"a\nb\",11,2,4,5,2,4,5,\n"
			    "c,1,-1,2,0,-1,2,0,\n"
			    "\"say \"\"hi\"\"\",4,2,2,0,2,2,0,\n"
			    "d,2,2,0,0,2,0,0,2.1\n"
			    "e,2,2,0,0,2,0,0,fields\n"
			    "\"f\r\ng\",0,0,0,0,0,0,0,\n"
			    "h,2,0,2,0,0,2,0,1.1\n"
			    "i,9,2,2,5,2,2,5,\n"
			    "j,2,0,2,0,0,2,0,1.1\n"
			    "k,-1,-1,0,0,-1,0,0,\n"
			    "l,2,2,0,0,2,0,0,2.1\n"
			    "o,2,0,2,0,0,2,0,1.1\n"
			    "p,2,0,2,0,0,2,0,1.1\n"
			    "m,0,0,0,0,0,0,0,1.1\n"
			    "n,1,-1,2,0,-1,2,0,\n");
	assert_non_null(strstr(want.msgs, "r.csv:7: column '2.1': 'AZ' is not an option of 2.1\n"));
	assert_non_null(strstr(want.msgs, "r.csv:8: row has 2 fields, the header 4"));
	assert_non_null(strstr(want.msgs, "r.csv:13: column '1.1'"));
	assert_non_null(strstr(want.msgs, "r.csv:15: column '1.1': text after a closing quote; its "
					 "answer is unreadable\n"));
	assert_non_null(strstr(want.msgs, "r.csv:17: column '2.1'"));
	assert_non_null(strstr(want.msgs, "r.csv:19: column '1.1': quote inside an unquoted field; "
					 "its answer is unreadable\n"));
	assert_non_null(strstr(want.msgs, "r.csv:20: column '1.1': text after a closing quote; its "
					 "answer is unreadable\n"));
	assert_non_null(strstr(want.msgs, "r.csv:21: column '1.1': quoted field is not closed: read to the end "
					 "of its line, the lines after it graded as rows of their own; its "
					 "answer is unreadable\n"));
	for (t = 1; t <= 2; t++) {
		for (chunk = 1; chunk <= sizeof(tricky_roster) + 1; chunk++) {
			grade_text(&g, tricky_roster, sizeof(tricky_roster) - 1, t, chunk, NULL, NULL, &got);
			if (got.status != want.status || strcmp(got.out, want.out) != 0 ||
			    strcmp(got.msgs, want.msgs) != 0)
				fail_msg("%u threads, chunks of %zu bytes:\n%s\n%s", t, chunk, got.out, got.msgs);
			free(got.out);
		}
	}
	free(want.out);
	ec_grader_free(&g);
}

/*
 * Records that repeat answers already seen are read in one pass straight
 * from the chunk; every line end (LF, CRLF, a lone CR, none at the end)
 * and quoted or unquoted answers give the totals worked by hand: T AB
 * -0.25 is 2 + 4 + 5 = 11 (sections 2 4 5); F "A,B" 0.25 is -1 + 4 + 0 = 3.
 */
static void test_roster_grade_one_pass_records(void **state)
{
	static const char *const rows[] = {"%s1,T,AB,-0.25\n",   "%s2,T,AB,-0.25\r\n",
					   "%s3,\"T\",\"AB\",-0.25\n", "%s4,F,\"A,B\",0.25\r",
					   "%s5,T,AB,-0.25\n",   "%s6,F,\"A,B\",0.25\n"};
	static const char *const want_rows[] = {"%s1,11,2,4,5,2,4,5,\n", "%s2,11,2,4,5,2,4,5,\n",
						"%s3,11,2,4,5,2,4,5,\n", "%s4,3,-1,4,0,-1,4,0,\n",
						"%s5,11,2,4,5,2,4,5,\n", "%s6,3,-1,4,0,-1,4,0,\n"};
	static const char *const blocks[] = {"a", "b", "c", "d", "e"};
	char text[2048], want[4096];
	size_t n = 0, m = 0, i, k, chunk;
	ec_grader g;
	ec_error err;
	outcome o;
	unsigned t;

	(void)state;
	n += (size_t)sprintf(text, "student,1.1,2.1,3.1.2\n");
	m += (size_t)sprintf(want, "student,total,section.1,section.2,section.3,1.1,2.1,3.1.2,flagged\n");
	for (k = 0; k < 5; k++) {
		for (i = 0; i < 6; i++) {
			n += (size_t)sprintf(text + n, rows[i], blocks[k]);
			m += (size_t)sprintf(want + m, want_rows[i], blocks[k]);
		}
	}
	n += (size_t)sprintf(text + n, "z,T,AB,-0.25"); /* no line end at the end */
	m += (size_t)sprintf(want + m, "z,11,2,4,5,2,4,5,\n");
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (t = 1; t <= 2; t++) {
		for (chunk = 0; chunk < 120; chunk += chunk < 20 ? 1 : 17) {
			grade_text(&g, text, n, t, chunk, NULL, NULL, &o);
			assert_int_equal(o.status, EC_OK);
			if (strcmp(o.out, want) != 0)
				fail_msg("%u threads, chunks of %zu bytes:\n%s", t, chunk, o.out);
			assert_string_equal(o.msgs, "");
			free(o.out);
		}
	}
	ec_grader_free(&g);
}

/*
 * A record on one line longer than EC_CSV_RECORD_MAX is one bad row at
 * the line where it starts; the rows after it keep their line numbers.
 * Padded to 1.05 MB the record still fits in a chunk and the CSV reader
 * refuses it; padded to 1.2 MB the chunker gives up on it first.
 */
static void record_too_long(size_t pad)
{
	size_t cap = 200 + pad, n = 0;
	char *text = malloc(cap);
	outcome o;
	ec_grader g;
	ec_error err;
	unsigned t;

	assert_non_null(text);
	n += (size_t)sprintf(text + n, "student,1.1\nann,T\nbob,\"");
	memset(text + n, 'y', pad);
	n += pad;
	n += (size_t)sprintf(text + n, "\"\ncy,Z\ndee,F\n");
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (t = 1; t <= 2; t++) {
		grade_text(&g, text, n, t, 0, NULL, NULL, &o);
		assert_int_equal(o.status, EC_OK);
		assert_string_equal(o.out, "student,total,section.1,section.2,section.3,1.1,flagged\n"
					   "ann,2,2,0,0,2,\n"
					   "cy,0,0,0,0,0,1.1\n"
					   "dee,-1,-1,0,0,-1,\n");
		assert_int_equal(o.sum.lost, 1);
		assert_int_equal(o.sum.flagged_cells, 1);
		if (strncmp(o.msgs, "r.csv:3: record is longer than 1 MiB\nr.csv:4: column '1.1': ",
			    58) != 0)
			fail_msg("messages: %s", o.msgs);
		free(o.out);
	}
	ec_grader_free(&g);
	free(text);
}

static void test_roster_grade_record_too_long(void **state)
{
	(void)state;
	record_too_long(1050000);
	record_too_long(1200000);
}

/*
 * A quoted field that runs on over EC_CSV_RECORD_MAX bytes past its first
 * line is not closed, as if the input had ended in it: its student is
 * graded from its first line (the answer unreadable) and the lines after
 * it are rows of their own, however far the quote goes (here 300000 line
 * breaks, then a quote after 0.45 or 0.6 MB more: it would close, 1.05 or
 * 1.2 MB on). Before, the record was lost with every line it swallowed,
 * and with a quote that never closes, every student after it. The 299999
 * lines "x" after bob's are rows of one field (flagged), the line with
 * the quote one more; cy and dee keep their line numbers.
 */
/* The line of the row whose student is "cy". */
static long cy_line;

static bool note_cy(void *ctx, const ec_roster_row *row)
{
	(void)ctx;
	if (row->nfields && strcmp(row->fields[0], "cy") == 0)
		cy_line = row->line;
	return true;
}

static void quote_runs_too_far(size_t pad, bool closes)
{
	const size_t breaks = 300000;
	size_t cap = 200 + 2 * breaks + pad, n = 0, i;
	char *text = malloc(cap), tail[64];
	outcome o, one;
	ec_grader g;
	ec_error err;
	unsigned t;

	assert_non_null(text);
	n += (size_t)sprintf(text + n, "student,1.1\nann,T\nbob,\"");
	for (i = 0; i < breaks; i++) {
		text[n++] = 'x';
		text[n++] = '\n';
	}
	memset(text + n, 'y', pad);
	n += pad;
	n += (size_t)sprintf(text + n, "%s\ncy,Z\ndee,F\n", closes ? "\"" : "");
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	grade_text(&g, text, n, 1, 0, NULL, NULL, &one);
	for (t = 1; t <= 2; t++) {
		cy_line = 0;
		grade_text(&g, text, n, t, 0, note_cy, NULL, &o);
		assert_int_equal(o.status, EC_OK);
		assert_int_equal(o.sum.lost, 0);
		/* the first x stands on bob's line */
		assert_int_equal(o.sum.graded, 2 + (breaks - 1) + 1 + 2);
		assert_non_null(strstr(o.out, "\nbob,0,0,0,0,0,1.1\nx,0,0,0,0,0,fields\n"));
		snprintf(tail, sizeof(tail), "\ncy,0,0,0,0,0,1.1\ndee,-1,-1,0,0,-1,\n");
		assert_true(strlen(o.out) > strlen(tail));
		assert_string_equal(o.out + strlen(o.out) - strlen(tail), tail);
		assert_non_null(strstr(o.msgs, "r.csv:3: column '1.1': quoted field is not closed"));
		assert_int_equal(cy_line, (long)(3 + breaks + 1)); /* after 'yyy...' on 300003 */
		/* two threads: the same bytes as one */
		assert_string_equal(o.out, one.out);
		assert_string_equal(o.msgs, one.msgs);
		free(o.out);
	}
	free(one.out);
	ec_grader_free(&g);
	free(text);
}

static void test_roster_grade_quote_runs_too_far(void **state)
{
	(void)state;
	quote_runs_too_far(450000, true);
	quote_runs_too_far(600000, true);
	quote_runs_too_far(600000, false);
}

/*
 * A repeated student id is graded each time and warned about, naming the
 * line where it first stood: ann on lines 2, 4 and 6 (" ann " is ann too),
 * bob once. The warnings come after the rows' messages, once the spool of
 * ids has been read back.
 */
static const char repeats[] = "student,1.1\nann,T\nbob,F\n ann ,T\ncy,x\nann,F\n";

static void test_roster_grade_repeated_ids(void **state)
{
	static const char want[] =
		"r.csv:5: column '1.1': 'x' is not true or false (T, F, True, False)\n"
		"r.csv:4: student id ' ann ' is repeated (first on line 2); each row is graded\n"
		"r.csv:6: student id 'ann' is repeated (first on line 2); each row is graded\n";
	ec_grader g;
	ec_error err;
	outcome o;
	unsigned t;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (t = 1; t <= 2; t++) {
		grade_text(&g, repeats, sizeof(repeats) - 1, t, 5, NULL, NULL, &o);
		assert_int_equal(o.status, EC_OK);
		assert_int_equal(o.sum.graded, 5);
		assert_int_equal(o.sum.warnings, 2);
		assert_string_equal(o.msgs, want);
		free(o.out);
	}
	ec_grader_free(&g);
}

/* 200000 different ids from a file: the filter's false alarms are all dropped. */
static void test_roster_grade_no_false_repeats(void **state)
{
	ec_roster_options opts;
	ec_grader g;
	ec_error err;
	outcome o;
	FILE *f = tmpfile();
	long i;

	(void)state;
	assert_non_null(f);
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	fputs("student,1.1\n", f);
	for (i = 0; i < 200000; i++)
		fprintf(f, "s%ld,T\n", i * 7919);
	rewind(f);
	memset(&o, 0, sizeof(o));
	memset(&opts, 0, sizeof(opts));
	opts.on_report = collect_bad;
	opts.ctx = &o;
	assert_int_equal(ec_roster_grade(&g, f, "r.csv", &opts, &o.sum, &err), EC_OK);
	assert_int_equal(o.sum.graded, 200000);
	assert_int_equal(o.sum.warnings, 0);
	assert_string_equal(o.msgs, "");
	fclose(f);
	ec_grader_free(&g);
}

static void test_roster_grade_bad_input(void **state)
{
	outcome o;
	ec_grader g;
	ec_error err;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	grade_text(&g, "", 0, 0, 0, NULL, NULL, &o);
	assert_int_equal(o.status, EC_ERR_PARSE);
	assert_non_null(strstr(o.err.msg, "file is empty"));
	assert_string_equal(o.out, ""); /* nothing written */
	free(o.out);
	grade_text(&g, "\xEF\xBB\xBF\n\n", 5, 0, 0, NULL, NULL, &o);
	assert_int_equal(o.status, EC_ERR_PARSE);
	assert_non_null(strstr(o.err.msg, "file is empty"));
	free(o.out);
	grade_text(&g, "name,1.1,q1.1\nann,T\n", 19, 0, 0, NULL, NULL, &o);
	assert_int_equal(o.status, EC_ERR_PARSE);
	assert_string_equal(o.err.msg, "item '1.1' is also column 2");
	assert_int_equal(o.err.line, 1);
	assert_string_equal(o.out, "");
	free(o.out);
	grade_text(&g, "\n\nstudent,9.9\n", 14, 0, 0, NULL, NULL, &o);
	assert_int_equal(o.status, EC_ERR_PARSE);
	assert_non_null(strstr(o.err.msg, "no column of the header names an item"));
	assert_int_equal(o.err.line, 3);
	free(o.out);
	/* a header alone: no rows, no messages; any name for the id column */
	grade_text(&g, "id,1.1", 6, 0, 0, NULL, NULL, &o);
	assert_int_equal(o.status, EC_OK);
	assert_string_equal(o.out, "id,total,section.1,section.2,section.3,1.1,flagged\n");
	assert_int_equal(o.sum.graded + o.sum.lost, 0);
	free(o.out);
	ec_grader_free(&g);
}

/* The answers a generated roster picks from: every form, blanks, padding, long and bad texts. */
static const char *const roster_answers[NITEMS][14] = {
	[T11] = {"T", "F", "", "t", "True", "false", " T ", "x", "FALSE", "true ", NULL},
	[MC_AB] = {"AB", "ab", "A", "B", "b,a", "A B C", "CD", "", "AZ", "A;B;C;D", "abcd",
		   "  a , b  ,  c , d    ", NULL},
	[MC_C] = {"C", "c", "D", "A,C", "", "BCD", "E", NULL},
	[NUM] = {"-0.25", "-1/4", "-2.5e-1", "0.25", "", "7", "-0.2500000001", "1/0", "abc",
		 "-0.250000000000000000000000", "-0.2500001", "-0.2500000", NULL},
	[DIMS] = {"16x8x64x64", "16 x 8 x 64 x 64", "16*8*64*64", "8x16x64x64", "", "16x8x64",
		  "16x8x64x64 x 2", "12x", "16 \xC3\x97 8 \xC3\x97 64 \xC3\x97 64", "16x8x64x32",
		  "16x8x64x64x1", NULL},
	[COUNT] = {"6000", "6e3", "6000.0", "", "5999", "60x100", "-1", "6000 ", "99999999999999999999",
		   NULL},
	[MASK] = {"010111010", "0 1 0 1 1 1 0 1 0", "010,111,010", "", "000000000", "0101110101", "012",
		  NULL},
	[MANUAL] = {"1", "", "0", "0.5", "1/2", "2", "x", "-1", " 1 ", NULL},
};

/* Append `s` to the CSV text at *n as one field, quoted when it must be (or, now and then, when not). */
static void put_field(char *text, size_t *n, const char *s, bool quote)
{
	if (!quote && !s[strcspn(s, ",\"\r\n")]) {
		*n += (size_t)sprintf(text + *n, "%s", s);
		return;
	}
	text[(*n)++] = '"';
	for (; *s; s++) {
		if (*s == '"')
			text[(*n)++] = '"';
		text[(*n)++] = *s;
	}
	text[(*n)++] = '"';
}

/*
 * A generated roster of 6000 rows graded two ways gives the same numbers:
 * by ec_roster_grade() (answer codes, sums along the plan; in chunks of
 * several sizes, with one thread and two), and cell by cell:
 * ec_grader_read() and ec_grader_score() (ec_grader_read_mark() for the
 * item scored by hand) on each answer, 0 and unreadable where that fails,
 * added up by ec_grade_sum(). The flagged items are the unreadable ones.
 */
enum { NCOLS = 9, ROWS = 6000 };
static const char *const gen_header[NCOLS] = {"student", "3.3.3", "1.1", "2.1", "3.3.4", "3.1.2",
					      "2.2", "3.2.1.1.weights", "3.2.1.1.dims"};

typedef struct generated {
	outcome o;                          /* first: collect_bad writes here */
	const ec_grader *g;
	const char *picked[ROWS][NCOLS];
	size_t graded, flagged;
} generated;

/* The cell-by-cell way for the row on `line`; the flagged ids, space-separated, in *flags. */
static double grade_by_cell(generated *x, long line, ec_grade_result *res, double *sections,
			    char *flags)
{
	size_t row = (size_t)line - 2, c, i;

	flags[0] = '\0';
	for (i = 0; i < NITEMS; i++)
		res[i] = x->g->items[i].blank;
	for (c = 1; c < NCOLS; c++) {
		const char *text = x->picked[row][c];
		long item = ec_grader_find(x->g, gen_header[c], strlen(gen_header[c]));
		ec_value v;
		ec_error err;
		ec_status st;

		ec_error_clear(&err);
		if (item == MANUAL) {
			st = ec_grader_read_mark(x->g, (size_t)item, text, strlen(text), &res[item], &err);
		} else {
			st = ec_grader_read(x->g, (size_t)item, text, strlen(text), &v, &err);
			if (st == EC_OK) {
				res[item].points = ec_grader_score(x->g, (size_t)item, &v, &res[item].verdict);
				res[item].letters = v.blank ? 0 : v.letters;
			}
		}
		if (st != EC_OK) {
			res[item].points = 0;
			res[item].verdict = EC_VERDICT_UNREADABLE;
			res[item].letters = 0;
			sprintf(flags + strlen(flags), "%s%s", flags[0] ? " " : "", gen_header[c]);
		}
	}
	return ec_grade_sum(x->g, res, sections);
}

static bool compare_row(void *ctx, const ec_roster_row *row)
{
	generated *x = ctx;
	ec_grade_result slow[NITEMS];
	double total, sections[8];
	char flags[200];
	size_t i;

	total = grade_by_cell(x, row->line, slow, sections, flags);
	for (i = 0; i < NITEMS; i++) {
		const ec_grade_result *fast = &row->results[i];

		if (fast->points != slow[i].points || fast->verdict != slow[i].verdict ||
		    fast->letters != slow[i].letters)
			fail_msg("line %ld item %zu: %.17g %d %u, cell by cell %.17g %d %u", row->line,
				 i, fast->points, (int)fast->verdict, (unsigned)fast->letters,
				 slow[i].points, (int)slow[i].verdict, (unsigned)slow[i].letters);
	}
	assert_true(row->total == total);
	for (i = 0; i < x->g->nsections; i++)
		assert_true(row->sections[i] == sections[i]);
	assert_string_equal(row->flagged, flags);
	x->graded++;
	x->flagged += flags[0] != '\0';
	return true;
}

static void test_roster_grade_generated_matches_sheets(void **state)
{
	static const size_t chunks[] = {0, 100, 4099};
	generated *x = calloc(1, sizeof(*x));
	size_t cap = (size_t)ROWS * 400, n = 0, row, c, k;
	char *text = malloc(cap), *first_out = NULL;
	uint64_t r = 0x9E3779B97F4A7C15u;
	ec_grader g;
	ec_error err;
	unsigned t;

	(void)state;
	assert_non_null(text);
	assert_non_null(x);
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	x->g = &g;
	for (c = 0; c < NCOLS; c++)
		n += (size_t)sprintf(text + n, "%s%s", c ? "," : "", gen_header[c]);
	text[n++] = '\n';
	for (row = 0; row < ROWS; row++) {
		n += (size_t)sprintf(text + n, "s%zu", row);
		for (c = 1; c < NCOLS; c++) {
			long item = ec_grader_find(&g, gen_header[c], strlen(gen_header[c]));
			const char *const *list = roster_answers[item];

			k = 0;
			while (list[k])
				k++;
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			/* the first answer (the key's) three times in five, else any */
			x->picked[row][c] = r % 5 < 3 ? list[0] : list[(r >> 8) % k];
			text[n++] = ',';
			put_field(text, &n, x->picked[row][c], (r >> 20) % 16 == 0);
		}
		n += (size_t)sprintf(text + n, "%s", (r >> 30) % 8 == 0 ? "\r\n" : "\n");
		assert_true(n + 400 < cap);
	}
	for (t = 1; t <= 2; t++) {
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			x->graded = 0;
			x->flagged = 0;
			grade_text(&g, text, n, t, chunks[c], compare_row, x, &x->o);
			assert_int_equal(x->o.status, EC_OK);
			assert_int_equal(x->graded, ROWS);
			assert_int_equal(x->o.sum.flagged_rows, x->flagged);
			/* the lists hold bad answers, so some rows are flagged, most are not */
			assert_true(x->flagged > 100 && x->flagged < ROWS / 2);
			if (!first_out)
				first_out = x->o.out;
			else if (strcmp(first_out, x->o.out) != 0)
				fail_msg("%u threads, chunks of %zu: the output differs", t, chunks[c]);
			if (x->o.out != first_out)
				free(x->o.out);
		}
	}
	free(first_out);
	free(text);
	free(x);
	ec_grader_free(&g);
}

/* The CSV writer's roster callbacks, fed from on_header and on_row. */
typedef struct by_writer {
	outcome o;                  /* first: collect_bad writes here */
	const ec_grader *g;
	ec_roster_header h;
	ec_write_ctx w;
	FILE *out;
} by_writer;

static bool writer_header(void *ctx, const ec_roster_header *h)
{
	by_writer *b = ctx;
	ec_error err;

	assert_int_equal(ec_roster_header_copy(&b->h, h), EC_OK);
	assert_int_equal(ec_write_roster_begin(&b->w, b->out, ec_writer_get(EC_FORMAT_CSV), b->g, &b->h,
					       &err),
			 EC_OK);
	return true;
}

static bool writer_row(void *ctx, const ec_roster_row *row)
{
	by_writer *b = ctx;
	ec_error err;

	assert_int_equal(ec_write_roster_row(&b->w, ec_writer_get(EC_FORMAT_CSV), b->g, &b->h, row, &err),
			 EC_OK);
	return true;
}

/*
 * Two ways to the same CSV: ec_roster_grade() writing it itself (one pass,
 * from a compiled plan) and the CSV writer's roster callbacks writing each
 * row handed to on_row, on rosters with data columns, marks, flagged
 * cells, short rows and quoted ids, one in key order and one not.
 */
static void test_roster_grade_csv_as_the_writer_writes_it(void **state)
{
	static const char *const headers[] = {"id,name,3.3.3,1.1,2.1,3.3.4,3.1.2\n",
					      "student,1.1,2.1,3.1.2,3.2.1.1.dims,3.3.3\n"};
	static const char *const cells[] = {"T", "F", "", "AB", "b,a", "AZ", "-1/4", "0.25", "x",
					    "16x8x64x64", "010111010", "1", "0.5", "2"};
	ec_grader g;
	ec_error err;
	size_t h;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	for (h = 0; h < 2; h++) {
		char text[65536];
		size_t n = (size_t)sprintf(text, "%s", headers[h]), row, c, ncols = h ? 6 : 7;
		uint64_t x = 88172645463325252u;
		ec_roster_options opts;
		ec_roster_summary sum;
		by_writer b;
		char *engine_out, *writer_out;
		size_t engine_len, writer_len;
		FILE *in, *engine;

		for (row = 0; row < 300; row++) {
			n += (size_t)sprintf(text + n, row % 37 ? "s%zu" : "\"s,%zu\"", row);
			for (c = 1; c < ncols - (row % 41 == 0); c++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				n += (size_t)sprintf(text + n, ",%s%s%s", strchr(cells[x % 14], ',') ? "\"" : "",
						     cells[x % 14], strchr(cells[x % 14], ',') ? "\"" : "");
			}
			text[n++] = '\n';
		}
		memset(&b, 0, sizeof(b));
		b.g = &g;
		b.out = open_memstream(&writer_out, &writer_len);
		engine = open_memstream(&engine_out, &engine_len);
		in = fmemopen(text, n, "rb");
		memset(&opts, 0, sizeof(opts));
		opts.out = engine;
		opts.on_header = writer_header;
		opts.on_row = writer_row;
		opts.ctx = &b;
		opts.threads = 2;
		opts.chunk_bytes = 333;
		assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
		assert_int_equal(sum.graded, 300);
		assert_true(sum.flagged_rows > 10);
		fclose(in);
		fclose(engine);
		fclose(b.out);
		assert_string_equal(engine_out, writer_out);
		free(engine_out);
		free(writer_out);
		ec_roster_header_free(&b.h);
	}
	ec_grader_free(&g);
}

/* ---- several keys: a column picks each row's ---- */

/* A grader from `n` items "id kind points answer", under the fixture's rubric. */
static void keyed_grader(ec_grader *g, const char *const (*items)[4], size_t n)
{
	ec_rubric r = {0};
	ec_key key;
	ec_error err;
	size_t i;

	memset(&key, 0, sizeof(key));
	ec_error_clear(&err);
	for (i = 0; i < n; i++) {
		ec_key_kind kind = strcmp(items[i][1], "tf") == 0   ? EC_KEY_TF
				   : strcmp(items[i][1], "mc") == 0 ? EC_KEY_MC
								    : EC_KEY_NUMBER;

		assert_int_equal(ec_key_add(&key, items[i][0], kind, atof(items[i][2]), items[i][3], &err),
				 EC_OK);
	}
	assert_int_equal(ec_rubric_parse(&r, rubric_text, strlen(rubric_text), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(g, &key, &r, &err), EC_OK);
	ec_rubric_free(&r);
	ec_key_free(&key);
}

/* The keys' names: "a" (or blank) is grader 0, "b" grader 1, "c" grader 2, in any case. */
/* The grader a letter names: blank the first, a, b, c (any case) the first to third. */
static const ec_grader *grader_by_letter(void *ctx, const char *cell, size_t len, ec_error *why)
{
	const ec_grader *const *graders = ctx;

	if (len == 0)
		return graders[0];
	if (len == 1 && (*cell | 0x20) >= 'a' && (*cell | 0x20) <= 'c' &&
	    graders[(*cell | 0x20) - 'a'])
		return graders[(*cell | 0x20) - 'a'];
	ec_error_set(why, EC_ERR_PARSE, "'%s' names no key; graded against a", cell);
	return NULL;
}

/* What on_header and on_row saw with several keys. */
typedef struct keyed_seen {
	outcome o; /* first: collect_bad writes here */
	int headers, rows;
	long other[2];          /* item of column 2 (3.1.3) in each grader's header */
	size_t nitems[2];
	size_t grader[8];
	double totals[8], s1[8];
	ec_verdict v11[8];
	const ec_grader *named[3]; /* the graders a to c */
} keyed_seen;

static bool keyed_header(void *ctx, const ec_roster_header *h)
{
	keyed_seen *s = ctx;

	assert_int_equal(h->grader, (size_t)s->headers); /* once a grader, in order */
	assert_int_equal(s->rows, 0);
	s->other[h->grader] = h->item[2];
	s->nitems[h->grader] = h->nitems;
	assert_int_equal(h->item[1], EC_ROSTER_COLUMN_DATA); /* the key column is data */
	s->headers++;
	return true;
}

static bool keyed_row(void *ctx, const ec_roster_row *row)
{
	keyed_seen *s = ctx;

	assert_true(s->rows < 8);
	s->grader[s->rows] = row->grader;
	s->totals[s->rows] = row->total;
	s->s1[s->rows] = row->sections[0];
	s->v11[s->rows] = row->results[0].verdict; /* 1.1 is item 0 of both keys */
	s->rows++;
	return true;
}

static void grade_keyed(const ec_grader *const *graders, size_t n, const char *text, unsigned threads,
			size_t chunk, keyed_seen *s, bool callbacks)
{
	ec_roster_options opts;
	FILE *in = fmemopen((void *)text, strlen(text), "rb");
	FILE *out;

	assert_non_null(in);
	memset(s, 0, sizeof(*s));
	out = open_memstream(&s->o.out, &s->o.out_len);
	memset(&opts, 0, sizeof(opts));
	opts.out = out;
	opts.on_report = collect_bad;
	opts.on_header = callbacks ? keyed_header : NULL;
	opts.on_row = callbacks ? keyed_row : NULL;
	opts.ctx = s;
	opts.threads = threads;
	opts.chunk_bytes = chunk;
	/* up to three graders, a to c; blank or a picks the first, given to the run */
	memset(s->named, 0, sizeof(s->named));
	memcpy(s->named, graders, (n < 3 ? n : 3) * sizeof(*graders));
	opts.key_column = "variant";
	opts.grader_of = grader_by_letter;
	opts.key_ctx = s->named;
	ec_error_clear(&s->o.err);
	s->o.status = ec_roster_grade(s->named[0], in, "r.csv", &opts, &s->o.sum, &s->o.err);
	fclose(out);
	fclose(in);
}

/*
 * Key a: 1.1 T (tf 2, wrong -1), 2.1 AB (mc 4, 2 off per wrong or missing
 * option), 3.1.2 -0.25 (number 5). Key b: 1.1 F, 2.1 AB, and 3.1.3 7
 * instead of 3.1.2. Both have sections 1, 2, 3. By hand:
 *   ann  a      T 2, AB 4, -0.25 5 (3.1.3 is not a's)      11 = 2 + 4 + 5
 *   bob  b      F 2, AB 4, 7 5 (3.1.2 is not b's)          11
 *   cat  blank  (a) F -1, A 2 (B missing), -1/4 5          6 = -1 + 2 + 5
 *   dan  B      (b) T -1, AB 4, 7 5                        8 = -1 + 4 + 5
 *   eve  z      picks none: a, flagged: T 2, AB 4, -0.25 5 11
 *   fay  a      short row: T 2, the rest blank             2, flagged "fields"
 * The item columns are the union in header order, 3.1.3 first as the
 * header has it; each row leaves empty the column its key lacks (fay's
 * blank 3.1.2 scores 0 and is written).
 */
static const char keyed_roster[] = "student,variant,3.1.3,1.1,2.1,3.1.2\n"
				   "ann,a,,T,AB,-0.25\n"
				   "bob,b,7,F,AB,\n"
				   "cat,,7,F,A,-1/4\n"
				   "dan,B,7,T,AB,-0.25\n"
				   "eve,z,,T,AB,-0.25\n"
				   "fay,a,,T\n";
static const char keyed_graded[] =
	"student,variant,total,section.1,section.2,section.3,3.1.3,1.1,2.1,3.1.2,flagged\n"
	"ann,a,11,2,4,5,,2,4,5,\n"
	"bob,b,11,2,4,5,5,2,4,,\n"
	"cat,,6,-1,2,5,,-1,2,5,\n"
	"dan,B,8,-1,4,5,5,-1,4,,\n"
	"eve,z,11,2,4,5,,2,4,5,variant\n"
	"fay,a,2,2,0,0,,2,0,0,fields\n";
static const char keyed_messages[] =
	"r.csv:6: column 'variant': 'z' names no key; graded against a\n"
	"r.csv:7: row has 4 fields, the header 6 (graded with the missing ones blank)\n";

static const char *const key_a[][4] = {{"1.1", "tf", "2", "T"}, {"2.1", "mc", "4", "AB"},
				       {"3.1.2", "number", "5", "-0.25"}};
static const char *const key_b[][4] = {{"1.1", "tf", "2", "F"}, {"2.1", "mc", "4", "AB"},
				       {"3.1.3", "number", "5", "7"}};

static void test_roster_grade_keys_by_hand(void **state)
{
	static const size_t chunks[] = {0, 1, 7, 19, 64};
	static const double totals[] = {11, 11, 6, 8, 11, 2};
	static const size_t graders_of[] = {0, 1, 0, 1, 0, 0};
	ec_grader a, b;
	const ec_grader *both[2] = {&a, &b};
	unsigned t;
	size_t c;
	int i;

	(void)state;
	keyed_grader(&a, key_a, 3);
	keyed_grader(&b, key_b, 3);
	for (t = 1; t <= 2; t++) {
		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			keyed_seen s;

			grade_keyed(both, 2, keyed_roster, t, chunks[c], &s, c % 2 == 0);
			assert_int_equal(s.o.status, EC_OK);
			assert_string_equal(s.o.out, keyed_graded);
			assert_string_equal(s.o.msgs, keyed_messages);
			assert_int_equal(s.o.sum.graded, 6);
			assert_int_equal(s.o.sum.flagged_rows, 2);
			assert_int_equal(s.o.sum.flagged_cells, 0);
			free(s.o.out);
			if (c % 2)
				continue;
			assert_int_equal(s.headers, 2);
			assert_int_equal(s.other[0], EC_ROSTER_COLUMN_OTHER); /* 3.1.3 is b's */
			assert_int_equal(s.other[1], 2);                      /* b's item 2 */
			assert_int_equal(s.nitems[0], 3);
			assert_int_equal(s.nitems[1], 3);
			assert_int_equal(s.rows, 6);
			for (i = 0; i < 6; i++) {
				assert_int_equal(s.grader[i], graders_of[i]);
				assert_true(s.totals[i] == totals[i]);
			}
			assert_true(s.s1[2] == -1 && s.s1[3] == -1);
			assert_int_equal(s.v11[1], EC_VERDICT_RIGHT); /* F under b */
			assert_int_equal(s.v11[3], EC_VERDICT_WRONG); /* T under b */
		}
	}
	ec_grader_free(&a);
	ec_grader_free(&b);
}

/*
 * A key with fewer sections: c has only 1.1 (F). The sections are the
 * union, a's first (1, 2, 3); c's rows leave 2 and 3 empty, and the
 * column 2.1 too:
 *   ann  a  T 2, AB 4   total 6, sections 2 4 0
 *   bob  c  F 2         total 2, section 1 2
 */
static void test_roster_grade_keys_fewer_sections(void **state)
{
	static const char *const key_c[][4] = {{"1.1", "tf", "2", "F"}};
	ec_grader a, cg;
	const ec_grader *both[2] = {&a, NULL};
	keyed_seen s;

	(void)state;
	keyed_grader(&a, key_a, 3);
	keyed_grader(&cg, key_c, 1);
	both[1] = &cg;
	/* pick_by_letter: "c" is grader 2; here grader 1 is named "b" */
	grade_keyed(both, 2, "student,1.1,2.1,Variant \nann,T,AB,a\nbob,F,AB,b\n", 2, 0, &s, false);
	assert_int_equal(s.o.status, EC_OK);
	assert_string_equal(s.o.out, "student,Variant ,total,section.1,section.2,section.3,1.1,2.1,flagged\n"
				     "ann,a,6,2,4,0,2,4,\n"
				     "bob,b,2,2,,,2,,\n");
	free(s.o.out);
	ec_grader_free(&a);
	ec_grader_free(&cg);
}

/* The key column missing or given twice, and graders the run cannot take. */
static void test_roster_grade_keys_bad(void **state)
{
	ec_grader a, b;
	const ec_grader *both[2] = {&a, &b};
	keyed_seen s;
	char msg[300];

	(void)state;
	keyed_grader(&a, key_a, 3);
	keyed_grader(&b, key_b, 3);
	/* no key column: every row against the first */
	grade_keyed(both, 2, "student,1.1,2.1\nann,T,AB\n", 1, 0, &s, false);
	assert_int_equal(s.o.status, EC_OK);
	assert_string_equal(s.o.out, "student,total,section.1,section.2,section.3,1.1,2.1,flagged\n"
				     "ann,6,2,4,0,2,4,\n");
	free(s.o.out);
	grade_keyed(both, 2, "student,variant,1.1,VARIANT\nann,a,T,a\n", 1, 0, &s, false);
	assert_int_equal(s.o.status, EC_ERR_PARSE);
	assert_string_equal(ec_error_format(&s.o.err, msg, sizeof(msg)),
			    "r.csv:1:4: column 'variant' is also column 2");
	free(s.o.out);
	/* a key column where one key was asked for */
	{
		ec_roster_options opts;
		ec_roster_summary sum;
		FILE *in = fmemopen((void *)"student,variant,1.1\nann,a,T\n", 25, "rb");

		memset(&opts, 0, sizeof(opts));
		opts.key_column = "variant";
		ec_error_clear(&s.o.err);
		assert_int_equal(ec_roster_grade(&a, in, "r.csv", &opts, &sum, &s.o.err), EC_ERR_USAGE);
		fclose(in);
	}
	ec_grader_free(&a);
	ec_grader_free(&b);
}

/*
 * roster_peek_column() reads the header (after blank lines and a
 * byte-order mark) and finds the column in any case; what it read, given
 * back as the head of a run, grades as the whole input does. roster_scan_column()
 * hands over each row's cell, blank for a short row, skipping a record
 * the reader cannot split.
 */
typedef struct cells {
	char text[256];
	size_t len;
} cells;

static bool note_cell(void *ctx, const char *cell, size_t len, long line)
{
	cells *c = ctx;

	c->len += (size_t)snprintf(c->text + c->len, sizeof(c->text) - c->len, "%ld:%.*s;", line,
				   (int)len, cell);
	return true;
}

static void test_roster_peek_and_scan_column(void **state)
{
	static const char text[] = "\xEF\xBB\xBF\n\nstudent, Variant ,1.1\n"
				   "ann,7,T\n"
				   "bob\n"
				   "cat,\"x\ny\",F\n"
				   "dan,\"8\"z,T\n"
				   "eve,original,T\n";
	ec_grader g;
	ec_error err;
	char *head;
	size_t head_len;
	long at;
	cells c;
	FILE *in;
	outcome whole, peeked;
	ec_roster_options opts;
	FILE *out;

	(void)state;
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "VARIANT", NULL, &head, &head_len, &at, &err), EC_OK);
	assert_int_equal(at, 1);
	assert_true(head_len >= 25 && memcmp(head, text, head_len) == 0);
	/* the rest after the head, graded with it, is the whole roster graded */
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	grade_text(&g, text, sizeof(text) - 1, 1, 0, NULL, NULL, &whole);
	memset(&peeked, 0, sizeof(peeked));
	out = open_memstream(&peeked.out, &peeked.out_len);
	memset(&opts, 0, sizeof(opts));
	opts.out = out;
	opts.on_report = collect_bad;
	opts.ctx = &peeked;
	opts.chunk_bytes = 5;
	assert_int_equal(roster_grade_run(&g, in, "r.csv", &opts, NULL, head, head_len, &peeked.sum,
					  &err), EC_OK);
	fclose(out);
	assert_string_equal(peeked.out, whole.out);
	assert_string_equal(peeked.msgs, whole.msgs);
	assert_int_equal(peeked.sum.bytes, sizeof(text) - 1);
	free(peeked.out);
	free(whole.out);
	free(head);
	fclose(in);
	/* the cells, from the start */
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	memset(&c, 0, sizeof(c));
	assert_int_equal(roster_scan_column(in, "r.csv", 1, note_cell, &c, &err), EC_OK);
	assert_string_equal(c.text, "4:7;5:;6:x\ny;9:original;");
	fclose(in);
	/* no such column; an empty input */
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "form", NULL, &head, &head_len, &at, &err), EC_OK);
	assert_int_equal(at, -1);
	free(head);
	fclose(in);
	/* the student id column is no such column, whatever its name */
	in = fmemopen((void *)"variant,1.1\nann,T\n", 18, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "variant", NULL, &head, &head_len, &at, &err), EC_OK);
	assert_int_equal(at, -1);
	free(head);
	fclose(in);
	/* with --id-column: that column is skipped, the first is not */
	in = fmemopen((void *)"variant,Email,1.1\n7,a@b,T\n", 26, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "variant", " email ", &head, &head_len, &at,
					    &err), EC_OK);
	assert_int_equal(at, 0);
	free(head);
	fclose(in);
	in = fmemopen((void *)"Time,Variant,1.1\n1,a@b,T\n", 25, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "variant", "variant", &head, &head_len, &at,
					    &err), EC_OK);
	assert_int_equal(at, -1);
	free(head);
	fclose(in);
	in = fmemopen((void *)"\n", 1, "rb");
	assert_int_equal(roster_peek_column(in, "r.csv", "variant", NULL, &head, &head_len, &at, &err), EC_OK);
	assert_int_equal(at, -1);
	assert_int_equal(head_len, 1);
	free(head);
	fclose(in);
	ec_grader_free(&g);
}

/* Every row handed to on_row, as text: line, total, sections, each result, flagged. */
typedef struct digest {
	char text[8192];
	size_t len;
	size_t without_fields; /* rows that came with none */
} digest;

static bool digest_row(void *ctx, const ec_roster_row *row)
{
	digest *d = ctx;
	size_t i;

	d->without_fields += row->nfields == 0;
	d->len += (size_t)snprintf(d->text + d->len, sizeof(d->text) - d->len, "%ld %g %g %g %g |",
				   row->line, row->total, row->sections[0], row->sections[1],
				   row->sections[2]);
	for (i = 0; i < NITEMS; i++)
		d->len += (size_t)snprintf(d->text + d->len, sizeof(d->text) - d->len, " %g/%d/%u",
					   row->results[i].points, (int)row->results[i].verdict,
					   (unsigned)row->results[i].letters);
	d->len += (size_t)snprintf(d->text + d->len, sizeof(d->text) - d->len, " [%s]\n", row->flagged);
	return true;
}

/*
 * Callbacks that read no fields (rows_without_fields, as statistics) are
 * handed the same results, totals, sections and flags, whatever the chunk
 * size and the threads; the rows read in one pass come without fields,
 * the others (new answers, a flagged cell, a short row) with them.
 */
static void test_roster_grade_rows_without_fields(void **state)
{
	static const char text[] = "student,1.1,2.1,2.2,3.1.2\n"
				   "ann,T,AB,C,-0.25\n"
				   "bob,F,A,C,1\n"
				   "cy,T,AZ,C,-0.25\n"
				   "dee,T,AB\n"
				   "eve,,\"B,A\",D,-1/4\n"
				   "fay,T,AB,C,-0.25\n";
	ec_roster_options opts;
	ec_roster_summary sum;
	ec_grader g;
	ec_error err;
	digest want, got;
	unsigned t;
	size_t chunk;
	FILE *in;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	memset(&want, 0, sizeof(want));
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	memset(&opts, 0, sizeof(opts));
	opts.on_row = digest_row;
	opts.ctx = &want;
	opts.threads = 1;
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	assert_int_equal(want.without_fields, 0);
	for (t = 1; t <= 2; t++) {
		for (chunk = 1; chunk <= sizeof(text); chunk += 5) {
			memset(&got, 0, sizeof(got));
			in = fmemopen((void *)text, sizeof(text) - 1, "rb");
			opts.ctx = &got;
			opts.threads = t;
			opts.chunk_bytes = chunk;
			opts.rows_without_fields = true;
			assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
			fclose(in);
			assert_string_equal(got.text, want.text);
		}
	}
	/*
	 * In one chunk and one thread, a row is read in one pass when its
	 * answers were all seen before: fay's (ann's); ann's, bob's and eve's
	 * are new, cy's AZ is unreadable, dee's row is short.
	 */
	memset(&got, 0, sizeof(got));
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	opts.ctx = &got;
	opts.threads = 1;
	opts.chunk_bytes = 0;
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	assert_string_equal(got.text, want.text);
	assert_int_equal(got.without_fields, 1);
	/* fields_for_text_only: 3.1.2's answers are text, so every row comes with its fields */
	memset(&got, 0, sizeof(got));
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	opts.rows_without_fields = false;
	opts.fields_for_text_only = true;
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	assert_string_equal(got.text, want.text);
	assert_int_equal(got.without_fields, 0);
	ec_grader_free(&g);
}

/*
 * fields_for_text_only on a roster of letters alone (tf and mc): rows read
 * in one pass come without fields, as with rows_without_fields, and the
 * results are the same; a row with a flagged cell keeps its fields.
 */
static void test_roster_grade_fields_for_text_only(void **state)
{
	static const char text[] = "student,1.1,2.1,2.2\n"
				   "ann,T,AB,C\n"
				   "bob,F,A,C\n"
				   "cy,T,AZ,C\n"
				   "fay,T,AB,C\n"
				   "gil,F,A,C\n";
	ec_roster_options opts;
	ec_roster_summary sum;
	ec_grader g;
	ec_error err;
	digest want, got;
	FILE *in;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	memset(&want, 0, sizeof(want));
	memset(&got, 0, sizeof(got));
	memset(&opts, 0, sizeof(opts));
	opts.on_row = digest_row;
	opts.threads = 1;
	opts.ctx = &want;
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	opts.ctx = &got;
	opts.fields_for_text_only = true;
	in = fmemopen((void *)text, sizeof(text) - 1, "rb");
	assert_int_equal(ec_roster_grade(&g, in, "r.csv", &opts, &sum, &err), EC_OK);
	fclose(in);
	assert_string_equal(got.text, want.text);
	assert_int_equal(want.without_fields, 0);
	/* fay's and gil's answers were all seen before (ann's, bob's); cy's AZ is flagged */
	assert_int_equal(got.without_fields, 2);
	ec_grader_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_grade_small_by_hand),
		cmocka_unit_test(test_roster_grade_semicolons_by_hand),
		cmocka_unit_test(test_roster_columns_leading_ids),
		cmocka_unit_test(test_column_map_parse_and_find),
		cmocka_unit_test(test_roster_grade_id_column_and_map),
		cmocka_unit_test(test_roster_grade_id_column_in_rows),
		cmocka_unit_test(test_roster_grade_on_row),
		cmocka_unit_test(test_roster_grade_rows_without_fields),
		cmocka_unit_test(test_roster_grade_fields_for_text_only),
		cmocka_unit_test(test_roster_grade_every_chunk_boundary),
		cmocka_unit_test(test_roster_grade_one_pass_records),
		cmocka_unit_test(test_roster_grade_record_too_long),
		cmocka_unit_test(test_roster_grade_quote_runs_too_far),
		cmocka_unit_test(test_roster_grade_repeated_ids),
		cmocka_unit_test(test_roster_grade_no_false_repeats),
		cmocka_unit_test(test_roster_grade_bad_input),
		cmocka_unit_test(test_roster_grade_generated_matches_sheets),
		cmocka_unit_test(test_roster_grade_csv_as_the_writer_writes_it),
		cmocka_unit_test(test_roster_grade_keys_by_hand),
		cmocka_unit_test(test_roster_grade_keys_fewer_sections),
		cmocka_unit_test(test_roster_grade_keys_bad),
		cmocka_unit_test(test_roster_peek_and_scan_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
