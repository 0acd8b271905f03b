#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_writer.h"
#include "grade_fixture.h"

/*
 * Expected texts below are written from each format's rules (ec_writer.h
 * and the comments of src/lib/grading/write_*.c), column by column.
 */

/* Output gathered in memory (open_memstream). */
typedef struct capture {
	FILE *f;
	char *text;
	size_t len;
} capture;

static FILE *capture_open(capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	return c->f;
}

/* Close the stream and compare what was written with `want`. */
static void capture_check(capture *c, const char *want)
{
	assert_int_equal(fclose(c->f), 0);
	assert_string_equal(c->text, want);
	free(c->text);
}

static void csv_is(const char *s, const char *want)
{
	capture c;

	ec_write_csv_field(capture_open(&c), s);
	capture_check(&c, want);
}

static void json_is(const char *s, const char *want)
{
	capture c;

	ec_write_json_string(capture_open(&c), s);
	capture_check(&c, want);
}

static void test_write_csv_field_plain(void **state)
{
	(void)state;
	csv_is("3.2.1.1.dims", "3.2.1.1.dims");
	csv_is("", "");
	csv_is("a b;c\td", "a b;c\td");
}

static void test_write_csv_field_quoted(void **state)
{
	(void)state;
	csv_is("a,b", "\"a,b\"");
	csv_is("say \"hi\"", "\"say \"\"hi\"\"\"");
	csv_is("\"", "\"\"\"\"");
	csv_is("two\nlines", "\"two\nlines\"");
	csv_is("cr\rhere", "\"cr\rhere\"");
	csv_is("x,\"y\"\r\n", "\"x,\"\"y\"\"\r\n\"");
}

static void test_write_json_string_plain(void **state)
{
	(void)state;
	json_is("", "\"\"");
	json_is("16x8x64x64", "\"16x8x64x64\"");
	/* UTF-8 passes as it is: U+00D7, U+20AC, U+1F600, the ends of the ranges. */
	json_is("16 \xC3\x97 8", "\"16 \xC3\x97 8\"");
	json_is("\xE2\x82\xAC \xF0\x9F\x98\x80", "\"\xE2\x82\xAC \xF0\x9F\x98\x80\"");
	json_is("\xC2\xA0\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF",
		"\"\xC2\xA0\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD\xF0\x90\x80\x80\xF4\x8F\xBF\xBF\"");
}

/*
 * Ill-formed UTF-8 becomes U+FFFD, one per maximal subpart (Unicode's
 * recommended practice, section 3.9): a byte that starts no sequence, or
 * a start whose second byte is out of its range, is one on its own; a
 * sequence cut short is one for all of it.
 */
static void test_write_json_string_invalid_utf8(void **state)
{
	(void)state;
	json_is("\x80", "\"\\ufffd\"");                                /* lone continuation */
	json_is("a\xFF" "b\xFE", "\"a\\ufffdb\\ufffd\"");                  /* never in UTF-8 */
	json_is("\xC0\xAF", "\"\\ufffd\\ufffd\"");                     /* overlong '/' */
	json_is("\xC1\xBF", "\"\\ufffd\\ufffd\"");                     /* overlong U+007F */
	json_is("\xE0\x80\xAF", "\"\\ufffd\\ufffd\\ufffd\"");           /* overlong, 3 bytes */
	json_is("\xE0\x9F\xBF", "\"\\ufffd\\ufffd\\ufffd\"");           /* U+07FF in 3: overlong */
	json_is("\xF0\x8F\xBF\xBF", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* U+FFFF in 4: overlong */
	json_is("\xED\xA0\x80", "\"\\ufffd\\ufffd\\ufffd\"");           /* surrogate U+D800 */
	json_is("\xED\xBF\xBF", "\"\\ufffd\\ufffd\\ufffd\"");           /* surrogate U+DFFF */
	json_is("\xF4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* U+110000 */
	json_is("\xF5\x80\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* F5: above U+10FFFF */
	json_is("\xF8\x88\x80\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\""); /* 5-byte form */
	json_is("x\xE2\x82", "\"x\\ufffd\"");                           /* cut short at the end */
	json_is("\xE2\x82x", "\"\\ufffdx\"");                           /* cut short by 'x' */
	json_is("\xF0\x9F\x98\"", "\"\\ufffd\\\"\"");                     /* cut short by '"' */
	json_is("\xC3\n", "\"\\ufffd\\n\"");                           /* cut short by a newline */
	json_is("\xE2\x82\xAC\xAC", "\"\xE2\x82\xAC\\ufffd\"");           /* one continuation too many */
}

static void test_write_json_string_escapes(void **state)
{
	(void)state;
	json_is("say \"hi\"", "\"say \\\"hi\\\"\"");
	json_is("a\\b", "\"a\\\\b\"");
	json_is("line\nnext\ttab", "\"line\\nnext\\ttab\"");
	/* Other control characters: \u00XX, lower-case hex; DEL and C1 too. */
	json_is("\x01\x1f\r\b\x1b", "\"\\u0001\\u001f\\u000d\\u0008\\u001b\"");
	json_is("\x7f\xC2\x80\xC2\x9B\xC2\x9F\xC2\xA0", "\"\\u007f\\u0080\\u009b\\u009f\xC2\xA0\"");
}

static void test_format_parse_names(void **state)
{
	static const char *const names[] = {"text", "tsv", "csv", "json", "gradescope", "md",
					     "latex", "svg", "html"};
	ec_format f;
	int i;

	(void)state;
	for (i = 0; i < EC_FORMAT_COUNT; i++) {
		assert_int_equal(ec_format_parse(names[i], &f), EC_OK);
		assert_int_equal(f, i);
		assert_string_equal(ec_format_name(f), names[i]);
		assert_string_equal(ec_writer_get(f)->name, names[i]);
	}
	assert_int_equal(ec_format_parse("yaml", &f), EC_ERR_NOTFOUND);
	assert_int_equal(ec_format_parse("JSON", &f), EC_ERR_NOTFOUND);
	assert_int_equal(ec_format_parse("", &f), EC_ERR_NOTFOUND);
	assert_null(ec_format_name((ec_format)EC_FORMAT_COUNT));
	assert_null(ec_writer_get((ec_format)EC_FORMAT_COUNT));
}

static void test_format_mask_documents(void **state)
{
	(void)state;
	assert_int_equal(ec_format_mask(EC_DOCUMENT_KEY),
			 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_TSV | 1u << EC_FORMAT_CSV |
				 1u << EC_FORMAT_JSON | 1u << EC_FORMAT_LATEX);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_PAPER),
			 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_JSON | 1u << EC_FORMAT_MD |
				 1u << EC_FORMAT_LATEX);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_SHEET),
			 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_JSON | 1u << EC_FORMAT_GRADESCOPE);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_STATS),
			 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_CSV | 1u << EC_FORMAT_JSON);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_CHECK),
			 1u << EC_FORMAT_TEXT | 1u << EC_FORMAT_JSON);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_CHART), 1u << EC_FORMAT_SVG);
	assert_int_equal(ec_format_mask(EC_DOCUMENT_CLASS), 1u << EC_FORMAT_HTML);
	assert_false(ec_writer_writes(ec_writer_get(EC_FORMAT_GRADESCOPE), EC_DOCUMENT_KEY));
	assert_true(ec_writer_writes(ec_writer_get(EC_FORMAT_GRADESCOPE), EC_DOCUMENT_SHEET));
}

