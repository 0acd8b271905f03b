# grade --feedback with a roster column 'variant': each student's report
# gives the reasons of their own exam, with its numbers, and points to its
# worked answers. ann sat the original and bob variant 201; both answer B
# to 2.7. The original's volume is 8x8x1024 (F = 8, then 1: option D), variant
# 201's 13x13x2048 (F = 13, then 1: also D), so B is wrong for both, for
# the reasons of each one's own volume. The same for a single sheet graded
# with --variant 201 (its text reasons).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
printf 'student,variant,2.7\nann,,B\nbob,201,B\n' > "$d/r.csv"
$EC grade --roster "$d/r.csv" --feedback "$d/fb" -o "$d/out.csv" 2>/dev/null
echo "status $?"
grep -E '^  (why|worked answer):' "$d/fb/ann.txt" | cut -c1-140
grep -E '^  (why|worked answer):' "$d/fb/bob.txt" | cut -c1-140
printf '2.7 B\n' > "$d/sheet.txt"
$EC grade --variant 201 "$d/sheet.txt" 2>/dev/null | grep -A1 '^2\.7' | cut -c1-140
