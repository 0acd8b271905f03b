# The bash completion (completion/examcheck.bash), sourced in bash, offers
# commands and question ids, item ids after check, each command's options
# and their values (of --format, the formats the command accepts there),
# and file names where a file is expected. Skipped when bash is absent.
command -v bash >/dev/null 2>&1 || { echo "no bash: skipped" >&2; exit 77; }
case $EC in /*) ec=$EC ;; *) ec=$(pwd)/$EC ;; esac
ec="$ec" bash --norc --noprofile <<'BASH'
source completion/examcheck.bash || exit 1
status=0
# want WORDS... : EXPECTED...: completing the last word offers EXPECTED (in any order)
want() {
	local -a words=() expect=()
	while [[ $1 != : ]]; do words+=("$1"); shift; done
	shift
	expect=("$@")
	COMP_WORDS=("$ec" "${words[@]}")
	COMP_CWORD=${#words[@]}
	COMPREPLY=()
	_examcheck
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
	if [[ $got != "$(printf '%s\n' "${expect[@]}" | sort)" ]]; then
		echo "examcheck ${words[*]}<TAB>: got '${COMPREPLY[*]}', want '${expect[*]}'"
		status=1
	fi
}
want gr : grade graphconv
want q3.2 : q3.2 q3.2.1 q3.2.2 q3.2.3
want --v : --version
want -- gra : grade graphconv
want help gr : grade graphconv
want help q1.1 : q1.1 q1.10
want grade --st : --stats --stats-format
want variant --o : --output
want grade -- --o :
want key --format '' : text tsv csv json latex
want backprop --format = t : text tsv
want grade --output tests/cli/data/key-o : tests/cli/data/key-origin.tsv tests/cli/data/key-origin-bad.tsv
want grade -otests/cli/data/key-o : -otests/cli/data/key-origin.tsv -otests/cli/data/key-origin-bad.tsv
want grade --key=tests/cli/data/key-o : --key=tests/cli/data/key-origin.tsv --key=tests/cli/data/key-origin-bad.tsv
want grade --key k tests/cli/data/sheet-c : tests/cli/data/sheet-control.txt
want data q3.3 : q3.3.figure
want data rubric '' :
want net --f : --format
want q3.2 --h : --help
want practice --s : --seed
want practice --seed 7 q3.2. : q3.2.1 q3.2.2 q3.2.3
want -q gr : grade graphconv
want key --q : --quiet
# check completes item ids a level at a time, as a path: the exam has ten
# multiple-choice items 2.1-2.10, three parts of 3.2, seven rows of the
# table of 3.2.1 with three entries each; 3.3.7 is an item (a count of
# layers) with a part of its own, 3.3.7.why, graded by hand
want check 2. : 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 2.9 2.10
want check 3.2. : 3.2.1 3.2.2 3.2.3
want check 3.2.1 : 3.2.1.1 3.2.1.2 3.2.1.3 3.2.1.4 3.2.1.5 3.2.1.6 3.2.1.7
want check 3.2.1.1. : 3.2.1.1.dims 3.2.1.1.weights 3.2.1.1.biases
want check 1.1 : 1.1 1.10
want check 3.3.7 : 3.3.7 3.3.7.why
want check '' : 1 2 3
want check 2.8 '' :
want check --format text 3.1. : 3.1.1 3.1.2
# variant 7's graph of 3.1.1 has four inner nodes, the stand-in six
want check --variant 7 3.1.1.n : 3.1.1.n1 3.1.1.n2 3.1.1.n3 3.1.1.n4
want check 3.1.1.n : 3.1.1.n1 3.1.1.n2 3.1.1.n3 3.1.1.n4 3.1.1.n5 3.1.1.n6
want check --key tests/cli/data/key-origin.tsv '' : 1 3
# --format offers what the command accepts: a sheet is graded to text,
# json or gradescope, a roster to csv or json; a paper is text, json, md or
# latex, a variant's key what key writes
want grade --format '' : text json gradescope
want grade --roster r.csv --format '' : csv json
want grade --roster=r.csv --format '' : csv json
want grade --stats-format '' : text csv json
want check --format '' : text json
want variant --format '' : text json md latex
want variant --key --format '' : text tsv csv json latex
want variant --format = l : latex
exit $status
BASH
