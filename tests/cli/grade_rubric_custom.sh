# A stricter rubric: a wrong true/false answer costs 2, mc all or nothing.
$EC grade --key tests/cli/data/key.tsv --rubric tests/cli/data/rubric-strict.txt --roster tests/cli/data/mc-examples.csv
