# Where a data file (data/*) or a public header sends the reader to a
# section, 'README.md, "TITLE"' or 'examcheck-formats(5), "TITLE"', that
# section exists: a heading '## TITLE' of README.md, a '.SS "TITLE ..."'
# of the man page. Each reference found is listed with what it names.
status=0
refs=$(grep -ho 'README\(\.md\)\{0,1\}, "[^"]*"\|examcheck-formats(5), "[^"]*"' data/* include/examcheck/*.h | sort -u)
[ -n "$refs" ] || { echo "no reference found"; exit 1; }
echo "$refs" | while IFS= read -r ref; do
	title=${ref#*\"}
	title=${title%\"}
	case $ref in
	README*) grep -qxF "## $title" README.md && echo "ok: $ref" || echo "missing: $ref" ;;
	*) grep -q "^\.SS \"$title[ \"]" src/cli/examcheck-formats.5 && echo "ok: $ref" || echo "missing: $ref" ;;
	esac
done
