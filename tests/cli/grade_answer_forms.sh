# Every accepted form of the right answers: each student gets all 17 points
# of the items in the roster (2.2 is not in it: blank, 0), except that
# 'mixed' writes 3.1.2 as -0.2500001: 7 significant figures, and the key
# -0.25 to 7 figures is -0.2500000, so the last figure is wrong and the
# default rule gives 0 of 5 (12 in all, section 3: 9 - 5 = 4).
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/forms.csv
