# --accept gives full credit for another answer; for mc, partial credit is
# scored against each accepted answer and the best counts. "A and D" on 2.2
# now earns 4; "1/4" is accepted for 3.1.2.
$EC grade --key tests/cli/data/key.tsv --accept 2.2=AD --accept "3.1.2=1/4" --roster tests/cli/data/mc-examples.csv
