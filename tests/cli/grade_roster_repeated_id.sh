# A student id that stands twice is graded both times, with a warning naming
# both lines; nothing is lost or flagged, so the exit status stays 0.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "student,1.1\nann,T\nbob,F\nann,F\n" > "$d/r.csv"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster r.csv
