/*
 * fuzz_csv.c: the roster CSV reader (ec_csv.h), both ways it is fed: from
 * a FILE (ec_csv_open over fmemopen) and from memory (ec_csv_open_buffer
 * and ec_csv_set_buffer on a copy with the documented slack: a NUL and 8
 * readable bytes). Each reader is driven to the end of the input. Checks
 * that every field is NUL-terminated at its length, that records go
 * forward, that the reader ends, and that both ways read the same records
 * when the input has no byte-order mark (only the FILE reader skips one).
 * Then both are read again with the separator found from the first record
 * (ec_csv_set_separator(r, 0)), which must be one of ',', ';' and tab and
 * what ec_csv_detect_separator() says of the input, and agree likewise.
 */
#include "fuzz.h"

#include "csv_internal.h"
#include "examcheck/ec_csv.h"

/* Slack a buffer handed to ec_csv_set_buffer() needs past its NUL (ec_csv.h). */
#define CSV_SLACK 8

/* FNV-1a over what the caller of ec_csv_next() sees. */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		h = (h ^ *b++) * 1099511628211u;
	return h;
}

/* Read every record of `r`; return a digest of statuses, records and error lines. */
static uint64_t drain(ec_csv_reader *r, size_t size)
{
	uint64_t h = 14695981039346656037u;
	long last_line = 0;
	size_t calls = 0;
	bool more = true;

	while (more) {
		ec_error err;
		ec_status st;

		/* every call consumes at least a byte, or ends the input */
		FUZZ_CHECK(calls++ <= size + 1);
		ec_error_clear(&err);
		st = ec_csv_next(r, &more, &err);
		h = mix(h, &st, sizeof(st));
		if (st == EC_ERR_NOMEM || st == EC_ERR_IO)
			break;
		if (st != EC_OK) {
			FUZZ_CHECK(err.line >= 1);
			h = mix(h, &err.line, sizeof(err.line));
			continue;
		}
		if (!more)
			break;
		FUZZ_CHECK(r->nfields >= 1 && r->nfields <= EC_CSV_FIELDS_MAX);
		FUZZ_CHECK(r->record_line > last_line);
		last_line = r->record_line;
		h = mix(h, &r->record_line, sizeof(r->record_line));
		h = mix(h, &r->nfields, sizeof(r->nfields));
		for (size_t i = 0; i < r->nfields; i++) {
			FUZZ_CHECK(r->fields[i][r->lens[i]] == '\0');
			FUZZ_CHECK(strlen(r->fields[i]) == r->lens[i]);
			h = mix(h, r->fields[i], r->lens[i] + 1);
		}
	}
	return h;
}

/* Read the input from a FILE and from memory with separator `sep` (0: found) and compare. */
static void read_both(const uint8_t *data, size_t size, char sep)
{
	ec_csv_reader r;
	ec_error err;
	uint64_t from_file = 0, from_memory;
	bool have_file = false;
	FILE *f = fuzz_open(data, size);
	char *copy, found = ec_csv_detect_separator((const char *)data, size);

	ec_error_clear(&err);
	if (f && ec_csv_open(&r, f, "fuzz.csv", &err) == EC_OK) {
		ec_csv_set_separator(&r, sep);
		from_file = drain(&r, size);
		have_file = true;
		ec_csv_close(&r);
	}
	if (f)
		fclose(f);

	copy = fuzz_strndup(data, size, CSV_SLACK);
	if (!copy)
		return;
	FUZZ_CHECK(ec_csv_open_buffer(&r, "fuzz.csv", &err) == EC_OK);
	ec_csv_set_separator(&r, sep);
	ec_csv_set_buffer(&r, copy, 0, size, 1);
	from_memory = drain(&r, size);
	if (sep == 0)
		FUZZ_CHECK(r.sep == found); /* the copy is split in place by now: the input's */
	FUZZ_CHECK(ec_csv_separator_ok(r.sep) || size == 0);
	ec_csv_close(&r);
	free(copy);

	if (have_file && !(size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0))
		FUZZ_CHECK(from_file == from_memory);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_both(data, size, ',');
	read_both(data, size, 0);
	return 0;
}
