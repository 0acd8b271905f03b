#include "examcheck/ec_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ec_status ec_grade_sheet_report(const ec_grader *g, const char *text, size_t len,
				const char *file, ec_sheet_report *r, ec_error *err)
{
	ec_sheet sheet = {0};
	ec_status st;
	size_t i;

	memset(r, 0, sizeof(*r));
	r->grader = g;
	r->file = file;
	r->values = calloc(g->count ? g->count : 1, sizeof(*r->values));
	r->results = calloc(g->count ? g->count : 1, sizeof(*r->results));
	r->sections = calloc(g->nsections ? g->nsections : 1, sizeof(*r->sections));
	r->section_max = calloc(g->nsections ? g->nsections : 1, sizeof(*r->section_max));
	if (!r->values || !r->results || !r->sections || !r->section_max) {
		ec_sheet_report_free(r);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	st = ec_sheet_parse(text, len, file, &sheet, err);
	if (st == EC_OK)
		st = ec_grade_sheet(g, &sheet, file, r->values, err);
	ec_sheet_free(&sheet);
	if (st != EC_OK) {
		ec_sheet_report_free(r);
		return st;
	}
	for (i = 0; i < g->count; i++)
		if (g->items[i].rule.scheme != EC_SCHEME_MANUAL)
			r->section_max[g->items[i].section] += g->items[i].key.points;
	r->total = ec_grade_values(g, r->values, r->results, r->sections);
	return EC_OK;
}

void ec_sheet_report_free(ec_sheet_report *r)
{
	free(r->values);
	free(r->results);
	free(r->sections);
	free(r->section_max);
	r->values = NULL;
	r->results = NULL;
	r->sections = NULL;
	r->section_max = NULL;
}

char *ec_grade_item_correct(const ec_grade_item *it, char *buf, size_t size)
{
	size_t k, n;

	if (size == 0)
		return buf;
	snprintf(buf, size, "%s", it->key.answer);
	for (k = 1; k < it->naccepted; k++) {
		char alt[64];

		n = strlen(buf);
		snprintf(buf + n, size - n, " or %s",
			 ec_value_format(&it->accepted[k], alt, sizeof(alt)));
	}
	return buf;
}
