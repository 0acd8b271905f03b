# An answer right by the rubric's tolerance says so, with the numbers: the
# key of 3.1.2 is -0.25; with 'rule 3.1.2 exact rel=0.01' up to 0.01 x 0.25
# = 0.0025 off is right. -0.252 is 0.002 off: right, within the tolerance
# (not "another reading"); -0.253 is 0.003 off: wrong; -1/4 is the key's
# value and needs no tolerance.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
{ $EC data rubric; echo 'rule 3.1.2 exact rel=0.01'; } > "$d/rubric"
for a in -0.252 -0.253 -1/4; do
	$EC check --rubric "$d/rubric" 3.1.2 "$a" | grep -v '^The answer is'
done
$EC check --rubric "$d/rubric" --format json 3.1.2 -0.252 | grep -o '"Right within[^"]*"'
