# The roster on standard input, the same as from the file.
$EC grade --key tests/cli/data/key.tsv --roster - < tests/cli/data/roster.csv | cmp - tests/cli/grade_roster.out
