# '--' ends the options of every command: after it, '-x' and '--help' are
# operands.
$EC -- q1.1 | head -n 1
$EC all -- | head -n 1
$EC list -- | head -n 1
$EC q1.1 -- | head -n 1
$EC help -- grade | head -n 1
$EC list -- --help; echo "status $?"
$EC q1.1 -- -x; echo "status $?"
