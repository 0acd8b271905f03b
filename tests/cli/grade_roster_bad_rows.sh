# Every student keeps a row: an unreadable cell scores 0 and is flagged, a
# short row is graded with blanks, an empty id is graded, and eve, whose
# quote never closes, is graded from her line (1.1 unreadable, 0, flagged;
# the rest blank, 0). Each problem is listed (FILE:LINE); exit 65.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-bad.csv
