# check says when the key of the item checked rests on a figure the exam
# lost (a stand-in or a reconstruction), naming its data file, after the
# verdict; nothing for an item from the exam's text, nothing with -q.
err=$($EC check 3.3.1 13 2>&1 >/dev/null) || exit 1
printf '%s\n' "$err" | grep -q "^examcheck: check: warning: the key of 3.3.1 rests on a reconstructed figure (q3.3.figure); see 'examcheck data'$" ||
	{ echo "no warning for 3.3.1: $err"; exit 1; }
err=$($EC check 3.1.1.x 0 2>&1 >/dev/null)
printf '%s\n' "$err" | grep -q "the key of 3.1.1.x rests on a stand-in figure (q3.1.1.graph)" ||
	{ echo "no warning for 3.1.1.x: $err"; exit 1; }
err=$($EC check 2.8 AC 2>&1 >/dev/null)
[ -z "$err" ] || { echo "a warning for 2.8: $err"; exit 1; }
err=$($EC -q check 3.3.1 13 2>&1 >/dev/null)
[ -z "$err" ] || { echo "-q still warns: $err"; exit 1; }
exit 0
