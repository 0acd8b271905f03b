# -o to a FIFO: written directly, with no temporary file; the FIFO stays one.
d=$(mktemp -d) || exit 1
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$d"' EXIT
mkfifo "$d/fifo" || exit 1
cat "$d/fifo" > "$d/got" &
pid=$!
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv -o "$d/fifo"
status=$?
[ -p "$d/fifo" ] || { echo "the FIFO was replaced"; exit 1; }
[ $status = 0 ] || { echo "exit status $status"; exit 1; }
wait $pid
pid=
cmp "$d/got" tests/cli/grade_roster.out || exit 1
[ "$(ls "$d" | tr '\n' ' ')" = "fifo got " ] || { echo "left:"; ls "$d"; exit 1; }
