# EXAMCHECK_DATA names a copy of data/ whose figures were edited (standing
# for the real ones): the key is computed from supplied figures and no
# warning is printed; key and sheet json mark no item.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sed 's/^z = 3$/z = 2/' data/q3.1.1.graph > "$tmp/q3.1.1.graph"
sed 's/^1 0 2 1 0$/1 0 2 1 1/' data/q3.3.figure > "$tmp/q3.3.figure"
cp data/rubric "$tmp/rubric"
cmp -s "$tmp/q3.1.1.graph" data/q3.1.1.graph && { echo "graph not edited"; exit 1; }
cmp -s "$tmp/q3.3.figure" data/q3.3.figure && { echo "figure not edited"; exit 1; }
export EXAMCHECK_DATA="$tmp"
$EC key --format tsv >/dev/null; echo "key: status $?"
$EC key --format json | grep -c '"data"'
printf '1.1 T\n3.3.1 13\n' | $EC grade - >/dev/null; echo "grade sheet: status $?"
printf '1.1 T\n3.3.1 13\n' | $EC grade --format json - | grep -c '"data"'
$EC grade --roster tests/cli/data/roster.csv >/dev/null; echo "grade roster: status $?"
