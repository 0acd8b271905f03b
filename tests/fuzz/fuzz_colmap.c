/*
 * fuzz_colmap.c: column maps (ec_column_map_parse(), ec_roster.h). The
 * input is read as a map; when it reads, every entry's header is a non-empty
 * string without blanks around it, its id a NUL-terminated item id and its
 * line positive and going forward, and ec_column_map_find() finds each
 * entry by its own header (the first with that header, any case). The
 * input is also looked up as a header in the map it gives.
 */
#include "fuzz.h"

#include "examcheck/ec_roster.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_column_map m;
	ec_error err;
	char *text = fuzz_strndup(data, size, 0);
	long last = 0;

	if (!text)
		return 0;
	ec_error_clear(&err);
	if (ec_column_map_parse(&m, text, size, "fuzz.map", &err) != EC_OK) {
		FUZZ_CHECK(m.count == 0 && m.entries == NULL);
		free(text);
		return 0;
	}
	FUZZ_CHECK(m.count > 0);
	for (size_t i = 0; i < m.count; i++) {
		const ec_column_map_entry *e = &m.entries[i];
		size_t n = strlen(e->header);
		long at;

		FUZZ_CHECK(n > 0 && e->header[0] != ' ' && e->header[n - 1] != ' ');
		FUZZ_CHECK(e->id[0] != '\0' && memchr(e->id, '\0', sizeof(e->id)) != NULL);
		FUZZ_CHECK(e->line > last);
		last = e->line;
		at = ec_column_map_find(&m, e->header);
		FUZZ_CHECK(at >= 0 && (size_t)at <= i);
	}
	(void)ec_column_map_find(&m, text);
	ec_column_map_free(&m);
	free(text);
	return 0;
}