/* A tiny key: 1.1 tf T 2; 2.10 mc AB 4; 3.3.4 manual 'see "b", c' 1/3. */
static void tiny_key(ec_key *key)
{
	ec_error err;

	memset(key, 0, sizeof(*key));
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "2.10", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(key, "3.3.4", EC_KEY_MANUAL, 1.0 / 3, "see \"b\", c", &err),
			 EC_OK);
}

static void key_is(ec_format format, const ec_key *key, const char *want)
{
	capture c;
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_write_key(capture_open(&c), ec_writer_get(format), key, &err), EC_OK);
	capture_check(&c, want);
}

/*
 * Columns two spaces apart: id 5 wide (3.3.4), answer 6 (the minimum: the
 * manual item's answer does not widen it), points 8, then the kind.
 */
static void test_write_key_text(void **state)
{
	ec_key key;

	(void)state;
	tiny_key(&key);
	key_is(EC_FORMAT_TEXT, &key,
	       "id     answer  points    kind\n"
	       "1.1    T       2         tf\n"
	       "2.10   AB      4         mc\n"
	       "3.3.4  see \"b\", c  0.333333  manual\n");
	ec_key_free(&key);
	/* No items: the header at the least widths, id 2 and answer 6. */
	key_is(EC_FORMAT_TEXT, &key, "id  answer  points    kind\n");
}

/* Tab-separated, no header; points exact: 1/3. */
static void test_write_key_tsv(void **state)
{
	ec_key key;

	(void)state;
	tiny_key(&key);
	key_is(EC_FORMAT_TSV, &key,
	       "1.1\tT\t2\ttf\n"
	       "2.10\tAB\t4\tmc\n"
	       "3.3.4\tsee \"b\", c\t1/3\tmanual\n");
	ec_key_free(&key);
	key_is(EC_FORMAT_TSV, &key, "");
}

/* A header; the answer with a comma and quotes is quoted, its quotes doubled. */
static void test_write_key_csv(void **state)
{
	ec_key key;

	(void)state;
	tiny_key(&key);
	key_is(EC_FORMAT_CSV, &key,
	       "id,answer,points,kind\n"
	       "1.1,T,2,tf\n"
	       "2.10,AB,4,mc\n"
	       "3.3.4,\"see \"\"b\"\", c\",0.333333,manual\n");
	ec_key_free(&key);
	key_is(EC_FORMAT_CSV, &key, "id,answer,points,kind\n");
}

/* One object per line; 1/3 to 17 significant digits is 0.33333333333333331. */
static void test_write_key_json(void **state)
{
	ec_key key;

	(void)state;
	tiny_key(&key);
	key_is(EC_FORMAT_JSON, &key,
	       "[\n"
	       " {\"id\": \"1.1\", \"answer\": \"T\", \"points\": 2, \"kind\": \"tf\"},\n"
	       " {\"id\": \"2.10\", \"answer\": \"AB\", \"points\": 4, \"kind\": \"mc\"},\n"
	       " {\"id\": \"3.3.4\", \"answer\": \"see \\\"b\\\", c\", \"points\": "
	       "0.33333333333333331, \"kind\": \"manual\"}\n"
	       "]\n");
	ec_key_free(&key);
	key_is(EC_FORMAT_JSON, &key, "[]\n");
}

static void test_write_key_unsupported(void **state)
{
	ec_key key;
	ec_error err;
	capture c;

	(void)state;
	tiny_key(&key);
	ec_error_clear(&err);
	assert_int_equal(ec_write_key(capture_open(&c), ec_writer_get(EC_FORMAT_GRADESCOPE), &key,
				      &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "format 'gradescope' cannot write an answer key");
	capture_check(&c, "");
	ec_key_free(&key);
}

/*
 * Items that do not come from the exam: 1.1 tf T 2 (exam); 3.1.1.x number
 * 33.27 5/7, a stand-in from q3.1.1.graph; 3.3.3 mask 010011000 2,
 * reconstructed from a file it does not name.
 */
static void origin_key(ec_key *key)
{
	ec_error err;

	memset(key, 0, sizeof(*key));
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add_from(key, "3.1.1.x", EC_KEY_NUMBER, 5.0 / 7, "33.27",
					 EC_KEY_FROM_STAND_IN, "q3.1.1.graph", &err),
			 EC_OK);
	assert_int_equal(ec_key_add_from(key, "3.3.3", EC_KEY_MASK, 2, "010011000",
					 EC_KEY_FROM_RECONSTRUCTION, NULL, &err),
			 EC_OK);
}

/*
 * Text: id 7 wide (3.1.1.x), answer 9 (010011000); a marked item's kind is
 * padded to 6 and followed by its origin and data file. Json adds "data"
 * and "data_file" to the marked items only; tsv and csv carry no origin.
 */
static void test_write_key_origins(void **state)
{
	ec_key key;

	(void)state;
	origin_key(&key);
	key_is(EC_FORMAT_TEXT, &key,
	       "id       answer     points    kind\n"
	       "1.1      T          2         tf\n"
	       "3.1.1.x  33.27      0.714286  number  stand-in: q3.1.1.graph\n"
	       "3.3.3    010011000  2         mask    reconstructed\n");
	key_is(EC_FORMAT_JSON, &key,
	       "[\n"
	       " {\"id\": \"1.1\", \"answer\": \"T\", \"points\": 2, \"kind\": \"tf\"},\n"
	       " {\"id\": \"3.1.1.x\", \"answer\": \"33.27\", \"points\": 0.7142857142857143, "
	       "\"kind\": \"number\", \"data\": \"stand-in\", \"data_file\": \"q3.1.1.graph\"},\n"
	       " {\"id\": \"3.3.3\", \"answer\": \"010011000\", \"points\": 2, \"kind\": \"mask\", "
	       "\"data\": \"reconstructed\"}\n"
	       "]\n");
	key_is(EC_FORMAT_TSV, &key,
	       "1.1\tT\t2\ttf\n"
	       "3.1.1.x\t33.27\t5/7\tnumber\n"
	       "3.3.3\t010011000\t2\tmask\n");
	key_is(EC_FORMAT_CSV, &key,
	       "id,answer,points,kind\n"
	       "1.1,T,2,tf\n"
	       "3.1.1.x,33.27,0.714286,number\n"
	       "3.3.3,010011000,2,mask\n");
	ec_key_free(&key);
}

