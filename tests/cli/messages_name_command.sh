# Once a command runs, every message starts "examcheck: CMD: " (for a
# worked answer, the question id as written), whoever writes it: option
# parsing, --format, the data files, a key, rubric, sheet or figure file,
# -o. Before the command is known, "examcheck: " alone. Each line: "ok" or
# "WRONG", what was run, then the message.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf '1.1 X\n' > "$d/s.txt"
printf 'total 100\nrule 1.* bool\n' > "$d/rubric"
printf 'image 2 2\n1 2\n' > "$d/f.figure"
printf '1.1\tT\tfour\ttf\n' > "$d/k.tsv"
mkdir "$d/data"
printf 'expr x +\n' > "$d/data/q3.1.1.graph"
run() { # run WANT ARG...: the first message of examcheck ARG... starts "examcheck: WANT"
	want=$1
	shift
	msg=$($EC "$@" 2>&1 >/dev/null | head -n 1 | sed "s|$d/||g")
	case $msg in
	"examcheck: $want"*) echo "ok: $* -> $msg" ;;
	*) echo "WRONG: $* -> $msg" ;;
	esac | sed "s|$d/||g"
}
run 'key: ' key --format xml
run 'key: ' key --key "$d/k.tsv"
run 'key: ' key --key "$d/missing.tsv"
run 'grade: ' grade --format csv "$d/s.txt"
run 'grade: ' grade --roster "$d/s.txt" --stats-format tsv
run 'grade: ' grade "$d/s.txt"
run 'grade: ' grade --rubric "$d/rubric" "$d/s.txt"
run 'grade: ' grade --accept 9.9=T "$d/s.txt"
run 'grade: ' grade --rostr x
run 'check: ' check --format xml 1.1 T
run 'check: ' check 1.1 X
run 'variant: ' variant --seed 0 --format tsv
run 'net: ' net --format json 'INPUT 3x8x8'
run 'rf: ' rf --format json conv3s1
run 'backprop: ' backprop --format json x x=1
run 'graphconv: ' graphconv "$d/f.figure"
run 'graphconv: ' graphconv --format json "$d/f.figure"
run 'practice: ' practice 3.9
run 'data: ' data nothing
run 'help: ' help chek
run 'q3.1.1: ' q3.1.1 extra
EXAMCHECK_DATA="$d/data" run 'q3.1.1: ' q3.1.1
EXAMCHECK_DATA="$d/data" run 'key: ' key
EXAMCHECK_DATA="$d/nothing" run 'Q3.3: ' Q3.3
EXAMCHECK_DATA="$d/nothing" run 'all: ' all
run 'unknown command' chek
run 'unknown question' q9.9
run 'unknown option' --bogus
