#include "ec_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_sheet.h"

static ec_status parse(ec_key_kind kind, const char *text, ec_value *v, ec_error *err)
{
	ec_error_clear(err);
	return ec_value_parse(kind, text, strlen(text), v, err);
}

static void test_value_parse_tf_forms(void **state)
{
	const char *yes[] = {"T", "t", "True", "TRUE", "  true\r\n"};
	const char *no[] = {"F", "f", "False", "false", "\tFaLsE "};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		assert_int_equal(parse(EC_KEY_TF, yes[i], &v, &err), EC_OK);
		assert_true(v.truth && !v.blank);
		assert_int_equal(v.letters, 1u << 19); /* T, the 20th letter */
		assert_int_equal(parse(EC_KEY_TF, no[i], &v, &err), EC_OK);
		assert_false(v.truth);
		assert_int_equal(v.letters, 1u << 5); /* F, the 6th */
	}
	assert_int_equal(parse(EC_KEY_TF, "yes", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'yes' is not true or false (T, F, True, False)");
	assert_int_equal(parse(EC_KEY_TF, "Tr", &v, &err), EC_ERR_PARSE);
}

static void test_value_parse_mc_forms(void **state)
{
	/* every spelling of "A and B": bits 0 and 1 = 3 */
	const char *ab[] = {"AB", "ab", "b,a", "A B", "B;A", "a/b", "A+B", " b , a ", "ABA"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ab) / sizeof(ab[0]); i++) {
		assert_int_equal(parse(EC_KEY_MC, ab[i], &v, &err), EC_OK);
		assert_int_equal(v.letters, 3);
	}
	assert_int_equal(parse(EC_KEY_MC, "e", &v, &err), EC_OK);
	assert_int_equal(v.letters, 16);
	assert_int_equal(parse(EC_KEY_MC, "A1", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'A1' is not a set of option letters");
	assert_int_equal(parse(EC_KEY_MC, ",", &v, &err), EC_ERR_PARSE);
}

static void test_value_parse_number_forms(void **state)
{
	static const struct {
		const char *text;
		double value;
	} ok[] = {
		{"3", 3},          {"-0.25", -0.25},   {"-1/4", -0.25},     {"+7", 7},
		{".5", 0.5},       {"2.5e-3", 0.0025}, {"1E2", 100},        {"3/1.5", 2},
		/* 16*8*64*64 = 2^4 * 2^3 * 2^6 * 2^6 = 2^19 = 524288 */
		{"16x8x64x64", 524288}, {"16 \xC3\x97 8 \xC3\x97 64 \xC3\x97 64", 524288},
		{"16*8*64*64", 524288}, {"2 X -3", -6},  {"1/2x4", 2},
	};
	const char *bad[] = {"12x", "1/0", "abc", "1..2", "--3", "1e", "inf", "nan",
			     "1e400", "x3", "1 2", "1/"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_NUMBER, ok[i].text, &v, &err), EC_OK);
		assert_near(v.number, ok[i].value, 1e-12);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(EC_KEY_NUMBER, bad[i], &v, &err), EC_ERR_PARSE);
	parse(EC_KEY_NUMBER, "12x", &v, &err);
	assert_string_equal(err.msg, "'12x' is not a number");
}

/* The fast decimal reader agrees bit for bit with strtod (a second method). */
static void test_value_parse_number_matches_strtod(void **state)
{
	uint64_t x = 0x2545F4914F6CDD1Du;
	char text[64];
	ec_value v;
	ec_error err;
	int k;

	(void)state;
	for (k = 0; k < 20000; k++) {
		unsigned long long m;
		int scale, e;

		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		m = (unsigned long long)((x * 2685821657736338717u) >> (11 + k % 40));
		scale = (int)(x % 19);
		e = (int)(x >> 40) % 50 - 25;
		if (k % 3 == 0)
			snprintf(text, sizeof(text), "%llu", m);
		else if (k % 3 == 1)
			snprintf(text, sizeof(text), "%llu.%0*llu", m % 100000, scale,
				 (unsigned long long)(x % 1000000007u));
		else
			snprintf(text, sizeof(text), "%llue%d", m, e);
		assert_int_equal(parse(EC_KEY_NUMBER, text, &v, &err), EC_OK);
		if (v.number != strtod(text, NULL))
			fail_msg("'%s' read as %.17g, strtod gives %.17g", text, v.number,
				 strtod(text, NULL));
	}
}

