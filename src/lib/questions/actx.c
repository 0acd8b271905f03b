#include "question.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool ec_showing(const ec_actx *a)
{
	return a->out != NULL;
}

void ec_say(ec_actx *a, const char *fmt, ...)
{
	va_list ap;

	if (!a->out)
		return;
	va_start(ap, fmt);
	vfprintf(a->out, fmt, ap);
	va_end(ap);
}

void ec_answer(ec_actx *a, const char *fmt, ...)
{
	va_list ap;

	if (!a->out)
		return;
	fputs("Answer: ", a->out);
	va_start(ap, fmt);
	vfprintf(a->out, fmt, ap);
	va_end(ap);
	fputc('\n', a->out);
	if (a->q)
		fprintf(a->out, "Q%s. %s (%g point%s)\n\n", a->q->id, a->q->title,
			a->q->points, a->q->points == 1 ? "" : "s");
}

static int vkeyf(ec_actx *a, const char *data, ec_key_origin origin, const char *id,
		 ec_key_kind kind, double points, const char *fmt, va_list ap)
{
	char answer[sizeof(((ec_key_item *)0)->answer) + 1];
	int n;

	n = vsnprintf(answer, sizeof(answer), fmt, ap);
	if (n < 0 || (size_t)n >= sizeof(answer) - 1) {
		ec_error_set(&a->err, EC_ERR_INVALID, "key answer of '%s' is too long", id);
		return -1;
	}
	return ec_key_add_from(a->key, id, kind, points, answer, origin, data, &a->err) == EC_OK
		       ? 0
		       : -1;
}

int ec_keyf(ec_actx *a, const char *id, ec_key_kind kind, double points,
	    const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (!a->key)
		return 0;
	va_start(ap, fmt);
	rc = vkeyf(a, NULL, EC_KEY_FROM_EXAM, id, kind, points, fmt, ap);
	va_end(ap);
	return rc;
}

int ec_keyf_data(ec_actx *a, const char *data, ec_key_origin origin, const char *id,
		 ec_key_kind kind, double points, const char *fmt, ...)
{
	va_list ap;
	int rc;

	if (!a->key)
		return 0;
	va_start(ap, fmt);
	rc = vkeyf(a, data, origin, id, kind, points, fmt, ap);
	va_end(ap);
	return rc;
}

void ec_option_add(char key[static 11], char shown[static 31], char letter)
{
	size_t k = strlen(key), s = strlen(shown);

	if (k >= 10)
		return;
	if (s) {
		memcpy(shown + s, ", ", 3);
		s += 2;
	}
	shown[s] = letter;
	shown[s + 1] = '\0';
	key[k] = letter;
	key[k + 1] = '\0';
}
