# A run stopped by SIGTERM leaves no temporary file behind, and no OUT. A
# roster of 10^6 students takes a few tenths of a second to grade; the run
# is stopped as soon as its temporary file shows. Should it finish first,
# it must have left only OUT. The signal is sent twice, as timeout(1) does
# (to the program and to its process group).
d=$(mktemp -d) || exit 1
pid=
trap '[ -n "$pid" ] && kill -KILL $pid 2>/dev/null; rm -rf "$d"' EXIT
awk 'BEGIN {
	print "student,1.1,1.2,2.1,2.2,3.1.2,3.2.1.1.dims,3.2.1.1.weights,3.2.2.1,3.3.3"
	for (i = 0; i < 1000000; i++)
		print "s" i ",True,(f),a and b,D.,-2/8+sqrt(0),16*8*64*64,\"6,000\",4*8,010111010"
}' > "$d/big.csv" || exit 1
EXAMCHECK_SINGLE_THREAD=1 $EC grade --key tests/cli/data/key.tsv --roster "$d/big.csv" \
	-o "$d/out.csv" --stats 2>/dev/null &
pid=$!
n=0
while [ $n -lt 200 ] && [ -z "$(ls "$d" | grep -v '^big\.csv$')" ] && kill -0 $pid 2>/dev/null; do
	sleep 0.02
	n=$((n + 1))
done
kill -TERM $pid 2>/dev/null
kill -TERM $pid 2>/dev/null
wait $pid
status=$?
pid=
left=$(ls "$d" | grep -v -e '^big\.csv$' -e '^out\.csv$')
[ -z "$left" ] || { echo "left behind after exit status $status: $left"; exit 1; }
if [ $status = 0 ]; then
	[ -f "$d/out.csv" ] || { echo "finished without out.csv"; exit 1; }
else
	[ $status = 143 ] || { echo "exit status $status, expected 143 (SIGTERM)"; exit 1; }
	[ ! -e "$d/out.csv" ] || { echo "out.csv written by a stopped run"; exit 1; }
fi
