# The bash completion (completion/examcheck.bash), sourced in bash, offers
# commands and question ids, each command's options and their values, and
# file names where a file is expected. Skipped (exit status 77) when bash
# is absent.
command -v bash >/dev/null 2>&1 || { echo "no bash" >&2; exit 77; }
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
want key --format '' : text tsv csv json
want backprop --format = t : text tsv
want grade --output tests/cli/data/key-o : tests/cli/data/key-origin.tsv tests/cli/data/key-origin-bad.tsv
want grade -otests/cli/data/key-o : -otests/cli/data/key-origin.tsv -otests/cli/data/key-origin-bad.tsv
want grade --key=tests/cli/data/key-o : --key=tests/cli/data/key-origin.tsv --key=tests/cli/data/key-origin-bad.tsv
want grade --key k tests/cli/data/sheet-c : tests/cli/data/sheet-control.txt
want data q3.3 : q3.3.figure
want data rubric '' :
want net --f : --format
want q3.2 --h : --help
exit $status
BASH
