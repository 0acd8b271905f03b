# A NUL byte in a rubric is reported at its line.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'total 21\nrule * exact\nrule 1.* tf \000wrong=-1\n' > "$d/r.txt"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --rubric r.txt s.txt
