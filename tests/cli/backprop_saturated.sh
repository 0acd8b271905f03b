# clamp above its upper bound blocks the gradient: 2**(2*2) = 16 > 10, so
# clamp outputs 10, the output is -10 and dx = dy = -1 * 0, printed 0 (never -0).
$EC backprop --format tsv -- '-clamp(2**(x*y), 1, 10)' x=2 y=2
