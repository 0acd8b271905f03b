# Every command of the table (as --help lists it) is documented in README.md
# and in the man page, and the man page lists no command the table lacks.
cmds=$($EC --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" {print $1}')
[ -n "$cmds" ] || { echo "no commands in --help"; exit 1; }
status=0
for c in $cmds; do
	grep -q "examcheck $c" README.md || { echo "README.md does not document '$c'"; status=1; }
	grep -q "^\.B examcheck $c" src/cli/examcheck.1 || grep -q "^\.SS $c\$" src/cli/examcheck.1 || { echo "man page does not document '$c'"; status=1; }
done
for c in $(sed -n 's/^\.SS \([a-z]*\)$/\1/p' src/cli/examcheck.1); do
	echo "$cmds" | grep -qx "$c" || { echo "man page documents '$c', which --help lacks"; status=1; }
done
exit $status
