/*
 * csv_internal.h: what the CSV reader promises its fast callers.
 */
#ifndef EC_CSV_INTERNAL_H
#define EC_CSV_INTERNAL_H

/*
 * Bytes that may be loaded from the start of any field, however short:
 * they lie in the reader's buffers (the input buffer and the record
 * buffer are allocated with this much slack past their NUL, and so must
 * a buffer given to ec_csv_set_buffer()). The roster grader loads short
 * answers a word at a time from there.
 */
#define EC_CSV_READABLE 8

#include "examcheck/ec_csv.h"

/**
 * Start a reader without a FILE, for ec_csv_set_buffer(): it reads
 * records from memory the caller hands it. Returns EC_OK.
 */
ec_status ec_csv_open_buffer(ec_csv_reader *r, const char *file, ec_error *err);

/**
 * Read the records of buf[start, end) next, the first starting on `line`
 * (no byte-order mark is looked for). The reader splits fields in place
 * and stores a NUL at buf[end], so buf must hold end + 1 + EC_CSV_READABLE
 * bytes (the slack past the NUL that its callers may load). The buffer
 * stays the caller's.
 */
void ec_csv_set_buffer(ec_csv_reader *r, char *buf, size_t start, size_t end, long line);

#endif