static void test_value_parse_count_forms(void **state)
{
	ec_value v;
	ec_error err;

	(void)state;
	assert_int_equal(parse(EC_KEY_COUNT, "6000", &v, &err), EC_OK);
	assert_true(v.count == 6000);
	assert_int_equal(parse(EC_KEY_COUNT, "6e3", &v, &err), EC_OK);
	assert_true(v.count == 6000);
	assert_int_equal(parse(EC_KEY_COUNT, "12/4", &v, &err), EC_OK);
	assert_true(v.count == 3);
	/* 5*5*5*3*16 = 6000 */
	assert_int_equal(parse(EC_KEY_COUNT, "5x5x5x3x16", &v, &err), EC_OK);
	assert_true(v.count == 6000);
	/* 2^64 - 1 read exactly, digit by digit */
	assert_int_equal(parse(EC_KEY_COUNT, "18446744073709551615", &v, &err), EC_OK);
	assert_true(v.count == UINT64_MAX);
	assert_int_equal(parse(EC_KEY_COUNT, "18446744073709551616", &v, &err), EC_ERR_OVERFLOW);
	/* 2^32 * 2^32 = 2^64 does not fit */
	assert_int_equal(parse(EC_KEY_COUNT, "4294967296x4294967296", &v, &err), EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "'4294967296x4294967296' does not fit in 64 bits");
	assert_int_equal(parse(EC_KEY_COUNT, "2.5", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_COUNT, "-3", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_COUNT, "12x", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'12x' is not a whole number");
}

/* A table cell without parameters: none, N/A, NA or - is the count 0. */
static void test_value_parse_count_none_words(void **state)
{
	static const char *const zero[] = {"none", "None", "N/A", "n/a", "NA", "-", " - "};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(zero) / sizeof(zero[0]); i++) {
		v.count = 99;
		assert_int_equal(parse(EC_KEY_COUNT, zero[i], &v, &err), EC_OK);
		assert_false(v.blank);
		assert_true(v.count == 0);
	}
	assert_int_equal(parse(EC_KEY_COUNT, "nonesuch", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_COUNT, "--", &v, &err), EC_ERR_PARSE);
	/* only counts: a number or a shape is never 'none' */
	assert_int_equal(parse(EC_KEY_NUMBER, "none", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_DIMS, "N/A", &v, &err), EC_ERR_PARSE);
}

static void test_value_parse_dims_forms(void **state)
{
	const char *forms[] = {"16x8x64x64", "16 x 8 x 64 x 64", "16X8X64X64", "16*8*64*64",
			       "16\xC3\x97" "8\xC3\x97" "64\xC3\x97" "64"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		assert_int_equal(parse(EC_KEY_DIMS, forms[i], &v, &err), EC_OK);
		assert_int_equal(v.ndims, 4);
		assert_true(v.dims[0] == 16 && v.dims[1] == 8 && v.dims[2] == 64 && v.dims[3] == 64);
	}
	assert_int_equal(parse(EC_KEY_DIMS, "256", &v, &err), EC_OK);
	assert_int_equal(v.ndims, 1);
	assert_int_equal(parse(EC_KEY_DIMS, "12x", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'12x' is not a product of whole numbers");
	assert_int_equal(parse(EC_KEY_DIMS, "16x8.5", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_DIMS, "-16x8", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_DIMS, "1x2x3x4x5x6x7x8x9", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'1x2x3x4x5x6x7x8x9' is not a shape (too many factors)");
}

static void test_value_parse_mask_forms(void **state)
{
	ec_value v;
	ec_error err;

	(void)state;
	assert_int_equal(parse(EC_KEY_MASK, "010111010", &v, &err), EC_OK);
	assert_string_equal(v.mask, "010111010");
	assert_int_equal(parse(EC_KEY_MASK, "0 1 0, 1 1 1/0 1 0", &v, &err), EC_OK);
	assert_string_equal(v.mask, "010111010");
	assert_int_equal(parse(EC_KEY_MASK, "0102", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'0102' is not a mask of 0 and 1 digits");
	/* separators without a digit are no mask (and no blank either) */
	assert_int_equal(parse(EC_KEY_MASK, " , ; ", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "', ;' is not a mask of 0 and 1 digits");
}

/*
 * Counts written as arithmetic, each value by hand: (16 x 64 x 64) x
 * (3 x 3 x 3) = 65536 x 27 = 1769472 (as 'examcheck q3.2.3' writes the
 * multiplications); 2**3 = 8; 2^10 = 1024; 2**3**2 = 2**9 = 512 (powers
 * from the right); 16*3*5*5*5 = 48 x 125 = 6000; a shape in brackets is
 * its product: (16, 64, 64) x (3, 3, 3) = 1769472; (2x3)(4) = 24;
 * (6,000) x 2 = 12000 (a group of three stays a number); 2**63 =
 * 9223372036854775808.
 */
static void test_value_parse_count_arithmetic(void **state)
{
	static const struct {
		const char *text;
		uint64_t count;
	} ok[] = {
		{"(16 x 64 x 64) x (3 x 3 x 3)", 1769472},
		{"2**3", 8},
		{"2^10", 1024},
		{"2**3**2", 512},
		{"16*3*5*5*5", 6000},
		{"(16, 64, 64) x (3, 3, 3)", 1769472},
		{"(2x3)(4)", 24},
		{"[2 x 3]", 6},
		{"(6,000) x 2", 12000},
		{"2 ** 63", UINT64_C(9223372036854775808)},
		{"1**99999999999", 1},
		{"( (2) )", 2},
	};
	const char *bad[] = {"(2", "2)", "2**", "(2 x 3", "2 ** -1", "(1.5) x 2", "2^^3",
			     "()", "(2 x 3) +", "2 x (3 x)"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_COUNT, ok[i].text, &v, &err), EC_OK);
		if (v.count != ok[i].count)
			fail_msg("'%s' read as %llu", ok[i].text, (unsigned long long)v.count);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_COUNT, bad[i], &v, &err) != EC_ERR_PARSE)
			fail_msg("'%s' was read as a count", bad[i]);
	parse(EC_KEY_COUNT, "(2", &v, &err);
	assert_string_equal(err.msg, "'(2' is not a whole number");
	/* 2^64 and (2^32)^2 are one past the largest count */
	assert_int_equal(parse(EC_KEY_COUNT, "2**64", &v, &err), EC_ERR_OVERFLOW);
	assert_int_equal(parse(EC_KEY_COUNT, "(2**32)**2", &v, &err), EC_ERR_OVERFLOW);
	assert_string_equal(err.msg, "'(2**32)**2' does not fit in 64 bits");
}

/* A count or a number followed by the word for what it counts; other words are no unit. */
static void test_value_parse_unit_words(void **state)
{
	static const struct {
		const char *text;
		uint64_t count;
	} ok[] = {
		{"8 layers", 8},       {"6000 weights", 6000}, {"6,000 Weights", 6000},
		{"32 parameters", 32}, {"1 bias", 1},          {"16 biases", 16},
		{"8 LAYER", 8},        {"2**3 layers", 8},     {"1769472 multiplications", 1769472},
	};
	const char *bad[] = {"8 apples", "layers", "8layers", "8 layerss", "8 layers deep"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_COUNT, ok[i].text, &v, &err), EC_OK);
		if (v.count != ok[i].count)
			fail_msg("'%s' read as %llu", ok[i].text, (unsigned long long)v.count);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_COUNT, bad[i], &v, &err) == EC_OK)
			fail_msg("'%s' was read as a count", bad[i]);
	assert_int_equal(parse(EC_KEY_NUMBER, "13 nodes", &v, &err), EC_OK);
	assert_near(v.number, 13, 0);
	assert_int_equal(v.sigfigs, 2);
	/* "ln" is a function, not a unit: 48 ln 2 stays an expression */
	assert_int_equal(parse(EC_KEY_NUMBER, "48 ln 2", &v, &err), EC_OK);
	assert_near(v.number, 48 * log(2), 1e-12);
}

/* A mask written as a matrix, rows in brackets or ended by ';': the digits row by row. */
static void test_value_parse_mask_matrix_forms(void **state)
{
	const char *forms[] = {"[[0,1,0],[0,1,1],[0,0,0]]", "[0 1 0; 0 1 1; 0 0 0]",
			       "((0, 1, 0), (0, 1, 1), (0, 0, 0))", "[010; 011; 000]"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		assert_int_equal(parse(EC_KEY_MASK, forms[i], &v, &err), EC_OK);
		assert_string_equal(v.mask, "010011000");
	}
	assert_int_equal(parse(EC_KEY_MASK, "[[0,1,2]]", &v, &err), EC_ERR_PARSE);
	assert_int_equal(parse(EC_KEY_MASK, "[[ ]]", &v, &err), EC_ERR_PARSE);
}

/* True/false as students write it: a trailing period, parentheses, any case. */
static void test_value_parse_tf_written_forms(void **state)
{
	const char *yes[] = {"T", "true", "True.", "(T)", "TRUE.", "(t)", "( True. )", "(true)."};
	const char *no[] = {"F", "false", "False.", "(f)", "(F)", "fAlSe.", "(false.)", "f."};
	const char *bad[] = {"T..", "()", "(T", "T)", "yes", "(T)(F)", ".", "TF"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		assert_int_equal(parse(EC_KEY_TF, yes[i], &v, &err), EC_OK);
		assert_true(v.truth && !v.blank);
		assert_int_equal(parse(EC_KEY_TF, no[i], &v, &err), EC_OK);
		assert_false(v.truth);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_TF, bad[i], &v, &err) != EC_ERR_PARSE)
			fail_msg("'%s' was read as true or false", bad[i]);
	parse(EC_KEY_TF, "T..", &v, &err);
	assert_string_equal(err.msg, "'T..' is not true or false (T, F, True, False)");
}

/* Options as students write them; each set derived by hand (bit k = letter 'A' + k). */
static void test_value_parse_mc_written_forms(void **state)
{
	static const struct {
		const char *text;
		uint32_t letters;
	} ok[] = {
		{"AC", 0x5},      {"a, c", 0x5},   {"A and C", 0x5}, {"A;C", 0x5},
		{"(A)(C)", 0x5},  {"A C.", 0x5},   {"c AND a", 0x5}, {"a & c", 0x5},
		{"(a), (c)", 0x5}, {"b,a", 0x3},   {"A, B and D", 0xB}, /* A=1, B=2, D=8 */
		/* "and" not between two letters is three letters: A, N (bit 13), D (bit 3) */
		{"and A", 0x2009}, {"A and", 0x2009}, {"AND", 0x2009},
	};
	ec_value v;
	ec_error err;
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_MC, ok[i].text, &v, &err), EC_OK);
		if (v.letters != ok[i].letters)
			fail_msg("'%s' read as 0x%x, expected 0x%x", ok[i].text, (unsigned)v.letters,
				 (unsigned)ok[i].letters);
	}
	/* sorted into the key's form */
	parse(EC_KEY_MC, "b,a", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "AB");
	parse(EC_KEY_MC, "(C)(A)", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "AC");
	assert_int_equal(parse(EC_KEY_MC, "A and 3", &v, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "'A and 3' is not a set of option letters");
	assert_int_equal(parse(EC_KEY_MC, "( )", &v, &err), EC_ERR_PARSE);
}

