$EC grade --key tests/cli/data/key.tsv --accept 2.1=AZ tests/cli/data/sheet.txt
