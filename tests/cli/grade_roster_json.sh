# --format json writes the roster through the writer layer: one object a
# student with the totals and, per item present, the points and verdict.
# By hand (see grade_roster.sh): ann 12.5 (3.3.4 marked 1: right), Smith
# 7.5 (1.1 blank, 2.1 partial, 3.3.4 not marked: manual), O'Brien 7, dan 0.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv --format json
