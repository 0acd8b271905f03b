# EXAMCHECK_DATA replaces the graph. By hand: 2**4 = 16 > 10 so clamp outputs
# 10 and blocks the gradient: dx = dn1 = 0; dn2 = y = 3; dy = 10.
EXAMCHECK_DATA=tests/cli/q3_1_1_fixtures/variant $EC q3.1.1 | head -n 1
