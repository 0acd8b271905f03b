/*
 * roster_header.c: what a roster's header names. Exports from course
 * systems title their columns by the question ("1.1: Whitening (2.0 pts)",
 * "Q1.1 Batch norm", the question's text): a header that begins with an
 * item id maps to that item, a column map (--map) names any other, and a
 * header that looks like a mistyped id is pointed out.
 */
#include "examcheck/ec_roster.h"

#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "roster_internal.h"

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s[0, n) without the blanks around it. */
static void trim(const char **s, size_t *n)
{
	while (*n > 0 && blank((*s)[0]))
		(*s)++, (*n)--;
	while (*n > 0 && blank((*s)[*n - 1]))
		(*n)--;
}

/* ---- a header that begins with an item id ---- */

/* Bytes of an item id: "3.2.1.1.dims", "3.3.7.why", "3.1.1.n1". */
static bool id_byte(char c)
{
	return digit(c) || (lower(c) >= 'a' && lower(c) <= 'z') || c == '.' || c == '_';
}

/* Bytes that may end the id at the start of a header: "1.1:", "1.1)", "1.1 -", "1.1, ...". */
static bool after_id(char c)
{
	return c == '\0' || blank(c) || c == ':' || c == ')' || c == ']' || c == '-' || c == ',';
}

/*
 * The item id a header begins with, into id (size bytes): an optional Q or
 * q right before a digit, then the id up to a blank, ':', ')', ']', '-' or
 * ',' (or the end), trailing dots dropped ("1.1. Title"). False when the
 * header does not begin so.
 */
static bool leading_id(const char *field, char *id, size_t size)
{
	const char *s = field, *t;
	size_t n;

	while (blank(*s))
		s++;
	if ((*s == 'Q' || *s == 'q') && digit(s[1]))
		s++;
	if (!digit(*s))
		return false;
	for (t = s; id_byte(*t); t++)
		;
	if (!after_id(*t))
		return false;
	n = (size_t)(t - s);
	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n >= size)
		return false;
	memcpy(id, s, n);
	id[n] = '\0';
	return true;
}

/* The item a header names by its id, whole ("Q1.1", "1.1)") or at its start; -1 for none. */
static long header_item(const ec_grader *g, const char *field)
{
	char id[64];
	long at = -1;

	if (ec_item_id_normalise(field, strlen(field), id, sizeof(id)) == EC_OK)
		at = ec_grader_find(g, id, strlen(id));
	if (at < 0 && leading_id(field, id, sizeof(id)))
		at = ec_grader_find(g, id, strlen(id));
	return at;
}

/* ---- the column map ---- */

static bool header_matches(const char *entry, const char *field)
{
	size_t n = strlen(entry), len = strlen(field), i;

	trim(&field, &len);
	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(field[i]) != lower(entry[i]))
			return false;
	if (len == n)
		return true;
	/* "1409981" names "1409981: <p>Which ...?</p>", as Canvas titles a question */
	for (; i < len && blank(field[i]); i++)
		;
	return i < len && field[i] == ':';
}

long ec_column_map_find(const ec_column_map *m, const char *field)
{
	size_t i;

	for (i = 0; m && i < m->count; i++)
		if (header_matches(m->entries[i].header, field))
			return (long)i;
	return -1;
}

