# --stats-format text (the default), without -o: the graded CSV goes to
# standard output, the statistics to standard error (values derived in
# grade_roster_stats_json.sh).
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster-stats.csv \
	--stats-format text 2>&1 >/dev/null | grep -v '^examcheck: '
