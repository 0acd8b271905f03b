# A sheet with several answer forms, scored against a small key.
$EC grade --key tests/cli/data/key.tsv tests/cli/data/sheet.txt
