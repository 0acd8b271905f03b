#include "examcheck/ec_rubric.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_key.h" /* EC_POINTS_MAX */

#include "../lines.h"

#define WORDS_MAX 12

static const char *const scheme_names[] = {
	[EC_SCHEME_TF] = "tf",
	[EC_SCHEME_MC] = "mc",
	[EC_SCHEME_EXACT] = "exact",
	[EC_SCHEME_MANUAL] = "manual",
};

const char *ec_scheme_name(ec_scheme scheme)
{
	if ((size_t)scheme < sizeof(scheme_names) / sizeof(scheme_names[0]))
		return scheme_names[scheme];
	return "unknown";
}

bool ec_rubric_pattern_matches(const char *pattern, const char *id)
{
	size_t n = strlen(pattern);

	if (strcmp(pattern, "*") == 0)
		return true;
	if (n >= 2 && pattern[n - 2] == '.' && pattern[n - 1] == '*')
		return strncmp(pattern, id, n - 1) == 0 && id[n - 1] != '\0';
	return strcmp(pattern, id) == 0;
}

const ec_rubric_rule *ec_rubric_rule_for(const ec_rubric *r, const char *id)
{
	size_t i = r->nrules;

	while (i-- > 0)
		if (ec_rubric_pattern_matches(r->rules[i].pattern, id))
			return &r->rules[i];
	return NULL;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int parse_number(const char *s, double *out)
{
	char *end;
	double v;

	if (!*s)
		return 0;
	v = strtod(s, &end);
	if (*end || !isfinite(v))
		return 0;
	*out = v;
	return 1;
}

/* A rule's numeric settings: where each goes and the range it must be in. */
typedef struct number_setting {
	ec_scheme scheme;
	const char *name;
	size_t offset; /* of its double in ec_rubric_rule */
	double lo, hi;
} number_setting;

static const number_setting number_settings[] = {
	{EC_SCHEME_TF, "wrong", offsetof(ec_rubric_rule, wrong), -EC_POINTS_MAX, EC_POINTS_MAX},
	{EC_SCHEME_TF, "blank", offsetof(ec_rubric_rule, blank), -EC_POINTS_MAX, EC_POINTS_MAX},
	{EC_SCHEME_MC, "per-error", offsetof(ec_rubric_rule, per_error), 0, EC_POINTS_MAX},
	{EC_SCHEME_EXACT, "rel", offsetof(ec_rubric_rule, rel), 0, EC_TOLERANCE_MAX},
	{EC_SCHEME_EXACT, "abs", offsetof(ec_rubric_rule, abs), 0, EC_TOLERANCE_MAX},
};

static const number_setting *number_setting_for(ec_scheme scheme, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(number_settings) / sizeof(number_settings[0]); i++)
		if (number_settings[i].scheme == scheme && strcmp(number_settings[i].name, name) == 0)
			return &number_settings[i];
	return NULL;
}

static int parse_options(const char *s, uint32_t *out)
{
	uint32_t set = 0;
	size_t n = strlen(s), i;

	if (n == 3 && s[1] == '-' && s[0] >= 'A' && s[0] <= 'Z' && s[2] >= s[0] && s[2] <= 'Z') {
		for (i = (size_t)(s[0] - 'A'); i <= (size_t)(s[2] - 'A'); i++)
			set |= UINT32_C(1) << i;
		*out = set;
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
		set |= UINT32_C(1) << (s[i] - 'A');
	}
	*out = set;
	return set != 0;
}

