case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
: > "$d/r.csv"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --roster r.csv
