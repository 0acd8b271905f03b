# variant --format latex (the paper) and --key --format latex (the key)
# compile with pdflatex -halt-on-error for seeds 0 to 20: no error, no
# LaTeX warning (undefined references included), no overfull or underfull
# box, and, where pdffonts is, no bitmap (Type 3) font, which a TS1 glyph
# would bring. The paper's text has the name and student-id lines and its
# variant in the footer (pdftotext, where it is). Skipped without pdflatex.
command -v pdflatex >/dev/null 2>&1 || { echo "no pdflatex: skipped" >&2; exit 77; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
status=0
s=0
while [ $s -le 20 ]; do
	for what in paper key; do
		n=$what$s
		opt=""
		[ $what = key ] && opt=--key
		if ! $EC variant --seed $s $opt --format latex >"$d/$n.tex" 2>/dev/null; then
			echo "seed $s $what: examcheck failed"
			status=1
			continue
		fi
		if ! (cd "$d" && pdflatex -halt-on-error -interaction=nonstopmode "$n.tex" >"$n.run" 2>&1); then
			echo "seed $s $what: pdflatex failed"
			grep -A3 '^!' "$d/$n.log" | head -n 8
			status=1
			continue
		fi
		if grep -E 'Warning|^! |Overfull|Underfull' "$d/$n.log"; then
			echo "seed $s $what: warnings above"
			status=1
		fi
		if command -v pdffonts >/dev/null 2>&1 && pdffonts "$d/$n.pdf" | grep 'Type 3'; then
			echo "seed $s $what: a bitmap font"
			status=1
		fi
	done
	s=$((s + 1))
done
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$d/paper7.pdf" "$d/paper7.txt"
	for want in 'Name:' 'Student ID:' 'Variant 7' '3.3.7' 'True' 'False'; do
		grep -q "$want" "$d/paper7.txt" || { echo "paper 7 lacks '$want'"; status=1; }
	done
	pdftotext "$d/key7.pdf" "$d/key7.txt"
	grep -q '3\.2\.1\.1\.dims' "$d/key7.txt" || { echo "key 7 lacks 3.2.1.1.dims"; status=1; }
fi
exit $status
