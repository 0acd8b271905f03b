# A directory given as the rubric: one message, exit 66 (it cannot be opened as a file).
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/dir"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --rubric dir s.txt
