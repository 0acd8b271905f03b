# An unknown option is named with the command, exit 2.
$EC --frobnicate; echo "status $?"
$EC all --frobnicate; echo "status $?"
$EC list -x; echo "status $?"
$EC q3.2 --frobnicate; echo "status $?"
$EC help --stats; echo "status $?"
