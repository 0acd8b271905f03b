$EC grade --key tests/cli/data/key.tsv --format json tests/cli/data/sheet.txt
