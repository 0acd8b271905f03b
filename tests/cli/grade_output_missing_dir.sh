# -o into a directory that does not exist: one message naming it, 74.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/roster.csv -o no-such-dir/out.csv
$EC grade --key tests/cli/data/key.tsv tests/cli/data/sheet.txt -o no-such-dir/sub/out.txt
