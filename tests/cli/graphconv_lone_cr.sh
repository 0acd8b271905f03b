# A figure whose lines end in lone CRs: image row 2 (too short) is line 3.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'image 2 2\r1 2\r3\r' > "$d/f.figure"
cd "$d" && $EC graphconv f.figure
