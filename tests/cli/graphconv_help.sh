# --help goes to stdout, exit 0, and documents the TSV lines and exit statuses.
out=$($EC graphconv --help) || exit 1
for w in "usage: examcheck graphconv" "--at ROW,COL" "--format tsv" mask_left layers never 65 66; do
	printf "%s\n" "$out" | grep -q -e "$w" || { echo "help lacks $w"; exit 1; }
done
