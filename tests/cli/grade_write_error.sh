# A full disk is an error (74), not a silent truncation.
# Skipped (exit status 77) where there is no /dev/full.
[ -w /dev/full ] || { echo "no writable /dev/full" >&2; exit 77; }
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv > /dev/full 2>/dev/null
[ $? = 74 ] || exit 1
$EC grade --key tests/cli/data/key.tsv tests/cli/data/sheet.txt > /dev/full 2>/dev/null
[ $? = 74 ]
