/*
 * write_tsv.c: the tsv format: tab-separated lines, no header.
 */
#include "writer.h"

/* Key: "id<TAB>answer<TAB>points<TAB>kind", points exact (2/7): the key-file format. */
static ec_status key_item(ec_write_ctx *w, const ec_key_item *it)
{
	char pts[32];

	fprintf(w->out, "%s\t%s\t%s\t%s\n", it->id, it->answer,
		ec_points_format_exact(it->points, pts), ec_key_kind_name(it->kind));
	return EC_OK;
}

/* A variant's key says which exam it is of, so that check and grade explain that exam. */
static ec_status key_begin(ec_write_ctx *w, const ec_key *key)
{
	if (key->seed)
		fprintf(w->out, "# variant %llu\n", (unsigned long long)key->seed);
	return EC_OK;
}

const ec_writer ec_writer_tsv = {
	.name = "tsv",
	.key = {key_begin, key_item, NULL},
};
