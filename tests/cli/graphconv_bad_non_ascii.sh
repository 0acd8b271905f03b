# Figure text outside ASCII is quoted whole; bytes that are not UTF-8 as \xNN.
printf 'image 1 2\n1 ×\n' | $EC graphconv -
echo "status $?"
printf 'image 1 2\n1 2\377\n' | $EC graphconv -
echo "status $?"
$EC graphconv data/q3.3.figure --at "$(printf '1,\342\211')"
echo "status $?"
