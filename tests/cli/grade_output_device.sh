# -o to a character device: written directly, the device stays one. First a
# device of our own (mknod, 1,3 is the null device), so that a regression
# shows there before /dev/null itself is tried.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
if mknod "$d/null" c 1 3 2>/dev/null; then
	$EC grade --key $k --roster tests/cli/data/roster.csv -o "$d/null" || exit 1
	[ -c "$d/null" ] || { echo "the device was replaced"; exit 1; }
	[ "$(ls "$d")" = null ] || { echo "left:"; ls "$d"; exit 1; }
elif [ -w /dev ]; then
	echo "no device node of our own (mknod) to try before /dev/null" >&2
	exit 77 # leave /dev/null alone
fi
$EC grade --key $k --roster tests/cli/data/roster.csv -o /dev/null || exit 1
$EC grade --key $k tests/cli/data/sheet.txt -o /dev/null || exit 1
test -c /dev/null || { echo "/dev/null is no longer a character device"; exit 1; }
[ -z "$(ls /dev | grep '^null\.')" ] || { echo "temporary files in /dev"; exit 1; }
