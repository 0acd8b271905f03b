# key --format json marks the items computed from the stand-in graph and the
# reconstructed figure, and only them: of the 63 items of data/answer-key.tsv,
# 3.1.1.x, y, n1, n2, n3, z, n4 and 3.3.1, 3.3.2, 3.3.3, 3.3.7; 52 unmarked.
$EC key --format json 2>/dev/null |
	sed -n 's/^ {"id": "\([^"]*\)".*, "data": "\([^"]*\)", "data_file": "\([^"]*\)"}.*$/\1 \2 \3/p'
echo "unmarked: $($EC key --format json 2>/dev/null | grep '"id"' | grep -vc '"data"')"