/*
 * A tiny graded sheet. Key 1.1 tf T (2), 2.1 mc AB (4), 3.9 manual "why"
 * (1); rubric tf wrong -1, mc 2 per error. Sheet "1.1 F", "2.1 a": 1.1
 * wrong, -1; 2.1 partial, 4 - 2 = 2; 3.9 manual. Sections 1: -1 of 2,
 * 2: 2 of 4, 3: no auto-graded points (not written). Total 1 of 6, 1 by hand.
 */
static void tiny_report(ec_grader *g, ec_sheet_report *r, const char *file)
{
	static const char rubric[] = "rule 1.* tf wrong=-1 blank=0\n"
				     "rule 2.* mc per-error=2 options=A-D\n";
	static const char sheet[] = "1.1 F\n2.1 a\n";
	ec_rubric rb = {0};
	ec_key key = {0};
	ec_error err;

	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "2.1", EC_KEY_MC, 4, "AB", &err), EC_OK);
	assert_int_equal(ec_key_add(&key, "3.9", EC_KEY_MANUAL, 1, "why", &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&rb, rubric, strlen(rubric), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(g, &key, &rb, &err), EC_OK);
	ec_rubric_free(&rb);
	ec_key_free(&key);
	assert_int_equal(ec_grade_sheet_report(g, sheet, strlen(sheet), file, r, &err), EC_OK);
}

static void sheet_is(ec_format format, const char *file, const char *want)
{
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	tiny_report(&g, &r, file);
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(format), &r, &err), EC_OK);
	capture_check(&c, want);
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

/* Item column 4 wide (the minimum), answer 12, verdict 10, points 14. */
static void test_write_sheet_text(void **state)
{
	(void)state;
	sheet_is(EC_FORMAT_TEXT, "s.txt",
		 "Sheet s.txt\n"
		 "\n"
		 "item  answer        verdict     points          correct\n"
		 "1.1   F             wrong       -1/2            T\n"
		 "2.1   A             partial     2/4             AB\n"
		 "\n"
		 "Section 1: -1/2\n"
		 "Section 2: 2/4\n"
		 "Total: 1/6 (auto-graded items)\n"
		 "\n"
		 "To grade by hand (1 point):\n"
		 "  3.9   1 pt  why\n");
}

/* Reasons under the items not fully right; "" and NULL give none; the manual item has no row. */
static void test_write_sheet_text_reasons(void **state)
{
	static const char *const reasons[] = {"T is true", "", "graded by hand"};
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	tiny_report(&g, &r, "s.txt");
	r.reasons = reasons;
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_TEXT), &r, &err),
			 EC_OK);
	capture_check(&c, "Sheet s.txt\n"
			  "\n"
			  "item  answer        verdict     points          correct\n"
			  "1.1   F             wrong       -1/2            T\n"
			  "      why: T is true\n"
			  "2.1   A             partial     2/4             AB\n"
			  "\n"
			  "Section 1: -1/2\n"
			  "Section 2: 2/4\n"
			  "Total: 1/6 (auto-graded items)\n"
			  "\n"
			  "To grade by hand (1 point):\n"
			  "  3.9   1 pt  why\n");
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

static void test_write_sheet_json(void **state)
{
	(void)state;
	sheet_is(EC_FORMAT_JSON, "my \"s\".txt",
		 "{\"sheet\": \"my \\\"s\\\".txt\", \"total\": 1, \"max\": 6, \"manual_max\": 1, "
		 "\"pending\": 1,\n"
		 " \"sections\": [{\"section\": \"1\", \"points\": -1, \"max\": 2}, "
		 "{\"section\": \"2\", \"points\": 2, \"max\": 4}],\n"
		 " \"items\": [\n"
		 "  {\"id\": \"1.1\", \"kind\": \"tf\", \"answer\": \"F\", \"verdict\": \"wrong\", "
		 "\"points\": -1, \"max\": 2, \"correct\": \"T\"},\n"
		 "  {\"id\": \"2.1\", \"kind\": \"mc\", \"answer\": \"A\", \"verdict\": \"partial\", "
		 "\"points\": 2, \"max\": 4, \"correct\": \"AB\"},\n"
		 "  {\"id\": \"3.9\", \"kind\": \"manual\", \"answer\": \"\", \"verdict\": \"manual\", "
		 "\"points\": null, \"max\": 1, \"correct\": \"why\"}\n"
		 " ],\n"
		 " \"flagged\": []}\n");
}

/*
 * A sheet's json marks the items of a stand-in or reconstructed figure as
 * the key's json does. Key 1.1 tf T 2; 3.3.1 number 13 4, reconstructed
 * from q3.3.figure. Sheet "3.3.1 13": 1.1 blank 0, 3.3.1 right 4; sections
 * 1: 0 of 2, 3: 4 of 4; total 4 of 6, nothing by hand.
 */
static void test_write_sheet_json_origins(void **state)
{
	static const char rubric[] = "rule 1.* tf wrong=-1 blank=0\nrule 3.* exact\n";
	static const char sheet[] = "3.3.1 13\n";
	ec_rubric rb = {0};
	ec_key key = {0};
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	assert_int_equal(ec_key_add_from(&key, "3.3.1", EC_KEY_NUMBER, 4, "13",
					 EC_KEY_FROM_RECONSTRUCTION, "q3.3.figure", &err),
			 EC_OK);
	assert_int_equal(ec_rubric_parse(&rb, rubric, strlen(rubric), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(&g, &key, &rb, &err), EC_OK);
	ec_rubric_free(&rb);
	ec_key_free(&key);
	assert_int_equal(ec_grade_sheet_report(&g, sheet, strlen(sheet), "s.txt", &r, &err), EC_OK);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_JSON), &r, &err),
			 EC_OK);
	capture_check(&c,
		      "{\"sheet\": \"s.txt\", \"total\": 4, \"max\": 6, \"manual_max\": 0, "
		      "\"pending\": 0,\n"
		      " \"sections\": [{\"section\": \"1\", \"points\": 0, \"max\": 2}, "
		      "{\"section\": \"3\", \"points\": 4, \"max\": 4}],\n"
		      " \"items\": [\n"
		      "  {\"id\": \"1.1\", \"kind\": \"tf\", \"answer\": \"\", \"verdict\": \"blank\", "
		      "\"points\": 0, \"max\": 2, \"correct\": \"T\"},\n"
		      "  {\"id\": \"3.3.1\", \"kind\": \"number\", \"answer\": \"13\", \"verdict\": "
		      "\"right\", \"points\": 4, \"max\": 4, \"correct\": \"13\", \"data\": "
		      "\"reconstructed\", \"data_file\": \"q3.3.figure\"}\n"
		      " ],\n"
		      " \"flagged\": []}\n");
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

/*
 * Totals that are not finite (bounded points never give one) are null in
 * JSON, which has no infinities, and "-" in text; never inf or nan.
 */