/* Shapes: every form of 16x8x64x64. */
static void test_value_parse_dims_written_forms(void **state)
{
	const char *forms[] = {"16x8x64x64", "16 \xC3\x97 8 \xC3\x97 64 \xC3\x97 64",
			       "(16, 8, 64, 64)", "[16,8,64,64]", "16*8*64*64", "16, 8, 64, 64",
			       "( 16 x 8 x 64 x 64 )", "[16 , 8 , 64 , 64]"};
	const char *bad[] = {"[16,8,64,64)", "(16,,8)", "16,8,", "(16 8)", "((16,8))", "16;8"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		assert_int_equal(parse(EC_KEY_DIMS, forms[i], &v, &err), EC_OK);
		assert_int_equal(v.ndims, 4);
		assert_true(v.dims[0] == 16 && v.dims[1] == 8 && v.dims[2] == 64 && v.dims[3] == 64);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_DIMS, bad[i], &v, &err) != EC_ERR_PARSE)
			fail_msg("'%s' was read as a shape", bad[i]);
	parse(EC_KEY_DIMS, "[16,8,64,64)", &v, &err);
	assert_string_equal(err.msg, "'[16,8,64,64)' is not a product of whole numbers");
}

/* Counts: thousands groups of three, scientific notation of whole numbers. */
static void test_value_parse_count_written_forms(void **state)
{
	static const struct {
		const char *text;
		uint64_t count;
	} ok[] = {
		{"6000", 6000},           {"6,000", 6000},         {"6 000", 6000},
		{"1e3", 1000},            {"1.5e3", 1500},         /* 1.5 * 10^3 */
		{"1,000,000", 1000000},   {"1 000 000", 1000000},  {"12,000", 12000},
		{"524,288", 524288},      {"6 000x2", 12000},      {"none", 0},
		{"N/A", 0},               {"-", 0},
		/* 2^64 - 1 = 18446744073709551615, in groups */
		{"18,446,744,073,709,551,615", UINT64_MAX},
	};
	/* groups of other sizes, mixed separators, a fraction of a whole */
	const char *bad[] = {"6,00", "60,00", "6,0001", "1,5", "1,000 000", "1 000,000",
			     "6000,000", ",600", "6,000,", "2.5e0", "1.5e0", "6.000,5"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_COUNT, ok[i].text, &v, &err), EC_OK);
		if (v.count != ok[i].count)
			fail_msg("'%s' read as %llu", ok[i].text, (unsigned long long)v.count);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_COUNT, bad[i], &v, &err) != EC_ERR_PARSE)
			fail_msg("'%s' was read as a count", bad[i]);
	parse(EC_KEY_COUNT, "6,00", &v, &err);
	assert_string_equal(err.msg, "'6,00' is not a whole number");
	assert_int_equal(parse(EC_KEY_COUNT, "18,446,744,073,709,551,616", &v, &err),
			 EC_ERR_OVERFLOW);
}

