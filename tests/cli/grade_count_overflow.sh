# A count above 2^64 - 1 is refused as such, however it is written.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '3.2.2.1 2e19\n3.2.1.1.weights 18446744073709551616\n' > "$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key.tsv" s.txt
