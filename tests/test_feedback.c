#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_feedback.h"
#include "grade_fixture.h"

/*
 * Expected names and texts below are written by hand from the rules in
 * ec_feedback.h: which bytes are kept, where '_' goes, how suffixes cut a
 * name, and the report's layout line by line.
 */

static void safe_is(const char *id, size_t len, const char *want)
{
	char out[EC_FEEDBACK_NAME_MAX + 1];

	assert_int_equal(ec_feedback_safe_name(id, len, out), strlen(want));
	assert_string_equal(out, want);
}

#define SAFE_IS(id, want) safe_is(id, sizeof(id) - 1, want)

static void test_feedback_safe_name_kept(void **state)
{
	(void)state;
	SAFE_IS("ann", "ann");
	SAFE_IS("s1234567", "s1234567");
	SAFE_IS("A.b_c-9", "A.b_c-9");
	SAFE_IS("x.", "x.");
}

static void test_feedback_safe_name_replaced(void **state)
{
	(void)state;
	SAFE_IS("a/b", "a_b");
	SAFE_IS("a b", "a_b");
	SAFE_IS("Smith, Carol", "Smith__Carol");
	SAFE_IS("O\"Brien", "O_Brien");
	SAFE_IS("a\\b:c*", "a_b_c_");
	/* ESC [ 3 1 m: ESC and '[' replaced */
	SAFE_IS("\x1b[31m", "__31m");
	SAFE_IS("tab\there\n", "tab_here_");
	/* a NUL inside the id is a byte like any other */
	SAFE_IS("a\0b", "a_b");
	/* DEL and bytes above 0x7f */
	SAFE_IS("x\x7f\x80\xff", "x___");
}

static void test_feedback_safe_name_utf8(void **state)
{
	(void)state;
	/* e-acute is C3 A9: two bytes, two '_' */
	SAFE_IS("Jos\xC3\xA9", "Jos__");
	/* U+674E is E6 9D 8E */
	SAFE_IS("\xE6\x9D\x8E", "___");
	/* O-stroke C3 98, a-ring C3 A5, a space */
	SAFE_IS("\xC3\x98" "degaard \xC3\xA5", "__degaard___");
}

static void test_feedback_safe_name_dots(void **state)
{
	(void)state;
	SAFE_IS(".hidden", "_.hidden");
	SAFE_IS("../x", "_.._x");
	SAFE_IS("..", "_..");
	SAFE_IS(".", "_.");
	SAFE_IS("/etc/passwd", "_etc_passwd");
	SAFE_IS("a/../../b", "a_.._.._b");
}

static void test_feedback_safe_name_empty(void **state)
{
	(void)state;
	SAFE_IS("", "_");
}

static void test_feedback_safe_name_long(void **state)
{
	char id[201], want[101];

	(void)state;
	/* 200 bytes: the first 100 are kept */
	memset(id, 'a', 200);
	id[200] = '\0';
	memset(want, 'a', 100);
	want[100] = '\0';
	safe_is(id, 200, want);
	/* a leading '.' then 199 'b': '_', '.', then 98 'b' make 100 */
	id[0] = '.';
	memset(id + 1, 'b', 199);
	want[0] = '_';
	want[1] = '.';
	memset(want + 2, 'b', 98);
	safe_is(id, 200, want);
	/* 200 two-byte characters: 100 '_' */
	for (size_t i = 0; i < 200; i += 2)
		memcpy(id + i, "\xC3\xA9", 2);
	memset(want, '_', 100);
	safe_is(id, 200, want);
}

static void name_is(ec_feedback_names *names, const char *id, size_t len, const char *want)
{
	char out[EC_FEEDBACK_FILE_SIZE];

	assert_int_equal(ec_feedback_name(names, id, len, out), EC_OK);
	assert_string_equal(out, want);
}

#define NAME_IS(names, id, want) name_is(names, id, sizeof(id) - 1, want)

static void test_feedback_name_same_id_twice(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;

	(void)state;
	NAME_IS(&names, "ann", "ann.txt");
	NAME_IS(&names, "ann", "ann-2.txt");
	NAME_IS(&names, "bob", "bob.txt");
	NAME_IS(&names, "ann", "ann-3.txt");
	assert_int_equal(names.count, 4);
	ec_feedback_names_free(&names);
	assert_null(names.text);
	assert_int_equal(names.count, 0);
}

