# Bad rows are listed (FILE:LINE) and left out; the others are graded; exit 65.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-bad.csv
