$EC grade --variant 7 --key tests/cli/data/key.tsv sheet.txt
$EC grade --variant x7 sheet.txt
$EC grade --variant 9223372036854775808 sheet.txt
