# A full disk is an error (exit 74), not a silent truncation.
[ -w /dev/full ] || exit 0
$EC all > /dev/full 2>/dev/null
[ $? = 74 ]
