# Every accepted form of the right answers: each student gets all 17 points
# of the items in the roster (2.2 is not in it: blank, 0).
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/forms.csv
