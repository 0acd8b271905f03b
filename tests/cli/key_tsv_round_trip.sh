# A key file written by 'key --format tsv' reads back to the same file.
$EC key --key tests/cli/data/key.tsv --format tsv | cmp - tests/cli/data/key.tsv
