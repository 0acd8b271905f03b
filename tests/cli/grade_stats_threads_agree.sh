# --stats and --report of a roster of true/false and multiple-choice
# answers: the roster's threads count most students where they read them
# and hand the class the counts at the end; flagged rows still come one by
# one. One thread or two, the statistics (text, CSV, JSON) and the report
# must be the same bytes.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	print "student,1.1,1.2,2.1,2.2"
	split("T F true t f", tf, " "); split("AB ba C abd A,B", mc, " ")
	for (i = 1; i <= 5000; i++) {
		x = (i * 7919) % 1009
		printf "s%d,%s,%s,", i, (x % 9 == 0 ? "" : tf[x % 5 + 1]), tf[(x / 5) % 5 + 1]
		printf "\"%s\",%s\n", mc[x % 5 + 1], (i % 997 == 0 ? "AZ" : mc[(x / 3) % 5 + 1])
	}
}' > "$tmp/roster.csv"
for f in text csv json; do
	$EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" --stats-format $f \
		-o /dev/null > "$tmp/a.$f" 2> /dev/null
	EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" \
		--stats-format $f -o /dev/null > "$tmp/b.$f" 2> /dev/null
	cmp -s "$tmp/a.$f" "$tmp/b.$f" || { echo "--stats-format $f differs"; diff "$tmp/a.$f" "$tmp/b.$f" | head; exit 1; }
done
# every student counted: 5000 in the text, and the five flagged (AZ) among the answers
grep -q '^students	5000$' "$tmp/a.text" || { echo "not 5000 students"; head -3 "$tmp/a.text"; exit 1; }
grep -q '"students": 5000' "$tmp/a.json" || { echo "json: not 5000 students"; exit 1; }
grep -q '"answer": "AZ", "count": 5,' "$tmp/a.json" || { echo "the five unreadable answers are not a group"; exit 1; }
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" --report "$tmp/a.html" -o /dev/null 2> /dev/null
EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" \
	--report "$tmp/a.html.1" -o /dev/null 2> /dev/null
sed 's/a\.html\.1/a.html/' "$tmp/a.html.1" | cmp -s "$tmp/a.html" - || { echo "the reports differ"; exit 1; }
exit 0
