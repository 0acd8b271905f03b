# -o through symbolic links: the file a link points to is replaced and the
# link kept; an existing file keeps its mode; a link to a file not there yet
# and a linked directory work too; no temporary file is left.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
r=tests/cli/data/roster.csv
mkdir "$d/real" || exit 1
echo old > "$d/real/out.csv"
chmod 640 "$d/real/out.csv"
ln -s real/out.csv "$d/link.csv"
ln -s link.csv "$d/link2.csv"
$EC grade --key $k --roster $r -o "$d/link2.csv" || exit 1
[ -L "$d/link.csv" ] && [ -L "$d/link2.csv" ] || { echo "a link was replaced"; exit 1; }
cmp "$d/real/out.csv" tests/cli/grade_roster.out || exit 1
mode=$(ls -ln "$d/real/out.csv" | cut -c1-10)
[ "$mode" = "-rw-r-----" ] || { echo "mode $mode, expected -rw-r-----"; exit 1; }
ln -s real/new.csv "$d/dangling.csv"
$EC grade --key $k --roster $r -o "$d/dangling.csv" || exit 1
[ -L "$d/dangling.csv" ] || { echo "the dangling link was replaced"; exit 1; }
cmp "$d/real/new.csv" tests/cli/grade_roster.out || exit 1
ln -s real "$d/dir"
$EC grade --key $k tests/cli/data/sheet.txt -o "$d/dir/sheet.txt" || exit 1
$EC grade --key $k tests/cli/data/sheet.txt | cmp - "$d/real/sheet.txt" || exit 1
[ "$(ls "$d/real" | tr '\n' ' ')" = "new.csv out.csv sheet.txt " ] || { echo "left in real/:"; ls "$d/real"; exit 1; }
[ "$(ls "$d" | tr '\n' ' ')" = "dangling.csv dir link.csv link2.csv real " ] || { echo "left:"; ls "$d"; exit 1; }
