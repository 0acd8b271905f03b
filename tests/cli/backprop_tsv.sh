# Same graph as backprop_example, for scripts (values derived there).
$EC backprop --format tsv 'clamp(2**(x*y), 1, 10)' x=3 y=1
