#include "examcheck/ec_spatial_graph.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_utf8.h"

#include "../lines.h"

static size_t pix(const ec_sg_figure *fig, size_t r, size_t c)
{
	return (r - 1) * fig->cols + (c - 1);
}

static bool inside(const ec_sg_figure *fig, size_t r, size_t c)
{
	return r >= 1 && r <= fig->rows && c >= 1 && c <= fig->cols;
}

static unsigned link_bit(const ec_sg_figure *fig, long dr, long dc)
{
	long hr = (long)(fig->frows / 2), hc = (long)(fig->fcols / 2);

	return (unsigned)((dr + hr) * (long)fig->fcols + (dc + hc));
}

static bool in_reach(const ec_sg_figure *fig, long dr, long dc)
{
	long hr = (long)(fig->frows / 2), hc = (long)(fig->fcols / 2);

	return dr >= -hr && dr <= hr && dc >= -hc && dc <= hc;
}

ec_status ec_sg_figure_init(ec_sg_figure *fig, size_t rows, size_t cols, size_t frows,
			    size_t fcols, ec_error *err)
{
	memset(fig, 0, sizeof(*fig));
	if (rows == 0 || cols == 0 || rows > EC_SG_MAX_SIDE || cols > EC_SG_MAX_SIDE)
		return ec_error_set(err, EC_ERR_RANGE,
				    "image %zux%zu is not between 1x1 and %dx%d", rows, cols,
				    EC_SG_MAX_SIDE, EC_SG_MAX_SIDE);
	if (frows == 0 || fcols == 0 || frows > EC_SG_MAX_FILTER || fcols > EC_SG_MAX_FILTER ||
	    frows % 2 == 0 || fcols % 2 == 0)
		return ec_error_set(err, EC_ERR_RANGE,
				    "filter %zux%zu: sides must be odd, from 1 to %d", frows,
				    fcols, EC_SG_MAX_FILTER);
	if (frows > rows || fcols > cols)
		return ec_error_set(err, EC_ERR_RANGE,
				    "filter %zux%zu is larger than the image %zux%zu", frows,
				    fcols, rows, cols);
	fig->image = calloc(rows * cols, sizeof(*fig->image));
	fig->filter = calloc(frows * fcols, sizeof(*fig->filter));
	fig->links = calloc(rows * cols, sizeof(*fig->links));
	if (!fig->image || !fig->filter || !fig->links) {
		ec_sg_figure_free(fig);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	fig->rows = rows;
	fig->cols = cols;
	fig->frows = frows;
	fig->fcols = fcols;
	fig->self = true;
	return EC_OK;
}

void ec_sg_figure_free(ec_sg_figure *fig)
{
	free(fig->image);
	free(fig->filter);
	free(fig->links);
	memset(fig, 0, sizeof(*fig));
}

ec_status ec_sg_add_edge(ec_sg_figure *fig, size_t r1, size_t c1, size_t r2, size_t c2,
			 ec_error *err)
{
	long dr = (long)r2 - (long)r1, dc = (long)c2 - (long)c1;

	if (!inside(fig, r1, c1) || !inside(fig, r2, c2)) {
		bool first_out = !inside(fig, r1, c1);

		return ec_error_set(err, EC_ERR_RANGE,
				    "edge (%zu,%zu)-(%zu,%zu): pixel (%zu,%zu) is outside the "
				    "%zux%zu image",
				    r1, c1, r2, c2, first_out ? r1 : r2, first_out ? c1 : c2,
				    fig->rows, fig->cols);
	}
	if (dr == 0 && dc == 0)
		return ec_error_set(err, EC_ERR_RANGE,
				    "edge (%zu,%zu)-(%zu,%zu) joins a pixel to itself (use "
				    "'self 0' or 'self 1' instead)",
				    r1, c1, r2, c2);
	if (!in_reach(fig, dr, dc))
		return ec_error_set(err, EC_ERR_RANGE,
				    "edge (%zu,%zu)-(%zu,%zu) joins pixels %ld row(s) and %ld "
				    "column(s) apart, beyond the reach of the %zux%zu filter",
				    r1, c1, r2, c2, labs(dr), labs(dc), fig->frows, fig->fcols);
	if (fig->links[pix(fig, r1, c1)] & (UINT64_C(1) << link_bit(fig, dr, dc)))
		return ec_error_set(err, EC_ERR_INVALID, "edge (%zu,%zu)-(%zu,%zu) is listed twice",
				    r1, c1, r2, c2);
	fig->links[pix(fig, r1, c1)] |= UINT64_C(1) << link_bit(fig, dr, dc);
	fig->links[pix(fig, r2, c2)] |= UINT64_C(1) << link_bit(fig, -dr, -dc);
	return EC_OK;
}

bool ec_sg_has_edge(const ec_sg_figure *fig, size_t r1, size_t c1, size_t r2, size_t c2)
{
	long dr = (long)r2 - (long)r1, dc = (long)c2 - (long)c1;

	if (!inside(fig, r1, c1) || !inside(fig, r2, c2) || (dr == 0 && dc == 0) ||
	    !in_reach(fig, dr, dc))
		return false;
	return (fig->links[pix(fig, r1, c1)] >> link_bit(fig, dr, dc)) & 1u;
}

uint64_t ec_sg_edge_count(const ec_sg_figure *fig)
{
	uint64_t ends = 0;
	size_t p;

	for (p = 0; p < fig->rows * fig->cols; p++) {
		uint64_t bits = fig->links[p];

		while (bits) {
			bits &= bits - 1;
			ends++;
		}
	}
	return ends / 2;
}

/* Neighbours of pixel p (self-connection excluded), written to nb; returns how many. */
static size_t neighbours(const ec_sg_figure *fig, size_t p, size_t *nb)
{
	long hr = (long)(fig->frows / 2), hc = (long)(fig->fcols / 2);
	long r = (long)(p / fig->cols), c = (long)(p % fig->cols);
	uint64_t bits = fig->links[p];
	size_t n = 0;

	while (bits) {
		unsigned b = 0;

		while (!((bits >> b) & 1u))
			b++;
		bits &= bits - 1;
		nb[n++] = (size_t)(r + (long)(b / fig->fcols) - hr) * fig->cols +
			  (size_t)(c + (long)(b % fig->fcols) - hc);
	}
	return n;
}

/* ---- parser ---- */

struct parser {
	const char *file;
	long line;
	ec_error *err;
};

#define MAX_TOKENS 70

/* Split one line (up to `end`, '#' starts a comment) into tokens; returns the count or -1 when there are too many. */
static int tokenize(const char *s, const char *end, const char **tok, size_t *len)
{
	int n = 0;

	for (;;) {
		while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		if (s >= end || *s == '#')
			return n;
		if (n == MAX_TOKENS)
			return -1;
		tok[n] = s;
		while (s < end && *s != ' ' && *s != '\t' && *s != '\r' && *s != '#')
			s++;
		len[n] = (size_t)(s - tok[n]);
		n++;
	}
}

static ec_status perr(struct parser *ps, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static ec_status perr(struct parser *ps, const char *fmt, ...)
{
	char msg[4 * sizeof(ps->err->msg)], shown[sizeof(ps->err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* the file's own text (tokens) shown whole, bytes that are not UTF-8 as \xNN */
	ec_utf8_quote(msg, strlen(msg), sizeof(shown), shown, sizeof(shown));
	return ec_error_at(ps->err, EC_ERR_PARSE, ps->file, ps->line, 0, "%s", shown);
}

static bool token_is(const char *tok, size_t len, const char *word)
{
	return strlen(word) == len && strncmp(tok, word, len) == 0;
}

static bool is_keyword(const char *tok, size_t len)
{
	return token_is(tok, len, "image") || token_is(tok, len, "filter") ||
	       token_is(tok, len, "edges") || token_is(tok, len, "at") ||
	       token_is(tok, len, "self");
}

/* A positive decimal integer of at most 4 digits. */
static bool parse_index(const char *tok, size_t len, size_t *out)
{
	size_t i, v = 0;

	if (len == 0 || len > 4)
		return false;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)tok[i]))
			return false;
		v = v * 10 + (size_t)(tok[i] - '0');
	}
	*out = v;
	return true;
}

