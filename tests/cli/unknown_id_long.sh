# An unknown id, command, item or format is echoed cut short: 64
# characters and "...", so that a 100 KB argument gives a one-line message
# of a few hundred bytes, not of 100 KB (each exits 2).
long=$(awk 'BEGIN { while (n++ < 100000) printf "x" }')
for args in "q$long" "$long" "check $long T" "check 1.$long T" "variant --seed 1 q9.$long" \
	"key --format $long" "data $long" "grade --$long"; do
	# shellcheck disable=SC2086 # one word per argument
	$EC $args > /dev/null 2> err
	status=$?
	bytes=$(wc -c < err)
	[ "$status" = 2 ] || echo "exit status $status, not 2"
	[ "$bytes" -lt 400 ] || echo "a message of $bytes bytes"
	grep -q "'[^']\{64\}\.\.\.'" err || { echo "not cut at 64 characters:"; head -c 200 err; echo; }
done
rm -f err
cut -c 1-200 <<EOF2
$($EC "q$long" 2>&1)
EOF2
