# The report of a fixed roster (data/roster-report.csv: 120 students of the
# whole exam, of varied ability; 40-odd wrote 2000 for 3.2.1.1.weights;
# the student '<script>' wrote AZ for 2.3, flagged) as headless Chromium
# renders it. The screenshot at 1280 pixels is a 1280x2000 PNG several
# times the size of a blank page's; Chromium logs no console message or
# failed load; the document it parsed has every chart, table and row the
# file has (nothing dropped or moved by a parse error), the flagged
# student as text and no script; printed, it makes a PDF of several pages.
# Skipped (exit 77) when there is no chromium.
browser=$(command -v chromium || command -v chromium-browser) ||
	{ echo "grade_report_browser: no chromium, skipped" >&2; exit 77; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 120"
$EC grade --roster tests/cli/data/roster-report.csv -o "$d/out.csv" --report "$d/r.html" 2>/dev/null
echo "status $?"
printf '<!DOCTYPE html>\n<html><head><title>blank</title></head><body></body></html>\n' > "$d/blank.html"
render() { # render PAGE OPTIONS...: Chromium on PAGE, its messages appended to log
	page=$1
	shift
	$limit "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$d/profile" --enable-logging=stderr --v=0 "$@" "file://$d/$page" 2>>"$d/log"
}
render r.html --window-size=1280,2000 --screenshot="$d/shot.png" > /dev/null
render blank.html --window-size=1280,2000 --screenshot="$d/blank.png" > /dev/null
render r.html --dump-dom > "$d/dom.html"
render r.html --no-pdf-header-footer --print-to-pdf="$d/r.pdf" > /dev/null
# PNG: the signature, then IHDR's width and height (4 bytes each, big-endian)
size() { od -An -tu1 -j "$2" -N 4 "$1" | awk '{ print ((($1 * 256 + $2) * 256 + $3) * 256 + $4) }'; }
[ "$(od -An -c -j 1 -N 3 "$d/shot.png" | tr -d ' ')" = PNG ] && echo "screenshot $(size "$d/shot.png" 16)x$(size "$d/shot.png" 20)"
shot=$(wc -c < "$d/shot.png")
blank=$(wc -c < "$d/blank.png")
[ "$shot" -gt $((4 * blank)) ] && echo "not blank: more than 4 times a blank page's bytes"
if grep -E 'CONSOLE|Uncaught|Failed to load|net::ERR' "$d/log"; then echo "errors logged"; else echo "no console message, no failed load"; fi
same() { # same WHAT PATTERN: the parsed document has as many as the file
	a=$(grep -o "$2" "$d/r.html" | wc -l)
	b=$(grep -o "$2" "$d/dom.html" | wc -l)
	if [ "$a" = "$b" ] && [ "$a" -gt 0 ]; then echo "$1: as many parsed as written"; else echo "$1: $a written, $b parsed"; fi
}
same charts '<svg'
same tables '<table'
same rows '<tr'
same articles '<article'
same bars '<rect class="bar"'
grep -c '<script' "$d/dom.html"
grep -o '<td>&lt;script&gt;</td>' "$d/dom.html"
grep -o '<title>Class report: [^<]*</title>' "$d/dom.html"
[ "$(head -c 5 "$d/r.pdf")" = "%PDF-" ] && echo "a PDF"
# the page tree's root counts every page: the largest /Count
pages=$(grep -a -o '/Count [0-9]*' "$d/r.pdf" | awk '$2 > n { n = $2 } END { print n + 0 }')
[ "$pages" -ge 10 ] && echo "10 pages or more"
