#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_utf8.h"

/*
 * Lengths by the UTF-8 table (RFC 3629): 'x' is 1 byte, U+00D7 is C3 97,
 * U+2248 is E2 89 88, U+1F600 is F0 9F 98 80. Not characters: a stray
 * continuation byte, a truncated sequence, the overlong C0 80 and E0 80 80,
 * the surrogate ED A0 80, F4 90 80 80 (above U+10FFFF) and F5.
 */
static void test_utf8_char_len_table(void **state)
{
	static const struct {
		const char *s;
		size_t len;
	} cases[] = {
		{"x", 1},          {"\xC3\x97", 2},      {"\xE2\x89\x88", 3}, {"\xF0\x9F\x98\x80", 4},
		{"\x97", 0},       {"\xC3", 0},          {"\xE2\x89", 0},     {"\xC0\x80", 0},
		{"\xE0\x80\x80", 0}, {"\xED\xA0\x80", 0}, {"\xF4\x90\x80\x80", 0}, {"\xF5\x80", 0},
		{"\xEF\xBF\xBF", 3}, {"\xF4\x8F\xBF\xBF", 4},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (ec_utf8_char_len(cases[i].s, strlen(cases[i].s)) != cases[i].len)
			fail_msg("case %zu: %zu, expected %zu", i,
				 ec_utf8_char_len(cases[i].s, strlen(cases[i].s)), cases[i].len);
	/* a character is not read past n */
	assert_int_equal(ec_utf8_char_len("\xC3\x97", 1), 0);
}

/* Whole characters, \xNN for what is not one (the lead byte and the continuations that follow). */
static void test_utf8_char_text_whole_or_escaped(void **state)
{
	char buf[20];
	size_t len;

	(void)state;
	assert_string_equal(ec_utf8_char_text("\xC3\x97" "3", 3, &len, buf, sizeof(buf)), "\xC3\x97");
	assert_int_equal(len, 2);
	assert_string_equal(ec_utf8_char_text("\xFF" "a", 2, &len, buf, sizeof(buf)), "\\xFF");
	assert_int_equal(len, 1);
	assert_string_equal(ec_utf8_char_text("\xE2\x89" "a", 3, &len, buf, sizeof(buf)),
			    "\\xE2\\x89");
	assert_int_equal(len, 2);
	assert_string_equal(ec_utf8_char_text("\t", 1, &len, buf, sizeof(buf)), "\\x09");
	assert_string_equal(ec_utf8_char_text("\xC2\x85", 2, &len, buf, sizeof(buf)),
			    "\\xC2\\x85"); /* U+0085, a C1 control */
	assert_string_equal(ec_utf8_char_text("$", 1, &len, buf, sizeof(buf)), "$");
}

/* Cut at a character boundary: 3 characters of "××××" are 6 bytes, then "...". */
static void test_utf8_quote_cuts_whole_characters(void **state)
{
	char buf[64], small[9];

	(void)state;
	assert_string_equal(ec_utf8_quote("a\xC3\x97" "b", 4, 10, buf, sizeof(buf)),
			    "a\xC3\x97" "b");
	assert_string_equal(ec_utf8_quote("\xC3\x97\xC3\x97\xC3\x97\xC3\x97", 8, 3, buf, sizeof(buf)),
			    "\xC3\x97\xC3\x97\xC3\x97...");
	assert_string_equal(ec_utf8_quote("a\xFF" "b", 3, 10, buf, sizeof(buf)), "a\\xFFb");
	/* "×××××" (10 bytes) in 9 bytes of room: "××" (4) + "..." (3) + NUL fit, "×××..." not */
	assert_string_equal(ec_utf8_quote("\xC3\x97\xC3\x97\xC3\x97\xC3\x97\xC3\x97", 10, 10,
					  small, sizeof(small)),
			    "\xC3\x97\xC3\x97...");
	/* the whole text when it fits exactly, with no room kept for "..." */
	assert_string_equal(ec_utf8_quote("abcdefgh", 8, 10, small, sizeof(small)), "abcdefgh");
	assert_string_equal(ec_utf8_quote("abcdefghi", 9, 10, small, sizeof(small)), "abcde...");
}

/* Columns: "x × é" has 5 characters in 7 bytes; "é" starts at byte 6, column 5. */
static void test_utf8_count_and_boundary(void **state)
{
	const char *s = "x \xC3\x97 \xC3\xA9";

	(void)state;
	assert_int_equal(ec_utf8_count(s, strlen(s)), 5);
	assert_int_equal(ec_utf8_count(s, 5) + 1, 5);
	assert_int_equal(ec_utf8_count("\xE2\x89" "a", 3), 2); /* one invalid sequence, 'a' */
	assert_int_equal(ec_utf8_boundary(s, strlen(s), 3), 2); /* inside "×": back to its start */
	assert_int_equal(ec_utf8_boundary(s, strlen(s), 4), 4);
	assert_int_equal(ec_utf8_boundary(s, strlen(s), 100), strlen(s));
}

static void next_is(const char *s, size_t len, uint32_t cp)
{
	uint32_t got;
	size_t n = ec_utf8_next(s, &got);

	if (n != len || got != cp)
		fail_msg("'%s': %zu bytes, U+%04lX; expected %zu, U+%04lX", s, n, (unsigned long)got,
			 len, (unsigned long)cp);
}

/* Code points worked out by hand from the bit patterns 0xxxxxxx, 110xxxxx 10xxxxxx, ... */
static void test_utf8_next_well_formed(void **state)
{
	(void)state;
	next_is("A", 1, 0x41);
	next_is("\x7f", 1, 0x7F);
	next_is("\xC2\x80", 2, 0x80);             /* the least two-byte form */
	next_is("\xC3\x97", 2, 0xD7);             /* the multiplication sign */
	next_is("\xDF\xBF", 2, 0x7FF);
	next_is("\xE0\xA0\x80", 3, 0x800);         /* the least three-byte form */
	next_is("\xE2\x82\xAC", 3, 0x20AC);        /* the euro sign */
	next_is("\xED\x9F\xBF", 3, 0xD7FF);        /* just below the surrogates */
	next_is("\xEE\x80\x80", 3, 0xE000);        /* just above them */
	next_is("\xEF\xBF\xBD", 3, 0xFFFD);
	next_is("\xF0\x90\x80\x80", 4, 0x10000);   /* the least four-byte form */
	next_is("\xF0\x9F\x98\x80", 4, 0x1F600);
	next_is("\xF4\x8F\xBF\xBF", 4, 0x10FFFF);  /* the last code point */
	next_is("\xC3\x97tail", 2, 0xD7);          /* only the first character */
}

/* Each maximal subpart of an ill-formed sequence is read as one invalid character. */
static void test_utf8_next_ill_formed(void **state)
{
	(void)state;
	next_is("\x80", 1, EC_UTF8_INVALID);                 /* a continuation byte alone */
	next_is("\xC0\xAF", 1, EC_UTF8_INVALID);             /* overlong '/', C0 never starts one */
	next_is("\xC1\xBF", 1, EC_UTF8_INVALID);
	next_is("\xE0\x9F\xBF", 1, EC_UTF8_INVALID);         /* overlong U+07FF */
	next_is("\xF0\x8F\xBF\xBF", 1, EC_UTF8_INVALID);     /* overlong U+FFFF */
	next_is("\xED\xA0\x80", 1, EC_UTF8_INVALID);         /* surrogate U+D800 */
	next_is("\xF4\x90\x80\x80", 1, EC_UTF8_INVALID);     /* U+110000 */
	next_is("\xF5\x80\x80\x80", 1, EC_UTF8_INVALID);
	next_is("\xFF", 1, EC_UTF8_INVALID);
	next_is("\xC3", 1, EC_UTF8_INVALID);                 /* cut short by the NUL */
	next_is("\xE2\x82", 2, EC_UTF8_INVALID);             /* cut short: both bytes are one part */
	next_is("\xE2\x82x", 2, EC_UTF8_INVALID);
	next_is("\xF0\x9F\x98", 3, EC_UTF8_INVALID);
	next_is("\xF0\x9F\x98\xF0\x9F\x98\x80", 3, EC_UTF8_INVALID);
	next_is("\xC3\x28", 1, EC_UTF8_INVALID);             /* '(' is no continuation */
}

/*
 * The format characters, checked at each end of each range and just
 * outside it (U+061B ARABIC SEMICOLON, U+2065 unassigned, U+2070
 * SUPERSCRIPT ZERO and the others are shown as they are).
 */
static void test_utf8_is_format_ranges(void **state)
{
	static const uint32_t in[] = {0x61C, 0x180E, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029,
				      0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x2069, 0x206A,
				      0x206F, 0xFEFF, 0xFFF9, 0xFFFB, 0xE0001, 0xE0020, 0xE007F};
	static const uint32_t out[] = {0x20, 'A', 0xE9, 0x61B, 0x61D, 0x180D, 0x180F, 0x200A,
				       0x2010, 0x2027, 0x202F, 0x205F, 0x2065, 0x2070, 0xFEFE,
				       0xFF00, 0xFFF8, 0xFFFC, 0xE0000, 0xE0002, 0xE001F, 0xE0080};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		if (!ec_utf8_is_format(in[i]))
			fail_msg("U+%04X should be a format character", (unsigned)in[i]);
	for (i = 0; i < sizeof(out) / sizeof(out[0]); i++)
		if (ec_utf8_is_format(out[i]))
			fail_msg("U+%04X should not be a format character", (unsigned)out[i]);
}

/* ec_utf8_decode() reads no further than n, and agrees with ec_utf8_next(). */
static void test_utf8_decode_bounded(void **state)
{
	uint32_t cp;

	(void)state;
	/* U+202E is E2 80 AE: 0x2 << 12 | 0x00 << 6 | 0x2E */
	assert_int_equal(ec_utf8_decode("\xE2\x80\xAE", 3, &cp), 3);
	assert_int_equal(cp, 0x202E);
	assert_int_equal(ec_utf8_decode("\xE2\x80\xAE", 2, &cp), 2); /* cut short */
	assert_int_equal(cp, EC_UTF8_INVALID);
	assert_int_equal(ec_utf8_decode("\xF3\xA0\x80\x81", 4, &cp), 4); /* U+E0001 */
	assert_int_equal(cp, 0xE0001);
	assert_int_equal(ec_utf8_decode("A\xE2", 1, &cp), 1);
	assert_int_equal(cp, 'A');
}

/* A right-to-left override quoted in a message shows as \u202E, and cannot turn what follows. */
static void test_utf8_char_text_format_escaped(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(ec_utf8_char_text("\xE2\x80\xAE", 3, NULL, buf, sizeof(buf)), "\\u202E");
	assert_string_equal(ec_utf8_char_text("\xE2\x81\xA6", 3, NULL, buf, sizeof(buf)), "\\u2066");
	assert_string_equal(ec_utf8_quote("ab\xE2\x80\xAEtxt.exe", 12, 40, buf, sizeof(buf)),
			    "ab\\u202Etxt.exe");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_next_well_formed),
		cmocka_unit_test(test_utf8_next_ill_formed),
		cmocka_unit_test(test_utf8_char_len_table),
		cmocka_unit_test(test_utf8_char_text_whole_or_escaped),
		cmocka_unit_test(test_utf8_quote_cuts_whole_characters),
		cmocka_unit_test(test_utf8_count_and_boundary),
		cmocka_unit_test(test_utf8_is_format_ranges),
		cmocka_unit_test(test_utf8_decode_bounded),
		cmocka_unit_test(test_utf8_char_text_format_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
