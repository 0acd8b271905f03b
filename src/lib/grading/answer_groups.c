/*
 * answer_groups.c: the distinct answers of each item, counted a roster row
 * at a time in fixed memory (ec_answer_groups.h says how the budget
 * chooses). A row's answer is first looked up by its spelling in a small
 * cache per item, so that the answers a class repeats cost one probe and
 * are read (ec_grader_read()) once; only a spelling the cache lacks is
 * read again and found among the item's groups. A cache entry counts its
 * own students (pending), added to its group's count when the entry is
 * flushed, so that a row touches one small entry per item.
 */
#include "examcheck/ec_answer_groups.h"

#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_sheet.h"

/* The spelling cache: slots, entries kept before it is emptied, longest spelling kept. */
#define CACHE_BITS 6
#define CACHE_SLOTS (1u << CACHE_BITS)
#define CACHE_FILL 48
#define CACHE_TEXT 16
/* The filter of answers sent to "other": bits (a power of two). */
#define GONE_BITS 8192u
/* A cache entry's group when its answer goes to "other". */
#define TO_OTHER 255
/* An answer number (ec_roster_row.codes) not met yet. */
#define UNMAPPED 254
/*
 * The length under which a tf or mc answer is cached by its letters and
 * verdict instead of its spelling (no spelling is that long).
 */
#define BY_LETTERS (CACHE_TEXT + 1)

_Static_assert(EC_ANSWER_GROUPS_MAX < UNMAPPED, "a group's index fits below UNMAPPED");
_Static_assert(CACHE_FILL < CACHE_SLOTS, "a probe always ends at an empty slot");

/*
 * A spelling (up to CACHE_TEXT bytes as two words and its length), the
 * group it reads as and the students who wrote it since its last flush.
 */
typedef struct spelling {
	uint64_t w0, w1;
	uint32_t pending;
	uint8_t len1;  /* length + 1; 0: empty slot */
	uint8_t group; /* index into the item's groups, or TO_OTHER */
} spelling;

/* A kept group: what is shown (its count kept apart), the value read, its place in the budget. */
typedef struct group_rec {
	ec_answer_group pub;
	ec_value value;
	uint64_t key;  /* hash of the answer text, verdict and points */
	uint64_t seq;  /* when it was first given (the item's answers counted before it) */
} group_rec;

/*
 * One item's groups. What a row touches (counts, generations, the cache)
 * comes first and is small: a roster row visits every item's.
 */
typedef struct item_groups {
	spelling cache[CACHE_SLOTS];
	uint64_t count[EC_ANSWER_GROUPS_MAX]; /* students per group slot, but those pending */
	size_t cached;
	/* per coder and answer number: its group, TO_OTHER or UNMAPPED (one byte a lookup) */
	uint8_t by_code[EC_ROSTER_CODERS][EC_ROSTER_CODES];
	size_t item;   /* index into g->items */
	size_t column; /* the roster column holding its answers */
	size_t n;
	uint64_t other;
	bool by_letters; /* tf, mc: a readable answer is known by its letters */
	group_rec *recs; /* EC_ANSWER_GROUPS_MAX of them, allocated with the first answer */
	bool no_memory;
	uint64_t gone[GONE_BITS / 64];
	ec_answer_group *sorted; /* as many: the groups shown, sorted by finish */
} item_groups;

struct ec_answer_groups {
	const ec_grader *g;
	item_groups *items; /* in the roster's key order */
	size_t nitems;
	size_t *of_item;    /* per grader item: its index in items, or SIZE_MAX */
	uint64_t students;
	bool finished;
};

