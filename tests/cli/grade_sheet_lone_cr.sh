# A sheet whose lines end in lone CRs: each CR ends a line, so the unknown id
# is reported on line 3.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1 T\r1.2 F\r9.9 T\r2.1 AB\r' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" --format json s.txt >/dev/null
