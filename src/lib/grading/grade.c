#include "examcheck/ec_grade.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ec_verdict_name(ec_verdict verdict)
{
	switch (verdict) {
	case EC_VERDICT_RIGHT:
		return "right";
	case EC_VERDICT_PARTIAL:
		return "partial";
	case EC_VERDICT_WRONG:
		return "wrong";
	case EC_VERDICT_BLANK:
		return "blank";
	case EC_VERDICT_MANUAL:
		return "manual";
	case EC_VERDICT_UNREADABLE:
		return "unreadable";
	}
	return "unknown";
}

static bool scheme_fits(ec_scheme scheme, ec_key_kind kind)
{
	switch (scheme) {
	case EC_SCHEME_TF:
		return kind == EC_KEY_TF;
	case EC_SCHEME_MC:
		return kind == EC_KEY_MC;
	case EC_SCHEME_EXACT:
		return kind == EC_KEY_NUMBER || kind == EC_KEY_COUNT ||
		       kind == EC_KEY_DIMS || kind == EC_KEY_MASK;
	case EC_SCHEME_MANUAL:
		return true;
	}
	return false;
}

static ec_status section_of(ec_grader *g, const char *id, size_t *section, ec_error *err)
{
	size_t n = strcspn(id, "."), i;
	char (*grown)[16];

	if (n >= sizeof(g->sections[0]))
		n = sizeof(g->sections[0]) - 1;
	for (i = 0; i < g->nsections; i++) {
		if (strlen(g->sections[i]) == n && strncmp(g->sections[i], id, n) == 0) {
			*section = i;
			return EC_OK;
		}
	}
	grown = realloc(g->sections, (g->nsections + 1) * sizeof(*grown));
	if (!grown)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	g->sections = grown;
	memcpy(g->sections[g->nsections], id, n);
	g->sections[g->nsections][n] = '\0';
	*section = g->nsections++;
	return EC_OK;
}

static ec_status check_options(const ec_grade_item *it, const ec_value *v,
			       const char *text, size_t len, ec_error *err)
{
	if (it->key.kind == EC_KEY_MC && !v->blank && it->rule.options &&
	    (v->letters & ~it->rule.options))
		return ec_error_set(err, EC_ERR_PARSE, "'%.*s' is not an option of %s",
				    (int)(len > 40 ? 40 : len), text, it->key.id);
	return EC_OK;
}

static ec_status add_accepted(ec_grade_item *it, const char *answer, const char *file,
			      long line, long column, ec_error *err)
{
	ec_value *grown = realloc(it->accepted, (it->naccepted + 1) * sizeof(*grown));
	ec_value *v;
	ec_error sub;
	size_t len = strlen(answer);

	if (!grown)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	it->accepted = grown;
	v = &it->accepted[it->naccepted];
	ec_error_clear(&sub);
	if (ec_value_parse(it->key.kind, answer, len, v, &sub) != EC_OK ||
	    check_options(it, v, answer, len, &sub) != EC_OK)
		return ec_error_at(err, EC_ERR_PARSE, file, line, column, "item '%s': %s",
				   it->key.id, sub.msg);
	if (v->blank)
		return ec_error_at(err, EC_ERR_PARSE, file, line, column,
				   "item '%s': the accepted answer is empty", it->key.id);
	it->naccepted++;
	return EC_OK;
}

static double lowest_score(const ec_grade_item *it)
{
	if (it->rule.scheme == EC_SCHEME_TF)
		return fmin(0, fmin(it->rule.wrong, it->rule.blank));
	return 0;
}

static ec_status init_item(ec_grader *g, ec_grade_item *it, const ec_key_item *k,
			   const ec_rubric *r, ec_error *err)
{
	const ec_rubric_rule *rule = ec_rubric_rule_for(r, k->id);
	ec_status st;

	it->key = *k;
	st = section_of(g, k->id, &it->section, err);
	if (st != EC_OK)
		return st;
	if (k->kind == EC_KEY_MANUAL) {
		memset(&it->rule, 0, sizeof(it->rule));
		it->rule.scheme = EC_SCHEME_MANUAL;
		return EC_OK;
	}
	if (!rule)
		return ec_error_at(err, EC_ERR_PARSE, r->file, 0, 0,
				   "no rule matches item '%s' (kind %s)", k->id,
				   ec_key_kind_name(k->kind));
	if (!scheme_fits(rule->scheme, k->kind))
		return ec_error_at(err, EC_ERR_PARSE, r->file, rule->line, 0,
				   "rule '%s' scores with %s, which does not fit item '%s' of kind %s",
				   rule->pattern, ec_scheme_name(rule->scheme), k->id,
				   ec_key_kind_name(k->kind));
	it->rule = *rule;
	if (rule->scheme == EC_SCHEME_MANUAL)
		return EC_OK;
	/* a key file's answer is its line's second field */
	return add_accepted(it, k->answer, k->file ? k->file : "key", k->line, k->file ? 2 : 0,
			    err);
}