static void test_write_sheet_not_finite(void **state)
{
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	tiny_report(&g, &r, "s");
	r.total = INFINITY;
	r.sections[0] = NAN;
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_JSON), &r, &err),
			 EC_OK);
	capture_check(&c, "{\"sheet\": \"s\", \"total\": null, \"max\": 6, \"manual_max\": 1, "
			  "\"pending\": 1,\n"
			  " \"sections\": [{\"section\": \"1\", \"points\": null, \"max\": 2}, "
			  "{\"section\": \"2\", \"points\": 2, \"max\": 4}],\n"
			  " \"items\": [\n"
			  "  {\"id\": \"1.1\", \"kind\": \"tf\", \"answer\": \"F\", \"verdict\": \"wrong\", "
			  "\"points\": -1, \"max\": 2, \"correct\": \"T\"},\n"
			  "  {\"id\": \"2.1\", \"kind\": \"mc\", \"answer\": \"A\", \"verdict\": \"partial\", "
			  "\"points\": 2, \"max\": 4, \"correct\": \"AB\"},\n"
			  "  {\"id\": \"3.9\", \"kind\": \"manual\", \"answer\": \"\", \"verdict\": \"manual\", "
			  "\"points\": null, \"max\": 1, \"correct\": \"why\"}\n"
			  " ],\n"
			  " \"flagged\": []}\n");
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_TEXT), &r, &err),
			 EC_OK);
	capture_check(&c, "Sheet s\n"
			  "\n"
			  "item  answer        verdict     points          correct\n"
			  "1.1   F             wrong       -1/2            T\n"
			  "2.1   A             partial     2/4             AB\n"
			  "\n"
			  "Section 1: -/2\n"
			  "Section 2: 2/4\n"
			  "Total: -/6 (auto-graded items)\n"
			  "\n"
			  "To grade by hand (1 point):\n"
			  "  3.9   1 pt  why\n");
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

/* One test per auto-graded item; the manual item is left out. */
static void test_write_sheet_gradescope(void **state)
{
	(void)state;
	sheet_is(EC_FORMAT_GRADESCOPE, "s.txt",
		 "{\"score\": 1,\n"
		 " \"visibility\": \"visible\",\n"
		 " \"output\": \"Auto-graded items: 1 of 6 points. Graded by hand later, worth: 1.\",\n"
		 " \"tests\": [\n"
		 "  {\"name\": \"1.1\", \"number\": \"1.1\", \"score\": -1, \"max_score\": 2, "
		 "\"status\": \"failed\", \"visibility\": \"visible\", "
		 "\"output\": \"wrong: answer F, correct T\"},\n"
		 "  {\"name\": \"2.1\", \"number\": \"2.1\", \"score\": 2, \"max_score\": 4, "
		 "\"status\": \"failed\", \"visibility\": \"visible\", "
		 "\"output\": \"partial: answer A, correct AB\"}\n"
		 " ]}\n");
}

/*
 * Gradescope with points no 6 decimals can write: 1.1 tf T (2), then
 * seven count items 3.2.k worth 2/7 (all "1"), then 3.9 manual. The
 * max_scores are shares of the running total rounded to millionths:
 * 2 + k * 2/7 for k = 0..7 rounds to 2, 2.285714, 2.571429, 2.857143,
 * 3.142857, 3.428571, 3.714286, 4, so the seven are 0.285714, 0.285715,
 * 0.285714, 0.285714, 0.285714, 0.285715, 0.285714 (adding up to 2).
 */
static void sevenths_report(ec_grader *g, ec_sheet_report *r, const char *sheet)
{
	static const char rubric[] = "rule 1.* tf wrong=-1 blank=0\nrule 3.* exact\n";
	ec_rubric rb = {0};
	ec_key key = {0};
	ec_error err;
	char id[16];
	int k;

	ec_error_clear(&err);
	assert_int_equal(ec_key_add(&key, "1.1", EC_KEY_TF, 2, "T", &err), EC_OK);
	for (k = 1; k <= 7; k++) {
		snprintf(id, sizeof(id), "3.2.%d", k);
		assert_int_equal(ec_key_add(&key, id, EC_KEY_COUNT, 2.0 / 7, "1", &err), EC_OK);
	}
	assert_int_equal(ec_key_add(&key, "3.9", EC_KEY_MANUAL, 1, "why", &err), EC_OK);
	assert_int_equal(ec_rubric_parse(&rb, rubric, strlen(rubric), "rub", &err), EC_OK);
	assert_int_equal(ec_grader_init(g, &key, &rb, &err), EC_OK);
	ec_rubric_free(&rb);
	ec_key_free(&key);
	assert_int_equal(ec_grade_sheet_report(g, sheet, strlen(sheet), "s", r, &err), EC_OK);
}

/* A JSON number with at most 6 decimals, read exactly, in millionths. */
static long long parse_micro(const char *s)
{
	long long whole = 0, frac = 0;
	int neg = *s == '-', digits = 0;

	s += neg;
	assert_true(*s >= '0' && *s <= '9');
	while (*s >= '0' && *s <= '9')
		whole = whole * 10 + (*s++ - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++)
			frac = frac * 10 + (*s - '0');
	assert_true(digits <= 6);
	for (; digits < 6; digits++)
		frac *= 10;
	assert_true(*s == ',' || *s == '}');
	return (neg ? -1 : 1) * (whole * 1000000 + frac);
}

/* Sum the numbers after each `name` in `text` (the first one apart) into *sum; returns the first. */
static long long sum_after(const char *text, const char *name, long long *sum, int *count)
{
	const char *p = strstr(text, name);
	long long first;

	assert_non_null(p);
	first = parse_micro(p + strlen(name));
	*sum = 0;
	*count = 0;
	while ((p = strstr(p + 1, name)) != NULL) {
		*sum += parse_micro(p + strlen(name));
		++*count;
	}
	return first;
}

static char *sevenths_text(const char *sheet)
{
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;
	char *text;

	sevenths_report(&g, &r, sheet);
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_GRADESCOPE), &r,
					 &err), EC_OK);
	assert_int_equal(fclose(c.f), 0);
	text = c.text;
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
	return text;
}

/* Every item right: the tests' scores are their max_scores and add up to 2 + 2 = 4. */
static void test_write_sheet_gradescope_sevenths_all_right(void **state)
{
	char *text = sevenths_text("1.1 T\n3.2.1 1\n3.2.2 1\n3.2.3 1\n3.2.4 1\n3.2.5 1\n"
				   "3.2.6 1\n3.2.7 1\n");
	long long sum;
	int n;

	(void)state;
	assert_int_equal(sum_after(text, "\"score\": ", &sum, &n), 4000000);
	assert_int_equal(n, 8);
	assert_int_equal(sum, 4000000);
	assert_non_null(strstr(text, "\"number\": \"3.2.1\", \"score\": 0.285714, \"max_score\": 0.285714, "
				     "\"status\": \"passed\""));
	assert_non_null(strstr(text, "\"number\": \"3.2.2\", \"score\": 0.285715, \"max_score\": 0.285715, "
				     "\"status\": \"passed\""));
	assert_non_null(strstr(text, "\"number\": \"3.2.6\", \"score\": 0.285715, \"max_score\": 0.285715, "));
	assert_non_null(strstr(text, "Auto-graded items: 4 of 4 points. Graded by hand later, worth: 1."));
	free(text);
}

