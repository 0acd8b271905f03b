/*
 * exam.c: the exam object: its numbers (drawn once, when it is opened),
 * its data files, and each module's solution, computed when a view first
 * needs it and kept, so that the worked answers, the key and the facts of
 * one exam come from one computation.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "examcheck/ec_file.h"
#include "question.h"

/* Most data files an exam names (their origins are kept with it). */
#define ORIGINS 8

/* A module's solution and facts, once computed. */
struct slot {
	void *sol;
	bool solved;
	ec_depth depth;
	bool failed;          /* the solve failed: `why` says why, every time it is asked */
	ec_error why;
	bool have_facts;
	ec_explainer facts;   /* the module's own, so that pointers into it stay valid */
};

struct ec_exam {
	ec_exam_params p;
	char *data_dir;       /* NULL: the built-in copies */
	struct slot *slots;   /* one per module of ec_modules[] */
	char *origins[ORIGINS];
	size_t norigins;
	const char *missing[ORIGINS]; /* data files data_dir lacks (names of ec_data_files[]) */
	size_t nmissing;
};

ec_status ec_exam_seed_parse(const char *text, uint64_t *seed, ec_error *err)
{
	uint64_t v = 0;
	const char *s;

	if (strcmp(text, "original") == 0) {
		*seed = 0;
		return EC_OK;
	}
	for (s = text; *s >= '0' && *s <= '9'; s++) {
		if (v > ((uint64_t)EC_EXAM_SEED_MAX - (uint64_t)(*s - '0')) / 10)
			return ec_error_set(err, EC_ERR_RANGE,
					    "seed '%.40s' is above 2^63 - 1 (9223372036854775807)",
					    text);
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (s == text || *s)
		return ec_error_set(err, EC_ERR_PARSE,
				    "seed '%.40s' is not 'original' or a whole number from 0 to 2^63 - 1",
				    text);
	*seed = v;
	return EC_OK;
}

/*
 * The order of each multiple-choice question's options: as written for
 * seed 0; for a variant, shuffled by a generator of the question's own,
 * drawn from the seed after every module's numbers (so that the numbers
 * stay what they were), a last option that stays last left in place.
 */
static void draw_orders(ec_exam_params *p, ec_xorshift *seeds)
{
	size_t i, k;

	for (i = 0; i < ec_module_count && p->norders < EC_MC_MAX; i++) {
		const ec_module *m = ec_modules[i];
		ec_option_order *o = &p->orders[p->norders];
		size_t n;
		ec_xorshift g;

		if (m->options == 0 || m->options > EC_OPTIONS_MAX)
			continue;
		p->norders++;
		o->id = m->id;
		o->n = m->options;
		for (k = 0; k < o->n; k++)
			o->shown[k] = (unsigned char)k;
		if (!p->seed)
			continue;
		ec_xorshift_seed_mixed(&g, ec_xorshift_next(seeds));
		n = m->last_stays ? o->n - 1 : o->n;
		for (k = n; k-- > 1;) {
			size_t j = (size_t)ec_xorshift_below(&g, k + 1);
			unsigned char t = o->shown[k];

			o->shown[k] = o->shown[j];
			o->shown[j] = t;
		}
	}
}

/* Draw every module's numbers: the original's for seed 0, else from the seed alone. */
static ec_status draw(ec_exam_params *p, uint64_t seed, ec_error *err)
{
	ec_xorshift seeds;
	size_t i;

	memset(p, 0, sizeof(*p));
	p->seed = seed;
	ec_xorshift_seed_mixed(&seeds, seed);
	/*
	 * Each module draws from a generator of its own, started from the
	 * seed's stream in exam order, so that a change to one module's draw
	 * leaves the others as they were.
	 */
	for (i = 0; i < ec_module_count; i++) {
		const ec_module *m = ec_modules[i];
		ec_xorshift g;

		if (!m->draw)
			continue;
		if (seed)
			ec_xorshift_seed_mixed(&g, ec_xorshift_next(&seeds));
		if (m->draw(seed ? &g : NULL, p, err) != 0)
			return err->status != EC_OK ? err->status : EC_ERR_INVALID;
	}
	draw_orders(p, &seeds);
	return EC_OK;
}

ec_status ec_exam_open(uint64_t seed, const char *data_dir, ec_exam **exam, ec_error *err)
{
	ec_exam *x;
	ec_status st;

	*exam = NULL;
	ec_error_clear(err);
	if (seed > (uint64_t)EC_EXAM_SEED_MAX)
		return ec_error_set(err, EC_ERR_RANGE, "seed %" PRIu64 " is above 2^63 - 1", seed);
	x = calloc(1, sizeof(*x));
	if (!x || !(x->slots = calloc(ec_module_count, sizeof(*x->slots))) ||
	    (data_dir && *data_dir && !(x->data_dir = strdup(data_dir)))) {
		ec_exam_free(x);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	st = draw(&x->p, seed, err);
	if (st != EC_OK) {
		ec_exam_free(x);
		return st;
	}
	*exam = x;
	return EC_OK;
}

static void release(const ec_module *m, struct slot *s)
{
	if (s->sol && m->release)
		m->release(s->sol);
	free(s->sol);
	s->sol = NULL;
	s->solved = false;
}

void ec_exam_free(ec_exam *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; x->slots && i < ec_module_count; i++) {
		release(ec_modules[i], &x->slots[i]);
		ec_explainer_free(&x->slots[i].facts);
	}
	for (i = 0; i < x->norigins; i++)
		free(x->origins[i]);
	free(x->slots);
	free(x->data_dir);
	free(x);
}

uint64_t ec_exam_seed(const ec_exam *x)
{
	return x->p.seed;
}

const ec_exam_params *ec_exam_params_of(const ec_exam *x)
{
	return &x->p;
}

/* ---- data files ---- */

/* Keep `text` as an origin of the exam (a copy); NULL when memory runs out. */
static const char *keep_origin(ec_exam *x, const char *text)
{
	size_t i;

	for (i = 0; i < x->norigins; i++)
		if (strcmp(x->origins[i], text) == 0)
			return x->origins[i];
	if (x->norigins == ORIGINS) {
		free(x->origins[0]);
		memmove(x->origins, x->origins + 1, (ORIGINS - 1) * sizeof(x->origins[0]));
		x->norigins--;
	}
	if (!(x->origins[x->norigins] = strdup(text)))
		return NULL;
	return x->origins[x->norigins++];
}

/*
 * Whether the data directory lacks `path` (the file `name` in it) while
 * being there itself: then the built-in copy stands in, and `name` is
 * recorded. A directory that is not there is an error, not a fall-back.
 */
static ec_status lacks(ec_exam *x, const char *name, const char *path, bool *lacking,
		       ec_error *err)
{
	struct stat st;
	size_t i, k;

	*lacking = false;
	if (stat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR))
		return EC_OK;
	if (stat(x->data_dir, &st) != 0)
		return ec_error_at(err, EC_ERR_OPEN, x->data_dir, 0, 0,
				   "cannot open the data directory: %s", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return ec_error_at(err, EC_ERR_OPEN, x->data_dir, 0, 0,
				   "the data directory is not a directory");
	*lacking = true;
	for (i = 0; i < ec_data_file_count; i++)
		if (strcmp(ec_data_files[i].name, name) == 0)
			break;
	if (i == ec_data_file_count)
		return EC_OK;
	for (k = 0; k < x->nmissing; k++)
		if (x->missing[k] == ec_data_files[i].name)
			return EC_OK;
	if (x->nmissing < ORIGINS)
		x->missing[x->nmissing++] = ec_data_files[i].name;
	return EC_OK;
}

ec_status ec_exam_data(ec_exam *x, const char *name, char **text, const char **origin,
		       ec_error *err)
{
	const char *builtin;
	char where[512];
	size_t size;
	bool lacking = false;
	ec_status st;

	*text = NULL;
	if (!ec_data_builtin(name, &builtin, &size))
		return ec_error_set(err, EC_ERR_NOTFOUND, "no data file '%s' is built in", name);
	if (x->data_dir) {
		snprintf(where, sizeof(where), "%s/%s", x->data_dir, name);
		if ((st = lacks(x, name, where, &lacking, err)) != EC_OK)
			return st;
	}
	if (x->data_dir && !lacking) {
		if (!(*origin = keep_origin(x, where)))
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		/* the name given to ec_file_read_text() is the kept origin: messages point into it */
		st = ec_file_read_text(*origin, 16u << 20, text, err);
		return st;
	}
	if (lacking)
		snprintf(where, sizeof(where), "data/%s (built in, as %s/ has no %s)", name,
			 x->data_dir, name);
	else
		snprintf(where, sizeof(where),
			 "data/%s (built in; set EXAMCHECK_DATA=DIR to use DIR/%s)", name, name);
	if (!(*origin = keep_origin(x, where)) || !(*text = malloc(size + 1)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(*text, builtin, size + 1);
	return EC_OK;
}

const char *ec_exam_data_dir(const ec_exam *x)
{
	return x->data_dir;
}

size_t ec_exam_data_missing(const ec_exam *x, const char **names, size_t max)
{
	size_t i;

	for (i = 0; i < x->nmissing && i < max; i++)
		names[i] = x->missing[i];
	return x->nmissing;
}

ec_status ec_solving_data(const ec_solving *s, const char *given, const char *name,
			  char **text, const char **origin, ec_key_origin *standing,
			  ec_error *err)
{
	size_t n = strlen(given);
	char where[128];
	ec_status st;

	if (n == 0) {
		st = ec_exam_data(s->exam, name, text, origin, err);
		if (st == EC_OK && standing)
			*standing = ec_data_origin(name, *text);
		return st;
	}
	snprintf(where, sizeof(where), "variant %" PRIu64 "'s %s", s->p->seed, name);
	if (!(*origin = keep_origin(s->exam, where)) || !(*text = malloc(n + 1)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	memcpy(*text, given, n + 1);
	if (standing)
		*standing = EC_KEY_FROM_EXAM;
	return EC_OK;
}

/* ---- solutions ---- */

static size_t slot_of(const ec_module *m)
{
	size_t i;

	for (i = 0; i < ec_module_count; i++)
		if (ec_modules[i] == m)
			return i;
	return 0;
}

/* Module m's solution, solved to at least `depth`; NULL with err set on failure. */
static const void *solution(ec_exam *x, const ec_module *m, ec_depth depth, ec_error *err)
{
	struct slot *s = &x->slots[slot_of(m)];
	ec_solving solving = {x, &x->p, depth};

	if (s->failed) {
		*err = s->why;
		return NULL;
	}
	if (s->solved && s->depth >= depth)
		return s->sol;
	release(m, s);
	if (!(s->sol = calloc(1, m->size ? m->size : 1))) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		return NULL;
	}
	ec_error_clear(err);
	if (m->solve && m->solve(&solving, s->sol, err) != 0) {
		if (err->status == EC_OK)
			ec_error_set(err, EC_ERR_INVALID, "q%s cannot be solved", m->id);
		release(m, s);
		if (err->status != EC_ERR_NOMEM) {
			s->failed = true;
			s->why = *err;
		}
		return NULL;
	}
	s->solved = true;
	s->depth = depth;
	return s->sol;
}

/* Whether `id` is `prefix` or starts with "<prefix>." (every id when prefix is NULL). */
static bool under(const char *prefix, const char *id)
{
	size_t n;

	if (!prefix)
		return true;
	n = strlen(prefix);
	return strncmp(id, prefix, n) == 0 && (id[n] == '\0' || id[n] == '.');
}

/* Run show for leaf q, writing to out and/or key. */
static ec_status show(ec_exam *x, const ec_question *q, ec_depth depth, FILE *out, ec_key *key,
		      ec_error *err)
{
	const ec_module *m = ec_module_of(q->id);
	ec_actx a = {.out = out, .key = key, .q = q, .params = &x->p, .exam = x};
	const void *sol;

	if (!m)
		return ec_error_set(err, EC_ERR_NOTFOUND, "no module answers q%s", q->id);
	if (!(sol = solution(x, m, depth, err)))
		return err->status;
	ec_error_clear(&a.err);
	if (m->show(&a, sol) != 0) {
		*err = a.err;
		return err->status != EC_OK ? err->status : EC_ERR_INVALID;
	}
	return EC_OK;
}

ec_status ec_exam_worked(ec_exam *x, const char *prefix, FILE *out, ec_error *err)
{
	size_t i, done = 0;
	ec_status st;

	ec_error_clear(err);
	for (i = 0; i < ec_question_count; i++) {
		const ec_question *q = &ec_questions[i];

		if (!q->leaf || !under(prefix, q->id))
			continue;
		if (done++)
			fputc('\n', out);
		st = show(x, q, EC_DEPTH_WORKED, out, NULL, err);
		if (st != EC_OK)
			return st;
	}
	return EC_OK;
}

ec_status ec_exam_key(ec_exam *x, ec_key *key, ec_error *err)
{
	size_t i;

	ec_error_clear(err);
	ec_key_free(key);
	key->seed = x->p.seed;
	for (i = 0; i < ec_question_count; i++) {
		const ec_question *q = &ec_questions[i];
		ec_error why;
		char where[256];

		if (!q->leaf)
			continue;
		ec_error_clear(&why);
		if (show(x, q, EC_DEPTH_KEY, NULL, key, &why) != EC_OK) {
			ec_key_free(key);
			return ec_error_set(err, why.status, "computing the key, q%s: %s", q->id,
					    ec_error_format(&why, where, sizeof(where)));
		}
	}
	key->seed = x->p.seed;
	return EC_OK;
}

ec_status ec_exam_facts(ec_exam *x, const char *id, const ec_item_facts **facts, ec_error *err)
{
	const ec_module *m = ec_module_of(id);
	struct slot *s;
	const void *sol;

	*facts = NULL;
	if (!m || !m->facts)
		return EC_OK;
	s = &x->slots[slot_of(m)];
	if (!s->have_facts) {
		if (!(sol = solution(x, m, EC_DEPTH_FACTS, err)))
			return err->status;
		if (m->facts(&s->facts, sol, err) != 0) {
			ec_explainer_free(&s->facts);
			if (err->status == EC_OK)
				ec_error_set(err, EC_ERR_INVALID, "the facts of q%s cannot be computed",
					     m->id);
			return err->status;
		}
		s->have_facts = true;
	}
	*facts = ec_explainer_find(&s->facts, id);
	return EC_OK;
}

char *ec_exam_worked_command(const ec_exam *x, const char *id, char *buf, size_t size)
{
	const char *q = id ? ec_question_of(id) : NULL;

	if (!id)
		id = "";
	if (x->p.seed)
		snprintf(buf, size, "examcheck variant --seed %" PRIu64 " %s", x->p.seed, q ? q : id);
	else
		snprintf(buf, size, "examcheck q%s", q ? q : id);
	return buf;
}

/* ---- text ---- */

ec_status ec_exam_text(ec_exam *x, const ec_question *q, ec_text *t, ec_error *err)
{
	const ec_module *m = ec_module_of(q->id);
	ec_solving s = {x, &x->p, EC_DEPTH_KEY};

	ec_error_clear(err);
	ec_text_free(t);
	if (ec_section_text(q, t)) {
		/* a section's instructions: written by the outline itself */
	} else if (!m || !m->text) {
		return ec_error_set(err, EC_ERR_NOTFOUND, "no text for question %s", q->id);
	} else if (m->text(&s, q, t, err) != 0) {
		ec_text_free(t);
		return err->status != EC_OK ? err->status : EC_ERR_INVALID;
	}
	if (t->failed) {
		ec_text_free(t);
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	}
	return EC_OK;
}

ec_status ec_exam_params_json(ec_exam *x, const ec_question *q, ec_buf *b, ec_error *err)
{
	const ec_module *m = ec_module_of(q->id);
	ec_solving s = {x, &x->p, EC_DEPTH_KEY};
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int rc = 0;

	ec_error_clear(err);
	if (!(f = open_memstream(&text, &len)))
		return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
	putc('{', f);
	if (m && m->json)
		rc = m->json(&s, q, f, err);
	putc('}', f);
	if (fclose(f) != 0 && rc == 0) {
		ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		rc = -1;
	}
	if (rc == 0)
		ec_buf_append(b, text);
	free(text);
	if (rc != 0)
		return err->status != EC_OK ? err->status : EC_ERR_INVALID;
	return b->data ? EC_OK : ec_error_set(err, EC_ERR_NOMEM, "out of memory");
}
