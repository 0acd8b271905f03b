$EC key --key tests/cli/data/key-bad.tsv
