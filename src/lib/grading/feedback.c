/*
 * feedback.c: a plain-text report per student of a graded roster, and the
 * safe, distinct file names the reports are kept under.
 */
#include "examcheck/ec_feedback.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_report.h"
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

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding `name`, or the empty slot where it would go. */
static uint32_t *name_slot(const ec_feedback_names *s, const char *name)
{
	size_t mask = s->nslots - 1, i = name_hash(name) & mask;

	while (s->slots[i] && strcmp(s->text + s->slots[i] - 1, name) != 0)
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
	if (!fb->items || !fb->column || !fb->question || !fb->section_max) {
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
	free(fb->items);
	free(fb->column);
	free(fb->question);
	free(fb->section_max);
	memset(fb, 0, sizeof(*fb));
}

/* What a student wrote, control bytes as \xNN. */
static void write_as_written(FILE *f, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			putc(c, f);
	}
}

static const char *verdict_text(ec_verdict verdict, bool by_hand)
{
	if (verdict == EC_VERDICT_UNREADABLE)
		return "unreadable [flagged]";
	return by_hand ? "graded by hand" : ec_verdict_name(verdict);
}

/* "  why: REASON" for item i, answered `field` (`len` bytes), when fb->reason gives one. */
static void write_reason(FILE *f, const ec_feedback *fb, size_t i, const char *field,
			 size_t len, const ec_grade_result *res)
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
	fputs("  why: ", f);
	write_as_written(f, why, strlen(why));
	fputc('\n', f);
}

static void write_item(FILE *f, const ec_feedback *fb, const ec_roster_row *row, size_t k)
{
	const ec_grade_item *it = &fb->grader->items[fb->items[k]];
	const ec_grade_result *res = &row->results[fb->items[k]];
	bool by_hand = it->rule.scheme == EC_SCHEME_MANUAL;
	size_t c = fb->column[k];
	const char *field = c < row->nfields ? row->fields[c] : "";
	size_t len = c < row->nfields ? row->lens[c] : 0;
	char a[32], b[32], corr[WRITE_CORRECT_SIZE];

	fprintf(f, "\n%s: ", it->key.id);
	if (res->verdict == EC_VERDICT_MANUAL)
		fprintf(f, "-/%s, graded by hand, no mark yet\n", ec_points_format(it->key.points, b));
	else
		fprintf(f, "%s/%s, %s\n", ec_points_format(res->points, a),
			ec_points_format(it->key.points, b), verdict_text(res->verdict, by_hand));
	fputs(by_hand ? "  mark: " : "  answer: ", f);
	if (len)
		write_as_written(f, field, len);
	else
		fputs(by_hand ? "(none)" : "(blank)", f);
	fprintf(f, "\n  key: %s\n", ec_grade_item_correct(it, corr, sizeof(corr)));
	if (res->verdict != EC_VERDICT_RIGHT && !by_hand && fb->reason)
		write_reason(f, fb, fb->items[k], field, len, res);
	if (res->verdict != EC_VERDICT_RIGHT && fb->question[k])
		fprintf(f, "  worked answer: %s%s\n", fb->worked, fb->question[k]);
}

void ec_feedback_write(FILE *f, const ec_feedback *fb, const ec_roster_row *row)
{
	const ec_grader *g = fb->grader;
	char a[32], b[32];
	size_t s, k;

	fputs("Student: ", f);
	if (row->nfields && row->lens[0])
		write_as_written(f, row->fields[0], row->lens[0]);
	else
		fputs("(blank)", f);
	fprintf(f, "\nTotal: %s/%s\n", ec_points_format(row->total, a),
		ec_points_format(fb->max, b));
	for (s = 0; s < g->nsections; s++)
		if (fb->section_max[s] > 0)
			fprintf(f, "Section %s: %s/%s\n", g->sections[s],
				ec_points_format(row->sections[s], a),
				ec_points_format(fb->section_max[s], b));
	if (row->flagged[0])
		fprintf(f, "Flagged: %s\n", row->flagged);
	for (k = 0; k < fb->nitems; k++)
		write_item(f, fb, row, k);
}
