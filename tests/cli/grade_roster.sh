# BOM, CRLF, quoted fields, a subset of the ids in any order; the column of
# 3.3.4 (graded by hand) holds the marks given: 1, none yet, 0.5, none.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv
