# BOM, CRLF, quoted fields, a subset of the ids in any order; a manual
# column (3.3.4) is read but not scored.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv
