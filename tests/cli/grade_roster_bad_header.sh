# A header naming an item twice, or no item at all, is refused (exit 65, no
# output); a column that looks like an item id but names none of the key is
# kept as data with a warning (exit 0).
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "student,1.1,2.1,1.1\nann,T,A,T\n" > "$d/r.csv"
printf "name,email,9.9\nann,a@x,T\n" > "$d/r2.csv"
printf "id,Q1.1,7.7\nann,T,A\n" > "$d/r3.csv"
cd "$d" || exit 1
for r in r.csv r2.csv r3.csv; do
	$EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster $r
	echo "status $?"
done
