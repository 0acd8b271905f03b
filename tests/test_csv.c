#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_csv.h"
#include "csv_internal.h"

typedef struct fixture {
	FILE *f;
	ec_csv_reader r;
	ec_error err;
	bool more;
} fixture;

static void open_text(fixture *x, const char *text, size_t len)
{
	x->f = fmemopen((void *)text, len, "rb");
	assert_non_null(x->f);
	ec_error_clear(&x->err);
	assert_int_equal(ec_csv_open(&x->r, x->f, "r.csv", &x->err), EC_OK);
}

static void close_text(fixture *x)
{
	ec_csv_close(&x->r);
	fclose(x->f);
}

static ec_status next(fixture *x)
{
	ec_error_clear(&x->err);
	return ec_csv_next(&x->r, &x->more, &x->err);
}

static void test_csv_next_plain_records(void **state)
{
	const char text[] = "student,1.1,2.1\nann,T,AB\nbob,,C";
	fixture x;

	(void)state;
	open_text(&x, text, strlen(text));
	assert_int_equal(next(&x), EC_OK);
	assert_true(x.more);
	assert_int_equal(x.r.nfields, 3);
	assert_string_equal(x.r.fields[2], "2.1");
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "ann");
	assert_int_equal(x.r.record_line, 2);
	assert_int_equal(next(&x), EC_OK); /* last line without a newline */
	assert_int_equal(x.r.nfields, 3);
	assert_string_equal(x.r.fields[1], "");
	assert_string_equal(x.r.fields[2], "C");
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

static void test_csv_next_quotes_crlf_bom(void **state)
{
	const char text[] = "\xEF\xBB\xBFstudent,2.1\r\n"
			    "\"Smith, Carol\",\"b,a\"\r\n"
			    "\r\n"
			    "\"say \"\"hi\"\"\",\"A\r\nB\"\r\n"
			    "\"\",x\r\n";
	fixture x;

	(void)state;
	open_text(&x, text, strlen(text));
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "student"); /* BOM dropped */
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "Smith, Carol");
	assert_string_equal(x.r.fields[1], "b,a");
	assert_int_equal(next(&x), EC_OK); /* the empty line 3 is skipped */
	assert_int_equal(x.r.record_line, 4);
	assert_string_equal(x.r.fields[0], "say \"hi\"");
	assert_string_equal(x.r.fields[1], "A\r\nB");
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.record_line, 6); /* the quoted line break counted */
	assert_string_equal(x.r.fields[0], "");
	assert_string_equal(x.r.fields[1], "x");
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

static void test_csv_next_empty_input(void **state)
{
	fixture x;

	(void)state;
	open_text(&x, "\n", 1);
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

/* Each error names its line; the reader then goes on with the next record. */
static void test_csv_next_errors_recover(void **state)
{
	const char text[] = "a,b\n"
			    "ab\"c,d\n"
			    "\"ab\"c,d\n"
			    "x,y\0z\n"
			    "ok,1\n";
	fixture x;

	(void)state;
	open_text(&x, text, sizeof(text) - 1);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(next(&x), EC_ERR_PARSE);
	assert_int_equal(x.err.line, 2);
	assert_string_equal(x.err.msg, "quote inside an unquoted field");
	assert_true(x.more);
	assert_int_equal(next(&x), EC_ERR_PARSE);
	assert_int_equal(x.err.line, 3);
	assert_string_equal(x.err.msg, "text after a closing quote");
	assert_int_equal(next(&x), EC_ERR_PARSE);
	assert_int_equal(x.err.line, 4);
	assert_string_equal(x.err.msg, "contains a NUL byte");
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "ok");
	assert_int_equal(x.r.record_line, 5);
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

/*
 * A quote never closed ends its record with its line: the field holds
 * what follows the quote there, r->unclosed names the line, and the
 * lines after it are records of their own (bob on line 3 is read).
 */
static void test_csv_next_unterminated_quote(void **state)
{
	const char text[] = "a,b\nann,\"AB\r\nbob,C\n";
	fixture x;

	(void)state;
	open_text(&x, text, strlen(text));
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.unclosed, 0);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.record_line, 2);
	assert_int_equal(x.r.unclosed, 2); /* where the quote opened */
	assert_int_equal(x.r.unclosed_field, 1);
	assert_int_equal(x.r.nfields, 2);
	assert_string_equal(x.r.fields[1], "AB"); /* the line's CR LF is no part of it */
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.unclosed, 0);
	assert_int_equal(x.r.record_line, 3);
	assert_string_equal(x.r.fields[0], "bob");
	assert_string_equal(x.r.fields[1], "C");
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
	open_text(&x, "a,b\nann,\"AB", 11); /* on the last line: nothing after it */
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.unclosed, 2);
	assert_string_equal(x.r.fields[1], "AB");
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

