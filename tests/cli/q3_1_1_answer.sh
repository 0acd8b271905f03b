# The stand-in graph clamp(2**(x*y), 1, 10) * (y - z) at x = 1, y = 3, z = 1,
# by hand: x*y = 3, 2**3 = 8 (inside [1, 10]), y - z = 2, output 16.
# dz = -8; d/d(x*y) = 2 * 8 ln 2 = 16 ln 2; dx = 3 * 16 ln 2 = 48 ln 2
# = 33.27106466687737; dy = 1 * 16 ln 2 + 8 = 19.090354888959126.
$EC q3.1.1 | head -n 1
