# The built-in key rests partly on stand-in figures, which grade and key
# warn about; an argument error comes alone, without that warning before
# it: a sheet, roster, rubric, column map or key file that cannot be opened
# (66), a bad --accept or -o naming an input (2). Once the inputs are open
# the warning is given, once.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1 T\n' > "$d/s.txt"
printf 'student,1.1\nann,T\n' > "$d/r.csv"
run() {
	"$@" > /dev/null 2> "$d/err"
	echo "status $?: $(grep -c 'warning: 16 points' "$d/err") warning; $(grep -v warning "$d/err" | sed "s|$d/||g")"
}
run $EC grade "$d/missing.txt"
run $EC grade --roster "$d/missing.csv"
run $EC grade --rubric "$d/missing" "$d/s.txt"
run $EC grade --roster "$d/r.csv" --map "$d/missing-map.csv"
run $EC grade --accept 9.9=A "$d/s.txt"
run $EC grade --roster "$d/r.csv" -o "$d/r.csv"
run $EC key --check "$d/missing.tsv"
run $EC key -o "$d/no-dir/key.txt"
run $EC grade "$d/s.txt"
run $EC grade --roster "$d/r.csv"
