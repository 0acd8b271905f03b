# --help prints usage and the documented columns on stdout, exit 0
out=$($EC net --help) || exit 1
printf '%s\n' "$out" | head -n 1 | grep -q '^usage: examcheck net' || exit 1
for col in weights biases bn_params macs flops; do
	printf '%s\n' "$out" | grep -q "^  $col" || { echo "column $col undocumented"; exit 1; }
done
$EC rf -h | grep -q '^usage: examcheck rf' || exit 1
