# F = 8 for the hidden layer (its input is 8x8), F = 1 for the output layer: option D
$EC q2.7 | grep -E '^Answer:|^So F|correct\.$|filter: F = '
