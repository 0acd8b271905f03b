#!/bin/sh
# bench/run.sh BUILD: the figures of 'make bench' (bench/README.md says what
# they mean). Every command runs BENCH_RUNS times (default 5; the 10^7
# roster BENCH_RUNS_BIG times, default 3), the commands alternating round
# by round (A B C A B C ...) so that a burst of load on a shared machine
# falls on all of them alike; the table gives the median and the minimum
# of each, grade's time on a roster as a multiple of the reading floor on
# the same file (wc -l, and bench/floor.c's plain fread loop), the peak
# memory (max RSS) and the target. Ratios between two commands (json and
# --stats against the CSV, one thread against two) are of their medians.
# The same table is written as TSV to BUILD/bench/results.tsv. POSIX sh,
# awk and C only. BENCH_BIG=0 leaves the 10^7 roster (685 MB) out.
set -eu
build=${1:-build}
runs=${BENCH_RUNS:-5}
runs_big=${BENCH_RUNS_BIG:-3}
big=${BENCH_BIG:-1}
CC=${CC:-cc}
ec=$build/examcheck
out=$build/bench
times=$out/times.tsv
case $runs in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive integer" >&2; exit 2 ;; esac
case $runs_big in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS_BIG must be a positive integer" >&2; exit 2 ;; esac
[ -x "$ec" ] || { echo "bench: $ec is not built (run make)" >&2; exit 2; }
mkdir -p "$out"

cflags="-std=c11 -O2 -Wall -Wextra -Wpedantic -Iinclude -D_POSIX_C_SOURCE=200809L"
tool() { # tool NAME [LIBS...]: compile bench/NAME.c into $out/NAME
	name=$1
	shift
	# shellcheck disable=SC2086 # CC and cflags are lists of words
	$CC $cflags -o "$out/$name" "bench/$name.c" "$@"
}
tool measure
tool floor
tool gen "$build/libexamcheck.a" -lm

# Rosters are cached; one is made again when bench/gen.c or bench/key.tsv
# is newer. "tfmc" rosters have only the true/false and multiple-choice
# columns (student,1.1..1.10,2.1..2.10), "full" ones every auto-graded item.
awk -F '\t' '/^#/ || $4 == "tf" || $4 == "mc"' bench/key.tsv > "$out/key-tfmc.tsv"
rm -f "$out/roster-100000.csv" "$out/roster-1000000.csv" # names of the old run.sh
roster() { # roster KIND STUDENTS: make $out/roster-KIND-STUDENTS.csv if needed
	r=$out/roster-$1-$2.csv
	if [ ! -s "$r" ] || [ -n "$(find bench/gen.c bench/key.tsv -newer "$r")" ]; then
		echo "bench: writing $r" >&2
		if [ "$1" = tfmc ]; then k=$out/key-tfmc.tsv; else k=bench/key.tsv; fi
		"$out/gen" "$k" "$2" 1 > "$r.tmp" && mv "$r.tmp" "$r"
	fi
	cat "$r" > /dev/null # into the page cache before the first timed run
}
roster tfmc 20000
roster tfmc 100000
roster tfmc 1000000
roster full 100000
[ "$big" = 0 ] || roster tfmc 10000000
roster full 1000000
printf '1.1 T\n' > "$out/sheet.txt"
ids=$("$ec" list | cut -f 1)

: > "$times"
m() { # m LABEL [-e NAME=VALUE] COMMAND...: one timed run, appended to $times
	label=$1
	shift
	"$out/measure" -l "$label" -a "$times" "$@" || true
}
grade_runs() { # grade_runs KIND STUDENTS: the floor and grade's two modes, once each
	r=$out/roster-$1-$2.csv
	m "wc $1-$2" wc -l "$r" > /dev/null
	m "loop $1-$2" "$out/floor" "$r" > /dev/null
	m "grade2 $1-$2" "$ec" grade --key bench/key.tsv --roster "$r" -o /dev/null
	m "grade1 $1-$2" -e EXAMCHECK_SINGLE_THREAD=1 \
		"$ec" grade --key bench/key.tsv --roster "$r" -o /dev/null
}
format_runs() { # format_runs STUDENTS: json and --stats, once each (the CSV is grade_runs')
	r=$out/roster-tfmc-$1.csv
	m "json tfmc-$1" "$ec" grade --key bench/key.tsv --roster "$r" --format json -o /dev/null
	m "stats tfmc-$1" "$ec" grade --key bench/key.tsv --roster "$r" --stats -o /dev/null > /dev/null
}
# --feedback writes into BENCH_FEEDBACK_DIR (default: a directory in /dev/shm
# when it is a writable tmpfs, else in BUILD/bench). On ext4 the time to
# make a file depends on how many were deleted in the last minutes (it
# skips their inodes), which a bench that deletes 20000 files a run would
# measure more than examcheck; bench/README.md gives a figure of each.
fb_base=${BENCH_FEEDBACK_DIR:-}
if [ -z "$fb_base" ]; then
	if [ -d /dev/shm ] && [ -w /dev/shm ]; then fb_base=/dev/shm; else fb_base=$out; fi