/* `rows` records of 20 bytes (s000000000,abcdefghi) after an unclosed quote: each read back. */
static void read_back_after_quote(size_t rows)
{
	size_t n = 0, i;
	char *text = malloc(32 + rows * 24);
	fixture x;

	assert_non_null(text);
	n += (size_t)sprintf(text + n, "a,b\nann,\"x\n");
	for (i = 0; i < rows; i++)
		n += (size_t)sprintf(text + n, "s%09zu,abcdefghi\n", i);
	open_text(&x, text, n);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.unclosed, 2);
	assert_string_equal(x.r.fields[1], "x");
	for (i = 0; i < rows; i++) {
		char want[16];

		assert_int_equal(next(&x), EC_OK);
		assert_true(x.more);
		assert_int_equal(x.r.record_line, (long)i + 3);
		snprintf(want, sizeof(want), "s%09zu", i);
		assert_string_equal(x.r.fields[0], want);
	}
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
	free(text);
}

/*
 * The lines after an unclosed quote are read again even when the FILE
 * reader has refilled its 256 KiB buffer since: 20000 records of 20 bytes
 * (400 KB) after the quote, each read back, the last on line 20003.
 */
static void test_csv_next_unterminated_quote_far(void **state)
{
	(void)state;
	read_back_after_quote(20000);
}

/*
 * A quoted field that runs on over EC_CSV_RECORD_MAX bytes past its first
 * line end is not closed either: 60000 records (1.2 MB) after the quote,
 * each read back, although the input goes on (the reader has kept just
 * the 1 MiB it may read again).
 */
static void test_csv_next_unterminated_quote_too_far(void **state)
{
	(void)state;
	read_back_after_quote(60000);
}

static void test_csv_next_record_too_long(void **state)
{
	size_t big = EC_CSV_RECORD_MAX + 10, n;
	char *text = malloc(big + 16);
	fixture x;

	(void)state;
	assert_non_null(text);
	memset(text, 'a', big);
	n = big;
	memcpy(text + n, "\nb,c\n", 5);
	n += 5;
	open_text(&x, text, n);
	assert_int_equal(next(&x), EC_ERR_PARSE);
	assert_string_equal(x.err.msg, "record is longer than 1 MiB");
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[1], "c");
	assert_int_equal(x.r.record_line, 2);
	close_text(&x);
	free(text);
}

/* Many records crossing the 64 KiB input buffer: every field comes back intact. */
static void test_csv_next_across_buffers(void **state)
{
	size_t rows = 20000, i, n = 0;
	char *text = malloc(rows * 40);
	fixture x;
	char want[32];

	(void)state;
	assert_non_null(text);
	for (i = 0; i < rows; i++)
		n += (size_t)sprintf(text + n, "s%zu,\"q,%zu\"\"\",%zu\r\n", i, i, i * 7);
	open_text(&x, text, n);
	for (i = 0; i < rows; i++) {
		assert_int_equal(next(&x), EC_OK);
		assert_int_equal(x.r.nfields, 3);
		sprintf(want, "q,%zu\"", i);
		assert_string_equal(x.r.fields[1], want);
		sprintf(want, "%zu", i * 7);
		assert_string_equal(x.r.fields[2], want);
		assert_int_equal(x.r.record_line, (long)i + 1);
	}
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	assert_true(x.r.bytes == n);
	close_text(&x);
	free(text);
}

