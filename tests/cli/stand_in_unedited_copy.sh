# A copy left identical to the built-in file is still the stand-in, wherever
# EXAMCHECK_DATA puts it: here q3.1.1.graph is edited and q3.3.figure is
# not, so the warning names only 3.3.1 (4), 3.3.2 (4), 3.3.3 (2) and 3.3.7
# (1): 11 points.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sed 's/^z = 3$/z = 2/' data/q3.1.1.graph > "$tmp/q3.1.1.graph"
$EC data q3.3.figure > "$tmp/q3.3.figure"
$EC data rubric > "$tmp/rubric"
EXAMCHECK_DATA="$tmp" $EC key --format tsv >/dev/null
