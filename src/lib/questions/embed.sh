#!/bin/sh
# embed.sh FILE...: write C source to stdout that builds the given data files
# into the binary as the table ec_embedded[] (name = file's base name).
# Bytes are written as integers so no string-length limit applies.
set -e
i=0
for f in "$@"; do
	printf 'static const char d%d[] = {' "$i"
	od -An -v -tu1 "$f" | tr -s ' \n' '  ' | sed -e 's/^ *//' -e 's/ *$//' -e 's/ /,/g' -e 's/..*/&,/'
	printf '0};\n'
	i=$((i + 1))
done
printf '#include <stddef.h>\n'
printf 'struct ec_embedded { const char *name; const char *text; size_t size; };\n'
printf 'const struct ec_embedded ec_embedded[] = {\n'
i=0
for f in "$@"; do
	printf '\t{"%s", d%d, sizeof(d%d) - 1},\n' "$(basename "$f")" "$i" "$i"
	i=$((i + 1))
done
printf '\t{NULL, NULL, 0}\n};\n'
