# graphconv: '--' ends the options; --at=R,C is --at R,C; a value that
# starts with '-' is still the value of --at; -x is an unknown option.
$EC graphconv --format=tsv --at=3,2 -- data/q3.3.figure | head -n 1
$EC graphconv --at -1,2 data/q3.3.figure; echo "status $?"
$EC graphconv -x data/q3.3.figure; echo "status $?"
$EC graphconv data/q3.3.figure --at; echo "status $?"