static void test_feedback_name_safe_names_collide(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;

	(void)state;
	NAME_IS(&names, "a/b", "a_b.txt");
	NAME_IS(&names, "a b", "a_b-2.txt");
	NAME_IS(&names, "a_b", "a_b-3.txt");
	NAME_IS(&names, "", "_.txt");
	NAME_IS(&names, "_", "_-2.txt");
	NAME_IS(&names, ".", "_..txt");
	NAME_IS(&names, "..", "_...txt");
	ec_feedback_names_free(&names);
}

/* Names that differ only in case would be one file where case is ignored: the second gets a suffix. */
static void test_feedback_name_case_ignored(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;

	(void)state;
	NAME_IS(&names, "Ann", "Ann.txt");
	NAME_IS(&names, "ann", "ann-2.txt");
	NAME_IS(&names, "ANN", "ANN-3.txt");
	NAME_IS(&names, "ann-2x", "ann-2x.txt");
	NAME_IS(&names, "ANN-2", "ANN-2-2.txt"); /* ann-2 is taken, in another case */
	NAME_IS(&names, "bob", "bob.txt");
	ec_feedback_names_free(&names);
}

static void test_feedback_name_suffix_taken(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;

	(void)state;
	/* "ann-2" is a student's own id: the second ann skips it */
	NAME_IS(&names, "ann", "ann.txt");
	NAME_IS(&names, "ann-2", "ann-2.txt");
	NAME_IS(&names, "ann", "ann-3.txt");
	/* and the id "ann-2" again: its own suffix */
	NAME_IS(&names, "ann-2", "ann-2-2.txt");
	NAME_IS(&names, "ann-3", "ann-3-2.txt");
	ec_feedback_names_free(&names);
}

static void test_feedback_name_long_ids(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;
	char id[201], want[EC_FEEDBACK_FILE_SIZE];
	int k;

	(void)state;
	/* 200 'a', then 150 'a' and 50 'b': both are 100 'a' when safe */
	memset(id, 'a', 200);
	memset(want, 'a', 100);
	memcpy(want + 100, ".txt", 5);
	name_is(&names, id, 200, want);
	memset(id + 150, 'b', 50);
	/* 98 'a' and "-2" make 100 bytes */
	memcpy(want + 98, "-2.txt", 7);
	name_is(&names, id, 200, want);
	/* up to -9 the cut is 98, from -10 it is 97 */
	for (k = 3; k <= 9; k++) {
		want[99] = (char)('0' + k);
		name_is(&names, id, 200, want);
	}
	memcpy(want + 97, "-10.txt", 8);
	name_is(&names, id, 200, want);
	assert_int_equal(strlen(want), 104);
	ec_feedback_names_free(&names);
}

static void test_feedback_name_many(void **state)
{
	ec_feedback_names names = EC_FEEDBACK_NAMES_INIT;
	char id[32], want[32];
	int i;

	(void)state;
	/* 3000 distinct ids then 1000 copies of one: the table grows past 64 slots */
	for (i = 0; i < 3000; i++) {
		snprintf(id, sizeof(id), "s%d", i);
		snprintf(want, sizeof(want), "s%d.txt", i);
		name_is(&names, id, strlen(id), want);
	}
	NAME_IS(&names, "x", "x.txt");
	for (i = 2; i <= 1000; i++) {
		snprintf(want, sizeof(want), "x-%d.txt", i);
		NAME_IS(&names, "x", want);
	}
	/* every one is still there: s0 again is s0-2 */
	NAME_IS(&names, "s0", "s0-2.txt");
	NAME_IS(&names, "s2999", "s2999-2.txt");
	assert_int_equal(names.count, 4002);
	assert_true(2 * names.count <= names.nslots);
	ec_feedback_names_free(&names);
}

static void test_feedback_question_longest(void **state)
{
	static const char *const q[] = {"1.1", "2.1", "2.10", "3", "3.2", "3.2.1"};

	(void)state;
	assert_string_equal(ec_feedback_question("1.1", q, 6), "1.1");
	assert_string_equal(ec_feedback_question("2.1", q, 6), "2.1");
	assert_string_equal(ec_feedback_question("2.10", q, 6), "2.10");
	assert_string_equal(ec_feedback_question("3.2.1.1.dims", q, 6), "3.2.1");
	assert_string_equal(ec_feedback_question("3.2.2.1", q, 6), "3.2");
	assert_string_equal(ec_feedback_question("3.3.4", q, 6), "3");
	assert_null(ec_feedback_question("1.10", q, 6));
	assert_null(ec_feedback_question("2.1x", q, 6));
	assert_null(ec_feedback_question("4.1", q, 6));
	assert_null(ec_feedback_question("1.1", q, 0));
}

