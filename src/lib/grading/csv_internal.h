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

#endif
