/*
 * fuzz.h: what every harness under tests/fuzz/ shares. A harness defines
 * LLVMFuzzerTestOneInput(); it is linked either with libFuzzer ('make
 * fuzz') or with replay.c, which feeds it the committed corpus ('make
 * test'). A harness prints nothing, exits never and frees everything; a
 * broken promise of the library ends in abort(), which both drivers
 * report.
 */
#ifndef EC_FUZZ_H
#define EC_FUZZ_H

/* fmemopen() and open_memstream() (the Makefile defines it too) */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A copy of data[0, size) with a NUL after it and `slack` more zero bytes,
 * for the calls that take a C string (which then ends at the first NUL of
 * the input) or that document a readable tail. NULL when memory runs out.
 */
static inline char *fuzz_strndup(const uint8_t *data, size_t size, size_t slack)
{
	char *s = malloc(size + 1 + slack);

	if (s) {
		if (size)
			memcpy(s, data, size);
		memset(s + size, 0, 1 + slack);
	}
	return s;
}

/*
 * A stream reading data[0, size) (glibc's fmemopen() refuses a size of 0:
 * an empty input is a one-byte buffer whose byte has been read). NULL
 * when it cannot be opened. Close with fclose().
 */
static inline FILE *fuzz_open(const uint8_t *data, size_t size)
{
	static char empty[1];
	FILE *f = fmemopen(size ? (void *)(uintptr_t)data : empty, size ? size : 1, "rb");

	if (f && size == 0)
		(void)fgetc(f);
	return f;
}

/*
 * Unless `cond` holds, say which promise of a header was broken and
 * abort(): the only output a harness ever makes.
 */
#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

#endif