/* A record that needs the general path after some fields were split keeps them intact. */
static void test_csv_next_general_path_after_split(void **state)
{
	const char text[] = "ann,b b,\"c,d\",\"say \"\"hi\"\"\",x\n"
			    "bob,1,\"2\",3\r4,5\r\n"
			    "cy,1,2\n";
	fixture x;

	(void)state;
	open_text(&x, text, sizeof(text) - 1);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 5);
	assert_string_equal(x.r.fields[0], "ann");
	assert_string_equal(x.r.fields[1], "b b");
	assert_string_equal(x.r.fields[2], "c,d");
	assert_string_equal(x.r.fields[3], "say \"hi\"");
	assert_string_equal(x.r.fields[4], "x");
	assert_int_equal(next(&x), EC_OK); /* a lone CR ends the record */
	assert_int_equal(x.r.nfields, 4);
	assert_string_equal(x.r.fields[2], "2");
	assert_string_equal(x.r.fields[3], "3");
	assert_int_equal(x.r.record_line, 2);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 2);
	assert_string_equal(x.r.fields[0], "4");
	assert_string_equal(x.r.fields[1], "5");
	assert_int_equal(x.r.record_line, 3);
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[2], "2");
	assert_int_equal(x.r.record_line, 4);
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

/*
 * LF, CRLF and a lone CR each end a line, after a quoted field as after an
 * unquoted one, and inside quotes for line counting. The first record here
 * once lost the 'b' of "bob" (the byte after a CR that followed a quote).
 */
static void test_csv_next_lone_cr_ends_record(void **state)
{
	const char text[] = "student,1.1\nann,\"T\"\rbob,F\n"
			    "cy,\"x\r\ny\"\r\rdee,\"a\rb\"\reve,T\r";
	fixture x;

	(void)state;
	open_text(&x, text, sizeof(text) - 1);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 2);
	assert_string_equal(x.r.fields[0], "ann");
	assert_string_equal(x.r.fields[1], "T");
	assert_int_equal(x.r.record_line, 2);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 2);
	assert_string_equal(x.r.fields[0], "bob");
	assert_string_equal(x.r.fields[1], "F");
	assert_int_equal(x.r.record_line, 3);
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "cy");
	assert_string_equal(x.r.fields[1], "x\r\ny");
	assert_int_equal(x.r.record_line, 4);
	/* line 5 ends inside the quotes, line 6 is empty */
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "dee");
	assert_string_equal(x.r.fields[1], "a\rb");
	assert_int_equal(x.r.record_line, 7);
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[0], "eve");
	assert_int_equal(x.r.record_line, 9);
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
}

/* Check that EC_CSV_READABLE bytes load from each field of the current record and begin with it. */
static void assert_fields_readable(const fixture *x)
{
	size_t i;

	for (i = 0; i < x->r.nfields; i++) {
		char word[EC_CSV_READABLE];

		memcpy(word, x->r.fields[i], EC_CSV_READABLE);
		if (x->r.lens[i])
			assert_memory_equal(word, x->r.fields[i],
					    x->r.lens[i] < EC_CSV_READABLE ? x->r.lens[i] : EC_CSV_READABLE);
	}
}

/*
 * EC_CSV_READABLE bytes may be loaded from every field's start, even an
 * empty field at the very end of a buffer: here a record copied by the
 * general path that fills its first 4096-byte record buffer, and a last
 * record whose newline is the last byte of a 256 KiB read (the input
 * buffer's size). The sanitizer build checks the loads stay inside.
 */
static void test_csv_next_fields_readable(void **state)
{
	const size_t size = (size_t)1 << 18, quoted = 4093;
	char *text = malloc(size);
	size_t n = 0, records = 1;
	fixture x;

	(void)state;
	assert_non_null(text);
	/* quoted: 4092 'a', a doubled quote, then ',' and an empty field: 4093 + 1 + 1 bytes kept */
	text[n++] = '"';
	memset(text + n, 'a', quoted - 1);
	n += quoted - 1;
	memcpy(text + n, "\"\"\",\n", 5);
	n += 5;
	while (size - n > 5 + 4) {
		memcpy(text + n, "x,y\n", 4);
		n += 4;
		records++;
	}
	memset(text + n, 'z', size - n - 4);
	memcpy(text + size - 4, ",e,\n", 4);
	records++;
	open_text(&x, text, size);
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 2);
	assert_int_equal(x.r.lens[0], quoted);
	assert_int_equal(x.r.lens[1], 0);
	assert_fields_readable(&x);
	while (--records > 0) {
		assert_int_equal(next(&x), EC_OK);
		assert_true(x.more);
		assert_fields_readable(&x);
	}
	assert_int_equal(x.r.nfields, 3);
	assert_string_equal(x.r.fields[1], "e");
	assert_string_equal(x.r.fields[2], "");
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
	free(text);
}

