# The exam's figure is missing: the answer and the shipped file both say the graph is a stand-in.
grep -q 'STAND-IN' data/q3.1.1.graph || { echo "data file does not say stand-in"; exit 1; }
$EC q3.1.1 | grep -q 'STAND-IN graph' || { echo "answer does not say stand-in"; exit 1; }
$EC q3.1.1 | grep -q 'data/q3.1.1.graph' || { echo "answer does not name its data file"; exit 1; }
[ "$($EC q3.1 | grep -c '^Answer: ')" = 2 ] || { echo "q3.1 should print 2 answers"; exit 1; }