fi
fb_dir=$fb_base/examcheck-bench-feedback.$$
trap 'rm -rf "$fb_dir"' EXIT
feedback_runs() { # feedback_runs: --feedback of 20000 students into a new directory, both modes
	r=$out/roster-tfmc-20000.csv
	rm -rf "$fb_dir"
	m "fb2" "$ec" grade --key bench/key.tsv --roster "$r" -o /dev/null --feedback "$fb_dir"
	rm -rf "$fb_dir"
	m "fb1" -e EXAMCHECK_SINGLE_THREAD=1 \
		"$ec" grade --key bench/key.tsv --roster "$r" -o /dev/null --feedback "$fb_dir"
	rm -rf "$fb_dir"
}

load0=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)
echo "bench: $runs alternating runs of each command on $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, load average $load0; --feedback into $fb_base" >&2
i=0
while [ "$i" -lt "$runs" ]; do
	i=$((i + 1))
	if [ -t 2 ]; then printf 'bench: round %d of %d\r' "$i" "$runs" >&2; fi
	m key "$ec" key > /dev/null 2>&1 # the stand-in warning is not news here
	m sheet "$ec" grade "$out/sheet.txt" > /dev/null 2>&1
	m all "$ec" all > /dev/null
	for id in $ids; do
		m "q $id" "$ec" "$id" > /dev/null
	done
	grade_runs tfmc 100000
	grade_runs tfmc 1000000
	format_runs 1000000
	feedback_runs
	# the class report against grading alone, on every column of the key
	m "grade2 full-100000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-100000.csv" \
		-o "$out/graded.csv"
	m "report full-100000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-100000.csv" \
		-o "$out/graded.csv" --report "$out/report.html"
done
i=0
while [ "$big" != 0 ] && [ "$i" -lt "$runs_big" ]; do
	i=$((i + 1))
	if [ -t 2 ]; then printf 'bench: 10^7, round %d of %d\r' "$i" "$runs_big" >&2; fi
	grade_runs tfmc 10000000
done
# Once: the roster with every column, to a file.
m "wc full-1000000" wc -l "$out/roster-full-1000000.csv" > /dev/null
m "loop full-1000000" "$out/floor" "$out/roster-full-1000000.csv" > /dev/null
m "grade2 full-1000000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-1000000.csv" \
	-o "$out/graded.csv"
m "report full-1000000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-1000000.csv" \
	-o "$out/graded.csv" --report "$out/report.html"
rm -f "$out/graded.csv" "$out/report.html"
load1=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)
echo "bench: load average at the end  $load1" >&2

