# A roster with a column 'variant' cannot be graded against one key
# (--variant, --key); with --feedback each student gets a report (its
# reasons are their own variant's: grade_feedback_variants.sh); a run
# takes at most 64 versions of the exam, the exam's own counted: 0 to 63 are fine, 64 is one too many (1.1, true, is the
# same in every variant, which draws new numbers for 2.5, 2.7, 2.8 and
# section 3 only: T earns its 2 points). A roster on a pipe without the
# column grades as from the file. --stats shows the variants that graded a
# student: variant 7's only when no row is the exam's (bob's T is right: 2).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
top=$PWD
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
run() { # run COMMAND...: its output, its messages (stand-in warnings left out), its status
	"$@" > "$d/out" 2> "$d/err"
	s=$?
	cat "$d/out"
	grep -v '^examcheck: grade: warning: ' "$d/err"
	echo "status $s"
}
cd "$d" || exit 1
printf 'student,variant,1.1\nann,0,T\nbob,7,T\n' > r.csv
run $EC grade --variant 7 --roster r.csv
run $EC grade --key "$top/tests/cli/data/key.tsv" --roster r.csv
run $EC grade --feedback fb --roster r.csv
[ -e fb ] && echo "fb was made"
printf 'student,variant,1.1\nann,original,T\n' > only0.csv
run $EC grade --feedback fb --roster only0.csv
ls fb
{ echo 'student,variant,1.1'; i=0; while [ $i -le 64 ]; do echo "s$i,$i,T"; i=$((i + 1)); done; } > many.csv
head -n 65 many.csv > 64.csv
run $EC grade --roster 64.csv | sed -n '$p;/^s63,/p'
run $EC grade --roster many.csv
printf 'student,variant,1.1\nbob,7,T\n' | $EC grade --roster - --stats -o out.csv 2>/dev/null |
	grep -E '^(variant|students|mean)'
cd "$top" || exit 1
cat tests/cli/data/roster.csv | $EC grade --key tests/cli/data/key.tsv --roster - | cmp - tests/cli/grade_roster.out &&
	echo "a pipe without the column: as from the file"
