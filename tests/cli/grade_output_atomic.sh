# -o: the file appears whole or not at all, and no temporary file is left.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
printf "student,1.1,1.1\nann,T,T\n" > "$d/bad.csv"
$EC grade --key $k --roster "$d/bad.csv" -o "$d/out.csv" 2>/dev/null
[ $? = 65 ] || { echo "bad header: expected status 65"; exit 1; }
[ -z "$(ls "$d" | grep -v "^bad.csv$")" ] || { echo "bad header left files:"; ls "$d"; exit 1; }
$EC grade --key $k --roster tests/cli/data/roster.csv -o "$d/no-such-dir/out.csv" 2>/dev/null
[ $? = 74 ] || { echo "unwritable -o: expected status 74"; exit 1; }
$EC grade --key $k --roster tests/cli/data/roster.csv -o "$d/out.csv" || exit 1
cmp "$d/out.csv" tests/cli/grade_roster.out || exit 1
$EC grade --key $k --roster tests/cli/data/roster-bad.csv -o "$d/out2.csv" 2>/dev/null
[ $? = 65 ] || { echo "bad rows: expected status 65"; exit 1; }
cmp "$d/out2.csv" tests/cli/grade_roster_bad_rows.out || exit 1
[ "$(ls "$d" | wc -l)" = 3 ] || { echo "unexpected files:"; ls "$d"; exit 1; }
