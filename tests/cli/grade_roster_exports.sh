# Rosters as course systems export them grade without editing to the same
# totals as the plain roster of the same answers (tests/cli/data/
# roster-stats.csv, graded with tests/cli/data/key.tsv):
#   Google Forms: Timestamp and Email Address first, a column per question
#     titled by its text (--map names them), a prose column kept as data and
#     the grader's column '3.3.4 mark' (an id at the start of a header);
#   Canvas (student analysis): sis_id (--id-column), 'ID: <p>text</p>'
#     question columns (the map names them by the id before ':') each
#     followed by a points column headed by its maximum ('1.0' holds the
#     marks of the essay 3.3.4);
#   Moodle (responses, a European locale): ';' between fields, CRLF, marks
#     with a decimal comma (0,50), 'Response N' columns (--map);
#   Gradescope: 'ID: Title (N pts)' columns, SID (--id-column).
# The totals by hand (1.1 T: +2/-1/0; 2.1 AB: 4 less 2 per wrong or missing
# option; 3.1.2 -0.25: 5; 3.3.4 the mark): s1 T 2 + AB 4 + -0.25 5 + 1 = 12;
# s2 F -1 + A 2 + -1/4 5 + 0.5 = 6.5; s3 blank 0 + ABC 2 + 0.25 0, no mark
# yet (pending) = 2; s4 True 2 + C 0 + blank 0 + 1 = 3; s5 'maybe'
# unreadable 0 (flagged) + a b 4 + -0.250 5 + 0 = 9; s6 (F) -1 + B A 4 + 33
# 0 + 0 = 3. Every run exits 65 for the flagged answer.
k=tests/cli/data/key.tsv
e=tests/cli/data/exports
want='12 6.5 2 3 9 3'
totals() {
	"$@" --format json 2>/dev/null | grep -o '"total": [^,]*' | sed 's/"total": //' | tr '\n' ' ' | sed 's/ $//'
}
check() {
	name=$1
	shift
	got=$(totals $EC grade --key $k "$@")
	[ "$got" = "$want" ] || { echo "$name: totals '$got', expected '$want'"; exit 1; }
	$EC grade --key $k "$@" 2>/dev/null
	echo "$name: status $?"
}
check plain --roster tests/cli/data/roster-stats.csv
check google-forms --roster $e/google-forms.csv --id-column 'Email Address' --map $e/google-forms-map.csv
check canvas --roster $e/canvas.csv --id-column sis_id --map $e/canvas-map.csv
check moodle --roster $e/moodle.csv --id-column 'email address' --map $e/moodle-map.csv
check gradescope --roster $e/gradescope.csv --id-column SID
