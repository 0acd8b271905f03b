/*
 * class_fixture.h: a roster over grade_fixture.h's key, for the tests of
 * what is gathered from roster rows (answer groups, the class, its
 * report): the header "student,1.1,2.1,...", column c answering item c-1,
 * and rows graded as the roster engine grades them (ec_grader_read() and
 * ec_grader_score(), ec_grader_read_mark() for the item marked by hand).
 */
#ifndef EC_CLASS_FIXTURE_H
#define EC_CLASS_FIXTURE_H

#include <string.h>

#include "examcheck/ec_roster.h"
#include "grade_fixture.h"

typedef struct class_fixture {
	ec_grader g;
	char *names[NITEMS + 1];
	long item[NITEMS + 1];
	size_t items[NITEMS];
	ec_roster_header h;
	/* the last row made */
	char *fields[NITEMS + 1];
	size_t lens[NITEMS + 1];
	ec_grade_result results[NITEMS];
	double sections[8];
	char flagged[128];
	ec_roster_row row;
} class_fixture;

/* The fixture's key under its rubric and `extra` rubric lines. */
static void class_fixture_init(class_fixture *f, const char *extra)
{
	ec_error err;
	size_t i;

	memset(f, 0, sizeof(*f));
	assert_int_equal(make_grader(&f->g, extra, &err), EC_OK);
	f->names[0] = (char *)"student";
	f->item[0] = EC_ROSTER_COLUMN_DATA;
	for (i = 0; i < NITEMS; i++) {
		f->names[i + 1] = f->g.items[i].key.id;
		f->item[i + 1] = (long)i;
		f->items[i] = i;
	}
	f->h.names = f->names;
	f->h.nnames = NITEMS + 1;
	f->h.item = f->item;
	f->h.items = f->items;
	f->h.nitems = NITEMS;
}

static void class_fixture_free(class_fixture *f)
{
	ec_grader_free(&f->g);
}

/*
 * Grade a row: cells[0] the student id, cells[1 + i] item i's answer
 * (NULL or "" blank), at input line `line`. Returns the row (valid until
 * the next call).
 */
static const ec_roster_row *class_fixture_row(class_fixture *f, const char *const *cells, long line)
{
	ec_error err;
	size_t i;

	f->flagged[0] = '\0';
	f->fields[0] = (char *)cells[0];
	f->lens[0] = strlen(cells[0]);
	for (i = 0; i < NITEMS; i++) {
		const char *t = cells[i + 1] ? cells[i + 1] : "";
		ec_grade_result *r = &f->results[i];
		ec_value v;

		f->fields[i + 1] = (char *)t;
		f->lens[i + 1] = strlen(t);
		memset(r, 0, sizeof(*r));
		ec_error_clear(&err);
		if (f->g.items[i].rule.scheme == EC_SCHEME_MANUAL) {
			if (ec_grader_read_mark(&f->g, i, t, strlen(t), r, &err) != EC_OK)
				r->verdict = EC_VERDICT_UNREADABLE;
		} else if (ec_grader_read(&f->g, i, t, strlen(t), &v, &err) != EC_OK) {
			r->verdict = EC_VERDICT_UNREADABLE;
		} else {
			r->points = ec_grader_score(&f->g, i, &v, &r->verdict);
			r->letters = v.blank ? 0 : v.letters;
		}
		if (r->verdict == EC_VERDICT_UNREADABLE)
			strcat(f->flagged, f->flagged[0] ? " x" : "x");
	}
	f->row.fields = f->fields;
	f->row.lens = f->lens;
	f->row.nfields = NITEMS + 1;
	f->row.line = line;
	f->row.results = f->results;
	f->row.sections = f->sections;
	f->row.total = ec_grade_sum(&f->g, f->results, f->sections);
	f->row.flagged = f->flagged;
	f->row.grader = 0;
	return &f->row;
}

#endif
