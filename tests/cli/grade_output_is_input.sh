# -o naming an input is a usage error (exit 2) and the input is left as it
# was: the roster under its own name, through ./ , a symbolic link or a hard
# link (the same device and inode), the sheet, the key file, the rubric; and
# key -o naming its --key or --check file.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cp tests/cli/data/roster.csv tests/cli/data/key.tsv tests/cli/data/sheet.txt "$d"/
$EC data rubric > "$d/rubric"
cd "$d" || exit 1
cp roster.csv roster.orig && cp key.tsv key.orig && cp sheet.txt sheet.orig && cp rubric rubric.orig
ln -s roster.csv link.csv
ln roster.csv hard.csv
for o in roster.csv ./roster.csv link.csv hard.csv; do
	$EC grade --key key.tsv --roster roster.csv -o $o
	echo "status $?"
done
$EC grade --key key.tsv sheet.txt -o sheet.txt; echo "status $?"
$EC grade --key key.tsv --roster roster.csv -o key.tsv; echo "status $?"
$EC grade --key key.tsv --rubric rubric sheet.txt -o rubric; echo "status $?"
$EC key --key key.tsv -o key.tsv; echo "status $?"
$EC key --check key.tsv -o ./key.tsv; echo "status $?"
for f in roster key sheet rubric; do
	case $f in roster) n=roster.csv ;; key) n=key.tsv ;; sheet) n=sheet.txt ;; *) n=rubric ;; esac
	cmp -s $n $f.orig || echo "$n was changed"
done
# a file that is not an input is fine
$EC grade --key key.tsv --roster roster.csv -o out.csv; echo "status $?"
