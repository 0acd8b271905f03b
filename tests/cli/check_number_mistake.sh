# check on a count with a known mistake. Layer 1 of Q3.2.1, CONV5-16-p2-s1
# on 3x8x64x64: weights = 16 filters x 3 channels x 5x5x5 = 16 x 3 x 125 =
# 6000; without the input channels 16 x 125 = 2000. Each cell of 3.2.1 is
# worth 6/21 = 2/7 points.
$EC check 3.2.1.1.weights 2000
