/* mc.c: answers and letters of multiple-choice questions by shown position (mc.h). */
#include "mc.h"

#include <stdio.h>

void ec_mc_answer(const ec_exam_params *p, const char *id, size_t n, const bool *holds,
		  char key[static 11], char shown[static 31])
{
	size_t pos;

	key[0] = shown[0] = '\0';
	for (pos = 0; pos < n; pos++)
		if (holds[ec_option_at(p, id, pos)])
			ec_option_add(key, shown, (char)('A' + pos));
}

size_t ec_mc_letters(const ec_exam_params *p, const char *id, size_t n, const bool *pick,
		     const char *sep, const char *last, char *buf, size_t size)
{
	size_t pos, total = 0, done = 0, used = 0;

	for (pos = 0; pos < n; pos++)
		total += pick[ec_option_at(p, id, pos)];
	if (size)
		buf[0] = '\0';
	for (pos = 0; pos < n; pos++) {
		int w;

		if (!pick[ec_option_at(p, id, pos)])
			continue;
		done++;
		if (used >= size)
			continue;
		w = snprintf(buf + used, size - used, "%s%c",
			     done == 1	     ? ""
			     : done == total ? last
					     : sep,
			     (char)('A' + pos));
		if (w > 0)
			used += (size_t)w;
	}
	return total;
}

size_t ec_mc_others(const ec_exam_params *p, const char *id, size_t n, size_t none,
		    const bool *holds, bool holding, const char *sep, const char *last, char *buf,
		    size_t size)
{
	bool pick[26];
	size_t k;

	for (k = 0; k < n && k < 26; k++)
		pick[k] = k != none && (!holding || holds[k]);
	return ec_mc_letters(p, id, n < 26 ? n : 26, pick, sep, last, buf, size);
}

void ec_mc_facts_answer(ec_item_facts *f)
{
	char letters[EC_EXPLAIN_OPTIONS + 1];
	size_t i, n = 0;

	for (i = 0; i < f->noptions; i++)
		if (f->options[i].holds)
			letters[n++] = f->options[i].letter;
	letters[n] = '\0';
	ec_facts_answer(f, "%s", letters);
}
