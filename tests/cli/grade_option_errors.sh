# A flag given a value, a short option without its value and an unknown
# short option are one-line errors naming grade, exit 2.
k=tests/cli/data/key.tsv
$EC grade --key $k --roster tests/cli/data/roster.csv --stats=yes; echo "status $?"
$EC grade --key $k tests/cli/data/sheet.txt -o; echo "status $?"
$EC grade --key $k -x tests/cli/data/sheet.txt; echo "status $?"
$EC grade --key $k --output; echo "status $?"
