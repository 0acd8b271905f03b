# A NUL byte in a key file is reported at its line.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1\tT\t2\ttf\r1.2\tF\000\t2\ttf\n' > "$d/k.tsv"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key k.tsv s.txt
