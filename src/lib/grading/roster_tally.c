/*
 * roster_tally.c: students counted instead of handed out (roster_tally.h).
 * A counted row costs a probe for its total, one for each subtotal and a
 * counter an item, in the thread that read it; handing a row out (its
 * results built, a callback, the class's own bookkeeping) cost ten times
 * that in the thread that hands rows out (bench/README.md).
 */
#include "roster_tally.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_stats.h"

/* Marks a free subtotal slot (no key in millionths is this low). */
#define FREE_KEY INT64_MIN
#define SEC_SLOTS (2 * ROSTER_TALLY_VALUES)

static size_t home(int64_t key, size_t slots)
{
	return (size_t)(((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> 40) & (slots - 1);
}

/* The rows the memory allows at the current width. */
static void set_max_rows(roster_tally *t)
{
	t->max_rows = t->bytes / ((t->width ? t->width : 1) * sizeof(*t->counts));
	if (t->max_rows > EC_STATS_DISTINCT_MAX)
		t->max_rows = EC_STATS_DISTINCT_MAX;
}

/*
 * Room in item i's counters for code `code`: its stride doubled (at least
 * to code + 1, at most ROSTER_CODES), every row laid out anew. false when
 * the rows counted so far would not fit the memory at the new width, or
 * memory runs out (nothing changed).
 */
static bool widen(roster_tally *t, size_t i, size_t code)
{
	size_t stride = 2 * t->stride[i], width, k, j, cap, max;
	uint32_t *counts;

	if (stride < code + 1)
		stride = code + 1;
	if (stride > ROSTER_CODES)
		stride = ROSTER_CODES;
	width = t->width + stride - t->stride[i];
	max = t->bytes / (width * sizeof(*counts));
	if (t->rows.used > max)
		return false;
	cap = t->cap < max ? t->cap : max;
	counts = calloc(cap ? cap * width : 1, sizeof(*counts));
	if (!counts)
		return false;
	for (k = 0; k < t->rows.used; k++) {
		const uint32_t *from = t->counts + k * t->width;
		uint32_t *to = counts + k * width;

		for (j = 0; j < t->nitems; j++)
			memcpy(to + t->off[j] + (j > i ? stride - t->stride[i] : 0), from + t->off[j],
			       t->stride[j] * sizeof(*to));
	}
	for (j = i + 1; j < t->nitems; j++)
		t->off[j] += stride - t->stride[i];
	t->stride[i] = stride;
	free(t->counts);
	t->counts = counts;
	t->width = width;
	if (t->cap > cap) /* fewer rows allowed now: the arrays beside the counters keep theirs */
		t->cap = cap;
	set_max_rows(t);
	return true;
}

bool roster_tally_init(roster_tally *t, const roster_plan *p, size_t bytes)
{
	size_t i, k;

	memset(t, 0, sizeof(*t));
	t->bytes = bytes ? bytes : ROSTER_TALLY_BYTES;
	t->nitems = p->nwritten;
	t->column = malloc((t->nitems ? t->nitems : 1) * sizeof(*t->column));
	t->stride = malloc((t->nitems ? t->nitems : 1) * sizeof(*t->stride));
	t->off = malloc((t->nitems ? t->nitems : 1) * sizeof(*t->off));
	t->nsections = p->g->nsections;
	k = t->nsections ? t->nsections : 1;
	t->sec_keys = malloc(k * SEC_SLOTS * sizeof(*t->sec_keys));
	t->sec_values = calloc(k * SEC_SLOTS, sizeof(*t->sec_values));
	t->sec_students = calloc(k * SEC_SLOTS, sizeof(*t->sec_students));
	t->sec_used = calloc(k, sizeof(*t->sec_used));
	t->sec_at = calloc(k, sizeof(*t->sec_at));
	if (!t->column || !t->stride || !t->off || !micro_rows_init(&t->rows) || !t->sec_keys ||
	    !t->sec_values || !t->sec_students || !t->sec_used || !t->sec_at) {
		roster_tally_free(t);
		return false;
	}
	for (i = 0; i < t->nitems; i++) {
		t->column[i] = p->written[i];
		t->stride[i] = ROSTER_TALLY_STRIDE;
		t->off[i] = t->width;
		t->width += t->stride[i];
	}
	set_max_rows(t);
	for (i = 0; i < k * SEC_SLOTS; i++)
		t->sec_keys[i] = FREE_KEY;
	return true;
}

void roster_tally_free(roster_tally *t)
{
	free(t->column);
	free(t->stride);
	free(t->off);
	micro_rows_free(&t->rows);
	free(t->totals);
	free(t->students);
	free(t->counts);
	free(t->sec_keys);
	free(t->sec_values);
	free(t->sec_students);
	free(t->sec_used);
	free(t->sec_at);
	memset(t, 0, sizeof(*t));
}

/* The row of total `total`, a new one when it is new; SIZE_MAX when there is no room. */
static size_t total_row(roster_tally *t, double total)
{
	size_t row, used;

	if (t->rows.used == t->cap && t->cap < t->max_rows) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		uint32_t *counts;
		double *totals;
		uint64_t *students;

		if (cap > t->max_rows)
			cap = t->max_rows;
		/* a header without items has rows of no counters: one apiece, never read */
		if (!(counts = realloc(t->counts, cap * (t->width ? t->width : 1) * sizeof(*counts))))
			return SIZE_MAX;
		t->counts = counts;
		if (!(totals = realloc(t->totals, cap * sizeof(*totals))))
			return SIZE_MAX;
		t->totals = totals;
		if (!(students = realloc(t->students, cap * sizeof(*students))))
			return SIZE_MAX;
		t->students = students;
		memset(t->counts + t->cap * t->width, 0, (cap - t->cap) * t->width * sizeof(*counts));
		t->cap = cap;
	}
	used = t->rows.used;
	row = micro_rows_find(&t->rows, micro_key(total), t->cap);
	if (row != SIZE_MAX && row == used) { /* a new total */
		t->totals[row] = total;
		t->students[row] = 0;
	}
	return row;
}

/* Section s's slot for subtotal `v` (key `key`), taken when new; SIZE_MAX when full. */
static size_t value_slot(roster_tally *t, size_t s, int64_t key, double v)
{
	int64_t *keys = t->sec_keys + s * SEC_SLOTS;
	size_t h;

	for (h = home(key, SEC_SLOTS); keys[h] != FREE_KEY; h = (h + 1) & (SEC_SLOTS - 1))
		if (keys[h] == key)
			return s * SEC_SLOTS + h;
	if (t->sec_used[s] == ROSTER_TALLY_VALUES)
		return SIZE_MAX;
	t->sec_used[s]++;
	keys[h] = key;
	t->sec_values[s * SEC_SLOTS + h] = v;
	return s * SEC_SLOTS + h;
}

bool roster_tally_add(roster_tally *t, const uint8_t *codes, double total, const double *sections)
{
	size_t row, s, i;
	uint32_t *c;

	/* each answer's code within its item's counters (a column's first ones are few) */
	for (i = 0; i < t->nitems; i++)
		if (codes[t->column[i]] >= t->stride[i] && !widen(t, i, codes[t->column[i]]))
			return false;
	total = ec_points_round(total);
	row = total_row(t, total);
	/* a counter never overflows: no row counts more students than it can */
	if (row == SIZE_MAX || t->students[row] == UINT32_MAX)
		return false;
	for (s = 0; s < t->nsections; s++) {
		double v = ec_points_round(sections[s]);
		size_t at = value_slot(t, s, micro_key(v), v);

		if (at == SIZE_MAX)
			return false;
		t->sec_at[s] = at;
	}
	for (s = 0; s < t->nsections; s++)
		t->sec_students[t->sec_at[s]]++;
	t->students[row]++;
	c = t->counts + row * t->width;
	for (i = 0; i < t->nitems; i++)
		c[t->off[i] + codes[t->column[i]]]++;
	return true;
}

/* ---- handing the counts out ---- */

static int cmp_result(const ec_grade_result *a, const ec_grade_result *b)
{
	if (a->verdict != b->verdict)
		return a->verdict < b->verdict ? -1 : 1;
	if (a->letters != b->letters)
		return a->letters < b->letters ? -1 : 1;
	return (a->points > b->points) - (a->points < b->points);
}

static int by_result(const void *x, const void *y)
{
	return cmp_result(x, y);
}

static int by_value(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* Index of v among the n sorted values (present), by bisection. */
static size_t find_value(const double *values, size_t n, double v)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (values[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t find_result(const ec_grade_result *r, size_t n, const ec_grade_result *want)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_result(&r[mid], want);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Sort and drop repeats of n values; the number left. */
static size_t unique_values(double *v, size_t n)
{
	size_t k, m = 0;

	qsort(v, n, sizeof(*v), by_value);
	for (k = 0; k < n; k++)
		if (m == 0 || v[m - 1] != v[k])
			v[m++] = v[k];
	return m;
}

/* Whether tally t counted a student giving code `code` to item i. */
static bool code_used(const roster_tally *t, size_t i, size_t code)
{
	size_t k;

	for (k = 0; k < t->rows.used; k++)
		if (code < t->stride[i] && t->counts[k * t->width + t->off[i] + code])
			return true;
	return false;
}

typedef struct merged {
	ec_roster_tally pub;
	size_t *nanswers, *at;
	ec_grade_result **answers;
	double *totals;
	uint64_t *students, *counts;
	size_t *nvalues;
	double **values;
	uint64_t **value_students;
} merged;

static void merged_free(merged *m, size_t nitems, size_t nsections)
{
	size_t i;

	for (i = 0; m->answers && i < nitems; i++)
		free(m->answers[i]);
	for (i = 0; m->values && i < nsections; i++) {
		free(m->values[i]);
		free(m->value_students[i]);
	}
	free(m->nanswers);
	free(m->at);
	free(m->answers);
	free(m->totals);
	free(m->students);
	free(m->counts);
	free(m->nvalues);
	free(m->values);
	free(m->value_students);
}

/* Each item's distinct answers over the tallies, sorted; the counters' layout. */
static bool merge_answers(merged *m, const roster_tally *const *ts, const roster_scorer *const *by,
			  size_t n)
{
	size_t nitems = ts[0]->nitems, i, j, code, width = 0;

	for (i = 0; i < nitems; i++) {
		ec_grade_result *r = malloc(n * ROSTER_CODES * sizeof(*r));
		size_t k = 0, u = 0;

		if (!(m->answers[i] = r))
			return false;
		for (j = 0; j < n; j++) {
			const roster_table *tb;

			if (!by[j])
				continue;
			tb = &by[j]->tables[ts[j]->column[i]];
			for (code = 0; code < tb->ncodes && code < ROSTER_CODES; code++)
				if (code_used(ts[j], i, code))
					r[k++] = tb->result[code];
		}
		qsort(r, k, sizeof(*r), by_result);
		for (j = 0; j < k; j++)
			if (u == 0 || cmp_result(&r[u - 1], &r[j]) != 0)
				r[u++] = r[j];
		m->nanswers[i] = u;
		m->at[i] = width;
		width += u;
	}
	m->pub.width = width;
	return true;
}

static bool merge_sections(merged *m, const roster_tally *const *ts, const roster_scorer *const *by,
			   size_t n)
{
	size_t s, j, h, nsec = ts[0]->nsections;

	for (s = 0; s < nsec; s++) {
		size_t k = 0, nv;
		double *v = malloc((n * ROSTER_TALLY_VALUES + 1) * sizeof(*v));
		uint64_t *c;

		if (!(m->values[s] = v))
			return false;
		for (j = 0; j < n; j++)
			for (h = 0; by[j] && h < SEC_SLOTS; h++)
				if (ts[j]->sec_keys[s * SEC_SLOTS + h] != FREE_KEY &&
				    ts[j]->sec_students[s * SEC_SLOTS + h])
					v[k++] = ts[j]->sec_values[s * SEC_SLOTS + h];
		nv = unique_values(v, k);
		if (!(c = m->value_students[s] = calloc(nv ? nv : 1, sizeof(*c))))
			return false;
		for (j = 0; j < n; j++)
			for (h = 0; by[j] && h < SEC_SLOTS; h++)
				if (ts[j]->sec_keys[s * SEC_SLOTS + h] != FREE_KEY &&
				    ts[j]->sec_students[s * SEC_SLOTS + h])
					c[find_value(v, nv, ts[j]->sec_values[s * SEC_SLOTS + h])] +=
						ts[j]->sec_students[s * SEC_SLOTS + h];
		m->nvalues[s] = nv;
	}
	return true;
}

/* The counts of the tallies under the merged totals and answers. */
static bool merge_counts(merged *m, const roster_tally *const *ts, const roster_scorer *const *by,
			 size_t n)
{
	size_t j, k, i, code, nt = 0, all = 0;

	for (j = 0; j < n; j++)
		all += by[j] ? ts[j]->rows.used : 0;
	if (!(m->totals = malloc((all ? all : 1) * sizeof(*m->totals))))
		return false;
	for (j = 0; j < n; j++)
		for (k = 0; by[j] && k < ts[j]->rows.used; k++)
			if (ts[j]->students[k]) /* a row made for a student then handed out holds none */
				m->totals[nt++] = ts[j]->totals[k];
	nt = unique_values(m->totals, nt);
	m->students = calloc(nt ? nt : 1, sizeof(*m->students));
	m->counts = calloc((nt ? nt : 1) * (m->pub.width ? m->pub.width : 1), sizeof(*m->counts));
	if (!m->students || !m->counts)
		return false;
	for (j = 0; j < n; j++) {
		const roster_tally *t = ts[j];
		size_t *answer_of;

		if (!by[j] || !t->rows.used)
			continue;
		/* per item and code: the merged answer's counter */
		answer_of = malloc((t->width ? t->width : 1) * sizeof(*answer_of));
		if (!answer_of)
			return false;
		for (i = 0; i < t->nitems; i++) {
			const roster_table *tb = &by[j]->tables[t->column[i]];

			for (code = 0; code < t->stride[i]; code++)
				answer_of[t->off[i] + code] =
					code < tb->ncodes ? m->at[i] + find_result(m->answers[i], m->nanswers[i],
										   &tb->result[code])
							  : SIZE_MAX;
		}
		for (k = 0; k < t->rows.used; k++) {
			size_t row;
			const uint32_t *c;
			uint64_t *dst;

			if (!t->students[k])
				continue;
			row = find_value(m->totals, nt, t->totals[k]);
			c = t->counts + k * t->width;
			dst = m->counts + row * m->pub.width;

			m->students[row] += t->students[k];
			for (i = 0; i < t->width; i++)
				if (c[i])
					dst[answer_of[i]] += c[i];
		}
		free(answer_of);
	}
	m->pub.ntotals = nt;
	return true;
}

ec_status roster_tally_hand(const roster_tally *const *ts, const roster_scorer *const *by,
			    size_t n, const roster_plan *p, size_t grader, ec_roster_tally_fn fn,
			    void *ctx, ec_error *err)
{
	size_t nitems = ts[0]->nitems, nsec = ts[0]->nsections, j;
	uint64_t any = 0;
	merged m;
	bool ok;

	for (j = 0; j < n; j++)
		any += by[j] ? ts[j]->rows.used : 0;
	if (!any)
		return EC_OK;
	memset(&m, 0, sizeof(m));
	m.nanswers = calloc(nitems ? nitems : 1, sizeof(*m.nanswers));
	m.at = calloc(nitems ? nitems : 1, sizeof(*m.at));
	m.answers = calloc(nitems ? nitems : 1, sizeof(*m.answers));
	m.nvalues = calloc(nsec ? nsec : 1, sizeof(*m.nvalues));
	m.values = calloc(nsec ? nsec : 1, sizeof(*m.values));
	m.value_students = calloc(nsec ? nsec : 1, sizeof(*m.value_students));
	ok = m.nanswers && m.at && m.answers && m.nvalues && m.values && m.value_students &&
	     merge_answers(&m, ts, by, n) && merge_sections(&m, ts, by, n) &&
	     merge_counts(&m, ts, by, n);
	if (ok) {
		size_t *items = malloc((nitems ? nitems : 1) * sizeof(*items));

		ok = items != NULL;
		for (j = 0; ok && j < nitems; j++)
			items[j] = (size_t)p->item[p->written[j]];
		if (ok) {
			m.pub.grader = grader;
			m.pub.graded_with = p->g;
			m.pub.nitems = nitems;
			m.pub.items = items;
			m.pub.nanswers = m.nanswers;
			m.pub.answers = (const ec_grade_result *const *)m.answers;
			m.pub.totals = m.totals;
			m.pub.students = m.students;
			m.pub.at = m.at;
			m.pub.counts = m.counts;
			m.pub.nsections = nsec;
			m.pub.nvalues = m.nvalues;
			m.pub.values = (const double *const *)m.values;
			m.pub.value_students = (const uint64_t *const *)m.value_students;
			fn(ctx, &m.pub);
		}
		free(items);
	}
	merged_free(&m, nitems, nsec);
	return ok ? EC_OK : ec_error_set(err, EC_ERR_NOMEM, "out of memory");
}
