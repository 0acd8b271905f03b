case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "student,1.1,2.1,1.1\nann,T,A,T\n" > "$d/r.csv"
printf "name,1.1\nann,T\n" > "$d/r2.csv"
printf "student,1.1,7.7\nann,T,A\n" > "$d/r3.csv"
cd "$d" || exit 1
for r in r.csv r2.csv r3.csv; do
	$EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster $r
	echo "status $?"
done
