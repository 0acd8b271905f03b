# The key of variant 7 (its numbers: 'examcheck variant --seed 7'); each
# item is checked against computations independent of the answer code in
# tests/test_variant.c, for seeds 1 to 200. This case holds the generator
# to the same draws on every machine.
$EC variant --seed 7 --key --format tsv