/*
 * 1.1 wrong (-1); 3.2.1, 3.2.3, 3.2.4 right; 3.2.2 wrong ("2"); the rest
 * blank. The tests: -1, 0.285714, 0, 0.285714, 0.285714, 0, 0, 0; the
 * score is their sum, -0.142858 (the unrounded total, -1 + 6/7, is
 * -0.1428571...: a millionth apart, as documented).
 */
static void test_write_sheet_gradescope_sevenths_sum(void **state)
{
	char *text = sevenths_text("1.1 F\n3.2.1 1\n3.2.2 2\n3.2.3 1\n3.2.4 1\n");
	long long sum;
	int n;

	(void)state;
	assert_int_equal(sum_after(text, "\"score\": ", &sum, &n), -142858);
	assert_int_equal(n, 8);
	assert_int_equal(sum, -142858);
	/* the max_scores still add up to the auto-graded maximum, 4 */
	sum_after(text, "\"max_score\": ", &sum, &n);
	assert_int_equal(n, 7);
	assert_int_equal(sum + 2000000, 4000000);
	assert_non_null(strstr(text, "{\"score\": -0.142858,\n"));
	assert_non_null(strstr(text, "\"number\": \"3.2.2\", \"score\": 0, \"max_score\": 0.285715, "
				     "\"status\": \"failed\""));
	assert_non_null(strstr(text, "Auto-graded items: -0.142858 of 4 points."));
	free(text);
}

/*
 * A mark given by hand is a test too (the text and json writers count it):
 * 1.1 right (2 of 2), the seven 2/7 items blank (0), 3.9 marked 0.5 of 1.
 * Score 2 + 0.5 = 2.5 of 2 + 2 + 1 = 5; nothing is left to grade by hand.
 */
static void test_write_sheet_gradescope_keeps_marks(void **state)
{
	char *text = sevenths_text("1.1 T\n3.9 0.5\n");
	long long sum;
	int n;

	(void)state;
	assert_int_equal(sum_after(text, "\"score\": ", &sum, &n), 2500000);
	assert_int_equal(n, 9);
	assert_int_equal(sum, 2500000);
	sum_after(text, "\"max_score\": ", &sum, &n);
	assert_int_equal(n, 8);
	assert_int_equal(sum + 2000000, 5000000);
	assert_non_null(strstr(text, "\"number\": \"3.9\", \"score\": 0.5, \"max_score\": 1, "
				     "\"status\": \"failed\", \"visibility\": \"visible\", "
				     "\"output\": \"partial: mark 0.5 of 1 given by hand\"}"));
	assert_non_null(strstr(text, "Graded items, marks given by hand included: 2.5 of 5 points. "
				     "Graded by hand later, worth: 0."));
	free(text);
}

static void test_write_sheet_unsupported(void **state)
{
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	tiny_report(&g, &r, "s.txt");
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), ec_writer_get(EC_FORMAT_CSV), &r, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "format 'csv' cannot write a graded sheet");
	capture_check(&c, "");
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

/* A writer of our own that names each call: the order ec_write_sheet() promises. */
static ec_status rec_begin(ec_write_ctx *w, const ec_sheet_report *r)
{
	(void)r;
	fputs("begin", w->out);
	return EC_OK;
}

static ec_status rec_item(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	(void)r;
	fprintf(w->out, " item%zu", i);
	return EC_OK;
}

static ec_status rec_section(ec_write_ctx *w, const ec_sheet_report *r, size_t s)
{
	(void)r;
	fprintf(w->out, " section%zu", s);
	return EC_OK;
}

static ec_status rec_end(ec_write_ctx *w, const ec_sheet_report *r)
{
	(void)r;
	fputs(" end", w->out);
	return EC_OK;
}

static ec_status rec_fail(ec_write_ctx *w, const ec_sheet_report *r, size_t i)
{
	(void)w;
	(void)r;
	return i == 1 ? EC_ERR_NOMEM : EC_OK;
}

/* Sections 0 and 1 have auto-graded points, section 2 (3.9, manual) none. */
static void test_write_sheet_call_order(void **state)
{
	ec_writer after = {.name = "after", .sheet = {rec_begin, rec_item, rec_section, rec_end, false}};
	ec_writer before = {.name = "before", .sheet = {rec_begin, rec_item, rec_section, rec_end, true}};
	ec_writer failing = {.name = "failing", .sheet = {NULL, rec_fail, NULL, rec_end, false}};
	ec_sheet_report r;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	tiny_report(&g, &r, "s.txt");
	ec_error_clear(&err);
	assert_int_equal(ec_write_sheet(capture_open(&c), &after, &r, &err), EC_OK);
	capture_check(&c, "begin item0 item1 item2 section0 section1 end");
	assert_int_equal(ec_write_sheet(capture_open(&c), &before, &r, &err), EC_OK);
	capture_check(&c, "begin section0 section1 item0 item1 item2 end");
	assert_int_equal(ec_write_sheet(capture_open(&c), &failing, &r, &err), EC_ERR_NOMEM);
	assert_string_equal(err.msg, "failing writer: out of memory");
	capture_check(&c, "");
	ec_sheet_report_free(&r);
	ec_grader_free(&g);
}

/*
 * A class of three for the statistics writers: 1.1 tf worth 2 (key T),
 * 2.1 mc worth 4 (options A-C, key AB), totals in [0, 8] (bin width 1:
 * 8/12 is below 1, and 8 bins of 1 are few enough).
 *   s1: T right 2, AB right 4, total 6
 *   s2: F wrong 0, A partial 2, total 2
 *   s3: blank 0, blank 0, total 0
 * mean 8/3; median 2; sd sqrt((100 + 4 + 64)/9/3) = sqrt(56/9) = 2.4944382578;
 * each item's rest is the other item: corr((2,0,0), (4,2,0)) =
 * 4 / sqrt(8/3 * 8) = sqrt(3)/2 = 0.8660254038 for both; alpha = 2 (1 -
 * (8/3 + 8) / (56/3)) = 6/7 = 0.8571428571; facility 1/3 and 1/2.
 * Groups: 27% of 3 = 0.81, rounded 1: s1 above (total >= 6), s3 below
 * (total <= 0); s1 got both items right, s3 neither.
 */
