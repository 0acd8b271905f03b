#!/bin/sh
# bench/run.sh BUILD: the figures of 'make bench' (bench/README.md says what
# they mean). Every command runs BENCH_RUNS times (default 5), the commands
# alternating round by round (A B C A B C ...) so that a burst of load on a
# shared machine falls on all of them alike; the table gives the median and
# the minimum of each, grade's time on a roster as a multiple of the reading
# floor on the same file (wc -l, and bench/floor.c's plain fread loop), the
# peak memory (max RSS) and the target. The same table is written as TSV to
# BUILD/bench/results.tsv. POSIX sh, awk and C only.
set -eu
build=${1:-build}
runs=${BENCH_RUNS:-5}
CC=${CC:-cc}
ec=$build/examcheck
out=$build/bench
times=$out/times.tsv
case $runs in '' | *[!0-9]* | 0) echo "bench: BENCH_RUNS must be a positive integer" >&2; exit 2 ;; esac
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
roster tfmc 100000
roster tfmc 1000000
roster full 100000
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
	m "grade2 $1-$2" "$ec" grade --key bench/key.tsv --roster "$r" -o "$out/graded.csv"
	m "grade1 $1-$2" -e EXAMCHECK_SINGLE_THREAD=1 \
		"$ec" grade --key bench/key.tsv --roster "$r" -o "$out/graded.csv"
}

load0=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || uptime)
echo "bench: $runs alternating runs of each command on $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') CPUs, load average $load0" >&2
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
	# the class report against grading alone, on every column of the key
	m "grade2 full-100000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-100000.csv" \
		-o "$out/graded.csv"
	m "report full-100000" "$ec" grade --key bench/key.tsv --roster "$out/roster-full-100000.csv" \
		-o "$out/graded.csv" --report "$out/report.html"
done
# Once each: --stats, and the roster with every column.
for n in 100000 1000000; do
	m "stats tfmc-$n" "$ec" grade --key bench/key.tsv --roster "$out/roster-tfmc-$n.csv" \
		--stats -o "$out/graded.csv" > /dev/null
done
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
# (or MB for the peak row) | the target as printed. "-" means none.
size() { awk -v b="$(wc -c < "$out/roster-$1.csv")" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
s5=$(size tfmc-100000)
s6=$(size tfmc-1000000)
sf=$(size full-1000000)
awk -F '\t' -v results="$out/results.tsv" '
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
	printf "  %-40s %9s %9s %4s %8s %8s %11s %10s %4s\n", what, secs(med, 4), secs(mn, 4),
		n, xwc, xloop, peak, target, met
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", what, secs(med, 6), secs(mn, 6),
		n, xwc, xloop, peak, target, met > results
}
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
	printf "  %-40s %9s %9s %4s %8s %8s %11s %10s %4s\n", "what", "median s", "min s", "runs",
		"x wc -l", "x C loop", "peak MB", "target", "met"
	print "what\tmedian_s\tmin_s\truns\tx_wc\tx_loop\tpeak_mb\ttarget\tmet" > results
}
{
	what = $1; label = $2; target = $5
	if (label == "slowest") { label = "q " worst; what = what " (" worst ")" }
	if (label == "peakreport") { # --report at 10^5 and 10^6: flat when within 5%
		p5 = peak["report full-100000"] / 1024; p6 = peak["report full-1000000"] / 1024
		met = p5 > 0 && p6 <= p5 * 1.05 ? "yes" : "NO"
		row(what, "-", "-", "-", "-", "-", sprintf("%.2f->%.2f", p5, p6), target, met)
		next
	}
	if (label == "peak") {  # 10^5 and 10^6, plain grade in either mode
		p5 = peak["grade2 tfmc-100000"]; if (peak["grade1 tfmc-100000"] > p5) p5 = peak["grade1 tfmc-100000"]
		p6 = peak["grade2 tfmc-1000000"]; if (peak["grade1 tfmc-1000000"] > p6) p6 = peak["grade1 tfmc-1000000"]
		p5 /= 1024; p6 /= 1024
		met = p5 <= $4 && p6 <= $4 && p6 <= p5 * 1.05 ? "yes" : "NO"
		row(what, "-", "-", "-", "-", "-", sprintf("%.2f->%.2f", p5, p6), target, met)
		next
	}
	if (!(label in count)) { row(what, "-", "-", "-", "-", "-", "-", target, "?"); next }
	med = median(label)
	met = $4 == "-" ? "-" : med <= $4 ? "yes" : "NO"
	if ($4 ~ /^x/) { # a multiple of the median of another row: x2 grade2 full-100000
		split(substr($4, 2), r, " ")
		base = substr($4, length(r[1]) + 3)
		met = (base in count) && med <= r[1] * median(base) ? "yes" : "NO"
		if (base in count) met = met sprintf(" %.2fx", med / median(base))
	}
	if (label in failed) met = "exit " failed[label]
	row(what, med, lo[label], count[label],
	    ratio(label, $3 == "-" ? "-" : "wc " $3), ratio(label, $3 == "-" ? "-" : "loop " $3),
	    sprintf("%.2f", peak[label] / 1024), target, met)
}
END {
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
grade tf/mc 10^5, --stats	stats tfmc-100000	tfmc-100000	-	-
wc -l, tf/mc 10^6 ($s6)	wc tfmc-1000000	-	-	-
C loop, tf/mc 10^6	loop tfmc-1000000	-	-	-
grade tf/mc 10^6, 2 threads	grade2 tfmc-1000000	tfmc-1000000	0.350	<= 0.35 s
grade tf/mc 10^6, 1 thread	grade1 tfmc-1000000	tfmc-1000000	0.500	<= 0.5 s
grade tf/mc 10^6, --stats	stats tfmc-1000000	tfmc-1000000	-	-
wc -l, full 10^6 ($sf)	wc full-1000000	-	-	-
C loop, full 10^6	loop full-1000000	-	-	-
grade full 10^6, 2 threads	grade2 full-1000000	full-1000000	-	-
grade full 10^5, 2 threads	grade2 full-100000	full-100000	-	-
grade full 10^5, --report	report full-100000	full-100000	x2 grade2 full-100000	<= 2x grade
grade full 10^6, --report	report full-1000000	full-1000000	-	-
peak memory tf/mc 10^5 -> 10^6	peak	-	4.5	<= 4.5 MB
peak memory --report 10^5 -> 10^6	peakreport	-	flat	within 5%
EOF
