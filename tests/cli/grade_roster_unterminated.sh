# A quote never closed (bob's id, line 3) ends its row with its line: bob
# is graded from it (the id 'bob,T' as read, 1.1 missing: blank, 0),
# flagged 'quote', and the line after it is a student of its own: cat, F,
# -1. The summary counts the 3 students; exit 65 (something flagged).
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "student,1.1\nann,T\n\"bob,T\ncat,F\n" > "$d/r.csv"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster r.csv
