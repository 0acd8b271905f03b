# key --key reads the answers as grade would: one it cannot read is an error.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1\tT\t2\ttf\r3.2.2.1\t6,00\t1\tcount\r' > "$d/k.tsv"
cd "$d" && $EC key --key k.tsv
