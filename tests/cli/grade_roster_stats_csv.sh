# --stats-format csv: a line per item (values derived in grade_roster_stats_json.sh).
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv \
	--stats --stats-format csv -o "$d/out.csv" 2>/dev/null
echo "status $?"
