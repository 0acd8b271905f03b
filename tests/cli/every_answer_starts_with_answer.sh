# Each leaf question's output starts with "Answer: " and `all` prints every leaf.
n=0
for id in $($EC list | cut -f1); do
	out=$($EC "$id") || { echo "$id failed"; exit 1; }
	printf '%s\n' "$out" | head -n 1 | grep -q '^Answer: .' || { echo "$id: first line is not 'Answer: ...'"; exit 1; }
	n=$((n + 1))
done
leaves=$($EC all | grep -c '^Answer: ')
[ "$leaves" = 32 ] || { echo "all printed $leaves answers, expected 32"; exit 1; }
