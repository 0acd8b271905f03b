# Inputs in order of first appearance (y, x, z), whatever the order of the
# values. By hand: y*x + z = 2*(-1.5) + 0.5 = -2.5; dy = x = -1.5, dx = y = 2, dz = 1.
$EC backprop 'y*x + z' z=0.5 x=-1.5 --format=tsv y=2
