# check on a group: 3.2.1.1 is dims, weights, biases of layer 1, each 2/7.
# By hand: 16x8x64x64 (padding 2 keeps (n + 4 - 5) / 1 + 1 = n), 6000 (see
# check_number_mistake.sh), 16 biases (one per filter). 2000 is wrong, the
# others right: total 2/7 + 0 + 2/7 = 4/7 of 6/7.
$EC check 3.2.1.1 16x8x64x64 2000 16
