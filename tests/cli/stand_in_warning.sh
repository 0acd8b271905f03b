# The computed key rests on two stand-in figures: key, grade of a sheet and
# grade of a roster each say so once, on standard error, in one line of at
# most 132 bytes naming the questions and their points; the exit statuses
# do not change. By hand from
# data/answer-key.tsv: 3.1.1.x, n1, y, n2, n3, z, n4, n5, n6 are 5/9 each, 5 in all
# (q3.1.1.graph); 3.3.1 4 + 3.3.2 4 + 3.3.3 2 + 3.3.7 1 = 11 (q3.3.figure;
# 3.3.4-3.3.6 and 3.3.7.why are prose, not computed from it); 16 in all.
$EC key --format tsv >/dev/null; echo "key: status $?"
printf '1.1 T\n3.3.1 13\n' | $EC grade - >/dev/null; echo "grade sheet: status $?"
$EC grade --roster tests/cli/data/roster.csv >/dev/null; echo "grade roster: status $?"
$EC key --check data/answer-key.tsv >/dev/null; echo "key --check: status $?"
$EC key 2>&1 >/dev/null | awk '{ n++; if (length($0) > 132) print "line " NR ": " length($0) " bytes" } END { print n " line(s)" }'
