# practice scores a variant's own key as full marks: the answers of
# 'variant --seed N --key --format tsv' piped in, one a line, in key order
# (practice asks in exam order, which is the key's). 3.2.1 is worth 6
# points whatever the network's layer count (2/7 an item for the exam's
# 7 rows); the whole
# exam's auto-graded items 100 - 7 (3.3.4 1, 3.3.5 2, 3.3.6 2 and
# 3.3.7.why 2 are graded by hand and not asked). Every answer is right
# (as many '(right)' verdicts as answers given, none left unasked), and
# the run ends with the total and the worked answers' commands.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
all_right() { # FILE N: "all N right" said without N, so that draws may change N
	r=$(grep -c "$1" "$d/out")
	if [ "$r" = "$2" ] && [ "$2" -gt 0 ]; then echo "all right"; else echo "$r right of $2"; fi
}
for seed in 0 7 201; do
	$EC variant --seed $seed --key --format tsv > "$d/key" 2>/dev/null
	awk -F'\t' '$1 ~ /^3\.2\.1\./ { print $2 }' "$d/key" > "$d/answers"
	$EC practice --seed $seed 3.2.1 < "$d/answers" > "$d/out"
	echo "seed $seed 3.2.1: status $?, $(all_right '^3\.2\.1\.[0-9]*\.[a-z]*? Points: \([0-9/]*\) of \1 (right)$' "$(wc -l < "$d/answers")")"
	sed -n '/^Score/,$p' "$d/out"
	awk -F'\t' '!/^#/ && $4 != "manual" { print $2 }' "$d/key" > "$d/answers"
	$EC practice --seed $seed < "$d/answers" > "$d/out"
	echo "seed $seed all: status $?, $(all_right '? Points: .* (right)$' "$(wc -l < "$d/answers")")"
	grep -c 'not asked)' "$d/out"
	grep -e '^Total:' -e '^Graded by hand' "$d/out"
done
