# Bidirectional controls and other format characters, which would make a
# terminal show text other than it is, are escaped wherever examcheck
# quotes what it was given: a message quoting a file name (U+202E
# RIGHT-TO-LEFT OVERRIDE, bytes E2 80 AE, shown \u202E), a roster's JSON
# (U+2066 LEFT-TO-RIGHT ISOLATE, E2 81 A6, as \u2066) and a --feedback
# report (both). No raw E2 80 AE or E2 81 A6 is left in any of them.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
rlo=$(printf '\342\200\256')
lri=$(printf '\342\201\246')
$EC grade --key tests/cli/data/key.tsv --roster "$d/exe${rlo}fdp.csv" 2>&1 | sed "s|$d/||"
printf 'student,1.1\nann%sx,T%s\nbob,F\n' "$rlo" "$lri" > "$d/r.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$d/r.csv" --format json -o "$d/out.json" --feedback "$d/fb" 2>/dev/null
grep -o '"student": "[^"]*"' "$d/out.json"
sed -n '1p;/answer/p' "$d/fb/ann___x.txt"
raw=$(cat "$d/out.json" "$d/fb"/* | grep -c "$rlo\|$lri")
echo "raw format characters left: $raw"
