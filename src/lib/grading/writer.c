#include "writer.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_utf8.h"

static const ec_writer *const writers[] = {
	[EC_FORMAT_TEXT] = &ec_writer_text,
	[EC_FORMAT_TSV] = &ec_writer_tsv,
	[EC_FORMAT_CSV] = &ec_writer_csv,
	[EC_FORMAT_JSON] = &ec_writer_json,
	[EC_FORMAT_GRADESCOPE] = &ec_writer_gradescope,
	[EC_FORMAT_MD] = &ec_writer_md,
	[EC_FORMAT_LATEX] = &ec_writer_latex,
	[EC_FORMAT_SVG] = &ec_writer_svg,
	[EC_FORMAT_HTML] = &ec_writer_html,
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
	case EC_DOCUMENT_ROSTER:
		return w->roster.row != NULL;
	case EC_DOCUMENT_CHECK:
		return w->check.item != NULL;
	case EC_DOCUMENT_PAPER:
		return w->paper.question != NULL;
	case EC_DOCUMENT_CHART:
		return w->chart.draw != NULL;
	case EC_DOCUMENT_CLASS:
		return w->cls.part != NULL;
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
	ec_write_ctx ctx = {.out = f};
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
	ec_write_ctx ctx = {.out = f};
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

char *write_sheet_answer(const ec_sheet_report *r, size_t i, char *buf, size_t size)
{
	const char *w = r->written ? r->written[i] : NULL;
	size_t n;

	if (size == 0)
		return buf;
	if (r->results[i].verdict != EC_VERDICT_UNREADABLE || !w)
		return ec_value_format(&r->values[i], buf, size);
	for (n = 0; w[n] && n + 1 < size; n++)
		buf[n] = (unsigned char)w[n] < 0x20 || w[n] == 0x7F ? '?' : w[n];
	buf[n] = '\0';
	return buf;
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

/* One block of statistics (with ctx->groups when set) in the context's framing. */
static ec_status stats_block(ec_write_ctx *ctx, const ec_writer *w, const ec_stats *s,
			     ec_error *err)
{
	const ec_stats_writer *sw = &w->stats;
	ec_stats_summary sum;
	ec_status st = EC_OK;
	size_t i;

	if (s->n == 0)
		summarise_nobody(&sum);
	else if ((st = ec_stats_summarise(s, &sum, err)) != EC_OK)
		return st;
	if (sw->begin)
		st = sw->begin(ctx, s, &sum);
	for (i = 0; st == EC_OK && i < s->nitems; i++)
		st = sw->item(ctx, s, &sum, i);
	if (st == EC_OK && sw->end)
		st = sw->end(ctx, s, &sum);
	ec_stats_summary_free(&sum);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

ec_status ec_write_stats_groups(FILE *f, const ec_writer *w, const ec_stats *s,
				const ec_answer_groups *groups, ec_error *err)
{
	ec_write_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.out = f;
	ctx.groups = groups;
	if (!w->stats.item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write statistics",
				    w->name);
	return stats_block(&ctx, w, s, err);
}

ec_status ec_write_stats(FILE *f, const ec_writer *w, const ec_stats *s, ec_error *err)
{
	return ec_write_stats_groups(f, w, s, NULL, err);
}

ec_status ec_write_stats_versions(FILE *f, const ec_writer *w, const ec_stats *const *stats,
				  const ec_answer_groups *const *groups, const uint64_t *seeds,
				  size_t n, ec_error *err)
{
	const ec_stats_writer *sw = &w->stats;
	ec_write_ctx ctx;
	ec_status st = EC_OK;
	size_t k;

	if (!sw->item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write statistics",
				    w->name);
	for (k = 0; k < n && st == EC_OK; k++) {
		memset(&ctx, 0, sizeof(ctx));
		ctx.out = f;
		ctx.versions = true;
		ctx.version = seeds[k];
		ctx.block = k;
		ctx.groups = groups ? groups[k] : NULL;
		if (sw->version && (st = sw->version(&ctx)) != EC_OK)
			return failed(err, w, st);
		st = stats_block(&ctx, w, stats[k], err);
	}
	if (st == EC_OK && sw->versions_end) {
		memset(&ctx, 0, sizeof(ctx));
		ctx.out = f;
		ctx.versions = true;
		ctx.vstats = stats;
		ctx.vgroups = groups;
		ctx.vseeds = seeds;
		ctx.nversions = n;
		if ((st = sw->versions_end(&ctx)) != EC_OK)
			return failed(err, w, st);
	}
	return st;
}

ec_status ec_write_roster_begin(ec_write_ctx *ctx, FILE *f, const ec_writer *w,
				const ec_grader *g, const ec_roster_header *h, ec_error *err)
{
	ec_status st;

	memset(ctx, 0, sizeof(*ctx));
	ctx->out = f;
	if (!w->roster.row)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write a roster", w->name);
	st = w->roster.begin ? w->roster.begin(ctx, g, h) : EC_OK;
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

ec_status ec_write_roster_row(ec_write_ctx *ctx, const ec_writer *w, const ec_grader *g,
			      const ec_roster_header *h, const ec_roster_row *row, ec_error *err)
{
	ec_status st = w->roster.row(ctx, g, h, row);

	ctx->items++;
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

ec_status ec_write_roster_end(ec_write_ctx *ctx, const ec_writer *w, ec_error *err)
{
	ec_status st = w->roster.end ? w->roster.end(ctx) : EC_OK;

	ec_write_ctx_free(ctx);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

void ec_write_ctx_free(ec_write_ctx *ctx)
{
	if (ctx && ctx->scratch) {
		((write_scratch *)ctx->scratch)->release(ctx->scratch);
		ctx->scratch = NULL;
	}
}

ec_status ec_write_check(FILE *f, const ec_writer *w, const ec_check_report *r, ec_error *err)
{
	const ec_check_writer *cw = &w->check;
	ec_write_ctx ctx = {.out = f};
	ec_status st = EC_OK;
	size_t i;

	if (!cw->item)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write checked answers",
				    w->name);
	if (cw->begin)
		st = cw->begin(&ctx, r);
	for (i = 0; st == EC_OK && i < r->count; i++)
		st = cw->item(&ctx, r, i);
	if (st == EC_OK && cw->end)
		st = cw->end(&ctx, r);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

ec_status ec_write_chart(FILE *f, const ec_writer *w, const ec_chart *c, ec_error *err)
{
	ec_write_ctx ctx = {.out = f};
	ec_status st;

	if (!w->chart.draw)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot draw a chart", w->name);
	st = w->chart.draw(&ctx, c);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}

ec_status ec_write_class(FILE *f, const ec_writer *w, const ec_class *c, ec_error *err)
{
	const ec_class_writer *cw = &w->cls;
	ec_write_ctx ctx = {.out = f};
	ec_status st = EC_OK;
	size_t k;

	if (!cw->part)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write a class report",
				    w->name);
	if (cw->begin)
		st = cw->begin(&ctx, c);
	for (k = 0; st == EC_OK && k < ec_class_parts(c); k++)
		st = cw->part(&ctx, c, k);
	if (st == EC_OK && cw->end)
		st = cw->end(&ctx, c);
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

bool write_json_escape(ec_buf *b, const char *s)
{
	const char *run = s;
	uint32_t cp;
	size_t n;
	bool ok = ec_buf_append_len(b, "\"", 1) == EC_OK;

	for (; *s; s += n) {
		char esc[16];
		size_t len = 0;

		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F && *s != '"' && *s != '\\') {
			n = 1; /* plain ASCII: copied with its run */
			continue;
		}
		n = ec_utf8_next(s, &cp);
		if (cp == EC_UTF8_INVALID)
			len = (size_t)snprintf(esc, sizeof(esc), "\\ufffd");
		else if (cp == '"' || cp == '\\')
			len = (size_t)snprintf(esc, sizeof(esc), "\\%c", (char)cp);
		else if (cp == '\n')
			len = (size_t)snprintf(esc, sizeof(esc), "\\n");
		else if (cp == '\t')
			len = (size_t)snprintf(esc, sizeof(esc), "\\t");
		else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) /* C0, DEL and C1 controls */
			len = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
		else if (ec_utf8_is_format(cp) && cp > 0xFFFF) /* a tag: a surrogate pair */
			len = (size_t)snprintf(esc, sizeof(esc), "\\u%04x\\u%04x",
					       (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
					       (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
		else if (ec_utf8_is_format(cp)) /* bidi controls and the like, escaped to be seen */
			len = (size_t)snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
		else
			continue; /* other UTF-8: copied with its run */
		ok = ok && ec_buf_append_len(b, run, (size_t)(s - run)) == EC_OK &&
		     ec_buf_append_len(b, esc, len) == EC_OK;
		run = s + n;
	}
	return ok && ec_buf_append_len(b, run, (size_t)(s - run)) == EC_OK &&
	       ec_buf_append_len(b, "\"", 1) == EC_OK;
}

/* Does s hold only printable ASCII other than '"' and '\\' (a JSON string as it is)? */
static bool json_plain(const char *s, size_t *len)
{
	const char *p = s;

	for (; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7F || *p == '"' || *p == '\\')
			return false;
	*len = (size_t)(p - s);
	return true;
}

bool write_json_string_buf(ec_buf *b, const char *s)
{
	size_t n;

	if (!json_plain(s, &n))
		return write_json_escape(b, s);
	return ec_buf_append_len(b, "\"", 1) == EC_OK && ec_buf_append_len(b, s, n) == EC_OK &&
	       ec_buf_append_len(b, "\"", 1) == EC_OK;
}

void ec_write_json_string(FILE *f, const char *s)
{
	ec_buf b = EC_BUF_INIT;
	size_t n;

	if (json_plain(s, &n)) { /* the common case, without the heap */
		putc('"', f);
		fwrite(s, 1, n, f);
		putc('"', f);
		return;
	}
	if (write_json_escape(&b, s))
		fwrite(b.data, 1, b.len, f);
	else
		fputs("\"\"", f); /* out of memory: an empty string keeps the document JSON */
	ec_buf_free(&b);
}

ec_status ec_write_paper(FILE *f, const ec_writer *w, const ec_paper *p, ec_error *err)
{
	const ec_paper_writer *pw = &w->paper;
	ec_write_ctx ctx = {.out = f};
	ec_status st = EC_OK;
	size_t i;

	if (!pw->question)
		return ec_error_set(err, EC_ERR_INVALID, "format '%s' cannot write a question paper",
				    w->name);
	if (pw->begin)
		st = pw->begin(&ctx, p);
	for (i = 0; st == EC_OK && i < p->count; i++)
		st = pw->question(&ctx, p, i);
	if (st == EC_OK && pw->end)
		st = pw->end(&ctx, p);
	return st == EC_OK ? EC_OK : failed(err, w, st);
}