static void tiny_stats(ec_stats *s)
{
	static const double pts[2] = {2, 4};
	static const ec_key_kind kinds[2] = {EC_KEY_TF, EC_KEY_MC};
	static const ec_grade_result rows[3][2] = {
		{{2, EC_VERDICT_RIGHT, 1u << ('T' - 'A')}, {4, EC_VERDICT_RIGHT, 3}},
		{{0, EC_VERDICT_WRONG, 1u << ('F' - 'A')}, {2, EC_VERDICT_PARTIAL, 1}},
		{{0, EC_VERDICT_BLANK, 0}, {0, EC_VERDICT_BLANK, 0}},
	};
	static const double totals[3] = {6, 2, 0};
	ec_error err;
	size_t i;

	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(s, 2, pts, kinds, 0, 8, &err), EC_OK);
	strcpy(s->items[0].id, "1.1");
	strcpy(s->items[1].id, "2.1");
	s->items[1].options = 7; /* A-C */
	for (i = 0; i < 3; i++)
		ec_stats_add(s, rows[i], totals[i]);
}

#define BAR "##################################################" /* 50: the fullest bin */

static void test_write_stats_text(void **state)
{
	ec_stats s;
	ec_error err;
	capture c;

	(void)state;
	tiny_stats(&s);
	assert_int_equal(ec_write_stats(capture_open(&c), ec_writer_get(EC_FORMAT_TEXT), &s, &err),
			 EC_OK);
	capture_check(&c, "students\t3\n"
			  "mean\t2.6667\n"
			  "median\t2.0000\n"
			  "sd\t2.4944\n"
			  "min\t0\n"
			  "max\t6\n"
			  "alpha\t0.8571\n"
			  "groups\tupper 27%: 1 with total >= 6, lower 27%: 1 with total <= 0\n"
			  "\n"
			  "histogram of totals (bin width 1)\n"
			  "[0, 1)\t1\t" BAR "\n"
			  "[1, 2)\t0\t\n"
			  "[2, 3)\t1\t" BAR "\n"
			  "[3, 4)\t0\t\n"
			  "[4, 5)\t0\t\n"
			  "[5, 6)\t0\t\n"
			  "[6, 7)\t1\t" BAR "\n"
			  "[7, 8]\t0\t\n"
			  "\n"
			  "item\tfacility\tdiscrimination\tupper\tlower\toptions chosen\n"
			  "1.1\t0.3333\t0.8660\t1\t0\tT=1 F=1 blank=1\n"
			  "2.1\t0.5000\t0.8660\t1\t0\tA=2 B=1 C=0 blank=1\n");
	ec_stats_free(&s);
}

static void test_write_stats_json(void **state)
{
	ec_stats s;
	ec_error err;
	capture c;

	(void)state;
	tiny_stats(&s);
	assert_int_equal(ec_write_stats(capture_open(&c), ec_writer_get(EC_FORMAT_JSON), &s, &err),
			 EC_OK);
	capture_check(&c, "{\"students\": 3, \"mean\": 2.666666667, \"median\": 2, "
			  "\"median_exact\": true, \"sd\": 2.494438258, \"min\": 0, \"max\": 6, "
			  "\"alpha\": 0.8571428571,\n"
			  " \"groups\": {\"percent\": 27, \"size\": 1, \"upper\": 1, "
			  "\"upper_cut\": 6, \"lower\": 1, \"lower_cut\": 0, \"exact\": true},\n"
			  " \"histogram\": [\n"
			  "  {\"lo\": 0, \"hi\": 1, \"count\": 1},\n"
			  "  {\"lo\": 1, \"hi\": 2, \"count\": 0},\n"
			  "  {\"lo\": 2, \"hi\": 3, \"count\": 1},\n"
			  "  {\"lo\": 3, \"hi\": 4, \"count\": 0},\n"
			  "  {\"lo\": 4, \"hi\": 5, \"count\": 0},\n"
			  "  {\"lo\": 5, \"hi\": 6, \"count\": 0},\n"
			  "  {\"lo\": 6, \"hi\": 7, \"count\": 1},\n"
			  "  {\"lo\": 7, \"hi\": 8, \"count\": 0}\n"
			  " ],\n"
			  " \"items\": [\n"
			  "  {\"id\": \"1.1\", \"kind\": \"tf\", \"points\": 2, \"facility\": 0.3333333333, "
			  "\"discrimination\": 0.8660254038, \"upper\": 1, \"lower\": 0, "
			  "\"options\": {\"T\": 1, \"F\": 1, \"blank\": 1, \"unreadable\": 0}},\n"
			  "  {\"id\": \"2.1\", \"kind\": \"mc\", \"points\": 4, \"facility\": 0.5, "
			  "\"discrimination\": 0.8660254038, \"upper\": 1, \"lower\": 0, "
			  "\"options\": {\"A\": 2, \"B\": 1, \"C\": 0, \"blank\": 1, \"unreadable\": 0}}\n"
			  " ]}\n");
	ec_stats_free(&s);
}

static void test_write_stats_csv(void **state)
{
	ec_stats s;
	ec_error err;
	capture c;

	(void)state;
	tiny_stats(&s);
	assert_int_equal(ec_write_stats(capture_open(&c), ec_writer_get(EC_FORMAT_CSV), &s, &err),
			 EC_OK);
	capture_check(&c, "id,kind,points,facility,discrimination,upper,lower,blank,unreadable,"
			  "true,false,A,B,C\n"
			  "1.1,tf,2,0.3333333333,0.8660254038,1,0,1,0,1,1,,,\n"
			  "2.1,mc,4,0.5,0.8660254038,1,0,1,0,,,2,1,0\n");
	ec_stats_free(&s);
}

/* No student: every number is undefined, null in json (never nan or inf). */
static void test_write_stats_json_no_students(void **state)
{
	static const double pts[1] = {1};
	ec_stats s;
	ec_error err;
	capture c;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_stats_init(&s, 1, pts, NULL, 0, 1, &err), EC_OK);
	strcpy(s.items[0].id, "3.1.2");
	assert_int_equal(ec_write_stats(capture_open(&c), ec_writer_get(EC_FORMAT_JSON), &s, &err),
			 EC_OK);
	assert_int_equal(fclose(c.f), 0);
	assert_non_null(strstr(c.text, "{\"students\": 0, \"mean\": null, \"median\": null, "
				       "\"median_exact\": true, \"sd\": null, \"min\": null, "
				       "\"max\": null, \"alpha\": null,\n"));
	assert_non_null(strstr(c.text, "\"upper_cut\": null"));
	assert_non_null(strstr(c.text, "  {\"id\": \"3.1.2\", \"kind\": \"manual\", \"points\": 1, "
				       "\"facility\": null, \"discrimination\": null, "
				       "\"upper\": null, \"lower\": null}\n ]}\n"));
	assert_null(strstr(c.text, "nan"));
	assert_null(strstr(c.text, "inf"));
	free(c.text);
	ec_stats_free(&s);
}

