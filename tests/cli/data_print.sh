# 'examcheck data NAME' prints the built-in file byte for byte, whatever
# EXAMCHECK_DATA says.
for f in q3.1.1.graph q3.3.figure rubric; do
	$EC data $f | cmp - data/$f || { echo "data $f differs from data/$f"; exit 1; }
	EXAMCHECK_DATA=tests/cli/data/q3_3_variant $EC data $f | cmp - data/$f || exit 1
done