/*
 * Whole numbers in scientific notation are read exactly, beyond 2^53
 * (where a double stops telling neighbours apart) up to 2^64 - 1; above,
 * the message says so. Each value by hand: 10^18; 1.5 * 10^3; 2^64 - 1 =
 * 18446744073709551615 written as 1.8446744073709551615 * 10^19; 12 * 10^17
 * digit for digit; 10^19 < 2^64 = 1.8446...e19 < 2 * 10^19.
 */
static void test_value_parse_count_scientific_exact(void **state)
{
	static const struct {
		const char *text;
		uint64_t count;
	} ok[] = {
		{"1e18", UINT64_C(1000000000000000000)},
		{"1E18", UINT64_C(1000000000000000000)},
		{"1.5e3", 1500},
		{"1e19", UINT64_C(10000000000000000000)},
		{"1.8446744073709551615e19", UINT64_MAX},
		{"12e17", UINT64_C(1200000000000000000)},
		{"1000000000000000001e0", UINT64_C(1000000000000000001)}, /* not rounded */
		{"0.000001e6", 1},
		{"2.50e1", 25},
		{"0e999", 0},
		{"1e18x2", UINT64_C(2000000000000000000)},
		{"1e30/1e20", UINT64_C(10000000000)}, /* a fraction, as a double: 1e10 */
	};
	static const struct {
		const char *text;
		ec_status status;
		const char *msg;
	} bad[] = {
		{"2e19", EC_ERR_OVERFLOW, "'2e19' does not fit in 64 bits"},
		{"1.8446744073709551616e19", EC_ERR_OVERFLOW,
		 "'1.8446744073709551616e19' does not fit in 64 bits"},
		{"1e400", EC_ERR_OVERFLOW, "'1e400' does not fit in 64 bits"},
		{"1e10x1e10", EC_ERR_OVERFLOW, "'1e10x1e10' does not fit in 64 bits"},
		{"4e19/2", EC_ERR_OVERFLOW, "'4e19/2' does not fit in 64 bits"},
		{"1.5e-3", EC_ERR_PARSE, "'1.5e-3' is not a whole number"},
		{"1.0000000000000000001e18", EC_ERR_PARSE,
		 "'1.0000000000000000001e18' is not a whole number"},
		{"1e18/2", EC_ERR_PARSE,
		 "'1e18/2' cannot be read exactly above 2^53; write its digits"},
	};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (parse(EC_KEY_COUNT, ok[i].text, &v, &err) != EC_OK)
			fail_msg("'%s' refused: %s", ok[i].text, err.msg);
		if (v.count != ok[i].count)
			fail_msg("'%s' read as %llu", ok[i].text, (unsigned long long)v.count);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(EC_KEY_COUNT, bad[i].text, &v, &err), bad[i].status);
		assert_string_equal(err.msg, bad[i].msg);
	}
	/* a shape's factors too */
	assert_int_equal(parse(EC_KEY_DIMS, "1.6e1x8", &v, &err), EC_OK);
	assert_int_equal(v.ndims, 2);
	assert_int_equal(v.dims[0], 16);
}

