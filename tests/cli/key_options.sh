# key: '--' ends the options, '--check=FILE' is '--check FILE'; an unknown
# option, a missing value and an operand are errors naming key, exit 2.
$EC key --format=tsv -- | head -n 1
$EC key --check=tests/cli/data/key-changed.tsv --key tests/cli/data/key.tsv >/dev/null 2>&1; echo "status $?"
$EC key --frobnicate; echo "status $?"
$EC key --check; echo "status $?"
$EC key -- --format; echo "status $?"