ec_status ec_answer_groups_new(ec_answer_groups **out, const ec_grader *g,
			       const ec_roster_header *h, ec_error *err)
{
	ec_answer_groups *a = calloc(1, sizeof(*a));
	size_t i, c;

	*out = NULL;
	if (!a)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	a->g = g;
	a->items = calloc(h->nitems ? h->nitems : 1, sizeof(*a->items));
	a->of_item = malloc((g->count ? g->count : 1) * sizeof(*a->of_item));
	if (!a->items || !a->of_item) {
		ec_answer_groups_free(a);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < g->count; i++)
		a->of_item[i] = SIZE_MAX;
	for (i = 0; i < h->nitems; i++) {
		const ec_grade_item *gi = &g->items[h->items[i]];

		a->items[i].item = h->items[i];
		memset(a->items[i].by_code, UNMAPPED, sizeof(a->items[i].by_code));
		a->items[i].by_letters = (gi->key.kind == EC_KEY_TF || gi->key.kind == EC_KEY_MC) &&
					 gi->rule.scheme != EC_SCHEME_MANUAL;
		a->of_item[h->items[i]] = i;
	}
	a->nitems = h->nitems;
	for (c = 0; c < h->nnames; c++)
		if (h->item[c] >= 0 && a->of_item[h->item[c]] != SIZE_MAX)
			a->items[a->of_item[h->item[c]]].column = c;
	*out = a;
	return EC_OK;
}

void ec_answer_groups_free(ec_answer_groups *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; a->items && i < a->nitems; i++) {
		free(a->items[i].recs);
		free(a->items[i].sorted);
	}
	free(a->items);
	free(a->of_item);
	free(a);
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= UINT64_C(0xFF51AFD7ED558CCD);
	h ^= h >> 33;
	h *= UINT64_C(0xC4CEB9FE1A85EC53);
	return h ^ (h >> 33);
}

/* ---- the spelling cache ---- */

/*
 * Two words that, with its length, only one text of up to CACHE_TEXT
 * bytes gives: fixed-size loads that may overlap (never beyond the text,
 * and never bytes stored one at a time and read back as a word).
 */
static void spelling_words(const char *p, size_t len, uint64_t *w0, uint64_t *w1)
{
	uint32_t a, b;

	*w1 = 0;
	if (len >= 8) {
		memcpy(w0, p, 8);
		if (len > 8)
			memcpy(w1, p + len - 8, 8);
	} else if (len >= 4) {
		memcpy(&a, p, 4);
		memcpy(&b, p + len - 4, 4);
		*w0 = a | (uint64_t)b << 32;
	} else if (len > 0) {
		*w0 = (uint64_t)(unsigned char)p[0] | (uint64_t)(unsigned char)p[len / 2] << 8 |
		      (uint64_t)(unsigned char)p[len - 1] << 16;
	} else {
		*w0 = 0;
	}
}

static unsigned cache_home(uint64_t w0, uint64_t w1, size_t len)
{
	return (unsigned)(((w0 ^ (w1 * UINT64_C(0xC2B2AE3D27D4EB4F)) ^ len) *
			   UINT64_C(0x9E3779B97F4A7C15)) >> (64 - CACHE_BITS));
}

/* The cache entry of a spelling, or NULL; *at is where it would go. */
static spelling *cache_find(item_groups *it, uint64_t w0, uint64_t w1, size_t len, unsigned *at)
{
	unsigned h = cache_home(w0, w1, len);

	for (;; h = (h + 1) & (CACHE_SLOTS - 1)) {
		spelling *s = &it->cache[h];

		if (s->len1 == 0) {
			*at = h;
			return NULL;
		}
		if (s->w0 == w0 && s->w1 == w1 && s->len1 == len + 1)
			return s;
	}
}

/* Add the students pending in the cache to their groups (or to other). */
static void cache_flush(item_groups *it)
{
	size_t h;

	for (h = 0; h < CACHE_SLOTS; h++) {
		spelling *s = &it->cache[h];

		if (s->group == TO_OTHER)
			it->other += s->pending;
		else
			it->count[s->group] += s->pending;
		s->pending = 0;
	}
}

/* Cache the key (w0, w1, len) of an answer read as `group`. */
static void cache_put(item_groups *it, uint64_t w0, uint64_t w1, size_t len, uint8_t group)
{
	unsigned at;
	spelling *s;

	if (it->cached == CACHE_FILL) {
		cache_flush(it);
		memset(it->cache, 0, sizeof(it->cache));
		it->cached = 0;
	}
	if (cache_find(it, w0, w1, len, &at))
		return;
	s = &it->cache[at];
	s->w0 = w0;
	s->w1 = w1;
	s->len1 = (uint8_t)(len + 1);
	s->group = group;
	s->pending = 0;
	it->cached++;
}