/* Numbers as students write them; each value worked by hand. */
static void test_value_parse_number_written_forms(void **state)
{
	const double ln2 = 0.69314718055994530942; /* ln 2 */
	const struct {
		const char *text;
		double value;
		int sigfigs;
	} ok[] = {
		{"33.27", 33.27, 4},
		{"-0.25", -0.25, 2},
		{"\xE2\x88\x92" "0.25", -0.25, 2},      /* U+2212 minus */
		{"-1/4", -0.25, 0},                     /* a fraction: no figures */
		{"\xE2\x88\x92" "1/4", -0.25, 0},
		{"48 ln 2", 48 * ln2, 0},               /* 33.2710646668773748... */
		{"48ln2", 48 * ln2, 0},
		{"2ln2", 2 * ln2, 0},
		{"48 log 2", 48 * ln2, 0},              /* log is natural */
		{"16 ln(2) + 8", 16 * ln2 + 8, 0},      /* 19.0903548889591249... */
		{"3(1+1)", 6, 0},
		{"2**3", 8, 0},
		{"(1 + 3) / 16 * -1", -0.25, 0},
		{"exp(0)", 1, 0},
		{"sqrt(16)", 4, 0},
		{"sqrt 0.0625", 0.25, 0},               /* 0.25^2 = 0.0625 */
		{"16x8x64x64", 524288, 0},              /* 2^19 */
		{"13", 13, 2},
		{"+7", 7, 1},
		{".5", 0.5, 1},
	};
	const char *bad[] = {"inf", "nan", "-inf", "1e400", "1/0", "ln 0", "sqrt(-1)", "x",
			     "2 3", "--3", "log2(8)", "e", "33.3.", "1,5", "10**400"};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse(EC_KEY_NUMBER, ok[i].text, &v, &err), EC_OK);
		if (!(fabs(v.number - ok[i].value) <= 1e-14 * fmax(1, fabs(ok[i].value))) ||
		    v.sigfigs != ok[i].sigfigs)
			fail_msg("'%s' read as %.17g (%d s.f.), expected %.17g (%d s.f.)",
				 ok[i].text, v.number, v.sigfigs, ok[i].value, ok[i].sigfigs);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (parse(EC_KEY_NUMBER, bad[i], &v, &err) != EC_ERR_PARSE)
			fail_msg("'%s' was read as a number", bad[i]);
	parse(EC_KEY_NUMBER, "1/0", &v, &err);
	assert_string_equal(err.msg, "'1/0' has no finite value (1/0: division by zero)");
	parse(EC_KEY_NUMBER, "1e400", &v, &err);
	assert_string_equal(err.msg, "'1e400' is not a finite number");
	parse(EC_KEY_NUMBER, "2 3", &v, &err);
	assert_string_equal(err.msg, "'2 3' is not a number");
}

