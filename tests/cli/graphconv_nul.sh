# A NUL byte in a figure file is reported at its line, like any malformed line.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
sed -n '1,16p' data/q3.3.figure > "$d/f.figure"
printf '1 0 2 1 0\n2 1 \0003 1\n' >> "$d/f.figure"
cd "$d" && $EC graphconv f.figure
