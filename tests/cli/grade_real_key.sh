# Grading against the key the answers compute (no --key).
# 1. A sheet that gives every auto-graded item of the committed key scores
#    the whole auto-graded maximum: 100 points less the 7 graded by hand
#    (3.3.4: 1, 3.3.5: 2, 3.3.6: 2, 3.3.7.why: 2).
# 2. Every true/false answer flipped: 10 x (-1) = -10 in section 1; every
#    multiple-choice item left blank: 0 in section 2.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk -F'\t' '$4 != "manual" { print $1, $2 }' data/answer-key.tsv > "$tmp/perfect"
$EC grade "$tmp/perfect" > "$tmp/out" || { echo "grade failed"; exit 1; }
grep -qx 'Total: 93/93 (auto-graded items)' "$tmp/out" || { echo "perfect sheet:"; tail -n 12 "$tmp/out"; exit 1; }
awk -F'\t' '$4 == "tf" { print $1, ($2 == "T" ? "F" : "T") } $4 == "mc" { print $1 }' data/answer-key.tsv > "$tmp/flipped"
$EC grade "$tmp/flipped" > "$tmp/out2" || { echo "grade failed"; exit 1; }
grep -qx 'Section 1: -10/20' "$tmp/out2" || { echo "flipped sheet:"; grep Section "$tmp/out2"; exit 1; }
grep -qx 'Section 2: 0/40' "$tmp/out2" || { echo "flipped sheet:"; grep Section "$tmp/out2"; exit 1; }
