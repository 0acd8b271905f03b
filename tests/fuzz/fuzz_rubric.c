/*
 * fuzz_rubric.c: rubric text (ec_rubric.h). The input is parsed with
 * ec_rubric_parse(); a rubric that parses is joined with the fixture key
 * (fuzz_grader.h) by ec_grader_init(), which reads its alternatives and
 * matches its patterns. The input as a C string is also given to
 * ec_rubric_accept(), the --accept option, and that rubric joined too.
 */
#include "fuzz_grader.h"

#include <math.h>

static void join(const ec_rubric *r)
{
	ec_grader g;
	ec_key key;
	ec_error err;

	ec_error_clear(&err);
	FUZZ_CHECK(fuzz_make_key(&key, &err) == EC_OK);
	for (size_t i = 0; i < key.count; i++) {
		const ec_rubric_rule *rule = ec_rubric_rule_for(r, key.items[i].id);

		if (rule)
			FUZZ_CHECK(ec_rubric_pattern_matches(rule->pattern, key.items[i].id));
	}
	if (ec_grader_init(&g, &key, r, &err) == EC_OK) {
		FUZZ_CHECK(isfinite(g.max_auto) && isfinite(g.min_auto));
		ec_grader_free(&g);
	}
	ec_key_free(&key);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_rubric r;
	ec_error err;
	char *spec;

	memset(&r, 0, sizeof(r));
	ec_error_clear(&err);
	if (ec_rubric_parse(&r, (const char *)data, size, "fuzz.rubric", &err) == EC_OK) {
		for (size_t i = 0; i < r.nrules; i++)
			FUZZ_CHECK(memchr(r.rules[i].pattern, '\0', sizeof(r.rules[i].pattern)));
		for (size_t i = 0; i < r.nalts; i++)
			FUZZ_CHECK(memchr(r.alts[i].answer, '\0', sizeof(r.alts[i].answer)));
		join(&r);
	} else {
		FUZZ_CHECK(err.status != EC_ERR_PARSE || err.line >= 1);
	}
	ec_rubric_free(&r);

	spec = fuzz_strndup(data, size, 0);
	if (!spec)
		return 0;
	memset(&r, 0, sizeof(r));
	if (ec_rubric_parse(&r, fuzz_rubric_text, sizeof(fuzz_rubric_text) - 1, "rubric", &err) ==
		    EC_OK &&
	    ec_rubric_accept(&r, spec, "--accept", &err) == EC_OK)
		join(&r);
	ec_rubric_free(&r);
	free(spec);
	return 0;
}
