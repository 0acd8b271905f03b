/*
 * ec_csv.h: a streaming reader of RFC 4180 CSV: fields separated by commas
 * (or by ';' or tabs, as exports of other locales and spreadsheets write
 * them: ec_csv_set_separator()), records ended by LF or CRLF, fields optionally quoted with '"' (a quote
 * inside written twice, commas and line breaks allowed inside), an optional
 * UTF-8 byte-order mark at the start. Memory stays bounded: one input
 * buffer and one record of at most EC_CSV_RECORD_MAX bytes.
 */
#ifndef EC_CSV_H
#define EC_CSV_H

#include <stdio.h>

#include "examcheck/ec_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest record accepted, in bytes (fields and separators). */
#define EC_CSV_RECORD_MAX (1u << 20)
/** Most fields in one record. */
#define EC_CSV_FIELDS_MAX 4096

/** Reader state; open with ec_csv_open(), release with ec_csv_close(). */
typedef struct ec_csv_reader {
	FILE *f;
	const char *file;       /**< name used in messages */
	char *in;               /**< input buffer */
	size_t in_len, in_pos;
	bool eof, started;
	long line;              /**< line where the next record starts */
	long record_line;       /**< line where the last record started */
	uint64_t bytes;         /**< bytes read so far */
	char *rec;              /**< the last record's fields, each NUL-terminated */
	size_t rec_len, rec_cap;
	char **fields;          /**< pointers into rec */
	size_t *offsets;        /**< where each field starts in rec */
	size_t *lens;           /**< each field's length in bytes */
	size_t nfields, fields_cap;
	bool io_error;
	bool borrowed;          /**< `in` belongs to the caller (the roster grader's chunks) */
	char sep;               /**< the separator: ',' (the default), ';' or '\t'; 0 until the
				     first record, when ec_csv_set_separator() asked to detect it */
	unsigned char ends[256]; /**< the bytes that end an unquoted run (separator, CR, LF, '"', NUL) */
} ec_csv_reader;

/** Whether `sep` is a separator the reader takes: ',', ';' or a tab. */
bool ec_csv_separator_ok(char sep);

/**
 * Read fields separated by `sep` (',', ';' or '\t'), or, for any other
 * value (0), by the one ec_csv_detect_separator() finds at the start of
 * the first record. Call before the first ec_csv_next(); readers start
 * with ','.
 */
void ec_csv_set_separator(ec_csv_reader *r, char sep);

/**
 * The separator of the CSV that starts at p[0..n) (empty lines skipped):
 * the one of ',', ';' and tab that its first record holds most often
 * outside quotes (so a header "Name;Grade/10,00" is ';'), ',' on a tie
 * with it or when there is none; ';' before tab on a tie.
 */
char ec_csv_detect_separator(const char *p, size_t n);

/**
 * Start reading `f` (opened by the caller, left open), named `file` in
 * messages. Returns EC_OK or EC_ERR_NOMEM.
 */
ec_status ec_csv_open(ec_csv_reader *r, FILE *f, const char *file, ec_error *err);

/**
 * Read the next record into r->fields[0..r->nfields) (NUL-terminated,
 * quotes removed; lengths in r->lens; valid until the next call), its
 * first line in r->record_line. Empty lines are
 * skipped. Sets *more to false at the end of the input. Returns EC_OK; or
 * EC_ERR_PARSE at file:line for an unterminated quote (reported at the
 * line where the field opened), a quote inside an unquoted field, text
 * after a closing quote, a NUL byte, a record longer than
 * EC_CSV_RECORD_MAX bytes or with more than EC_CSV_FIELDS_MAX fields; after
 * such an error the reader has skipped to the end of the bad record, so
 * the next call reads the following one. EC_ERR_IO when reading fails
 * (the reader then stops); EC_ERR_NOMEM.
 */
ec_status ec_csv_next(ec_csv_reader *r, bool *more, ec_error *err);

/** Release the reader's buffers (not the FILE). */
void ec_csv_close(ec_csv_reader *r);

#ifdef __cplusplus
}
#endif

#endif
