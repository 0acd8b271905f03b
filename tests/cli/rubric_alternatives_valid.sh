# Every alternative listed (commented out) in data/rubric is valid for its
# item once switched on, and switching 2.9's on gives AC full credit.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sed 's/^# alt /alt /' data/rubric > "$tmp/rubric"
[ "$(grep -c '^alt ' "$tmp/rubric")" -ge 10 ] || { echo "too few alternatives"; exit 1; }
echo '2.9 AC' > "$tmp/sheet"
$EC grade "$tmp/sheet" | grep -q '^2\.9  *AC  *wrong  *0/4' || { echo "AC should be wrong by default"; exit 1; }
$EC grade --rubric "$tmp/rubric" "$tmp/sheet" > "$tmp/out" || exit 1
grep -q '^2\.9  *AC  *right  *4/4' "$tmp/out" || { echo "AC not accepted with the alternatives on"; exit 1; }
