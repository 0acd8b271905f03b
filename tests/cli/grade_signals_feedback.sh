# A signal that stops grade --feedback DIR leaves no temporary file in DIR.
# A report for a new name is written to a file without a name and linked
# in at the end (nothing to leave behind); one that replaces a report of
# an earlier run goes through DIR/.examcheck-PID-N.tmp, renamed over it.
# A file size limit of 0 makes the kernel send SIGXFSZ at the first write
# of a report, so the signal comes while the report's file exists, whatever
# the timing: grade ends
# by SIGXFSZ, no .examcheck-*.tmp is left, and the earlier report is as
# it was. Then SIGTERM, SIGINT, SIGHUP and SIGUSR1, sent while grade
# writes 3000 reports over earlier ones (each report's temporary file
# exists most of the time), leave nothing either.
ulimit -c 0
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
k=tests/cli/data/key.tsv
awk 'BEGIN { print "student,1.1,1.2,2.1"; for (i = 1; i <= 3000; i++) printf "s%d,T,F,AB\n", i }' > "$d/r.csv"
status=0
for earlier in no yes; do
	rm -rf "$d/fb"
	mkdir "$d/fb"
	[ $earlier = yes ] && echo "an earlier report" > "$d/fb/s1.txt"
	# output to a pipe: the limit holds for the files grade writes, not for the pipe
	{ (ulimit -f 0 && exec $EC grade --key $k --roster "$d/r.csv" --feedback "$d/fb" 2>/dev/null); echo $? > "$d/status"; } | cat > /dev/null
	got=$(cat "$d/status")
	[ "$got" -gt 128 ] && [ "$(kill -l "$got")" = XFSZ ] ||
		{ echo "earlier report $earlier: exit status $got, not 128 + SIGXFSZ"; status=1; }
	if [ $earlier = yes ]; then
		[ "$(ls -A "$d/fb")" = s1.txt ] || { echo "left in DIR:"; ls -A "$d/fb" | head -n 5; status=1; }
		[ "$(cat "$d/fb/s1.txt")" = "an earlier report" ] || { echo "the earlier report changed"; status=1; }
	else
		[ -z "$(ls -A "$d/fb")" ] || { echo "left in a new DIR:"; ls -A "$d/fb" | head -n 5; status=1; }
	fi
done
run=""
env --default-signal=INT true 2>/dev/null && run="env --default-signal=INT"
$EC grade --key $k --roster "$d/r.csv" --feedback "$d/fb" -o /dev/null || exit 1
for sig in TERM INT HUP USR1; do
	[ $sig = INT ] && [ -z "$run" ] && continue # a background job ignores SIGINT
	$run $EC grade --key $k --roster "$d/r.csv" --feedback "$d/fb" -o /dev/null 2>/dev/null &
	pid=$!
	touch "$d/start"
	n=0
	until [ -n "$(find "$d/fb" -newer "$d/start" -name 's*.txt' | head -n 1)" ] || ! kill -0 $pid 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 600 ] && break
		sleep 0.01
	done
	kill -s $sig $pid 2>/dev/null
	wait $pid
	left=$(ls -A "$d/fb" | grep -v '^s[0-9]*\.txt$' | head -n 5)
	[ -z "$left" ] || { echo "$sig: left in DIR: $left"; status=1; }
done
exit $status
