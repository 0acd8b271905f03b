# EXAMCHECK_DATA=DIR that lacks a data file: the built-in copy is used, and
# the command says so in one warning once its inputs are open; the rest
# comes from DIR. A DIR that is not there, or is not a directory, and a
# data file that is there but cannot be read, are errors (66).
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/figures" "$d/graph-dir" "$d/graph-dir/q3.1.1.graph"
sed 's/^z = 3$/z = 2/' data/q3.1.1.graph > "$d/figures/q3.1.1.graph"
sed 's/^1 0 2 1 0$/1 0 2 1 1/' data/q3.3.figure > "$d/figures/q3.3.figure"
cp -r "$d/figures" "$d/all"
cp data/rubric "$d/all/rubric"
mkdir "$d/graph-only"
cp "$d/figures/q3.1.1.graph" "$d/graph-only"
touch "$d/plain-file"
printf '1.1 T\n1.2 T\n2.1 AB\n3.3.1 13\n' > "$d/s.txt"
cd "$d" || exit 1
run() { # run DIR ARG...
	dir=$1
	shift
	EXAMCHECK_DATA=$dir $EC "$@" > out 2> err
	echo "status $?: EXAMCHECK_DATA=$dir examcheck $*"
	sed "s|$d/||g; s/^/  /" err
}
# no rubric in DIR: graded by the built-in one, which is the rubric of
# 'all': the same scores, and a warning
run figures grade s.txt
cp out figures.out
run all grade s.txt
cmp -s out figures.out && echo "  the same grading as with the rubric copied"
run figures -q grade s.txt
# no figure in DIR: its items come from the built-in reconstruction again
# (3.3.1 4 + 3.3.2 4 + 3.3.3 2 + 3.3.7 1 = 11 points)
run graph-only key --format tsv
run graph-only q3.3.1
grep -c 'data/q3.3.figure (built in, as graph-only/ has no q3.3.figure)' out
# errors
run nowhere q3.1.1
run plain-file key
run graph-dir q3.1.1