/* [+-] digits [. digits] [e [+-] digits], with a mantissa digit: "-1", "0.5", ".5", "1e-3". */
static bool is_decimal(const char *tok, size_t len)
{
	size_t i = 0, digits = 0;

	if (i < len && (tok[i] == '+' || tok[i] == '-'))
		i++;
	for (; i < len && isdigit((unsigned char)tok[i]); i++)
		digits++;
	if (i < len && tok[i] == '.')
		for (i++; i < len && isdigit((unsigned char)tok[i]); i++)
			digits++;
	if (digits == 0)
		return false;
	if (i < len && (tok[i] == 'e' || tok[i] == 'E')) {
		size_t start;

		i++;
		if (i < len && (tok[i] == '+' || tok[i] == '-'))
			i++;
		start = i;
		while (i < len && isdigit((unsigned char)tok[i]))
			i++;
		if (i == start)
			return false;
	}
	return i == len;
}

enum real_status { REAL_OK, REAL_NOT_DECIMAL, REAL_NOT_FINITE };

/* A pixel or weight: a decimal (not hex, inf or nan, which strtod takes) of finite value. */
static enum real_status parse_real(const char *tok, size_t len, double *out)
{
	char small[64], *buf;
	double v;
	int e;

	if (!is_decimal(tok, len))
		return REAL_NOT_DECIMAL;
	buf = len < sizeof(small) ? small : malloc(len + 1);
	if (!buf)
		return REAL_NOT_FINITE;
	memcpy(buf, tok, len);
	buf[len] = '\0';
	errno = 0;
	v = strtod(buf, NULL);
	e = errno;
	if (buf != small)
		free(buf);
	if ((e == ERANGE && fabs(v) > 1) || !isfinite(v)) /* overflow; underflow rounds */
		return REAL_NOT_FINITE;
	*out = v;
	return REAL_OK;
}

enum section { SEC_NONE, SEC_IMAGE, SEC_FILTER, SEC_EDGES };

