# --report FILE needs a roster, and does not share standard output with the
# graded roster; it is written whole or not at all: a directory that does
# not exist is a write error (74, the graded CSV written already, no report
# file), a run that fails leaves an earlier report as it was, and '-' with
# -o FILE writes it to standard output.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
case $EC in /*) ;; *) EC=$OLDPWD/$EC ;; esac
run() { # run COMMAND...: its output, its messages (stand-in warnings left out), its status
	"$@" > run.out 2> run.err
	s=$?
	cat run.out
	grep -v '^examcheck: grade: warning: ' run.err
	echo "status $s"
}
printf 'student,1.1\nann,T\n' > r.csv
printf '1.1 T\n' > sheet.txt
run $EC grade --report r.html sheet.txt
run $EC grade --roster r.csv --report -
run $EC grade --roster r.csv -o - --report -
run $EC grade --roster r.csv -o out.csv --report nodir/r.html
ls
echo 'an earlier report' > r.html
printf 'student,1.1,1.1\nann,T,T\n' > twice.csv
run $EC grade --roster twice.csv -o out.csv --report r.html
cat r.html
$EC grade --roster r.csv -o out.csv --report - 2>/dev/null | head -n 1
ls
