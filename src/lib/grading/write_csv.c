/*
 * write_csv.c: the csv format: a header line, then comma-separated
 * fields, quoted where needed (ec_write_csv_field()).
 */
#include "writer.h"

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

const ec_writer ec_writer_csv = {
	.name = "csv",
	.key = {key_begin, key_item, NULL},
};
