/*
 * feedback.c: a plain-text report per student of a graded roster, and the
 * safe, distinct file names the reports are kept under.
 */
#include "examcheck/ec_feedback.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_buf.h"
#include "examcheck/ec_report.h"
#include "examcheck/ec_utf8.h"
#include "writer.h"

/* ---- file names ---- */

static bool safe_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

size_t ec_feedback_safe_name(const char *id, size_t len, char out[EC_FEEDBACK_NAME_MAX + 1])
{
	size_t n = 0, i;

	if (len == 0 || id[0] == '.')
		out[n++] = '_';
	for (i = 0; i < len && n < EC_FEEDBACK_NAME_MAX; i++)
		out[n++] = safe_byte((unsigned char)id[i]) ? id[i] : '_';
	out[n] = '\0';
	return n;
}

/*
 * Each name in names->text is its bytes, a NUL, then 4 bytes (unaligned,
 * host order): the next suffix to try when the name comes again, so that
 * a name given k times costs k probes in all, not k * k / 2.
 */
#define NEXT_BYTES 4

/*
 * Names are told apart without regard to case: on a file system that
 * ignores it (macOS, Windows), Ann.txt and ann.txt are one file, so the
 * second student gets ann-2.txt. Safe names are ASCII, so folding A-Z is
 * all it takes.
 */
static unsigned char fold(char c)
{
	return (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ fold(*s)) * 16777619u;
	return h;
}

static bool same_name(const char *a, const char *b)
{
	for (; *a && fold(*a) == fold(*b); a++, b++)
		;
	return *a == *b;
}

/* The slot holding `name` (in any case), or the empty slot where it would go. */
static uint32_t *name_slot(const ec_feedback_names *s, const char *name)
{
	size_t mask = s->nslots - 1, i = name_hash(name) & mask;

	while (s->slots[i] && !same_name(s->text + s->slots[i] - 1, name))
		i = (i + 1) & mask;
	return &s->slots[i];
}

/* Room for one more name of `n` bytes: the table at most half full. */
static ec_status names_reserve(ec_feedback_names *s, size_t n)
{
	size_t need = s->len + n + 1 + NEXT_BYTES;

	if (need >= UINT32_MAX)
		return EC_ERR_OVERFLOW;
	if (need > s->cap) {
		size_t cap = s->cap ? s->cap : 1024;
		char *text;

		while (cap < need)
			cap *= 2;
		if (!(text = realloc(s->text, cap)))
			return EC_ERR_NOMEM;
		s->text = text;
		s->cap = cap;
	}
	if (2 * (s->count + 1) > s->nslots) {
		ec_feedback_names grown = *s;
		size_t i;

		grown.nslots = s->nslots ? 2 * s->nslots : 64;
		if (!(grown.slots = calloc(grown.nslots, sizeof(*grown.slots))))
			return EC_ERR_NOMEM;
		for (i = 0; i < s->nslots; i++)
			if (s->slots[i])
				*name_slot(&grown, s->text + s->slots[i] - 1) = s->slots[i];
		free(s->slots);
		s->slots = grown.slots;
		s->nslots = grown.nslots;
	}
	return EC_OK;
}

/* Add `name` (not held yet) at `slot`, found by name_slot() after names_reserve(). */
static void names_add(ec_feedback_names *s, uint32_t *slot, const char *name, size_t n)
{
	uint32_t next = 2;

	memcpy(s->text + s->len, name, n + 1);
	memcpy(s->text + s->len + n + 1, &next, NEXT_BYTES);
	*slot = (uint32_t)s->len + 1;
	s->len += n + 1 + NEXT_BYTES;
	s->count++;
}

ec_status ec_feedback_name(ec_feedback_names *names, const char *id, size_t len,
			   char out[EC_FEEDBACK_FILE_SIZE])
{
	char base[EC_FEEDBACK_NAME_MAX + 1];
	size_t n = ec_feedback_safe_name(id, len, base), at;
	uint32_t *slot, k;
	ec_status st;

	if ((st = names_reserve(names, EC_FEEDBACK_NAME_MAX)) != EC_OK)
		return st;
	slot = name_slot(names, base);
	if (!*slot) {
		names_add(names, slot, base, n);
		memcpy(out, base, n);
		memcpy(out + n, ".txt", 5);
		return EC_OK;
	}
	at = *slot - 1 + n + 1; /* base's next suffix */
	memcpy(&k, names->text + at, NEXT_BYTES);
	for (;; k++) {
		char suffix[16];
		int sn = snprintf(suffix, sizeof(suffix), "-%lu", (unsigned long)k);
		size_t keep = n + (size_t)sn > EC_FEEDBACK_NAME_MAX ? EC_FEEDBACK_NAME_MAX - (size_t)sn : n;

		memcpy(out, base, keep);
		memcpy(out + keep, suffix, (size_t)sn + 1);
		slot = name_slot(names, out);
		if (!*slot) {
			k++;
			memcpy(names->text + at, &k, NEXT_BYTES);
			names_add(names, slot, out, keep + (size_t)sn);
			memcpy(out + keep + (size_t)sn, ".txt", 5);
			return EC_OK;
		}
	}
}

