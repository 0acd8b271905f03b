# The first column holds the student ids whatever its header says: one
# named 'variant' is the id column, not the column that picks each row's
# key, and the roster is graded against the key (1.1 T: ann right, 2
# points; bob wrong, -1), exit 0.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'Variant,1.1\nann,T\nbob,F\n' > "$d/r.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$d/r.csv"
