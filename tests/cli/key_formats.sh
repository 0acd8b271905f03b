# The key in each format, from a key file.
for f in text tsv csv json; do
	echo "--- $f"
	$EC key --key tests/cli/data/key.tsv --format $f || exit 1
done
