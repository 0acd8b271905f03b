# The man pages render without a warning; examcheck(1) has the sections
# OPTIONS, EXAMPLES, FILES and EXIT STATUS (every status of --help), and
# both pages name no file that make install does not install (no README).
status=0
for page in src/cli/examcheck.1 src/cli/examcheck-formats.5; do
	if command -v groff >/dev/null 2>&1; then
		w=$(groff -man -ww -z "$page" 2>&1)
		[ -z "$w" ] || { echo "$page: $w"; status=1; }
	fi
	grep -n 'README' "$page" && { echo "$page names the README, which is not installed"; status=1; }
done
for s in OPTIONS COMMANDS 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES 'SEE ALSO'; do
	grep -q "^\.SH $s\$" src/cli/examcheck.1 || { echo "examcheck.1 lacks $s"; status=1; }
done
for code in $($EC --help | sed -n '/^Exit status:/,/^$/s/^  \([0-9][0-9]*\) .*/\1/p'); do
	sed -n '/^\.SH EXIT STATUS/,/^\.SH/p' src/cli/examcheck.1 | grep -qx "$code" ||
		{ echo "EXIT STATUS lacks $code"; status=1; }
done
grep -q 'examcheck\\-formats (5)' src/cli/examcheck.1 || { echo "SEE ALSO lacks examcheck-formats(5)"; status=1; }
n=$(sed -n '/^\.SH EXAMPLES/,/^\.SH/p' src/cli/examcheck.1 | grep -c '^examcheck ')
[ "$n" -ge 5 ] && [ "$n" -le 8 ] || { echo "EXAMPLES has $n commands, not 5 to 8"; status=1; }
exit $status
