# A key file's count above 2^64 - 1: the key file, its line, the item.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '3.2.2.1\t1e20\t1\tcount\n' > "$d/k.tsv"
cd "$d" && $EC key --key k.tsv