static ec_status parse_rule(ec_rubric *r, char **w, size_t nw, long line,
			    ec_rubric_rule *rule, ec_error *err)
{
	size_t i;

	memset(rule, 0, sizeof(*rule));
	rule->line = line;
	rule->per_error = INFINITY;
	if (nw < 3)
		return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				   "rule needs a pattern and a scheme");
	if (strlen(w[1]) >= sizeof(rule->pattern))
		return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				   "pattern '%s' is too long", w[1]);
	if (strchr(w[1], '*') && strcmp(w[1], "*") != 0 &&
	    !(strchr(w[1], '*') == w[1] + strlen(w[1]) - 1 && strlen(w[1]) >= 2 &&
	      w[1][strlen(w[1]) - 2] == '.'))
		return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				   "pattern '%s': '*' may only end a pattern, after a '.'", w[1]);
	strcpy(rule->pattern, w[1]);
	for (i = 0; i < sizeof(scheme_names) / sizeof(scheme_names[0]); i++)
		if (strcmp(w[2], scheme_names[i]) == 0)
			break;
	if (i == sizeof(scheme_names) / sizeof(scheme_names[0]))
		return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
				   "unknown scheme '%s' (use tf, mc, exact or manual)", w[2]);
	rule->scheme = (ec_scheme)i;
	for (i = 3; i < nw; i++) {
		char *eq = strchr(w[i], '=');
		const char *name = w[i], *value;
		const number_setting *ns;
		double v;

		if (!eq)
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "setting '%s' is not NAME=VALUE", w[i]);
		*eq = '\0';
		value = eq + 1;
		ns = number_setting_for(rule->scheme, name);
		if (ns && parse_number(value, &v)) {
			if (v < ns->lo || v > ns->hi)
				return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
						   "setting %s: '%s' is not between %.0f and %.0f",
						   name, value, ns->lo, ns->hi);
			*(double *)((char *)rule + ns->offset) = v;
		} else if (!ns && !(rule->scheme == EC_SCHEME_MC && strcmp(name, "options") == 0)) {
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "scheme %s has no setting '%s'", w[2], name);
		} else if (ns || !parse_options(value, &rule->options)) {
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "setting %s: '%s' is not a valid value", name, value);
		}
		if (rule->scheme == EC_SCHEME_EXACT)
			rule->tolerance = true; /* rel or abs: the only settings of exact */
	}
	return EC_OK;
}

static ec_status add_alt(ec_rubric *r, const char *id, size_t id_len,
			 const char *answer, size_t answer_len, bool optional, const char *file,
			 long line, ec_error *err)
{
	ec_rubric_alt *alt, *grown;

	if (id_len == 0 || answer_len == 0)
		return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
				   "an alternative needs an item id and an answer");
	if (id_len >= sizeof(alt->id) || answer_len >= sizeof(alt->answer))
		return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
				   "alternative for '%.*s' is too long", (int)(id_len > 39 ? 39 : id_len), id);
	grown = realloc(r->alts, (r->nalts + 1) * sizeof(*grown));
	if (!grown)
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	r->alts = grown;
	alt = &r->alts[r->nalts++];
	memset(alt, 0, sizeof(*alt));
	memcpy(alt->id, id, id_len);
	memcpy(alt->answer, answer, answer_len);
	alt->file = file;
	alt->line = line;
	alt->optional = optional;
	return EC_OK;
}

static ec_status parse_line(ec_rubric *r, char *s, long line, ec_error *err)
{
	char *w[WORDS_MAX];
	size_t nw = 0;

	if (strncmp(s, "alt", 3) == 0 && is_blank(s[3])) {
		char *id = s + 3, *answer, *end;

		while (is_blank(*id))
			id++;
		answer = id;
		while (*answer && !is_blank(*answer))
			answer++;
		end = answer;
		while (is_blank(*answer))
			answer++;
		id[end - id] = '\0';
		end = answer + strlen(answer);
		while (end > answer && is_blank(end[-1]))
			end--;
		return add_alt(r, id, strlen(id), answer, (size_t)(end - answer), true, r->file,
			       line, err);
	}
	while (*s) {
		while (is_blank(*s))
			s++;
		if (!*s)
			break;
		if (nw == WORDS_MAX)
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "too many words (%d at most)", WORDS_MAX);
		w[nw++] = s;
		while (*s && !is_blank(*s))
			s++;
		if (*s)
			*s++ = '\0';
	}
	if (nw == 0)
		return EC_OK;
	if (strcmp(w[0], "total") == 0) {
		if (nw != 2 || !parse_number(w[1], &r->total) || r->total <= 0)
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "total needs one positive number");
		if (r->total > EC_POINTS_MAX)
			return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
					   "total '%s' is more than %.0f", w[1], EC_POINTS_MAX);
		return EC_OK;
	}
	if (strcmp(w[0], "rule") == 0) {
		ec_rubric_rule rule, *grown;
		ec_status st = parse_rule(r, w, nw, line, &rule, err);

		if (st != EC_OK)
			return st;
		grown = realloc(r->rules, (r->nrules + 1) * sizeof(*grown));
		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		r->rules = grown;
		r->rules[r->nrules++] = rule;
		return EC_OK;
	}
	return ec_error_at(err, EC_ERR_PARSE, r->file, line, 0,
			   "unknown directive '%s' (use total, rule or alt)", w[0]);
}

