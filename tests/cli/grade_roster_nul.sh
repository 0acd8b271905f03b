case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
# A NUL byte costs its cell only: the student is graded, that answer unreadable.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "student,1.1\nann,T\nbob,\000T\ncat,F\n" > "$d/r.csv"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster r.csv
