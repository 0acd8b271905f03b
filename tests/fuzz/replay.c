/*
 * replay.c: run a harness without libFuzzer. `replay FILE...` reads each
 * file and hands its bytes to LLVMFuzzerTestOneInput(), the way libFuzzer
 * replays a corpus, so that 'make test' (and 'make sanitize', under ASan
 * and UBSan) exercises the committed corpus with the ordinary compiler.
 * tests/run-tests.sh runs it once per file, so that a crash names its
 * input. Exit status 0, or 1 when a file cannot be read; a crash ends the
 * process as it happens.
 */
#include "fuzz.h"

static int replay(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (!f) {
		fprintf(stderr, "replay: %s: cannot open\n", path);
		return 1;
	}
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			grown = realloc(data, cap);
			if (!grown) {
				fprintf(stderr, "replay: %s: out of memory\n", path);
				free(data);
				fclose(f);
				return 1;
			}
			data = grown;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		free(data);
		fclose(f);
		return 1;
	}
	fclose(f);
	/* an exact-size copy, so that ASan sees a read past the input */
	grown = malloc(len ? len : 1);
	if (!grown) {
		free(data);
		return 1;
	}
	if (len)
		memcpy(grown, data, len);
	free(data);
	LLVMFuzzerTestOneInput(grown, len);
	free(grown);
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		status |= replay(argv[i]);
	return status;
}