/* Group k's place is given away: its spellings (and answer numbers) now read as other. */
static void cache_forget(item_groups *it, size_t k)
{
	size_t h, c;

	for (h = 0; h < CACHE_SLOTS; h++)
		if (it->cache[h].len1 && it->cache[h].group == k)
			it->cache[h].group = TO_OTHER;
	for (c = 0; c < EC_ROSTER_CODERS * EC_ROSTER_CODES; c++)
		if ((&it->by_code[0][0])[c] == k)
			(&it->by_code[0][0])[c] = TO_OTHER;
}

/* ---- the filter of answers sent to "other" ---- */

static void gone_add(item_groups *it, uint64_t key)
{
	uint64_t h = mix(key);
	unsigned b1 = (unsigned)(h & (GONE_BITS - 1)), b2 = (unsigned)((h >> 32) & (GONE_BITS - 1));

	it->gone[b1 / 64] |= UINT64_C(1) << (b1 % 64);
	it->gone[b2 / 64] |= UINT64_C(1) << (b2 % 64);
}

static bool gone_has(const item_groups *it, uint64_t key)
{
	uint64_t h = mix(key);
	unsigned b1 = (unsigned)(h & (GONE_BITS - 1)), b2 = (unsigned)((h >> 32) & (GONE_BITS - 1));

	return ((it->gone[b1 / 64] >> (b1 % 64)) & 1) && ((it->gone[b2 / 64] >> (b2 % 64)) & 1);
}

/* ---- what an answer reads as ---- */

/* Significant digits of a number's text ("33.3": 3, "0.25": 2); -1 when it has an exponent. */
static int digits_shown(const char *s)
{
	int n = 0;

	if (strchr(s, 'e'))
		return -1;
	for (; *s && (*s < '1' || *s > '9'); s++)
		;
	for (; *s; s++)
		n += *s >= '0' && *s <= '9';
	return n;
}

/*
 * A value in key form; a decimal keeps the figures written, so that
 * "33.30" (4 figures, graded as such) is not shown as "33.3".
 */
static void value_text(const ec_value *v, char *buf, size_t size)
{
	int shown;
	size_t n;

	ec_value_format(v, buf, size);
	if (v->blank || v->kind != EC_KEY_NUMBER || v->sigfigs <= 0)
		return;
	shown = digits_shown(buf);
	if (shown < 0 || shown >= v->sigfigs)
		return;
	n = strlen(buf);
	if (!strchr(buf, '.') && n + 1 < size)
		buf[n++] = '.';
	for (; shown < v->sigfigs && n + 1 < size; shown++)
		buf[n++] = '0';
	buf[n] = '\0';
}

/* `len` bytes at `text`, blanks around them trimmed, cut to fit `size` on a UTF-8 boundary. */
static void as_written(const char *text, size_t len, char *buf, size_t size)
{
	while (len && (*text == ' ' || *text == '\t'))
		text++, len--;
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len >= size) {
		len = size - 1;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(buf, text, len);
	buf[len] = '\0';
}

static uint64_t group_key(const char *answer, ec_verdict verdict, double points)
{
	uint64_t h = UINT64_C(0xCBF29CE484222325), bits;
	const unsigned char *p;

	for (p = (const unsigned char *)answer; *p; p++)
		h = (h ^ *p) * UINT64_C(0x100000001B3);
	memcpy(&bits, &points, sizeof(bits));
	return mix(h ^ mix(bits + (uint64_t)verdict));
}

