#include "ec_test.h"

#include <string.h>

#include "examcheck/ec_utf8.h"

/* Expect ec_utf8_next(s) to read `len` bytes as code point `cp`. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_next_well_formed),
		cmocka_unit_test(test_utf8_next_ill_formed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
