# key and variant take -o like grade: the file holds exactly what standard
# output would; a run that fails (a bad --check file, a variant's question
# with -o) leaves an existing OUT as it was; key --check writes its list of
# differences to OUT and still exits 1.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
case $EC in /*) ec=$EC ;; *) ec=$(pwd)/$EC ;; esac
k=$(pwd)/tests/cli/data/key.tsv
cd "$d" || exit 1
"$ec" key --format tsv 2>/dev/null >want || exit 1
"$ec" key --format tsv -o a 2>/dev/null && cmp -s want a || { echo "key -o"; exit 1; }
"$ec" variant --seed 5 --format json >want 2>/dev/null || exit 1
"$ec" variant --seed 5 --format json --output b 2>/dev/null && cmp -s want b ||
	{ echo "variant --output"; exit 1; }
"$ec" variant --seed 5 --key -oc 2>/dev/null || exit 1
"$ec" variant --seed 5 --key 2>/dev/null | cmp -s - c || { echo "variant --key -oFILE"; exit 1; }
"$ec" variant --seed 5 --format md -o e 2>/dev/null || exit 1
"$ec" variant --seed 5 --format md | cmp -s - e || { echo "variant --format md -o"; exit 1; }
echo old >f
"$ec" key --check missing.tsv -o f 2>/dev/null
[ $? -eq 66 ] && [ "$(cat f)" = old ] || { echo "key --check of a missing file changed OUT"; exit 1; }
"$ec" variant --seed 5 q3.2 -o f 2>/dev/null
[ $? -eq 2 ] && [ "$(cat f)" = old ] || { echo "variant QUESTION -o is not a usage error"; exit 1; }
"$ec" variant --seed x -o f 2>/dev/null
[ $? -eq 2 ] && [ "$(cat f)" = old ] || { echo "variant bad seed changed OUT"; exit 1; }
# A key file that differs from the computed key: the differences go to OUT.
"$ec" key --format tsv 2>/dev/null | awk -F '\t' 'BEGIN { OFS = FS } NR == 1 { $2 = $2 == "T" ? "F" : "T" } 1' >other.tsv
cmp -s other.tsv a && { echo "other.tsv is the key"; exit 1; }
"$ec" key --check other.tsv -o g 2>/dev/null
[ $? -eq 1 ] || { echo "key --check -o: not exit 1"; exit 1; }
"$ec" key --check other.tsv 2>/dev/null | cmp -s - g || { echo "key --check -o: not the list"; exit 1; }
grep -q '^1\.1: answer' g || { echo "key --check -o: 1.1 not listed"; exit 1; }
[ "$(ls -A | tr '\n' ' ')" = "a b c e f g other.tsv want " ] ||
	{ echo "unexpected files:"; ls -A; exit 1; }
exit 0
