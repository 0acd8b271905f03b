# Points and rubric settings beyond 1e6 are refused where they are written
# (FILE:LINE): 1e308 points used to make totals 'inf' and the statistics
# turn a NaN into a histogram bin's index. At the bound, no output holds
# 'inf' or 'nan' (an item worth 1e6, another worth 0.5, a manual one).
$EC grade --key tests/cli/data/key-huge.tsv --roster tests/cli/data/roster-stats.csv --stats
echo "status $?"
$EC grade --key tests/cli/data/key.tsv --rubric tests/cli/data/rubric-huge.txt tests/cli/data/sheet.txt
echo "status $?"
k=tests/cli/data/key-1e6.tsv
{
	printf 'student,1.1,1.2,2.1,3.3.4\na,T,F,AB,1000000\nb,F,F,A,\nc,,T,C,0.5\n' |
		$EC grade --key $k --rubric tests/cli/data/rubric-huge-ok.txt --roster - --stats-format json -o - 2>&1
	printf 'student,1.1\na,T\n' | $EC grade --key $k --roster - --stats 2>&1
	for f in text json gradescope; do
		printf '1.1 T\n1.2 T\n2.1 A\n3.3.4 2\n' | $EC grade --key $k --format $f - 2>&1
	done
	$EC key --key $k --format json
	$EC key --key $k --format tsv
} | grep -i -e inf -e nan
echo "lines with inf or nan: $?"
