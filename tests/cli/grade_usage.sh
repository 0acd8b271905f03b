# Usage errors: exit status 2.
k=tests/cli/data/key.tsv
$EC grade; echo "status $?"
$EC grade --key $k tests/cli/data/sheet.txt --roster tests/cli/data/roster.csv; echo "status $?"
$EC grade --key $k --format csv tests/cli/data/sheet.txt; echo "status $?"
$EC grade --key $k --format gradescope --roster tests/cli/data/roster.csv; echo "status $?"
$EC grade --key $k --stats tests/cli/data/sheet.txt; echo "status $?"
$EC grade --key $k --frobnicate tests/cli/data/sheet.txt; echo "status $?"
$EC grade --key $k a.txt b.txt; echo "status $?"
$EC grade --key; echo "status $?"
