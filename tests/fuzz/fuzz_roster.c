/*
 * fuzz_roster.c: grading a class roster (ec_roster.h) against the small
 * fixture grader (fuzz_grader.h). The input is the roster; it is graded
 * three times: one thread with the default chunk, then one and two
 * threads with a small chunk_bytes (1 to 128) chosen from the first byte.
 * ec_roster.h promises the same output, messages and callbacks whatever
 * the threads; the harness checks that all three runs agree (status,
 * summary, graded CSV and messages) and that every row's numbers are
 * finite.
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
	uint64_t rows;
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

static void on_report(void *ctx, const ec_error *err)
{
	run *r = ctx;
	char line[512];

	if (r->msgf)
		fprintf(r->msgf, "%d %s\n", (int)err->status,
			ec_error_format(err, line, sizeof(line)));
}

static void grade(const ec_grader *g, const uint8_t *data, size_t size, unsigned threads,
		  size_t chunk, run *r)
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
	run runs[3];
	size_t chunk = size ? 1 + data[0] % 128 : 1;

	FUZZ_CHECK(fuzz_make_grader(&g, &err) == EC_OK);
	memset(runs, 0, sizeof(runs));
	grade(&g, data, size, 1, 0, &runs[0]);
	grade(&g, data, size, 1, chunk, &runs[1]);
	grade(&g, data, size, 2, chunk, &runs[2]);
	if (runs[0].status == EC_OK)
		FUZZ_CHECK(runs[0].sum.graded == runs[0].rows);
	same(&runs[0], &runs[1]);
	same(&runs[0], &runs[2]);
	for (size_t i = 0; i < 3; i++) {
		free(runs[i].out);
		free(runs[i].msgs);
	}
	ec_grader_free(&g);
	return 0;
}
