# check --variant N explains with variant N's own numbers. Variant 201's
# 2.7 volume is 13x13x2048 with FC-1024 and 1000 classes ('examcheck
# variant --seed 201 2.7'): a neuron of the hidden layer sees the whole
# 13x13 input, so F = 13 there and F = 1 at the output; option D is
# (13, 1), option B (169, 1000) takes H x W = 169 for the width. The same
# check with the variant's key file (its line '# variant 201' names the
# exam) gives the same reasons; the key file without that line is not
# this exam's key in the numbers of several questions, so the reasons of
# those questions are left out rather than given with the original's
# numbers. The key's own answers score full points (3.1.2 as an example),
# and the worked-answer command is the variant's.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC check --variant 201 2.7 B
$EC check --variant 201 2.7 D | head -n 1
$EC variant --seed 201 --key --format tsv > "$d/k.tsv" 2>/dev/null
$EC check --key "$d/k.tsv" 2.7 B | sed -n 2p
grep -v '^#' "$d/k.tsv" > "$d/bare.tsv"
$EC check --key "$d/bare.tsv" 2.7 B | sed -n 2p
a=$(awk -F'\t' '$1 == "3.1.2" { print $2 }' "$d/k.tsv")
$EC check --variant 201 3.1.2 -- "$a" | sed -n '1p;$p'
$EC check --variant 201 --key "$d/k.tsv" 2.7 B
echo "status $?"
