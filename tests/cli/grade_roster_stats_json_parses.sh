# The JSON of --stats-format json parses, NaN and Infinity refused; also
# for a class of one, where sd is 0 and every correlation undefined
# (null). Needs python3: without it the case is skipped (exit status 77).
command -v python3 >/dev/null 2>&1 || { echo "no python3" >&2; exit 77; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
check='import json, sys
def refuse(c):
    sys.exit("not JSON: " + c)
json.load(sys.stdin, parse_constant=refuse)
print("ok")'
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv \
	--stats-format json -o "$d/out.csv" 2>/dev/null | python3 -c "$check"
head -n 2 tests/cli/data/roster-stats.csv > "$d/one.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$d/one.csv" \
	--stats-format json -o "$d/out.csv" | python3 -c "$check"
