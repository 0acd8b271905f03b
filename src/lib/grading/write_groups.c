/*
 * write_groups.c: the answer groups that --stats writes with an item's
 * statistics (ec_write_stats_groups()), in each format that writes
 * statistics: the json writer puts them in its item objects, text and csv
 * in a table after the items.
 */
#include "writer.h"

#include <math.h>

/* The groups of stats item `it`, or 0 when none are written. */
static size_t groups_of(const ec_write_ctx *w, const ec_stats_item *it,
			const ec_answer_group **g, uint64_t *other)
{
	*g = NULL;
	*other = 0;
	return w->groups ? ec_answer_groups_item(w->groups, it->source, g, other) : 0;
}

void write_groups_json(ec_write_ctx *w, const ec_stats_item *it)
{
	const ec_answer_group *g;
	uint64_t other;
	size_t n = groups_of(w, it, &g, &other), k;
	char pts[32];

	if (!w->groups)
		return;
	fputs(", \"answers\": [", w->out);
	for (k = 0; k < n; k++) {
		fputs(k ? ", {\"answer\": " : "{\"answer\": ", w->out);
		ec_write_json_string(w->out, g[k].answer);
		fprintf(w->out, ", \"count\": %llu, \"points\": %s, \"verdict\": \"%s\", \"mistake\": ",
			(unsigned long long)g[k].count,
			isfinite(g[k].points) ? ec_points_format(g[k].points, pts) : "null",
			ec_verdict_name(g[k].verdict));
		if (g[k].mistake[0])
			ec_write_json_string(w->out, g[k].mistake);
		else
			fputs("null", w->out);
		putc('}', w->out);
	}
	fprintf(w->out, "], \"answers_other\": %llu", (unsigned long long)other);
}

/* The text and csv tables: a line per group, then one for other; `sep` between fields. */
static void group_lines(ec_write_ctx *w, const ec_stats *s, bool csv)
{
	const char *sep = csv ? "," : "\t";
	size_t i, n, k;

	for (i = 0; i < s->nitems; i++) {
		const ec_stats_item *it = &s->items[i];
		const ec_answer_group *g;
		uint64_t other;
		char pts[32];

		n = groups_of(w, it, &g, &other);
		for (k = 0; k <= n; k++) {
			const char *answer = k < n ? g[k].answer : "(other)";
			const char *mistake = k < n ? g[k].mistake : "";

			if (k == n && !other)
				break;
			if (csv) {
				if (w->versions)
					fprintf(w->out, "%llu,", (unsigned long long)w->version);
				ec_write_csv_field(w->out, it->id);
				putc(',', w->out);
				ec_write_csv_field(w->out, answer);
			} else {
				fprintf(w->out, "%s\t%s", it->id, answer[0] ? answer : "-");
			}
			fprintf(w->out, "%s%llu%s%s%s%s%s", sep,
				(unsigned long long)(k < n ? g[k].count : other), sep,
				k < n ? ec_points_format(g[k].points, pts) : "", sep,
				k < n ? ec_verdict_name(g[k].verdict) : "other", sep);
			if (csv)
				ec_write_csv_field(w->out, mistake);
			else
				fputs(mistake[0] ? mistake : "-", w->out);
			putc('\n', w->out);
		}
	}
}

void write_groups_text(ec_write_ctx *w, const ec_stats *s)
{
	if (!w->groups || s->n == 0)
		return;
	fputs("\nitem\tanswer\tcount\tpoints\tverdict\tmistake\n", w->out);
	group_lines(w, s, false);
}

void write_groups_csv(ec_write_ctx *w, const ec_stats *s)
{
	if (!w->groups)
		return;
	if (!w->versions || !w->header_done)
		fputs(w->versions ? "\nvariant,id,answer,count,points,verdict,mistake\n"
				  : "\nid,answer,count,points,verdict,mistake\n",
		      w->out);
	w->header_done = true;
	group_lines(w, s, true);
}
