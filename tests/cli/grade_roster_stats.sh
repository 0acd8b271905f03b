# --stats with -o: the CSV goes to the file, the summary to standard output.
# Only 2.1 and 2.2 have columns. By hand: 2.1 scores 4 2 2 0 0 0 4 4 (mean
# 2, deviations 2 0 0 -2 -2 -2 2 2, squares 24), 2.2 scores 4 4 4 4 4 4 0 0
# (mean 3, deviations 1 x6, -3 x2, squares 24); each is the other's rest:
# sum of products -16, r = -16/24 = -0.6667 for both. Totals 8 6 6 4 4 4 4 4
# (mean 5, squares 16): alpha = 2 (1 - 48/16) = -4. 27% of 8 rounds to 2:
# the upper group is total >= 6 (3 students: 2.1 right once, 2.2 three
# times), the lower total <= 4 (5 students, tied: 2.1 right twice, 2.2
# three times).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/mc-examples.csv --stats -o "$d/out.csv" || exit 1
echo "--- out.csv"
cat "$d/out.csv"