/* Is `a` the n bytes at b, in any case (as headers are matched)? */
static bool same_text(const char *a, const char *b, size_t n)
{
	size_t i;

	if (strlen(a) != n)
		return false;
	for (i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

/* Does a map's first record look like a heading ("header,item"): its second field no id? */
static bool is_heading(const ec_csv_reader *rd)
{
	char id[64];

	return rd->nfields >= 2 && !leading_id(rd->fields[1], id, sizeof(id));
}

/* Add the record of rd (line `line`) to m; EC_ERR_PARSE at the line for a bad one. */
static ec_status add_entry(ec_column_map *m, size_t *cap, const ec_csv_reader *rd, ec_error *err)
{
	const char *h = rd->nfields > 0 ? rd->fields[0] : "", *id = rd->nfields > 1 ? rd->fields[1] : "";
	size_t hn = strlen(h), c, k;
	ec_column_map_entry *e;

	for (c = 2; c < rd->nfields; c++)
		if (rd->fields[c][strspn(rd->fields[c], " \t")] != '\0')
			return ec_error_at(err, EC_ERR_PARSE, m->file, rd->record_line, (long)c + 1,
					   "a line of a column map has two fields: a header and an item id");
	trim(&h, &hn);
	if (hn == 0)
		return ec_error_at(err, EC_ERR_PARSE, m->file, rd->record_line, 1,
				   "the header text is empty");
	if (m->count == *cap) {
		size_t ncap = *cap ? 2 * *cap : 16;
		ec_column_map_entry *grown = realloc(m->entries, ncap * sizeof(*grown));

		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		m->entries = grown;
		*cap = ncap;
	}
	e = &m->entries[m->count];
	memset(e, 0, sizeof(*e));
	e->line = rd->record_line;
	if (ec_item_id_normalise(id, strlen(id), e->id, sizeof(e->id)) != EC_OK || !e->id[0])
		return ec_error_at(err, EC_ERR_PARSE, m->file, rd->record_line, 2,
				   "'%.40s' is not an item id", id);
	for (k = 0; k < m->count; k++)
		if (same_text(m->entries[k].header, h, hn))
			return ec_error_at(err, EC_ERR_PARSE, m->file, rd->record_line, 1,
					   "header '%.60s' is also mapped on line %ld", m->entries[k].header,
					   m->entries[k].line);
	e->header = malloc(hn + 1);
	if (!e->header)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(e->header, h, hn);
	e->header[hn] = '\0';
	m->count++;
	return EC_OK;
}

ec_status ec_column_map_parse(ec_column_map *m, const char *text, size_t len, const char *file,
			      ec_error *err)
{
	char *copy = malloc(len + 1 + EC_CSV_READABLE);
	size_t cap = 0, start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	ec_csv_reader rd;
	ec_status st = EC_OK;
	bool more = true, first = true;

	memset(m, 0, sizeof(*m));
	m->file = file;
	if (!copy)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(copy, text, len);
	ec_csv_open_buffer(&rd, file, err);
	ec_csv_set_separator(&rd, 0);
	ec_csv_set_buffer(&rd, copy, start, len, 1);
	while (st == EC_OK) {
		st = ec_csv_next(&rd, &more, err);
		if (st != EC_OK || !more)
			break;
		if (first && is_heading(&rd)) {
			first = false;
			continue;
		}
		first = false;
		st = add_entry(m, &cap, &rd, err);
	}
	ec_csv_close(&rd);
	free(copy);
	if (st == EC_OK && m->count == 0)
		st = ec_error_at(err, EC_ERR_PARSE, file, 0, 0,
				 "the column map is empty (expected lines 'header text,item id')");
	if (st != EC_OK)
		ec_column_map_free(m);
	return st;
}

void ec_column_map_free(ec_column_map *m)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		free(m->entries[i].header);
	free(m->entries);
	m->entries = NULL;
	m->count = 0;
}

/* ---- the header ---- */

ec_status ec_grade_roster_columns(const ec_grader *g, char *const *fields, size_t nfields,
				  size_t id_col, const ec_column_map *map, const char *file,
				  long line, long *cols, ec_error *err)
{
	size_t c, d, last = 0, items = 0;

	if (nfields == 0)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 1, "the header is empty");
	for (c = 0; c < nfields; c++)
		if (fields[c][strspn(fields[c], " \t")] != '\0')
			last = c;
	for (c = 0; c < nfields; c++) {
		long e = c == id_col ? -1 : ec_column_map_find(map, fields[c]);

		if (c == id_col) {
			cols[c] = EC_ROSTER_COLUMN_DATA;
			continue;
		}
		if (c > last) {
			cols[c] = EC_ROSTER_COLUMN_IGNORED;
			continue;
		}
		cols[c] = e >= 0 ? ec_grader_find(g, map->entries[e].id, strlen(map->entries[e].id))
			       : header_item(g, fields[c]);
		if (cols[c] < 0) {
			cols[c] = EC_ROSTER_COLUMN_DATA;
			continue;
		}
		items++;
		for (d = 0; d < c; d++)
			if (cols[d] == cols[c])
				return ec_error_at(err, EC_ERR_PARSE, file, line, (long)c + 1,
						   "item '%s' is also column %zu",
						   g->items[cols[c]].key.id, d + 1);
	}
	if (items == 0)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
				   "no column of the header names an item of the key "
				   "(expected e.g. 'student,1.1,1.2,...', or a column map)");
	return EC_OK;
}

ec_status ec_grade_roster_header(const ec_grader *g, char *const *fields, size_t nfields,
				 const char *file, long line, long *cols, ec_error *err)
{
	return ec_grade_roster_columns(g, fields, nfields, 0, NULL, file, line, cols, err);
}

bool roster_header_suspect(const ec_grader *g, const char *field, char *like, size_t size)
{
	const char *s = field, *t;
	bool dot = false, number = false;
	size_t n;

	like[0] = '\0';
	while (blank(*s))
		s++;
	if (*s == 'Q' || *s == 'q')
		for (s++; blank(*s); s++)
			;
	if (!digit(*s))
		return false;
	/* its leading digits and dots, "1.3" of "Q 1.3" and of "1.3a" */
	for (t = s; digit(*t) || (*t == '.' && digit(t[1])); t++) {
		dot = dot || *t == '.';
		/* a part "0" or "05" makes a number ("2.0 pts", "0.5"), never an item id */
		if (digit(*t) && *t == '0' && (t == s || t[-1] == '.'))
			number = true;
	}
	if (!dot || number)
		return false;
	n = (size_t)(t - s);
	if (n < size && ec_grader_find(g, s, n) >= 0) {
		memcpy(like, s, n);
		like[n] = '\0';
	}
	return true;
}
