/*
 * fuzz_sheet.c: answer sheets. The input is read three ways:
 *  - as a whole sheet graded by the fixture grader (fuzz_grader.h) with
 *    ec_grade_sheet_report(): the total must be finite and the sum of the
 *    section subtotals;
 *  - split by ec_sheet_parse(): every entry must lie inside the input,
 *    lines must go forward, and each entry's answer is then read as every
 *    kind of item with ec_value_parse();
 *  - as one answer of every kind (the whole input, NULs included).
 * Every value read is written back in the key's form (ec_value_format())
 * and read again: it must give the same value (numbers within 1e-9,
 * as %.10g keeps 10 figures).
 */
#include "fuzz_grader.h"

#include <math.h>

#include "examcheck/ec_report.h"
#include "examcheck/ec_sheet.h"

static void same_value(const ec_value *a, const ec_value *b)
{
	FUZZ_CHECK(a->blank == b->blank && a->kind == b->kind);
	if (a->blank)
		return;
	switch (a->kind) {
	case EC_KEY_TF:
		FUZZ_CHECK(a->truth == b->truth);
		break;
	case EC_KEY_MC:
		FUZZ_CHECK(a->letters == b->letters);
		break;
	case EC_KEY_NUMBER:
		if (fabs(a->number) >= 1e-300)
			FUZZ_CHECK(fabs(a->number - b->number) <= 1e-9 * fabs(a->number));
		break;
	case EC_KEY_COUNT:
		FUZZ_CHECK(a->count == b->count);
		break;
	case EC_KEY_DIMS:
		FUZZ_CHECK(a->ndims == b->ndims);
		FUZZ_CHECK(memcmp(a->dims, b->dims, a->ndims * sizeof(a->dims[0])) == 0);
		break;
	case EC_KEY_MASK:
		FUZZ_CHECK(strcmp(a->mask, b->mask) == 0);
		break;
	case EC_KEY_MANUAL:
		break;
	}
}

/* Read `text` as every kind; check what is read against its key form. */
static void values(const char *text, size_t len)
{
	for (int k = EC_KEY_TF; k <= EC_KEY_MANUAL; k++) {
		ec_value v, again;
		ec_error err;
		char form[256];

		memset(&v, 0, sizeof(v));
		ec_error_clear(&err);
		if (ec_value_parse((ec_key_kind)k, text, len, &v, &err) != EC_OK)
			continue;
		FUZZ_CHECK(v.kind == (ec_key_kind)k);
		if (v.kind == EC_KEY_NUMBER && !v.blank)
			FUZZ_CHECK(isfinite(v.number));
		if (v.kind == EC_KEY_DIMS)
			FUZZ_CHECK(v.ndims <= EC_DIMS_MAX);
		ec_value_format(&v, form, sizeof(form));
		memset(&again, 0, sizeof(again));
		FUZZ_CHECK(ec_value_parse((ec_key_kind)k, form, strlen(form), &again, &err) ==
			   EC_OK);
		same_value(&v, &again);
	}
}

static void report(const ec_grader *g, const char *text, size_t len)
{
	ec_sheet_report r;
	ec_error err;
	double sum = 0;

	ec_error_clear(&err);
	if (ec_grade_sheet_report(g, text, len, "fuzz.txt", &r, &err) != EC_OK)
		return;
	FUZZ_CHECK(isfinite(r.total) && isfinite(r.max) && isfinite(r.pending));
	for (size_t s = 0; s < g->nsections; s++)
		sum += r.sections[s];
	FUZZ_CHECK(fabs(sum - r.total) <= 1e-9 * (1 + fabs(r.total)));
	for (size_t i = 0; i < r.nflags; i++)
		FUZZ_CHECK(r.flags[i].line >= 1);
	ec_sheet_report_free(&r);
}

static void entries(const char *text, size_t len)
{
	ec_sheet sheet;
	ec_error err;
	long line = 0;

	ec_error_clear(&err);
	if (ec_sheet_parse(text, len, "fuzz.txt", &sheet, &err) != EC_OK)
		return;
	for (size_t i = 0; i < sheet.count; i++) {
		const ec_sheet_entry *e = &sheet.entries[i];
		char id[64];

		FUZZ_CHECK(e->id >= text && e->id + e->id_len <= text + len);
		FUZZ_CHECK(e->answer >= text && e->answer + e->answer_len <= text + len);
		FUZZ_CHECK(e->line > line);
		line = e->line;
		(void)ec_item_id_normalise(e->id, e->id_len, id, sizeof(id));
		values(e->answer, e->answer_len);
	}
	ec_sheet_free(&sheet);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	ec_grader g;
	ec_error err;

	FUZZ_CHECK(fuzz_make_grader(&g, &err) == EC_OK);
	report(&g, text, size);
	ec_grader_free(&g);
	entries(text, size);
	values(text, size);
	return 0;
}
