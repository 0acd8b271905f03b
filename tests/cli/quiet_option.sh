# -q and --quiet, before the command or among its options, drop the
# warnings (the stand-in figures, a roster header's doubtful column, a
# file EXAMCHECK_DATA lacks) and nothing else: errors are printed all the
# same, the output and the exit status are what they are without -q.
# Each run: its status, how many lines it wrote to standard error, and
# those lines; without -q first, for comparison.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1 T\n' > "$d/s.txt"
printf 'id,Q1.1,7.7\nann,T,A\n' > "$d/r.csv"
mkdir "$d/data"
cd "$d" || exit 1
run() { # run ARG...: examcheck ARG...
	$EC "$@" > out 2> err
	echo "status $?, $(wc -l < err) line(s) on stderr: examcheck $*"
	sed 's/^/  /' err
}
for q in "" -q --quiet; do
	run $q key --format tsv
	cp out "key$q"
	run $q grade s.txt
	run $q grade --roster r.csv
	cp out "roster$q"
done
cmp -s key key-q && cmp -s key key--quiet && echo "key: the same output"
cmp -s roster roster-q && cmp -s roster roster--quiet && echo "grade --roster: the same output"
run key -q --format tsv
run grade s.txt --quiet
run grade --roster r.csv -q
run variant --seed 0 --key -q
run check -q 1.1 T
run check 3.1.2 -q -- -q
EXAMCHECK_DATA=data run check 1.1 T
EXAMCHECK_DATA=data run -q check 1.1 T
# errors stay
run -q grade missing.txt
run -q key --format xml
run grade -q --roster r.csv --stats-format tsv
