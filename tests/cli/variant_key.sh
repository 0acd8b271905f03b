# The key of variant 7 (its numbers: 'examcheck variant --seed 7'); each
# item is checked against computations independent of the answer code in
# tests/test_variant.c, for seeds 0 to 200. This case holds the generator
# to the same draws on every machine. Its first line, '# variant 7', says
# which exam it is the key of (check --key and grade --key read it).
$EC variant --seed 7 --key --format tsv