ec_status ec_sg_parse(const char *text, const char *file, ec_sg_figure *fig, ec_error *err)
{
	struct parser ps = {file, 0, err};
	enum section sec = SEC_NONE;
	long seen_image = 0, seen_filter = 0, seen_edges = 0, seen_at = 0, seen_self = 0;
	bool self = true;
	size_t img_rows = 0, img_cols = 0, row = 0;
	const char *s = text, *text_end = text + strlen(text);
	ec_sg_figure tmp;
	ec_status st = EC_OK;

	memset(fig, 0, sizeof(*fig));
	memset(&tmp, 0, sizeof(tmp));
	s += ec_bom_len(text, (size_t)(text_end - text));
	while (*s) {
		const char *line = s, *end = ec_line_end(s, text_end, &s);
		const char *tok[MAX_TOKENS];
		size_t len[MAX_TOKENS];
		int n, i;

		ps.line++;
		n = tokenize(line, end, tok, len);
		if (n < 0) {
			st = perr(&ps, "line has more than %d fields", MAX_TOKENS - 1);
			goto fail;
		}
		if (n == 0)
			continue;
		if ((sec == SEC_IMAGE && row < img_rows) ||
		    (sec == SEC_FILTER && row < tmp.frows)) {
			bool is_image = sec == SEC_IMAGE;
			size_t want = is_image ? img_cols : tmp.fcols;
			const char *what = is_image ? "image" : "filter";

			if (is_keyword(tok[0], len[0])) {
				st = perr(&ps, "%s has %zu row(s), expected %zu before '%.*s'", what,
					  row, is_image ? img_rows : tmp.frows, (int)len[0],
					  tok[0]);
				goto fail;
			}
			if ((size_t)n != want) {
				st = perr(&ps, "%s row %zu has %d number(s), expected %zu", what,
					  row + 1, n, want);
				goto fail;
			}
			for (i = 0; i < n; i++) {
				double v;
				enum real_status rs = parse_real(tok[i], len[i], &v);

				if (rs != REAL_OK) {
					st = perr(&ps, "%s row %zu, column %d: '%.*s' is not a %s number",
						  what, row + 1, i + 1, (int)len[i], tok[i],
						  rs == REAL_NOT_DECIMAL ? "decimal" : "finite");
					goto fail;
				}
				if (is_image)
					tmp.image[row * img_cols + (size_t)i] = v;
				else
					tmp.filter[row * tmp.fcols + (size_t)i] = v;
			}
			row++;
			continue;
		}
		if (token_is(tok[0], len[0], "image") || token_is(tok[0], len[0], "filter")) {
			bool is_image = tok[0][0] == 'i';
			size_t a, b;

			if (is_image && seen_image) {
				st = perr(&ps, "second 'image' line (the first is on line %ld)", seen_image);
				goto fail;
			}
			if (!is_image && seen_filter) {
				st = perr(&ps, "second 'filter' line (the first is on line %ld)", seen_filter);
				goto fail;
			}
			if (!is_image && !seen_image) {
				st = perr(&ps, "'filter' comes before 'image'");
				goto fail;
			}
			if (n != 3 || !parse_index(tok[1], len[1], &a) ||
			    !parse_index(tok[2], len[2], &b) || a == 0 || b == 0) {
				st = perr(&ps, "expected '%s ROWS COLUMNS' with positive whole numbers",
					  is_image ? "image" : "filter");
				goto fail;
			}
			if (is_image) {
				if (a > EC_SG_MAX_SIDE || b > EC_SG_MAX_SIDE) {
					st = perr(&ps, "image %zux%zu is larger than %dx%d", a, b,
						  EC_SG_MAX_SIDE, EC_SG_MAX_SIDE);
					goto fail;
				}
				img_rows = a;
				img_cols = b;
				tmp.image = calloc(a * b, sizeof(*tmp.image));
				if (!tmp.image) {
					st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
					goto fail;
				}
				seen_image = ps.line;
				sec = SEC_IMAGE;
			} else {
				double *image = tmp.image;
				size_t at_row = tmp.at_row, at_col = tmp.at_col;
				ec_error ierr;

				if (a % 2 == 0 || b % 2 == 0 || a > EC_SG_MAX_FILTER ||
				    b > EC_SG_MAX_FILTER) {
					st = perr(&ps, "filter %zux%zu: sides must be odd, from 1 to %d",
						  a, b, EC_SG_MAX_FILTER);
					goto fail;
				}
				if (a > img_rows || b > img_cols) {
					st = perr(&ps, "filter %zux%zu is larger than the image %zux%zu",
						  a, b, img_rows, img_cols);
					goto fail;
				}
				tmp.image = NULL;
				st = ec_sg_figure_init(&tmp, img_rows, img_cols, a, b, &ierr);
				if (st != EC_OK) {
					free(image);
					ec_error_at(err, st, file, ps.line, 0, "%s", ierr.msg);
					goto fail;
				}
				memcpy(tmp.image, image, img_rows * img_cols * sizeof(*image));
				free(image);
				tmp.at_row = at_row;
				tmp.at_col = at_col;
				seen_filter = ps.line;
				sec = SEC_FILTER;
			}
			row = 0;
			continue;
		}
		if (token_is(tok[0], len[0], "edges")) {
			if (seen_edges) {
				st = perr(&ps, "second 'edges' line (the first is on line %ld)", seen_edges);
				goto fail;
			}
			if (!seen_filter) {
				st = perr(&ps, "'edges' comes before 'filter'");
				goto fail;
			}
			if (n != 1) {
				st = perr(&ps, "'edges' takes no values; list the edges on the following lines");
				goto fail;
			}
			seen_edges = ps.line;
			sec = SEC_EDGES;
			continue;
		}
		if (token_is(tok[0], len[0], "at") || token_is(tok[0], len[0], "self")) {
			bool is_at = tok[0][0] == 'a';
			long *seen = is_at ? &seen_at : &seen_self;
			size_t a, b;

			if (*seen) {
				st = perr(&ps, "second '%s' line (the first is on line %ld)",
					  is_at ? "at" : "self", *seen);
				goto fail;
			}
			if (!seen_image) {
				st = perr(&ps, "'%s' comes before 'image'", is_at ? "at" : "self");
				goto fail;
			}
			if (is_at) {
				if (n != 3 || !parse_index(tok[1], len[1], &a) ||
				    !parse_index(tok[2], len[2], &b)) {
					st = perr(&ps, "expected 'at ROW COLUMN' with whole numbers");
					goto fail;
				}
				if (a < 1 || a > img_rows || b < 1 || b > img_cols) {
					st = perr(&ps, "'at %zu %zu' is outside the %zux%zu image", a, b,
						  img_rows, img_cols);
					goto fail;
				}
				tmp.at_row = a;
				tmp.at_col = b;
			} else {
				if (n != 2 || !(token_is(tok[1], len[1], "0") ||
						token_is(tok[1], len[1], "1"))) {
					st = perr(&ps, "expected 'self 0' or 'self 1'");
					goto fail;
				}
				self = tok[1][0] == '1';
			}
			*seen = ps.line;
			sec = SEC_NONE;
			continue;
		}
		if (sec == SEC_EDGES) {
			size_t v[4];
			ec_error eerr;

			if (n != 4) {
				st = perr(&ps, "an edge line needs 4 numbers 'r1 c1 r2 c2', found %d "
					       "field(s)", n);
				goto fail;
			}
			for (i = 0; i < 4; i++) {
				if (!parse_index(tok[i], len[i], &v[i])) {
					st = perr(&ps, "edge field %d: '%.*s' is not a row or column "
						       "number",
						  i + 1, (int)len[i], tok[i]);
					goto fail;
				}
			}
			ec_error_clear(&eerr);
			if (ec_sg_add_edge(&tmp, v[0], v[1], v[2], v[3], &eerr) != EC_OK) {
				st = perr(&ps, "%s", eerr.msg);
				goto fail;
			}
			continue;
		}
		if (sec == SEC_IMAGE || sec == SEC_FILTER) {
			st = perr(&ps, "%s has only %zu row(s) but '%.*s' follows",
				  sec == SEC_IMAGE ? "image" : "filter", row, (int)len[0], tok[0]);
			goto fail;
		}
		st = perr(&ps, "unexpected '%.*s' (expected image, filter, edges, at or self)",
			  (int)len[0], tok[0]);
		goto fail;
	}
	if ((sec == SEC_IMAGE && row < img_rows) || (sec == SEC_FILTER && row < tmp.frows)) {
		st = perr(&ps, "%s has %zu row(s), expected %zu at the end of the file",
			  sec == SEC_IMAGE ? "image" : "filter", row,
			  sec == SEC_IMAGE ? img_rows : tmp.frows);
		goto fail;
	}
	if (!seen_image || !seen_filter || !seen_edges || !seen_at) {
		ps.line = ps.line > 0 ? ps.line : 1;
		st = perr(&ps, "missing '%s' section",
			  !seen_image ? "image" : !seen_filter ? "filter" : !seen_edges ? "edges" : "at");
		goto fail;
	}
	tmp.self = self;
	*fig = tmp;
	return EC_OK;
fail:
	ec_sg_figure_free(&tmp);
	memset(fig, 0, sizeof(*fig));
	return st;
}

