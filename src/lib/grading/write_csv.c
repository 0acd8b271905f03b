/*
 * write_csv.c: the csv format: a header line, then comma-separated
 * fields, quoted where needed (ec_write_csv_field()).
 */
#include "writer.h"

#include <math.h>

static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	(void)key;
	fputs("id,answer,points,kind\n", w->out);
	return EC_OK;
}

static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	char pts[32];

	ec_write_csv_field(w->out, it->id);
	putc(',', w->out);
	ec_write_csv_field(w->out, it->answer);
	fprintf(w->out, ",%s,%s\n", ec_points_format(it->points, pts), ec_key_kind_name(it->kind));
	return EC_OK;
}

/*
 * Statistics: a line per item under "id,kind,points,facility,
 * discrimination,upper,lower,blank,unreadable,true,false" and a column per
 * option letter any mc item lists. Ratios to 10 significant digits,
 * points as ec_points_format(); a field that does not apply or is not
 * defined is empty.
 */
static uint32_t mc_letters(const ec_stats *s)
{
	char letters[27];
	uint32_t all = 0;
	const char *c;
	size_t i;

	for (i = 0; i < s->nitems; i++)
		if (s->items[i].kind == EC_KEY_MC)
			for (c = write_stats_letters(&s->items[i], letters); *c; c++)
				all |= UINT32_C(1) << (*c - 'A');
	return all;
}

static void ratio(FILE *f, double x)
{
	putc(',', f);
	if (isfinite(x))
		fprintf(f, "%.10g", x);
}

static void count(FILE *f, bool known, uint64_t n)
{
	putc(',', f);
	if (known)
		fprintf(f, "%llu", (unsigned long long)n);
}

static ec_status stats_begin(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	uint32_t all = mc_letters(s);
	unsigned c;

	(void)sum;
	/* several versions: one header, with a first column naming each line's version */
	if (w->versions && w->block > 0)
		return EC_OK;
	fputs(w->versions ? "variant,id,kind,points,facility,discrimination,upper,lower,blank,"
			    "unreadable,true,false"
			  : "id,kind,points,facility,discrimination,upper,lower,blank,unreadable,"
			    "true,false",
	      w->out);
	for (c = 0; c < 26; c++)
		if ((all >> c) & 1)
			fprintf(w->out, ",%c", (char)('A' + c));
	putc('\n', w->out);
	return EC_OK;
}

static ec_status stats_item(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum,
			    size_t i)
{
	const ec_stats_item *it = &s->items[i];
	bool mc = it->kind == EC_KEY_MC, tf = it->kind == EC_KEY_TF;
	uint32_t all = mc_letters(s), shown = 0;
	char pts[32], letters[27];
	const char *l;
	unsigned c;

	for (l = write_stats_letters(it, letters); mc && *l; l++)
		shown |= UINT32_C(1) << (*l - 'A');
	if (w->versions)
		fprintf(w->out, "%llu,", (unsigned long long)w->version);
	ec_write_csv_field(w->out, it->id);
	fprintf(w->out, ",%s,%s", ec_key_kind_name(it->kind), ec_points_format(it->max_points, pts));
	ratio(w->out, ec_stats_facility(s, i));
	ratio(w->out, ec_stats_discrimination(s, i));
	count(w->out, sum->upper != NULL, sum->upper ? sum->upper[i] : 0);
	count(w->out, sum->lower != NULL, sum->lower ? sum->lower[i] : 0);
	count(w->out, mc || tf, it->blank);
	count(w->out, mc || tf, it->unreadable);
	count(w->out, tf, it->chosen['T' - 'A']);
	count(w->out, tf, it->chosen['F' - 'A']);
	for (c = 0; c < 26; c++)
		if ((all >> c) & 1)
			count(w->out, (shown >> c) & 1, it->chosen[c]);
	putc('\n', w->out);
	return EC_OK;
}

