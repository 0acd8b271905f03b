# The TSV lines of the shipped figure. Derived by hand (see tests/test_spatial_graph.c):
# plain 13, masked 10, M_33 = 001111100, M_32 = 010011000, diameter 8.
$EC graphconv data/q3.3.figure --format tsv
