# A real 64 KiB file system as TMPDIR (a tmpfs, mounted when this runs as
# root and may mount; skipped otherwise), empty and then full: grade
# --roster of 10^4 students exits 0 with every row, the same rows as with
# room to spare, one warning naming the temporary directory, and nothing
# left in it.
d=$(mktemp -d) || exit 1
mkdir "$d/small"
if ! mount -t tmpfs -o size=64k tmpfs "$d/small" 2>/dev/null; then
	rm -rf "$d"
	echo "cannot mount a 64 KiB tmpfs here (not root, or no mount)" >&2
	exit 77
fi
trap 'umount "$d/small"; rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
awk 'BEGIN { print "student,1.1"; for (i = 1; i <= 10000; i++) printf "s%d,T\n", i % 500 == 0 ? i - 7 : i }' > "$d/r.csv"
$EC grade --key $k --roster "$d/r.csv" > "$d/ok.csv" 2> "$d/ok.err" || exit 1
for fill in empty full; do
	[ $fill = full ] && { dd if=/dev/zero of="$d/small/fill" bs=1024 count=64 2>/dev/null; }
	TMPDIR=$d/small $EC grade --key $k --roster "$d/r.csv" > "$d/out.csv" 2> "$d/err"
	echo "$fill: exit status $?, $(wc -l < "$d/out.csv") lines"
	cmp -s "$d/out.csv" "$d/ok.csv" || echo "$fill: the graded rows differ"
	grep 'temporary' "$d/err" | sed "s|$d/||g"
	[ "$(grep -c 'is repeated' "$d/err")" = 20 ] || echo "$fill: not the 20 repeats"
	rm -f "$d/small/fill"
	[ -z "$(ls -A "$d/small")" ] || { echo "$fill: left in TMPDIR:"; ls -A "$d/small"; }
done