void ec_feedback_names_free(ec_feedback_names *names)
{
	free(names->text);
	free(names->slots);
	memset(names, 0, sizeof(*names));
}

/* ---- the report ---- */

const char *ec_feedback_question(const char *id, const char *const *questions, size_t n)
{
	const char *best = NULL;
	size_t i, best_len = 0;

	for (i = 0; i < n; i++) {
		size_t ql = strlen(questions[i]);

		if (ql > best_len && strncmp(id, questions[i], ql) == 0 &&
		    (id[ql] == '\0' || id[ql] == '.')) {
			best = questions[i];
			best_len = ql;
		}
	}
	return best;
}

ec_status ec_feedback_init(ec_feedback *fb, const ec_grader *g, const ec_roster_header *h,
			   const char *const *questions, size_t nquestions, ec_error *err)
{
	size_t n = h->nitems ? h->nitems : 1, k, c, i;

	memset(fb, 0, sizeof(*fb));
	fb->grader = g;
	snprintf(fb->worked, sizeof(fb->worked), "examcheck q");
	fb->items = malloc(n * sizeof(*fb->items));
	fb->column = malloc(n * sizeof(*fb->column));
	fb->question = malloc(n * sizeof(*fb->question));
	fb->section_max = calloc(g->nsections ? g->nsections : 1, sizeof(*fb->section_max));
	fb->correct = calloc(n, sizeof(*fb->correct));
	if (!fb->items || !fb->column || !fb->question || !fb->section_max || !fb->correct) {
		ec_feedback_free(fb);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (k = 0; k < h->nitems; k++) {
		fb->items[k] = h->items[k];
		fb->column[k] = 0;
		for (c = 0; c < h->nnames; c++)
			if (h->item[c] == (long)h->items[k])
				fb->column[k] = c;
		fb->question[k] = ec_feedback_question(g->items[h->items[k]].key.id, questions,
						       nquestions);
		fb->correct[k] = malloc(WRITE_CORRECT_SIZE);
		if (!fb->correct[k]) {
			fb->nitems = k + 1;
			ec_feedback_free(fb);
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		}
		ec_grade_item_correct(&g->items[h->items[k]], fb->correct[k], WRITE_CORRECT_SIZE);
	}
	fb->nitems = h->nitems;
	for (i = 0; i < g->count; i++) {
		fb->section_max[g->items[i].section] += g->items[i].key.points;
		fb->max += g->items[i].key.points;
	}
	return EC_OK;
}

void ec_feedback_free(ec_feedback *fb)
{
	size_t k;

	for (k = 0; fb->correct && k < fb->nitems; k++)
		free(fb->correct[k]);
	free(fb->correct);
	free(fb->items);
	free(fb->column);
	free(fb->question);
	free(fb->section_max);
	memset(fb, 0, sizeof(*fb));
}

/* A report being built: its text, and whether memory ran out (the text is then incomplete). */
typedef struct report {
	ec_buf *b;
	bool nomem;
} report;

static void put(report *r, const char *s, size_t n)
{
	ec_buf *b = r->b;

	if (b->data && b->len + n < b->cap) { /* room: no call, the NUL written once at the end */
		memcpy(b->data + b->len, s, n);
		b->len += n;
	} else if (!r->nomem && ec_buf_append_len(b, s, n) != EC_OK) {
		r->nomem = true;
	}
}

static void puts_(report *r, const char *s)
{
	put(r, s, strlen(s));
}

/*
 * What a student wrote, so that a terminal shows it and obeys none of
 * it: control bytes as \xNN, format characters (ec_utf8_is_format(),
 * the bidirectional controls above all) as \uXXXX.
 */
static void put_as_written(report *r, const char *s, size_t len)
{
	size_t i = 0, run = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		char esc[16];
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c < 0x80) {
			put(r, s + run, i - run);
			snprintf(esc, sizeof(esc), "\\x%02x", c);
			put(r, esc, 4);
			run = ++i;
			continue;
		}
		n = ec_utf8_decode(s + i, len - i, &cp);
		if (cp != EC_UTF8_INVALID && ec_utf8_is_format(cp)) {
			put(r, s + run, i - run);
			put(r, esc, (size_t)snprintf(esc, sizeof(esc), "\\u%04" PRIX32, cp));
			run = i + n;
		}
		i += n;
	}
	put(r, s + run, len - run);
}

