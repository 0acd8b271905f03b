# The answer groups' counts three ways: as the test counts them while it
# writes a roster of 200 students (each answer drawn from a few spellings;
# spellings that grading reads alike counted as one: -1/4 is -0.25,
# (16, 8, 64, 64) is 16x8x64x64, 6,000 is 6000; blank answers and marks
# not given yet as ""), as --stats-format json gives them, and as the
# report's tables show them. All three agree for every item. The roster
# has unreadable answers (maybe), so grading exits 65.
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
awk -v roster="$d/class.csv" -v want="$d/want.tsv" 'BEGIN {
	n = split("1.1|2.1|3.1.2|3.2.1.1.dims|3.2.1.1.weights|3.3.3|3.3.4", id, "|")
	pool[1] = "T|F||maybe|T|T"
	pool[2] = "D|A|B|AD|C||D|D"
	pool[3] = "-0.25|0.25|-1/4|0.5|-0.25"
	pool[4] = "16x8x64x64|16x8x64x64x2|(16, 8, 64, 64)|8x64x64|16x8x64x64"
	pool[5] = "6000|2000|6,000|6016||2000|2000"
	pool[6] = "010011000|111111111|010011001|010011000"
	pool[7] = "1|0.5||0|1"
	alike["3.1.2", "-1/4"] = "-0.25"
	alike["3.2.1.1.dims", "(16, 8, 64, 64)"] = "16x8x64x64"
	alike["3.2.1.1.weights", "6,000"] = "6000"
	seed = 7
	line = "student"
	for (i = 1; i <= n; i++) line = line "," id[i]
	print line > roster
	for (s = 1; s <= 200; s++) {
		line = "s" s
		for (i = 1; i <= n; i++) {
			k = split(pool[i], p, "|")
			seed = (seed * 1103515245 + 12345) % 2147483648
			a = p[1 + int(seed / 2147483648 * k)]
			g = (id[i], a) in alike ? alike[id[i], a] : a
			count[id[i] "\t" g]++
			line = line "," (a ~ /[, ]/ ? "\"" a "\"" : a)
		}
		print line > roster
	}
	for (key in count) print key "\t" count[key] > want
}'
sort "$d/want.tsv" > "$d/want.sorted"
$EC grade --roster "$d/class.csv" --stats-format json -o "$d/out.csv" --report "$d/r.html" \
	> "$d/stats.json" 2>/dev/null
echo "status $?"
# json: an item a line; its groups {"answer": A, "count": N, ...}
awk '/"id": / {
	match($0, /"id": "[^"]*"/); item = substr($0, RSTART + 7, RLENGTH - 8)
	rest = $0
	while (match(rest, /\{"answer": "[^"]*", "count": [0-9]+/)) {
		g = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH)
		a = g; sub(/^\{"answer": "/, "", a); sub(/", "count": [0-9]+$/, "", a)
		c = g; sub(/.*"count": /, "", c)
		print item "\t" a "\t" c
	}
}' "$d/stats.json" | sort > "$d/json.sorted"
# html: an article per item, headed <h4>ID <span...>; in its table of
# groups a row per group, answer and students first
awk '/<article/ { item = "" }
/<h4>/ { item = $0; sub(/.*<h4>/, "", item); sub(/ <span.*/, "", item) }
/<table class="groups">/ { groups = 1 }
/<\/table>/ { groups = 0 }
groups && /^<tr><td>[^<]*<\/td><td class="n">[0-9]+<\/td>/ && item != "" {
	a = $0; sub(/^<tr><td>/, "", a); sub(/<\/td>.*/, "", a)
	c = $0; sub(/^<tr><td>[^<]*<\/td><td class="n">/, "", c); sub(/<.*/, "", c)
	if (a == "(blank)" || a == "(no mark yet)") a = ""
	print item "\t" a "\t" c
}' "$d/r.html" | sort > "$d/html.sorted"
wc -l < "$d/want.sorted"
cmp "$d/want.sorted" "$d/json.sorted" && echo "json: every group as the roster counts it"
cmp "$d/want.sorted" "$d/html.sorted" && echo "report: every group as the roster counts it"
grep -o '"answers_other": [0-9]*' "$d/stats.json" | sort | uniq -c | sed 's/^ *//'
