$EC grade --key tests/cli/data/key.tsv tests/cli/data/no-such-sheet.txt
