# key --format json marks the items computed from the stand-in graph and the
# reconstructed figure, and only them: of the 65 items of data/answer-key.tsv,
# 3.1.1.x, n1, y, n2, n3, z, n4, n5, n6 and 3.3.1, 3.3.2, 3.3.3, 3.3.7; 52 unmarked.
$EC key --format json 2>/dev/null |
	sed -n 's/^ {"id": "\([^"]*\)".*, "data": "\([^"]*\)", "data_file": "\([^"]*\)"}.*$/\1 \2 \3/p'
echo "unmarked: $($EC key --format json 2>/dev/null | grep '"id"' | grep -vc '"data"')"
