# A mark given by hand counts the same in every sheet format, and a mark not
# given yet is never 0. With tests/cli/data/key.tsv: 1.1 T (2) and 3.3.4
# marked 0,5 (a decimal comma: 0.5 of 1): 2.5 points in text, json and
# gradescope alike. In a roster, 3.3.4 left empty is empty in the CSV and
# listed in 'pending', null in json; marked 0,5 it is 0.5.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
printf '1.1 T\n3.3.4 0,5\n' > "$d/s.txt"
$EC grade --key $k "$d/s.txt" | grep '^Total'
$EC grade --key $k --format json "$d/s.txt" | grep -o '"total": [^,]*'
$EC grade --key $k --format gradescope "$d/s.txt" | grep -E '^\{"score"|"3.3.4"'
printf 'student,1.1,3.3.4\nann,T,"0,5"\nbob,T,\n' > "$d/r.csv"
$EC grade --key $k --roster "$d/r.csv"
$EC grade --key $k --roster "$d/r.csv" --format json | grep -o '"3.3.4": {[^}]*}'
