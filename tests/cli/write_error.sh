# A full disk is an error (exit 74), not a silent truncation.
[ -w /dev/full ] || { echo "no writable /dev/full: skipped" >&2; exit 77; }
$EC all > /dev/full 2>/dev/null
[ $? = 74 ]
