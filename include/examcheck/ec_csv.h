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
	long unclosed;          /**< after ec_csv_next(): the line where a quoted field of the
				     record opened and was not closed, 0 when none */
	size_t unclosed_field;  /**< that field's index (the record's last) */
	size_t in_cap;          /**< bytes `in` holds before its NUL and slack (FILE reader) */
	char *kept;             /**< a multi-line quoted field's bytes after its first line, kept
				     while the FILE reader refills `in`, to read them again */
	size_t kept_len, kept_cap, keep_from;
	bool keeping;
	bool keep_damaged;      /**< return a record with a stray quote, text after a closing
				     quote or a NUL byte instead of an error (set by the caller) */
	long damaged;           /**< after ec_csv_next() with keep_damaged: the line of the
				     record's first such damage, 0 when none */
	size_t damaged_field;   /**< the field it is in */
	const char *damage;     /**< what it is ("quote inside an unquoted field", ...) */
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
 * skipped. Sets *more to false at the end of the input.
 *
 * A quoted field that is not closed, the input ending inside it, ends
 * the record at the end of the line where it opened: the record is
 * returned with EC_OK, the field holding what follows its quote on that
 * line, r->unclosed the line and r->unclosed_field the field's index; the
 * lines after it are then read again as records of their own. That takes
 * keeping what follows the line, so a field that runs on over
 * EC_CSV_RECORD_MAX bytes past it (every byte read in the field counted)
 * is taken as not closed too, whether or not a quote closes it later: no
 * answer runs on over a megabyte of lines, and no student after it is
 * lost.
 *
 * A quote inside an unquoted field, text after a closing quote (the rest
 * of that line is then read with its quotes as text) or a NUL byte (kept
 * as U+FFFD) damages the record: with r->keep_damaged it is returned with
 * EC_OK, r->damaged its line, r->damaged_field and r->damage where and
 * what the first damage is; without, it is an error.
 *
 * Returns EC_OK; or EC_ERR_PARSE at file:line for a damaged record (as
 * above), a record longer than EC_CSV_RECORD_MAX bytes or with more than
 * EC_CSV_FIELDS_MAX fields; after such an error the reader has skipped to
 * the end of the bad record, so the next call reads the following one. EC_ERR_IO when
 * reading fails (the reader then stops); EC_ERR_NOMEM.
 */
ec_status ec_csv_next(ec_csv_reader *r, bool *more, ec_error *err);

/** Release the reader's buffers (not the FILE). */
void ec_csv_close(ec_csv_reader *r);

#ifdef __cplusplus
}
#endif

#endif
