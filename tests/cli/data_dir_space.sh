# A data directory whose path has a blank: the worked answer of 3.3 names
# the figure by its whole path (it was cut at the blank).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir "$d/my data" && $EC data q3.3.figure > "$d/my data/q3.3.figure" || exit 1
EXAMCHECK_DATA="$d/my data" $EC q3.3 2>/dev/null | grep '^On the ' | sed "s|$d/||"
