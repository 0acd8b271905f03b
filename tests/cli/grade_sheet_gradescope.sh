# Gradescope results.json: score, visibility, tests[] with name, number, score,
# max_score, status (passed when fully right), visibility, output.
$EC grade --key tests/cli/data/key.tsv --format=gradescope tests/cli/data/sheet.txt
