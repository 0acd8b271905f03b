# 'examcheck help CMD' prints what 'examcheck CMD --help' prints (a question
# id included); 'examcheck help' prints 'examcheck --help'; all exit 0.
for c in all backprop data grade graphconv help key list net rf q3.2; do
	a=$($EC help "$c") || { echo "help $c: status $?"; exit 1; }
	b=$($EC "$c" --help) || { echo "$c --help: status $?"; exit 1; }
	[ -n "$a" ] && [ "$a" = "$b" ] || { echo "help $c differs from $c --help"; exit 1; }
done
a=$($EC help) || exit 1
[ "$a" = "$($EC --help)" ] || { echo "help differs from --help"; exit 1; }
