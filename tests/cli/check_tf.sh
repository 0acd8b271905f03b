# check on true/false: 1.1 is true (+2), so F is wrong (-1). The worked
# answer's imbalanced blobs: 190 + 10 = 200 samples, 95% / 5%.
$EC check 1.1 T
$EC check q1.1 F
