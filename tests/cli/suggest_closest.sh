# An unknown command or option names the closest known one when a slip of
# the fingers explains the difference (one edit for a word of up to three
# letters, two for a longer one; a swap of two neighbours is one edit), all
# of them when several are as close, and otherwise points to --help. By
# hand: chek +c = check (1); kye swaps to key (1); grdae swaps to grade
# (1); lst +i = list (1); ket is one from key (t -> y) and from net (k ->
# n): both; gr is two from rf and three from grade, too far for a
# two-letter word; frobnicate is far from all; --rostr +e = --roster (1);
# -roster is --roster with one dash; --formt (1), --stat (1: --stats),
# --frmat (1) for rf, --quite (swap: --quiet); check's --varient (1:
# --variant); key's --chek (1: --check), --kye (swap: --key); list has no
# option near --lst.
for args in chek kye grdae lst ket gr frobnicate "help chek" "grade --rostr x" \
	"grade -roster x" "grade --formt=json" "grade --stat" "rf --frmat tsv" \
	"key --quite" "check --varient 7 1.1 T" "key --chek k" "key --kye k" \
	"key --bogus" "list --lst"; do
	$EC $args > /dev/null
	echo "status $?: examcheck $args"
done
