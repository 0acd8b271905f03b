# A key file whose lines end in lone CRs: the bad points are on line 3.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1\tT\t2\ttf\r1.2\tF\t2\ttf\r2.1\tAB\tfour\tmc\r' > "$d/k.tsv"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" && $EC grade --key k.tsv s.txt
