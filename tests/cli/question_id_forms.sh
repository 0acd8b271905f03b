# q3.2, Q3.2 and 3.2 name the same question; a group prints each of its parts.
a=$($EC q3.2) && b=$($EC Q3.2) && c=$($EC 3.2) || exit 1
[ "$a" = "$b" ] && [ "$a" = "$c" ] || { echo "forms differ"; exit 1; }
[ "$(printf '%s\n' "$a" | grep -c '^Answer: ')" = 3 ] || { echo "q3.2 should have 3 Answer lines"; exit 1; }
$EC q3.2.1 | head -n 1 | grep -q '^Answer: ' || { echo "first line is not Answer:"; exit 1; }
