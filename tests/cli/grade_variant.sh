# grade --variant N grades against variant N's key: a sheet holding that
# key's answers earns every auto-graded point under --variant 7 and fewer
# against the exam's own key; on a roster too.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC variant --seed 7 --key --format tsv | awk -F'\t' '!/^#/ && $4 != "manual" {print $1, $2}' > "$d/sheet"
$EC grade --variant 7 "$d/sheet" | grep '^Total'
# against the exam's key (with or without --variant original): the same
# total, below 93 (the variant's numbers differ)
a=$($EC grade "$d/sheet" 2>/dev/null | sed -n 's/^Total: \([^/]*\)\/93.*/\1/p')
b=$($EC grade --variant original "$d/sheet" 2>/dev/null | sed -n 's/^Total: \([^/]*\)\/93.*/\1/p')
[ -n "$a" ] && [ "$a" = "$b" ] && awk -v t="$a" 'BEGIN { exit !(t < 93) }' ||
	echo "against the exam's key: '$a' and '$b', expected one total below 93"
{
	printf 'student'
	cut -d' ' -f1 "$d/sheet" | sed 's/^/,/' | tr -d '\n'
	printf '\nann'
	cut -d' ' -f2- "$d/sheet" | sed 's/^/,/' | tr -d '\n'
	printf '\n'
} > "$d/roster.csv"
$EC grade --variant 7 --roster "$d/roster.csv" | cut -d, -f1-5