static ec_status find_runs(ec_grader *g, ec_error *err)
{
	size_t i;

	g->runs = calloc(g->count ? g->count : 1, sizeof(*g->runs));
	if (!g->runs)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	for (i = 0; i < g->count; i++) {
		if (g->nruns == 0 || g->items[i].section != g->runs[g->nruns - 1].section)
			g->runs[g->nruns++].section = g->items[i].section;
		g->runs[g->nruns - 1].end = i + 1;
	}
	return EC_OK;
}

ec_status ec_grader_init(ec_grader *g, const ec_key *key, const ec_rubric *r,
			 ec_error *err)
{
	ec_status st = EC_OK;
	size_t i;

	memset(g, 0, sizeof(*g));
	g->seed = key->seed;
	if (key->count) {
		g->items = calloc(key->count, sizeof(*g->items));
		if (!g->items)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < key->count && st == EC_OK; i++) {
		ec_grade_item *it = &g->items[i];

		g->count = i + 1;
		st = init_item(g, it, &key->items[i], r, err);
		if (st != EC_OK)
			break;
		it->blank.points = ec_grader_score(g, i, NULL, &it->blank.verdict);
		if (it->rule.scheme == EC_SCHEME_MANUAL) {
			g->max_manual += it->key.points;
		} else {
			g->max_auto += it->key.points;
			g->min_auto += lowest_score(it);
		}
	}
	for (i = 0; i < r->nalts && st == EC_OK; i++) {
		const ec_rubric_alt *alt = &r->alts[i];
		long at = ec_grader_find(g, alt->id, strlen(alt->id));

		if (alt->one_version && alt->seed != key->seed)
			continue; /* an --accept ID@N=ANSWER for another version of the exam */
		if (at < 0 && alt->optional)
			continue; /* a rubric's line for an item this key leaves out */
		if (at < 0)
			st = ec_error_at(err, EC_ERR_PARSE, alt->file, alt->line, 0,
					 "alternative for unknown item '%s'", alt->id);
		else if (g->items[at].rule.scheme == EC_SCHEME_MANUAL)
			st = ec_error_at(err, EC_ERR_PARSE, alt->file, alt->line, 0,
					 "item '%s' is graded by hand; it takes no alternative",
					 alt->id);
		else
			st = add_accepted(&g->items[at], alt->answer, alt->file, alt->line, 0, err);
		/* an --accept that does not fit the key: the request, not a file, is wrong */
		if (st != EC_OK && st != EC_ERR_NOMEM && alt->requested)
			st = err->status = EC_ERR_USAGE;
	}
	g->max_auto = ec_points_round(g->max_auto);
	g->max_manual = ec_points_round(g->max_manual);
	g->min_auto = ec_points_round(g->min_auto);
	if (st == EC_OK)
		st = find_runs(g, err);
	if (st != EC_OK)
		ec_grader_free(g);
	return st;
}

void ec_grader_free(ec_grader *g)
{
	size_t i;

	for (i = 0; i < g->count; i++)
		free(g->items[i].accepted);
	free(g->items);
	free(g->sections);
	free(g->runs);
	memset(g, 0, sizeof(*g));
}

long ec_grader_find(const ec_grader *g, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < g->count; i++)
		if (strncmp(g->items[i].key.id, id, len) == 0 && g->items[i].key.id[len] == '\0')
			return (long)i;
	return -1;
}

ec_status ec_grader_read(const ec_grader *g, size_t i, const char *text,
			 size_t len, ec_value *v, ec_error *err)
{
	const ec_grade_item *it = &g->items[i];
	ec_status st = ec_value_parse(it->key.kind, text, len, v, err);

	if (st != EC_OK)
		return st;
	return check_options(it, v, text, len, err);
}

