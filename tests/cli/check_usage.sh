# check --help prints the usage (status 0); without an id or without an
# answer, or with an unknown option, check is a usage error (status 2), as
# is an item graded by hand; an answer may start with '-' (-0.25 is an
# answer, not an option: 3.1.2's right answer, 5 of 5).
$EC check --help >/dev/null
echo "status $?"
$EC check --help | head -n 1
$EC check 2>&1
echo "status $?"
$EC check 2.8 2>&1
echo "status $?"
$EC check --bogus 2.8 C 2>&1
echo "status $?"
$EC check 3.3.4 self 2>&1
echo "status $?"
$EC check 3.1.2 -0.25 >/dev/null
echo "status $?"
$EC check 3.1.2 -0.25 | head -n 1
