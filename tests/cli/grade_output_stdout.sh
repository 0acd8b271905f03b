# -o - is standard output (no file named '-'; --stats then goes to standard
# error, as without -o); a link to /dev/stdout writes to standard output too.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
case $EC in /*) ec=$EC ;; *) ec=$(pwd)/$EC ;; esac
top=$(pwd)
cd "$d" || exit 1
"$ec" grade --key "$top/tests/cli/data/key.tsv" --roster "$top/tests/cli/data/roster.csv" -o - --stats 2>/dev/null || exit 1
[ ! -e ./- ] || { echo "a file named '-' was written"; exit 1; }
ln -s /dev/stdout so
"$ec" grade --key "$top/tests/cli/data/key.tsv" --roster "$top/tests/cli/data/roster.csv" -o so || exit 1
[ -L so ] || { echo "the link to /dev/stdout was replaced"; exit 1; }
[ "$(ls -A)" = so ] || { echo "left:"; ls -A; exit 1; }
