# The worked examples. 2.1 (key AB, two correct options): AB 4,
# A 2, ABC 2, AC 0, CD 0, blank 0. 2.2 (key D, one correct option): all or nothing.
$EC grade --key tests/cli/data/key.tsv --roster tests/cli/data/mc-examples.csv
