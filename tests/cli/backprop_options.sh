# backprop's operands may start with '-': a negative number (-0.25*x = -1
# at x = 4, d/dx = -0.25), an expression '-x' (d/dx = -1) or a value; only
# --format, -h and -V are options; after -- even '--x' is an expression.
$EC backprop --format=tsv -0.25*x x=4
$EC backprop --format tsv -x x=-0.25
$EC backprop --format tsv -- --x x=2
$EC backprop --frobnicate=1 x x=1; echo "status $?"
