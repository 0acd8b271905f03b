# A full disk is an error (exit 74), not a silent truncation.
# Skipped (exit status 77) where there is no /dev/full.
[ -w /dev/full ] || { echo "no writable /dev/full" >&2; exit 77; }
$EC all > /dev/full 2>/dev/null
[ $? = 74 ]
