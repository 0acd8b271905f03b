# --stats with -o: the CSV goes to the file, the summary to standard output.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/mc-examples.csv --stats -o "$d/out.csv" || exit 1
echo "--- out.csv"
cat "$d/out.csv"
