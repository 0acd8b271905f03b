# abs at its kink, values written as fractions and expressions. By hand, at
# x = 1/2, y = 2**-1 = 0.5: abs(x - y) = abs(0) = 0 with derivative 0 there
# (the convention), x**3 = 1/8, (-2)**3 = -8; output 1/8 - 8 = -7.875;
# dx = 0 + 3 x^2 = 3/4, dy = 0 (abs blocks it at 0).
$EC backprop 'abs(x - y) + x**3 + (-2)**3' x=1/2 'y = 2**-1'
