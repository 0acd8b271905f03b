case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
# grade's text output gives, under each item not fully right, the reason
# 'examcheck check' gives, in one line. key-why.tsv holds answers of the
# computed key, except 2.1 (AB; the worked answer says D): no reason there.
# By hand: 1.8 T is wrong (-1; softmax(2z) differs from softmax(z));
# 2.8 AC scores 0 (one correct option, C; A claims 6x6 at layer (ii), the
# field is 5x5, 3 x 2 = 6 being the stride-product mistake); 2.10 A misses
# B (4 - 2 = 2); 3.1.2 0.25 has the wrong sign; 3.2.1.1.weights 2000 =
# 16 x 5^3 leaves out the 3 input channels; 3.2.2.2 64 = 2 x 16 + 2 x 16
# counts the running statistics; 3.2.3.1 3538944 = 2 x 1769472 counts FLOPs;
# 3.3.3 right: no reason.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.8 T\n2.1 C\n2.8 AC\n2.10 A\n3.1.2 0.25\n3.2.1.1.weights 2000\n3.2.2.2 64\n3.2.3.1 3538944\n3.3.3 010011000\n' >"$d/s.txt"
cd "$d" && $EC grade --key "$OLDPWD/tests/cli/data/key-why.tsv" s.txt
