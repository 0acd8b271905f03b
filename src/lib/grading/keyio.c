#include "examcheck/ec_keyio.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_sheet.h"

#include "../lines.h"

/* The fifth field: "stand-in" or "stand-in q3.1.1.graph" (an origin, then a data file). */
static ec_status parse_origin(const char *s, size_t n, ec_key_origin *origin, char *data,
			      size_t size)
{
	const char *space = memchr(s, ' ', n);
	size_t word = space ? (size_t)(space - s) : n;
	char name[16];

	if (word >= sizeof(name))
		return EC_ERR_PARSE;
	memcpy(name, s, word);
	name[word] = '\0';
	if (ec_key_origin_parse(name, origin) != EC_OK)
		return EC_ERR_PARSE;
	if (!space)
		return EC_OK;
	n -= word + 1;
	if (n == 0 || n >= size || memchr(space + 1, ' ', n))
		return EC_ERR_PARSE;
	memcpy(data, space + 1, n);
	data[n] = '\0';
	return EC_OK;
}

static ec_status parse_line(ec_key *key, const char *s, size_t n, const char *file,
			    long line, ec_error *err)
{
	const char *f[5];
	size_t len[5], k = 0, i, start = 0;
	char buf[160], data[sizeof(((ec_key_item *)0)->data)] = "";
	ec_key_kind kind;
	ec_key_origin origin = EC_KEY_FROM_EXAM;
	ec_value points, answer_value;
	ec_error sub;

	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '\t') {
			if (k == 5)
				return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
						   "more than 5 tab-separated fields");
			f[k] = s + start;
			len[k++] = i - start;
			start = i + 1;
		}
	}
	if (k < 4)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
				   "%zu tab-separated field%s, expected 4 (id, answer, points, kind)",
				   k, k == 1 ? "" : "s");
	if (len[0] == 0 || len[0] >= sizeof(((ec_key_item *)0)->id))
		return ec_error_at(err, EC_ERR_PARSE, file, line, 1, "id is empty or too long");
	if (len[3] >= sizeof(buf))
		len[3] = sizeof(buf) - 1;
	memcpy(buf, f[3], len[3]);
	buf[len[3]] = '\0';
	if (ec_key_kind_parse(buf, &kind) != EC_OK)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 4,
				   "unknown kind '%s' (use tf, mc, number, count, dims, mask or manual)",
				   buf);
	if (k == 5 && parse_origin(f[4], len[4], &origin, data, sizeof(data)) != EC_OK)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 5,
				   "'%.*s' is not an origin (exam, stand-in or reconstructed, optionally "
				   "followed by a space and a data file name of at most %zu bytes)",
				   (int)(len[4] > 40 ? 40 : len[4]), f[4], sizeof(data) - 1);
	ec_error_clear(&sub);
	if (ec_value_parse(EC_KEY_NUMBER, f[2], len[2], &points, &sub) != EC_OK ||
	    points.blank || !(points.number >= 0))
		return ec_error_at(err, EC_ERR_PARSE, file, line, 3,
				   "points '%.*s' are not a number >= 0",
				   (int)(len[2] > 40 ? 40 : len[2]), f[2]);
	if (points.number > EC_POINTS_MAX)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 3,
				   "points '%.*s' are more than %.0f",
				   (int)(len[2] > 40 ? 40 : len[2]), f[2], EC_POINTS_MAX);
	{
		char id[sizeof(((ec_key_item *)0)->id)];
		char answer[sizeof(((ec_key_item *)0)->answer)];

		if (len[1] >= sizeof(answer))
			return ec_error_at(err, EC_ERR_PARSE, file, line, 2, "answer is too long");
		memcpy(id, f[0], len[0]);
		id[len[0]] = '\0';
		memcpy(answer, f[1], len[1]);
		answer[len[1]] = '\0';
		if (ec_key_find(key, id))
			return ec_error_at(err, EC_ERR_PARSE, file, line, 1,
					   "item '%s' is given twice", id);
		if (kind != EC_KEY_MANUAL) {
			ec_error_clear(&sub);
			if (ec_value_parse(kind, answer, len[1], &answer_value, &sub) != EC_OK)
				return ec_error_at(err, sub.status, file, line, 2, "item '%s': %s", id,
						   sub.msg);
			if (answer_value.blank)
				return ec_error_at(err, EC_ERR_PARSE, file, line, 2,
						   "item '%s': the answer is empty", id);
		}
		if (ec_key_add_from(key, id, kind, points.number, answer, origin, data, &sub) !=
		    EC_OK)
			return ec_error_at(err, sub.status, file, line, 0, "%s", sub.msg);
		key->items[key->count - 1].file = file;
		key->items[key->count - 1].line = line;
	}
	return EC_OK;
}

/* A comment "# variant N" (N from 1 to 2^63 - 1): the key of variant N (key->seed). */
static void variant_line(ec_key *key, const char *s, size_t n)
{
	static const char head[] = "# variant ";
	uint64_t seed = 0;
	size_t i = sizeof(head) - 1;

	if (n <= i || memcmp(s, head, i) != 0)
		return;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (seed > ((uint64_t)INT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return;
		seed = seed * 10 + (uint64_t)(s[i] - '0');
	}
	if (i == n && seed > 0)
		key->seed = seed;
}

ec_status ec_key_parse_tsv(ec_key *key, const char *text, size_t len,
			   const char *file, ec_error *err)
{
	const char *p, *end = text + len;
	long line = 0;
	ec_status started = ec_text_start(text, len, file, &p, err);

	if (started != EC_OK)
		return started;
	while (p < end) {
		const char *s = p, *eol = ec_line_end(p, end, &p);
		size_t n = (size_t)(eol - s);
		ec_status st;

		line++;
		if (n > 0 && s[0] == '#') {
			variant_line(key, s, n);
		} else if (n > 0) {
			st = parse_line(key, s, n, file, line, err);
			if (st != EC_OK)
				return st;
		}
	}
	return EC_OK;
}

static void note(ec_key_diff *out, size_t max, size_t *count, ec_key_diff_kind kind,
		 const ec_key_item *want, const ec_key_item *have)
{
	if (*count < max)
		out[*count] = (ec_key_diff){kind, want, have};
	(*count)++;
}

void ec_key_compare(const ec_key *want, const ec_key *have, ec_key_diff *out,
		    size_t max, size_t *count)
{
	size_t i;

	*count = 0;
	for (i = 0; i < want->count; i++) {
		const ec_key_item *w = &want->items[i];
		const ec_key_item *h = ec_key_find(have, w->id);

		if (!h)
			note(out, max, count, EC_KEY_DIFF_MISSING, w, NULL);
		else if (h->kind != w->kind)
			note(out, max, count, EC_KEY_DIFF_KIND, w, h);
		else {
			if (strcmp(h->answer, w->answer) != 0)
				note(out, max, count, EC_KEY_DIFF_ANSWER, w, h);
			if (fabs(h->points - w->points) > 1e-9)
				note(out, max, count, EC_KEY_DIFF_POINTS, w, h);
		}
	}
	for (i = 0; i < have->count; i++)
		if (!ec_key_find(want, have->items[i].id))
			note(out, max, count, EC_KEY_DIFF_EXTRA, NULL, &have->items[i]);
}