/* The group a student's answer (text, result) reads as: its answer, value and key. */
static void read_answer(const ec_answer_groups *a, const item_groups *it, const char *text,
			size_t len, const ec_grade_result *r, group_rec *out)
{
	const ec_grade_item *gi = &a->g->items[it->item];
	char pts[32];
	ec_error err;

	memset(out, 0, sizeof(*out));
	out->value.blank = true;
	out->value.kind = gi->key.kind;
	out->pub.verdict = r->verdict;
	out->pub.points = r->points;
	if (gi->rule.scheme == EC_SCHEME_MANUAL) {
		if (r->verdict != EC_VERDICT_MANUAL && r->verdict != EC_VERDICT_UNREADABLE)
			snprintf(out->pub.answer, sizeof(out->pub.answer), "%s",
				 ec_points_format(r->points, pts));
		else if (r->verdict == EC_VERDICT_UNREADABLE)
			as_written(text, len, out->pub.answer, sizeof(out->pub.answer));
	} else if (r->verdict == EC_VERDICT_UNREADABLE) {
		as_written(text, len, out->pub.answer, sizeof(out->pub.answer));
	} else if (r->verdict != EC_VERDICT_BLANK) {
		ec_error_clear(&err);
		if (ec_grader_read(a->g, it->item, text, len, &out->value, &err) == EC_OK) {
			value_text(&out->value, out->pub.answer, sizeof(out->pub.answer));
			out->pub.acceptable = r->verdict != EC_VERDICT_RIGHT;
		} else {
			out->value.blank = true;
			as_written(text, len, out->pub.answer, sizeof(out->pub.answer));
		}
	}
	out->key = group_key(out->pub.answer, out->pub.verdict, out->pub.points);
}

/* The group of a readable tf or mc answer, from its letters alone (no text to read). */
static void read_letters(const ec_answer_groups *a, const item_groups *it,
			 const ec_grade_result *r, group_rec *out)
{
	const ec_grade_item *gi = &a->g->items[it->item];

	memset(out, 0, sizeof(*out));
	out->value.kind = gi->key.kind;
	out->value.blank = r->verdict == EC_VERDICT_BLANK;
	out->value.letters = out->value.blank ? 0 : r->letters;
	out->value.truth = gi->key.kind == EC_KEY_TF && r->letters == UINT32_C(1) << ('T' - 'A');
	out->pub.verdict = r->verdict;
	out->pub.points = r->points;
	ec_value_format(&out->value, out->pub.answer, sizeof(out->pub.answer));
	out->pub.acceptable = !out->value.blank && r->verdict != EC_VERDICT_RIGHT;
	out->key = group_key(out->pub.answer, out->pub.verdict, out->pub.points);
}

static long find_group(const item_groups *it, const group_rec *want)
{
	size_t k;

	for (k = 0; k < it->n; k++) {
		const group_rec *g = &it->recs[k];

		if (g->key == want->key && g->pub.verdict == want->pub.verdict &&
		    g->pub.points == want->pub.points && strcmp(g->pub.answer, want->pub.answer) == 0)
			return (long)k;
	}
	return -1;
}

/* The oldest group only one student gave, or -1. */
static long oldest_single(const item_groups *it)
{
	long best = -1;
	size_t k;

	for (k = 0; k < it->n; k++)
		if (it->count[k] == 1 && (best < 0 || it->recs[k].seq < it->recs[best].seq))
			best = (long)k;
	return best;
}

/*
 * An answer the cache lacks, read as `want`: find its group, or keep a
 * new one (in a free slot or the oldest single one's), or send it to
 * other. Returns the group's index or TO_OTHER, its student counted.
 */
static uint8_t count_new(item_groups *it, group_rec *want_in)
{
	group_rec want = *want_in;
	long k;

	if ((k = find_group(it, &want)) >= 0) {
		it->count[k]++;
		return (uint8_t)k;
	}
	if (!it->recs && !it->no_memory) {
		it->recs = calloc(EC_ANSWER_GROUPS_MAX, sizeof(*it->recs));
		it->sorted = calloc(EC_ANSWER_GROUPS_MAX, sizeof(*it->sorted));
		if (!it->recs || !it->sorted) {
			free(it->recs);
			free(it->sorted);
			it->recs = NULL;
			it->sorted = NULL;
			it->no_memory = true;
		}
	}
	if (!it->recs || gone_has(it, want.key)) {
		it->other++;
		return TO_OTHER;
	}
	if (it->n < EC_ANSWER_GROUPS_MAX) {
		k = (long)it->n++;
	} else {
		cache_flush(it); /* the counts must be whole to find a group given once */
		k = oldest_single(it);
		if (k < 0) { /* every group was given twice or more: this answer is other */
			gone_add(it, want.key);
			it->other++;
			return TO_OTHER;
		}
		gone_add(it, it->recs[k].key);
		it->other++;
		cache_forget(it, (size_t)k);
	}
	it->count[k] = 1;
	it->recs[k] = want;
	return (uint8_t)k;
}

