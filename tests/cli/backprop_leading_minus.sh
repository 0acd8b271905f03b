# An expression starting with '-' is not an option; -x**2 is -(x**2) = -9 at 3, d/dx = -2x = -6.
$EC backprop --format tsv -- '-x**2' x=3
$EC backprop --format tsv '-x**2' x=3
