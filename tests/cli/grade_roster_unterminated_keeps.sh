# The roster: bob's quote never closes. Every student is kept: ann
# T 2; bob graded from his line, 1.1 unreadable (0, flagged 1.1); cat T 2
# and dan F -1 read as rows of their own. The summary counts 4 students,
# 1 flagged; exit 65. The same with two threads and with one, and with
# CRLF line ends.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'student,1.1\nann,T\nbob,"F\ncat,T\ndan,F\n' > "$d/r.csv"
printf 'student,1.1\r\nann,T\r\nbob,"F\r\ncat,T\r\ndan,F\r\n' > "$d/crlf.csv"
k=tests/cli/data/key.tsv
$EC grade --key $k --roster "$d/r.csv" > "$d/out" 2> "$d/err"
echo "exit $?"
cat "$d/out"
sed "s|$d/||" "$d/err"
EXAMCHECK_SINGLE_THREAD=1 $EC grade --key $k --roster "$d/r.csv" > "$d/one.csv" 2>/dev/null
$EC grade --key $k --roster "$d/r.csv" 2>/dev/null | cmp -s - "$d/one.csv" || echo "one thread differs"
$EC grade --key $k --roster "$d/crlf.csv" 2>/dev/null | cmp -s - "$d/one.csv" || echo "CRLF differs"
