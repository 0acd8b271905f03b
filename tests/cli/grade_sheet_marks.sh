# A number on the line of a prose item is the mark a person gave: with 3.3.4
# marked 1 of 1, nothing is left to grade by hand and the total is out of
# every point of the key (21 auto-graded + 1 = 22): 1.1 right 2, mark 1.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf "1.1 T\n3.3.4 1\n" > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" s.txt | tail -n 5
