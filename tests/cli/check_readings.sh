# An answer that another reading of the question gives is named as such.
# 2.5: read as "the loss L(x_k) settles", A (|x| from 1, step 2: x goes
# 1, -1, 1, ..., the loss stays 1) and B (x^2 from 1, step 1: x goes
# 1, -1, ..., the loss stays 1) settle besides D, while C (step 2.01: the
# loss alternates 1 and 1.01) does not: ABD. 2.4: read as "at most N",
# every formula at least the count found holds: B to F (layer norm's 0 is
# below any bound). With the rubric's alt line switched on (--accept does
# the same), ABD is right and said to be that reading.
$EC check 2.5 ABD | grep '^Another reading' | cut -c1-100
$EC check 2.4 BCDEF | grep '^Another reading' | cut -c1-100
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
{ cat data/rubric; echo "alt 2.5 ABD"; } > "$d/rubric"
$EC check --rubric "$d/rubric" 2.5 ABD | sed -n '1p;/^Accepted/p' | cut -c1-100
