/*
 * fuzz_layers.c: layer lists in the exam's notation (ec_layers.h), as
 * `examcheck net` and `examcheck rf` read them. The input, as a C string
 * (it ends at its first NUL), is parsed with ec_layers_parse(); a list
 * that parses is walked (ec_layers_walk(), ec_layers_totals()) and its
 * receptive fields computed (ec_layers_rf(), ec_rf_start2()), as both
 * commands do.
 */
#include "fuzz.h"

#include "examcheck/ec_layers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ec_layer_list list = {NULL, 0};
	ec_layer_stats *stats;
	ec_layer_stats total;
	ec_layer_rf *rfs;
	ec_error err;
	char *spec = fuzz_strndup(data, size, 0);

	if (!spec)
		return 0;
	ec_error_clear(&err);
	if (ec_layers_parse(spec, &list, &err) != EC_OK) {
		FUZZ_CHECK(list.layers == NULL);
		free(spec);
		return 0;
	}
	free(spec);
	FUZZ_CHECK(list.count >= 1);
	for (size_t i = 0; i < list.count; i++)
		FUZZ_CHECK(memchr(list.layers[i].name, '\0', sizeof(list.layers[i].name)));
	stats = calloc(list.count, sizeof(*stats));
	rfs = calloc(list.count, sizeof(*rfs));
	if (stats && rfs) {
		if (ec_layers_walk(&list, stats, &err) == EC_OK &&
		    ec_layers_totals(stats, list.count, &total, &err) == EC_OK) {
			for (size_t i = 0; i < list.count; i++)
				FUZZ_CHECK(stats[i].rank >= 1 &&
					   stats[i].rank <= 1 + EC_MAX_SPATIAL);
		}
		if (ec_layers_rf(&list, rfs, &err) == EC_OK) {
			for (size_t i = 0; i < list.count; i++) {
				int64_t twice;

				FUZZ_CHECK(rfs[i].nspatial <= EC_MAX_SPATIAL);
				for (size_t k = 0; k < rfs[i].nspatial; k++)
					(void)ec_rf_start2(&rfs[i].rf[k], &twice, &err);
			}
		}
	}
	free(rfs);
	free(stats);
	ec_layers_free(&list);
	return 0;
}
