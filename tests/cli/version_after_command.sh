# --version (and -V) after any command prints the version, exit 0, even
# with other arguments around it.
v=$($EC --version) || exit 1
for c in all backprop data grade graphconv help key list net rf q3.2; do
	[ "$($EC "$c" --version)" = "$v" ] || { echo "$c --version"; exit 1; }
	[ "$($EC "$c" -V)" = "$v" ] || { echo "$c -V"; exit 1; }
done
[ "$($EC grade --key tests/cli/data/key.tsv --version tests/cli/data/sheet.txt)" = "$v" ] ||
	{ echo "grade ... --version ..."; exit 1; }
