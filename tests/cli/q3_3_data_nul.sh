# A NUL byte in a figure named by EXAMCHECK_DATA: FILE:LINE, as for graphconv.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
sed -n '1,12p' data/q3.3.figure > "$d/q3.3.figure"
printf 'image 5 5\n1 0 2 1 0\000\n' >> "$d/q3.3.figure"
cd "$d" && EXAMCHECK_DATA=. $EC q3.3.1