static const char *verdict_text(ec_verdict verdict, bool by_hand)
{
	if (verdict == EC_VERDICT_UNREADABLE)
		return "unreadable [flagged]";
	return by_hand ? "graded by hand" : ec_verdict_name(verdict);
}

/* Points as ec_points_format() writes them. */
static void put_points(report *r, double points)
{
	char a[32];

	put(r, a, ec_points_format_len(points, a));
}

/* "  why: REASON" for item i, answered `field` (`len` bytes), when fb->reason gives one. */
static void put_reason(report *r, const ec_feedback *fb, size_t i, const char *field, size_t len,
		       const ec_grade_result *res)
{
	char why[512];
	ec_value v;
	ec_error err;

	ec_error_clear(&err);
	if (ec_grader_read(fb->grader, i, field, len, &v, &err) != EC_OK) {
		memset(&v, 0, sizeof(v));
		v.kind = fb->grader->items[i].key.kind;
		v.blank = true;
	}
	if (!fb->reason(fb->reason_ctx, fb->grader, i, &v, res, why, sizeof(why)) || !why[0])
		return;
	puts_(r, "  why: ");
	put_as_written(r, why, strlen(why));
	puts_(r, "\n");
}

static void put_item(report *r, const ec_feedback *fb, const ec_roster_row *row, size_t k)
{
	const ec_grade_item *it = &fb->grader->items[fb->items[k]];
	const ec_grade_result *res = &row->results[fb->items[k]];
	bool by_hand = it->rule.scheme == EC_SCHEME_MANUAL;
	size_t c = fb->column[k];
	const char *field = c < row->nfields ? row->fields[c] : "";
	size_t len = c < row->nfields ? row->lens[c] : 0;

	puts_(r, "\n");
	puts_(r, it->key.id);
	puts_(r, ": ");
	if (res->verdict == EC_VERDICT_MANUAL) {
		puts_(r, "-/");
		put_points(r, it->key.points);
		puts_(r, ", graded by hand, no mark yet\n");
	} else {
		put_points(r, res->points);
		puts_(r, "/");
		put_points(r, it->key.points);
		puts_(r, ", ");
		puts_(r, verdict_text(res->verdict, by_hand));
		puts_(r, "\n");
	}
	puts_(r, by_hand ? "  mark: " : "  answer: ");
	if (len)
		put_as_written(r, field, len);
	else
		puts_(r, by_hand ? "(none)" : "(blank)");
	puts_(r, "\n  key: ");
	puts_(r, fb->correct[k]);
	puts_(r, "\n");
	if (res->verdict != EC_VERDICT_RIGHT && !by_hand && fb->reason)
		put_reason(r, fb, fb->items[k], field, len, res);
	if (res->verdict != EC_VERDICT_RIGHT && fb->question[k]) {
		puts_(r, "  worked answer: ");
		puts_(r, fb->worked);
		puts_(r, fb->question[k]);
		puts_(r, "\n");
	}
}

ec_status ec_feedback_format(ec_buf *out, const ec_feedback *fb, const ec_roster_row *row)
{
	const ec_grader *g = fb->grader;
	report r = {out, false};
	size_t s, k;

	puts_(&r, "Student: ");
	if (row->nfields && row->lens[0])
		put_as_written(&r, row->fields[0], row->lens[0]);
	else
		puts_(&r, "(blank)");
	puts_(&r, "\nTotal: ");
	put_points(&r, row->total);
	puts_(&r, "/");
	put_points(&r, fb->max);
	puts_(&r, "\n");
	for (s = 0; s < g->nsections; s++) {
		if (fb->section_max[s] <= 0)
			continue;
		puts_(&r, "Section ");
		puts_(&r, g->sections[s]);
		puts_(&r, ": ");
		put_points(&r, row->sections[s]);
		puts_(&r, "/");
		put_points(&r, fb->section_max[s]);
		puts_(&r, "\n");
	}
	if (row->flagged[0]) {
		puts_(&r, "Flagged: ");
		puts_(&r, row->flagged);
		puts_(&r, "\n");
	}
	for (k = 0; k < fb->nitems; k++)
		put_item(&r, fb, row, k);
	if (out->data)
		out->data[out->len] = '\0';
	return r.nomem ? EC_ERR_NOMEM : EC_OK;
}

ec_status ec_feedback_write(FILE *f, const ec_feedback *fb, const ec_roster_row *row)
{
	ec_buf b = EC_BUF_INIT;
	ec_status st = ec_feedback_format(&b, fb, row);

	if (st == EC_OK && fwrite(ec_buf_str(&b), 1, b.len, f) != b.len)
		st = EC_ERR_IO;
	ec_buf_free(&b);
	return st;
}
