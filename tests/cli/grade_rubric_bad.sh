$EC grade --key tests/cli/data/key.tsv --rubric tests/cli/data/rubric-bad.txt tests/cli/data/sheet.txt
