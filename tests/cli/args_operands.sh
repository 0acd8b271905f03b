# '-' followed by a digit or '.' is an operand (a negative number), as is
# '-' alone; '-hV' is -h then -V (help wins); a value may start with '-'.
$EC data -0.25; echo "status $?"
$EC grade --key tests/cli/data/key.tsv -.5; echo "status $?"
$EC list -; echo "status $?"
$EC list -hV | head -n 1
$EC grade --accept -1.1=T --key tests/cli/data/key.tsv tests/cli/data/sheet.txt >/dev/null; echo "status $?"
