# A sheet's line may answer a group of items as its worked answer writes it
# ('3.2.2 32, 32, 64'): one answer per auto-graded item, in key order. With
# tests/cli/data/key.tsv: '1 T; F' answers 1.1 and 1.2 (right, 2 + 2);
# '3.2.1.1 16x8x64x64, 6000' answers .dims and .weights (1/2 + 1/2); the
# group 3.2.2 has one item here, 3.2.2.1 (32: 1). Total 2 + 2 + 1/2 + 1/2 +
# 1 = 6. '2.2 AZ' cannot be read (Z is no option): flagged, 0 points, and
# every format shows the answer as written, with the verdict unreadable.
# The second sheet answers the two items of 3.2.1.1 with one number: the
# line is flagged and both items show it, unreadable.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
printf '1 T; F\n3.2.1.1 16x8x64x64, 6000\n2.2 AZ\n3.2.2 32\n' > s.txt
printf '3.2.1.1 6000\n' > bad.txt
key=$OLDPWD/tests/cli/data/key.tsv
$EC grade --key "$key" s.txt > out
echo "status $?"
grep -v '^ *why:' out
$EC grade --key "$key" --format json s.txt 2>/dev/null | grep -E '"total"|"2.2"|"1.2"|3.2.1.1.weights'
$EC grade --key "$key" --format gradescope s.txt 2>/dev/null | grep -E '"2.2"'
$EC grade --key "$key" bad.txt > out
echo "status $?"
grep '^3.2.1.1' out
