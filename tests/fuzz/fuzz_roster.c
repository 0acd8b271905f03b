/*
 * fuzz_roster.c: grading a class roster (ec_roster.h) against the small
 * fixture grader (fuzz_grader.h). The input is the roster; it is graded
 * three times: one thread with the default chunk, then one and two
 * threads with a small chunk_bytes (1 to 128) chosen from the first byte.
 * ec_roster.h promises the same output, messages and callbacks whatever
 * the threads; the harness checks that all three runs agree (status,
 * summary, graded CSV and messages) and that every row's numbers are
 * finite. A fourth run, two threads, has the students it can count
 * tallied (on_tally): the same summary and CSV, every student either
 * handed out or counted, and a tally whose counts add up.
 */
#include "fuzz_grader.h"

#include <math.h>

#include "examcheck/ec_roster.h"

typedef struct run {
	ec_status status;
	ec_roster_summary sum;
	char *out, *msgs;
	size_t out_len, msgs_len;
	FILE *msgf;
	uint64_t rows, tallied;
	bool header_seen;
} run;

static bool on_header(void *ctx, const ec_roster_header *h)
{
	run *r = ctx;

	FUZZ_CHECK(!r->header_seen && r->rows == 0);
	(void)h;
	r->header_seen = true;
	return true;
}

static bool on_row(void *ctx, const ec_roster_row *row)
{
	run *r = ctx;

	FUZZ_CHECK(r->header_seen);
	FUZZ_CHECK(row->line >= 2);
	FUZZ_CHECK(isfinite(row->total));
	FUZZ_CHECK(row->flagged != NULL);
	for (size_t i = 0; i < row->nfields; i++)
		FUZZ_CHECK(row->fields[i][row->lens[i]] == '\0');
	r->rows++;
	if (r->msgf)
		fprintf(r->msgf, "row %ld %.17g %s\n", row->line, row->total, row->flagged);
	return true;
}

static void on_tally(void *ctx, const ec_roster_tally *t)
{
	run *r = ctx;

	FUZZ_CHECK(r->header_seen && r->tallied == 0);
	for (size_t k = 0; k < t->ntotals; k++) {
		FUZZ_CHECK(isfinite(t->totals[k]) && (k == 0 || t->totals[k - 1] < t->totals[k]));
		FUZZ_CHECK(t->students[k] > 0);
		r->tallied += t->students[k];
		for (size_t i = 0; i < t->nitems; i++) {
			uint64_t n = 0;

			for (size_t a = 0; a < t->nanswers[i]; a++)
				n += t->counts[k * t->width + t->at[i] + a];
			FUZZ_CHECK(n == t->students[k]);
		}
	}
	for (size_t i = 0; i < t->nitems; i++)
		for (size_t a = 0; a < t->nanswers[i]; a++)
			FUZZ_CHECK(t->answers[i][a].verdict != EC_VERDICT_UNREADABLE);
	for (size_t s = 0; s < t->nsections; s++) {
		uint64_t n = 0;

		for (size_t v = 0; v < t->nvalues[s]; v++)
			n += t->value_students[s][v];
		FUZZ_CHECK(n == r->tallied);
	}
}

static void on_report(void *ctx, const ec_error *err)
{
	run *r = ctx;
	char line[512];

	if (r->msgf)
		fprintf(r->msgf, "%d %s\n", (int)err->status,
			ec_error_format(err, line, sizeof(line)));
}

static void grade(const ec_grader *g, const uint8_t *data, size_t size, unsigned threads,
		  size_t chunk, bool tally, run *r)
{
	ec_roster_options opts;
	ec_error err;
	FILE *in = fuzz_open(data, size);
	FILE *out = open_memstream(&r->out, &r->out_len);

	r->msgf = open_memstream(&r->msgs, &r->msgs_len);
	FUZZ_CHECK(in && out && r->msgf);
	memset(&opts, 0, sizeof(opts));
	opts.out = out;
	opts.on_header = on_header;
	opts.on_row = on_row;
	opts.on_report = on_report;
	opts.ctx = r;
	opts.threads = threads;
	opts.chunk_bytes = chunk;
	opts.fields_for_text_only = tally;
	opts.on_tally = tally ? on_tally : NULL;
	ec_error_clear(&err);
	r->status = ec_roster_grade(g, in, "fuzz.csv", &opts, &r->sum, &err);
	if (r->status != EC_OK)
		on_report(r, &err);
	fclose(in);
	fclose(out);
	fclose(r->msgf);
	r->msgf = NULL;
}

static void same(const run *a, const run *b)
{
	FUZZ_CHECK(a->status == b->status);
	FUZZ_CHECK(a->sum.graded == b->sum.graded);
	FUZZ_CHECK(a->sum.flagged_rows == b->sum.flagged_rows);
	FUZZ_CHECK(a->sum.flagged_cells == b->sum.flagged_cells);
	FUZZ_CHECK(a->sum.lost == b->sum.lost);
	FUZZ_CHECK(a->sum.warnings == b->sum.warnings);
	FUZZ_CHECK(a->rows == b->rows);
	FUZZ_CHECK(a->out_len == b->out_len && memcmp(a->out, b->out, a->out_len) == 0);
	FUZZ_CHECK(a->msgs_len == b->msgs_len && memcmp(a->msgs, b->msgs, a->msgs_len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_grader g;
	ec_error err;
	run runs[4];
	size_t chunk = size ? 1 + data[0] % 128 : 1;

	FUZZ_CHECK(fuzz_make_grader(&g, &err) == EC_OK);
	memset(runs, 0, sizeof(runs));
	grade(&g, data, size, 1, 0, false, &runs[0]);
	grade(&g, data, size, 1, chunk, false, &runs[1]);
	grade(&g, data, size, 2, chunk, false, &runs[2]);
	grade(&g, data, size, 2, chunk, true, &runs[3]);
	if (runs[0].status == EC_OK)
		FUZZ_CHECK(runs[0].sum.graded == runs[0].rows);
	same(&runs[0], &runs[1]);
	same(&runs[0], &runs[2]);
	/* counted or handed out, the same run: as the two-thread run with the same chunks */
	FUZZ_CHECK(runs[3].status == runs[2].status);
	FUZZ_CHECK(memcmp(&runs[3].sum, &runs[2].sum, sizeof(runs[2].sum)) == 0);
	FUZZ_CHECK(runs[3].out_len == runs[2].out_len &&
		   memcmp(runs[3].out, runs[2].out, runs[2].out_len) == 0);
	if (runs[2].status == EC_OK)
		FUZZ_CHECK(runs[3].rows + runs[3].tallied == runs[2].rows);
	for (size_t i = 0; i < 4; i++) {
		free(runs[i].out);
		free(runs[i].msgs);
	}
	ec_grader_free(&g);
	return 0;
}