/* ---- masks and responses ---- */

ec_status ec_sg_patch(const ec_sg_figure *fig, size_t r, size_t c, double *patch,
		      ec_error *err)
{
	long hr = (long)(fig->frows / 2), hc = (long)(fig->fcols / 2), dr, dc;

	if (!inside(fig, r, c))
		return ec_error_set(err, EC_ERR_RANGE, "location (%zu,%zu) is outside the %zux%zu image",
				    r, c, fig->rows, fig->cols);
	for (dr = -hr; dr <= hr; dr++) {
		for (dc = -hc; dc <= hc; dc++) {
			long rr = (long)r + dr, cc = (long)c + dc;
			size_t k = link_bit(fig, dr, dc);

			bool in = rr >= 1 && cc >= 1 && inside(fig, (size_t)rr, (size_t)cc);

			patch[k] = in ? fig->image[pix(fig, (size_t)rr, (size_t)cc)] : 0.0;
		}
	}
	return EC_OK;
}

ec_status ec_sg_mask(const ec_sg_figure *fig, size_t r, size_t c, unsigned char *mask,
		     ec_error *err)
{
	size_t k, n = fig->frows * fig->fcols;

	if (!inside(fig, r, c))
		return ec_error_set(err, EC_ERR_RANGE, "location (%zu,%zu) is outside the %zux%zu image",
				    r, c, fig->rows, fig->cols);
	for (k = 0; k < n; k++)
		mask[k] = (fig->links[pix(fig, r, c)] >> k) & 1u;
	mask[n / 2] = fig->self ? 1 : 0;
	return EC_OK;
}

double ec_sg_dot(const double *patch, const double *w, const unsigned char *mask, size_t n)
{
	double sum = 0.0;
	size_t k;

	for (k = 0; k < n; k++)
		if (!mask || mask[k])
			sum += patch[k] * w[k];
	return sum;
}

