# grade --variant N grades against variant N's key: a sheet holding that
# key's answers earns every auto-graded point under --variant 7 and fewer
# against the exam's own key; on a roster too.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC variant --seed 7 --key --format tsv | awk -F'\t' '$4 != "manual" {print $1, $2}' > "$d/sheet"
$EC grade --variant 7 "$d/sheet" | grep '^Total'
$EC grade "$d/sheet" 2>/dev/null | grep '^Total'
$EC grade --variant original "$d/sheet" 2>/dev/null | grep '^Total'
{
	printf 'student'
	cut -d' ' -f1 "$d/sheet" | sed 's/^/,/' | tr -d '\n'
	printf '\nann'
	cut -d' ' -f2- "$d/sheet" | sed 's/^/,/' | tr -d '\n'
	printf '\n'
} > "$d/roster.csv"
$EC grade --variant 7 --roster "$d/roster.csv" | cut -d, -f1-5
