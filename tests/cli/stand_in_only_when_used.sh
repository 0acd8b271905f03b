# "Stand-in" and "reconstruction" are said only where the built-in
# figures are used. With EXAMCHECK_DATA naming edited copies (standing for
# the real figures) no worked answer, question text or warning says so,
# and the worked answers name the files they read; without it, or with a
# copy of the built-in graph saved with CRLF line ends (the same figure),
# they say it. Each line: what was run, how many lines of its output and
# standard error speak of a stand-in or a reconstruction, and how many name
# the data file it read.
case $EC in /*) ;; *) EC=$PWD/$EC ;; esac
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/real" "$d/crlf"
sed 's/^z = 3$/z = 2/' data/q3.1.1.graph > "$d/real/q3.1.1.graph"
sed 's/^1 0 2 1 0$/1 0 2 1 1/' data/q3.3.figure > "$d/real/q3.3.figure"
cp data/rubric "$d/real/rubric"
cmp -s "$d/real/q3.1.1.graph" data/q3.1.1.graph && { echo "graph not edited"; exit 1; }
cmp -s "$d/real/q3.3.figure" data/q3.3.figure && { echo "figure not edited"; exit 1; }
awk '{ printf "%s\r\n", $0 }' data/q3.1.1.graph > "$d/crlf/q3.1.1.graph"
cp data/q3.3.figure data/rubric "$d/crlf"
printf '1.1 T\n' > "$d/s.txt"
cd "$d" || exit 1
count() { # count DIR FILE ARG...: examcheck ARG... with EXAMCHECK_DATA=DIR (unset for data)
	dir=$1
	file=$2
	shift 2
	if [ "$dir" = data ]; then
		$EC "$@" > out 2>&1
	else
		EXAMCHECK_DATA=$dir $EC "$@" > out 2>&1
	fi
	printf '%s: examcheck %s: %s stand-in' "$dir" "$*" "$(grep -ci 'stand-in\|reconstruct' out)"
	[ -n "$file" ] && printf ', %s naming %s' "$(grep -c -e "$dir/$file" out)" "$dir/$file"
	echo
}
for dir in real data crlf; do
	count $dir q3.1.1.graph q3.1.1
	count $dir q3.3.figure q3.3
	count $dir q3.3.figure variant --seed 0 q3.3.1
	count $dir "" variant --seed 0
	count $dir "" key
	count $dir "" grade s.txt
done
