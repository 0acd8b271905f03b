# The stand-in graph clamp(2**x + y, 1, 10) * (2**(y - z) + z) at x = 3,
# y = 4, z = 3, by hand: 2**3 + 4 = 12 > 10, so the clamp outputs 10 and
# passes nothing back (dn2 = dn1 = dx = 0); y - z = 1, 2**1 = 2, 2 + z = 5,
# output 10 * 5 = 50. dn6 = 10, dn5 = 10, dn3 = 5, dn4 = 10 * 2 ln 2 =
# 20 ln 2 = 13.8629..., dz = 10 - 20 ln 2 = -3.86294..., dy = 0 + 20 ln 2.
# Every graded activation is listed, in the key's order, 6 figures at most.
$EC q3.1.1 | head -n 1
