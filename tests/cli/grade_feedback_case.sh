# Student ids that differ only in the case of their letters get feedback
# files that differ by more than case, so that a file system that ignores
# case (macOS, Windows) keeps one report each: Ann.txt, ann-2.txt,
# ANN-3.txt, each naming its own student.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'student,1.1\nAnn,T\nann,F\nANN,T\n' > "$d/r.csv"
$EC grade --key tests/cli/data/key.tsv --roster "$d/r.csv" --feedback "$d/fb" -o /dev/null || exit 1
for f in $(LC_ALL=C ls "$d/fb"); do
	echo "$f: $(head -n 1 "$d/fb/$f")"
done
