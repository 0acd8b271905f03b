#include "writer.h"

#include <math.h>
#include <string.h>

static const ec_writer *const writers[] = {
	[EC_FORMAT_TEXT] = &ec_writer_text,
	[EC_FORMAT_TSV] = &ec_writer_tsv,
	[EC_FORMAT_CSV] = &ec_writer_csv,
	[EC_FORMAT_JSON] = &ec_writer_json,
	[EC_FORMAT_GRADESCOPE] = &ec_writer_gradescope,
};
_Static_assert(sizeof(writers) / sizeof(writers[0]) == EC_FORMAT_COUNT,
	       "one writer per ec_format");

const ec_writer *ec_writer_get(ec_format format)
{
	return (size_t)format < EC_FORMAT_COUNT ? writers[format] : NULL;
}

ec_status ec_format_parse(const char *name, ec_format *format)
{
	size_t i;

	for (i = 0; i < EC_FORMAT_COUNT; i++) {
		if (strcmp(name, writers[i]->name) == 0) {
			*format = (ec_format)i;
			return EC_OK;
		}
	}
	return EC_ERR_NOTFOUND;
}

const char *ec_format_name(ec_format format)
{
	const ec_writer *w = ec_writer_get(format);

	return w ? w->name : NULL;
}

bool ec_writer_writes(const ec_writer *w, ec_document doc)
{
	switch (doc) {
	case EC_DOCUMENT_KEY:
		return w->key.item != NULL;
	case EC_DOCUMENT_SHEET:
		return w->sheet.item != NULL;
	case EC_DOCUMENT_STATS:
		return w->stats.item != NULL;
	}
	return false;
}

unsigned ec_format_mask(ec_document doc)
{
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < EC_FORMAT_COUNT; i++)
		if (ec_writer_writes(writers[i], doc))
			mask |= 1u << i;
	return mask;
}

static ec_status failed(ec_error *err, const ec_writer *w, ec_status st)
{
	return ec_error_set(err, st, "%s writer: %s", w->name, ec_strerror(st));
}

ec_status ec_write_key(FILE *f, const ec_writer *w, const ec_key *key, ec_error *err)
{
	const ec_key_writer *kw = &w->key;
	ec_write_ctx ctx = {f, 0, 0, {0, 0}};
	ec_status st = EC_OK;
	size_t i;

	if (!kw->item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write an answer key",
				    w->name);
	if (kw->begin)
		st = kw->begin(&ctx, key);
	for (i = 0; st == EC_OK && i < key->count; i++)
		st = kw->item(&ctx, &key->items[i]);
	if (st == EC_OK && kw->end)
		st = kw->end(&ctx, key);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

static ec_status write_sections(ec_write_ctx *ctx, const ec_sheet_writer *sw,
				const ec_sheet_report *r)
{
	ec_status st = EC_OK;
	size_t s;

	if (!sw->section)
		return EC_OK;
	for (s = 0; st == EC_OK && s < r->grader->nsections; s++)
		if (r->section_max[s] > 0)
			st = sw->section(ctx, r, s);
	return st;
}

ec_status ec_write_sheet(FILE *f, const ec_writer *w, const ec_sheet_report *r,
			 ec_error *err)
{
	const ec_sheet_writer *sw = &w->sheet;
	ec_write_ctx ctx = {f, 0, 0, {0, 0}};
	ec_status st = EC_OK;
	size_t i;

	if (!sw->item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write a graded sheet",
				    w->name);
	if (sw->begin)
		st = sw->begin(&ctx, r);
	if (st == EC_OK && sw->sections_first)
		st = write_sections(&ctx, sw, r);
	for (i = 0; st == EC_OK && i < r->grader->count; i++)
		st = sw->item(&ctx, r, i);
	if (st == EC_OK && !sw->sections_first)
		st = write_sections(&ctx, sw, r);
	if (st == EC_OK && sw->end)
		st = sw->end(&ctx, r);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

char *write_stats_letters(const ec_stats_item *it, char letters[27])
{
	size_t n = 0;
	unsigned c;

	if (it->kind == EC_KEY_TF)
		return strcpy(letters, "TF");
	for (c = 0; it->kind == EC_KEY_MC && c < 26; c++)
		if (((it->options >> c) & 1) || it->chosen[c])
			letters[n++] = (char)('A' + c);
	letters[n] = '\0';
	return letters;
}

/* The summary of a class without students: nothing is defined. */
static void summarise_nobody(ec_stats_summary *sum)
{
	memset(sum, 0, sizeof(*sum));
	sum->mean = sum->median = sum->sd = sum->min = sum->max = NAN;
	sum->alpha = sum->upper_cut = sum->lower_cut = NAN;
	sum->median_exact = sum->groups_exact = true;
}

ec_status ec_write_stats(FILE *f, const ec_writer *w, const ec_stats *s, ec_error *err)
{
	const ec_stats_writer *sw = &w->stats;
	ec_write_ctx ctx = {f, 0, 0, {0, 0}};
	ec_stats_summary sum;
	ec_status st = EC_OK;
	size_t i;

	if (!sw->item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write statistics",
				    w->name);
	if (s->n == 0)
		summarise_nobody(&sum);
	else if ((st = ec_stats_summarise(s, &sum, err)) != EC_OK)
		return st;
	if (sw->begin)
		st = sw->begin(&ctx, s, &sum);
	for (i = 0; st == EC_OK && i < s->nitems; i++)
		st = sw->item(&ctx, s, &sum, i);
	if (st == EC_OK && sw->end)
		st = sw->end(&ctx, s, &sum);
	ec_stats_summary_free(&sum);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

void ec_write_csv_field(FILE *f, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

/*
 * The length (1 to 4) of the well-formed UTF-8 sequence starting at s, its
 * code point in *cp; or 0 when none starts there, with in *bad the length
 * of the maximal subpart of one (at least 1), which stands for one U+FFFD.
 * Well-formed is Unicode's table 3-7: no overlong form, no surrogate,
 * nothing above U+10FFFF. The second byte's range depends on the first.
 */
static size_t utf8_sequence(const unsigned char *s, uint32_t *cp, size_t *bad)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n, k;

	*bad = 1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, lo = s[0] == 0xE0 ? 0xA0 : 0x80, hi = s[0] == 0xED ? 0x9F : 0xBF;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, lo = s[0] == 0xF0 ? 0x90 : 0x80, hi = s[0] == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	*cp = s[0] & (0x7F >> n);
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*bad = k;
			return 0;
		}
		*cp = *cp << 6 | (s[k] & 0x3F);
	}
	return n;
}

void ec_write_json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n, bad;

	putc('"', f);
	while (*p) {
		n = utf8_sequence(p, &cp, &bad);
		if (n == 0)
			fputs("\\ufffd", f);
		else if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) /* C0, DEL and C1 controls */
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(p, 1, n, f);
		p += n ? n : bad;
	}
	putc('"', f);
}