/* Significant figures written: from the first non-zero digit, trailing zeros included. */
static void test_value_parse_number_sigfigs(void **state)
{
	static const struct {
		const char *text;
		int sigfigs;
	} cases[] = {
		{"33.3", 3},    {"33.30", 4},   {"33.271", 5}, {"33", 2},   {"-33.2", 3},
		{"0.25", 2},    {"0.250", 3},   {"0.0250", 3}, {".025", 2}, {"0.00125", 3},
		{"1.25e-3", 3}, {"125e-5", 3},  {"1.250E-3", 4}, {"1300", 4}, {"1300.", 4},
		{"007.5", 2},   {"0", 0},       {"0.000", 0},  {"-0.0", 0},
		{"33.2710646668773", 15},
	};
	ec_value v;
	ec_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(EC_KEY_NUMBER, cases[i].text, &v, &err), EC_OK);
		if (v.sigfigs != cases[i].sigfigs)
			fail_msg("'%s': %d significant figures, expected %d", cases[i].text,
				 v.sigfigs, cases[i].sigfigs);
	}
}

static void test_value_parse_blank(void **state)
{
	ec_value v;
	ec_error err;
	int k;

	(void)state;
	for (k = EC_KEY_TF; k <= EC_KEY_MANUAL; k++) {
		assert_int_equal(parse((ec_key_kind)k, "", &v, &err), EC_OK);
		assert_true(v.blank);
		assert_int_equal(parse((ec_key_kind)k, " \t ", &v, &err), EC_OK);
		assert_true(v.blank);
	}
	/* prose is never read */
	assert_int_equal(parse(EC_KEY_MANUAL, "anything at all", &v, &err), EC_OK);
	assert_true(v.blank);
}

static void test_value_format_canonical(void **state)
{
	ec_value v;
	ec_error err;
	char buf[64];

	(void)state;
	parse(EC_KEY_MC, "c, a", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "AC");
	parse(EC_KEY_TF, "false", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "F");
	parse(EC_KEY_DIMS, "16 * 8", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "16x8");
	parse(EC_KEY_NUMBER, "-1/4", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "-0.25");
	parse(EC_KEY_COUNT, "2x3", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "6");
	parse(EC_KEY_TF, "", &v, &err);
	assert_string_equal(ec_value_format(&v, buf, sizeof(buf)), "");
}

