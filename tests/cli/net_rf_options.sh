# net and rf: --format=tsv and '--' as before; a single-dash option is an
# option (an unknown one here) and a missing value names the command, exit 2.
$EC rf --format=tsv -- conv3s1 | tail -n 1
$EC net -x 'INPUT 3x4x4'; echo "status $?"
$EC rf conv3s1 --format; echo "status $?"