# The table. Rows: what | key in $times | floors (wc, loop) | target in s
# (or MB for the peak row) | the target as printed. "-" means none. Lines
# "ratio" give a ratio of two medians instead (what | numerator |
# denominator | the most it may be | as printed), printed after the table
# with the --feedback files a second.
size() { awk -v b="$(wc -c < "$out/roster-$1.csv")" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
s5=$(size tfmc-100000)
s6=$(size tfmc-1000000)
s7=-
[ "$big" = 0 ] || s7=$(size tfmc-10000000)
sf=$(size full-1000000)
awk -F '\t' -v results="$out/results.tsv" -v fb_students=20000 '
function median(label,   n, i, j, v, a) {
	n = count[label]
	for (i = 1; i <= n; i++) {
		v = t[label, i]
		for (j = i - 1; j >= 1 && a[j] > v; j--)
			a[j + 1] = a[j]
		a[j + 1] = v
	}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(label, floor) {
	return floor == "-" || !(floor in count) ? "-" : sprintf("%.1f", median(label) / median(floor))
}
function secs(s, decimals) {
	return s == "-" ? s : sprintf("%." decimals "f", s)
}
function row(what, med, mn, n, xwc, xloop, peak, target, met) {
	printf "  %-40s %9s %9s %4s %8s %8s %15s %10s %4s\n", what, secs(med, 4), secs(mn, 4),
		n, xwc, xloop, peak, target, met
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", what, secs(med, 6), secs(mn, 6),
		n, xwc, xloop, peak, target, met > results
}
function most(a, b) { return a > b ? a : b }
function mib(label) { return peak[label] / 1024 }
FNR == NR {       # $times: label, seconds, peak kB, exit status
	n = ++count[$1]
	t[$1, n] = $2
	if (!($1 in lo) || $2 < lo[$1]) lo[$1] = $2
	if ($3 > peak[$1]) peak[$1] = $3
	if ($4 != 0) failed[$1] = $4
	if ($1 ~ /^q / && !(substr($1, 3) in ids)) ids[order[++nids] = substr($1, 3)] = 1
	next
}
FNR == 1 {
	# The slowest single answer: ids with parts (q3, q3.3) print several
	# answers, so they are listed in the note below the table only.
	for (k = 1; k <= nids; k++) {
		id = order[k]
		leaf = 1
		for (other in ids)
			if (index(other, id ".") == 1) leaf = 0
		med = median("q " id)
		if (med > 0.050) slow = slow sprintf(" %s %.3f", id, med)
		if (leaf && (worst == "" || med > median("q " worst))) worst = id
	}
	printf "  %-40s %9s %9s %4s %8s %8s %15s %10s %4s\n", "what", "median s", "min s", "runs",
		"x wc -l", "x C loop", "peak MB", "target", "met"
	print "what\tmedian_s\tmin_s\truns\tx_wc\tx_loop\tpeak_mb\ttarget\tmet" > results
}
$2 == "ratio" {   # a ratio of two medians, printed after the table
	nratios++
	rwhat[nratios] = $1; rnum[nratios] = $3; rden[nratios] = $4; rmax[nratios] = $5; rtarget[nratios] = $6
	next
}
{
	what = $1; label = $2; target = $5
	if (label == "slowest") { label = "q " worst; what = what " (" worst ")" }
	if (label == "peakreport") { # --report at 10^5 and 10^6: flat when within 5%
		p5 = mib("report full-100000"); p6 = mib("report full-1000000")
		met = p5 > 0 && p6 <= p5 * 1.05 ? "yes" : "NO"
		row(what, "-", "-", "-", "-", "-", sprintf("%.2f->%.2f", p5, p6), target, met)
		next
	}
	if (label == "peak") {  # plain grade in either mode at 10^5, 10^6 and 10^7
		p5 = most(mib("grade2 tfmc-100000"), mib("grade1 tfmc-100000"))
		p6 = most(mib("grade2 tfmc-1000000"), mib("grade1 tfmc-1000000"))
		p7 = most(mib("grade2 tfmc-10000000"), mib("grade1 tfmc-10000000"))
		met = p6 <= 4.5 && (p7 == 0 || (p7 <= 8 && p7 - p5 <= 1)) ? "yes" : "NO"
		shown = p7 ? sprintf("%.2f %.2f %.2f", p5, p6, p7) : sprintf("%.2f %.2f", p5, p6)
		row(what, "-", "-", "-", "-", "-", shown, target, met)
		next
	}
	if (!(label in count)) { row(what, "-", "-", "-", "-", "-", "-", target, "?"); next }
	med = median(label)
	met = $4 == "-" ? "-" : med <= $4 ? "yes" : "NO"
	if ($4 ~ /^x/) { # a multiple of the median of another row: x2 grade2 full-100000
		split(substr($4, 2), xr, " ")
		base = substr($4, length(xr[1]) + 3)
		met = (base in count) && med <= xr[1] * median(base) ? "yes" : "NO"
		if (base in count) met = met sprintf(" %.2fx", med / median(base))
	}
	if (label in failed) met = "exit " failed[label]
	row(what, med, lo[label], count[label],
	    ratio(label, $3 == "-" ? "-" : "wc " $3), ratio(label, $3 == "-" ? "-" : "loop " $3),
	    sprintf("%.2f", peak[label] / 1024), target, met)
}
END {
	printf "\n  %-44s %8s %10s %4s\n", "ratio of medians", "ratio", "target", "met"
	for (k = 1; k <= nratios; k++) {
		if (!(rnum[k] in count) || !(rden[k] in count)) continue
		r = median(rnum[k]) / median(rden[k])
		met = rmax[k] == "-" ? "-" : r <= rmax[k] ? "yes" : "NO"
		printf "  %-44s %8.2f %10s %4s\n", rwhat[k], r, rtarget[k], met
		printf "%s\t%.4f\t-\t-\t-\t-\t-\t%s\t%s\n", rwhat[k], r, rtarget[k], met > results
	}
	if ("fb2" in count && "fb1" in count) {
		f2 = fb_students / median("fb2"); f1 = fb_students / median("fb1")
		met = f2 >= 15000 ? "yes" : "NO"
		printf "\n  --feedback, %d students, files a second (of the medians): %.0f as run (one " \
			"thread: see bench/README.md), %.0f with EXAMCHECK_SINGLE_THREAD; target >= 15000: %s\n",
			fb_students, f2, f1, met
		printf "feedback files/s\t%.0f\t-\t%d\t-\t-\t%.2f\t>= 15000\t%s\n",
			f2, count["fb2"], mib("fb2"), met > results
		printf "feedback files/s, EXAMCHECK_SINGLE_THREAD\t%.0f\t-\t%d\t-\t-\t%.2f\t-\t-\n", f1,
			count["fb1"], mib("fb1") > results
	}
	close(results)
	if (slow != "") print "\n  ids over 50 ms (median s):" slow
	print "\n  table as TSV in " results
	for (label in failed) bad = bad " [" label ": exit " failed[label] "]"
	if (bad != "") { print "bench: these commands failed:" bad | "cat 1>&2"; exit 1 }
}' "$times" - <<EOF
examcheck key (to /dev/null)	key	-	0.020	<= 20 ms
examcheck grade, a one-line sheet	sheet	-	0.020	<= 20 ms
examcheck all (to /dev/null)	all	-	0.100	<= 100 ms
slowest single answer	slowest	-	0.050	<= 50 ms
wc -l, tf/mc 10^5 ($s5)	wc tfmc-100000	-	-	-
C loop, tf/mc 10^5	loop tfmc-100000	-	-	-
grade tf/mc 10^5, 2 threads	grade2 tfmc-100000	tfmc-100000	-	-
grade tf/mc 10^5, 1 thread	grade1 tfmc-100000	tfmc-100000	-	-
wc -l, tf/mc 10^6 ($s6)	wc tfmc-1000000	-	-	-
C loop, tf/mc 10^6	loop tfmc-1000000	-	-	-
grade tf/mc 10^6, 2 threads	grade2 tfmc-1000000	tfmc-1000000	0.200	<= 0.20 s
grade tf/mc 10^6, 1 thread	grade1 tfmc-1000000	tfmc-1000000	0.350	<= 0.35 s
grade tf/mc 10^6, --format json	json tfmc-1000000	tfmc-1000000	-	-
grade tf/mc 10^6, --stats	stats tfmc-1000000	tfmc-1000000	-	-
wc -l, tf/mc 10^7 ($s7)	wc tfmc-10000000	-	-	-
C loop, tf/mc 10^7	loop tfmc-10000000	-	-	-
grade tf/mc 10^7, 2 threads	grade2 tfmc-10000000	tfmc-10000000	2.000	<= 2.0 s
grade tf/mc 10^7, 1 thread	grade1 tfmc-10000000	tfmc-10000000	-	-
wc -l, full 10^6 ($sf)	wc full-1000000	-	-	-
C loop, full 10^6	loop full-1000000	-	-	-
grade full 10^6, 2 threads, -o FILE	grade2 full-1000000	full-1000000	-	-
grade full 10^5, 2 threads	grade2 full-100000	full-100000	-	-
grade full 10^5, --report	report full-100000	full-100000	x2 grade2 full-100000	<= 2x grade
grade full 10^6, --report	report full-1000000	full-1000000	-	-
peak MB 10^5 10^6 10^7 (plain)	peak	-	-	4.5, 8, +1
peak MB --report 10^5 -> 10^6	peakreport	-	flat	within 5%
--format json / CSV, 10^6	ratio	json tfmc-1000000	grade2 tfmc-1000000	4	<= 4
--stats / CSV, 10^6	ratio	stats tfmc-1000000	grade2 tfmc-1000000	1.5	<= 1.5
1 thread / 2 threads, 10^6	ratio	grade1 tfmc-1000000	grade2 tfmc-1000000	-	-
EOF
