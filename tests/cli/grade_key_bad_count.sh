# A key file's answer its kind cannot read: the key file, its line, the item.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1\tT\t2\ttf\n3.2.2.1\t12x\t1\tcount\n' > "$d/k.tsv"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key k.tsv s.txt