ec_status ec_rubric_parse(ec_rubric *r, const char *text, size_t len,
			  const char *file, ec_error *err)
{
	const char *p, *end = text + len;
	char buf[512];
	long line = 0;
	ec_status started;

	r->file = file;
	started = ec_text_start(text, len, file, &p, err);
	if (started != EC_OK)
		return started;
	while (p < end) {
		const char *s = p, *eol = ec_line_end(p, end, &p);
		size_t n = (size_t)(eol - s);
		ec_status st;

		line++;
		while (n > 0 && is_blank(*s)) {
			s++;
			n--;
		}
		if (n == 0 || *s == '#')
			continue;
		if (n >= sizeof(buf))
			return ec_error_at(err, EC_ERR_PARSE, file, line, 0,
					   "line is too long (%zu bytes at most)", sizeof(buf) - 1);
		memcpy(buf, s, n);
		buf[n] = '\0';
		st = parse_line(r, buf, line, err);
		if (st != EC_OK)
			return st;
	}
	return EC_OK;
}

/* A variant's seed as "ID@N" writes it: decimal digits (at most 2^63 - 1), or "original". */
static bool parse_seed(const char *s, size_t n, uint64_t *seed)
{
	size_t i;

	*seed = 0;
	if (n == 8 && strncmp(s, "original", 8) == 0)
		return true;
	for (i = 0; i < n; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (d > 9 || *seed > ((uint64_t)INT64_MAX - d) / 10)
			return false;
		*seed = *seed * 10 + d;
	}
	return n > 0;
}

ec_status ec_rubric_accept(ec_rubric *r, const char *spec, const char *origin,
			   ec_error *err)
{
	const char *eq = strchr(spec, '=');
	const char *at;
	uint64_t seed = 0;
	ec_status st;

	if (!eq)
		return ec_error_at(err, EC_ERR_USAGE, origin, 0, 0,
				   "'%s' is not ID=ANSWER", spec);
	at = memchr(spec, '@', (size_t)(eq - spec));
	if (at && !parse_seed(at + 1, (size_t)(eq - at - 1), &seed))
		return ec_error_at(err, EC_ERR_USAGE, origin, 0, 0,
				   "%s %s: '%.*s' after '@' is not a variant (0 or original for the "
				   "exam's own key, N for variant N)",
				   origin, spec, (int)(eq - at - 1), at + 1);
	st = add_alt(r, spec, (size_t)((at ? at : eq) - spec), eq + 1, strlen(eq + 1), false,
		     origin, 0, err);
	if (st == EC_OK) {
		r->alts[r->nalts - 1].requested = true;
		r->alts[r->nalts - 1].one_version = at != NULL;
		r->alts[r->nalts - 1].seed = seed;
	}
	else if (st != EC_ERR_NOMEM)
		st = err->status = EC_ERR_USAGE; /* the command line's request, not a file, is wrong */
	return st;
}

void ec_rubric_free(ec_rubric *r)
{
	free(r->rules);
	free(r->alts);
	memset(r, 0, sizeof(*r));
}
