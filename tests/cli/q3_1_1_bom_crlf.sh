# The shipped graph with a UTF-8 byte-order mark and CRLF and lone-CR line
# ends gives the same answer as the shipped file itself.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/crlf" "$d/cr"
{ printf '\357\273\277'; awk '{ printf "%s\r\n", $0 }' data/q3.1.1.graph; } > "$d/crlf/q3.1.1.graph"
{ printf '\357\273\277'; awk '{ printf "%s\r", $0 }' data/q3.1.1.graph; } > "$d/cr/q3.1.1.graph"
cp data/q3.1.1.graph "$d"
want=$(cd "$d" && EXAMCHECK_DATA=. $EC q3.1.1) || exit 1
for v in crlf cr; do
	got=$(cd "$d/$v" && EXAMCHECK_DATA=. $EC q3.1.1) || { echo "$v: failed"; exit 1; }
	[ "$got" = "$want" ] || { echo "$v: differs"; exit 1; }
done
cd "$d/cr" && EXAMCHECK_DATA=. $EC q3.1.1 | head -n 1
