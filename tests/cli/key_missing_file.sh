$EC key --check tests/cli/data/no-such-key.tsv
