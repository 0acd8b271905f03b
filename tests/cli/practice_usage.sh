# practice: a bad seed, an unknown question (the closest named), something
# that is no question id and an unknown option are usage errors (2), with
# nothing asked; a question graded by hand only is not asked, and the run
# still ends with the score (0 of 0) and its worked answer's command (0).
$EC practice --seed x 3.2.1 </dev/null
echo "status $?"
$EC practice --seed 9223372036854775808 </dev/null
echo "status $?"
$EC practice --seed 7 3.9 </dev/null
echo "status $?"
$EC practice --seed 7 q </dev/null
echo "status $?"
$EC practice --seed 7 --bogus </dev/null
echo "status $?"
$EC practice --seed 7 3.3.5 </dev/null
echo "status $?"
