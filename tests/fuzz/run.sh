#!/bin/sh
# run.sh NAME MAX_LEN SECONDS [OPTION...]: run the libFuzzer harness
# build-fuzz/fuzz_NAME (built by 'make fuzz') for SECONDS on inputs of at
# most MAX_LEN bytes, with tests/fuzz/NAME.dict when there is one and the
# libFuzzer OPTIONs given. It reads build-fuzz/corpus/NAME/ (where new
# inputs go) and the committed tests/fuzz/corpus/NAME/ (never written);
# a crash, leak or timeout leaves its input in build-fuzz/crash/NAME/.
# The whole output is in build-fuzz/NAME.log; the summary is printed.
name=$1
max_len=$2
seconds=$3
shift 3
mkdir -p "build-fuzz/corpus/$name" "build-fuzz/crash/$name"
dict=""
[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
echo "fuzz: $name for $seconds s, inputs up to $max_len bytes (log: build-fuzz/$name.log)"
# shellcheck disable=SC2086 # $dict is one word or none
"./build-fuzz/fuzz_$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
	-print_final_stats=1 -artifact_prefix="build-fuzz/crash/$name/" $dict "$@" \
	"build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" >"build-fuzz/$name.log" 2>&1
status=$?
grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)|^#[0-9]+.*DONE|check failed|ERROR:|SUMMARY:|Test unit written' \
	"build-fuzz/$name.log" | sed 's/^/  /'
if [ "$status" != 0 ]; then
	echo "fuzz: $name failed (exit status $status); its input is in build-fuzz/crash/$name/" >&2
fi
exit "$status"
