# A roster whose fields are separated by ';' or tabs (as exports of many
# locales are) is read in chunks by two threads like one separated by ','.
# The same 3001 students are written three times, with ',', ';' and tab:
# quoted names that hold a separator or a line break, CRLF line ends,
# marks by hand (3.3.4, some not given yet) and a flagged row; a name
# holding all three separators. For each
# separator, two threads, one thread (EXAMCHECK_SINGLE_THREAD) and the
# general path (--stats hands every row to the statistics) must give the
# same bytes and messages; and the three separators the same output (the
# output is always written with ',').
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for sep in comma semicolon tab; do
	awk -v name=$sep 'BEGIN {
		s = name == "comma" ? "," : name == "semicolon" ? ";" : "\t"
		print "student" s "1.1" s "2.1" s "2.2" s "3.1.2" s "3.2.1.1.dims" s "3.2.2.1" s "3.3.4"
		split("T F true", tf, " "); split("AB ba C abd", mc, " ")
		for (i = 1; i <= 3001; i++) {
			if (i == 1500) { print "bad" i s "T" s "AZ" s "AB" s "1" s "2" s "3" s "1"; continue }
			if (i % 11 == 0) printf "\"s\n%d\"", i
			else if (i % 13 == 0) printf "\"s,;\t%d\"", i
			else printf "s%d", i
			printf "%s%s%s\"%s\"%s%s%s%s%s%s%s%d%s%s%s\n", s, (i % 7 == 0 ? "" : tf[i % 3 + 1]),
				s, mc[i % 4 + 1], s, mc[(i + 1) % 4 + 1], s, (i % 2 ? "-1/4" : "0.25"),
				s, (i % 5 ? "16x8x64x64" : "16x8x64"), s, 30 + i % 5, s,
				(i % 3 ? (i % 4 ? "1" : "0.5") : ""), (i % 3 ? "" : "\r")
		}
	}' > "$tmp/$sep.csv"
	$EC grade --key tests/cli/data/key.tsv --roster "$tmp/$sep.csv" > "$tmp/$sep.a" 2> "$tmp/$sep.ea"
	sa=$?
	EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$tmp/$sep.csv" > "$tmp/$sep.b" 2> "$tmp/$sep.eb"
	sb=$?
	$EC grade --key tests/cli/data/key.tsv --roster "$tmp/$sep.csv" --stats -o "$tmp/$sep.c" > /dev/null 2>&1
	[ "$sa" = 65 ] && [ "$sb" = 65 ] || { echo "$sep: statuses $sa $sb, expected 65 (one bad row)"; cat "$tmp/$sep.ea"; exit 1; }
	cmp -s "$tmp/$sep.a" "$tmp/$sep.b" || { echo "$sep: two threads and one differ"; diff "$tmp/$sep.a" "$tmp/$sep.b" | head; exit 1; }
	cmp -s "$tmp/$sep.ea" "$tmp/$sep.eb" || { echo "$sep: messages differ"; exit 1; }
	cmp -s "$tmp/$sep.a" "$tmp/$sep.c" || { echo "$sep: the general and the one-pass paths differ"; diff "$tmp/$sep.a" "$tmp/$sep.c" | head; exit 1; }
done
for sep in semicolon tab; do
	cmp -s "$tmp/comma.a" "$tmp/$sep.a" || { echo "$sep and comma differ"; diff "$tmp/comma.a" "$tmp/$sep.a" | head; exit 1; }
	sed "s/$sep.csv/comma.csv/" "$tmp/$sep.ea" | cmp -s "$tmp/comma.ea" - || { echo "$sep and comma messages differ"; exit 1; }
done
# a header, 3001 rows, and 272 more lines for the names holding a line break
[ "$(wc -l < "$tmp/comma.a")" = 3274 ] || { echo "expected 3001 graded rows"; exit 1; }
grep -q "^\"s,;	13\"," "$tmp/semicolon.a" || { echo "a name holding the separators is lost"; exit 1; }
grep -q '^bad1500,.*,,2\.1$' "$tmp/comma.a" || { echo "the flagged row is not graded and flagged"; exit 1; }
# row 3 (3 % 3 == 0) has no mark yet: empty, and pending
grep -q '^s3,.*,,3\.3\.4,$' "$tmp/tab.a" || { echo "a mark not given yet is not pending"; grep '^s3,' "$tmp/tab.a"; exit 1; }
# forcing the separator the file does not use finds no item in its header
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/semicolon.csv" --delimiter , > /dev/null 2>&1
[ $? = 65 ] || { echo "--delimiter , on a ';' roster: expected 65"; exit 1; }
$EC grade --key tests/cli/data/key.tsv --roster "$tmp/tab.csv" --delimiter tab > "$tmp/forced" 2>/dev/null
cmp -s "$tmp/tab.a" "$tmp/forced" || { echo "--delimiter tab differs from the detected tab"; exit 1; }
exit 0