/*
 * The separator of a header: the most frequent of , ; and tab outside
 * quotes in its first record (empty lines before it skipped), ',' on a
 * tie with it or when there is none.
 */
static void test_csv_detect_separator_cases(void **state)
{
	static const struct {
		const char *text;
		char sep;
	} cases[] = {
		{"student,1.1,2.1\n", ','},
		{"Nachname;Vorname;Bewertung/10,00;Antwort 1\n", ';'}, /* 3 ';' to 1 ',' */
		{"name\t1.1\t2.1\na,b,c,d,e\n", '\t'},                 /* only the first record counts */
		{"\"a;b;c;d\",1.1,2.1\n", ','},                        /* inside quotes: not counted */
		{"\n\r\nid;1.1\n", ';'},
		{"a,b;c\n", ','},                                      /* a tie: ',' */
		{"a;b\tc\n", ';'},                                     /* a tie of ';' and tab: ';' */
		{"student\n", ','},
		{"", ','},
		{"\"say \"\"a;b\"\"\",x\n", ','},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (ec_csv_detect_separator(cases[i].text, strlen(cases[i].text)) != cases[i].sep)
			fail_msg("case %zu: '%s'", i, cases[i].text);
}

/* ';' and tab read as ',' does: quoted fields hold the separator, a quote and a line break. */
static void test_csv_next_other_separators(void **state)
{
	const char semi[] = "id;name;1.1\r\nann;\"Doe; Jane\";T\nbob;\"say \"\"hi\"\"\nthere\";\n";
	const char tab[] = "id\tname\t1.1\nann\t\"Doe\tJane\"\tT\n";
	fixture x;

	(void)state;
	open_text(&x, semi, strlen(semi));
	ec_csv_set_separator(&x.r, 0); /* found from the header */
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.sep, ';');
	assert_int_equal(x.r.nfields, 3);
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[1], "Doe; Jane");
	assert_string_equal(x.r.fields[2], "T");
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[1], "say \"hi\"\nthere");
	assert_string_equal(x.r.fields[2], "");
	assert_int_equal(x.r.record_line, 3);
	assert_int_equal(next(&x), EC_OK);
	assert_false(x.more);
	close_text(&x);
	open_text(&x, tab, strlen(tab));
	ec_csv_set_separator(&x.r, '\t');
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 3);
	assert_int_equal(next(&x), EC_OK);
	assert_string_equal(x.r.fields[1], "Doe\tJane");
	close_text(&x);
	/* a comma reader keeps ';' inside its fields */
	open_text(&x, semi, strlen(semi));
	assert_int_equal(next(&x), EC_OK);
	assert_int_equal(x.r.nfields, 1);
	assert_string_equal(x.r.fields[0], "id;name;1.1");
	close_text(&x);
	assert_true(ec_csv_separator_ok(';') && ec_csv_separator_ok('\t') && ec_csv_separator_ok(','));
	assert_false(ec_csv_separator_ok('|') || ec_csv_separator_ok('"') || ec_csv_separator_ok(0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_next_plain_records),
		cmocka_unit_test(test_csv_detect_separator_cases),
		cmocka_unit_test(test_csv_next_other_separators),
		cmocka_unit_test(test_csv_next_quotes_crlf_bom),
		cmocka_unit_test(test_csv_next_empty_input),
		cmocka_unit_test(test_csv_next_errors_recover),
		cmocka_unit_test(test_csv_next_unterminated_quote),
		cmocka_unit_test(test_csv_next_unterminated_quote_far),
		cmocka_unit_test(test_csv_next_unterminated_quote_too_far),
		cmocka_unit_test(test_csv_next_record_too_long),
		cmocka_unit_test(test_csv_next_across_buffers),
		cmocka_unit_test(test_csv_next_general_path_after_split),
		cmocka_unit_test(test_csv_next_lone_cr_ends_record),
		cmocka_unit_test(test_csv_next_fields_readable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
