# Counts in scientific notation that are whole are read exactly, in a key
# file as on a sheet: 1e18 is 10^18 (beyond 2^53, where a double would no
# longer tell it from its neighbours), 1.5e3 is 1500.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '3.2.2.1\t1e18\t1\tcount\n3.2.2.2\t1.5e3\t1\tcount\n3.2.2.3\t1000000000000000001\t1\tcount\n' > "$d/k.tsv"
printf '3.2.2.1 1000000000000000000\n3.2.2.2 1,500\n3.2.2.3 1e18\n' > "$d/s.txt"
cd "$d" && $EC grade --key k.tsv s.txt
