# The sheet, key and rubric of grade_sheet_forms with a UTF-8 byte-order
# mark and other line ends: key and sheet CRLF, the rubric (data/rubric)
# lone CRs. The result is the same (the sheet comes from standard input).
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
bom=$(printf '\357\273\277')
{ printf '%s' "$bom"; awk '{ printf "%s\r\n", $0 }' tests/cli/data/key-forms.tsv; } >"$tmp/key.tsv"
{ printf '%s' "$bom"; awk '{ printf "%s\r", $0 }' data/rubric; } >"$tmp/rubric"
{ printf '%s' "$bom"; awk '{ printf "%s\r\n", $0 }' tests/cli/data/sheet-forms.txt; } >"$tmp/sheet.txt"
# the files really are what they claim: a BOM first, CRs and no LF in the rubric
[ "$(head -c 3 "$tmp/rubric" | od -An -tx1 | tr -d ' ')" = efbbbf ] || exit 1
[ "$(tr -cd '\n' <"$tmp/rubric" | wc -c)" -eq 0 ] || exit 1
$EC grade --key "$tmp/key.tsv" --rubric "$tmp/rubric" - <"$tmp/sheet.txt"