ec_status ec_sg_response(const ec_sg_figure *fig, size_t r, size_t c, bool masked,
			 bool flipped, double *out, ec_error *err)
{
	double patch[EC_SG_MAX_FILTER * EC_SG_MAX_FILTER];
	double w[EC_SG_MAX_FILTER * EC_SG_MAX_FILTER];
	unsigned char mask[EC_SG_MAX_FILTER * EC_SG_MAX_FILTER];
	size_t k, n = fig->frows * fig->fcols;
	ec_status st;

	if ((st = ec_sg_patch(fig, r, c, patch, err)) != EC_OK ||
	    (st = ec_sg_mask(fig, r, c, mask, err)) != EC_OK)
		return st;
	for (k = 0; k < n; k++)
		w[k] = flipped ? fig->filter[n - 1 - k] : fig->filter[k];
	*out = ec_sg_dot(patch, w, masked ? mask : NULL, n);
	return EC_OK;
}

void ec_sg_rotate90(const double *in, size_t n, double *out)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			out[i * n + j] = in[(n - 1 - j) * n + i];
}

void ec_sg_rotate90_mask(const unsigned char *in, size_t n, unsigned char *out)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			out[i * n + j] = in[(n - 1 - j) * n + i];
}

void ec_sg_tie_weights(const double *w, size_t frows, size_t fcols, double *tied)
{
	size_t k, n = frows * fcols;
	double sum = 0.0;

	for (k = 0; k < n; k++)
		if (k != n / 2)
			sum += w[k];
	for (k = 0; k < n; k++)
		tied[k] = k == n / 2 ? w[k] : (n > 1 ? sum / (double)(n - 1) : 0.0);
}

/* ---- reach ---- */

ec_status ec_sg_influence(const ec_sg_figure *fig, size_t r, size_t c, uint64_t layers,
			  unsigned char *set, ec_error *err)
{
	size_t n = fig->rows * fig->cols, p, nb[EC_SG_MAX_FILTER * EC_SG_MAX_FILTER];
	unsigned char *buf, *s[3], *result;
	uint64_t k;

	if (!inside(fig, r, c))
		return ec_error_set(err, EC_ERR_RANGE, "location (%zu,%zu) is outside the %zux%zu image",
				    r, c, fig->rows, fig->cols);
	buf = calloc(3 * n, 1);
	if (!buf)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	s[0] = buf;
	s[1] = buf + n;
	s[2] = buf + 2 * n;
	s[0][pix(fig, r, c)] = 1;
	result = s[0];
	for (k = 1; k <= layers; k++) {
		unsigned char *cur = s[k % 3], *prev = s[(k - 1) % 3];

		memset(cur, 0, n);
		for (p = 0; p < n; p++) {
			size_t i, m;

			if (!prev[p])
				continue;
			if (fig->self)
				cur[p] = 1;
			m = neighbours(fig, p, nb);
			for (i = 0; i < m; i++)
				cur[nb[i]] = 1;
		}
		result = cur;
		/* S_k == S_(k-2): from here on the sets alternate with period 2 */
		if (k >= 2 && memcmp(cur, s[(k - 2) % 3], n) == 0) {
			if ((layers - k) % 2 == 1)
				result = prev;
			break;
		}
	}
	memcpy(set, result, n);
	free(buf);
	return EC_OK;
}

/*
 * The graph as adjacency lists, decoded from the link bits once: the
 * neighbours of pixel p (self-connection excluded) are to[first[p]] up to
 * to[first[p + 1] - 1]. Every search below walks these lists.
 */
struct adjacency {
	size_t n;
	size_t *first;
	size_t *to;
};

static void adjacency_free(struct adjacency *adj)
{
	free(adj->first);
	free(adj->to);
}

