$EC grade --key tests/cli/data/key-bad.tsv tests/cli/data/sheet.txt