/*
 * The fixture's key (grade_fixture.h) with "alt 2.1 AC": 1.1 tf T 2;
 * 2.1 mc AB or AC 4; 2.2 mc C 4; 3.1.2 -0.25 5; 3.2.1.1.dims and
 * .weights 6/21 each; 3.3.3 mask 2; 3.3.4 manual 1. Maxima: section 1: 2;
 * 2: 8; 3: 5 + 12/21 + 2 + 1 = 8.571428...; all 18.571428..., written
 * with 6 decimals.
 *
 * The roster's header: id, 2.1, 1.1, 3.3.4, 3.2.1.1.dims, email; its
 * items in key order are 1.1 (field 2), 2.1 (1), 3.2.1.1.dims (4), 3.3.4 (3).
 */
static const char *const header_names[] = {"id", "2.1", "1.1", "3.3.4", "3.2.1.1.dims", "email"};
static const long header_item[] = {EC_ROSTER_COLUMN_DATA, MC_AB, T11, MANUAL, DIMS,
				   EC_ROSTER_COLUMN_DATA};
static const size_t header_items[] = {T11, MC_AB, DIMS, MANUAL};
static const char *const questions[] = {"1.1", "2.1", "3.1.2", "3.2.1", "3.3.3", "3.3.4"};

/* Every item blank: what a student who wrote nothing gets. */
static void all_blank(ec_grade_result results[NITEMS])
{
	size_t i;

	for (i = 0; i < NITEMS; i++)
		results[i] = (ec_grade_result){0, EC_VERDICT_BLANK, 0};
}

static char *feedback_text_why(const ec_roster_row *row, ec_feedback_reason_fn reason);

static char *feedback_text(const ec_roster_row *row)
{
	return feedback_text_why(row, NULL);
}

static char *feedback_text_why(const ec_roster_row *row, ec_feedback_reason_fn reason)
{
	ec_roster_header h = {(char *const *)header_names, 6, header_item, header_items, 4, 0, NULL, false};
	ec_feedback fb;
	ec_grader g;
	ec_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	assert_int_equal(make_grader(&g, "alt 2.1 AC\n", &err), EC_OK);
	assert_int_equal(ec_feedback_init(&fb, &g, &h, questions, 6, &err), EC_OK);
	assert_int_equal(fb.nitems, 4);
	assert_int_equal(fb.column[0], 2);
	assert_int_equal(fb.column[3], 3);
	assert_null(fb.reason);
	fb.reason = reason;
	fb.reason_ctx = &g;
	f = open_memstream(&text, &len);
	assert_non_null(f);
	ec_feedback_write(f, &fb, row);
	assert_int_equal(fclose(f), 0);
	ec_feedback_free(&fb);
	ec_grader_free(&g);
	return text;
}