static ec_status adjacency_build(const ec_sg_figure *fig, struct adjacency *adj, ec_error *err)
{
	size_t n = fig->rows * fig->cols, p, m = 0;
	uint64_t ends = 2 * ec_sg_edge_count(fig);

	adj->n = n;
	adj->first = malloc((n + 1) * sizeof(*adj->first));
	adj->to = malloc((ends ? (size_t)ends : 1) * sizeof(*adj->to));
	if (!adj->first || !adj->to) {
		adjacency_free(adj);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	for (p = 0; p < n; p++) {
		adj->first[p] = m;
		m += neighbours(fig, p, adj->to + m);
	}
	adj->first[n] = m;
	return EC_OK;
}

/*
 * BFS from `start` (loops ignored): dist gets hops, UINT64_MAX where not
 * reached; queue[0..*reached) lists the reached nodes. Returns the
 * eccentricity of start within its component.
 */
static uint64_t bfs(const struct adjacency *adj, size_t start, uint64_t *dist, size_t *queue,
		    size_t *reached)
{
	size_t head = 0, tail = 0, p;

	for (p = 0; p < adj->n; p++)
		dist[p] = UINT64_MAX;
	dist[start] = 0;
	queue[tail++] = start;
	while (head < tail) {
		size_t u = queue[head++], i;

		for (i = adj->first[u]; i < adj->first[u + 1]; i++) {
			size_t w = adj->to[i];

			if (dist[w] == UINT64_MAX) {
				dist[w] = dist[u] + 1;
				queue[tail++] = w;
			}
		}
	}
	*reached = tail;
	return dist[queue[tail - 1]];
}

ec_status ec_sg_eccentricity(const ec_sg_figure *fig, size_t r, size_t c, uint64_t *ecc,
			     uint64_t *reached, ec_error *err)
{
	size_t n = fig->rows * fig->cols, count;
	struct adjacency adj;
	uint64_t *dist;
	size_t *queue;
	ec_status st;

	if (!inside(fig, r, c))
		return ec_error_set(err, EC_ERR_RANGE, "location (%zu,%zu) is outside the %zux%zu image",
				    r, c, fig->rows, fig->cols);
	if ((st = adjacency_build(fig, &adj, err)) != EC_OK)
		return st;
	dist = malloc(n * sizeof(*dist));
	queue = malloc(n * sizeof(*queue));
	if (!dist || !queue) {
		st = ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	} else {
		*ecc = bfs(&adj, pix(fig, r, c), dist, queue, &count);
		*reached = count;
	}
	free(dist);
	free(queue);
	adjacency_free(&adj);
	return st;
}

/* Connected components (isolated pixels included); seen gets n bytes of scratch. */
static uint64_t count_components(const struct adjacency *adj, unsigned char *seen, size_t *queue)
{
	uint64_t count = 0;
	size_t v;

	memset(seen, 0, adj->n);
	for (v = 0; v < adj->n; v++) {
		size_t head = 0, tail = 0;

		if (seen[v])
			continue;
		count++;
		seen[v] = 1;
		queue[tail++] = v;
		while (head < tail) {
			size_t u = queue[head++], i;

			for (i = adj->first[u]; i < adj->first[u + 1]; i++)
				if (!seen[adj->to[i]]) {
					seen[adj->to[i]] = 1;
					queue[tail++] = adj->to[i];
				}
		}
	}
	return count;
}

/*
 * The largest and the smallest eccentricity (diameter and radius) without
 * a search from every node (Takes and Kosters' bounding diameters). A
 * search from v bounds every node w of its component at distance d:
 * max(d, ecc(v) - d) <= ecc(w) <= ecc(v) + d. A node drops out once its
 * eccentricity is known or its bounds can move neither result; the next
 * search starts alternately from the open node with the largest upper
 * bound and the one with the smallest lower bound. The results are exact:
 * the loop ends only when no open node is left. lo, hi: n values of
 * scratch; open: n bytes.
 */
static void diameter_radius(const struct adjacency *adj, uint64_t *dist, size_t *queue,
			    uint64_t *lo, uint64_t *hi, unsigned char *open, uint64_t *diameter,
			    uint64_t *radius)
{
	uint64_t dmax = 0, rmin = UINT64_MAX;
	bool from_top = true;
	size_t n = adj->n, v, i;

	for (v = 0; v < n; v++) {
		lo[v] = 0;
		hi[v] = UINT64_MAX;
		open[v] = 1;
	}
	for (;;) {
		size_t top = n, bottom = n, reached;
		uint64_t e;

		for (v = 0; v < n; v++) {
			if (!open[v])
				continue;
			if (lo[v] == hi[v]) {
				dmax = lo[v] > dmax ? lo[v] : dmax;
				rmin = lo[v] < rmin ? lo[v] : rmin;
				open[v] = 0;
			} else if (hi[v] <= dmax && lo[v] >= rmin) {
				open[v] = 0;
			} else {
				if (top == n || hi[v] > hi[top])
					top = v;
				if (bottom == n || lo[v] < lo[bottom])
					bottom = v;
			}
		}
		if (top == n)
			break;
		v = from_top ? top : bottom;
		from_top = !from_top;
		e = bfs(adj, v, dist, queue, &reached);
		open[v] = 0;
		dmax = e > dmax ? e : dmax;
		rmin = e < rmin ? e : rmin;
		for (i = 0; i < reached; i++) {
			size_t w = queue[i];
			uint64_t d = dist[w], low = d > e - d ? d : e - d;

			if (low > lo[w])
				lo[w] = low;
			if (e + d < hi[w])
				hi[w] = e + d;
		}
	}
	*diameter = dmax;
	*radius = rmin;
}

/*
 * Without self-connections: BFS over states (node, parity of walk length).
 * A node u is in the k-layer set of v iff k >= the shortest walk v->u of
 * k's parity (a walk can always be lengthened by 2 by stepping back and
 * forth over an edge). Length-0 walks do not count, since k >= 1.
 * Returns the smallest k >= 1 covering every component, or UINT64_MAX.
 * dist: 2n values, queue: 2n entries.
 */
static uint64_t layers_without_self(const struct adjacency *adj, uint64_t *dist, size_t *queue)
{
	size_t n = adj->n, v;
	uint64_t need_even = 0, need_odd = 0;

	for (v = 0; v < n; v++) {
		size_t head = 0, tail = 0, s, u;

		if (adj->first[v] == adj->first[v + 1])
			return UINT64_MAX;
		for (s = 0; s < 2 * n; s++)
			dist[s] = UINT64_MAX;
		dist[2 * v] = 0;
		queue[tail++] = 2 * v;
		while (head < tail) {
			size_t st = queue[head++], i;

			for (i = adj->first[st / 2]; i < adj->first[st / 2 + 1]; i++) {
				size_t next = 2 * adj->to[i] + (1 - st % 2);

				if (dist[next] == UINT64_MAX) {
					dist[next] = dist[st] + 1;
					queue[tail++] = next;
				}
			}
		}
		dist[2 * v] = 2;
		for (u = 0; u < n; u++) {
			/* u lies in v's component when a walk of either parity reaches it */
			if (dist[2 * u] == UINT64_MAX && dist[2 * u + 1] == UINT64_MAX)
				continue;
			if (dist[2 * u] > need_even)
				need_even = dist[2 * u];
			if (dist[2 * u + 1] > need_odd)
				need_odd = dist[2 * u + 1];
		}
	}
	return need_even < need_odd ? need_even : need_odd;
}

ec_status ec_sg_reach_compute(const ec_sg_figure *fig, ec_sg_reach *out, ec_error *err)
{
	size_t n = fig->rows * fig->cols;
	struct adjacency adj;
	uint64_t *dist, *lo;
	unsigned char *open;
	size_t *queue;
	ec_status st;

	memset(out, 0, sizeof(*out));
	if ((st = adjacency_build(fig, &adj, err)) != EC_OK)
		return st;
	dist = malloc(4 * n * sizeof(*dist));
	queue = malloc(2 * n * sizeof(*queue));
	open = malloc(n);
	if (!dist || !queue || !open) {
		free(dist);
		free(queue);
		free(open);
		adjacency_free(&adj);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	lo = dist + 2 * n;
	out->nodes = n;
	out->components = count_components(&adj, open, queue);
	diameter_radius(&adj, dist, queue, lo, lo + n, open, &out->diameter, &out->radius);
	if (fig->self) {
		out->covered = true;
		out->layers = out->diameter > 0 ? out->diameter : 1;
	} else {
		out->layers = layers_without_self(&adj, dist, queue);
		out->covered = out->layers != UINT64_MAX;
		if (!out->covered)
			out->layers = 0;
	}
	free(dist);
	free(queue);
	free(open);
	adjacency_free(&adj);
	return EC_OK;
}

/* ---- coarsening and example graphs ---- */

ec_status ec_sg_coarsen(const ec_sg_figure *fig, size_t factor, ec_sg_figure *out,
			ec_error *err)
{
	size_t rows, cols, r, c, br, bc;
	ec_status st;

	memset(out, 0, sizeof(*out));
	if (factor == 0)
		return ec_error_set(err, EC_ERR_RANGE, "coarsening factor 0 is not positive");
	if (fig->frows != 3 || fig->fcols != 3)
		return ec_error_set(err, EC_ERR_RANGE,
				    "coarsening needs a 3x3 filter, not %zux%zu", fig->frows,
				    fig->fcols);
	rows = (fig->rows + factor - 1) / factor;
	cols = (fig->cols + factor - 1) / factor;
	if (rows < 3 || cols < 3)
		return ec_error_set(err, EC_ERR_RANGE,
				    "coarsening %zux%zu by %zu leaves %zux%zu blocks, fewer than 3x3",
				    fig->rows, fig->cols, factor, rows, cols);
	if ((st = ec_sg_figure_init(out, rows, cols, 3, 3, err)) != EC_OK)
		return st;
	out->self = fig->self;
	for (br = 0; br < rows; br++) {
		for (bc = 0; bc < cols; bc++) {
			double sum = 0.0;
			size_t count = 0;

			for (r = br * factor; r < (br + 1) * factor && r < fig->rows; r++)
				for (c = bc * factor; c < (bc + 1) * factor && c < fig->cols; c++) {
					sum += fig->image[r * fig->cols + c];
					count++;
				}
			out->image[br * cols + bc] = sum / (double)count;
		}
	}
	for (r = 0; r < fig->rows; r++) {
		for (c = 0; c < fig->cols; c++) {
			size_t nb[9], i, m = neighbours(fig, r * fig->cols + c, nb);

			for (i = 0; i < m; i++) {
				size_t r2 = nb[i] / fig->cols, c2 = nb[i] % fig->cols;
				size_t b1r = r / factor + 1, b1c = c / factor + 1;
				size_t b2r = r2 / factor + 1, b2c = c2 / factor + 1;

				if (b1r == b2r && b1c == b2c)
					continue;
				if (!ec_sg_has_edge(out, b1r, b1c, b2r, b2c) &&
				    (st = ec_sg_add_edge(out, b1r, b1c, b2r, b2c, err)) != EC_OK) {
					ec_sg_figure_free(out);
					return st;
				}
			}
		}
	}
	return EC_OK;
}

ec_status ec_sg_make_snake(ec_sg_figure *fig, size_t n, ec_error *err)
{
	size_t r, c;
	ec_status st;

	if (n < 3)
		return ec_error_set(err, EC_ERR_RANGE, "a snake needs a side of at least 3, not %zu", n);
	if ((st = ec_sg_figure_init(fig, n, n, 3, 3, err)) != EC_OK)
		return st;
	for (r = 1; r <= n; r++) {
		for (c = 1; c < n; c++)
			if ((st = ec_sg_add_edge(fig, r, c, r, c + 1, err)) != EC_OK)
				goto fail;
		if (r < n && (st = ec_sg_add_edge(fig, r, r % 2 ? n : 1, r + 1, r % 2 ? n : 1,
						   err)) != EC_OK)
			goto fail;
	}
	return EC_OK;
fail:
	ec_sg_figure_free(fig);
	return st;
}

ec_status ec_sg_make_full(ec_sg_figure *fig, size_t n, ec_error *err)
{
	size_t r, c;
	ec_status st;

	if (n < 3)
		return ec_error_set(err, EC_ERR_RANGE, "a full grid needs a side of at least 3, not %zu", n);
	if ((st = ec_sg_figure_init(fig, n, n, 3, 3, err)) != EC_OK)
		return st;
	for (r = 1; r <= n; r++) {
		for (c = 1; c <= n; c++) {
			if ((c < n && (st = ec_sg_add_edge(fig, r, c, r, c + 1, err)) != EC_OK) ||
			    (r < n && (st = ec_sg_add_edge(fig, r, c, r + 1, c, err)) != EC_OK) ||
			    (r < n && c < n &&
			     (st = ec_sg_add_edge(fig, r, c, r + 1, c + 1, err)) != EC_OK) ||
			    (r < n && c > 1 &&
			     (st = ec_sg_add_edge(fig, r, c, r + 1, c - 1, err)) != EC_OK)) {
				ec_sg_figure_free(fig);
				return st;
			}
		}
	}
	return EC_OK;
}

/* ---- text ---- */

struct sbuf {
	char *s;
	size_t len, cap;
	bool failed;
};

static void sb_put(struct sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void sb_put(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->failed)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->failed = true;
			return;
		}
		if (b->s && (size_t)n < b->cap - b->len) {
			b->len += (size_t)n;
			return;
		}
		{
			size_t cap = b->cap ? b->cap * 2 : 1024;
			char *grown;

			while (cap < b->len + (size_t)n + 1)
				cap *= 2;
			grown = realloc(b->s, cap);
			if (!grown) {
				b->failed = true;
				return;
			}
			b->s = grown;
			b->cap = cap;
		}
	}
}

