# x**y at x = -2, y = 3: the value (-2)^3 = -8 and the gradient with
# respect to x, y x^(y-1) = 3 * (-2)^2 = 12, are given; the one with
# respect to y (x^y ln x, and (-2)^y is defined at whole y only) does not
# exist and says why. Exit 0: the answer is complete.
$EC backprop 'x**y' x=-2 y=3
$EC backprop --format tsv 'x**y' x=-2 y=3
