/*
 * fuzz_keyio.c: key files (ec_keyio.h, the TSV written by `examcheck key
 * --format tsv`). The input is parsed with ec_key_parse_tsv(); a key that
 * parses is compared with itself (no difference allowed) and with the
 * fixture key by ec_key_compare(), and joined with the fixture rubric by
 * ec_grader_init(), which reads each answer as its kind.
 */
#include "fuzz_grader.h"

#include <math.h>

#include "examcheck/ec_keyio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_key key, fixture;
	ec_rubric r;
	ec_grader g;
	ec_error err;
	ec_key_diff diffs[16];
	size_t count;

	memset(&key, 0, sizeof(key));
	ec_error_clear(&err);
	if (ec_key_parse_tsv(&key, (const char *)data, size, "fuzz.tsv", &err) != EC_OK) {
		FUZZ_CHECK(err.status != EC_ERR_PARSE || err.line >= 1);
		ec_key_free(&key);
		return 0;
	}
	for (size_t i = 0; i < key.count; i++) {
		FUZZ_CHECK(key.items[i].id[0] != '\0');
		FUZZ_CHECK(isfinite(key.items[i].points) && key.items[i].points >= 0);
		FUZZ_CHECK(ec_key_find(&key, key.items[i].id) == &key.items[i]);
	}
	ec_key_compare(&key, &key, diffs, 16, &count);
	FUZZ_CHECK(count == 0);

	FUZZ_CHECK(fuzz_make_key(&fixture, &err) == EC_OK);
	ec_key_compare(&fixture, &key, diffs, 16, &count);
	ec_key_compare(&key, &fixture, NULL, 0, &count);
	ec_key_free(&fixture);

	memset(&r, 0, sizeof(r));
	FUZZ_CHECK(ec_rubric_parse(&r, fuzz_rubric_text, sizeof(fuzz_rubric_text) - 1, "rubric",
				   &err) == EC_OK);
	if (ec_grader_init(&g, &key, &r, &err) == EC_OK)
		ec_grader_free(&g);
	ec_rubric_free(&r);
	ec_key_free(&key);
	return 0;
}
