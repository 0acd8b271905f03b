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

static const char *const origin_names[] = {
	[EC_KEY_FROM_EXAM] = "exam",
	[EC_KEY_FROM_STAND_IN] = "stand-in",
	[EC_KEY_FROM_RECONSTRUCTION] = "reconstructed",
};

const char *ec_key_origin_name(ec_key_origin origin)
{
	if ((size_t)origin < sizeof(origin_names) / sizeof(origin_names[0]))
		return origin_names[origin];
	return "unknown";
}

ec_status ec_key_origin_parse(const char *name, ec_key_origin *origin)
{
	size_t i;

	for (i = 0; i < sizeof(origin_names) / sizeof(origin_names[0]); i++) {
		if (strcmp(name, origin_names[i]) == 0) {
			*origin = (ec_key_origin)i;
			return EC_OK;
		}
	}
	return EC_ERR_PARSE;
}

ec_status ec_key_add(ec_key *key, const char *id, ec_key_kind kind,
		     double points, const char *answer, ec_error *err)
{
	return ec_key_add_from(key, id, kind, points, answer, EC_KEY_FROM_EXAM, NULL, err);
}

ec_status ec_key_add_from(ec_key *key, const char *id, ec_key_kind kind, double points,
			  const char *answer, ec_key_origin origin, const char *data, ec_error *err)
{
	ec_key_item *item;

	if (!data)
		data = "";
	if ((size_t)origin >= sizeof(origin_names) / sizeof(origin_names[0]))
		return ec_error_set(err, EC_ERR_INVALID, "key item '%s' has no valid origin", id);
	if (strlen(data) >= sizeof(item->data))
		return ec_error_set(err, EC_ERR_INVALID, "data file name of '%s' is too long", id);
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
	item->origin = origin;
	strcpy(item->data, data);
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

bool ec_key_source_has(const ec_key_source *source, const ec_key_item *item)
{
	return item->origin == source->origin && strcmp(item->data, source->data) == 0;
}

size_t ec_key_sources(const ec_key *key, ec_key_source *out, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < key->count; i++) {
		const ec_key_item *it = &key->items[i];
		ec_key_source s = {it->origin, it->data, i, 0, 0};

		if (it->origin == EC_KEY_FROM_EXAM)
			continue;
		for (j = 0; j < i && !ec_key_source_has(&s, &key->items[j]); j++)
			;
		if (j < i) /* counted with the group of an earlier item */
			continue;
		for (j = i; j < key->count; j++) {
			if (ec_key_source_has(&s, &key->items[j])) {
				s.count++;
				s.points += key->items[j].points;
			}
		}
		if (n < max)
			out[n] = s;
		n++;
	}
	return n;
}

void ec_key_free(ec_key *key)
{
	free(key->items);
	key->items = NULL;
	key->count = key->capacity = 0;
	key->seed = 0;
}
