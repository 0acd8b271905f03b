# U+00D7 multiplies as '*' does: x × y at x = 2, y = 3 is 6, dx = y = 3, dy = x = 2.
$EC backprop --format tsv 'x × y' x=2 y=3
