# A rubric whose lines end in lone CRs: the unknown scheme is on line 3.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '# rubric\rrule * exact\rrule 1.* bool\r' > "$d/r.txt"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --rubric r.txt s.txt
