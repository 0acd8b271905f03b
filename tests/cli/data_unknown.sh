$EC data answer-key.tsv; echo "status $?"
$EC data q3.3.figure rubric; echo "status $?"
