# A disconnected graph: the count covers each node's own component and says so.
$EC graphconv tests/cli/data/disconnected.figure
