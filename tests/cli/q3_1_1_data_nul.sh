# A NUL byte in a graph named by EXAMCHECK_DATA: FILE:LINE.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '# a graph\nexpr x * y\nx = 1\ny = \0002\n' > "$d/q3.1.1.graph"
cd "$d" && EXAMCHECK_DATA=. $EC q3.1.1
