# grade --feedback: the report of each item not fully right gives the reason
# 'examcheck check' gives, in one line, after the key. key-why.tsv holds
# answers of the computed key, except 2.1 (AB; the worked answer says D):
# no reason there. By hand: 2.8 AC scores 0 (one correct option, C; A's
# 6x6 at layer (ii) is 3 x 2, the stride-product mistake; the field is 5x5);
# 3.2.1.1.weights 2000 = 16 x 5^3 leaves out the 3 input channels; 3.1.2
# 'x' cannot be read (flagged, 0): its reason is the derivation alone;
# 1.8 F right: no reason.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'student,1.8,2.1,2.8,3.1.2,3.2.1.1.weights\nann,F,C,AC,x,2000\n' >"$d/r.csv"
$EC grade --key tests/cli/data/key-why.tsv --roster "$d/r.csv" --feedback "$d/fb" -o "$d/out.csv" 2>/dev/null
echo "status $?"
cat "$d/fb/ann.txt"
