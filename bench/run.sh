#!/bin/sh
# bench/run.sh BUILD: grade synthetic rosters of 10^5 and 10^6 students and
# print students/second, MB/second and peak memory. Run by 'make bench'.
set -e
build=${1:-build}
CC=${CC:-cc}
out=$build/bench
mkdir -p "$out"
$CC -std=c11 -O2 -Iinclude -D_POSIX_C_SOURCE=200809L -o "$out/gen" bench/gen.c "$build/libexamcheck.a" -lm
$CC -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -o "$out/measure" bench/measure.c
for n in 100000 1000000; do
	roster=$out/roster-$n.csv
	[ -s "$roster" ] || "$out/gen" bench/key.tsv $n 1 > "$roster"
	bytes=$(wc -c < "$roster")
	for stats in "" --stats; do
		"$out/measure" "$build/examcheck" grade --key bench/key.tsv --roster "$roster" \
			$stats -o "$out/graded.csv" > "$out/stats.txt" 2> "$out/measure.txt"
		secs=$(sed -n 's/^seconds //p' "$out/measure.txt")
		kb=$(sed -n 's/^peak_kb //p' "$out/measure.txt")
		awk -v n=$n -v b="$bytes" -v s="$secs" -v kb="$kb" -v st="${stats:-plain}" 'BEGIN {
			if (s <= 0) s = 0.001
			printf "%8d students  %-8s  %6.3f s  %10.0f students/s  %7.1f MB/s  peak %6.2f MB\n",
				n, st, s, n / s, b / 1e6 / s, kb / 1024
		}'
	done
done