static int popcount32(uint32_t x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The first n significant digits of |x| into d (no point, NUL-terminated); returns its decimal exponent. */
static int leading_digits(double x, int n, char *d)
{
	char buf[64];
	int i, k = 0;

	snprintf(buf, sizeof(buf), "%.*e", n - 1, fabs(x));
	for (i = 0; buf[i] != 'e'; i++)
		if (buf[i] != '.')
			d[k++] = buf[i];
	d[k] = '\0';
	return atoi(buf + i + 1);
}

/* Digits of a key looked at past its n-th for a tie: far below a double's precision. */
#define TIE_DIGITS 25

bool ec_sigfigs_agree(double written, int sigfigs, double key)
{
	char w[24], k[24], exact[24 + TIE_DIGITS];
	int s = sigfigs > 15 ? 15 : sigfigs, ew, ek, i;

	if (s <= 0 || !isfinite(written) || !isfinite(key) || (written < 0) != (key < 0))
		return false;
	/* up to 15 digits, a decimal survives the trip through a double */
	ew = leading_digits(written, s, w);
	ek = leading_digits(key, s, k);
	if (ew == ek && strcmp(w, k) == 0)
		return true;
	/* a key exactly halfway between two s-digit values also accepts the other one */
	ek = leading_digits(key, s + TIE_DIGITS, exact);
	if (exact[s] != '5' || strspn(exact + s + 1, "0") != TIE_DIGITS - 1)
		return false;
	exact[s] = '\0';
	if (ew == ek && strcmp(w, exact) == 0)
		return true;
	for (i = s - 1; i >= 0 && exact[i] == '9'; i--)
		exact[i] = '0';
	if (i >= 0) {
		exact[i]++;
	} else {
		exact[0] = '1';
		ek++;
	}
	return ew == ek && strcmp(w, exact) == 0;
}

/*
 * A number against the key: always right within a relative 1e-9; else
 * within the rule's tolerance when it has one (a NULL rule has none), else
 * by significant figures.
 */
static bool number_right(const ec_rubric_rule *rule, const ec_value *a, double key)
{
	double diff = fabs(a->number - key);

	if (diff <= EC_NUMBER_SAME * fabs(key))
		return true;
	if (rule && rule->tolerance)
		return diff <= fmax(rule->abs, rule->rel * fabs(key));
	return a->sigfigs >= EC_SIGFIGS_MIN && ec_sigfigs_agree(a->number, a->sigfigs, key);
}

bool ec_value_matches(const ec_value *a, const ec_value *k, const ec_rubric_rule *rule)
{
	size_t i;

	if (a->blank || k->blank || a->kind != k->kind)
		return false;
	switch (k->kind) {
	case EC_KEY_TF:
		return a->truth == k->truth;
	case EC_KEY_MC:
		return a->letters == k->letters;
	case EC_KEY_NUMBER:
		return number_right(rule, a, k->number);
	case EC_KEY_COUNT:
		return a->count == k->count;
	case EC_KEY_DIMS:
		if (a->ndims != k->ndims)
			return false;
		for (i = 0; i < k->ndims; i++)
			if (a->dims[i] != k->dims[i])
				return false;
		return true;
	case EC_KEY_MASK:
		return strcmp(a->mask, k->mask) == 0;
	case EC_KEY_MANUAL:
		break;
	}
	return false;
}

ec_match ec_grader_match(const ec_grader *g, size_t i, const ec_value *v)
{
	const ec_grade_item *it = &g->items[i];
	double diff;
	size_t k;

	if (it->rule.scheme == EC_SCHEME_MANUAL || !v || v->blank || it->naccepted == 0 ||
	    ec_grader_score(g, i, v, NULL) < it->key.points)
		return EC_MATCH_NONE;
	if (v->kind == EC_KEY_NUMBER) {
		diff = fabs(v->number - it->accepted[0].number);
		if (diff <= EC_NUMBER_SAME * fabs(it->accepted[0].number))
			return EC_MATCH_EXACT;
		/* a rule's tolerance takes the place of the significant figures */
		if (number_right(&it->rule, v, it->accepted[0].number))
			return it->rule.tolerance ? EC_MATCH_TOLERANCE : EC_MATCH_SIGFIGS;
	} else if (it->rule.scheme == EC_SCHEME_MC ? v->letters == it->accepted[0].letters
						   : ec_value_matches(v, &it->accepted[0], &it->rule)) {
		return EC_MATCH_EXACT;
	}
	for (k = 1; k < it->naccepted; k++)
		if (it->rule.scheme == EC_SCHEME_MC ? v->letters == it->accepted[k].letters
						    : ec_value_matches(v, &it->accepted[k], &it->rule))
			return EC_MATCH_ALTERNATIVE;
	return EC_MATCH_NONE;
}

static double mc_score(const ec_grade_item *it, uint32_t chosen, uint32_t correct)
{
	int errors = popcount32(chosen ^ correct);
	double left;

	if (errors == 0)
		return it->key.points;
	if (popcount32(correct) == 1)
		return 0;
	left = it->key.points - it->rule.per_error * errors;
	return left > 0 ? left : 0;
}

double ec_grader_score(const ec_grader *g, size_t i, const ec_value *v,
		       ec_verdict *verdict)
{
	const ec_grade_item *it = &g->items[i];
	ec_verdict dummy;
	double best = -INFINITY;
	size_t k;

	if (!verdict)
		verdict = &dummy;
	if (it->rule.scheme == EC_SCHEME_MANUAL) {
		*verdict = EC_VERDICT_MANUAL;
		return 0;
	}
	if (!v || v->blank) {
		*verdict = EC_VERDICT_BLANK;
		return it->rule.scheme == EC_SCHEME_TF ? it->rule.blank : 0;
	}
	for (k = 0; k < it->naccepted; k++) {
		double s;

		if (it->rule.scheme == EC_SCHEME_MC)
			s = mc_score(it, v->letters, it->accepted[k].letters);
		else if (ec_value_matches(v, &it->accepted[k], &it->rule))
			s = it->key.points;
		else
			s = it->rule.scheme == EC_SCHEME_TF ? it->rule.wrong : 0;
		if (s > best)
			best = s;
	}
	if (best >= it->key.points)
		*verdict = EC_VERDICT_RIGHT;
	else if (best > 0)
		*verdict = EC_VERDICT_PARTIAL;
	else
		*verdict = EC_VERDICT_WRONG;
	return best;
}

/*
 * Why totals are rounded, not kept as exact fractions. Points are
 * fractions with small denominators: a key writes them as n/d with d <=
 * 1000 (ec_points_format_exact(): 2/7 for each of the 21 items of 3.2.1,
 * 5/9 for those of 3.1.1), and partial credit takes whole multiples of the
 * rubric's settings away. A sum of them is such a fraction too, whose
 * denominator divides the product of theirs (63 for this exam). Adding
 * them as doubles leaves an error of a few units in the last place
 * (21 x 2/7 = 5.9999999999999982), far below 1e-12 x the total for sums
 * of at most EC_CSV_FIELDS_MAX terms; and two fractions with denominators
 * up to 1000 are at least 1e-6 apart, so below 1e5 (where 1e-12 of the
 * total is under half that) the one fraction within 1e-12 is the exact
 * sum (a best rational approximation, hence a convergent of the continued
 * fraction: a dozen steps). Exact rational sums would need a
 * second number type through every result, and the roster engine adds a
 * row's points in its hot loop; rounding each total once where it leaves
 * the library costs nothing there and prints 6 where 6 is meant, however
 * the items' 2/7 were added.
 */
double ec_points_round(double points)
{
	double a = fabs(points), r = a, tol = 1e-12 * (a > 1 ? a : 1);
	double p0 = 0, q0 = 1, p1 = 1, q1 = 0; /* the convergents h(k-2)/k(k-2), h(k-1)/k(k-1) */
	int step;

	if (!isfinite(points) || a >= 1e5 || points == floor(points))
		return points;
	for (step = 0; step < 64; step++) {
		double f = floor(r), p, q;

		if (f * q1 + q0 > EC_POINTS_DENOMINATOR_MAX)
			break;
		p = f * p1 + p0; /* exact: below 2^53 while q <= 1000 and a < 1e12 */
		q = f * q1 + q0;
		if (fabs(a - p / q) <= tol)
			return points < 0 ? -(p / q) : p / q;
		p0 = p1;
		q0 = q1;
		p1 = p;
		q1 = q;
		if (r - f <= 0)
			break;
		r = 1 / (r - f);
	}
	return points;
}

double ec_grade_sum(const ec_grader *g, const ec_grade_result *results, double *sections)
{
	double total = 0;
	size_t i = 0, k;

	if (sections)
		for (k = 0; k < g->nsections; k++)
			sections[k] = 0;
	/* in item order; a section's subtotal in a register along each run */
	for (k = 0; k < g->nruns; k++) {
		const ec_grade_run *run = &g->runs[k];
		double sub = sections ? sections[run->section] : 0;

		for (; i < run->end; i++) {
			total += results[i].points;
			sub += results[i].points;
		}
		if (sections)
			sections[run->section] = sub;
	}
	if (sections)
		for (k = 0; k < g->nsections; k++)
			sections[k] = ec_points_round(sections[k]);
	return ec_points_round(total);
}

double ec_grade_values(const ec_grader *g, const ec_value *values,
		       ec_grade_result *results, double *sections)
{
	size_t i;

	for (i = 0; i < g->count; i++) {
		results[i].points = ec_grader_score(g, i, &values[i], &results[i].verdict);
		results[i].letters = values[i].blank ? 0 : values[i].letters;
	}
	return ec_grade_sum(g, results, sections);
}

size_t ec_grader_group(const ec_grader *g, const char *id, size_t len, size_t *items)
{
	size_t i, n = 0;

	if (len == 0 || ec_grader_find(g, id, len) >= 0)
		return 0;
	for (i = 0; i < g->count; i++)
		if (strncmp(g->items[i].key.id, id, len) == 0 && g->items[i].key.id[len] == '.' &&
		    g->items[i].rule.scheme != EC_SCHEME_MANUAL)
			items[n++] = i;
	return n;
}

static bool blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Ways a group's answers are separated, tried in this order. */
enum { SPLIT_SEMICOLON, SPLIT_COMMA, SPLIT_COMMA_BLANK, SPLIT_BLANKS, SPLIT_WAYS };

/* Does a separator of `way` start at s[i]? Its length in *skip. */
static bool separator_at(int way, const char *s, size_t n, size_t i, size_t *skip)
{
	switch (way) {
	case SPLIT_SEMICOLON:
		*skip = 1;
		return s[i] == ';';
	case SPLIT_COMMA:
		*skip = 1;
		return s[i] == ',';
	case SPLIT_COMMA_BLANK:
		*skip = 2;
		return s[i] == ',' && i + 1 < n && blank_byte(s[i + 1]);
	default:
		*skip = 1;
		return blank_byte(s[i]);
	}
}

/* Split s[0, n) at `way`'s separators outside brackets into at most max parts; returns how many. */
static size_t split_parts(int way, const char *s, size_t n, ec_group_part *parts, size_t max)
{
	size_t i, start = 0, count = 0, skip;
	int depth = 0;

	for (i = 0; i <= n; i++) {
		bool end = i == n;

		if (!end && (s[i] == '(' || s[i] == '['))
			depth++;
		else if (!end && (s[i] == ')' || s[i] == ']') && depth > 0)
			depth--;
		if (!end && (depth > 0 || !separator_at(way, s, n, i, &skip)))
			continue;
		if (way == SPLIT_BLANKS && !end && i == start) { /* a run of blanks is one separator */
			start = i + 1;
			continue;
		}
		if (count < max) {
			const char *t = s + start;
			size_t k = i - start;

			while (k > 0 && blank_byte(t[0]))
				t++, k--;
			while (k > 0 && blank_byte(t[k - 1]))
				k--;
			parts[count].text = t;
			parts[count].len = k;
		}
		count++;
		if (end)
			break;
		start = i + skip;
		i = start - 1;
	}
	return count;
}

ec_status ec_grader_split_group(const ec_grader *g, const char *group, const size_t *items,
				size_t n, const char *text, size_t len, ec_group_part *parts,
				ec_error *err)
{
	int way, first = -1;
	char names[256];
	size_t k, used = 0;

	while (len > 0 && blank_byte(text[0]))
		text++, len--;
	while (len > 0 && blank_byte(text[len - 1]))
		len--;
	for (way = 0; way < SPLIT_WAYS && n > 0; way++) {
		bool all = true;

		if (split_parts(way, text, len, parts, n) != n)
			continue;
		for (k = 0; k < n && all; k++) {
			ec_value v;
			ec_error sub;

			all = ec_grader_read(g, items[k], parts[k].text, parts[k].len, &v, &sub) == EC_OK;
		}
		if (all)
			return EC_OK;
		if (first < 0)
			first = way;
	}
	if (first >= 0) {
		split_parts(first, text, len, parts, n);
		return EC_OK;
	}
	names[0] = '\0';
	for (k = 0; k < n && used + 1 < sizeof(names); k++) {
		int w = snprintf(names + used, sizeof(names) - used, "%s%s", k ? " " : "",
				 g->items[items[k]].key.id);

		used += w > 0 ? (size_t)w : 0;
	}
	return ec_error_set(err, EC_ERR_PARSE,
			    "'%.*s%s' is not %zu answers, one per item of %s (%s), separated by ',' "
			    "or ';'",
			    (int)(len > 48 ? 48 : len), text, len > 48 ? "..." : "", n, group, names);
}

static void set_blank(const ec_grader *g, ec_value *values)
{
	size_t i;

	for (i = 0; i < g->count; i++) {
		values[i].kind = g->items[i].key.kind;
		values[i].blank = true;
	}
}

/* A sheet's line naming a group: its answers into values[]; an unknown id is an error. */
static ec_status grade_group_line(const ec_grader *g, const ec_sheet_entry *e, const char *file,
				  ec_value *values, ec_error *err)
{
	size_t *items = malloc((g->count ? g->count : 1) * sizeof(*items));
	ec_group_part *parts = malloc((g->count ? g->count : 1) * sizeof(*parts));
	char group[64];
	size_t n = 0, k;
	ec_error sub;
	ec_status st = EC_OK;

	if (!items || !parts) {
		free(items);
		free(parts);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	n = ec_grader_group(g, e->id, e->id_len, items);
	snprintf(group, sizeof(group), "%.*s", (int)(e->id_len > 40 ? 40 : e->id_len), e->id);
	ec_error_clear(&sub);
	if (n == 0)
		st = ec_error_at(err, EC_ERR_PARSE, file, e->line, 0, "unknown item id '%s'", group);
	else if (ec_grader_split_group(g, group, items, n, e->answer, e->answer_len, parts, &sub) !=
		 EC_OK)
		st = ec_error_at(err, EC_ERR_PARSE, file, e->line, 0, "%s", sub.msg);
	for (k = 0; k < n && st == EC_OK; k++) {
		st = ec_grader_read(g, items[k], parts[k].text, parts[k].len, &values[items[k]], &sub);
		if (st != EC_OK)
			st = ec_error_at(err, st, file, e->line, 0, "item %s: %s",
					 g->items[items[k]].key.id, sub.msg);
	}
	free(items);
	free(parts);
	return st;
}

ec_status ec_grade_sheet(const ec_grader *g, const ec_sheet *sheet,
			 const char *file, ec_value *values, ec_error *err)
{
	size_t i;

	set_blank(g, values);
	for (i = 0; i < sheet->count; i++) {
		const ec_sheet_entry *e = &sheet->entries[i];
		long at = ec_grader_find(g, e->id, e->id_len);
		ec_error sub;
		ec_status st;

		if (at < 0) {
			st = grade_group_line(g, e, file, values, err);
			if (st != EC_OK)
				return st;
			continue;
		}
		ec_error_clear(&sub);
		st = ec_grader_read(g, (size_t)at, e->answer, e->answer_len, &values[at], &sub);
		if (st != EC_OK)
			return ec_error_at(err, st, file, e->line, 0, "item %s: %s",
					   g->items[at].key.id, sub.msg);
	}
	return EC_OK;
}

/* "0,5": digits, one comma, digits (blanks around allowed); its value with a point. */
static bool decimal_comma(const char *text, size_t len, double *value)
{
	char buf[64];
	size_t a = 0, b = len, i, comma = 0, ncomma = 0;

	while (a < b && blank_byte(text[a]))
		a++;
	while (b > a && blank_byte(text[b - 1]))
		b--;
	if (b - a >= sizeof(buf))
		return false;
	for (i = a; i < b; i++) {
		if (text[i] == ',') {
			comma = i;
			ncomma++;
		} else if (text[i] < '0' || text[i] > '9') {
			return false;
		}
	}
	if (ncomma != 1 || comma == a || comma + 1 == b)
		return false;
	memcpy(buf, text + a, b - a);
	buf[comma - a] = '.';
	buf[b - a] = '\0';
	*value = strtod(buf, NULL);
	return true;
}

ec_status ec_mark_parse(const char *text, size_t len, double *value)
{
	ec_value v;
	ec_error err;

	if (ec_value_parse(EC_KEY_NUMBER, text, len, &v, &err) == EC_OK && !v.blank) {
		*value = v.number;
		return EC_OK;
	}
	return decimal_comma(text, len, value) ? EC_OK : EC_ERR_PARSE;
}

ec_status ec_grader_read_mark(const ec_grader *g, size_t i, const char *text, size_t len,
			      ec_grade_result *r, ec_error *err)
{
	const ec_grade_item *it = &g->items[i];
	char a[32];
	double mark = 0;
	size_t k = 0;

	r->letters = 0;
	r->points = 0;
	while (k < len && blank_byte(text[k]))
		k++;
	if (k == len) {
		r->verdict = EC_VERDICT_MANUAL;
		return EC_OK;
	}
	if (ec_mark_parse(text, len, &mark) != EC_OK || !(mark >= 0 && mark <= it->key.points))
		return ec_error_set(err, EC_ERR_PARSE, "'%.*s' is not a mark from 0 to %s",
				    (int)(len > 40 ? 40 : len), text, ec_points_format(it->key.points, a));
	r->points = mark;
	r->verdict = mark >= it->key.points ? EC_VERDICT_RIGHT
		   : mark > 0		    ? EC_VERDICT_PARTIAL
					    : EC_VERDICT_WRONG;
	return EC_OK;
}

/* x rounded to the nearest integer, halves away from zero, as llround() (|x| < 2^63). */
static long long round_half_away(double x)
{
	long long t = (long long)x;
	double f = x - (double)t; /* exact: t is x without its fraction */

	if (f >= 0.5)
		t++;
	else if (f <= -0.5)
		t--;
	return t;
}

size_t ec_points_format_len(double points, char buf[32])
{
	char tmp[32];
	long long micro;
	unsigned long long whole, frac;
	size_t n = 0, t = sizeof(tmp);
	int d;

	if (!isfinite(points)) {
		strcpy(buf, "-");
		return 1;
	}
	if (fabs(points) > 1e12) {
		snprintf(buf, 32, "%g", points);
		return strlen(buf);
	}
	micro = round_half_away(points * 1e6);
	if (micro < 0) {
		buf[n++] = '-';
		micro = -micro;
	}
	whole = (unsigned long long)micro / 1000000u;
	frac = (unsigned long long)micro % 1000000u;
	do {
		tmp[--t] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	memcpy(buf + n, tmp + t, sizeof(tmp) - t);
	n += sizeof(tmp) - t;
	if (frac) {
		/* six digits by constant divisions, then the trailing zeros dropped */
		buf[n++] = '.';
		for (d = 5; d >= 0; d--) {
			buf[n + (size_t)d] = (char)('0' + frac % 10);
			frac /= 10;
		}
		n += 6;
		while (buf[n - 1] == '0')
			n--;
	}
	if (n == 2 && buf[0] == '-' && buf[1] == '0')
		n = 0, buf[n++] = '0';
	buf[n] = '\0';
	return n;
}

char *ec_points_format(double points, char buf[32])
{
	ec_points_format_len(points, buf);
	return buf;
}

char *ec_points_format_exact(double points, char buf[32])
{
	int d;

	if (!isfinite(points))
		return strcpy(buf, "-");
	if (points == floor(points) && fabs(points) < 1e15) {
		snprintf(buf, 32, "%.0f", points);
		return buf;
	}
	for (d = 2; d <= 1000; d++) {
		double num = nearbyint(points * d);

		if (fabs(num) < 1e15 && num / d == points) {
			snprintf(buf, 32, "%.0f/%d", num, d);
			return buf;
		}
	}
	snprintf(buf, 32, "%.17g", points);
	return buf;
}
