# check --key FILE grades against the file: key.tsv's 2.1 is AB (the worked
# answer says D), so AB is right there and no reason is given, only why not;
# its 2.2 is D as computed, so D is explained (A, B, C all false).
# --rubric FILE: rubric-strict.txt makes a wrong true/false cost 2, so F for
# 1.1 (true) scores -2 of 2 where the built-in rubric gives -1.
$EC check --key tests/cli/data/key.tsv 2.1 AB
$EC check --key tests/cli/data/key.tsv 2.2 D
$EC check --key tests/cli/data/key.tsv --rubric tests/cli/data/rubric-strict.txt 1.1 F | head -n 1
# An answer the rubric accepts as another reading ("alt 2.9 AC": pooling read
# as max pooling only) is right, and said to be another reading than C.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
{ cat data/rubric; echo "alt 2.9 AC"; } >"$d/rubric"
$EC check --rubric "$d/rubric" 2.9 AC
