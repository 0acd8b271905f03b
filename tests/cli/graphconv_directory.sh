# A directory given as the figure file: one message, exit 66.
$EC graphconv tests/cli/data
