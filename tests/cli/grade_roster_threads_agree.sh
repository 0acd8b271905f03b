# The roster is read in chunks that two threads parse and score;
# EXAMCHECK_SINGLE_THREAD=1 does everything in one thread. Both must give
# the same bytes on stdout, the same messages and the same exit status, on
# a roster of 3001 rows (several chunks) with a flagged row in the middle,
# quoted names with line breaks and CRLF line ends.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	print "student,1.1,2.1,2.2,3.1.2,3.2.1.1.dims,3.2.2.1"
	split("T F true", tf, " "); split("AB ba C abd", mc, " ")
	for (i = 1; i <= 3001; i++) {
		if (i == 1500) { print "bad" i ",T,AZ,AB,1,2,3"; continue }
		printf (i % 11 == 0 ? "\"s\n%d\"" : "s%d"), i
		printf ",%s,%s,%s,%s,%s,%d%s\n", (i % 7 == 0 ? "" : tf[i % 3 + 1]),
			mc[i % 4 + 1], mc[(i + 1) % 4 + 1], (i % 2 ? "-1/4" : "0.25"),
			(i % 5 ? "16x8x64x64" : "16x8x64"), 30 + i % 5, (i % 3 ? "" : "\r")
	}
}' > "$tmp/roster.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" > "$tmp/a" 2> "$tmp/ea"
sa=$?
EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" > "$tmp/b" 2> "$tmp/eb"
sb=$?
[ "$sa" = 65 ] && [ "$sb" = 65 ] || { echo "statuses $sa $sb, expected 65 (one bad row)"; cat "$tmp/ea"; exit 1; }
cmp -s "$tmp/a" "$tmp/b" || { echo "outputs differ"; diff "$tmp/a" "$tmp/b" | head; exit 1; }
cmp -s "$tmp/ea" "$tmp/eb" || { echo "messages differ"; exit 1; }
# a header, 3001 rows, and 272 more lines for the names holding a line break
[ "$(wc -l < "$tmp/a")" = 3274 ] || { echo "expected 3001 graded rows"; exit 1; }
grep -q '^bad1500,.*,2\.1$' "$tmp/a" || { echo "the flagged row is not graded and flagged"; exit 1; }
grep -q ":$((1501 + 1499 / 11)): column '2.1'" "$tmp/ea" || { echo "the flagged row is not reported at its line"; cat "$tmp/ea"; exit 1; }
# A run that hands every row to the statistics reads each record through the
# general CSV path; a plain run reads most of them in one pass from the
# chunk: the graded CSV must be the same bytes.
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" --stats -o "$tmp/c" > /dev/null 2>&1
cmp -s "$tmp/a" "$tmp/c" || { echo "the general and the one-pass paths differ"; diff "$tmp/a" "$tmp/c" | head; exit 1; }
