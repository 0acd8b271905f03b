$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/no-such-roster.csv
