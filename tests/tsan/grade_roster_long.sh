# Run by 'make tsan' (tests/run-tests.sh conventions: $EC, exit status 0).
# The roster cases of tests/cli/ fill a dozen batches at most, so the
# reading thread may be done before the writer starts and ThreadSanitizer
# sees no overlap. 100000 rows (about 400 batches of 256) keep both threads
# busy together; the output must equal the one-thread output.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	print "student,1.1,1.2,2.1,2.2,3.1.2,3.2.1.1.dims,3.2.2.1"
	split("T F true", tf, " "); split("AB ba C abd", mc, " ")
	for (i = 1; i <= 100000; i++)
		printf "s%d,%s,%s,%s,%s,%s,%s,%d\n", i, tf[i % 3 + 1], tf[(i + 1) % 3 + 1],
			mc[i % 4 + 1], mc[(i + 1) % 4 + 1], (i % 2 ? "-1/4" : "0.25"),
			(i % 5 ? "16x8x64x64" : "16x8x64"), 30 + i % 5
}' > "$tmp/roster.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" --stats -o "$tmp/a" > "$tmp/sa" || exit 1
EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$tmp/roster.csv" --stats -o "$tmp/b" > "$tmp/sb" || exit 1
cmp -s "$tmp/a" "$tmp/b" || { echo "outputs differ"; exit 1; }
cmp -s "$tmp/sa" "$tmp/sb" || { echo "--stats differ"; exit 1; }
[ "$(wc -l < "$tmp/a")" = 100001 ] || { echo "expected a header and 100000 graded rows"; exit 1; }