/* After the items, the answer groups when there are any (write_groups.c). */
static ec_status stats_end(ec_write_ctx *w, const ec_stats *s, const ec_stats_summary *sum)
{
	(void)sum;
	if (!w->versions) /* several blocks: all their groups after all their items */
		write_groups_csv(w, s);
	return EC_OK;
}

/* Several versions: one table of every block's answer groups, each line after its version. */
static ec_status stats_versions_end(ec_write_ctx *w)
{
	size_t k;
	bool any = false;

	for (k = 0; w->vgroups && k < w->nversions; k++)
		any = any || w->vgroups[k];
	for (k = 0; any && k < w->nversions; k++) {
		w->groups = w->vgroups[k];
		w->version = w->vseeds[k];
		w->block = k;
		if (w->groups)
			write_groups_csv(w, w->vstats[k]);
	}
	return EC_OK;
}

/*
 * Roster: the id and data columns with their header names, total,
 * section.<s>, the points of each item present (key order; empty for a
 * mark not given yet), pending (when an item graded by hand has a column:
 * those of its marks not given yet) and flagged; the bytes
 * ec_roster_grade() writes itself.
 */
static bool has_marks(const ec_grader *g, const ec_roster_header *h)
{
	size_t c;

	for (c = 0; c < h->nitems; c++)
		if (g->items[h->items[c]].rule.scheme == EC_SCHEME_MANUAL)
			return true;
	return false;
}

static ec_status roster_begin(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h)
{
	char sec[32];
	size_t c;

	ec_write_csv_field(w->out, h->names[0]);
	for (c = 1; c < h->nnames; c++) {
		if (h->item[c] != EC_ROSTER_COLUMN_DATA)
			continue;
		putc(',', w->out);
		ec_write_csv_field(w->out, h->names[c]);
	}
	fputs(",total", w->out);
	for (c = 0; c < g->nsections; c++) {
		snprintf(sec, sizeof(sec), "section.%s", g->sections[c]);
		putc(',', w->out);
		ec_write_csv_field(w->out, sec);
	}
	for (c = 0; c < h->nitems; c++) {
		putc(',', w->out);
		ec_write_csv_field(w->out, g->items[h->items[c]].key.id);
	}
	fputs(has_marks(g, h) ? ",pending,flagged\n" : ",flagged\n", w->out);
	return EC_OK;
}

static ec_status roster_row(ec_write_ctx *w, const ec_grader *g, const ec_roster_header *h,
			    const ec_roster_row *row)
{
	char pts[32];
	size_t c;

	ec_write_csv_field(w->out, row->fields[0]);
	for (c = 1; c < h->nnames; c++) {
		if (h->item[c] != EC_ROSTER_COLUMN_DATA)
			continue;
		putc(',', w->out);
		if (c < row->nfields)
			ec_write_csv_field(w->out, row->fields[c]);
	}
	fprintf(w->out, ",%s", ec_points_format(row->total, pts));
	for (c = 0; c < g->nsections; c++)
		fprintf(w->out, ",%s", ec_points_format(row->sections[c], pts));
	for (c = 0; c < h->nitems; c++) {
		const ec_grade_result *r = &row->results[h->items[c]];

		fprintf(w->out, ",%s",
			r->verdict == EC_VERDICT_MANUAL ? "" : ec_points_format(r->points, pts));
	}
	if (has_marks(g, h)) {
		size_t n = 0;

		putc(',', w->out);
		for (c = 0; c < h->nitems; c++)
			if (row->results[h->items[c]].verdict == EC_VERDICT_MANUAL)
				fprintf(w->out, "%s%s", n++ ? " " : "", g->items[h->items[c]].key.id);
	}
	putc(',', w->out);
	ec_write_csv_field(w->out, row->flagged);
	putc('\n', w->out);
	return EC_OK;
}

const ec_writer ec_writer_csv = {
	.name = "csv",
	.key = {key_begin, key_item, NULL},
	.stats = {stats_begin, stats_item, stats_end, NULL, stats_versions_end},
	.roster = {roster_begin, roster_row, NULL},
};