static void test_write_stats_unsupported(void **state)
{
	ec_stats s;
	ec_error err;
	capture c;

	(void)state;
	tiny_stats(&s);
	ec_error_clear(&err);
	assert_int_equal(ec_write_stats(capture_open(&c), ec_writer_get(EC_FORMAT_TSV), &s, &err),
			 EC_ERR_INVALID);
	assert_string_equal(err.msg, "format 'tsv' cannot write statistics");
	capture_check(&c, "");
	ec_stats_free(&s);
}

/*
 * Checked answers: 2.10 "A" (key AB, 4 points, 2 per error): 4 - 2 = 2,
 * partly right; 3.2.1.1.weights "2000" (2/7 points): 0, wrong, a mistake
 * named. As a group: total 2 of 4 + 2/7 = 30/7.
 */
static void check_report(ec_check_report *r, ec_check_item items[2], bool group)
{
	memset(r, 0, sizeof(*r));
	memset(items, 0, 2 * sizeof(*items));
	strcpy(items[0].id, "2.10");
	strcpy(items[0].answer, "A");
	items[0].points = 2;
	items[0].max = 4;
	items[0].verdict = EC_VERDICT_PARTIAL;
	strcpy(items[0].lines[0], "A (chosen): true: \"w\"");
	strcpy(items[0].lines[1], "B (not chosen): true");
	items[0].nlines = 2;
	strcpy(items[0].worked, "examcheck q2.10");
	strcpy(items[1].id, "3.2.1.1.weights");
	strcpy(items[1].answer, "2000");
	items[1].max = 2.0 / 7;
	items[1].verdict = EC_VERDICT_WRONG;
	strcpy(items[1].lines[0], "The answer is 6000");
	items[1].nlines = 1;
	strcpy(items[1].mistake, "no channels");
	strcpy(items[1].worked, "examcheck q3.2.1");
	r->items = items;
	r->count = group ? 2 : 1;
	r->group = group;
	strcpy(r->id, group ? "x" : "2.10");
	r->total = group ? 2 : 2;
	r->max = group ? 4 + 2.0 / 7 : 4;
	strcpy(r->worked, group ? "examcheck qx" : "examcheck q2.10");
}

static void check_is(ec_format format, bool group, const char *want)
{
	ec_check_report r;
	ec_check_item items[2];
	ec_error err;
	capture c;

	check_report(&r, items, group);
	ec_error_clear(&err);
	assert_int_equal(ec_write_check(capture_open(&c), ec_writer_get(format), &r, &err), EC_OK);
	capture_check(&c, want);
}

static void test_write_check_text(void **state)
{
	(void)state;
	check_is(EC_FORMAT_TEXT, false,
		 "Points: 2 of 4 (partly right)\n"
		 "A (chosen): true: \"w\"\n"
		 "B (not chosen): true\n"
		 "Worked answer: examcheck q2.10\n");
	/* Points lines padded to the widest (29 bytes), then id and answer */
	check_is(EC_FORMAT_TEXT, true,
		 "Points: 2 of 4 (partly right)  2.10 A\n"
		 "Points: 0 of 2/7 (wrong)       3.2.1.1.weights 2000\n"
		 "Total: 2 of 30/7\n"
		 "\n"
		 "2.10 (A):\n"
		 "  A (chosen): true: \"w\"\n"
		 "  B (not chosen): true\n"
		 "\n"
		 "3.2.1.1.weights (2000):\n"
		 "  The answer is 6000\n"
		 "\n"
		 "Worked answer: examcheck qx\n");
}

static void test_write_check_json(void **state)
{
	(void)state;
	check_is(EC_FORMAT_JSON, false,
		 "{\"id\": \"2.10\", \"answer\": \"A\", \"points\": 2, \"max\": 4, "
		 "\"verdict\": \"partly right\", \"reasons\": [\"A (chosen): true: \\\"w\\\"\", "
		 "\"B (not chosen): true\"], \"mistake\": null, \"worked\": \"examcheck q2.10\"}\n");
	/* 2/7 and 4 + 2/7 to 17 significant digits */
	check_is(EC_FORMAT_JSON, true,
		 "{\"id\": \"x\", \"items\": [\n"
		 "  {\"id\": \"2.10\", \"answer\": \"A\", \"points\": 2, \"max\": 4, "
		 "\"verdict\": \"partly right\", \"reasons\": [\"A (chosen): true: \\\"w\\\"\", "
		 "\"B (not chosen): true\"], \"mistake\": null, \"worked\": \"examcheck q2.10\"},\n"
		 "  {\"id\": \"3.2.1.1.weights\", \"answer\": \"2000\", \"points\": 0, "
		 "\"max\": 0.2857142857142857, \"verdict\": \"wrong\", \"reasons\": [\"The answer is "
		 "6000\"], \"mistake\": \"no channels\", \"worked\": \"examcheck q3.2.1\"}\n"
		 " ], \"total\": 2, \"max\": 4.2857142857142856, \"worked\": \"examcheck qx\"}\n");
}

static void test_write_check_unsupported(void **state)
{
	ec_check_report r;
	ec_check_item items[2];
	ec_error err;
	capture c;

	(void)state;
	check_report(&r, items, false);
	ec_error_clear(&err);
	assert_int_equal(ec_write_check(capture_open(&c), ec_writer_get(EC_FORMAT_CSV), &r, &err),
			 EC_ERR_INVALID);
	capture_check(&c, "");
}

/*
 * A roster as JSON, a row at a time (write_json.c's rules): the id with a
 * quote and a right-to-left override (\" and \u202e), a data column,
 * the sections of the fixture's key (1, 2, 3) and the two items the
 * header has. Item 1.1's results go through more than the four the
 * writer keeps per item (right 2, wrong -1, blank 0, unreadable 0, partial
 * 1, then right 2 again, after it was dropped), each row's text the same
 * as made fresh. A second header (a class graded against a second key,
 * here with 2.1 only) gets its own names.
 */
