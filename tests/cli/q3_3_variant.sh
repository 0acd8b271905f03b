# EXAMCHECK_DATA replaces the figure. Variant: X = 1..9, W = corners and centre 1,
# full 8-neighbour 3x3 grid, at (2,2). By hand: plain = masked = 1+3+5+7+9 = 25;
# at (2,1) column 0 is outside: mask 011011011; diameter 2 so 2 layers.
export EXAMCHECK_DATA=tests/cli/data/q3_3_variant
for p in 1 2 3 7; do $EC q3.3.$p | head -n 1; done
