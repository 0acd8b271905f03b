$EC key --key tests/cli/data/key.tsv --check tests/cli/data/key.tsv
