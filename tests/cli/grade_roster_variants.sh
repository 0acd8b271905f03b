# A roster whose column 'variant' names each student's version of the exam:
# every row is graded against its own variant's key. Each student here
# wrote their key's answers, built from 'examcheck variant --seed N --key':
# ann the exam's (variant 0), bob variant 7's, cat variant 9's, dan the
# exam's under a cell naming no variant ('x': flagged, graded against the
# exam's own key), eve the exam's under a blank cell (the exam itself).
#
# Each gets 93, every auto-graded point, whatever the variant: section 1
# is 10 true/false items of 2 points (20), section 2 10 multiple-choice
# items of 4 (40), section 3 is 3.1.1 5 + 3.1.2 5 + 3.2.1 6 + 3.2.2 3 +
# 3.2.3 3 + 3.3.1 4 + 3.3.2 4 + 3.3.3 2 + 3.3.7 1 = 33; 3.3.4-3.3.6 and
# 3.3.7.why (7 points) are marked by hand and left blank. A variant keeps
# these points: 3.1.1's 5 are split evenly over its graph's nodes (9 in
# the exam's graph, 7 in variants 7 and 9: 3.1.1.n5 is the exam's only,
# worth 5/9 = 0.555556) and 3.2.1's 6 over its rows' dims, weights and
# biases (7 rows in the exam, 6 in variant 7, worth 6/18 = 0.333333 each,
# 8 in variant 9: 3.2.1.8.dims is variant 9's only, worth 6/24 = 0.25). A
# row leaves empty the columns its key lacks. The item columns follow the
# header, the union of the three keys' ids in the order first met
# (variant 9's 3.2.1.8.* last).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
for s in 0 7 9; do
	$EC variant --seed $s --key --format tsv 2>/dev/null | awk -F'\t' '!/^#/ && $4 != "manual"' > "$d/key$s" || exit 1
done
awk -F'\t' '!seen[$1]++ { printf ",%s", $1 }' "$d/key0" "$d/key7" "$d/key9" > "$d/ids"
row() { # row STUDENT VARIANT KEYFILE: the student's answers, a column per id
	awk -F'\t' -v ids="$(cat "$d/ids")" -v who="$1,$2" '{ a[$1] = $2 }
	END {
		n = split(substr(ids, 2), id, ",")
		printf "%s", who
		for (i = 1; i <= n; i++) {
			v = a[id[i]]
			if (v ~ /[,"]/) { gsub(/"/, "\"\"", v); v = "\"" v "\"" }
			printf ",%s", v
		}
		print ""
	}' "$3"
}
{
	printf 'student,Variant%s\n' "$(cat "$d/ids")"
	row ann 0 "$d/key0"
	row bob 7 "$d/key7"
	row cat 9 "$d/key9"
	row dan x "$d/key0"
	row eve '' "$d/key0"
} > "$d/roster.csv"
pick() { # the columns student, Variant, total, section.*, 3.1.1.n5, 3.2.1.8.dims, flagged
	awk -F, 'function col(name) { return name in at ? $at[name] : "(no column " name ")" }
	NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i }
	{ print $1 "," $2 "," $3 "," $4 "," $5 "," $6 "," col("3.1.1.n5") "," col("3.2.1.8.dims") "," $NF }'
}
$EC grade --roster "$d/roster.csv" > "$d/out.csv" 2> "$d/err"
echo "status $?"
pick < "$d/out.csv"
grep -v '^examcheck: grade: warning: ' "$d/err" | sed "s|$d/||"
echo "--- from a pipe, with --stats: the same CSV, and a block per variant"
cat "$d/roster.csv" | $EC grade --roster - --stats -o "$d/piped.csv" 2>/dev/null |
	grep -E '^(variant|students|mean)'
cmp "$d/out.csv" "$d/piped.csv" && echo "the same CSV"
echo "--- --stats-format csv: a first column 'variant'"
$EC grade --roster "$d/roster.csv" --stats-format csv -o "$d/piped.csv" 2>/dev/null |
	awk -F, 'NR == 1 || $2 == "2.1" { print $1 "," $2 "," $3 "," $4 "," $5 }'
# JSON lists a row's own items: the exam's 61 auto-graded ones (20 in
# sections 1 and 2, 9 nodes of 3.1.1, 3.1.2, 21 of 3.2.1, 3 + 3 of 3.2.2
# and 3.2.3, 3.3.1-3.3.3 and 3.3.7), variant 7's 56 (7 nodes, 18 of
# 3.2.1), variant 9's 62 (7 nodes, 24 of 3.2.1)
echo "--- --format json: student, variant, total, items, flagged"
$EC grade --roster "$d/roster.csv" --format json 2>/dev/null |
	awk '/"student"/ { n = gsub(/"points"/, ""); print $0 " " n }' |
	sed -n 's/.*"student": "\([a-z]*\)", "data": {"Variant": \("[^"]*"\)}, "total": \([0-9]*\),.*"flagged": \(.*\)}.* \([0-9]*\)$/\1 \2 \3 \5 \4/p'