/*
 * An answer its item's cache lacks (its key w0, w1, len when `cached`):
 * read it, count it in its group (or other) and cache where it went.
 */
static uint8_t count_uncached(const ec_answer_groups *a, item_groups *it, const char *text,
			      size_t len, const ec_grade_result *r, bool cached, uint64_t w0,
			      uint64_t w1, size_t key_len)
{
	group_rec want;
	uint8_t group;

	if (key_len == BY_LETTERS)
		read_letters(a, it, r, &want);
	else
		read_answer(a, it, text, len, r, &want);
	want.seq = a->students;
	group = count_new(it, &want);
	if (cached)
		cache_put(it, w0, w1, key_len, group);
	return group;
}

/*
 * Each item's answer of the row: by its answer number when the row has
 * one already met (a byte looked up), else by its cache key (tf and mc by
 * letters and verdict, others by spelling), one probe, one count; only a
 * miss reads the answer. The group found is remembered for the number.
 */
void ec_answer_groups_add(ec_answer_groups *a, const ec_roster_row *row)
{
	bool numbered = row->codes && row->coder < EC_ROSTER_CODERS;
	size_t i;

	a->students++;
	for (i = 0; i < a->nitems; i++) {
		item_groups *it = &a->items[i];
		const ec_grade_result *r = &row->results[it->item];
		const char *text = "";
		size_t len = 0, key_len;
		uint64_t w0, w1 = 0;
		uint8_t *known = NULL, group = UNMAPPED;
		unsigned h;

		if (numbered && row->codes[it->column] < EC_ROSTER_CODES) {
			known = &it->by_code[row->coder][row->codes[it->column]];
			if (*known != UNMAPPED) {
				if (*known == TO_OTHER)
					it->other++;
				else
					it->count[*known]++;
				continue;
			}
		}
		if (it->by_letters && r->verdict != EC_VERDICT_UNREADABLE) {
			w0 = r->letters | (uint64_t)r->verdict << 32;
			key_len = BY_LETTERS;
		} else {
			if (it->column < row->nfields) {
				text = row->fields[it->column];
				len = row->lens[it->column];
			}
			if (len > CACHE_TEXT) {
				group = count_uncached(a, it, text, len, r, false, 0, 0, 0);
				if (known)
					*known = group;
				continue;
			}
			spelling_words(text, len, &w0, &w1);
			key_len = len;
		}
		for (h = cache_home(w0, w1, key_len);; h = (h + 1) & (CACHE_SLOTS - 1)) {
			spelling *c = &it->cache[h];

			if (c->len1 == 0) {
				group = count_uncached(a, it, text, len, r, true, w0, w1, key_len);
				break;
			}
			if (c->w0 == w0 && c->w1 == w1 && c->len1 == key_len + 1) {
				group = c->group;
				if (++c->pending == UINT32_MAX)
					cache_flush(it);
				break;
			}
		}
		if (known)
			*known = group;
	}
}

/* An item's answer in a tally and how many gave it. */
typedef struct given {
	size_t answer;
	uint64_t n;
} given;

static int by_given(const void *x, const void *y)
{
	const given *a = x, *b = y;

	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return (a->answer > b->answer) - (a->answer < b->answer);
}

