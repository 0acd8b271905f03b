# A signal that stops grade leaves no temporary file of -o OUT behind, for
# every signal whose default action ends a program (faults aside). The
# roster comes through a FIFO that stays open: grade has read the header,
# made OUT's temporary file and waits for more when the signal comes, so
# the case does not depend on timing. grade ends by that signal (status
# 128 + its number, as the shell reports it), OUT is not made, and no
# OUT.XXXXXX is left. A shell starts a background job with SIGINT and
# SIGQUIT ignored (and grade keeps what it found ignored): env
# --default-signal puts them back; without it those two are left out.
ulimit -c 0 # SIGQUIT, SIGABRT and others would leave a core file
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkfifo "$d/in" || { echo "no FIFO here" >&2; exit 77; }
rows=$(awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "s%d,T\n", i }')
sigs="HUP ABRT PIPE ALRM TERM USR1 USR2 XCPU XFSZ VTALRM PROF SYS TRAP"
run=""
if env --default-signal=INT,QUIT true 2>/dev/null; then
	sigs="INT QUIT $sigs"
	run="env --default-signal=INT,QUIT"
else
	echo "no env --default-signal: SIGINT and SIGQUIT left out" >&2
fi
status=0
for sig in $sigs; do
	$run $EC grade --key tests/cli/data/key.tsv --roster "$d/in" -o "$d/out.csv" 2>/dev/null &
	pid=$!
	exec 3>"$d/in"
	# more than the 4 KiB grade reads before it opens OUT, less than a chunk
	printf 'student,1.1\n%s\n' "$rows" >&3
	n=0
	until [ -n "$(ls "$d" | grep '^out\.csv\.')" ]; do
		n=$((n + 1))
		[ $n -gt 600 ] && { echo "$sig: no temporary file appeared"; kill -KILL $pid; exit 1; }
		sleep 0.05
	done
	kill -s "$sig" $pid
	exec 3>&- # should grade live on, it reads the end of its input and exits 0
	wait $pid
	got=$?
	# kill -l turns the status of a process a signal ended into the signal's name
	[ "$got" -gt 128 ] && [ "$(kill -l "$got")" = "$sig" ] ||
		{ echo "$sig: exit status $got, not 128 + SIG$sig"; status=1; }
	left=$(ls "$d" | grep -v '^in$')
	[ -z "$left" ] || { echo "$sig: left behind: $left"; rm -f "$d/out.csv"*; status=1; }
done
exit $status
