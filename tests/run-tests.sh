#!/bin/sh
# run-tests.sh BUILD TEST...: run the cmocka test executables, then replay
# the fuzz corpora, then every golden CLI case under tests/cli/, and print
# "N passed, N failed, N skipped".
#
# Fuzz corpora: for each harness tests/fuzz/fuzz_NAME.c, every file of
# tests/fuzz/corpus/NAME/ is given to BUILD/fuzz/replay_NAME (the harness
# linked with tests/fuzz/replay.c instead of libFuzzer), one process per
# file (so that a crash names its input), then all files in one process,
# as libFuzzer runs them (so that what one input leaves behind, a stale
# stack slot or a static, meets the next); one case per harness, failing
# when either way crashes it, makes it print or exit non-zero, or runs
# over 60 s (where timeout(1) exists).
#
# A CLI case is tests/cli/NAME.sh, run by sh from the top of the tree with
# $EC set to the examcheck binary. Its standard output must equal
# NAME.out (when that file exists), its standard error NAME.err (when that
# exists) and its exit status NAME.status (0 when absent). A case that
# cannot run here (a tool it needs, such as python3 or pdflatex, is
# missing) exits 77 after saying why on its standard error: it is counted
# as skipped, never as passed, and its reason is shown.
# UPDATE=1 rewrites the .out files of failing cases (review the diff!).
# CLI_CASES='tests/cli/grade_roster*.sh' runs only the cases that pattern
# names (default: every tests/cli/*.sh; 'make tsan' uses it).
#
# A unit-test executable counts as many cases as cmocka runs in it (read
# from its "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)" lines);
# its output is shown only when it fails (or crashes: then one failed
# case more). The last line counts every case of every kind.
build=$1
shift
pass=0
fail=0
skip=0
failed=""
units=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in "$@"; do
	"$t" >"$tmp/unit" 2>&1
	status=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p' "$tmp/unit" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$tmp/unit" | tail -n 1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	units=$((units + ${p:-0} + ${f:-0}))
	if [ $status != 0 ] || [ -n "$f" ] || [ -z "$p" ]; then
		[ -z "$f" ] && fail=$((fail + 1)) # it crashed, or counted nothing
		failed="$failed $t"
		echo "FAIL $t (exit status $status):"
		grep -v '^\[ *\(RUN\|OK\) *\]' "$tmp/unit" | sed 's/^/  /' | head -n 40
	fi
done

EC=$build/examcheck
export EC

limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 60"
for harness in tests/fuzz/fuzz_*.c; do
	[ -e "$harness" ] || continue
	name=${harness#tests/fuzz/fuzz_}
	name=${name%.c}
	replay=$build/fuzz/replay_$name
	why=""
	inputs=0
	if [ ! -x "$replay" ]; then
		why=" $replay is not built"
	else
		for input in "tests/fuzz/corpus/$name"/*; do
			[ -f "$input" ] || continue
			inputs=$((inputs + 1))
			$limit "$replay" "$input" >"$tmp/out" 2>"$tmp/err"
			status=$?
			if [ $status != 0 ] || [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then
				why="$why
  $input: exit status $status
$(cat "$tmp/out" "$tmp/err" | head -n 12 | sed 's/^/    /')"
			fi
		done
		[ $inputs = 0 ] && why=" no input in tests/fuzz/corpus/$name/"
		if [ $inputs != 0 ]; then
			$limit "$replay" "tests/fuzz/corpus/$name"/* >"$tmp/out" 2>"$tmp/err"
			status=$?
			if [ $status != 0 ] || [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then
				why="$why
  all $inputs files in one process: exit status $status
$(cat "$tmp/out" "$tmp/err" | head -n 12 | sed 's/^/    /')"
			fi
		fi
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed fuzz:$name"
		echo "FAIL fuzz corpus $name:$why"
	fi
done
# shellcheck disable=SC2086 # the pattern is meant to expand
for case in ${CLI_CASES:-tests/cli/*.sh}; do
	[ -e "$case" ] || continue
	ran=1
	name=${case%.sh}
	want_status=0
	[ -f "$name.status" ] && want_status=$(cat "$name.status")
	sh "$case" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	if [ "$status" = 77 ] && [ "$want_status" != 77 ]; then
		skip=$((skip + 1))
		echo "skipped $case: $(tail -n 1 "$tmp/err")"
		continue
	fi
	ok=1
	why=""
	if [ "$status" != "$want_status" ]; then
		ok=0
		why="exit status $status, expected $want_status"
	fi
	if [ -f "$name.out" ] && ! cmp -s "$tmp/out" "$name.out"; then
		if [ -n "$UPDATE" ]; then
			cp "$tmp/out" "$name.out"
		else
			ok=0
			why="$why; stdout differs:
$(diff "$name.out" "$tmp/out" | head -n 20)"
		fi
	fi
	if [ -f "$name.err" ] && ! cmp -s "$tmp/err" "$name.err"; then
		ok=0
		why="$why; stderr differs:
$(diff "$name.err" "$tmp/err" | head -n 10)"
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed="$failed $case"
		echo "FAIL $case: $why"
		[ -s "$tmp/err" ] && [ ! -f "$name.err" ] && sed 's/^/  stderr: /' "$tmp/err" | head -n 5
	fi
done
if [ -n "${CLI_CASES:-}" ] && [ -z "${ran:-}" ]; then
	fail=$((fail + 1))
	failed="$failed CLI_CASES"
	echo "FAIL: no CLI case matches CLI_CASES='$CLI_CASES'"
fi
[ $fail -gt 0 ] && { echo; echo "failed:$failed"; }
echo "($units unit-test cases in $# programs, then the fuzz corpora and the CLI cases)"
echo "tests: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