static void test_write_roster_json(void **state)
{
	static const char *const names[] = {"id", "e\"mail", "1.1", "2.1"};
	static const long item[] = {EC_ROSTER_COLUMN_DATA, EC_ROSTER_COLUMN_DATA, T11, MC_AB};
	static const size_t items[] = {T11, MC_AB}, items2[] = {MC_AB};
	static const struct {
		const char *id;
		double p11;
		ec_verdict v11;
		const char *flag;
	} rows[] = {
		{"a\"b\xE2\x80\xAE", 2, EC_VERDICT_RIGHT, ""},
		{"c", -1, EC_VERDICT_WRONG, "1.1 fields"},
		{"d", 0, EC_VERDICT_BLANK, ""},
		{"e", 0, EC_VERDICT_UNREADABLE, "1.1"},
		{"f", 1, EC_VERDICT_PARTIAL, ""},
		{"g", 2, EC_VERDICT_RIGHT, ""},
		{"k", 2, EC_VERDICT_RIGHT, ""},
	};
	ec_roster_header h = {(char *const *)names, 4, item, items, 2, 0, NULL, false};
	ec_roster_header h2 = {(char *const *)names, 4, item, items2, 1, 1, NULL, false};
	ec_grade_result results[NITEMS];
	double sections[3];
	const ec_writer *w = ec_writer_get(EC_FORMAT_JSON);
	ec_write_ctx ctx;
	ec_grader g;
	ec_error err;
	capture c;
	size_t i;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_write_roster_begin(&ctx, capture_open(&c), w, &g, &h, &err), EC_OK);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char *fields[4] = {(char *)rows[i].id, "x@y", "", ""};
		size_t lens[4] = {strlen(rows[i].id), 3, 0, 0};
		ec_roster_row row = {fields, lens, 4, (long)i + 2, rows[i].p11 + 4, sections, results,
				     rows[i].flag, 0, NULL, NULL, 0};

		memset(results, 0, sizeof(results));
		results[T11] = (ec_grade_result){rows[i].p11, rows[i].v11, 0};
		results[MC_AB] = (ec_grade_result){4, EC_VERDICT_RIGHT, 0};
		sections[0] = rows[i].p11;
		sections[1] = 4;
		sections[2] = 0;
		assert_int_equal(ec_write_roster_row(&ctx, w, &g, i == 6 ? &h2 : &h, &row, &err), EC_OK);
	}
	assert_int_equal(ec_write_roster_end(&ctx, w, &err), EC_OK);
	assert_null(ctx.scratch);
	capture_check(&c,
		      "[\n"
		      " {\"line\": 2, \"student\": \"a\\\"b\\u202e\", \"data\": {\"e\\\"mail\": \"x@y\"}, "
		      "\"total\": 6, \"sections\": {\"1\": 2, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": "
		      "{\"points\": 2, \"verdict\": \"right\"}, \"2.1\": {\"points\": 4, \"verdict\": "
		      "\"right\"}}, \"flagged\": []},\n"
		      " {\"line\": 3, \"student\": \"c\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 3, "
		      "\"sections\": {\"1\": -1, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": {\"points\": -1, "
		      "\"verdict\": \"wrong\"}, \"2.1\": {\"points\": 4, \"verdict\": \"right\"}}, "
		      "\"flagged\": [\"1.1\", \"fields\"]},\n"
		      " {\"line\": 4, \"student\": \"d\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 4, "
		      "\"sections\": {\"1\": 0, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": {\"points\": 0, "
		      "\"verdict\": \"blank\"}, \"2.1\": {\"points\": 4, \"verdict\": \"right\"}}, "
		      "\"flagged\": []},\n"
		      " {\"line\": 5, \"student\": \"e\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 4, "
		      "\"sections\": {\"1\": 0, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": {\"points\": 0, "
		      "\"verdict\": \"unreadable\"}, \"2.1\": {\"points\": 4, \"verdict\": \"right\"}}, "
		      "\"flagged\": [\"1.1\"]},\n"
		      " {\"line\": 6, \"student\": \"f\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 5, "
		      "\"sections\": {\"1\": 1, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": {\"points\": 1, "
		      "\"verdict\": \"partial\"}, \"2.1\": {\"points\": 4, \"verdict\": \"right\"}}, "
		      "\"flagged\": []},\n"
		      " {\"line\": 7, \"student\": \"g\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 6, "
		      "\"sections\": {\"1\": 2, \"2\": 4, \"3\": 0}, \"items\": {\"1.1\": {\"points\": 2, "
		      "\"verdict\": \"right\"}, \"2.1\": {\"points\": 4, \"verdict\": \"right\"}}, "
		      "\"flagged\": []},\n"
		      " {\"line\": 8, \"student\": \"k\", \"data\": {\"e\\\"mail\": \"x@y\"}, \"total\": 6, "
		      "\"sections\": {\"1\": 2, \"2\": 4, \"3\": 0}, \"items\": {\"2.1\": {\"points\": 4, "
		      "\"verdict\": \"right\"}}, \"flagged\": []}\n"
		      "]\n");
	ec_grader_free(&g);
}

/* A roster stopped before its end: ec_write_ctx_free() releases the writer's scratch. */
static void test_write_roster_json_stopped(void **state)
{
	static const char *const names[] = {"id", "1.1"};
	static const long item[] = {EC_ROSTER_COLUMN_DATA, T11};
	static const size_t items[] = {T11};
	ec_roster_header h = {(char *const *)names, 2, item, items, 1, 0, NULL, false};
	ec_write_ctx ctx;
	ec_grader g;
	ec_error err;
	capture c;

	(void)state;
	assert_int_equal(make_grader(&g, "", &err), EC_OK);
	assert_int_equal(ec_write_roster_begin(&ctx, capture_open(&c), ec_writer_get(EC_FORMAT_JSON), &g,
					       &h, &err),
			 EC_OK);
	assert_non_null(ctx.scratch);
	ec_write_ctx_free(&ctx);
	assert_null(ctx.scratch);
	ec_write_ctx_free(&ctx); /* twice is harmless */
	capture_check(&c, "[");
	ec_grader_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_csv_field_plain),
		cmocka_unit_test(test_write_roster_json),
		cmocka_unit_test(test_write_roster_json_stopped),
		cmocka_unit_test(test_write_csv_field_quoted),
		cmocka_unit_test(test_write_json_string_plain),
		cmocka_unit_test(test_write_json_string_escapes),
		cmocka_unit_test(test_write_json_string_invalid_utf8),
		cmocka_unit_test(test_format_parse_names),
		cmocka_unit_test(test_format_mask_documents),
		cmocka_unit_test(test_write_key_text),
		cmocka_unit_test(test_write_key_tsv),
		cmocka_unit_test(test_write_key_csv),
		cmocka_unit_test(test_write_key_json),
		cmocka_unit_test(test_write_key_unsupported),
		cmocka_unit_test(test_write_key_origins),
		cmocka_unit_test(test_write_sheet_text),
		cmocka_unit_test(test_write_sheet_json),
		cmocka_unit_test(test_write_sheet_not_finite),
		cmocka_unit_test(test_write_sheet_json_origins),
		cmocka_unit_test(test_write_sheet_gradescope),
		cmocka_unit_test(test_write_sheet_gradescope_sevenths_all_right),
		cmocka_unit_test(test_write_sheet_gradescope_sevenths_sum),
		cmocka_unit_test(test_write_sheet_gradescope_keeps_marks),
		cmocka_unit_test(test_write_sheet_unsupported),
		cmocka_unit_test(test_write_sheet_call_order),
		cmocka_unit_test(test_write_stats_text),
		cmocka_unit_test(test_write_stats_json),
		cmocka_unit_test(test_write_stats_csv),
		cmocka_unit_test(test_write_stats_json_no_students),
		cmocka_unit_test(test_write_stats_unsupported),
		cmocka_unit_test(test_write_sheet_text_reasons),
		cmocka_unit_test(test_write_check_text),
		cmocka_unit_test(test_write_check_json),
		cmocka_unit_test(test_write_check_unsupported),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