/* Every spelling of an item id the sheets and roster headers accept. */
static void test_item_id_normalise_forms(void **state)
{
	static const struct {
		const char *written, *id;
	} cases[] = {
		{"1.1", "1.1"},      {"Q1.1", "1.1"},          {"q1.1", "1.1"},
		{"1.1:", "1.1"},     {"1.1)", "1.1"},          {"Q2.8)", "2.8"},
		{"q3.1.2:", "3.1.2"}, {" Q1.10 ", "1.10"},     {"3.2.1.1.dims", "3.2.1.1.dims"},
		{"Q3.2.1.1.dims)", "3.2.1.1.dims"},
		/* not an id prefix: a Q before a letter, a lone ':' or ')' */
		{"Quiz", "Quiz"},    {"Q", "Q"},               {":", ":"},
		{"1.1))", "1.1)"},   {"", ""},
	};
	char out[40];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(ec_item_id_normalise(cases[i].written, strlen(cases[i].written),
						      out, sizeof(out)),
				 EC_OK);
		assert_string_equal(out, cases[i].id);
	}
	/* "1.1" and its NUL need 4 bytes */
	assert_int_equal(ec_item_id_normalise("Q1.1:", 5, out, 4), EC_OK);
	assert_string_equal(out, "1.1");
	assert_int_equal(ec_item_id_normalise("Q1.1:", 5, out, 3), EC_ERR_RANGE);
	assert_string_equal(out, "");
	/* not NUL-terminated: only len bytes are read */
	assert_int_equal(ec_item_id_normalise("Q2.8)xyz", 5, out, sizeof(out)), EC_OK);
	assert_string_equal(out, "2.8");
}

/* A sheet's ids in the students' spellings; the answer may follow ':' or ')' directly. */
static void test_sheet_parse_id_forms(void **state)
{
	const char text[] = "Q1.1 T\n"
			    "q1.2: F\n"
			    "1.3) true\n"
			    "Q2.8) b, d\n"
			    "2.9:AC\n"
			    "2.10)(A)(B)\n"
			    "Q3.3.7:\n";
	static const char *const ids[] = {"1.1", "1.2", "1.3", "2.8", "2.9", "2.10", "3.3.7"};
	static const char *const answers[] = {"T", "F", "true", "b, d", "AC", "(A)(B)", ""};
	ec_sheet sheet;
	ec_error err;
	size_t i;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse(text, strlen(text), "s.txt", &sheet, &err), EC_OK);
	assert_int_equal(sheet.count, 7);
	for (i = 0; i < 7; i++) {
		assert_int_equal(sheet.entries[i].id_len, strlen(ids[i]));
		assert_memory_equal(sheet.entries[i].id, ids[i], strlen(ids[i]));
		assert_int_equal(sheet.entries[i].answer_len, strlen(answers[i]));
		assert_memory_equal(sheet.entries[i].answer, answers[i], strlen(answers[i]));
	}
	ec_sheet_free(&sheet);
	/* two spellings of one id are one id, answered twice: two entries */
	assert_int_equal(ec_sheet_parse("1.1 T\nQ1.1) F\n", 14, "s.txt", &sheet, &err), EC_OK);
	assert_int_equal(sheet.count, 2);
	assert_memory_equal(sheet.entries[1].id, "1.1", 3);
	assert_int_equal(sheet.entries[1].id_len, 3);
	ec_sheet_free(&sheet);
}

static void test_sheet_parse_lines(void **state)
{
	const char text[] = "# my sheet\r\n\n1.1 True\r\n  2.1   b, a  \n3.3.4\n\t# indented comment\n3.1.2 -1/4";
	ec_sheet sheet;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse(text, strlen(text), "s.txt", &sheet, &err), EC_OK);
	assert_int_equal(sheet.count, 4);
	assert_int_equal(sheet.entries[0].line, 3);
	assert_int_equal(sheet.entries[0].id_len, 3);
	assert_memory_equal(sheet.entries[0].answer, "True", 4);
	assert_int_equal(sheet.entries[0].answer_len, 4);
	assert_memory_equal(sheet.entries[1].answer, "b, a", 4);
	assert_int_equal(sheet.entries[1].answer_len, 4);
	assert_int_equal(sheet.entries[2].answer_len, 0); /* id alone: blank */
	assert_int_equal(sheet.entries[2].line, 5);
	assert_int_equal(sheet.entries[3].line, 7);
	assert_memory_equal(sheet.entries[3].answer, "-1/4", 4);
	ec_sheet_free(&sheet);
}

