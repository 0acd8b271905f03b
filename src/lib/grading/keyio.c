#include "examcheck/ec_keyio.h"

#include <math.h>
#include <string.h>

#include "examcheck/ec_sheet.h"

#include "../lines.h"

static ec_status parse_line(ec_key *key, const char *s, size_t n, const char *file,
			    long line, ec_error *err)
{
	const char *f[4];
	size_t len[4], k = 0, i, start = 0;
	char buf[160];
	ec_key_kind kind;
	ec_value points;
	ec_error sub;

	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '\t') {
			if (k == 4)
				return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
						   "more than 4 tab-separated fields");
			f[k] = s + start;
			len[k++] = i - start;
			start = i + 1;
		}
	}
	if (k != 4)
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
	ec_error_clear(&sub);
	if (ec_value_parse(EC_KEY_NUMBER, f[2], len[2], &points, &sub) != EC_OK ||
	    points.blank || !(points.number >= 0))
		return ec_error_at(err, EC_ERR_PARSE, file, line, 3,
				   "points '%.*s' are not a number >= 0",
				   (int)(len[2] > 40 ? 40 : len[2]), f[2]);
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
		if (ec_key_add(key, id, kind, points.number, answer, &sub) != EC_OK)
			return ec_error_at(err, sub.status, file, line, 0, "%s", sub.msg);
	}
	return EC_OK;
}

ec_status ec_key_parse_tsv(ec_key *key, const char *text, size_t len,
			   const char *file, ec_error *err)
{
	const char *p = text, *end = text + len, *nul;
	long line = 0;

	nul = memchr(text, '\0', len);
	if (nul)
		return ec_error_at(err, EC_ERR_PARSE, file, ec_line_number(text, nul), 0,
				   "contains a NUL byte");
	p += ec_bom_len(text, len);
	while (p < end) {
		const char *s = p, *eol = ec_line_end(p, end, &p);
		size_t n = (size_t)(eol - s);
		ec_status st;

		line++;
		if (n > 0 && s[0] != '#') {
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
