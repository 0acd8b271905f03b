# A stray quote, text after a closing quote and a NUL byte cost a cell,
# not the student: bob's, cy's and dee's answers there are unreadable (0,
# flagged), the rest of their rows graded (the key: 1.1 T, 2.1 D; a wrong
# true/false answer is -1, a wrong option 0); outside an item column the
# row is flagged 'quote' (fay's name). One thread or two, the same bytes.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'student,name,1.1,2.1\nann,A,T,A\nbob,B,T"x,B\ncy,C,"F"x,C\ndee,D,F,A\000B\neve,E,T,D\nfay,"F"ay,T,D\n' > "$d/r.csv"
$EC grade --roster "$d/r.csv" > "$d/out" 2> "$d/err"
echo "status $?"
cat "$d/out"
grep -v 'warning' "$d/err" | sed "s|$d/||"
EXAMCHECK_SINGLE_THREAD=1 $EC grade --roster "$d/r.csv" 2>/dev/null | cmp -s - "$d/out" && echo "one thread: the same"
