# A class where 40 students wrote 2000 for 3.2.1.1.weights: what 'check'
# names the mistake behind 2000 (16 filters x 5x5x5 taps, the input
# channels left out), the group of --stats-format json (count 40, that
# mistake) and the report's row and bar. Of the other 20, 15 wrote 6000
# in three spellings (one group, right) and 5 left it blank. Each wrong
# group's --accept, run, gives its students the item's points: 2000 for
# the 40 (6/21 = 0.285714 each).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
{
	echo 'student,name,3.2.1.1.weights'
	i=1
	while [ $i -le 60 ]; do
		if [ $i -le 40 ]; then a=2000; elif [ $i -le 45 ]; then a=6000
		elif [ $i -le 50 ]; then a='"6,000"'; elif [ $i -le 55 ]; then a='6 000'; else a=''; fi
		echo "s$i,n$i,$a"
		i=$((i + 1))
	done
} > "$d/class.csv"
mistake=$($EC check 3.2.1.1.weights 2000 | sed -n 's/^Mistake: 2000 is the \(.*\): .*/\1/p')
echo "check: $mistake"
$EC grade --roster "$d/class.csv" --stats-format json -o "$d/out.csv" --report "$d/r.html" \
	> "$d/stats.json" 2>/dev/null
echo "status $?"
grep '"id": "3.2.1.1.weights"' "$d/stats.json" | grep -o '{"answer": [^}]*}'
grep -c ',2000$' "$d/class.csv"
grep -o "<tr><td>2000</td><td class=\"n\">40</td>.*$mistake</td></tr>" "$d/r.html" |
	sed 's/<[^>]*>/ /g; s/  */ /g'
grep -o '<title>2000: 40</title>' "$d/r.html"
cmd=$(sed -n 's|.*regrade: <code>\(examcheck grade [^<]*--accept 3.2.1.1.weights=2000\)</code>.*|\1|p' "$d/r.html")
echo "$cmd" | sed "s|$d/||g"
eval "set -- $cmd"
shift # examcheck
$EC "$@" 2>/dev/null > /dev/null
echo "status $?"
awk -F, '$3 == "0.285714" { n[$1 ~ /^s([1-9]|[1-3][0-9]|40)$/ ? "the 40" : "the rest"]++ }
END { print n["the 40"] " of the 40 and " n["the rest"] " others now score 0.285714" }' "$d/out.csv"
