# --help prints usage and the tsv format to stdout and exits 0.
out=$($EC backprop --help) || exit 1
printf '%s\n' "$out" | head -n 1 | grep -q '^usage: examcheck backprop' || exit 1
printf '%s\n' "$out" | grep -q "grad<TAB>NAME<TAB>GRADIENT" || exit 1
