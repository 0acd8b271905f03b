# The 21 items of 3.2.1 are worth 2/7 each: all right is 21 x 2/7 = 6 points
# of 6, written so in text and json (not 5.9999999999999982, the sum in
# doubles); the last one wrong leaves 20 x 2/7 = 40/7. The answers by hand
# (CONV5-16-p2-s1 on 3x8x64x64, pools halving, CONV3-16, CONV3-32, FC-256,
# FC-10): shapes 16x8x64x64, 16x4x32x32, 16x4x32x32, 16x2x16x16, 32x1x8x8,
# 256, 10; weights 16x3x125 = 6000, 0, 16x16x27 = 6912, 0, 32x16x27 =
# 13824, 2048x256 = 524288, 256x10 = 2560; biases 16, 0, 16, 0, 32, 256, 10.
set -- 16x8x64x64 6000 16 16x4x32x32 0 0 16x4x32x32 6912 16 16x2x16x16 0 0 \
	32x1x8x8 13824 32 256 524288 256 10 2560
$EC check 3.2.1 "$@" 10 | grep '^Total'
$EC check --format json 3.2.1 "$@" 10 | grep -o '"total": [^,]*, "max": [^,]*'
$EC check 3.2.1 "$@" 11 | grep '^Total'