void ec_answer_groups_add_tally(ec_answer_groups *a, const ec_roster_tally *t)
{
	uint64_t students = 0;
	size_t i, k, j;

	for (k = 0; k < t->ntotals; k++)
		students += t->students[k];
	for (i = 0; i < a->nitems && i < t->nitems; i++) {
		item_groups *it = &a->items[i];
		given *g = malloc((t->nanswers[i] ? t->nanswers[i] : 1) * sizeof(*g));
		size_t n = 0;

		if (!g || !it->by_letters || it->item != t->items[i]) {
			it->other += students; /* not reached: a tally holds letters */
			free(g);
			continue;
		}
		for (j = 0; j < t->nanswers[i]; j++) {
			uint64_t sum = 0;

			for (k = 0; k < t->ntotals; k++)
				sum += t->counts[k * t->width + t->at[i] + j];
			if (sum) {
				g[n].answer = j;
				g[n++].n = sum;
			}
		}
		qsort(g, n, sizeof(*g), by_given);
		for (j = 0; j < n; j++) {
			group_rec want;
			uint8_t group;

			read_letters(a, it, &t->answers[i][g[j].answer], &want);
			want.seq = a->students;
			group = count_new(it, &want);
			if (group == TO_OTHER)
				it->other += g[j].n - 1;
			else
				it->count[group] += g[j].n - 1;
		}
		free(g);
	}
	a->students += students;
}

/* ---- once the roster is read ---- */

/* Whether a right answer is right by the key's own answer (not only by an alternative). */
static bool right_by_key(const ec_grader *g, size_t item, const ec_value *v)
{
	ec_grade_item one = g->items[item];
	ec_grader just = *g;
	ec_verdict verdict;

	one.naccepted = one.naccepted ? 1 : 0;
	just.items = &one;
	just.count = 1;
	ec_grader_score(&just, 0, v, &verdict);
	return verdict == EC_VERDICT_RIGHT;
}

static int by_count(const void *x, const void *y)
{
	const ec_answer_group *a = x, *b = y;
	int c;

	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	if ((c = strcmp(a->answer, b->answer)) != 0)
		return c;
	return (a->verdict > b->verdict) - (a->verdict < b->verdict);
}

static void name_mistakes(const ec_answer_groups *a, item_groups *it, ec_mistake_fn fn, void *ctx)
{
	size_t k;

	for (k = 0; k < it->n; k++) {
		group_rec *r = &it->recs[k];
		char *m = r->pub.mistake;

		m[0] = '\0';
		if (r->pub.verdict == EC_VERDICT_UNREADABLE)
			snprintf(m, EC_ANSWER_MISTAKE, "%s", EC_ANSWER_UNREADABLE);
		else if (r->value.blank || r->pub.verdict == EC_VERDICT_MANUAL)
			continue;
		else if (r->pub.verdict == EC_VERDICT_RIGHT && !right_by_key(a->g, it->item, &r->value))
			snprintf(m, EC_ANSWER_MISTAKE, "%s", EC_ANSWER_OTHER_READING);
		else if (r->pub.verdict != EC_VERDICT_RIGHT && fn &&
			 !fn(ctx, a->g, it->item, &r->value, m, EC_ANSWER_MISTAKE))
			m[0] = '\0';
	}
}

void ec_answer_groups_finish(ec_answer_groups *a, ec_mistake_fn fn, void *ctx)
{
	size_t i, k;

	for (i = 0; i < a->nitems; i++) {
		item_groups *it = &a->items[i];

		cache_flush(it);
		for (k = 0; k < it->n; k++)
			it->recs[k].pub.count = it->count[k];
		name_mistakes(a, it, fn, ctx);
		for (k = 0; k < it->n; k++)
			it->sorted[k] = it->recs[k].pub;
		if (it->n)
			qsort(it->sorted, it->n, sizeof(*it->sorted), by_count);
	}
	a->finished = true;
}

size_t ec_answer_groups_item(const ec_answer_groups *a, size_t item,
			     const ec_answer_group **groups, uint64_t *other)
{
	const item_groups *it;
	size_t k;

	*groups = NULL;
	*other = 0;
	if (item >= a->g->count || (k = a->of_item[item]) == SIZE_MAX)
		return 0;
	it = &a->items[k];
	*other = it->other;
	if (!a->finished || !it->n)
		return 0;
	*groups = it->sorted;
	return it->n;
}

uint64_t ec_answer_groups_students(const ec_answer_groups *a)
{
	return a->students;
}
