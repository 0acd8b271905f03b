# check on multiple choice. Q2.8's net conv3s1 conv3s2 conv3s2 conv3s1
# pool2s2, by hand: rf = rf_prev + (k - 1) x jump_prev, jump = jump_prev x s:
# (i) 1 + 2x1 = 3, jump 1; (ii) 3 + 2x1 = 5, jump 2; (iii) 5 + 2x2 = 9,
# jump 4; (iv) 9 + 2x4 = 17, jump 4; (v) 17 + 1x4 = 21, jump 8. So A (6x6 at
# (ii)) is false, C (17x17 at (iv)) true; one correct option: AC scores 0.
# Taking the field as the first kernel times the strides so far gives
# 3 x 2 = 6 at (ii): the stride-product mistake that makes A look true.
# 2.10 (key AB, two correct options): A alone misses B, 4 - 2 = 2 points.
$EC check 2.8 AC
echo "status $?"
$EC check 2.10 a