static void format_number(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%g", v == 0.0 ? 0.0 : v);
}

ec_status ec_sg_render(const ec_sg_figure *fig, char **text, ec_error *err)
{
	struct sbuf b = {NULL, 0, 0, false};
	size_t r, c, width = 1, longer = 0;
	char num[32];

	*text = NULL;
	for (r = 0; r < fig->rows * fig->cols; r++) {
		format_number(fig->image[r], num, sizeof(num));
		if (strlen(num) > width)
			width = strlen(num);
	}
	for (r = 1; r <= fig->rows; r++) {
		for (c = 1; c <= fig->cols; c++) {
			format_number(fig->image[pix(fig, r, c)], num, sizeof(num));
			sb_put(&b, "%*s", (int)width, num);
			if (c < fig->cols)
				sb_put(&b, "%s", ec_sg_has_edge(fig, r, c, r, c + 1) ? " - " : "   ");
		}
		sb_put(&b, "\n");
		if (r == fig->rows)
			break;
		for (c = 1; c <= fig->cols; c++) {
			bool down = ec_sg_has_edge(fig, r, c, r + 1, c);

			sb_put(&b, "%*s", (int)width, down ? "|" : "");
			if (c < fig->cols) {
				bool back = ec_sg_has_edge(fig, r, c, r + 1, c + 1);
				bool fwd = ec_sg_has_edge(fig, r, c + 1, r + 1, c);

				sb_put(&b, " %c ", back && fwd ? 'X' : back ? '\\' : fwd ? '/' : ' ');
			}
		}
		/* trim the trailing blanks of the connector line */
		while (b.s && b.len > 0 && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
		sb_put(&b, "\n");
	}
	for (r = 1; r <= fig->rows; r++) {
		for (c = 1; c <= fig->cols; c++) {
			size_t nb[EC_SG_MAX_FILTER * EC_SG_MAX_FILTER], i, m;

			m = neighbours(fig, pix(fig, r, c), nb);
			for (i = 0; i < m; i++) {
				size_t r2 = nb[i] / fig->cols + 1, c2 = nb[i] % fig->cols + 1;
				size_t dr = r2 > r ? r2 - r : r - r2, dc = c2 > c ? c2 - c : c - c2;

				if (nb[i] < pix(fig, r, c) || (dr <= 1 && dc <= 1))
					continue;
				sb_put(&b, "%s(%zu,%zu)-(%zu,%zu)", longer++ ? " " : "longer edges: ",
				       r, c, r2, c2);
			}
		}
	}
	if (longer)
		sb_put(&b, "\n");
	if (b.failed || !b.s) {
		free(b.s);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	*text = b.s;
	return EC_OK;
}

ec_status ec_sg_format_terms(const double *patch, const double *w, const unsigned char *mask,
			     size_t n, char *buf, size_t size, ec_error *err)
{
	size_t k, len = 0, terms = 0;

	if (size == 0)
		return ec_error_set(err, EC_ERR_RANGE, "no room for the terms");
	buf[0] = '\0';
	for (k = 0; k < n; k++) {
		char x[32], y[32];
		int m;

		if (mask && !mask[k])
			continue;
		format_number(patch[k], x, sizeof(x));
		format_number(w[k], y, sizeof(y));
		m = snprintf(buf + len, size - len, "%s%s%s%s*%s%s%s", terms++ ? " + " : "",
			     patch[k] < 0 ? "(" : "", x, patch[k] < 0 ? ")" : "",
			     w[k] < 0 ? "(" : "", y, w[k] < 0 ? ")" : "");
		if (m < 0 || (size_t)m >= size - len)
			return ec_error_set(err, EC_ERR_RANGE, "%zu bytes are too few for the terms",
					    size);
		len += (size_t)m;
	}
	if (terms == 0)
		snprintf(buf, size, "0");
	return EC_OK;
}
