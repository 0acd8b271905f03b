# Gradescope results.json: score, tests[] with name, number, score, max_score, output.
$EC grade --key tests/cli/data/key.tsv --format=gradescope tests/cli/data/sheet.txt
