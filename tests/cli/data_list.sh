# 'examcheck data' lists every file built into the program (the Makefile's
# EMBED: data/*.graph, data/*.figure, data/rubric), in name order.
$EC data || exit 1
want=$(for f in data/*.graph data/*.figure data/rubric; do basename "$f"; done | LC_ALL=C sort)
[ "$($EC data | cut -f1)" = "$want" ] || { echo "listed names differ from the built-in files: $want"; exit 1; }
