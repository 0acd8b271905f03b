# A graph file whose lines end in lone CRs, as the other line-based files:
# the bad value is reported on line 4 (column 5 of that line).
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '# a graph\rexpr x * y\rx = 1\ry = one\r' > "$d/q3.1.1.graph"
cd "$d" && EXAMCHECK_DATA=. $EC q3.1.1
