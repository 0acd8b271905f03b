# --stats-format takes text, csv or json; it needs a roster.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv --stats-format tsv
echo "status $?"
$EC grade --key tests/cli/data/key.tsv --stats-format json tests/cli/data/sheet.txt
echo "status $?"
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv --stats-format
echo "status $?"
