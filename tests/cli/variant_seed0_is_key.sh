# Seed 0, or 'original', is the exam itself: the variant's key is the key,
# byte for byte in every format, with the same stand-in warning (each
# under its own command's name), and its worked answers are the exam's.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
for f in tsv text csv json; do
	$EC key --format $f > "$d/key" 2> "$d/key.err"
	for s in 0 original; do
		$EC variant --seed $s --key --format $f > "$d/variant" 2> "$d/variant.err"
		sed 's/^examcheck: variant: /examcheck: key: /' "$d/variant.err" > "$d/variant.key-err"
		cmp -s "$d/key" "$d/variant" && cmp -s "$d/key.err" "$d/variant.key-err" \
			|| echo "variant --seed $s --key --format $f differs from key --format $f"
	done
done
for q in q1 q2 q3; do
	$EC $q > "$d/exam"
	$EC variant --seed 0 $q > "$d/variant"
	cmp -s "$d/exam" "$d/variant" || echo "variant --seed 0 $q differs from $q"
done
echo done
