# The repeated-id check keeps its temporary files in $TMPDIR. When none
# can be made there (a missing directory, or a full one: a file size
# limit of 64 KiB makes the spool's writes fail past it), grade --roster
# of 10^4 students still writes every row, with one warning naming the
# temporary directory, and finds the same repeats as with a usable
# TMPDIR: every 500th student repeats the id of the student 7 rows before
# (the repeats of lines 501 + 500 k; 20 of them, each naming line - 7).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
awk 'BEGIN { print "student,1.1"; for (i = 1; i <= 10000; i++) printf "s%d,T\n", i % 500 == 0 ? i - 7 : i }' > "$d/r.csv"
TMPDIR=$d $EC grade --key $k --roster "$d/r.csv" > "$d/ok.csv" 2> "$d/ok.err" || exit 1
[ "$(ls -A "$d" | wc -l)" = 3 ] || { echo "temporary files left in TMPDIR:"; ls -A "$d"; exit 1; }
[ "$(wc -l < "$d/ok.csv")" = 10001 ] || { echo "rows lost"; exit 1; }
grep -c 'is repeated' "$d/ok.err"
grep 'is repeated' "$d/ok.err" | head -n 2 | sed "s|$d/||"
grep -v 'is repeated' "$d/ok.err" | grep -v 'stand-in' && exit 1
for how in missing full; do
	if [ $how = missing ]; then
		TMPDIR=$d/missing $EC grade --key $k --roster "$d/r.csv" > "$d/out.csv" 2> "$d/err"
		status=$?
	else
		# the limit holds for the files examcheck writes, not for the pipe to cat
		{ (trap '' XFSZ; ulimit -f 128 && TMPDIR=$d exec $EC grade --key $k --roster "$d/r.csv" \
			2> "$d/err"); echo $? > "$d/status"; } | cat > "$d/out.csv"
		status=$(cat "$d/status")
	fi
	[ $status = 0 ] || { echo "$how: exit status $status"; cat "$d/err"; exit 1; }
	cmp -s "$d/out.csv" "$d/ok.csv" || { echo "$how: the graded rows differ"; exit 1; }
	grep 'temporary' "$d/err" | sed "s|$d/||; s|$d|TMPDIR|"
	grep 'is repeated' "$d/ok.err" > "$d/ok.err.rep"
	grep 'is repeated' "$d/err" | cmp -s - "$d/ok.err.rep" || { echo "$how: other repeats"; exit 1; }
done
