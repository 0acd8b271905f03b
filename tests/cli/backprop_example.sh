# The example. By hand: x*y = 3, 2**3 = 8, 1 <= 8 <= 10 so clamp
# passes the gradient (n2: 1); d/d(x*y) = 8 ln 2 = 5.545177444479562,
# dx = y * 8 ln 2 = 5.545177444479562, dy = x * 8 ln 2 = 24 ln 2 = 16.635532333438686.
$EC backprop 'clamp(2**(x*y), 1, 10)' x=3 y=1
