# The three parts of Q3.2 (hand derivation in tests/test_layers.c and tests/test_conv.c)
$EC q3.2 | grep -E '^Answer:| = [0-9]+$'
