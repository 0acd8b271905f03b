# --stats-format json on tests/cli/data/roster-stats.csv, checked by hand.
# Columns 1.1 (tf T, 2 points, wrong -1), 2.1 (mc AB, 4, A-E, 2 off per
# error), 3.1.2 (number -0.25, 5) and 3.3.4 (marks by hand, 1):
#   s1  T 2     AB 4     -0.25 5   1 1     total 12
#   s2  F -1    A 2      -1/4 5    .5 .5   total 6.5
#   s3  - 0     ABC 2    0.25 0    - 0     total 2
#   s4  T 2     C 0      - 0       1 1     total 3
#   s5  ? 0     AB 4     -0.250 5  0 0     total 9   (maybe: unreadable)
#   s6  F -1    AB 4     33 0      0 0     total 3
# Totals sum 71/2: mean 71/12 = 5.916666667; sorted 2 3 3 6.5 9 12, median
# 4.75; squared deviations sum 1901/24, sd sqrt(1901/144) = 3.633371559.
# Histogram over [-2, 22] (tf penalties -2; 21 auto points + 1 by hand),
# width 2: [2, 4) 3, [6, 8) 1, [8, 10) 1, [12, 14) 1.
# Item-rest r = sum dx dr / sqrt(sum dx^2 sum dr^2), rest = total - item:
#   1.1  -2/3 / sqrt(28/3 * 1709/24)  = -0.02585978692
#   2.1     5 / sqrt(40/3 * 447/8)    =  0.1831858264
#   3.1.2 45/4 / sqrt(75/2 * 461/24)  =  0.4191717895
#   3.3.4  9/4 / sqrt(29/24 * 147/2)  =  0.2387511491
# alpha = 4/3 (1 - (28/3 + 40/3 + 75/2 + 29/24) / (1901/24)) = 1712/5703
# = 0.3001928809. Facility: (1/3)/2, (8/3)/4, 2.5/5, (5/12)/1.
# Groups: 27% of 6 = 1.62, rounded 2: upper s1 s5 (total >= 9), lower s3
# and the tied s4 s6 (total <= 3). Fully right above: 1.1 s1, 2.1 s1 s5,
# 3.1.2 s1 s5, 3.3.4 s1; below: 1.1 s4, 2.1 s6, 3.1.2 none, 3.3.4 s4.
# Answers: 1.1 T s1 s4, F s2 s6, blank s3, unreadable s5; 2.1 A 5, B 4, C 2
# (tf counts under "options", as mc's).
# Answer groups (largest first, ties by answer text): 1.1 F 2 (-1), T 2
# (T and True), blank 1, 'maybe' 1 (unreadable); 2.1 AB 3 (AB, a b, B A),
# A 1 (2), ABC 1 (2), C 1 (0); 3.1.2 -0.25 2 (-0.25 and -1/4 read alike),
# blank 1, -0.250 1 (right, its 3 figures kept), 0.25 1 (the exam's
# mistake of the sign), 33 1; 3.3.4 marks 0 2, 1 2, none yet 1, 0.5 1.
# s5 is flagged (exit 65; the message is tested elsewhere).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv \
	--stats-format json -o "$d/out.csv" 2>/dev/null
echo "status $?"
