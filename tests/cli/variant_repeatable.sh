# The same seed gives the same bytes twice, in every output; the largest
# seed is accepted.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
for s in 1 2718 9223372036854775807; do
	for args in "" "--format md" "--format json" "--key --format tsv" "q3.3"; do
		# shellcheck disable=SC2086 # the options are meant to split
		$EC variant --seed $s $args > "$d/a" 2>&1
		# shellcheck disable=SC2086
		$EC variant --seed $s $args > "$d/b" 2>&1
		[ -s "$d/a" ] && cmp -s "$d/a" "$d/b" || echo "seed $s $args: not the same twice"
	done
done
$EC variant --seed 1 --key --format tsv > "$d/a"
$EC variant --seed 2 --key --format tsv > "$d/b"
cmp -s "$d/a" "$d/b" && echo "seeds 1 and 2 give the same key"
echo done
