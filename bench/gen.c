/*
 * gen.c: write a synthetic class roster (CSV) for a key file.
 *   gen KEY.tsv STUDENTS [SEED] > roster.csv
 * Each student answers every auto-graded item: right with probability
 * about 0.6, blank 0.05, else a plausible wrong answer in one of the
 * accepted spellings. Deterministic: a fixed xorshift64* generator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examcheck/ec_keyio.h"

static uint64_t state = 0x9E3779B97F4A7C15u;

static uint64_t next(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * UINT64_C(2685821657736338717);
}

static unsigned below(unsigned n)
{
	return (unsigned)((next() >> 33) % n);
}

static void wrong(const ec_key_item *it, char *out, size_t size)
{
	size_t i, n;

	switch (it->kind) {
	case EC_KEY_TF:
		snprintf(out, size, "%s", strcmp(it->answer, "T") == 0 ? "F" : "true");
		break;
	case EC_KEY_MC:
		n = 0;
		for (i = 0; i < 4; i++)
			if (below(2))
				n += (size_t)snprintf(out + n, size - n, "%s%c", n ? "," : "", 'A' + (int)i);
		if (!n)
			snprintf(out, size, "a");
		break;
	case EC_KEY_NUMBER:
		snprintf(out, size, "%g", atof(it->answer) + 0.5 + below(4));
		break;
	case EC_KEY_COUNT:
		snprintf(out, size, "%llu", strtoull(it->answer, NULL, 10) + 1 + below(9));
		break;
	case EC_KEY_DIMS:
		snprintf(out, size, "%s x 2", it->answer);
		break;
	case EC_KEY_MASK:
		snprintf(out, size, "%s", it->answer);
		out[below((unsigned)strlen(out))] ^= 1;
		break;
	case EC_KEY_MANUAL:
		out[0] = '\0';
		break;
	}
}

int main(int argc, char **argv)
{
	static char text[1 << 20];
	ec_key key = {0};
	ec_error err;
	unsigned long long students, s;
	size_t len, i;
	char buf[200];
	FILE *f;

	if (argc < 3) {
		fputs("usage: gen KEY.tsv STUDENTS [SEED]\n", stderr);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 66;
	}
	len = fread(text, 1, sizeof(text), f);
	fclose(f);
	ec_error_clear(&err);
	if (ec_key_parse_tsv(&key, text, len, argv[1], &err) != EC_OK) {
		fprintf(stderr, "gen: %s\n", ec_error_format(&err, buf, sizeof(buf)));
		return 65;
	}
	students = strtoull(argv[2], NULL, 10);
	if (argc > 3)
		state ^= strtoull(argv[3], NULL, 10) * UINT64_C(0xD1B54A32D192ED03);
	fputs("student", stdout);
	for (i = 0; i < key.count; i++)
		if (key.items[i].kind != EC_KEY_MANUAL)
			printf(",%s", key.items[i].id);
	putchar('\n');
	for (s = 0; s < students; s++) {
		printf("s%07llu", s);
		for (i = 0; i < key.count; i++) {
			const ec_key_item *it = &key.items[i];
			unsigned r = below(100);

			if (it->kind == EC_KEY_MANUAL)
				continue;
			if (r < 5)
				buf[0] = '\0';
			else if (r < 65)
				snprintf(buf, sizeof(buf), "%s", it->answer);
			else
				wrong(it, buf, sizeof(buf));
			putchar(',');
			if (strchr(buf, ','))
				printf("\"%s\"", buf);
			else
				fputs(buf, stdout);
		}
		putchar('\n');
	}
	ec_key_free(&key);
	return ferror(stdout) ? 74 : 0;
}
