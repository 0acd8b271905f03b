# The computed key gives the rubric's total (100 points), and the items of
# each question (as 'examcheck list' names it) add up to its points.
key=$($EC key --format tsv) || exit 1
[ -n "$key" ] || { echo "the computed key is empty"; exit 1; }
total=$(sed -n 's/^total[[:space:]]*//p' data/rubric)
printf '%s\n' "$key" | awk -F'\t' -v want="$total" '
	{ n = split($3, f, "/"); s += (n == 2) ? f[1] / f[2] : f[1] }
	END { if (s < want - 1e-9 || s > want + 1e-9) { printf "key points add up to %.10g, data/rubric says %s\n", s, want; exit 1 } }' || exit 1
$EC list | while IFS='	' read -r q pts title; do
	id=${q#q}
	printf '%s\n' "$key" | awk -F'\t' -v id="$id" -v want="$pts" '
		($1 "") == (id "") || index($1, id ".") == 1 { n = split($3, f, "/"); s += (n == 2) ? f[1] / f[2] : f[1] }
		END { if (s < want - 1e-9 || s > want + 1e-9) { printf "q%s: key items add up to %.10g points, the question has %s\n", id, s, want; exit 1 } }' || exit 1
done
