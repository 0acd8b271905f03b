# --feedback: needs --roster (2); a DIR that is a file or under a missing
# directory (74); a write error names the file, stops the run and leaves
# no file behind (74): a file size limit of 0 makes every write fail.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
r=tests/cli/data/roster.csv
run() {
	"$@" >/dev/null 2>"$d/err"
	s=$?
	sed "s|$d|D|g" "$d/err"
	echo "status $s"
}
run $EC grade --key $k --feedback "$d/fb" tests/cli/data/sheet.txt
run $EC grade --key $k --roster $r --feedback
echo x >"$d/file"
run $EC grade --key $k --roster $r --feedback "$d/file"
run $EC grade --key $k --roster $r --feedback "$d/no/fb"
mkdir "$d/full"
# (the messages go through a pipe: the limit is on files)
(
	trap '' XFSZ && ulimit -f 0 || exit 1
	$EC grade --key $k --roster $r --feedback "$d/full" 2>&1 >/dev/null
	echo "status $?"
) | sed "s|$d|D|g"
ls -A "$d/full"