static void test_feedback_write_flagged_row(void **state)
{
	/*
	 * "Zoe" with a diaeresis and a tab after it; 2.1 "AZ" could not be
	 * read (flagged, 0); 1.1 "T" right, 2; 3.3.4 no mark yet; dims
	 * 16x8x64x65 wrong, 0. Total 2, sections 2, 0, 0.
	 */
	static char *const fields[] = {"Zo\xC3\xAB\t", "AZ", "T", "", "16x8x64x65", "z@x"};
	static const size_t lens[] = {5, 2, 1, 0, 10, 3};
	ec_grade_result results[NITEMS];
	double sections[3] = {2, 0, 0};
	ec_roster_row row = {fields, lens, 6, 2, 2, sections, results, "2.1", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[T11] = (ec_grade_result){2, EC_VERDICT_RIGHT, 0};
	results[MC_AB] = (ec_grade_result){0, EC_VERDICT_UNREADABLE, 0};
	results[DIMS] = (ec_grade_result){0, EC_VERDICT_WRONG, 0};
	results[MANUAL] = (ec_grade_result){0, EC_VERDICT_MANUAL, 0};
	text = feedback_text(&row);
	assert_string_equal(text, "Student: Zo\xC3\xAB\\x09\n"
				  "Total: 2/18.571429\n"
				  "Section 1: 2/2\n"
				  "Section 2: 0/8\n"
				  "Section 3: 0/8.571429\n"
				  "Flagged: 2.1\n"
				  "\n"
				  "1.1: 2/2, right\n"
				  "  answer: T\n"
				  "  key: T\n"
				  "\n"
				  "2.1: 0/4, unreadable [flagged]\n"
				  "  answer: AZ\n"
				  "  key: AB or AC\n"
				  "  worked answer: examcheck q2.1\n"
				  "\n"
				  "3.2.1.1.dims: 0/0.285714, wrong\n"
				  "  answer: 16x8x64x65\n"
				  "  key: 16x8x64x64\n"
				  "  worked answer: examcheck q3.2.1\n"
				  "\n"
				  "3.3.4: -/1, graded by hand, no mark yet\n"
				  "  mark: (none)\n"
				  "  key: centre is connected\n"
				  "  worked answer: examcheck q3.3.4\n");
	free(text);
}

/*
 * A reason that says what it was given: the item, the answer as read (key
 * form, "blank" when blank) and the verdict; none for 3.2.1.1.dims when
 * the answer is blank. Control bytes in a reason are escaped like answers.
 */
static bool echo_reason(void *ctx, const ec_grader *g, size_t item, const ec_value *answer,
			const ec_grade_result *result, char *buf, size_t size)
{
	char v[64];

	assert_ptr_equal(ctx, g);
	if (item == DIMS && answer->blank)
		return false;
	snprintf(buf, size, "%s %s %s\t", g->items[item].key.id,
		 answer->blank ? "blank" : ec_value_format(answer, v, sizeof(v)),
		 ec_verdict_name(result->verdict));
	return true;
}

static void test_feedback_write_reasons(void **state)
{
	/*
	 * As test_feedback_write_flagged_row, with a reason: 1.1 right and 3.3.4
	 * by hand get none; 2.1 "AZ" cannot be read, so its reason sees a blank
	 * answer; 3.2.1.1.dims sees 16x8x64x65 read as a shape. The line comes
	 * after "key:", before "worked answer:".
	 */
	static char *const fields[] = {"Zoe", "AZ", "T", "", "16 x 8 x 64 x 65", "z@x"};
	static const size_t lens[] = {3, 2, 1, 0, 16, 3};
	ec_grade_result results[NITEMS];
	double sections[3] = {2, 0, 0};
	ec_roster_row row = {fields, lens, 6, 2, 2, sections, results, "2.1", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[T11] = (ec_grade_result){2, EC_VERDICT_RIGHT, 0};
	results[MC_AB] = (ec_grade_result){0, EC_VERDICT_UNREADABLE, 0};
	results[DIMS] = (ec_grade_result){0, EC_VERDICT_WRONG, 0};
	results[MANUAL] = (ec_grade_result){0, EC_VERDICT_MANUAL, 0};
	text = feedback_text_why(&row, echo_reason);
	assert_non_null(strstr(text, "1.1: 2/2, right\n"
				     "  answer: T\n"
				     "  key: T\n"
				     "\n"));
	assert_non_null(strstr(text, "  key: AB or AC\n"
				     "  why: 2.1 blank unreadable\\x09\n"
				     "  worked answer: examcheck q2.1\n"));
	assert_non_null(strstr(text, "  key: 16x8x64x64\n"
				     "  why: 3.2.1.1.dims 16x8x64x65 wrong\\x09\n"
				     "  worked answer: examcheck q3.2.1\n"));
	assert_non_null(strstr(text, "  key: centre is connected\n"
				     "  worked answer: examcheck q3.3.4\n"));
	/* a blank dims answer: the reason gives none, so no line */
	{
		static char *const blank[] = {"Zoe", "AZ", "T", "", "", "z@x"};
		static const size_t blens[] = {3, 2, 1, 0, 0, 3};
		ec_roster_row brow = {blank, blens, 6, 2, 2, sections, results, "2.1", 0, NULL, NULL, 0};
		char *btext;

		results[DIMS] = (ec_grade_result){0, EC_VERDICT_BLANK, 0};
		btext = feedback_text_why(&brow, echo_reason);
		assert_non_null(strstr(btext, "  key: 16x8x64x64\n"
					      "  worked answer: examcheck q3.2.1\n"));
		free(btext);
	}
	free(text);
}

static void test_feedback_write_short_record(void **state)
{
	/*
	 * "bob" with 4 fields of 6 (flagged "fields"): 2.1 "A" partial,
	 * 4 - 2 = 2; 1.1 "F" wrong, -1; 3.3.4 marked 0.5; dims and email
	 * missing, dims blank. Total -1 + 2 + 0.5 = 1.5; sections -1, 2, 0.5.
	 * A newline in an answer is written \x0a.
	 */
	static char *const fields[] = {"bob", "A\n", "F", "0.5"};
	static const size_t lens[] = {3, 2, 1, 3};
	ec_grade_result results[NITEMS];
	double sections[3] = {-1, 2, 0.5};
	ec_roster_row row = {fields, lens, 4, 3, 1.5, sections, results, "fields", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[T11] = (ec_grade_result){-1, EC_VERDICT_WRONG, 0};
	results[MC_AB] = (ec_grade_result){2, EC_VERDICT_PARTIAL, 1};
	results[MANUAL] = (ec_grade_result){0.5, EC_VERDICT_PARTIAL, 0};
	text = feedback_text(&row);
	assert_string_equal(text, "Student: bob\n"
				  "Total: 1.5/18.571429\n"
				  "Section 1: -1/2\n"
				  "Section 2: 2/8\n"
				  "Section 3: 0.5/8.571429\n"
				  "Flagged: fields\n"
				  "\n"
				  "1.1: -1/2, wrong\n"
				  "  answer: F\n"
				  "  key: T\n"
				  "  worked answer: examcheck q1.1\n"
				  "\n"
				  "2.1: 2/4, partial\n"
				  "  answer: A\\x0a\n"
				  "  key: AB or AC\n"
				  "  worked answer: examcheck q2.1\n"
				  "\n"
				  "3.2.1.1.dims: 0/0.285714, blank\n"
				  "  answer: (blank)\n"
				  "  key: 16x8x64x64\n"
				  "  worked answer: examcheck q3.2.1\n"
				  "\n"
				  "3.3.4: 0.5/1, graded by hand\n"
				  "  mark: 0.5\n"
				  "  key: centre is connected\n"
				  "  worked answer: examcheck q3.3.4\n");
	free(text);
}

static void test_feedback_write_all_right(void **state)
{
	/*
	 * Everything right, the mark 1 given: no worked-answer line, no
	 * Flagged line. Total 2 + 4 + 6/21 + 1 = 7.285714...
	 */
	static char *const fields[] = {"cy", "b,a", "true", "1", "16x8x64x64", ""};
	static const size_t lens[] = {2, 3, 4, 1, 10, 0};
	ec_grade_result results[NITEMS];
	double sections[3] = {2, 4, 1 + 6.0 / 21};
	ec_roster_row row = {fields, lens, 6, 4, 7 + 6.0 / 21, sections, results, "", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[T11] = (ec_grade_result){2, EC_VERDICT_RIGHT, 0};
	results[MC_AB] = (ec_grade_result){4, EC_VERDICT_RIGHT, 3};
	results[DIMS] = (ec_grade_result){6.0 / 21, EC_VERDICT_RIGHT, 0};
	results[MANUAL] = (ec_grade_result){1, EC_VERDICT_RIGHT, 0};
	text = feedback_text(&row);
	assert_string_equal(text, "Student: cy\n"
				  "Total: 7.285714/18.571429\n"
				  "Section 1: 2/2\n"
				  "Section 2: 4/8\n"
				  "Section 3: 1.285714/8.571429\n"
				  "\n"
				  "1.1: 2/2, right\n"
				  "  answer: true\n"
				  "  key: T\n"
				  "\n"
				  "2.1: 4/4, right\n"
				  "  answer: b,a\n"
				  "  key: AB or AC\n"
				  "\n"
				  "3.2.1.1.dims: 0.285714/0.285714, right\n"
				  "  answer: 16x8x64x64\n"
				  "  key: 16x8x64x64\n"
				  "\n"
				  "3.3.4: 1/1, graded by hand\n"
				  "  mark: 1\n"
				  "  key: centre is connected\n");
	free(text);
}

static void test_feedback_write_blank_id(void **state)
{
	/* An empty id (flagged "student") and nothing written: every item blank, 3.3.4 unmarked. */
	static char *const fields[] = {"", "", "", "", "", ""};
	static const size_t lens[] = {0, 0, 0, 0, 0, 0};
	ec_grade_result results[NITEMS];
	double sections[3] = {0, 0, 0};
	ec_roster_row row = {fields, lens, 6, 5, 0, sections, results, "student", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[MANUAL] = (ec_grade_result){0, EC_VERDICT_MANUAL, 0};
	text = feedback_text(&row);
	assert_string_equal(text, "Student: (blank)\n"
				  "Total: 0/18.571429\n"
				  "Section 1: 0/2\n"
				  "Section 2: 0/8\n"
				  "Section 3: 0/8.571429\n"
				  "Flagged: student\n"
				  "\n"
				  "1.1: 0/2, blank\n"
				  "  answer: (blank)\n"
				  "  key: T\n"
				  "  worked answer: examcheck q1.1\n"
				  "\n"
				  "2.1: 0/4, blank\n"
				  "  answer: (blank)\n"
				  "  key: AB or AC\n"
				  "  worked answer: examcheck q2.1\n"
				  "\n"
				  "3.2.1.1.dims: 0/0.285714, blank\n"
				  "  answer: (blank)\n"
				  "  key: 16x8x64x64\n"
				  "  worked answer: examcheck q3.2.1\n"
				  "\n"
				  "3.3.4: -/1, graded by hand, no mark yet\n"
				  "  mark: (none)\n"
				  "  key: centre is connected\n"
				  "  worked answer: examcheck q3.3.4\n");
	free(text);
}

/*
 * Bidirectional controls in an id or an answer are shown, not obeyed: a
 * right-to-left override (U+202E, E2 80 AE) in the id and a first strong
 * isolate (U+2068, E2 81 A8) in an answer become \u202E and \u2068, the
 * letters around them kept.
 */
static void test_feedback_write_bidi_escaped(void **state)
{
	static char *const fields[] = {"ann\xE2\x80\xAEgpj", "A\xE2\x81\250B", "T", "", "", ""};
	static const size_t lens[] = {9, 5, 1, 0, 0, 0};
	ec_grade_result results[NITEMS];
	double sections[3] = {2, 0, 0};
	ec_roster_row row = {fields, lens, 6, 3, 2, sections, results, "2.1", 0, NULL, NULL, 0};
	char *text;

	(void)state;
	all_blank(results);
	results[T11] = (ec_grade_result){2, EC_VERDICT_RIGHT, 0};
	results[MC_AB] = (ec_grade_result){0, EC_VERDICT_UNREADABLE, 0};
	results[MANUAL] = (ec_grade_result){0, EC_VERDICT_MANUAL, 0};
	text = feedback_text(&row);
	assert_non_null(strstr(text, "Student: ann\\u202Egpj\n"));
	assert_non_null(strstr(text, "  answer: A\\u2068B\n"));
	assert_null(strstr(text, "\xE2\x80\xAE"));
	assert_null(strstr(text, "\xE2\x81\xA8"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feedback_safe_name_kept),
		cmocka_unit_test(test_feedback_safe_name_replaced),
		cmocka_unit_test(test_feedback_safe_name_utf8),
		cmocka_unit_test(test_feedback_safe_name_dots),
		cmocka_unit_test(test_feedback_safe_name_empty),
		cmocka_unit_test(test_feedback_safe_name_long),
		cmocka_unit_test(test_feedback_name_same_id_twice),
		cmocka_unit_test(test_feedback_name_safe_names_collide),
		cmocka_unit_test(test_feedback_name_case_ignored),
		cmocka_unit_test(test_feedback_name_suffix_taken),
		cmocka_unit_test(test_feedback_name_long_ids),
		cmocka_unit_test(test_feedback_name_many),
		cmocka_unit_test(test_feedback_question_longest),
		cmocka_unit_test(test_feedback_write_flagged_row),
		cmocka_unit_test(test_feedback_write_reasons),
		cmocka_unit_test(test_feedback_write_short_record),
		cmocka_unit_test(test_feedback_write_all_right),
		cmocka_unit_test(test_feedback_write_blank_id),
		cmocka_unit_test(test_feedback_write_bidi_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