/* Repeats are the grader's to flag: the parser keeps each line. */
static void test_sheet_parse_keeps_repeats(void **state)
{
	const char text[] = "1.1 T\n2.1 A\n1.1 F\n";
	ec_sheet sheet;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse(text, strlen(text), "s.txt", &sheet, &err), EC_OK);
	assert_int_equal(sheet.count, 3);
	assert_int_equal(sheet.entries[2].line, 3);
	assert_memory_equal(sheet.entries[2].answer, "F", 1);
	ec_sheet_free(&sheet);
}

static void test_sheet_parse_rejects_empty_file(void **state)
{
	ec_sheet sheet;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse("", 0, "s.txt", &sheet, &err), EC_ERR_PARSE);
	assert_string_equal(err.msg, "file is empty");
	assert_string_equal(err.file, "s.txt");
}

static void test_sheet_parse_rejects_nul(void **state)
{
	const char text[] = "1.1 T\n2.1 \0A\n";
	ec_sheet sheet;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse(text, sizeof(text) - 1, "s.txt", &sheet, &err),
			 EC_ERR_PARSE);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "contains a NUL byte");
}

/* A BOM is skipped; CRLF, a lone CR and LF all end lines. */
static void test_sheet_parse_bom_and_line_ends(void **state)
{
	const char text[] = "\xEF\xBB\xBF" "1.1 T\r\n" /* line 1 */
			    "1.2 F\r"                  /* line 2 */
			    "\r"                       /* line 3, empty */
			    "2.1 AB\n"                 /* line 4 */
			    "2.2 \0C\r";               /* line 5: a NUL */
	ec_sheet sheet;
	ec_error err;

	(void)state;
	ec_error_clear(&err);
	assert_int_equal(ec_sheet_parse(text, 28, "s.txt", &sheet, &err), EC_OK); /* 3+7+6+1+7+4 bytes, before the NUL */
	assert_int_equal(sheet.count, 4);
	assert_int_equal(sheet.entries[0].id_len, 3);
	assert_memory_equal(sheet.entries[0].id, "1.1", 3);
	assert_int_equal(sheet.entries[1].line, 2);
	assert_int_equal(sheet.entries[1].answer_len, 1);
	assert_int_equal(sheet.entries[2].line, 4);
	assert_int_equal(sheet.entries[3].line, 5);
	assert_int_equal(sheet.entries[3].answer_len, 0); /* "2.2 ": an id alone */
	ec_sheet_free(&sheet);
	assert_int_equal(ec_sheet_parse(text, sizeof(text) - 1, "s.txt", &sheet, &err),
			 EC_ERR_PARSE);
	assert_int_equal(err.line, 5);
	assert_string_equal(err.msg, "contains a NUL byte");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_parse_tf_forms),
		cmocka_unit_test(test_value_parse_mc_forms),
		cmocka_unit_test(test_value_parse_number_forms),
		cmocka_unit_test(test_value_parse_count_none_words),
		cmocka_unit_test(test_value_parse_number_matches_strtod),
		cmocka_unit_test(test_value_parse_count_forms),
		cmocka_unit_test(test_value_parse_dims_forms),
		cmocka_unit_test(test_value_parse_mask_forms),
		cmocka_unit_test(test_value_parse_tf_written_forms),
		cmocka_unit_test(test_value_parse_mc_written_forms),
		cmocka_unit_test(test_value_parse_dims_written_forms),
		cmocka_unit_test(test_value_parse_count_written_forms),
		cmocka_unit_test(test_value_parse_count_scientific_exact),
		cmocka_unit_test(test_value_parse_count_arithmetic),
		cmocka_unit_test(test_value_parse_unit_words),
		cmocka_unit_test(test_value_parse_mask_matrix_forms),
		cmocka_unit_test(test_value_parse_number_written_forms),
		cmocka_unit_test(test_value_parse_number_sigfigs),
		cmocka_unit_test(test_value_parse_blank),
		cmocka_unit_test(test_value_format_canonical),
		cmocka_unit_test(test_item_id_normalise_forms),
		cmocka_unit_test(test_sheet_parse_id_forms),
		cmocka_unit_test(test_sheet_parse_lines),
		cmocka_unit_test(test_sheet_parse_keeps_repeats),
		cmocka_unit_test(test_sheet_parse_rejects_empty_file),
		cmocka_unit_test(test_sheet_parse_rejects_nul),
		cmocka_unit_test(test_sheet_parse_bom_and_line_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
