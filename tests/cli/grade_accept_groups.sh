# --accept regrades any answer group, not only another reading of an mc
# question: each command the report gives for a wrong or partly right
# group, run as it is, gives that group's student the item's points (1.1
# tf 2, 2.1 mc 4, 3.1.2 number 5, 3.2.1.1.dims and .weights 6/21 =
# 0.285714, 3.3.3 mask 2) and leaves the right student's as they were.
# ID@N=ANSWER regrades variant N's students only; a variant not named
# right, or one no student sat, is a usage error.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
case $EC in /*) ;; *) EC=$OLDPWD/$EC ;; esac
cat > class.csv <<'CSV'
student,1.1,2.1,3.1.2,3.2.1.1.dims,3.2.1.1.weights,3.3.3
right,T,D,-0.25,16x8x64x64,6000,010011000
w1,F,B,0.25,"(16, 8, 64, 32)",2000,0 1 0 0 1 1 0 0 1
w2,T,AD,-1/2,16x8x64x64,6016,010011000
CSV
$EC grade --roster class.csv -o out.csv --report r.html 2>/dev/null
echo "status $?"
sed -n 's|.*regrade: <code>\(examcheck grade [^<]*\)</code>.*|\1|p' r.html > commands
while read -r cmd; do
	eval "set -- $cmd"
	shift
	spec=$(eval "printf '%s\n' $cmd" | tail -n 1) # the --accept's ID=ANSWER
	item=${spec%%=*}
	"$EC" "$@" 2>/dev/null
	awk -F, -v item="$item" -v spec="$spec" 'NR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
		{ p[$1] = $at[item] }
		END { printf "%s: right %s, w1 %s, w2 %s\n", spec, p["right"], p["w1"], p["w2"] }' out.csv
done < commands
# C is wrong in both keys (the exam's answer is D, variant 7's B)
printf 'student,variant,2.1\nann,0,C\nbob,7,C\n' > v.csv
$EC grade --roster v.csv --accept 2.1@7=C 2>/dev/null | cut -d, -f1,7
$EC grade --roster v.csv --accept 2.1@original=C 2>/dev/null | cut -d, -f1,7
run() { # run COMMAND...: its output, its messages (stand-in warnings left out), its status
	"$@" > run.out 2> run.err
	s=$?
	cat run.out
	grep -v '^examcheck: grade: warning: ' run.err
	echo "status $s"
}
run $EC grade --roster v.csv --accept 2.1@x=B
run $EC grade --roster v.csv --accept 2.1@=B
run $EC grade --roster class.csv --accept 2.1@9=B
