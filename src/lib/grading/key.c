#include "examcheck/ec_key.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
	[EC_KEY_TF] = "tf",	[EC_KEY_MC] = "mc",	[EC_KEY_NUMBER] = "number",
	[EC_KEY_COUNT] = "count", [EC_KEY_DIMS] = "dims", [EC_KEY_MASK] = "mask",
	[EC_KEY_MANUAL] = "manual",
};

const char *ec_key_kind_name(ec_key_kind kind)
{
	if ((size_t)kind < sizeof(kind_names) / sizeof(kind_names[0]))
		return kind_names[kind];
	return "unknown";
}

ec_status ec_key_kind_parse(const char *name, ec_key_kind *kind)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++) {
		if (strcmp(name, kind_names[i]) == 0) {
			*kind = (ec_key_kind)i;
			return EC_OK;
		}
	}
	return EC_ERR_PARSE;
}

ec_status ec_key_add(ec_key *key, const char *id, ec_key_kind kind,
		     double points, const char *answer, ec_error *err)
{
	ec_key_item *item;

	if (strlen(id) >= sizeof(item->id))
		return ec_error_set(err, EC_ERR_INVALID, "key id '%s' is too long", id);
	if (strlen(answer) >= sizeof(item->answer))
		return ec_error_set(err, EC_ERR_INVALID,
				    "key answer of '%s' is too long", id);
	if (ec_key_find(key, id))
		return ec_error_set(err, EC_ERR_INVALID, "key id '%s' is repeated", id);
	if (!(points >= 0 && points <= EC_POINTS_MAX))
		return ec_error_set(err, EC_ERR_RANGE, "points of '%s' are not a number from 0 to %.0f",
				    id, EC_POINTS_MAX);
	if (key->count == key->capacity) {
		size_t cap = key->capacity ? 2 * key->capacity : 64;
		ec_key_item *grown = realloc(key->items, cap * sizeof(*grown));

		if (!grown)
			return ec_error_set(err, EC_ERR_NOMEM, "out of memory");
		key->items = grown;
		key->capacity = cap;
	}
	item = &key->items[key->count++];
	memset(item, 0, sizeof(*item));
	strcpy(item->id, id);
	strcpy(item->answer, answer);
	item->kind = kind;
	item->points = points;
	return EC_OK;
}

const ec_key_item *ec_key_find(const ec_key *key, const char *id)
{
	size_t i;

	for (i = 0; i < key->count; i++)
		if (strcmp(key->items[i].id, id) == 0)
			return &key->items[i];
	return NULL;
}

void ec_key_free(ec_key *key)
{
	free(key->items);
	key->items = NULL;
	key->count = key->capacity = 0;
}
