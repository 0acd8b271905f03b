$EC key --key tests/cli/data/key-origin-bad.tsv
