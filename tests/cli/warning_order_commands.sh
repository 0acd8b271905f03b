# Warnings come after argument errors in every command that warns: with
# EXAMCHECK_DATA naming a directory that lacks every data file (so that
# grade, key, check and variant each have a warning to give: the built-in
# copies used, and for the key the stand-in figures), a usage error or a
# file that cannot be opened comes alone; once the inputs are open the
# warnings follow, each once, after anything said about an answer given
# on the command line (check 2.8 AZ).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/data"
printf '1.1 T\n' > "$d/s.txt"
export EXAMCHECK_DATA="$d/data"
run() { # status, then the messages in order, a warning shown as "(warning)"
	"$@" > /dev/null 2> "$d/err"
	echo "status $?: $(sed "s|$d/||g; s/^examcheck: [^ ]*: warning: .*/(warning)/" "$d/err" |
		awk '{ printf "%s%s", (NR > 1 ? " | " : ""), $0 }')"
}
run $EC check 9.9 T
run $EC check 2.8 AZ
run $EC check --key "$d/missing.tsv" 1.1 T
run $EC check --rubric "$d/missing" 1.1 T
run $EC check --format xml 1.1 T
run $EC check 1.1 T
run $EC variant --seed 0 --format xml
run $EC variant --seed 0 --key -o "$d/no-dir/k.tsv"
run $EC variant --seed 0 -o "$d/no-dir/exam.txt"
run $EC variant --seed 0 q9
run $EC variant --seed 0 --key
run $EC variant --seed 0 q3.3.1
run $EC key --format xml
run $EC key --check "$d/missing.tsv"
run $EC key
run $EC grade "$d/missing.txt"
run $EC grade --rubric "$d/missing" "$d/s.txt"
run $EC grade "$d/s.txt"
run $EC q3.1.1
