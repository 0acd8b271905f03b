# Each difference on its own line; exit status 1.
$EC key --key tests/cli/data/key.tsv --check tests/cli/data/key-changed.tsv
