# Without self-connections a path (bipartite) is never covered: layers never.
# X = 1..9, W = corners and centre 1: plain 1+3+5+7+9 = 25. x22 is joined to x21 and
# x23 (centre 0): masked 4*0 + 6*0 = 0. x21 is joined to x22 and x31.
$EC graphconv tests/cli/data/self0_path.figure --format tsv
